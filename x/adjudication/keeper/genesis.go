package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/adjudication/types"
)

// InitGenesis stores plans, versions, coverage, accumulators, decisions and authorizations.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	for _, p := range gs.Plans {
		if err := k.Plans.Set(ctx, p.Id, p); err != nil {
			return err
		}
	}
	for _, v := range gs.PlanVersions {
		if err := k.setPlanVersion(ctx, v); err != nil {
			return err
		}
	}
	for _, c := range gs.Coverages {
		if err := k.Coverages.Set(ctx, c.Member, c); err != nil {
			return err
		}
	}
	for _, a := range gs.Accumulators {
		if err := k.Accumulators.Set(ctx, accumulatorKey(a), a); err != nil {
			return err
		}
	}
	for _, d := range gs.Decisions {
		if err := k.Decisions.Set(ctx, d.ClaimId, d); err != nil {
			return err
		}
	}
	for _, a := range gs.Authorizations {
		if err := k.Authorizations.Set(ctx, a.Id, a); err != nil {
			return err
		}
	}
	for _, h := range gs.History {
		if err := k.History.Set(ctx, historyKey(h), h); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes everything out in key order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	if err := k.Plans.Walk(ctx, nil, func(_ string, p types.Plan) (bool, error) {
		gs.Plans = append(gs.Plans, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.PlanVersions.Walk(ctx, nil, func(key collections.Pair[string, uint32], _ types.PlanVersion) (bool, error) {
		v, err := k.GetPlanVersion(ctx, key.K1(), key.K2())
		gs.PlanVersions = append(gs.PlanVersions, v)
		return false, err
	}); err != nil {
		return nil, err
	}
	if err := k.Coverages.Walk(ctx, nil, func(_ string, c types.Coverage) (bool, error) {
		gs.Coverages = append(gs.Coverages, c)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Accumulators.Walk(ctx, nil, func(_ AccumulatorKey, a types.Accumulator) (bool, error) {
		gs.Accumulators = append(gs.Accumulators, a)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Decisions.Walk(ctx, nil, func(_ string, d types.Decision) (bool, error) {
		gs.Decisions = append(gs.Decisions, d)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Authorizations.Walk(ctx, nil, func(_ string, a types.Authorization) (bool, error) {
		gs.Authorizations = append(gs.Authorizations, a)
		return false, nil
	}); err != nil {
		return nil, err
	}
	err := k.History.Walk(ctx, nil, func(_ HistoryKey, h types.HistoryLine) (bool, error) {
		gs.History = append(gs.History, h)
		return false, nil
	})
	return gs, err
}
