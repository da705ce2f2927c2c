package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

var (
	_ sdk.Msg = &MsgFundEscrow{}
	_ sdk.Msg = &MsgWithdrawEscrow{}
	_ sdk.Msg = &MsgSetHoldPeriod{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server checks the amount and the insurer.
func (m *MsgFundEscrow) ValidateBasic() error {
	if err := limits.CheckAddress("insurer", m.Insurer); err != nil {
		return err
	}
	return limits.CheckCoin("amount", m.Amount)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgWithdrawEscrow) ValidateBasic() error {
	if err := limits.CheckAddress("insurer", m.Insurer); err != nil {
		return err
	}
	return limits.CheckCoin("amount", m.Amount)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgSetHoldPeriod) ValidateBasic() error {
	return limits.CheckAddress("insurer", m.Insurer)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgUpdateParams) ValidateBasic() error {
	return limits.CheckAddress("authority", m.Authority)
}
