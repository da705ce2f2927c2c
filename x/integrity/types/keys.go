package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the integrity module.
	ModuleName = "integrity"
	// StoreKey is the store key of the integrity module.
	StoreKey = ModuleName

	// GasPerLine is charged for every claim line screened.
	GasPerLine = 500
	// GasPerCounter is charged for every counter read or written.
	GasPerCounter = 100
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	ThresholdsKey      = collections.NewPrefix(0)
	FlagsKey           = collections.NewPrefix(1)
	FlagsByInsurerKey  = collections.NewPrefix(2)
	FlagsByProviderKey = collections.NewPrefix(3)
	FlagsByRuleKey     = collections.NewPrefix(4)
	DayMinutesKey      = collections.NewPrefix(5)
	EmCountersKey      = collections.NewPrefix(6)
	PeerEmCountersKey  = collections.NewPrefix(7)
	WeekCountsKey      = collections.NewPrefix(8)
	ProviderStatsKey   = collections.NewPrefix(9)
	ContributionsKey   = collections.NewPrefix(10)
	ScreeningsKey      = collections.NewPrefix(11)
	PeerEmTotalsKey    = collections.NewPrefix(12)
	PeerEmChangedKey   = collections.NewPrefix(13)
)
