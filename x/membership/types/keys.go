package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the membership module.
	ModuleName = "membership"
	// StoreKey is the store key of the membership module.
	StoreKey = ModuleName
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	ParamsKey            = collections.NewPrefix(0)
	MemberSeqKey         = collections.NewPrefix(1)
	MembersKey           = collections.NewPrefix(2)
	MembersByOperatorKey = collections.NewPrefix(3)
	MembersByKindStatKey = collections.NewPrefix(4)
	MembersByStatusKey   = collections.NewPrefix(5)
	IdentifiersKey       = collections.NewPrefix(6)
	PendingBurnsKey      = collections.NewPrefix(7)
	BurnQueueKey         = collections.NewPrefix(8)
	MembersByKindKey     = collections.NewPrefix(9)
)
