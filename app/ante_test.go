package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/claimchain/claimchain/app"
)

type feeTx struct {
	sdk.Tx
	fee sdk.Coins
}

func (t feeTx) GetFee() sdk.Coins  { return t.fee }
func (t feeTx) GetGas() uint64     { return 0 }
func (t feeTx) FeePayer() []byte   { return nil }
func (t feeTx) FeeGranter() []byte { return nil }

func TestFeesOnlyInTheFeeDenom(t *testing.T) {
	next := func(ctx sdk.Context, _ sdk.Tx, _ bool) (sdk.Context, error) { return ctx, nil }
	cases := []struct {
		name string
		fee  sdk.Coins
		ok   bool
	}{
		{"ufee", sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 2000)), true},
		{"no fee", nil, true},
		{"the validator bond", sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 10)), false},
		{"settlement money", sdk.NewCoins(sdk.NewInt64Coin("usd", 10)), false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := app.FeeDenomDecorator{}.AnteHandle(sdk.Context{}, feeTx{fee: tc.fee}, false, next)
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, sdkerrors.ErrInvalidCoins)
			require.ErrorContains(t, err, "fees are paid in ufee")
		})
	}
}
