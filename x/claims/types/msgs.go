package types

import (
	"strconv"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// MaxPreauthRefLength bounds a prior-authorization reference.
const MaxPreauthRefLength = limits.MaxPreauthRefLength

var (
	_ sdk.Msg = &MsgSubmitClaim{}
	_ sdk.Msg = &MsgVoidClaim{}
)

// IsPreService reports whether the use is a request before care
// (preauthorization or predetermination), which bills nothing.
func (u ClaimUse) IsPreService() bool {
	return u == CLAIM_USE_PREAUTHORIZATION || u == CLAIM_USE_PREDETERMINATION
}

// Validate runs the stateless checks of a claim submission and returns the
// diagnosis codes normalised to the X12 form.
func (m *MsgSubmitClaim) Validate() ([]string, error) {
	if _, err := sdk.AccAddressFromBech32(m.Provider); err != nil {
		return nil, errorsmod.Wrapf(ErrInvalidClaim, "provider %q: %s", m.Provider, err)
	}
	if m.InsurerId == 0 {
		return nil, errorsmod.Wrap(ErrInvalidClaim, "insurer_id is required")
	}
	switch m.Use {
	case CLAIM_USE_CLAIM, CLAIM_USE_PREAUTHORIZATION, CLAIM_USE_PREDETERMINATION:
	default:
		return nil, errorsmod.Wrapf(ErrInvalidClaim, "use must be claim, preauthorization or predetermination, got %s", m.Use)
	}
	if err := attestationtypes.ValidatePseudonym(m.Member); err != nil {
		return nil, err
	}
	diagnoses, err := attestationtypes.NormalizeDiagnosisCodes(m.DiagnosisCodes)
	if err != nil {
		return nil, err
	}
	if len(m.Lines) == 0 || len(m.Lines) > attestationtypes.MaxLines {
		return nil, errorsmod.Wrapf(ErrInvalidClaim, "a claim has 1 to %d lines, got %d", attestationtypes.MaxLines, len(m.Lines))
	}
	denom := m.Lines[0].Billed.Denom
	billed := map[string]bool{}
	for i, l := range m.Lines {
		if err := m.validateLine(l, denom); err != nil {
			return nil, errorsmod.Wrapf(err, "line %d", i+1)
		}
		if l.AttestationId != "" {
			key := l.AttestationId + "#" + strconv.FormatUint(uint64(l.AttestationLine), 10)
			if billed[key] {
				return nil, errorsmod.Wrapf(ErrInvalidLine, "line %d: %s line %d is billed twice on this claim", i+1, l.AttestationId, l.AttestationLine)
			}
			billed[key] = true
		}
	}
	return diagnoses, nil
}

func (m *MsgSubmitClaim) validateLine(l SubmittedLine, denom string) error {
	if err := attestationtypes.ValidateProcedureCode(l.Code); err != nil {
		return err
	}
	if err := attestationtypes.ValidateModifiers(l.Modifiers); err != nil {
		return err
	}
	if err := attestationtypes.ValidateUnits(l.Units); err != nil {
		return err
	}
	if err := attestationtypes.ValidateDate("service_date", l.ServiceDate); err != nil {
		return err
	}
	if err := l.Billed.Validate(); err != nil || !l.Billed.IsPositive() {
		return errorsmod.Wrapf(ErrInvalidLine, "billed amount %s must be a positive amount in minor units of a currency denom", l.Billed)
	}
	// The bound keeps the claim's total (a sum of lines) from overflowing.
	if l.Billed.Amount.GT(math.NewInt(limits.MaxAmount)) {
		return errorsmod.Wrapf(ErrInvalidLine, "billed amount %s is above %d minor units", l.Billed.Amount, limits.MaxAmount)
	}
	if l.Billed.Denom != denom {
		return errorsmod.Wrapf(ErrInvalidLine, "billed in %s, but the claim is billed in %s: one currency per claim", l.Billed.Denom, denom)
	}
	if err := validatePreauthRef(l.PreauthRef); err != nil {
		return err
	}
	if m.Use.IsPreService() {
		if l.AttestationId != "" || l.AttestationLine != 0 {
			return errorsmod.Wrapf(ErrInvalidLine, "a %s precedes care and references no attestation", m.Use)
		}
		return nil
	}
	if _, _, err := attestationtypes.ParseID("ATT", l.AttestationId); err != nil {
		return errorsmod.Wrap(ErrInvalidLine, "a claim line must reference an attestation: "+err.Error())
	}
	if l.AttestationLine == 0 {
		return errorsmod.Wrap(ErrInvalidLine, "attestation_line is required (1-based)")
	}
	return nil
}

func validatePreauthRef(ref string) error {
	if len(ref) > MaxPreauthRefLength {
		return errorsmod.Wrapf(ErrInvalidLine, "preauth_ref is %d bytes, at most %d", len(ref), MaxPreauthRefLength)
	}
	for _, r := range ref {
		ok := r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '_' || r == '.'
		if !ok {
			return errorsmod.Wrapf(ErrInvalidLine, "preauth_ref %q: letters, digits, '-', '_' and '.' only", ref)
		}
	}
	return nil
}

// Validate runs the stateless checks of a void.
func (m *MsgVoidClaim) Validate() error {
	if _, err := sdk.AccAddressFromBech32(m.Provider); err != nil {
		return errorsmod.Wrapf(ErrInvalidClaim, "provider %q: %s", m.Provider, err)
	}
	if _, _, err := attestationtypes.ParseID(IDPrefix, m.ClaimId); err != nil {
		return err
	}
	return membershiptypes.ValidateReason(m.Reason)
}

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server runs Validate.
func (m *MsgSubmitClaim) ValidateBasic() error {
	if err := limits.CheckAddress("provider", m.Provider); err != nil {
		return err
	}
	if err := limits.CheckString("member", m.Member, limits.MaxMemberLength); err != nil {
		return err
	}
	if err := limits.CheckStrings("diagnosis_codes", m.DiagnosisCodes, limits.MaxDiagnosisCodes, limits.MaxCodeLength); err != nil {
		return err
	}
	if err := limits.CheckList("lines", len(m.Lines), limits.MaxLines); err != nil {
		return err
	}
	for _, l := range m.Lines {
		for _, f := range []struct {
			name, value string
			max         int
		}{
			{"line attestation_id", l.AttestationId, limits.MaxIDLength},
			{"line code", l.Code, limits.MaxCodeLength},
			{"line service_date", l.ServiceDate, limits.MaxDateLength},
			{"line preauth_ref", l.PreauthRef, limits.MaxPreauthRefLength},
		} {
			if err := limits.CheckString(f.name, f.value, f.max); err != nil {
				return err
			}
		}
		if err := limits.CheckStrings("line modifiers", l.Modifiers, limits.MaxModifiers, limits.MaxCodeLength); err != nil {
			return err
		}
		if err := limits.CheckCoin("line billed", l.Billed); err != nil {
			return err
		}
	}
	_, err := m.Validate() // the full stateless checks: a malformed claim never reaches a block
	return err
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgVoidClaim) ValidateBasic() error {
	if err := limits.CheckAddress("provider", m.Provider); err != nil {
		return err
	}
	if err := limits.CheckString("claim_id", m.ClaimId, limits.MaxIDLength); err != nil {
		return err
	}
	if err := limits.CheckString("reason", m.Reason, limits.MaxReasonLength); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}
