package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// EndBlocker burns removed members' bonds whose unbonding has matured, at most
// params.MaxBurnsPerBlock per block, oldest first. It runs after x/staking,
// which returns matured unbondings to the operator in the same block.
// It never returns an error: a failed burn is logged and dropped.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		sdkCtx.Logger().Error("membership: cannot read params", "err", err)
		return nil
	}
	now := sdkCtx.BlockTime().Unix()
	rng := new(collections.Range[collections.Pair[int64, uint64]]).
		EndInclusive(collections.Join(now, ^uint64(0)))
	iter, err := k.BurnQueue.Iterate(ctx, rng)
	if err != nil {
		sdkCtx.Logger().Error("membership: cannot iterate burn queue", "err", err)
		return nil
	}
	var due []collections.Pair[int64, uint64]
	for ; iter.Valid() && uint32(len(due)) < params.MaxBurnsPerBlock; iter.Next() {
		key, err := iter.Key()
		if err != nil {
			break
		}
		due = append(due, key)
	}
	_ = iter.Close()

	for _, key := range due {
		cacheCtx, write := sdkCtx.CacheContext()
		if err := k.burnMatured(cacheCtx, key); err != nil {
			// Drop the entry rather than retry it forever: a stuck entry would
			// take a slot of every later block. The bond stays with the
			// operator; a readmission only tops it up to one bond.
			sdkCtx.Logger().Error("membership: bond burn failed; dropping it", "member", key.K2(), "err", err)
			_ = k.BurnQueue.Remove(sdkCtx, key)
			_ = k.PendingBurns.Remove(sdkCtx, key.K2())
			continue
		}
		write()
	}
	return nil
}

func (k *Keeper) burnMatured(ctx sdk.Context, key collections.Pair[int64, uint64]) error {
	burn, err := k.PendingBurns.Get(ctx, key.K2())
	if err != nil {
		return err
	}
	burned, err := k.burnFromOperator(ctx, burn.Operator, &burn.Amount)
	if err != nil {
		return err
	}
	if err := k.PendingBurns.Remove(ctx, key.K2()); err != nil {
		return err
	}
	if err := k.BurnQueue.Remove(ctx, key); err != nil {
		return err
	}
	return ctx.EventManager().EmitTypedEvent(&types.EventBondBurned{
		MemberId: burn.MemberId, Operator: burn.Operator, Amount: burned.String(),
	})
}
