package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
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
