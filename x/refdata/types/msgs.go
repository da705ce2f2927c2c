package types

import (
	"fmt"
	"strings"
	"unicode"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

var (
	_ sdk.Msg = &MsgUpdateParams{}
	_ sdk.Msg = &MsgStageChunk{}
	_ sdk.Msg = &MsgActivateVersion{}
	_ sdk.Msg = &MsgRevokeVersion{}
)

// Validate checks the params; the keeper checks the authority.
func (m *MsgUpdateParams) Validate() error { return m.Params.Validate() }

// Validate checks everything about a chunk that needs no state. The keeper
// then checks the loader, params.max_rows_per_chunk, the chunk order and the version.
func (m *MsgStageChunk) Validate() error {
	if err := validateAddress("loader", m.Loader); err != nil {
		return err
	}
	if err := validateKindVersion(m.Kind, m.Version); err != nil {
		return err
	}
	if m.Index == 0 || m.Source != "" {
		if err := ValidateSource(m.Source); err != nil {
			return err
		}
	}
	n := m.Rows.Len()
	if n == 0 {
		return errorsmod.Wrap(ErrInvalidChunk, "a chunk has at least one row")
	}
	if n > MaxRowsPerChunkLimit {
		return errorsmod.Wrapf(ErrInvalidChunk, "%d rows; a chunk has at most %d", n, MaxRowsPerChunkLimit)
	}
	return m.Rows.Validate(m.Kind)
}

// Validate checks the activation fields; the keeper compares the expected values with the stored ones.
func (m *MsgActivateVersion) Validate() error {
	if err := validateAddress("loader", m.Loader); err != nil {
		return err
	}
	if err := validateKindVersion(m.Kind, m.Version); err != nil {
		return err
	}
	if err := ValidateDate("applies_from", m.AppliesFrom); err != nil {
		return err
	}
	if len(m.ExpectedHash) != len(EmptyHash) {
		return errorsmod.Wrapf(ErrIncomplete, "expected_hash has %d bytes; a content hash has %d (sha256)",
			len(m.ExpectedHash), len(EmptyHash))
	}
	return nil
}

// Validate checks the revocation fields; the keeper checks the authority.
func (m *MsgRevokeVersion) Validate() error {
	if err := validateKindVersion(m.Kind, m.Version); err != nil {
		return err
	}
	return ValidateReason(m.Reason)
}

func validateAddress(field, addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "%s %q: %s", field, addr, err)
	}
	return nil
}

func validateKindVersion(kind TableKind, version uint32) error {
	if err := ValidateKind(kind); err != nil {
		return err
	}
	if version == 0 {
		return errorsmod.Wrap(ErrVersionNotFound, "versions are numbered from 1")
	}
	return nil
}

// ValidateSource checks a version's source: 1 to 256 printable characters.
func ValidateSource(s string) error {
	if problem := printable(s, MaxSourceLength); problem != "" {
		return errorsmod.Wrapf(ErrInvalidSource, "source %s", problem)
	}
	return nil
}

// ValidateReason checks a revocation reason: 1 to 256 printable characters.
func ValidateReason(s string) error {
	if problem := printable(s, MaxReasonLength); problem != "" {
		return errorsmod.Wrapf(ErrInvalidReason, "reason %s", problem)
	}
	return nil
}

// printable describes what is wrong with a free-text field, or returns "".
func printable(s string, max int) string {
	if strings.TrimSpace(s) == "" {
		return "is required"
	}
	if len(s) > max {
		return fmt.Sprintf("has %d bytes, at most %d", len(s), max)
	}
	for _, r := range s {
		if !unicode.IsPrint(r) {
			return fmt.Sprintf("%q has a non-printable character", s)
		}
	}
	return ""
}

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server runs Validate.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := limits.CheckAddress("authority", m.Authority); err != nil {
		return err
	}
	return limits.CheckAddress("params loader", m.Params.Loader)
}

// ValidateBasic enforces the size limits of x/limits: the rows of a chunk and
// every string in them.
func (m *MsgStageChunk) ValidateBasic() error {
	if err := limits.CheckAddress("loader", m.Loader); err != nil {
		return err
	}
	if err := limits.CheckString("source", m.Source, limits.MaxSourceLength); err != nil {
		return err
	}
	return m.Rows.ValidateSize()
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgActivateVersion) ValidateBasic() error {
	if err := limits.CheckAddress("loader", m.Loader); err != nil {
		return err
	}
	if err := limits.CheckString("applies_from", m.AppliesFrom, limits.MaxDateLength); err != nil {
		return err
	}
	return limits.CheckBytes("expected_hash", m.ExpectedHash, limits.MaxDigestLength)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgRevokeVersion) ValidateBasic() error {
	if err := limits.CheckAddress("authority", m.Authority); err != nil {
		return err
	}
	return limits.CheckString("reason", m.Reason, limits.MaxReasonLength)
}

// ValidateSize enforces the size limits of x/limits on a chunk: at most
// MaxRowsPerChunk rows in all, and no string over its limit.
func (r ChunkRows) ValidateSize() error {
	if err := limits.CheckList("rows", r.Len(), limits.MaxRowsPerChunk); err != nil {
		return err
	}
	var fields []sizedField
	for _, row := range r.Ptp {
		fields = append(fields[:0], codeField("ptp column1", row.Column1), codeField("ptp column2", row.Column2),
			dateField("ptp effective_date", row.EffectiveDate), dateField("ptp deletion_date", row.DeletionDate))
		if err := checkFields(fields); err != nil {
			return err
		}
	}
	for _, row := range r.Mue {
		if err := limits.CheckString("mue code", row.Code, limits.MaxCodeLength); err != nil {
			return err
		}
	}
	for _, row := range r.AddOn {
		if err := limits.CheckString("add-on code", row.AddOnCode, limits.MaxCodeLength); err != nil {
			return err
		}
		if err := limits.CheckStrings("add-on primary_codes", row.PrimaryCodes, limits.MaxPrimaryCodes, limits.MaxCodeLength); err != nil {
			return err
		}
	}
	for _, row := range r.Exclusion {
		fields = append(fields[:0], codeField("exclusion npi", row.Npi), dateField("exclusion_date", row.ExclusionDate),
			dateField("reinstatement_date", row.ReinstatementDate), dateField("waiver_date", row.WaiverDate), codeField("waiver_state", row.WaiverState))
		if err := checkFields(fields); err != nil {
			return err
		}
	}
	for _, row := range r.AgeSex {
		if err := checkFields(append(fields[:0], codeField("age-sex code", row.Code), codeField("age-sex sex", row.Sex))); err != nil {
			return err
		}
	}
	for _, row := range r.TypicalMinutes {
		if err := limits.CheckString("typical-minutes code", row.Code, limits.MaxCodeLength); err != nil {
			return err
		}
	}
	for _, row := range r.EmLevel {
		if err := checkFields(append(fields[:0], codeField("em-level code", row.Code),
			sizedField{"em-level family", row.Family, limits.MaxEmFamilyLength})); err != nil {
			return err
		}
	}
	return nil
}

type sizedField struct {
	name, value string
	max         int
}

func codeField(name, value string) sizedField { return sizedField{name, value, limits.MaxCodeLength} }
func dateField(name, value string) sizedField { return sizedField{name, value, limits.MaxDateLength} }

func checkFields(fields []sizedField) error {
	for _, f := range fields {
		if err := limits.CheckString(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	return nil
}
