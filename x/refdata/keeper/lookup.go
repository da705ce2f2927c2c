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
// versions, a handful; once per Lookup), then one point read under that
// version — O(log n) in the table size, whatever the size.

// kinds sizes a lookup's in-force memo: one slot per TableKind value.
const kinds = int(types.TABLE_KIND_EM_LEVEL) + 1

// lookup answers lookups through the context it was opened with, reading each
// kind's in-force index at most once. It lives as long as one claim's
// adjudication (the in-force versions do not change inside a tx that only
// reads them); it is not for concurrent use.
type lookup struct {
	ctx     context.Context
	k       *Keeper
	inForce [kinds]inForceMemo
}

// inForceMemo is one kind's in-force entries, once read.
type inForceMemo struct {
	loaded  bool
	entries []types.InForceEntry
}

var _ types.Lookup = (*lookup)(nil)

// NewLookup opens a Lookup for the lookups of one claim: each kind's in-force
// index is read on its first lookup only; rows are read as asked. Store gas is
// charged to ctx as each read is made.
func (k *Keeper) NewLookup(ctx context.Context) types.Lookup {
	return &lookup{ctx: ctx, k: k}
}

// The keeper's own lookups are one-shot Lookups.

// VersionInForce is the highest ACTIVE version of a kind whose applies_from is on
// or before date. Staging and revoked versions are never in force.
func (k *Keeper) VersionInForce(ctx context.Context, kind types.TableKind, date string) (uint32, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.versionInForce(kind, date)
}

// PTP returns the NCCI PTP edit of (column1, column2) in force on date: the row of
// that pair whose [effective, deletion) window covers the date.
func (k *Keeper) PTP(ctx context.Context, column1, column2, date string) (uint32, types.PtpRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.PTP(column1, column2, date)
}

// MUE returns the medically unlikely edit of a code in force on date.
func (k *Keeper) MUE(ctx context.Context, code, date string) (uint32, types.MueRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.MUE(code, date)
}

// AddOn returns the add-on code edit of a code in force on date.
func (k *Keeper) AddOn(ctx context.Context, code, date string) (uint32, types.AddOnRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.AddOn(code, date)
}

// AgeSex returns the age and sex limits of a code in force on date.
func (k *Keeper) AgeSex(ctx context.Context, code, date string) (uint32, types.AgeSexRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.AgeSex(code, date)
}

// TypicalMinutes returns the typical practitioner minutes of one unit of a code in force on date.
func (k *Keeper) TypicalMinutes(ctx context.Context, code, date string) (uint32, types.TypicalMinutesRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.TypicalMinutes(code, date)
}

// EMLevel returns the E/M family and level of a code in force on date.
func (k *Keeper) EMLevel(ctx context.Context, code, date string) (uint32, types.EmLevelRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.EMLevel(code, date)
}

// Exclusion reports whether an NPI is excluded (OIG LEIE) on date under the
// version in force; see lookup.Exclusion.
func (k *Keeper) Exclusion(ctx context.Context, npi, date string) (uint32, types.ExclusionRow, bool, error) {
	l := lookup{ctx: ctx, k: k}
	return l.Exclusion(npi, date)
}

// versionInForce is VersionInForce through the memo.
func (l *lookup) versionInForce(kind types.TableKind, date string) (uint32, bool, error) {
	if err := types.ValidateDate("date", date); err != nil {
		return 0, false, err
	}
	entries, err := l.entries(kind)
	if err != nil {
		return 0, false, err
	}
	var version uint32
	for _, e := range entries {
		if e.AppliesFrom <= date && e.Version > version {
			version = e.Version
		}
	}
	return version, version != 0, nil
}

// entries reads a kind's in-force index on first use (none: no entries).
func (l *lookup) entries(kind types.TableKind) ([]types.InForceEntry, error) {
	memo := int(kind) >= 0 && int(kind) < kinds
	if memo && l.inForce[kind].loaded {
		return l.inForce[kind].entries, nil
	}
	idx, err := l.k.InForce.Get(l.ctx, int32(kind))
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return nil, err
	}
	if memo {
		l.inForce[kind] = inForceMemo{loaded: true, entries: idx.Entries}
	}
	return idx.Entries, nil
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
// that pair whose [effective, deletion) window covers the date, the latest
// effective (then latest deletion) first when windows overlap.
func (l *lookup) PTP(column1, column2, date string) (uint32, types.PtpRow, bool, error) {
	version, ok, err := l.versionInForce(types.TABLE_KIND_PTP, date)
	if err != nil || !ok {
		return 0, types.PtpRow{}, false, err
	}
	pair, err := l.k.PtpPairs.Get(l.ctx, collections.Join3(version, column1, column2))
	if isNotFound(err) {
		return version, types.PtpRow{}, false, nil
	} else if err != nil {
		return version, types.PtpRow{}, false, err
	}
	// The rows are in window order (comparePtpWindows): walk them latest first.
	for i := len(pair.Rows) - 1; i >= 0; i-- {
		if pair.Rows[i].Covers(date) {
			return version, pair.Rows[i], true, nil
		}
	}
	return version, types.PtpRow{}, false, nil
}

// MUE returns the medically unlikely edit of a code in force on date.
func (l *lookup) MUE(code, date string) (uint32, types.MueRow, bool, error) {
	return codeLookup(l, l.k.MueRows, types.TABLE_KIND_MUE, code, date)
}

// AddOn returns the add-on code edit of a code in force on date.
func (l *lookup) AddOn(code, date string) (uint32, types.AddOnRow, bool, error) {
	return codeLookup(l, l.k.AddOnRows, types.TABLE_KIND_ADD_ON, code, date)
}

// AgeSex returns the age and sex limits of a code in force on date.
func (l *lookup) AgeSex(code, date string) (uint32, types.AgeSexRow, bool, error) {
	return codeLookup(l, l.k.AgeSexRows, types.TABLE_KIND_AGE_SEX, code, date)
}

// TypicalMinutes returns the typical practitioner minutes of one unit of a code in force on date.
func (l *lookup) TypicalMinutes(code, date string) (uint32, types.TypicalMinutesRow, bool, error) {
	return codeLookup(l, l.k.TypicalMinutesRows, types.TABLE_KIND_TYPICAL_MINUTES, code, date)
}

// EMLevel returns the E/M family and level of a code in force on date.
func (l *lookup) EMLevel(code, date string) (uint32, types.EmLevelRow, bool, error) {
	return codeLookup(l, l.k.EmLevelRows, types.TABLE_KIND_EM_LEVEL, code, date)
}

func codeLookup[V any](l *lookup, m collections.Map[CodeKey, V], kind types.TableKind, code, date string) (uint32, V, bool, error) {
	var row V
	version, ok, err := l.versionInForce(kind, date)
	if err != nil || !ok {
		return 0, row, false, err
	}
	row, err = m.Get(l.ctx, collections.Join(version, code))
	if isNotFound(err) {
		return version, row, false, nil
	}
	return version, row, err == nil, err
}

// Exclusion reports whether an NPI is excluded (OIG LEIE) on date under the
// version in force: some window of the NPI has exclusion_date <= date, no
// reinstatement on or before date, and no waiver from on or before date. When
// the NPI is excluded, row is the latest window that bars the date; when not,
// row is its latest window that began on or before the date (showing the
// reinstatement or waiver), if any.
func (l *lookup) Exclusion(npi, date string) (uint32, types.ExclusionRow, bool, error) {
	version, ok, err := l.versionInForce(types.TABLE_KIND_EXCLUSION, date)
	if err != nil || !ok {
		return 0, types.ExclusionRow{}, false, err
	}
	w, err := l.k.Exclusions.Get(l.ctx, collections.Join(version, npi))
	if isNotFound(err) {
		return version, types.ExclusionRow{}, false, nil
	} else if err != nil {
		return version, types.ExclusionRow{}, false, err
	}
	var (
		row  types.ExclusionRow
		seen bool
	)
	// The windows are in exclusion-date order: walk those begun by the date, latest first.
	for i := len(w.Rows) - 1; i >= 0; i-- {
		r := w.Rows[i]
		switch {
		case r.ExclusionDate > date:
			continue
		case r.Excludes(date):
			return version, r, true, nil
		case !seen:
			row, seen = r, true
		}
	}
	return version, row, false, nil
}
