package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestEligibility(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(in *Input)
		rule   string // "" = passes
		group  adjtypes.GroupCode
		carc   string
		pr     int64 // patient responsibility of the claim
	}{
		{name: "no coverage", mutate: func(in *Input) { in.Coverage, in.Plan = nil, nil },
			rule: RuleNotInsured, group: adjtypes.GROUP_CODE_CO, carc: "31"},
		{name: "coverage without plan in force", mutate: func(in *Input) { in.Plan = nil },
			rule: RuleNotInsured, group: adjtypes.GROUP_CODE_CO, carc: "31"},
		{name: "plan without coverage", mutate: func(in *Input) { in.Coverage = nil },
			rule: RuleNotInsured, group: adjtypes.GROUP_CODE_CO, carc: "31"},
		{name: "before coverage", mutate: func(in *Input) { in.Coverage.StartDate = "2024-04-01" },
			rule: RuleBeforeCoverage, group: adjtypes.GROUP_CODE_PR, carc: "26", pr: 12500},
		{name: "after coverage", mutate: func(in *Input) { in.Coverage.EndDate = "2024-02-29" },
			rule: RuleAfterCoverage, group: adjtypes.GROUP_CODE_PR, carc: "27", pr: 12500},
		{name: "last covered day", mutate: func(in *Input) { in.Coverage.EndDate = testDate }, pr: 2500},
		{name: "first covered day", mutate: func(in *Input) { in.Coverage.StartDate = testDate }, pr: 2500},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM)
			tc.mutate(&in)
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			requireAmount(t, tc.pr, out.Decision.PatientResponsibility, "patient responsibility")
			if tc.rule == "" {
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, out.Decision.Decision)
				return
			}
			wantDenied(t, ld, tc.rule, tc.group, tc.carc, "")
			require.Equal(t, adjtypes.DECISION_KIND_DENIED, out.Decision.Decision)
			// Denials are not covered care: nothing accumulates.
			require.True(t, out.Accumulator.DeductibleMet.IsZero())
			require.True(t, out.Accumulator.OutOfPocketSpent.IsZero())
		})
	}
}

func TestNotInsuredRecordsNoPlan(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM)
	in.Coverage, in.Plan = nil, nil
	out := adjudicate(t, in)
	require.Empty(t, out.Decision.PlanId)
	require.Zero(t, out.Decision.PlanVersion)
	require.Equal(t, "usd", out.Decision.Denom)
	require.Equal(t, int32(2024), out.Decision.PlanYear)
	require.Contains(t, stepFor(out.Decision.Lines[0], RuleNotInsured).Render(), "CO-31")
	require.Equal(t, uint64(1), out.RulesEvaluated, "only the eligibility rule ran")
}
