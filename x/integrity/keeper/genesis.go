package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// InitGenesis stores every map of the module. The peer E/M totals are not in
// the genesis: they are the buckets' sums at the end of a block, computed
// here from the buckets (and the set of changed buckets is empty between
// blocks).
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	for _, t := range gs.Thresholds {
		if err := k.Thresholds.Set(ctx, t.InsurerId, t); err != nil {
			return err
		}
	}
	for _, f := range gs.Flags {
		if err := k.Flags.Set(ctx, collections.Join(f.ClaimId, f.RuleId), f); err != nil {
			return err
		}
	}
	for _, d := range gs.DayTotals {
		if err := k.DayMinutes.Set(ctx, collections.Join(d.Npi, d.Date), d.Minutes); err != nil {
			return err
		}
	}
	for _, c := range gs.EmCounters {
		if err := k.EmCounters.Set(ctx, collections.Join(c.Npi, c.Family), c); err != nil {
			return err
		}
	}
	for _, c := range gs.PeerEmCounters {
		if err := k.PeerEmCounters.Set(ctx, collections.Join3(c.InsurerId, c.Family, c.Bucket), c); err != nil {
			return err
		}
	}
	if err := k.foldAllPeerEm(ctx); err != nil {
		return err
	}
	for _, w := range gs.WeekCounts {
		if err := k.WeekCounts.Set(ctx, collections.Join(w.ProviderId, w.Week), w.Claims); err != nil {
			return err
		}
	}
	for _, s := range gs.ProviderStats {
		if err := k.ProviderStats.Set(ctx, s.ProviderId, s); err != nil {
			return err
		}
	}
	for _, c := range gs.Contributions {
		if err := k.Contributions.Set(ctx, c.ClaimId, c); err != nil {
			return err
		}
	}
	for _, s := range gs.Screenings {
		if err := k.Screenings.Set(ctx, s.ClaimId, s); err != nil {
			return err
		}
	}
	return nil
}

// foldAllPeerEm sets every (insurer, family) total from its buckets.
func (k *Keeper) foldAllPeerEm(ctx context.Context) error {
	var pairs []collections.Pair[uint64, string]
	err := k.PeerEmCounters.Walk(ctx, nil, func(key PeerBucketKey, _ types.PeerEmCounter) (bool, error) {
		if n := len(pairs); n == 0 || pairs[n-1].K1() != key.K1() || pairs[n-1].K2() != key.K2() {
			pairs = append(pairs, collections.Join(key.K1(), key.K2()))
		}
		return false, nil
	})
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if err := k.foldPeerEm(ctx, p.K1(), p.K2()); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes every map out in key order, but for the derived peer
// E/M totals and the per-block set of changed buckets.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	var err error
	if gs.Thresholds, err = values(ctx, k.Thresholds); err != nil {
		return nil, err
	}
	if err = k.Flags.Walk(ctx, nil, func(_ FlagKey, f types.Flag) (bool, error) {
		gs.Flags = append(gs.Flags, f)
		return false, nil
	}); err != nil {
		return nil, err
	}
	if err = k.DayMinutes.Walk(ctx, nil, func(key collections.Pair[string, string], m uint64) (bool, error) {
		gs.DayTotals = append(gs.DayTotals, types.DayTotal{Npi: key.K1(), Date: key.K2(), Minutes: m})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.EmCounters, err = values(ctx, k.EmCounters); err != nil {
		return nil, err
	}
	if gs.PeerEmCounters, err = values(ctx, k.PeerEmCounters); err != nil {
		return nil, err
	}
	if err = k.WeekCounts.Walk(ctx, nil, func(key collections.Pair[uint64, int64], n uint64) (bool, error) {
		gs.WeekCounts = append(gs.WeekCounts, types.WeekCount{ProviderId: key.K1(), Week: key.K2(), Claims: n})
		return false, nil
	}); err != nil {
		return nil, err
	}
	if gs.ProviderStats, err = values(ctx, k.ProviderStats); err != nil {
		return nil, err
	}
	if gs.Contributions, err = values(ctx, k.Contributions); err != nil {
		return nil, err
	}
	if gs.Screenings, err = values(ctx, k.Screenings); err != nil {
		return nil, err
	}
	return gs, nil
}

// values lists a map's values in key order.
func values[K, V any](ctx context.Context, m collections.Map[K, V]) ([]V, error) {
	var out []V
	err := m.Walk(ctx, nil, func(_ K, v V) (bool, error) {
		out = append(out, v)
		return false, nil
	})
	return out, err
}
