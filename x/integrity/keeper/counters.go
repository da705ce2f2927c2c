package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// The rule counters. Every write is keyed by what the claim itself names
// (its NPIs, dates, E/M families, provider and week, and its own peer
// bucket), so the work is bounded by the claim's lines, never by state. The
// one insurer-wide figure a claim reads, the peer E/M total, is written only
// at the end of a block.

func (k *Keeper) dayMinutes(ctx context.Context, npi, date string) (uint64, error) {
	counterGas(ctx, 1, "integrity day minutes")
	m, err := k.DayMinutes.Get(ctx, collections.Join(npi, date))
	if isNotFound(err) {
		return 0, nil
	}
	return m, err
}

// addDayMinutes adds (or, negative, gives back) minutes of one NPI on one date.
func (k *Keeper) addDayMinutes(ctx context.Context, npi, date string, add uint64, sub bool) (uint64, error) {
	m, err := k.dayMinutes(ctx, npi, date)
	if err != nil {
		return 0, err
	}
	if m, err = addSub(m, add, sub, "day minutes of "+npi+" on "+date); err != nil {
		return 0, err
	}
	counterGas(ctx, 1, "integrity day minutes")
	if m == 0 {
		return 0, k.DayMinutes.Remove(ctx, collections.Join(npi, date))
	}
	return m, k.DayMinutes.Set(ctx, collections.Join(npi, date), m)
}

// addEm adds (or gives back) E/M services of one NPI in one family.
func (k *Keeper) addEm(ctx context.Context, use types.EmCounter, sub bool) (types.EmCounter, error) {
	counterGas(ctx, 2, "integrity E/M counter")
	key := collections.Join(use.Npi, use.Family)
	c, err := k.EmCounters.Get(ctx, key)
	if isNotFound(err) {
		c, err = types.EmCounter{Npi: use.Npi, Family: use.Family}, nil
	}
	if err != nil {
		return c, err
	}
	what := "E/M services of " + use.Npi + " in " + use.Family
	if c.Total, err = addSub(c.Total, use.Total, sub, what); err != nil {
		return c, err
	}
	if c.High, err = addSub(c.High, use.High, sub, what); err != nil {
		return c, err
	}
	if c.Total == 0 {
		return c, k.EmCounters.Remove(ctx, key)
	}
	return c, k.EmCounters.Set(ctx, key, c)
}

// addPeerEm adds (or gives back) services in one bucket of an insurer's
// family, and marks the bucket changed so that the EndBlocker refreshes the
// family's total.
func (k *Keeper) addPeerEm(ctx context.Context, insurer uint64, family string, bucket uint32, total, high uint64, sub bool) error {
	counterGas(ctx, 3, "integrity E/M peer counter")
	key := collections.Join3(insurer, family, bucket)
	c, err := k.PeerEmCounters.Get(ctx, key)
	if isNotFound(err) {
		c, err = types.PeerEmCounter{InsurerId: insurer, Family: family, Bucket: bucket}, nil
	}
	if err != nil {
		return err
	}
	what := "E/M peer services in " + family
	if c.Total, err = addSub(c.Total, total, sub, what); err != nil {
		return err
	}
	if c.High, err = addSub(c.High, high, sub, what); err != nil {
		return err
	}
	if err := k.PeerEmChanged.Set(ctx, key); err != nil {
		return err
	}
	if c.Total == 0 {
		return k.PeerEmCounters.Remove(ctx, key)
	}
	return k.PeerEmCounters.Set(ctx, key, c)
}

// peerEm is an insurer's E/M services in a family as of the end of the
// previous block: one read of the total the EndBlocker keeps, never of the
// buckets this block's claims write.
func (k *Keeper) peerEm(ctx context.Context, insurer uint64, family string) (total, high uint64, err error) {
	counterGas(ctx, 1, "integrity E/M peer total")
	t, err := k.PeerEmTotals.Get(ctx, collections.Join(insurer, family))
	if isNotFound(err) {
		return 0, 0, nil
	}
	return t.Total, t.High, err
}

// foldPeerEm sets an insurer's family total to the sum of its (at most 16)
// buckets, or removes it when they are all empty.
func (k *Keeper) foldPeerEm(ctx context.Context, insurer uint64, family string) error {
	t := types.PeerEmTotal{InsurerId: insurer, Family: family}
	err := k.PeerEmCounters.Walk(ctx, collections.NewSuperPrefixedTripleRange[uint64, string, uint32](insurer, family),
		func(_ PeerBucketKey, c types.PeerEmCounter) (bool, error) {
			t.Total += c.Total
			t.High += c.High
			return false, nil
		})
	if err != nil {
		return err
	}
	if t.Total == 0 {
		return k.PeerEmTotals.Remove(ctx, collections.Join(insurer, family))
	}
	return k.PeerEmTotals.Set(ctx, collections.Join(insurer, family), t)
}

func (k *Keeper) weekCount(ctx context.Context, provider uint64, week int64) (uint64, error) {
	counterGas(ctx, 1, "integrity week count")
	n, err := k.WeekCounts.Get(ctx, collections.Join(provider, week))
	if isNotFound(err) {
		return 0, nil
	}
	return n, err
}

// addWeek adds (or gives back) one claim of a provider's week.
func (k *Keeper) addWeek(ctx context.Context, provider uint64, week int64, sub bool) (uint64, error) {
	n, err := k.weekCount(ctx, provider, week)
	if err != nil {
		return 0, err
	}
	if n, err = addSub(n, 1, sub, "week count"); err != nil {
		return 0, err
	}
	counterGas(ctx, 1, "integrity week count")
	if n == 0 {
		return 0, k.WeekCounts.Remove(ctx, collections.Join(provider, week))
	}
	return n, k.WeekCounts.Set(ctx, collections.Join(provider, week), n)
}

// release gives back what screening a claim added to the counters, once
// (when the claim is voided). Its flags stay: they record what was seen.
func (k *Keeper) release(ctx context.Context, claimID string) error {
	scr, err := k.Screenings.Get(ctx, claimID)
	if isNotFound(err) || (err == nil && scr.Released) {
		return nil
	}
	if err != nil {
		return err
	}
	for _, d := range scr.Days {
		if _, err := k.addDayMinutes(ctx, d.Npi, d.Date, d.Minutes, true); err != nil {
			return err
		}
	}
	for _, e := range scr.Em {
		if _, err := k.addEm(ctx, e, true); err != nil {
			return err
		}
		if err := k.addPeerEm(ctx, scr.InsurerId, e.Family, scr.Bucket, e.Total, e.High, true); err != nil {
			return err
		}
	}
	if _, err := k.addWeek(ctx, scr.ProviderId, scr.Week, true); err != nil {
		return err
	}
	scr.Released = true
	return k.Screenings.Set(ctx, claimID, scr)
}

// addSub is n + d, or n - d when sub; a count never goes below zero.
func addSub(n, d uint64, sub bool, what string) (uint64, error) {
	if !sub {
		return n + d, nil
	}
	if d > n {
		return 0, errorsmod.Wrapf(types.ErrInconsistent, "%s: cannot give back %d of %d", what, d, n)
	}
	return n - d, nil
}
