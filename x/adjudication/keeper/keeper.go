package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/claimchain/claimchain/x/adjudication/types"
)

// AccumulatorKey is (member pseudonym, plan id, plan year).
type AccumulatorKey = collections.Triple[string, string, int32]

// Keeper stores plans, coverage, accumulators, decisions and authorizations,
// and adjudicates claims for x/claims. State is declared here, once.
type Keeper struct {
	cdc     codec.BinaryCodec
	members types.MembershipKeeper
	refdata types.ReferenceData

	Schema collections.Schema
	Plans  collections.Map[string, types.Plan]
	// PlanVersions are stored without their fee schedule, which is in
	// FeeSchedule, one entry per key (plan_store.go).
	PlanVersions   collections.Map[collections.Pair[string, uint32], types.PlanVersion]
	FeeSchedule    collections.Map[FeeKey, types.FeeScheduleEntry]
	Coverages      collections.Map[string, types.Coverage]
	Accumulators   collections.Map[AccumulatorKey, types.Accumulator]
	Decisions      collections.Map[string, types.Decision]
	Authorizations collections.Map[string, types.Authorization]
	// History holds the lines that are paid, payable or pending, per member,
	// rendering NPI and date (history.go).
	History collections.Map[HistoryKey, types.HistoryLine]
}

// NewKeeper builds the adjudication keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, members types.MembershipKeeper,
	refdata types.ReferenceData,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:     cdc,
		members: members,
		refdata: refdata,
		Plans:   collections.NewMap(sb, types.PlansKey, "plans", collections.StringKey, codec.CollValue[types.Plan](cdc)),
		PlanVersions: collections.NewMap(sb, types.PlanVersionsKey, "plan_versions",
			collections.PairKeyCodec(collections.StringKey, collections.Uint32Key), codec.CollValue[types.PlanVersion](cdc)),
		FeeSchedule: collections.NewMap(sb, types.FeeScheduleKey, "fee_schedule",
			collections.TripleKeyCodec(collections.StringKey, collections.Uint32Key, collections.StringKey),
			codec.CollValue[types.FeeScheduleEntry](cdc)),
		Coverages: collections.NewMap(sb, types.CoveragesKey, "coverages", collections.StringKey, codec.CollValue[types.Coverage](cdc)),
		Accumulators: collections.NewMap(sb, types.AccumulatorsKey, "accumulators",
			collections.TripleKeyCodec(collections.StringKey, collections.StringKey, collections.Int32Key),
			codec.CollValue[types.Accumulator](cdc)),
		Decisions:      collections.NewMap(sb, types.DecisionsKey, "decisions", collections.StringKey, codec.CollValue[types.Decision](cdc)),
		Authorizations: collections.NewMap(sb, types.AuthorizationsKey, "authorizations", collections.StringKey, codec.CollValue[types.Authorization](cdc)),
		History: collections.NewMap(sb, types.HistoryKey, "history",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), codec.CollValue[types.HistoryLine](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// GetPlan returns a plan.
func (k *Keeper) GetPlan(ctx context.Context, id string) (types.Plan, error) {
	p, err := k.Plans.Get(ctx, id)
	if err != nil {
		return types.Plan{}, errorsmod.Wrapf(types.ErrPlanNotFound, "%s", id)
	}
	return p, nil
}

// VersionInForce returns the plan version in force on a date of service
// (YYYY-MM-DD), walking back from the latest version. Its fee schedule is
// left empty: adjudication reads the entries it needs (feesFor), queries the
// whole schedule (GetPlanVersion).
func (k *Keeper) VersionInForce(ctx context.Context, planID, date string) (*types.PlanVersion, error) {
	plan, err := k.GetPlan(ctx, planID)
	if err != nil {
		return nil, err
	}
	for v := plan.Versions; v >= 1; v-- {
		pv, err := k.PlanVersions.Get(ctx, collections.Join(planID, v))
		if err != nil {
			return nil, err
		}
		if pv.EffectiveDate <= date {
			return &pv, nil
		}
	}
	return nil, nil
}

// accumulator returns the member's accumulator for a plan year, zero if none.
func (k *Keeper) accumulator(ctx context.Context, member, planID string, year int32) (types.Accumulator, error) {
	a, err := k.Accumulators.Get(ctx, collections.Join3(member, planID, year))
	if isNotFound(err) {
		return types.Accumulator{
			Member: member, PlanId: planID, Year: year,
			DeductibleMet: math.ZeroInt(), OutOfPocketSpent: math.ZeroInt(),
		}, nil
	}
	return a, err
}

// GetDecision returns a claim's stored decision.
func (k *Keeper) GetDecision(ctx context.Context, claimID string) (types.Decision, error) {
	d, err := k.Decisions.Get(ctx, claimID)
	if err != nil {
		return types.Decision{}, errorsmod.Wrapf(types.ErrDecisionNotFound, "%s", claimID)
	}
	return d, nil
}
