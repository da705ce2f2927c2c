package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/claims/types"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgSubmitClaim { return &types.MsgSubmitClaim{} }, func(m *types.MsgSubmitClaim) error {
		_, err := m.Validate()
		return err
	}),
	msgfuzz.Of(func() *types.MsgVoidClaim { return &types.MsgVoidClaim{} }, (*types.MsgVoidClaim).Validate),
	msgfuzz.Of(func() *types.MsgReviewClaim { return &types.MsgReviewClaim{} }, (*types.MsgReviewClaim).Validate),
	msgfuzz.Of(func() *types.MsgAppealClaim { return &types.MsgAppealClaim{} }, (*types.MsgAppealClaim).Validate),
	msgfuzz.Of(func() *types.MsgDecideAppeal { return &types.MsgDecideAppeal{} }, (*types.MsgDecideAppeal).Validate),
}

// FuzzMsgs decodes bytes as a claims msg: ValidateBasic and Validate return,
// never panic, and a msg within the limits round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	preauth := submit(func(m *types.MsgSubmitClaim) {
		m.Use = types.CLAIM_USE_PREAUTHORIZATION
		m.Lines[0].AttestationId, m.Lines[0].AttestationLine, m.Lines[0].PreauthRef = "", 0, "PA-1"
	})
	msgfuzz.Seed(f, fuzzTypes,
		validSubmit(), preauth,
		submit(func(m *types.MsgSubmitClaim) { m.Lines = lines(3); m.Lines[2].Modifiers = []string{"25", "59"} }),
		submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Billed.Amount = maxAmount.AddRaw(1) }),
		submit(func(m *types.MsgSubmitClaim) { m.Lines = nil }),
		void(func(*types.MsgVoidClaim) {}),
		review(func(*types.MsgReviewClaim) {}),
		review(func(m *types.MsgReviewClaim) {
			m.Action, m.Lines, m.Group, m.Carc = types.REVIEW_ACTION_APPROVE, nil, "", ""
		}),
		review(func(m *types.MsgReviewClaim) { m.Lines[0].Payable = math.NewInt(-1) }),
		appeal(func(m *types.MsgAppealClaim) { m.Lines = []uint32{1, 2, 3} }),
		decide(func(m *types.MsgDecideAppeal) { m.Overturn = true }),
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
