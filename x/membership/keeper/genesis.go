package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/membership/types"
)

// InitGenesis stores the founding members. It never mints: founding members'
// bonds are ordinary genesis balances, so genutil's gentx checks see them.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	var maxID uint64
	for _, m := range gs.Members {
		if err := k.Members.Set(ctx, m.Id, m); err != nil {
			return err
		}
		for _, key := range types.IdentifierKeys(m.Npi, m.PayerId, m.NaicCode) {
			if err := k.Identifiers.Set(ctx, key, m.Id); err != nil {
				return err
			}
		}
		maxID = max(maxID, m.Id)
	}
	if err := k.MemberSeq.Set(ctx, maxID); err != nil {
		return err
	}
	for _, b := range gs.PendingBurns {
		if err := k.PendingBurns.Set(ctx, b.MemberId, b); err != nil {
			return err
		}
		if err := k.BurnQueue.Set(ctx, collections.Join(b.MatureAt.Unix(), b.MemberId)); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the registry out in id order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	err = k.Members.Walk(ctx, nil, func(_ uint64, m types.Member) (bool, error) {
		gs.Members = append(gs.Members, m)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.PendingBurns.Walk(ctx, nil, func(_ uint64, b types.PendingBurn) (bool, error) {
		gs.PendingBurns = append(gs.PendingBurns, b)
		return false, nil
	})
	return gs, err
}
