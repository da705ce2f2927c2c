package app

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

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
