package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/membership/types"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgAdmitMember { return &types.MsgAdmitMember{} }, (*types.MsgAdmitMember).ValidateAdmission),
	msgfuzz.Of(func() *types.MsgSuspendMember { return &types.MsgSuspendMember{} }, func(m *types.MsgSuspendMember) error {
		return types.ValidateReason(m.Reason)
	}),
	msgfuzz.Of(func() *types.MsgReinstateMember { return &types.MsgReinstateMember{} }, nil),
	msgfuzz.Of(func() *types.MsgRemoveMember { return &types.MsgRemoveMember{} }, func(m *types.MsgRemoveMember) error {
		return types.ValidateReason(m.Reason)
	}),
	msgfuzz.Of(func() *types.MsgUpdateParams { return &types.MsgUpdateParams{} }, func(m *types.MsgUpdateParams) error {
		return m.Params.Validate()
	}),
}

// FuzzMsgs decodes bytes as a membership msg: ValidateBasic and the msg
// server's stateless checks return, never panic, and a msg within the limits
// round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	msgfuzz.Seed(f, fuzzTypes,
		admit(func(*types.MsgAdmitMember) {}),
		admit(func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.PayerId, m.NaicCode = types.MEMBER_KIND_INSURER, "", "ACME1", "12345"
		}),
		&types.MsgSuspendMember{Authority: testAddr(9), MemberId: 2, Reason: "late dues"},
		&types.MsgReinstateMember{Authority: testAddr(9), MemberId: 2},
		&types.MsgRemoveMember{Authority: testAddr(9), MemberId: 2, Reason: "left the consortium"},
		&types.MsgUpdateParams{Authority: testAddr(9), Params: types.Params{ValidatorBond: math.NewInt(1_000_000), MaxBurnsPerBlock: 10}},
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
