package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

var (
	_ sdk.Msg = &MsgAdmitMember{}
	_ sdk.Msg = &MsgSuspendMember{}
	_ sdk.Msg = &MsgReinstateMember{}
	_ sdk.Msg = &MsgRemoveMember{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// ValidateAdmission checks the fields of an admission without state.
func (m *MsgAdmitMember) ValidateAdmission() error {
	if err := ValidateName(m.Name); err != nil {
		return err
	}
	if err := ValidateIdentifiers(m.Kind, m.Npi, m.PayerId, m.NaicCode); err != nil {
		return err
	}
	if _, err := sdk.AccAddressFromBech32(m.Operator); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "operator %q: %s", m.Operator, err)
	}
	return errorsmod.Wrap(m.AgreementHash.Validate(), "agreement_hash")
}

// Validate checks a stored member record (genesis import).
func (m Member) Validate() error {
	if m.Id == 0 {
		return errorsmod.Wrap(ErrInvalidGenesis, "member id must be positive")
	}
	if err := ValidateName(m.Name); err != nil {
		return err
	}
	if err := ValidateIdentifiers(m.Kind, m.Npi, m.PayerId, m.NaicCode); err != nil {
		return err
	}
	if _, err := sdk.AccAddressFromBech32(m.Operator); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "operator %q: %s", m.Operator, err)
	}
	switch m.Status {
	case MEMBER_STATUS_ACTIVE, MEMBER_STATUS_SUSPENDED, MEMBER_STATUS_REMOVED:
	default:
		return errorsmod.Wrapf(ErrInvalidGenesis, "member %d has status %s", m.Id, m.Status)
	}
	return errorsmod.Wrapf(m.AgreementHash.Validate(), "member %d agreement_hash", m.Id)
}

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server runs the full checks.
func (m *MsgAdmitMember) ValidateBasic() error {
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"authority", m.Authority, limits.MaxAddressLength},
		{"name", m.Name, limits.MaxNameLength},
		{"npi", m.Npi, limits.MaxCodeLength},
		{"payer_id", m.PayerId, limits.MaxCodeLength},
		{"naic_code", m.NaicCode, limits.MaxCodeLength},
		{"operator", m.Operator, limits.MaxAddressLength},
	} {
		if err := limits.CheckString(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	return m.AgreementHash.ValidateSize("agreement_hash")
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgSuspendMember) ValidateBasic() error {
	return validateAuthorityReason(m.Authority, m.Reason)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgReinstateMember) ValidateBasic() error {
	return limits.CheckAddress("authority", m.Authority)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgRemoveMember) ValidateBasic() error {
	return validateAuthorityReason(m.Authority, m.Reason)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgUpdateParams) ValidateBasic() error {
	if err := limits.CheckAddress("authority", m.Authority); err != nil {
		return err
	}
	return limits.CheckAmount("validator_bond", m.Params.ValidatorBond)
}

func validateAuthorityReason(authority, reason string) error {
	if err := limits.CheckAddress("authority", authority); err != nil {
		return err
	}
	return limits.CheckString("reason", reason, limits.MaxReasonLength)
}

// ValidateSize refuses a digest longer than limits.MaxDigestLength.
func (h ContentHash) ValidateSize(field string) error {
	return limits.CheckBytes(field+" digest", h.Digest, limits.MaxDigestLength)
}
