package types

import (
	"slices"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
)

// ReviewGroups are the group codes a reviewer may use: contractual (CO),
// payer-initiated (PI) and other (OA). PR is refused: a review never moves
// cost onto the patient.
var ReviewGroups = []string{"CO", "PI", "OA"}

// Validate checks a review without state.
func (m *MsgReviewClaim) Validate() error {
	if _, err := sdk.AccAddressFromBech32(m.Insurer); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "insurer %q: %s", m.Insurer, err)
	}
	if _, _, err := attestationtypes.ParseID(IDPrefix, m.ClaimId); err != nil {
		return err
	}
	if err := m.NotesHash.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "notes_hash: %s", err)
	}
	switch m.Action {
	case REVIEW_ACTION_APPROVE:
		if len(m.Lines) > 0 || m.Group != "" || m.Carc != "" || m.Rarc != "" {
			return errorsmod.Wrap(ErrInvalidClaim, "APPROVE takes no lines, group, CARC or RARC")
		}
		return nil
	case REVIEW_ACTION_ADJUST, REVIEW_ACTION_DENY:
	default:
		return errorsmod.Wrapf(ErrInvalidClaim, "action must be APPROVE, ADJUST or DENY, not %s", m.Action)
	}
	if !slices.Contains(ReviewGroups, m.Group) {
		return errorsmod.Wrapf(ErrInvalidClaim, "group %q: a review uses CO, PI or OA", m.Group)
	}
	if !validCode(m.Carc, 1, 3) {
		return errorsmod.Wrapf(ErrInvalidClaim, "CARC %q: 1 to 3 letters or digits", m.Carc)
	}
	if m.Rarc != "" && !validCode(m.Rarc, 2, 5) {
		return errorsmod.Wrapf(ErrInvalidClaim, "RARC %q: 2 to 5 letters or digits", m.Rarc)
	}
	if m.Action == REVIEW_ACTION_DENY {
		if len(m.Lines) > 0 {
			return errorsmod.Wrap(ErrInvalidClaim, "DENY applies to every line: give no lines")
		}
		return nil
	}
	if len(m.Lines) == 0 || len(m.Lines) > attestationtypes.MaxLines {
		return errorsmod.Wrapf(ErrInvalidClaim, "ADJUST needs 1 to %d lines", attestationtypes.MaxLines)
	}
	var seen []uint32
	for _, l := range m.Lines {
		if l.Sequence == 0 || slices.Contains(seen, l.Sequence) {
			return errorsmod.Wrapf(ErrInvalidClaim, "line %d: sequences are positive and listed once", l.Sequence)
		}
		seen = append(seen, l.Sequence)
		if l.Payable.IsNil() || l.Payable.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidClaim, "line %d: payable must be zero or more", l.Sequence)
		}
	}
	return nil
}

// Validate checks an appeal without state.
func (m *MsgAppealClaim) Validate() error {
	if _, err := sdk.AccAddressFromBech32(m.Provider); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "provider %q: %s", m.Provider, err)
	}
	if _, _, err := attestationtypes.ParseID(IDPrefix, m.ClaimId); err != nil {
		return err
	}
	if err := m.ReasonHash.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "reason_hash: %s", err)
	}
	return validSequences(m.Lines)
}

// Validate checks an appeal decision without state.
func (m *MsgDecideAppeal) Validate() error {
	if _, err := sdk.AccAddressFromBech32(m.Insurer); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "insurer %q: %s", m.Insurer, err)
	}
	if _, _, err := attestationtypes.ParseID(IDPrefix, m.ClaimId); err != nil {
		return err
	}
	if m.Appeal == 0 {
		return errorsmod.Wrap(ErrInvalidClaim, "appeal numbers start at 1")
	}
	if err := m.NotesHash.Validate(); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "notes_hash: %s", err)
	}
	return nil
}

func validSequences(lines []uint32) error {
	if len(lines) == 0 || len(lines) > attestationtypes.MaxLines {
		return errorsmod.Wrapf(ErrInvalidClaim, "give 1 to %d line sequences", attestationtypes.MaxLines)
	}
	var seen []uint32
	for _, s := range lines {
		if s == 0 || slices.Contains(seen, s) {
			return errorsmod.Wrapf(ErrInvalidClaim, "line %d: sequences are positive and listed once", s)
		}
		seen = append(seen, s)
	}
	return nil
}

// validCode accepts min..max upper-case letters and digits (CARC, RARC).
func validCode(s string, minLen, maxLen int) bool {
	if len(s) < minLen || len(s) > maxLen {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgReviewClaim) ValidateBasic() error {
	if err := signerClaimSize("insurer", m.Insurer, m.ClaimId); err != nil {
		return err
	}
	for _, f := range []struct{ name, value string }{{"group", m.Group}, {"carc", m.Carc}, {"rarc", m.Rarc}} {
		if err := limits.CheckString(f.name, f.value, limits.MaxCodeLength); err != nil {
			return err
		}
	}
	if err := limits.CheckList("lines", len(m.Lines), limits.MaxLines); err != nil {
		return err
	}
	for _, l := range m.Lines {
		if err := limits.CheckAmount("line payable", l.Payable); err != nil {
			return err
		}
	}
	if err := m.NotesHash.ValidateSize("notes_hash"); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgAppealClaim) ValidateBasic() error {
	if err := signerClaimSize("provider", m.Provider, m.ClaimId); err != nil {
		return err
	}
	if err := limits.CheckList("lines", len(m.Lines), limits.MaxLines); err != nil {
		return err
	}
	if err := m.ReasonHash.ValidateSize("reason_hash"); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgDecideAppeal) ValidateBasic() error {
	if err := signerClaimSize("insurer", m.Insurer, m.ClaimId); err != nil {
		return err
	}
	if err := m.NotesHash.ValidateSize("notes_hash"); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

func signerClaimSize(field, signer, claimID string) error {
	if err := limits.CheckAddress(field, signer); err != nil {
		return err
	}
	return limits.CheckString("claim_id", claimID, limits.MaxIDLength)
}
