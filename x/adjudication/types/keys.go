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
	// GasPerHistoryLine is charged for every earlier line read or written for
	// the duplicate and MUE edits.
	GasPerHistoryLine = 300
	// MaxHistoryPerDay bounds the earlier lines read per member, rendering NPI
	// and date of service (far above any real day of one practitioner with one
	// patient; lines beyond it are not compared).
	MaxHistoryPerDay = 200
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
	HistoryKey        = collections.NewPrefix(6)
	FeeScheduleKey    = collections.NewPrefix(7)
)
