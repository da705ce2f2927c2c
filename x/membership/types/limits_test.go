package types_test

import (
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/limits"
	"github.com/claimchain/claimchain/x/membership/types"
)

func x(n int) string { return strings.Repeat("x", n) }

func admit(edit func(m *types.MsgAdmitMember)) *types.MsgAdmitMember {
	m := &types.MsgAdmitMember{Authority: testAddr(9), Kind: types.MEMBER_KIND_PROVIDER, Name: "Riverside Clinic",
		Npi: "1234567893", Operator: testAddr(3), AgreementHash: testHash("agreement")}
	edit(m)
	return m
}

// Each limit at its edge passes ValidateBasic; one over it fails with
// limits.ErrOverLimit naming the field.
func TestLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"valid admission", admit(func(*types.MsgAdmitMember) {}), true, ""},
		{"authority at limit", admit(func(m *types.MsgAdmitMember) { m.Authority = x(limits.MaxAddressLength) }), true, ""},
		{"authority over", admit(func(m *types.MsgAdmitMember) { m.Authority = x(limits.MaxAddressLength + 1) }), false, "authority"},
		{"name at limit", admit(func(m *types.MsgAdmitMember) { m.Name = x(limits.MaxNameLength) }), true, ""},
		{"name over", admit(func(m *types.MsgAdmitMember) { m.Name = x(limits.MaxNameLength + 1) }), false, "name"},
		{"npi over", admit(func(m *types.MsgAdmitMember) { m.Npi = x(limits.MaxCodeLength + 1) }), false, "npi"},
		{"payer id over", admit(func(m *types.MsgAdmitMember) { m.PayerId = x(limits.MaxCodeLength + 1) }), false, "payer_id"},
		{"naic over", admit(func(m *types.MsgAdmitMember) { m.NaicCode = x(limits.MaxCodeLength + 1) }), false, "naic_code"},
		{"operator over", admit(func(m *types.MsgAdmitMember) { m.Operator = x(limits.MaxAddressLength + 1) }), false, "operator"},
		{"digest at limit", admit(func(m *types.MsgAdmitMember) { m.AgreementHash.Digest = make([]byte, limits.MaxDigestLength) }), true, ""},
		{"digest over", admit(func(m *types.MsgAdmitMember) { m.AgreementHash.Digest = make([]byte, limits.MaxDigestLength+1) }), false, "agreement_hash"},
		{"suspend reason at limit", &types.MsgSuspendMember{Authority: testAddr(9), MemberId: 2, Reason: x(limits.MaxReasonLength)}, true, ""},
		{"suspend reason over", &types.MsgSuspendMember{Authority: testAddr(9), MemberId: 2, Reason: x(limits.MaxReasonLength + 1)}, false, "reason"},
		{"remove reason over", &types.MsgRemoveMember{Authority: testAddr(9), MemberId: 2, Reason: x(limits.MaxReasonLength + 1)}, false, "reason"},
		{"reinstate authority over", &types.MsgReinstateMember{Authority: x(limits.MaxAddressLength + 1), MemberId: 2}, false, "authority"},
		{"bond at limit", &types.MsgUpdateParams{Authority: testAddr(9), Params: types.Params{ValidatorBond: math.NewInt(limits.MaxAmount), MaxBurnsPerBlock: 1}}, true, ""},
		{"bond over", &types.MsgUpdateParams{Authority: testAddr(9), Params: types.Params{ValidatorBond: math.NewInt(limits.MaxAmount + 1), MaxBurnsPerBlock: 1}}, false, "validator_bond"},
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
	// The admission checks agree at the name limit.
	require.NoError(t, admit(func(m *types.MsgAdmitMember) { m.Name = x(limits.MaxNameLength) }).ValidateAdmission())
	require.ErrorIs(t, admit(func(m *types.MsgAdmitMember) { m.Name = x(limits.MaxNameLength + 1) }).ValidateAdmission(), types.ErrInvalidName)
	require.ErrorIs(t, admit(func(m *types.MsgAdmitMember) { m.Kind = 7 }).ValidateAdmission(), types.ErrInvalidKind, "unknown kind")
}
