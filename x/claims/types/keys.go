package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the claims module.
	ModuleName = "claims"
	// StoreKey is the store key of the claims module.
	StoreKey = ModuleName
	// IDPrefix starts every claim id: "CLM-<provider member id>-<sequence>".
	IDPrefix = "CLM"
	// GasPerLine is charged for every claim line on top of the store gas.
	GasPerLine = 2_000
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	ClaimsKey          = collections.NewPrefix(0)
	ClaimSeqKey        = collections.NewPrefix(1)
	BilledLinesKey     = collections.NewPrefix(2)
	ClaimsByProvider   = collections.NewPrefix(3)
	ClaimsByInsurerKey = collections.NewPrefix(4)
	ClaimsByMemberKey  = collections.NewPrefix(5)
	ClaimsByStatusKey  = collections.NewPrefix(6)
)
