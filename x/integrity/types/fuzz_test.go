package types_test

import (
	"testing"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/integrity/types"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgSetThresholds { return &types.MsgSetThresholds{} }, func(m *types.MsgSetThresholds) error {
		return m.Thresholds(1).Validate()
	}),
}

// FuzzMsgs decodes bytes as an integrity msg: ValidateBasic and the msg
// server's range checks return, never panic, and a msg within the limits
// round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	over := thresholds(insurerAddr)
	over.PendScore, over.VolumeFactorBps = types.MaxPendScore+1, 10_000
	msgfuzz.Seed(f, fuzzTypes, thresholds(insurerAddr), over)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
