package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

var _ sdk.Msg = &MsgSetThresholds{}

// ValidateBasic enforces the size limits of x/limits; the msg server checks
// the thresholds' ranges.
func (m *MsgSetThresholds) ValidateBasic() error {
	return limits.CheckAddress("insurer", m.Insurer)
}
