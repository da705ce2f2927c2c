package app

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/claimchain/claimchain/x/limits"
)

// virtualFees is the bank keeper the ante handler deducts fees with: fees go
// to the fee collector as virtual sends, summed in bank's object store and
// credited to the fee collector once, at bank's EndBlock. Every tx pays a
// fee, so writing the fee collector's balance in each would make every tx of
// a block depend on the one before it, and the block-stm executor run them
// one after another.
type virtualFees struct{ bankkeeper.BaseKeeper }

// SendCoinsFromAccountToModule implements ante's BankKeeper for fee deduction.
func (v virtualFees) SendCoinsFromAccountToModule(ctx context.Context, from sdk.AccAddress, module string, amt sdk.Coins) error {
	return v.SendCoinsFromAccountToModuleVirtual(ctx, from, module, amt)
}

// FeeDenomDecorator accepts fees only in FeeDenom: the validator bond is not a
// means of payment, and neither are settlement funds.
type FeeDenomDecorator struct{}

// AnteHandle implements sdk.AnteDecorator.
func (FeeDenomDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if feeTx, ok := tx.(sdk.FeeTx); ok {
		for _, c := range feeTx.GetFee() {
			if c.Denom != FeeDenom {
				return ctx, errorsmod.Wrapf(sdkerrors.ErrInvalidCoins, "fees are paid in %s, not %s", FeeDenom, c.Denom)
			}
		}
	}
	return next(ctx, tx, simulate)
}

// TxSizeDecorator refuses a tx of more than limits.MaxTxBytes encoded bytes,
// in CheckTx and in a block alike: a proposer is not bound by the mempool's
// max_tx_bytes.
type TxSizeDecorator struct{}

// AnteHandle implements sdk.AnteDecorator.
func (TxSizeDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if n := len(ctx.TxBytes()); n > limits.MaxTxBytes {
		return ctx, errorsmod.Wrapf(sdkerrors.ErrTxTooLarge, "tx is %d bytes, at most %d", n, limits.MaxTxBytes)
	}
	return next(ctx, tx, simulate)
}

// NestedMsgsDecorator runs ValidateBasic on the msgs nested in an authz
// MsgExec or a gov MsgSubmitProposal, as baseapp does for a tx's own msgs. The
// nested msgs are checked again when they execute; checking them here refuses
// a msg over a size limit in CheckTx wherever it sits, not first in a block.
type NestedMsgsDecorator struct{}

// AnteHandle implements sdk.AnteDecorator.
func (NestedMsgsDecorator) AnteHandle(ctx sdk.Context, tx sdk.Tx, simulate bool, next sdk.AnteHandler) (sdk.Context, error) {
	if err := validateNested(tx.GetMsgs()); err != nil {
		return ctx, err
	}
	return next(ctx, tx, simulate)
}

func validateNested(msgs []sdk.Msg) error {
	for _, msg := range msgs {
		var inner []sdk.Msg
		var err error
		switch m := msg.(type) {
		case *authz.MsgExec:
			inner, err = m.GetMessages()
		case *govv1.MsgSubmitProposal:
			inner, err = m.GetMsgs()
		default:
			continue
		}
		if err != nil {
			continue // undecodable: the msg server refuses it
		}
		for _, m := range inner {
			if v, ok := m.(sdk.HasValidateBasic); ok {
				if err := v.ValidateBasic(); err != nil {
					return err
				}
			}
		}
		if err := validateNested(inner); err != nil {
			return err
		}
	}
	return nil
}

// prepend runs decorators, in order, before h.
func prepend(h sdk.AnteHandler, decorators ...sdk.AnteDecorator) sdk.AnteHandler {
	for i := len(decorators) - 1; i >= 0; i-- {
		d, next := decorators[i], h
		h = func(ctx sdk.Context, tx sdk.Tx, simulate bool) (sdk.Context, error) {
			return d.AnteHandle(ctx, tx, simulate, next)
		}
	}
	return h
}
