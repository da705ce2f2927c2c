package types

import "cosmossdk.io/collections"

const (
	// ModuleName is the name of the adjudication module.
	ModuleName = "adjudication"
	// StoreKey is the store key of the adjudication module.
	StoreKey = ModuleName
	// GasPerRule is charged for every rule evaluated on every line.
	GasPerRule = 500
	// GasPerPlanItem is charged per category, fee-schedule entry and code range of a published plan.
	GasPerPlanItem = 200
	// AuthorizationValidityDays is how long after its planned date an approved preauthorization can be used.
	AuthorizationValidityDays = 90
)

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	PlansKey          = collections.NewPrefix(0)
	PlanVersionsKey   = collections.NewPrefix(1)
	CoveragesKey      = collections.NewPrefix(2)
	AccumulatorsKey   = collections.NewPrefix(3)
	DecisionsKey      = collections.NewPrefix(4)
	AuthorizationsKey = collections.NewPrefix(5)
)
