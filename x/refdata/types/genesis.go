package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis has default params (no loader) and no tables.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams()} }

// Validate checks params, versions and rows: every version is unique and well
// formed, every VersionRows entry belongs to a version of its kind (once), carries
// only that kind's rows, and has exactly the version's row count. Duplicate row
// keys are refused by InitGenesis, which stores rows the way staging does.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	versions := make(map[string]TableVersion, len(gs.Versions)) // lookups only, never iterated
	for _, v := range gs.Versions {
		if err := v.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		id := versionID(v.Kind, v.Version)
		if _, dup := versions[id]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s appears twice", id)
		}
		versions[id] = v
	}
	withRows := make(map[string]bool, len(gs.Rows))
	for _, vr := range gs.Rows {
		id := versionID(vr.Kind, vr.Version)
		v, ok := versions[id]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "rows for %s, which is not in versions", id)
		}
		if withRows[id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "rows for %s appear twice", id)
		}
		withRows[id] = true
		if err := vr.Rows.Validate(vr.Kind); err != nil {
			return errorsmod.Wrapf(ErrInvalidGenesis, "rows of %s: %s", id, err)
		}
		if n := uint64(vr.Rows.Len()); n != v.Rows {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s has %d rows, its record says %d", id, n, v.Rows)
		}
	}
	for _, v := range gs.Versions {
		if id := versionID(v.Kind, v.Version); v.Rows > 0 && !withRows[id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s records %d rows but none are given", id, v.Rows)
		}
	}
	return nil
}

func versionID(kind TableKind, version uint32) string {
	return fmt.Sprintf("%s version %d", kind, version)
}

// Validate checks a stored version record.
func (v TableVersion) Validate() error {
	if err := validateKindVersion(v.Kind, v.Version); err != nil {
		return err
	}
	id := versionID(v.Kind, v.Version)
	if err := ValidateSource(v.Source); err != nil {
		return errorsmod.Wrap(err, id)
	}
	if len(v.ContentHash) != len(EmptyHash) {
		return errorsmod.Wrapf(ErrIncomplete, "%s: content hash has %d bytes, want %d", id, len(v.ContentHash), len(EmptyHash))
	}
	if v.Chunks == 0 || v.Rows < uint64(v.Chunks) {
		return errorsmod.Wrapf(ErrIncomplete, "%s: %d chunks and %d rows (every chunk has a row)", id, v.Chunks, v.Rows)
	}
	switch v.Status {
	case VERSION_STATUS_STAGING:
		if v.AppliesFrom != "" {
			return errorsmod.Wrapf(ErrInvalidGenesis, "%s is staging but has applies_from", id)
		}
	case VERSION_STATUS_ACTIVE:
		if err := ValidateDate("applies_from", v.AppliesFrom); err != nil {
			return errorsmod.Wrap(err, id)
		}
	case VERSION_STATUS_REVOKED:
		if err := ValidateReason(v.RevokeReason); err != nil {
			return errorsmod.Wrap(err, id)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "%s has status %s", id, v.Status)
	}
	return nil
}
