package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the refdata module.
	ModuleName = "refdata"
	// StoreKey is the store key of the refdata module.
	StoreKey = ModuleName
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	ParamsKey             = collections.NewPrefix(0)
	VersionsKey           = collections.NewPrefix(1)
	PtpPairsKey           = collections.NewPrefix(2)
	MueRowsKey            = collections.NewPrefix(3)
	AddOnRowsKey          = collections.NewPrefix(4)
	ExclusionsKey         = collections.NewPrefix(5)
	AgeSexRowsKey         = collections.NewPrefix(6)
	TypicalMinutesRowsKey = collections.NewPrefix(7)
	EmLevelRowsKey        = collections.NewPrefix(8)
	InForceKey            = collections.NewPrefix(9)
)
