package types_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/settlement/types"
)

// validAmount is the msg server's check of an escrow amount.
func validAmount(c interface {
	Validate() error
	IsPositive() bool
}) error {
	if err := c.Validate(); err != nil || !c.IsPositive() {
		return types.ErrInvalidAmount
	}
	return nil
}

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgFundEscrow { return &types.MsgFundEscrow{} }, func(m *types.MsgFundEscrow) error { return validAmount(m.Amount) }),
	msgfuzz.Of(func() *types.MsgWithdrawEscrow { return &types.MsgWithdrawEscrow{} }, func(m *types.MsgWithdrawEscrow) error { return validAmount(m.Amount) }),
	msgfuzz.Of(func() *types.MsgSetHoldPeriod { return &types.MsgSetHoldPeriod{} }, func(m *types.MsgSetHoldPeriod) error {
		return types.ValidateHoldPeriod(m.HoldPeriod)
	}),
	msgfuzz.Of(func() *types.MsgUpdateParams { return &types.MsgUpdateParams{} }, func(m *types.MsgUpdateParams) error { return m.Params.Validate() }),
}

// FuzzMsgs decodes bytes as a settlement msg: ValidateBasic and the msg
// server's stateless checks return, never panic, and a msg within the limits
// round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	msgfuzz.Seed(f, fuzzTypes,
		&types.MsgFundEscrow{Insurer: insurerAddr, Amount: coin(math.NewInt(1_000_000))},
		&types.MsgFundEscrow{Insurer: insurerAddr, Amount: coin(maxAmount.AddRaw(1))},
		&types.MsgWithdrawEscrow{Insurer: insurerAddr, Amount: coin(math.NewInt(500))},
		&types.MsgSetHoldPeriod{Insurer: insurerAddr, HoldPeriod: 72 * time.Hour},
		&types.MsgSetHoldPeriod{Insurer: insurerAddr, HoldPeriod: -time.Second},
		&types.MsgUpdateParams{Authority: insurerAddr, Params: types.DefaultParams()},
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
