package types_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
	"github.com/claimchain/claimchain/x/settlement/types"
)

var insurerAddr = sdk.AccAddress(bytes.Repeat([]byte{2}, 20)).String()

func x(n int) string { return strings.Repeat("x", n) }

func coin(amount math.Int) sdk.Coin { return sdk.Coin{Denom: "usd", Amount: amount} }

var maxAmount = math.NewInt(limits.MaxAmount)

func TestLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"fund at limit", &types.MsgFundEscrow{Insurer: insurerAddr, Amount: coin(maxAmount)}, true, ""},
		{"fund over", &types.MsgFundEscrow{Insurer: insurerAddr, Amount: coin(maxAmount.AddRaw(1))}, false, "amount"},
		{"fund denom over", &types.MsgFundEscrow{Insurer: insurerAddr, Amount: sdk.Coin{Denom: "u" + x(limits.MaxDenomLength), Amount: math.OneInt()}}, false, "denom"},
		{"fund insurer over", &types.MsgFundEscrow{Insurer: x(limits.MaxAddressLength + 1), Amount: coin(math.OneInt())}, false, "insurer"},
		{"withdraw at limit", &types.MsgWithdrawEscrow{Insurer: insurerAddr, Amount: coin(maxAmount)}, true, ""},
		{"withdraw over", &types.MsgWithdrawEscrow{Insurer: insurerAddr, Amount: coin(maxAmount.AddRaw(1))}, false, "amount"},
		{"hold insurer at limit", &types.MsgSetHoldPeriod{Insurer: x(limits.MaxAddressLength), HoldPeriod: time.Hour}, true, ""},
		{"hold insurer over", &types.MsgSetHoldPeriod{Insurer: x(limits.MaxAddressLength + 1), HoldPeriod: time.Hour}, false, "insurer"},
		{"params authority over", &types.MsgUpdateParams{Authority: x(limits.MaxAddressLength + 1), Params: types.DefaultParams()}, false, "authority"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.ok {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, limits.ErrOverLimit)
			require.ErrorContains(t, err, tc.field)
		})
	}
}
