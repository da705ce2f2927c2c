package keeper

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// Lookups for other modules. Each answers with the version in force on the
// date of service (0 when none is) so a decision can cite it, and the row that
// applies, if any. Cost: one read of the kind's in-force index (its active
// versions, a handful), then a point read or a short range read under that version —
// O(log n) in the table size, whatever the size.

// VersionInForce is the highest ACTIVE version of a kind whose applies_from is on
// or before date. Staging and revoked versions are never in force.
func (k *Keeper) VersionInForce(ctx context.Context, kind types.TableKind, date string) (uint32, bool, error) {
	if err := types.ValidateDate("date", date); err != nil {
		return 0, false, err
	}
	idx, err := k.InForce.Get(ctx, int32(kind))
	if errors.Is(err, collections.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	var version uint32
	for _, e := range idx.Entries {
		if e.AppliesFrom <= date && e.Version > version {
			version = e.Version
		}
	}
	return version, version != 0, nil
}

// setVersion stores a version record and keeps its kind's in-force index in
// step: an ACTIVE version is listed (by version number), any other is not. The
// index is as long as the kind's active versions, a handful a year.
func (k *Keeper) setVersion(ctx context.Context, v types.TableVersion) error {
	if err := k.Versions.Set(ctx, collections.Join(int32(v.Kind), v.Version), v); err != nil {
		return err
	}
	idx, err := k.InForce.Get(ctx, int32(v.Kind))
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return err
	}
	listed := slices.IndexFunc(idx.Entries, func(e types.InForceEntry) bool { return e.Version == v.Version })
	switch {
	case v.Status == types.VERSION_STATUS_ACTIVE && listed < 0:
		idx.Entries = append(idx.Entries, types.InForceEntry{Version: v.Version, AppliesFrom: v.AppliesFrom})
		slices.SortFunc(idx.Entries, func(a, b types.InForceEntry) int { return cmp.Compare(a.Version, b.Version) })
	case v.Status == types.VERSION_STATUS_ACTIVE:
		idx.Entries[listed].AppliesFrom = v.AppliesFrom
	case listed >= 0:
		idx.Entries = slices.Delete(idx.Entries, listed, listed+1)
	default:
		return nil // not active and not listed: nothing to change
	}
	if len(idx.Entries) == 0 {
		return k.InForce.Remove(ctx, int32(v.Kind))
	}
	return k.InForce.Set(ctx, int32(v.Kind), idx)
}

// PTP returns the NCCI PTP edit of (column1, column2) in force on date: the row of
// that pair whose [effective, deletion) window covers the date.
func (k *Keeper) PTP(ctx context.Context, column1, column2, date string) (uint32, types.PtpRow, bool, error) {
	version, ok, err := k.VersionInForce(ctx, types.TABLE_KIND_PTP, date)
	if err != nil || !ok {
		return 0, types.PtpRow{}, false, err
	}
	// The pair's rows with effective <= date, latest first: keys run from
	// "col2|" to "col2|<date>}" ('}' sorts after '|' and after every date character).
	rng := new(collections.Range[PtpKey]).
		StartInclusive(collections.Join3(version, column1, column2+"|")).
		EndExclusive(collections.Join3(version, column1, column2+"|"+date+"}")).
		Descending()
	var (
		row   types.PtpRow
		found bool
	)
	err = k.PtpRows.Walk(ctx, rng, func(_ PtpKey, r types.PtpRow) (bool, error) {
		if r.Covers(date) {
			row, found = r, true
		}
		return found, nil
	})
	return version, row, found, err
}

// MUE returns the medically unlikely edit of a code in force on date.
func (k *Keeper) MUE(ctx context.Context, code, date string) (uint32, types.MueRow, bool, error) {
	return codeLookup(ctx, k, k.MueRows, types.TABLE_KIND_MUE, code, date)
}

// AddOn returns the add-on code edit of a code in force on date.
func (k *Keeper) AddOn(ctx context.Context, code, date string) (uint32, types.AddOnRow, bool, error) {
	return codeLookup(ctx, k, k.AddOnRows, types.TABLE_KIND_ADD_ON, code, date)
}

// AgeSex returns the age and sex limits of a code in force on date.
func (k *Keeper) AgeSex(ctx context.Context, code, date string) (uint32, types.AgeSexRow, bool, error) {
	return codeLookup(ctx, k, k.AgeSexRows, types.TABLE_KIND_AGE_SEX, code, date)
}

// TypicalMinutes returns the typical practitioner minutes of one unit of a code in force on date.
func (k *Keeper) TypicalMinutes(ctx context.Context, code, date string) (uint32, types.TypicalMinutesRow, bool, error) {
	return codeLookup(ctx, k, k.TypicalMinutesRows, types.TABLE_KIND_TYPICAL_MINUTES, code, date)
}

// EMLevel returns the E/M family and level of a code in force on date.
func (k *Keeper) EMLevel(ctx context.Context, code, date string) (uint32, types.EmLevelRow, bool, error) {
	return codeLookup(ctx, k, k.EmLevelRows, types.TABLE_KIND_EM_LEVEL, code, date)
}

func codeLookup[V any](ctx context.Context, k *Keeper, m collections.Map[CodeKey, V], kind types.TableKind,
	code, date string,
) (uint32, V, bool, error) {
	var row V
	version, ok, err := k.VersionInForce(ctx, kind, date)
	if err != nil || !ok {
		return 0, row, false, err
	}
	row, err = m.Get(ctx, collections.Join(version, code))
	if isNotFound(err) {
		return version, row, false, nil
	}
	return version, row, err == nil, err
}

// Exclusion reports whether an NPI is excluded (OIG LEIE) on date under the
// version in force: some window of the NPI has exclusion_date <= date, no
// reinstatement on or before date, and no waiver from on or before date. When
// the NPI is not excluded, row is its latest window that began on or before the
// date (showing the reinstatement or waiver), if any.
func (k *Keeper) Exclusion(ctx context.Context, npi, date string) (uint32, types.ExclusionRow, bool, error) {
	version, ok, err := k.VersionInForce(ctx, types.TABLE_KIND_EXCLUSION, date)
	if err != nil || !ok {
		return 0, types.ExclusionRow{}, false, err
	}
	rng := new(collections.Range[ExclusionKey]).
		StartInclusive(collections.Join3(version, npi, "")).
		EndInclusive(collections.Join3(version, npi, date)).
		Descending()
	var (
		row      types.ExclusionRow
		excluded bool
		seen     bool
	)
	// An NPI has a few windows; any one that bars the date decides.
	err = k.Exclusions.Walk(ctx, rng, func(_ ExclusionKey, r types.ExclusionRow) (bool, error) {
		if !seen || r.Excludes(date) {
			row, seen = r, true
		}
		excluded = r.Excludes(date)
		return excluded, nil
	})
	return version, row, excluded, err
}
