package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/attestation/types"
)

// ConfirmTreatment records that the member confirms the care an attestation
// states. The signer must be the account enrolled for the attestation's member
// with its insurer, and the member must not have responded to it yet.
func (s msgServer) ConfirmTreatment(goCtx context.Context, msg *types.MsgConfirmTreatment) (*types.MsgConfirmTreatmentResponse, error) {
	k := s.k
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	att, account, err := k.responder(ctx, msg.MemberAccount, msg.AttestationId)
	if err != nil {
		return nil, err
	}
	prev, found, err := k.response(ctx, att.Id)
	if err != nil {
		return nil, err
	}
	if found {
		return nil, errorsmod.Wrapf(types.ErrAlreadyResponded, "%s was %s at height %d",
			att.Id, responded(prev.Kind), prev.Height)
	}
	r := types.TreatmentResponse{
		AttestationId: att.Id, Member: att.Member, Kind: types.RESPONSE_KIND_CONFIRMED,
		Account: account, Height: ctx.BlockHeight(), Time: ctx.BlockTime().UTC(),
	}
	if err := k.Responses.Set(ctx, att.Id, r); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventTreatmentConfirmed{
		AttestationId: att.Id, ProviderId: att.ProviderId, InsurerId: att.InsurerId, Member: att.Member, Account: account,
	}); err != nil {
		return nil, err
	}
	return &types.MsgConfirmTreatmentResponse{}, nil
}

// DisputeTreatment records that the member disputes an attestation, with the
// hash of their off-chain statement, and then calls the treatment hooks
// (x/claims pends the claims that bill the attestation). A dispute may replace
// the member's earlier confirmation (a patient may change their mind after
// seeing the bill); a dispute is final.
func (s msgServer) DisputeTreatment(goCtx context.Context, msg *types.MsgDisputeTreatment) (*types.MsgDisputeTreatmentResponse, error) {
	k := s.k
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	att, account, err := k.responder(ctx, msg.MemberAccount, msg.AttestationId)
	if err != nil {
		return nil, err
	}
	prev, found, err := k.response(ctx, att.Id)
	if err != nil {
		return nil, err
	}
	if found && prev.Kind == types.RESPONSE_KIND_DISPUTED {
		return nil, errorsmod.Wrapf(types.ErrAlreadyResponded, "%s was disputed at height %d; a dispute is final",
			att.Id, prev.Height)
	}
	reason := msg.ReasonHash
	r := types.TreatmentResponse{
		AttestationId: att.Id, Member: att.Member, Kind: types.RESPONSE_KIND_DISPUTED, ReasonHash: &reason,
		Account: account, Height: ctx.BlockHeight(), Time: ctx.BlockTime().UTC(),
	}
	if found {
		r.ConfirmedHeight = prev.Height
	}
	if err := k.Responses.Set(ctx, att.Id, r); err != nil {
		return nil, err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventTreatmentDisputed{
		AttestationId: att.Id, ProviderId: att.ProviderId, InsurerId: att.InsurerId, Member: att.Member,
		Account: account, ReasonHash: &reason, WasConfirmed: found,
	}); err != nil {
		return nil, err
	}
	if k.hooks != nil {
		if err := k.hooks.AfterTreatmentDisputed(ctx, att); err != nil {
			return nil, err
		}
	}
	return &types.MsgDisputeTreatmentResponse{}, nil
}

// responder returns the attestation a member responds to, and the signer's
// address in canonical form, if the signer is the account enrolled for the
// attestation's member with the attestation's insurer (x/adjudication
// Coverage.member_account). Coverage that has ended still counts: a member may
// respond to care given while covered.
func (k *Keeper) responder(ctx context.Context, account, attestationID string) (types.Attestation, string, error) {
	att, err := k.GetAttestation(ctx, attestationID)
	if err != nil {
		return types.Attestation{}, "", err
	}
	if k.coverage == nil {
		return types.Attestation{}, "", errors.New("attestation: coverage keeper not set")
	}
	signer, err := sdk.AccAddressFromBech32(account)
	if err != nil {
		return types.Attestation{}, "", err // unreachable: Validate checked it
	}
	refuse := func(why string) error {
		return errorsmod.Wrapf(types.ErrNotMemberAccount, "%s is not the account enrolled for the member of %s (%s)",
			account, att.Id, why)
	}
	enrolled, err := k.coverage.MemberAccount(ctx, att.Member, att.InsurerId)
	switch {
	case err != nil:
		return types.Attestation{}, "", refuse(err.Error())
	case enrolled == "":
		return types.Attestation{}, "", refuse("the insurer enrolled the member without an account")
	}
	want, err := sdk.AccAddressFromBech32(enrolled)
	if err != nil || !want.Equals(signer) {
		return types.Attestation{}, "", refuse("another account is enrolled")
	}
	return att, signer.String(), nil
}

// response returns the member's response to an attestation, if any.
func (k *Keeper) response(ctx context.Context, attestationID string) (types.TreatmentResponse, bool, error) {
	r, err := k.Responses.Get(ctx, attestationID)
	switch {
	case errors.Is(err, collections.ErrNotFound):
		return types.TreatmentResponse{}, false, nil
	case err != nil:
		return types.TreatmentResponse{}, false, err
	}
	return r, true, nil
}

// responded renders a response kind as a past participle for messages.
func responded(kind types.ResponseKind) string {
	if kind == types.RESPONSE_KIND_DISPUTED {
		return "disputed"
	}
	return "confirmed"
}
