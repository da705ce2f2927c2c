package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// EndBlocker folds the peer E/M buckets this block's claims changed into
// PeerEmTotals, which the next block's claims read, and empties the set of
// changed buckets. Its work is bounded by the block's claims (each changed
// (insurer, family) sums at most 16 buckets), never by state. It never
// returns an error: a failed fold is logged, left marked, and retried next
// block.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	var changed []PeerBucketKey
	if err := k.PeerEmChanged.Walk(ctx, nil, func(key PeerBucketKey) (bool, error) {
		changed = append(changed, key)
		return false, nil
	}); err != nil {
		sdkCtx.Logger().Error("integrity: cannot list the changed peer E/M buckets", "err", err)
		return nil
	}
	// Keys are in (insurer, family, bucket) order: one fold per (insurer, family).
	for start := 0; start < len(changed); {
		end := start + 1
		for end < len(changed) && changed[end].K1() == changed[start].K1() && changed[end].K2() == changed[start].K2() {
			end++
		}
		if err := k.foldChanged(sdkCtx, changed[start:end]); err != nil {
			sdkCtx.Logger().Error("integrity: cannot fold the peer E/M total; will retry",
				"insurer", changed[start].K1(), "family", changed[start].K2(), "err", err)
		}
		start = end
	}
	return nil
}

// foldChanged refreshes one (insurer, family) total and unmarks its changed
// buckets, all or nothing.
func (k *Keeper) foldChanged(ctx sdk.Context, keys []PeerBucketKey) error {
	cache, write := ctx.CacheContext()
	if err := k.foldPeerEm(cache, keys[0].K1(), keys[0].K2()); err != nil {
		return err
	}
	for _, key := range keys {
		if err := k.PeerEmChanged.Remove(cache, key); err != nil {
			return err
		}
	}
	write()
	return nil
}
