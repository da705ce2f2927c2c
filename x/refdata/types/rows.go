package types

import (
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// Size limits of rows and chunks, stated in x/limits.
const (
	// MaxPrimaryCodes bounds the primary codes listed for one add-on code.
	MaxPrimaryCodes = limits.MaxPrimaryCodes
	// MaxSourceLength bounds a version's source description.
	MaxSourceLength = limits.MaxSourceLength
	// MaxReasonLength bounds a revocation reason.
	MaxReasonLength = limits.MaxReasonLength
	// MaxTypicalMinutes bounds the typical minutes of one unit of a code: a whole day.
	MaxTypicalMinutes = limits.MaxTypicalMinutes
	// MaxEmFamilyLength bounds the name of an E/M family.
	MaxEmFamilyLength = limits.MaxEmFamilyLength
	// MaxEmLevel is the highest level in an E/M family (levels run from 1).
	MaxEmLevel = limits.MaxEmLevel
)

// Valid values of the coded row fields.
const (
	// ModifierNotAllowed (0): the PTP edit is never bypassed by a modifier.
	ModifierNotAllowed = 0
	// ModifierAllowed (1): an NCCI-associated modifier may bypass the PTP edit.
	ModifierAllowed = 1
	// ModifierNotApplicable (9): the edit is not applicable (e.g. a deleted pair).
	ModifierNotApplicable = 9
)

// ValidateKind accepts the seven table kinds.
func ValidateKind(k TableKind) error {
	switch k {
	case TABLE_KIND_PTP, TABLE_KIND_MUE, TABLE_KIND_ADD_ON, TABLE_KIND_EXCLUSION, TABLE_KIND_AGE_SEX,
		TABLE_KIND_TYPICAL_MINUTES, TABLE_KIND_EM_LEVEL:
		return nil
	}
	return errorsmod.Wrapf(ErrInvalidKind, "%s", k)
}

// ValidateDate checks a YYYY-MM-DD date (lookups, applies_from).
func ValidateDate(field, s string) error {
	if err := attestationtypes.ValidateDate(field, s); err != nil {
		return errorsmod.Wrap(ErrInvalidDate, err.Error())
	}
	return nil
}

func rowDate(field, s string) error {
	if err := attestationtypes.ValidateDate(field, s); err != nil {
		return errorsmod.Wrap(ErrInvalidRow, err.Error())
	}
	return nil
}

func rowCode(field, code string) error {
	if err := attestationtypes.ValidateProcedureCode(code); err != nil {
		return errorsmod.Wrapf(ErrInvalidRow, "%s: %s", field, err)
	}
	return nil
}

// Validate checks one PTP edit. Dates compare as strings in YYYY-MM-DD.
func (r PtpRow) Validate() error {
	if err := rowCode("column1", r.Column1); err != nil {
		return err
	}
	if err := rowCode("column2", r.Column2); err != nil {
		return err
	}
	if r.Column1 == r.Column2 {
		return errorsmod.Wrapf(ErrInvalidRow, "column1 and column2 are both %s", r.Column1)
	}
	if err := rowDate("effective_date", r.EffectiveDate); err != nil {
		return err
	}
	if r.DeletionDate != "" {
		if err := rowDate("deletion_date", r.DeletionDate); err != nil {
			return err
		}
		if r.DeletionDate < r.EffectiveDate {
			return errorsmod.Wrapf(ErrInvalidRow, "deletion_date %s is before effective_date %s", r.DeletionDate, r.EffectiveDate)
		}
	}
	switch r.ModifierIndicator {
	case ModifierNotAllowed, ModifierAllowed, ModifierNotApplicable:
		return nil
	}
	return errorsmod.Wrapf(ErrInvalidRow, "modifier_indicator %d: want 0, 1 or 9", r.ModifierIndicator)
}

// Covers reports whether the edit is in force on date: effective <= date < deletion.
func (r PtpRow) Covers(date string) bool {
	return r.EffectiveDate <= date && (r.DeletionDate == "" || date < r.DeletionDate)
}

// Validate checks one MUE. A value of 0 units is a real MUE (the code is never payable).
func (r MueRow) Validate() error {
	if err := rowCode("code", r.Code); err != nil {
		return err
	}
	if r.AdjudicationIndicator < 1 || r.AdjudicationIndicator > 3 {
		return errorsmod.Wrapf(ErrInvalidRow, "adjudication_indicator %d: want 1, 2 or 3", r.AdjudicationIndicator)
	}
	return nil
}

// Validate checks one add-on code edit: type 1 and 3 list primaries, type 2 lists none.
func (r AddOnRow) Validate() error {
	if err := rowCode("add_on_code", r.AddOnCode); err != nil {
		return err
	}
	switch r.Type {
	case 1, 3:
		if len(r.PrimaryCodes) == 0 {
			return errorsmod.Wrapf(ErrInvalidRow, "add-on %s: type %d lists its primary codes", r.AddOnCode, r.Type)
		}
	case 2:
		if len(r.PrimaryCodes) != 0 {
			return errorsmod.Wrapf(ErrInvalidRow, "add-on %s: type 2 has no primary codes (the payer defines them)", r.AddOnCode)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidRow, "add-on %s: type %d: want 1, 2 or 3", r.AddOnCode, r.Type)
	}
	if len(r.PrimaryCodes) > MaxPrimaryCodes {
		return errorsmod.Wrapf(ErrInvalidRow, "add-on %s: %d primary codes, at most %d", r.AddOnCode, len(r.PrimaryCodes), MaxPrimaryCodes)
	}
	seen := make(map[string]bool, len(r.PrimaryCodes)) // membership only, never iterated
	for _, c := range r.PrimaryCodes {
		if err := rowCode("primary code", c); err != nil {
			return err
		}
		if seen[c] {
			return errorsmod.Wrapf(ErrInvalidRow, "add-on %s lists primary %s twice", r.AddOnCode, c)
		}
		seen[c] = true
	}
	return nil
}

// Validate checks one exclusion window of an NPI.
func (r ExclusionRow) Validate() error {
	if err := membershiptypes.ValidateNPI(r.Npi); err != nil {
		return errorsmod.Wrap(ErrInvalidRow, err.Error())
	}
	if err := rowDate("exclusion_date", r.ExclusionDate); err != nil {
		return err
	}
	if r.ReinstatementDate != "" {
		if err := rowDate("reinstatement_date", r.ReinstatementDate); err != nil {
			return err
		}
		if r.ReinstatementDate <= r.ExclusionDate {
			return errorsmod.Wrapf(ErrInvalidRow, "NPI %s: reinstatement_date %s is not after exclusion_date %s",
				r.Npi, r.ReinstatementDate, r.ExclusionDate)
		}
	}
	if r.WaiverDate != "" {
		if err := rowDate("waiver_date", r.WaiverDate); err != nil {
			return err
		}
	}
	if r.WaiverState != "" && (len(r.WaiverState) != 2 || strings.ToUpper(r.WaiverState) != r.WaiverState ||
		r.WaiverState[0] < 'A' || r.WaiverState[0] > 'Z' || r.WaiverState[1] < 'A' || r.WaiverState[1] > 'Z') {
		return errorsmod.Wrapf(ErrInvalidRow, "NPI %s: waiver_state %q: want a two-letter state code", r.Npi, r.WaiverState)
	}
	return nil
}

// Excludes reports whether the window bars the NPI on date: date >= exclusion and
// (no reinstatement or date < reinstatement), unless a waiver applies from waiver_date.
func (r ExclusionRow) Excludes(date string) bool {
	if date < r.ExclusionDate {
		return false
	}
	if r.ReinstatementDate != "" && date >= r.ReinstatementDate {
		return false
	}
	return r.WaiverDate == "" || date < r.WaiverDate
}

// Validate checks one age/sex limit.
func (r AgeSexRow) Validate() error {
	if err := rowCode("code", r.Code); err != nil {
		return err
	}
	if r.MaxAge != 0 && r.MinAge > r.MaxAge {
		return errorsmod.Wrapf(ErrInvalidRow, "code %s: min_age %d is above max_age %d", r.Code, r.MinAge, r.MaxAge)
	}
	switch r.Sex {
	case "", "F", "M":
		return nil
	}
	return errorsmod.Wrapf(ErrInvalidRow, "code %s: sex %q: want F, M or empty", r.Code, r.Sex)
}

// Validate checks one typical-minutes row: 1 to 1440 minutes per unit.
func (r TypicalMinutesRow) Validate() error {
	if err := rowCode("code", r.Code); err != nil {
		return err
	}
	if r.Minutes < 1 || r.Minutes > MaxTypicalMinutes {
		return errorsmod.Wrapf(ErrInvalidRow, "code %s: minutes %d: want 1 to %d", r.Code, r.Minutes, MaxTypicalMinutes)
	}
	return nil
}

// Validate checks one E/M level row: a family of 1 to 40 characters a-z, 0-9
// and "-", and a level 1 to 5.
func (r EmLevelRow) Validate() error {
	if err := rowCode("code", r.Code); err != nil {
		return err
	}
	if err := ValidateEmFamily(r.Family); err != nil {
		return errorsmod.Wrapf(ErrInvalidRow, "code %s: %s", r.Code, err)
	}
	if r.Level < 1 || r.Level > MaxEmLevel {
		return errorsmod.Wrapf(ErrInvalidRow, "code %s: level %d: want 1 to %d", r.Code, r.Level, MaxEmLevel)
	}
	return nil
}

// ValidateEmFamily checks the name of an E/M family: 1 to 40 characters a-z,
// 0-9 and "-" (e.g. "office-established").
func ValidateEmFamily(family string) error {
	if family == "" || len(family) > MaxEmFamilyLength {
		return fmt.Errorf("family %q: want 1 to %d characters", family, MaxEmFamilyLength)
	}
	for _, c := range family {
		if ok := c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'; !ok {
			return fmt.Errorf("family %q: want only a-z, 0-9 and -", family)
		}
	}
	return nil
}

// Validate checks that only the rows of kind are set and every row is valid.
// Chunk size limits are the msg's and the params' business.
func (r ChunkRows) Validate(kind TableKind) error {
	if err := ValidateKind(kind); err != nil {
		return err
	}
	if own := r.LenOf(kind); own != r.Len() {
		return errorsmod.Wrapf(ErrInvalidChunk, "a %s chunk carries only %s rows; %d rows of other kinds are set",
			kind, kind, r.Len()-own)
	}
	for i, row := range r.Ptp {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "ptp row %d", i)
		}
	}
	for i, row := range r.Mue {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "mue row %d", i)
		}
	}
	for i, row := range r.AddOn {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "add-on row %d", i)
		}
	}
	for i, row := range r.Exclusion {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "exclusion row %d", i)
		}
	}
	for i, row := range r.AgeSex {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "age-sex row %d", i)
		}
	}
	for i, row := range r.TypicalMinutes {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "typical-minutes row %d", i)
		}
	}
	for i, row := range r.EmLevel {
		if err := row.Validate(); err != nil {
			return errorsmod.Wrapf(err, "em-level row %d", i)
		}
	}
	return nil
}

// LenOf is the number of rows of one kind in a chunk.
func (r ChunkRows) LenOf(kind TableKind) int {
	switch kind {
	case TABLE_KIND_PTP:
		return len(r.Ptp)
	case TABLE_KIND_MUE:
		return len(r.Mue)
	case TABLE_KIND_ADD_ON:
		return len(r.AddOn)
	case TABLE_KIND_EXCLUSION:
		return len(r.Exclusion)
	case TABLE_KIND_AGE_SEX:
		return len(r.AgeSex)
	case TABLE_KIND_TYPICAL_MINUTES:
		return len(r.TypicalMinutes)
	case TABLE_KIND_EM_LEVEL:
		return len(r.EmLevel)
	}
	return 0
}
