package types

import (
	"fmt"
	"strings"
	"unicode"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
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
