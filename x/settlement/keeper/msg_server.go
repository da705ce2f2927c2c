package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/settlement/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the settlement Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

func validCoin(c sdk.Coin) error {
	if err := c.Validate(); err != nil || !c.IsPositive() {
		return errorsmod.Wrapf(types.ErrInvalidAmount, "%s: want a positive amount", c)
	}
	return nil
}

// FundEscrow moves funds from the insurer's account into its escrow.
func (s msgServer) FundEscrow(ctx context.Context, msg *types.MsgFundEscrow) (*types.MsgFundEscrowResponse, error) {
	k := s.k
	if err := validCoin(msg.Amount); err != nil {
		return nil, err
	}
	insurer, acc, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromAccountToModule(ctx, acc, types.ModuleName, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, err
	}
	e, err := k.escrow(ctx, insurer, msg.Amount.Denom)
	if err != nil {
		return nil, err
	}
	e.Funded = e.Funded.Add(msg.Amount.Amount)
	e.Balance = e.Balance.Add(msg.Amount.Amount)
	if err := k.setEscrow(ctx, e); err != nil {
		return nil, err
	}
	return &types.MsgFundEscrowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(
		&types.EventEscrowFunded{InsurerId: insurer, Amount: msg.Amount.String()})
}

// WithdrawEscrow returns funds that no scheduled payment needs.
func (s msgServer) WithdrawEscrow(ctx context.Context, msg *types.MsgWithdrawEscrow) (*types.MsgWithdrawEscrowResponse, error) {
	k := s.k
	if err := validCoin(msg.Amount); err != nil {
		return nil, err
	}
	insurer, acc, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	e, err := k.escrowWithCommitted(ctx, insurer, msg.Amount.Denom)
	if err != nil {
		return nil, err
	}
	free := e.Balance.Sub(e.Committed)
	if msg.Amount.Amount.GT(free) {
		return nil, errorsmod.Wrapf(types.ErrInsufficientFunds, "%s requested; escrow holds %s%s of which %s%s is committed to scheduled payments",
			msg.Amount, e.Balance, e.Denom, e.Committed, e.Denom)
	}
	e.Balance = e.Balance.Sub(msg.Amount.Amount)
	e.Withdrawn = e.Withdrawn.Add(msg.Amount.Amount)
	if err := k.setEscrow(ctx, e); err != nil {
		return nil, err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, acc, sdk.NewCoins(msg.Amount)); err != nil {
		return nil, err
	}
	return &types.MsgWithdrawEscrowResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(
		&types.EventEscrowWithdrawn{InsurerId: insurer, Amount: msg.Amount.String()})
}

// SetHoldPeriod sets the insurer's hold period for claims adjudicated from now on.
func (s msgServer) SetHoldPeriod(ctx context.Context, msg *types.MsgSetHoldPeriod) (*types.MsgSetHoldPeriodResponse, error) {
	k := s.k
	if err := types.ValidateHoldPeriod(msg.HoldPeriod); err != nil {
		return nil, err
	}
	insurer, _, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	if err := k.Settings.Set(ctx, insurer, types.InsurerSettings{InsurerId: insurer, HoldPeriod: msg.HoldPeriod}); err != nil {
		return nil, err
	}
	return &types.MsgSetHoldPeriodResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(
		&types.EventHoldPeriodSet{InsurerId: insurer, HoldPeriod: msg.HoldPeriod.String()})
}

// UpdateParams replaces the params (governance).
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), s.k.authority, msg.Authority); err != nil {
		return nil, errorsmod.Wrap(types.ErrUnauthorized, err.Error())
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}
