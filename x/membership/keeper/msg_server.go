package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the membership Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

// AdmitMember admits a new organisation, or readmits a removed one reusing its
// record (and so its validator), and tops its operator up to the validator bond.
func (s msgServer) AdmitMember(ctx context.Context, msg *types.MsgAdmitMember) (*types.MsgAdmitMemberResponse, error) {
	k := s.k
	if err := k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.ValidateAdmission(); err != nil {
		return nil, err
	}
	operator, err := k.addressCodec.StringToBytes(msg.Operator)
	if err != nil {
		return nil, errorsmod.Wrapf(types.ErrInvalidAddress, "operator: %s", err)
	}
	height := sdk.UnwrapSDKContext(ctx).BlockHeight()

	member, err := k.MemberByOperator(ctx, operator)
	readmitted := err == nil
	switch {
	case readmitted && member.Status != types.MEMBER_STATUS_REMOVED:
		return nil, errorsmod.Wrapf(types.ErrOperatorTaken, "%s operates member %d (%s), which is %s",
			msg.Operator, member.Id, member.Name, member.Status)
	case readmitted && member.Kind != msg.Kind:
		return nil, errorsmod.Wrapf(types.ErrKindMismatch, "member %d was admitted as %s; readmission must keep the kind",
			member.Id, member.Kind)
	case readmitted:
		if has, err := k.PendingBurns.Has(ctx, member.Id); err != nil {
			return nil, err
		} else if has {
			burn, _ := k.PendingBurns.Get(ctx, member.Id)
			return nil, errorsmod.Wrapf(types.ErrBurnPending, "member %d can be readmitted after %s",
				member.Id, burn.MatureAt.UTC().Format("2006-01-02T15:04:05Z"))
		}
		if err := k.releaseIdentifiers(ctx, member); err != nil {
			return nil, err
		}
	default:
		seq, err := k.MemberSeq.Next(ctx)
		if err != nil {
			return nil, err
		}
		member = types.Member{Id: seq + 1, Kind: msg.Kind, Operator: msg.Operator}
	}

	member.Name = msg.Name
	member.Npi, member.PayerId, member.NaicCode = msg.Npi, msg.PayerId, msg.NaicCode
	member.AgreementHash = msg.AgreementHash
	member.Status = types.MEMBER_STATUS_ACTIVE
	member.StatusReason = ""
	member.AdmittedHeight = height
	if err := k.claimIdentifiers(ctx, member); err != nil {
		return nil, err
	}
	if err := k.Members.Set(ctx, member.Id, member); err != nil {
		return nil, err
	}
	minted, err := k.topUpBond(ctx, operator)
	if err != nil {
		return nil, err
	}
	if readmitted {
		// The record survives removal, and so does its validator: the operator
		// bonds to it again and may unjail from now on.
		if err := k.releaseJail(ctx, member); err != nil {
			return nil, err
		}
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventMemberAdmitted{
		MemberId: member.Id, Kind: member.Kind, Operator: member.Operator, Bond: minted.String(), Readmitted: readmitted,
	}); err != nil {
		return nil, err
	}
	return &types.MsgAdmitMemberResponse{MemberId: member.Id}, nil
}

// SuspendMember bars an ACTIVE member; its validator is jailed until reinstated.
func (s msgServer) SuspendMember(ctx context.Context, msg *types.MsgSuspendMember) (*types.MsgSuspendMemberResponse, error) {
	k := s.k
	if err := k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := types.ValidateReason(msg.Reason); err != nil {
		return nil, err
	}
	member, err := k.GetMember(ctx, msg.MemberId)
	if err != nil {
		return nil, err
	}
	if member.Status != types.MEMBER_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrInvalidTransition, "member %d is %s; only an ACTIVE member can be suspended",
			member.Id, member.Status)
	}
	member.Status = types.MEMBER_STATUS_SUSPENDED
	member.StatusReason = msg.Reason
	if err := k.Members.Set(ctx, member.Id, member); err != nil {
		return nil, err
	}
	jailed, err := k.jailValidatorForever(ctx, member)
	if err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventMemberSuspended{
		MemberId: member.Id, Operator: member.Operator, Reason: msg.Reason, ValidatorJailed: jailed,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSuspendMemberResponse{}, nil
}

// ReinstateMember returns a SUSPENDED member to ACTIVE and lifts the jail-until
// time, so its operator can unjail its validator.
func (s msgServer) ReinstateMember(ctx context.Context, msg *types.MsgReinstateMember) (*types.MsgReinstateMemberResponse, error) {
	k := s.k
	if err := k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	member, err := k.GetMember(ctx, msg.MemberId)
	if err != nil {
		return nil, err
	}
	if member.Status != types.MEMBER_STATUS_SUSPENDED {
		return nil, errorsmod.Wrapf(types.ErrInvalidTransition, "member %d is %s; only a SUSPENDED member can be reinstated",
			member.Id, member.Status)
	}
	member.Status = types.MEMBER_STATUS_ACTIVE
	member.StatusReason = ""
	if err := k.Members.Set(ctx, member.Id, member); err != nil {
		return nil, err
	}
	if err := k.releaseJail(ctx, member); err != nil {
		return nil, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventMemberReinstated{
		MemberId: member.Id, Operator: member.Operator,
	}); err != nil {
		return nil, err
	}
	return &types.MsgReinstateMemberResponse{}, nil
}

// RemoveMember removes an ACTIVE or SUSPENDED member: its validator is jailed for
// good, its self-delegation unbonded and queued for burning at maturity, and any
// liquid bond burned at once.
func (s msgServer) RemoveMember(ctx context.Context, msg *types.MsgRemoveMember) (*types.MsgRemoveMemberResponse, error) {
	k := s.k
	if err := k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := types.ValidateReason(msg.Reason); err != nil {
		return nil, err
	}
	member, err := k.GetMember(ctx, msg.MemberId)
	if err != nil {
		return nil, err
	}
	if member.Status == types.MEMBER_STATUS_REMOVED {
		return nil, errorsmod.Wrapf(types.ErrInvalidTransition, "member %d is already REMOVED", member.Id)
	}
	member.Status = types.MEMBER_STATUS_REMOVED
	member.StatusReason = msg.Reason
	if err := k.Members.Set(ctx, member.Id, member); err != nil {
		return nil, err
	}
	if _, err := k.jailValidatorForever(ctx, member); err != nil {
		return nil, err
	}
	burn, err := k.unbondForBurn(ctx, member)
	if err != nil {
		return nil, err
	}
	if _, err := k.burnLiquidBond(ctx, member); err != nil {
		return nil, err
	}
	ev := &types.EventMemberRemoved{MemberId: member.Id, Operator: member.Operator, Reason: msg.Reason}
	if burn != nil {
		ev.Unbonding = burn.Amount.String()
		ev.BurnDue = burn.MatureAt.UTC().Format("2006-01-02T15:04:05Z")
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(ev); err != nil {
		return nil, err
	}
	return &types.MsgRemoveMemberResponse{}, nil
}

// UpdateParams replaces the module params.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}

// claimIdentifiers records the member's identifiers, refusing any held by another member.
func (k *Keeper) claimIdentifiers(ctx context.Context, m types.Member) error {
	for _, key := range types.IdentifierKeys(m.Npi, m.PayerId, m.NaicCode) {
		holder, err := k.Identifiers.Get(ctx, key)
		switch {
		case err == nil && holder != m.Id:
			return errorsmod.Wrapf(types.ErrDuplicateIdentifier, "%s belongs to member %d", key, holder)
		case err != nil && !errors.Is(err, collections.ErrNotFound):
			return err
		}
		if err := k.Identifiers.Set(ctx, key, m.Id); err != nil {
			return err
		}
	}
	return nil
}

// releaseIdentifiers frees a member's identifiers before they are re-claimed.
func (k *Keeper) releaseIdentifiers(ctx context.Context, m types.Member) error {
	for _, key := range types.IdentifierKeys(m.Npi, m.PayerId, m.NaicCode) {
		if err := k.Identifiers.Remove(ctx, key); err != nil {
			return err
		}
	}
	return nil
}
