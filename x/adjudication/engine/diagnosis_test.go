package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestDiagnosis(t *testing.T) {
	cases := []struct {
		name     string
		claimDx  []string
		excluded []string
		denied   bool
	}{
		{name: "covered", claimDx: []string{"J069"}, excluded: []string{"Z41"}},
		{name: "prefix", claimDx: []string{"Z411"}, excluded: []string{"Z41"}, denied: true},
		{name: "exact, dot ignored, second diagnosis", claimDx: []string{"J069", "Z41.1"}, excluded: []string{"Z411"}, denied: true},
		{name: "lower case", claimDx: []string{"z411"}, excluded: []string{"Z41"}, denied: true},
		{name: "shorter than the entry", claimDx: []string{"Z4"}, excluded: []string{"Z41"}},
		{name: "empty entry ignored", claimDx: []string{"J069"}, excluded: []string{""}},
		{name: "no diagnoses", claimDx: nil, excluded: []string{"Z41"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "99213", 1, 12500), testLine(2, "97110", 1, 6000))
			in.Claim.DiagnosisCodes = tc.claimDx
			in.Plan.Terms.NonCoveredDiagnoses = tc.excluded
			out := adjudicate(t, in)
			for _, ld := range out.Decision.Lines {
				if tc.denied {
					// Claim-level diagnoses deny every line.
					wantDenied(t, ld, RuleDiagnosis, adjtypes.GROUP_CODE_CO, "167", "")
				} else {
					require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
				}
			}
		})
	}
}
