package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/claimchain/claimchain/x/limits"
)

var (
	_ sdk.Msg = &MsgConfirmTreatment{}
	_ sdk.Msg = &MsgDisputeTreatment{}
)

// Validate checks the signer's address and the attestation id.
func (m *MsgConfirmTreatment) Validate() error {
	return validateResponder(m.MemberAccount, m.AttestationId)
}

// Validate checks the signer's address, the attestation id and the reason
// hash (a hash of the member's off-chain statement: sha256, 32 bytes).
func (m *MsgDisputeTreatment) Validate() error {
	if err := validateResponder(m.MemberAccount, m.AttestationId); err != nil {
		return err
	}
	return errorsmod.Wrap(m.ReasonHash.Validate(), "reason_hash")
}

func validateResponder(account, attestationID string) error {
	if _, err := sdk.AccAddressFromBech32(account); err != nil {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidAddress, "member_account %q: %s", account, err)
	}
	if _, _, err := ParseAttestationID(attestationID); err != nil {
		return errorsmod.Wrap(err, "attestation_id")
	}
	return nil
}

// Validate checks a stored response (genesis import): a well-formed
// attestation id, member pseudonym and account, a CONFIRMED or DISPUTED kind,
// a valid reason hash on a dispute and none on a confirmation.
func (r TreatmentResponse) Validate() error {
	if _, _, err := ParseAttestationID(r.AttestationId); err != nil {
		return errorsmod.Wrap(err, "response attestation_id")
	}
	if err := ValidatePseudonym(r.Member); err != nil {
		return errorsmod.Wrapf(err, "response to %s", r.AttestationId)
	}
	if _, err := sdk.AccAddressFromBech32(r.Account); err != nil {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidAddress, "response to %s: account %q: %s", r.AttestationId, r.Account, err)
	}
	switch r.Kind {
	case RESPONSE_KIND_CONFIRMED:
		if r.ReasonHash != nil {
			return errorsmod.Wrapf(ErrInvalidResponse, "confirmation of %s carries a reason_hash", r.AttestationId)
		}
		if r.ConfirmedHeight != 0 {
			return errorsmod.Wrapf(ErrInvalidResponse, "confirmation of %s has a confirmed_height", r.AttestationId)
		}
	case RESPONSE_KIND_DISPUTED:
		if r.ReasonHash == nil {
			return errorsmod.Wrapf(ErrInvalidResponse, "dispute of %s has no reason_hash", r.AttestationId)
		}
		if err := r.ReasonHash.Validate(); err != nil {
			return errorsmod.Wrapf(err, "dispute of %s: reason_hash", r.AttestationId)
		}
		if r.ConfirmedHeight < 0 || r.ConfirmedHeight > r.Height {
			return errorsmod.Wrapf(ErrInvalidResponse, "dispute of %s at height %d has confirmed_height %d",
				r.AttestationId, r.Height, r.ConfirmedHeight)
		}
	default:
		return errorsmod.Wrapf(ErrInvalidResponse, "response to %s has kind %s", r.AttestationId, r.Kind)
	}
	if r.Height < 0 {
		return errorsmod.Wrapf(ErrInvalidResponse, "response to %s: negative height", r.AttestationId)
	}
	return nil
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgConfirmTreatment) ValidateBasic() error {
	if err := responderSize(m.MemberAccount, m.AttestationId); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgDisputeTreatment) ValidateBasic() error {
	if err := responderSize(m.MemberAccount, m.AttestationId); err != nil {
		return err
	}
	if err := m.ReasonHash.ValidateSize("reason_hash"); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

func responderSize(account, attestationID string) error {
	if err := limits.CheckAddress("member_account", account); err != nil {
		return err
	}
	return limits.CheckString("attestation_id", attestationID, limits.MaxIDLength)
}
