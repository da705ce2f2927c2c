package types_test

import (
	"testing"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgAttestTreatment { return &types.MsgAttestTreatment{} }, (*types.MsgAttestTreatment).Validate),
	msgfuzz.Of(func() *types.MsgConfirmTreatment { return &types.MsgConfirmTreatment{} }, (*types.MsgConfirmTreatment).Validate),
	msgfuzz.Of(func() *types.MsgDisputeTreatment { return &types.MsgDisputeTreatment{} }, (*types.MsgDisputeTreatment).Validate),
}

// FuzzMsgs decodes bytes as an attestation msg: ValidateBasic and Validate
// return, never panic, and a msg within the limits round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	msgfuzz.Seed(f, fuzzTypes,
		attest(func(*types.MsgAttestTreatment) {}),
		attest(func(m *types.MsgAttestTreatment) {
			m.Lines = serviceLines(3)
			m.Lines[1].Modifiers = []string{"25", "59"}
			m.DiagnosisCodes = append(m.DiagnosisCodes, "j06.9")
			m.Supersedes = "ATT-3-1"
		}),
		attest(func(m *types.MsgAttestTreatment) { m.Lines = serviceLines(limits.MaxLines + 1) }),
		&types.MsgConfirmTreatment{MemberAccount: memberAddr, AttestationId: "ATT-3-1"},
		&types.MsgDisputeTreatment{MemberAccount: memberAddr, AttestationId: "ATT-3-1", ReasonHash: recordHash},
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
