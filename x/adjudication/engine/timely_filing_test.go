package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestTimelyFiling(t *testing.T) {
	cases := []struct {
		name     string
		use      claimstypes.ClaimUse
		limit    uint32
		service  string
		received string
		denied   bool
	}{
		{name: "last day", use: claimstypes.CLAIM_USE_CLAIM, limit: 90, service: "2024-01-01", received: "2024-03-31"},
		{name: "one day late", use: claimstypes.CLAIM_USE_CLAIM, limit: 90, service: "2024-01-01", received: "2024-04-01", denied: true},
		{name: "across a leap day", use: claimstypes.CLAIM_USE_CLAIM, limit: 59, service: "2024-01-01", received: "2024-02-29"},
		{name: "across a year", use: claimstypes.CLAIM_USE_CLAIM, limit: 365, service: "2024-01-01", received: "2025-01-01", denied: true},
		{name: "no limit", use: claimstypes.CLAIM_USE_CLAIM, limit: 0, service: "2024-01-01", received: "2028-04-01"},
		{name: "received before service", use: claimstypes.CLAIM_USE_CLAIM, limit: 1, service: "2024-01-05", received: "2024-01-04"},
		{name: "predetermination not checked", use: claimstypes.CLAIM_USE_PREDETERMINATION, limit: 90, service: "2024-01-01", received: "2024-12-31"},
		{name: "preauthorization not checked", use: claimstypes.CLAIM_USE_PREAUTHORIZATION, limit: 90, service: "2024-01-01", received: "2024-12-31"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(tc.use)
			in.Plan.Terms.TimelyFilingDays = tc.limit
			in.Claim.Lines[0].ServiceDate = tc.service
			in.ReceivedDate = tc.received
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			if tc.denied {
				wantDenied(t, ld, RuleTimelyFiling, adjtypes.GROUP_CODE_CO, "29", "")
				return
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			require.NotEmpty(t, stepFor(ld, RuleTimelyFiling).Render())
		})
	}
}

func TestTimelyFilingText(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM)
	in.ReceivedDate = "2024-06-03"
	out := adjudicate(t, in)
	require.Equal(t,
		"Received 2024-06-03, 94 days after the date of service 2024-03-01; the plan allows 90 days: time limit for filing has expired (CO-29).",
		stepFor(out.Decision.Lines[0], RuleTimelyFiling).Render())
}
