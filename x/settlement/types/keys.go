package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the settlement module (and of its module account, which holds escrow).
	ModuleName = "settlement"
	// StoreKey is the store key of the settlement module.
	StoreKey = ModuleName
	// StatusProcessed is 835 CLP02 1: processed as primary.
	StatusProcessed = 1
	// StatusDenied is 835 CLP02 4: denied.
	StatusDenied = 4
	// StatusReversal is 835 CLP02 22: reversal of previous payment.
	StatusReversal = 22
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	ParamsKey          = collections.NewPrefix(0)
	EscrowsKey         = collections.NewPrefix(1)
	SettingsKey        = collections.NewPrefix(2)
	QueueKey           = collections.NewPrefix(3)
	QueueByClaimKey    = collections.NewPrefix(4)
	QueueInsurersKey   = collections.NewPrefix(5)
	CursorKey          = collections.NewPrefix(6)
	RemittancesKey     = collections.NewPrefix(7)
	RemitByProviderKey = collections.NewPrefix(8)
	RemitByInsurerKey  = collections.NewPrefix(9)
	ClaimPaymentsKey   = collections.NewPrefix(10)
	RecoupmentsKey     = collections.NewPrefix(11)
	CommitmentsKey     = collections.NewPrefix(12)
)
