package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestNonCovered(t *testing.T) {
	cases := []struct {
		name     string
		code     string
		mutate   func(p *adjtypes.PlanTerms)
		rule     string
		carc     string
		rarc     string
		category string
	}{
		{name: "covered office visit", code: "99213", category: "office-visits"},
		{name: "range end", code: "99215", category: "office-visits"},
		{name: "excluded code", code: "15780", rule: RuleNonCovered, carc: "96", rarc: "N130"},
		{name: "excluded range", code: "99214", mutate: func(p *adjtypes.PlanTerms) {
			p.NonCoveredCodes = append(p.NonCoveredCodes, cr("99214", "99215"))
		}, rule: RuleNonCovered, carc: "96", rarc: "N130"},
		{name: "in no category", code: "70450", rule: RuleNotInPlan, carc: "204"},
		{name: "shorter code is outside a range", code: "9921", rule: RuleNotInPlan, carc: "204"},
		{name: "first category in plan order", code: "99213", mutate: func(p *adjtypes.PlanTerms) {
			p.Categories = append([]adjtypes.ServiceCategory{{Id: "preventive", Codes: []adjtypes.CodeRange{cr("99213", "")}}}, p.Categories...)
		}, category: "preventive"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, tc.code, 1, 12500))
			if tc.mutate != nil {
				tc.mutate(&in.Plan.Terms)
			}
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			if tc.rule != "" {
				wantDenied(t, ld, tc.rule, adjtypes.GROUP_CODE_CO, tc.carc, tc.rarc)
				require.Empty(t, ld.CategoryId)
				return
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			require.Equal(t, tc.category, ld.CategoryId)
		})
	}
}

func TestServiceCategoryStep(t *testing.T) {
	out := adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM))
	require.Equal(t, "Covered: service category office-visits (copay $25.00).", stepFor(out.Decision.Lines[0], RuleNotInPlan).Render())
	out = adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "97110", 1, 6000)))
	require.Equal(t, "Covered: service category therapy (deductible, then 20% coinsurance).", stepFor(out.Decision.Lines[0], RuleNotInPlan).Render())
}
