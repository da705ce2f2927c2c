package types_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/integrity/types"
	"github.com/claimchain/claimchain/x/limits"
)

var insurerAddr = sdk.AccAddress(bytes.Repeat([]byte{2}, 20)).String()

func thresholds(insurer string) *types.MsgSetThresholds {
	return &types.MsgSetThresholds{Insurer: insurer, PendScore: 50, EmMinServices: 10, EmExcessBps: 2000, VolumeMinClaims: 20, VolumeFactorBps: 30000}
}

func TestLimits(t *testing.T) {
	require.NoError(t, thresholds(insurerAddr).ValidateBasic())
	require.NoError(t, thresholds(strings.Repeat("x", limits.MaxAddressLength)).ValidateBasic())
	err := thresholds(strings.Repeat("x", limits.MaxAddressLength+1)).ValidateBasic()
	require.ErrorIs(t, err, limits.ErrOverLimit)
	require.ErrorContains(t, err, "insurer")
}
