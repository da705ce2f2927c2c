package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/settlement/types"
)

// InitGenesis stores params, escrow, settings, the queue, remittances and
// payments. The commitment buckets are rebuilt from the queue: each
// scheduled payment's commitment in its claim's bucket (the escrows'
// committed amounts, which Validate checks against the queue, are derived).
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, e := range gs.Escrows {
		if err := k.setEscrow(ctx, e); err != nil {
			return err
		}
	}
	for _, s := range gs.Settings {
		if err := k.Settings.Set(ctx, s.InsurerId, s); err != nil {
			return err
		}
	}
	for _, p := range gs.Scheduled {
		if err := k.Queue.Set(ctx, collections.Join3(p.InsurerId, p.Due.Unix(), p.ClaimId), p); err != nil {
			return err
		}
		if err := k.QueueByClaim.Set(ctx, p.ClaimId, p.Due.Unix()); err != nil {
			return err
		}
		if err := k.QueueInsurers.Set(ctx, p.InsurerId); err != nil {
			return err
		}
		if err := k.commit(ctx, p, false); err != nil {
			return err
		}
	}
	for _, r := range gs.Remittances {
		if err := k.Remittances.Set(ctx, r.TraceNumber, r); err != nil {
			return err
		}
	}
	if gs.Cursor != 0 {
		if err := k.Cursor.Set(ctx, gs.Cursor); err != nil {
			return err
		}
	}
	for _, r := range gs.Recoupments {
		if err := k.Recoupments.Set(ctx, collections.Join3(r.InsurerId, r.ProviderId, r.Denom), r); err != nil {
			return err
		}
	}
	for _, p := range gs.Payments {
		if err := k.ClaimPayments.Set(ctx, p.ClaimId, p); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the state out in key order, each escrow with its
// committed amount (the sum of its buckets).
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Escrows.Walk(ctx, nil, func(_ collections.Pair[uint64, string], e types.Escrow) (bool, error) {
		gs.Escrows = append(gs.Escrows, e)
		return false, nil
	}); err != nil {
		return nil, err
	}
	for i, e := range gs.Escrows {
		if gs.Escrows[i].Committed, err = k.committed(ctx, e.InsurerId, e.Denom); err != nil {
			return nil, err
		}
	}
	if err := k.Settings.Walk(ctx, nil, func(_ uint64, s types.InsurerSettings) (bool, error) {
		gs.Settings = append(gs.Settings, s)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Queue.Walk(ctx, nil, func(_ QueueKey, p types.ScheduledPayment) (bool, error) {
		gs.Scheduled = append(gs.Scheduled, p)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err := k.Remittances.Walk(ctx, nil, func(_ string, r types.Remittance) (bool, error) {
		gs.Remittances = append(gs.Remittances, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if c, err := k.Cursor.Get(ctx); err == nil {
		gs.Cursor = c
	} else if !isNotFound(err) {
		return nil, err
	}
	if err := k.Recoupments.Walk(ctx, nil, func(_ RecoupmentKey, r types.Recoupment) (bool, error) {
		gs.Recoupments = append(gs.Recoupments, r)
		return false, nil
	}); err != nil {
		return nil, err
	}
	err = k.ClaimPayments.Walk(ctx, nil, func(_ string, p types.ClaimPayment) (bool, error) {
		gs.Payments = append(gs.Payments, p)
		return false, nil
	})
	return gs, err
}
