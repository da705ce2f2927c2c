package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestDenom(t *testing.T) {
	cases := []struct {
		name      string
		planDenom string
		denied    bool
	}{
		{name: "plan currency", planDenom: "usd"},
		{name: "other currency", planDenom: "eur", denied: true},
		{name: "case differs", planDenom: "USD", denied: true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM)
			in.Plan.Terms.Denom = tc.planDenom
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			if !tc.denied {
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
				return
			}
			wantDenied(t, ld, RuleDenom, adjtypes.GROUP_CODE_CO, "16", "MA130")
			requireAmount(t, 12500, ld.Adjustments[0].Amount, "CO-16")
		})
	}
}
