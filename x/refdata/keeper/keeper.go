package keeper

import (
	"cmp"
	"context"
	"errors"
	"slices"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// VersionKey is (table kind, version number).
type VersionKey = collections.Pair[int32, uint32]

// PtpKey is (version, column 1, column 2): one value per pair holds all of the
// pair's windows, so a lookup is one point read.
type PtpKey = collections.Triple[uint32, string, string]

// ExclusionKey is (version, NPI): one value per NPI holds all of its windows.
type ExclusionKey = collections.Pair[uint32, string]

// CodeKey is (version, procedure code): one row per code and version.
type CodeKey = collections.Pair[uint32, string]

// Keeper holds versioned reference tables. State is declared here, once. Rows are
// stored under their version number, which is unique per kind; each kind has its
// own map, so a row key never needs the kind.
type Keeper struct {
	cdc       codec.BinaryCodec
	authority string

	Schema   collections.Schema
	Params   collections.Item[types.Params]
	Versions collections.Map[VersionKey, types.TableVersion]
	// InForce indexes each kind's ACTIVE versions; write versions with setVersion
	// so the two stay in step.
	InForce collections.Map[int32, types.InForce]

	// PtpPairs and Exclusions hold several rows per key (a pair's or an NPI's
	// windows); write them with storeRows (or SetPtpRow) so each value stays
	// sorted and free of duplicate windows.
	PtpPairs           collections.Map[PtpKey, types.PtpPair]
	MueRows            collections.Map[CodeKey, types.MueRow]
	AddOnRows          collections.Map[CodeKey, types.AddOnRow]
	Exclusions         collections.Map[ExclusionKey, types.ExclusionWindows]
	AgeSexRows         collections.Map[CodeKey, types.AgeSexRow]
	TypicalMinutesRows collections.Map[CodeKey, types.TypicalMinutesRow]
	EmLevelRows        collections.Map[CodeKey, types.EmLevelRow]
}

// NewKeeper builds the refdata keeper; authority (governance) appoints the loader and revokes versions.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, authority string) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	ptpKey := collections.TripleKeyCodec(collections.Uint32Key, collections.StringKey, collections.StringKey)
	codeKey := collections.PairKeyCodec(collections.Uint32Key, collections.StringKey)
	k := &Keeper{
		cdc: cdc, authority: authority,
		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Versions: collections.NewMap(sb, types.VersionsKey, "versions",
			collections.PairKeyCodec(collections.Int32Key, collections.Uint32Key), codec.CollValue[types.TableVersion](cdc)),
		InForce:            collections.NewMap(sb, types.InForceKey, "in_force", collections.Int32Key, codec.CollValue[types.InForce](cdc)),
		PtpPairs:           collections.NewMap(sb, types.PtpPairsKey, "ptp_pairs", ptpKey, codec.CollValue[types.PtpPair](cdc)),
		MueRows:            collections.NewMap(sb, types.MueRowsKey, "mue_rows", codeKey, codec.CollValue[types.MueRow](cdc)),
		AddOnRows:          collections.NewMap(sb, types.AddOnRowsKey, "add_on_rows", codeKey, codec.CollValue[types.AddOnRow](cdc)),
		Exclusions:         collections.NewMap(sb, types.ExclusionsKey, "exclusions", codeKey, codec.CollValue[types.ExclusionWindows](cdc)),
		AgeSexRows:         collections.NewMap(sb, types.AgeSexRowsKey, "age_sex_rows", codeKey, codec.CollValue[types.AgeSexRow](cdc)),
		TypicalMinutesRows: collections.NewMap(sb, types.TypicalMinutesRowsKey, "typical_minutes_rows", codeKey, codec.CollValue[types.TypicalMinutesRow](cdc)),
		EmLevelRows:        collections.NewMap(sb, types.EmLevelRowsKey, "em_level_rows", codeKey, codec.CollValue[types.EmLevelRow](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the module authority (the gov module account).
func (k *Keeper) GetAuthority() string { return k.authority }

// checkAuthority accepts the consensus-params authority when one is set, and
// otherwise the keeper's authority.
func (k *Keeper) checkAuthority(ctx context.Context, signer string) error {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), k.authority, signer); err != nil {
		return errorsmod.Wrap(types.ErrUnauthorized, err.Error())
	}
	return nil
}

// checkLoader accepts only the loader governance appointed.
func (k *Keeper) checkLoader(ctx context.Context, signer string) (types.Params, error) {
	p, err := k.Params.Get(ctx)
	if err != nil {
		return p, err
	}
	if p.Loader == "" {
		return p, errorsmod.Wrap(types.ErrNotLoader, "governance has not appointed a loader")
	}
	want, err := sdk.AccAddressFromBech32(p.Loader)
	if err != nil {
		return p, err
	}
	got, err := sdk.AccAddressFromBech32(signer)
	if err != nil || !got.Equals(want) {
		return p, errorsmod.Wrapf(types.ErrNotLoader, "%s is not the loader %s", signer, p.Loader)
	}
	return p, nil
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// GetVersion returns one version record of a table.
func (k *Keeper) GetVersion(ctx context.Context, kind types.TableKind, version uint32) (types.TableVersion, error) {
	v, err := k.Versions.Get(ctx, collections.Join(int32(kind), version))
	if isNotFound(err) {
		return v, errorsmod.Wrapf(types.ErrVersionNotFound, "%s version %d", kind, version)
	}
	return v, err
}

// latestVersion is the highest version number of a kind in any status: one reverse step.
func (k *Keeper) latestVersion(ctx context.Context, kind types.TableKind) (uint32, bool, error) {
	it, err := k.Versions.Iterate(ctx, collections.NewPrefixedPairRange[int32, uint32](int32(kind)).Descending())
	if err != nil {
		return 0, false, err
	}
	defer func() { _ = it.Close() }()
	if !it.Valid() {
		return 0, false, nil
	}
	key, err := it.Key()
	if err != nil {
		return 0, false, err
	}
	return key.K2(), true, nil
}

// storeRows writes a chunk's rows under a version, refusing a row already
// stored (a code-keyed row: its code; a PTP row: its pair and window; an
// exclusion: its NPI and exclusion date): the version's row count is then
// exactly its number of stored rows.
func (k *Keeper) storeRows(ctx context.Context, kind types.TableKind, version uint32, rows types.ChunkRows) error {
	switch kind {
	case types.TABLE_KIND_PTP:
		for i, r := range rows.Ptp {
			if err := k.putPtpRow(ctx, version, r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_MUE:
		for i, r := range rows.Mue {
			if err := setNew(ctx, k.MueRows, collections.Join(version, r.Code), r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_ADD_ON:
		for i, r := range rows.AddOn {
			if err := setNew(ctx, k.AddOnRows, collections.Join(version, r.AddOnCode), r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_EXCLUSION:
		for i, r := range rows.Exclusion {
			if err := k.addExclusionRow(ctx, version, r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_AGE_SEX:
		for i, r := range rows.AgeSex {
			if err := setNew(ctx, k.AgeSexRows, collections.Join(version, r.Code), r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_TYPICAL_MINUTES:
		for i, r := range rows.TypicalMinutes {
			if err := setNew(ctx, k.TypicalMinutesRows, collections.Join(version, r.Code), r, i); err != nil {
				return err
			}
		}
	case types.TABLE_KIND_EM_LEVEL:
		for i, r := range rows.EmLevel {
			if err := setNew(ctx, k.EmLevelRows, collections.Join(version, r.Code), r, i); err != nil {
				return err
			}
		}
	default:
		return errorsmod.Wrapf(types.ErrInvalidKind, "%s", kind)
	}
	return nil
}

func setNew[K, V any](ctx context.Context, m collections.Map[K, V], key K, row V, index int) error {
	has, err := m.Has(ctx, key)
	if err != nil {
		return err
	}
	if has {
		return errorsmod.Wrapf(types.ErrDuplicateRow, "row %d: key %s is already stored", index, m.KeyCodec().Stringify(key))
	}
	return m.Set(ctx, key, row)
}

// SetPtpRow stores one PTP row in its pair under a version, replacing the
// pair's row of the same window if there is one, without touching the version
// record: for tests and benchmarks that build a table directly and write its
// record themselves. Staging refuses such a row instead (storeRows).
func (k *Keeper) SetPtpRow(ctx context.Context, version uint32, r types.PtpRow) error {
	return k.putPtpRow(ctx, version, r, -1)
}

// putPtpRow reads the row's pair, puts the row in its place in window order and
// writes the pair back. A row of the same window is refused (index is the
// row's place in its chunk, for the error), or replaced when index is negative.
func (k *Keeper) putPtpRow(ctx context.Context, version uint32, r types.PtpRow, index int) error {
	key := collections.Join3(version, r.Column1, r.Column2)
	pair, err := k.PtpPairs.Get(ctx, key)
	if err != nil && !isNotFound(err) {
		return err
	}
	at, dup := slices.BinarySearchFunc(pair.Rows, r, comparePtpWindows)
	switch {
	case dup && index >= 0:
		return errorsmod.Wrapf(types.ErrDuplicateRow, "row %d: PTP %s/%s window %s to %s of version %d is already stored",
			index, r.Column1, r.Column2, r.EffectiveDate, cmp.Or(r.DeletionDate, "open"), version)
	case dup:
		pair.Rows[at] = r
	default:
		pair.Rows = slices.Insert(pair.Rows, at, r)
	}
	return k.PtpPairs.Set(ctx, key, pair)
}

// comparePtpWindows orders a pair's rows by effective date, then deletion date
// (none first): the order their keys had when each row was stored on its own.
func comparePtpWindows(a, b types.PtpRow) int {
	return cmp.Or(cmp.Compare(a.EffectiveDate, b.EffectiveDate), cmp.Compare(a.DeletionDate, b.DeletionDate))
}

// addExclusionRow reads the row's NPI, inserts the row in exclusion-date order
// (one window per date) and writes the NPI back.
func (k *Keeper) addExclusionRow(ctx context.Context, version uint32, r types.ExclusionRow, index int) error {
	key := collections.Join(version, r.Npi)
	w, err := k.Exclusions.Get(ctx, key)
	if err != nil && !isNotFound(err) {
		return err
	}
	at, dup := slices.BinarySearchFunc(w.Rows, r, func(a, b types.ExclusionRow) int {
		return cmp.Compare(a.ExclusionDate, b.ExclusionDate)
	})
	if dup {
		return errorsmod.Wrapf(types.ErrDuplicateRow, "row %d: the exclusion of NPI %s from %s of version %d is already stored",
			index, r.Npi, r.ExclusionDate, version)
	}
	w.Rows = slices.Insert(w.Rows, at, r)
	return k.Exclusions.Set(ctx, key, w)
}

// walkRows visits every row of one version in key order (a pair's or an NPI's
// windows in their stored order), as flat rows.
func (k *Keeper) walkRows(ctx context.Context, kind types.TableKind, version uint32, rows *types.ChunkRows) error {
	codes := collections.NewPrefixedPairRange[uint32, string](version)
	switch kind {
	case types.TABLE_KIND_PTP:
		return k.PtpPairs.Walk(ctx, collections.NewPrefixedTripleRange[uint32, string, string](version),
			func(_ PtpKey, p types.PtpPair) (bool, error) {
				rows.Ptp = append(rows.Ptp, p.Rows...)
				return false, nil
			})
	case types.TABLE_KIND_MUE:
		return k.MueRows.Walk(ctx, codes, func(_ CodeKey, r types.MueRow) (bool, error) {
			rows.Mue = append(rows.Mue, r)
			return false, nil
		})
	case types.TABLE_KIND_ADD_ON:
		return k.AddOnRows.Walk(ctx, codes, func(_ CodeKey, r types.AddOnRow) (bool, error) {
			rows.AddOn = append(rows.AddOn, r)
			return false, nil
		})
	case types.TABLE_KIND_EXCLUSION:
		return k.Exclusions.Walk(ctx, codes, func(_ ExclusionKey, w types.ExclusionWindows) (bool, error) {
			rows.Exclusion = append(rows.Exclusion, w.Rows...)
			return false, nil
		})
	case types.TABLE_KIND_AGE_SEX:
		return k.AgeSexRows.Walk(ctx, codes, func(_ CodeKey, r types.AgeSexRow) (bool, error) {
			rows.AgeSex = append(rows.AgeSex, r)
			return false, nil
		})
	case types.TABLE_KIND_TYPICAL_MINUTES:
		return k.TypicalMinutesRows.Walk(ctx, codes, func(_ CodeKey, r types.TypicalMinutesRow) (bool, error) {
			rows.TypicalMinutes = append(rows.TypicalMinutes, r)
			return false, nil
		})
	case types.TABLE_KIND_EM_LEVEL:
		return k.EmLevelRows.Walk(ctx, codes, func(_ CodeKey, r types.EmLevelRow) (bool, error) {
			rows.EmLevel = append(rows.EmLevel, r)
			return false, nil
		})
	}
	return errorsmod.Wrapf(types.ErrInvalidKind, "%s", kind)
}
