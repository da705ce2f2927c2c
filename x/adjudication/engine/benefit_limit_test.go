package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestBenefitLimit(t *testing.T) {
	physio := func(seq, units uint32) claimstypes.ClaimLine { return testLine(seq, "97110", units, 6000*int64(units)) }
	cases := []struct {
		name    string
		prior   []adjtypes.LimitUse
		extra   []adjtypes.BenefitLimit
		lines   []claimstypes.ClaimLine
		denied  []bool
		uses    [][]adjtypes.LimitUse
		accWant []adjtypes.LimitUse
	}{
		{name: "within", prior: []adjtypes.LimitUse{{LimitId: "physio", Units: 18}}, lines: []claimstypes.ClaimLine{physio(1, 2)},
			denied: []bool{false}, uses: [][]adjtypes.LimitUse{{{LimitId: "physio", Units: 2}}},
			accWant: []adjtypes.LimitUse{{LimitId: "physio", Units: 20}}},
		{name: "exceeded", prior: []adjtypes.LimitUse{{LimitId: "physio", Units: 19}}, lines: []claimstypes.ClaimLine{physio(1, 2)},
			denied: []bool{true}, accWant: []adjtypes.LimitUse{{LimitId: "physio", Units: 19}}},
		{name: "exceeded by an earlier line of the claim", prior: []adjtypes.LimitUse{{LimitId: "physio", Units: 17}},
			lines:  []claimstypes.ClaimLine{physio(1, 2), physio(2, 2)},
			denied: []bool{false, true}, uses: [][]adjtypes.LimitUse{{{LimitId: "physio", Units: 2}}, nil},
			accWant: []adjtypes.LimitUse{{LimitId: "physio", Units: 19}}},
		{name: "no limit for the code", prior: []adjtypes.LimitUse{{LimitId: "physio", Units: 20}},
			lines: []claimstypes.ClaimLine{testLine(1, "99213", 1, 12500)}, denied: []bool{false}, uses: [][]adjtypes.LimitUse{nil},
			accWant: []adjtypes.LimitUse{{LimitId: "physio", Units: 20}}},
		{name: "two limits, sorted by id, merged with other uses",
			prior: []adjtypes.LimitUse{{LimitId: "zz", Units: 1}, {LimitId: "physio", Units: 1}},
			extra: []adjtypes.BenefitLimit{{Id: "annual-rehab", Codes: []adjtypes.CodeRange{cr("97000", "97999")}, MaxServices: 40}},
			lines: []claimstypes.ClaimLine{physio(1, 3)}, denied: []bool{false},
			uses:    [][]adjtypes.LimitUse{{{LimitId: "annual-rehab", Units: 3}, {LimitId: "physio", Units: 3}}},
			accWant: []adjtypes.LimitUse{{LimitId: "annual-rehab", Units: 3}, {LimitId: "physio", Units: 4}, {LimitId: "zz", Units: 1}}},
		{name: "second limit exceeded",
			extra: []adjtypes.BenefitLimit{{Id: "annual-rehab", Codes: []adjtypes.CodeRange{cr("97000", "97999")}, MaxServices: 2}},
			lines: []claimstypes.ClaimLine{physio(1, 3)}, denied: []bool{true},
			accWant: []adjtypes.LimitUse{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, tc.lines...)
			in.Accumulator.LimitUses = tc.prior
			in.Plan.Terms.BenefitLimits = append(in.Plan.Terms.BenefitLimits, tc.extra...)
			out := adjudicate(t, in)
			for i, ld := range out.Decision.Lines {
				if tc.denied[i] {
					wantDenied(t, ld, RuleBenefitLimit, adjtypes.GROUP_CODE_CO, "119", "")
					continue
				}
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
				want := tc.uses[i]
				if want == nil {
					want = []adjtypes.LimitUse{}
				}
				require.Equal(t, want, ld.LimitUses)
			}
			require.Equal(t, tc.accWant, out.Accumulator.LimitUses)
		})
	}
}

func TestBenefitLimitText(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "97110", 2, 12000))
	in.Accumulator.LimitUses = []adjtypes.LimitUse{{LimitId: "physio", Units: 19}}
	out := adjudicate(t, in)
	require.Equal(t,
		"Benefit limit physio allows 20 services per plan year; 19 are used and this line needs 2: benefit maximum for this period reached (CO-119).",
		stepFor(out.Decision.Lines[0], RuleBenefitLimit).Render())
}
