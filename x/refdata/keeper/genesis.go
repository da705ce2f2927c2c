package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// InitGenesis stores params, version records and their rows. Rows go through
// the same store path as staging, so a duplicate row key is refused.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	if err := k.Params.Set(ctx, gs.Params); err != nil {
		return err
	}
	for _, v := range gs.Versions {
		if err := k.setVersion(ctx, v); err != nil {
			return err
		}
	}
	for _, vr := range gs.Rows {
		if err := k.storeRows(ctx, vr.Kind, vr.Version, vr.Rows); err != nil {
			return errorsmod.Wrapf(types.ErrInvalidGenesis, "%s version %d: %s", vr.Kind, vr.Version, err)
		}
	}
	return nil
}

// ExportGenesis writes params, every version record and every version's rows, in key order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	gs := &types.GenesisState{Params: params}
	if err := k.Versions.Walk(ctx, nil, func(_ VersionKey, v types.TableVersion) (bool, error) {
		gs.Versions = append(gs.Versions, v)
		return false, nil
	}); err != nil {
		return nil, err
	}
	for _, v := range gs.Versions {
		vr := types.VersionRows{Kind: v.Kind, Version: v.Version}
		if err := k.walkRows(ctx, v.Kind, v.Version, &vr.Rows); err != nil {
			return nil, err
		}
		gs.Rows = append(gs.Rows, vr)
	}
	return gs, nil
}
