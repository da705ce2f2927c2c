package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// historyLine is an earlier claim's payable line for the test member, by
// testRenderingNPI on testDate.
func historyLine(claimID, code string, units uint32, billed int64, mods ...string) adjtypes.HistoryLine {
	return adjtypes.HistoryLine{ClaimId: claimID, Sequence: 1, Code: code, Modifiers: mods, Units: units,
		Billed: amt(billed), RenderingNpi: testRenderingNPI, ServiceDate: testDate}
}

func TestDuplicate(t *testing.T) {
	earlier := historyLine("CLM-7-0", "99213", 1, 12000, "25", "GT")
	withBilled := func(l claimstypes.ClaimLine, cents int64) claimstypes.ClaimLine {
		l.Billed = usd(cents)
		return l
	}
	onDate := func(l claimstypes.ClaimLine, date string) claimstypes.ClaimLine {
		l.ServiceDate = date
		return l
	}
	cases := []struct {
		name   string
		use    claimstypes.ClaimUse
		line   claimstypes.ClaimLine
		denied bool
		pended bool
	}{
		{name: "exact", line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25", "GT"), 12000), denied: true},
		{name: "exact, modifiers in another order", line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "GT", "25"), 12000), denied: true},
		{name: "other units", line: withBilled(npiLine(1, "99213", 2, testRenderingNPI, "25", "GT"), 24000), pended: true},
		{name: "other amount", line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25", "GT"), 11000), pended: true},
		{name: "other modifiers", line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25"), 12000), pended: true},
		{name: "repeat modifier 76", line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25", "GT", "76"), 12000)},
		{name: "repeat modifier 91", line: withBilled(npiLine(1, "99213", 2, testRenderingNPI, "91"), 12000)},
		{name: "another date", line: onDate(withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25", "GT"), 12000), "2024-03-02")},
		{name: "another rendering NPI", line: withBilled(npiLine(1, "99213", 1, otherNPI, "25", "GT"), 12000)},
		{name: "another code", line: withBilled(npiLine(1, "99214", 1, testRenderingNPI, "25", "GT"), 12000)},
		{name: "predetermination not checked", use: claimstypes.CLAIM_USE_PREDETERMINATION,
			line: withBilled(npiLine(1, "99213", 1, testRenderingNPI, "25", "GT"), 12000)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			use := tc.use
			if use == claimstypes.CLAIM_USE_UNSPECIFIED {
				use = claimstypes.CLAIM_USE_CLAIM
			}
			in := testInput(use, tc.line)
			in.History = []adjtypes.HistoryLine{earlier}
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			if tc.denied {
				wantDenied(t, ld, RuleDuplicate, adjtypes.GROUP_CODE_OA, "18", "")
				require.Contains(t, stepFor(ld, RuleDuplicate).Render(), "Duplicate of CLM-7-0 line 1")
			} else {
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			}
			if tc.pended {
				require.Len(t, out.Decision.PendReasons, 1)
				require.Equal(t, RuleDuplicate, out.Decision.PendReasons[0].RuleId)
				require.Contains(t, out.Decision.PendReasons[0].Render(), "near duplicate of CLM-7-0 line 1")
			} else {
				require.Empty(t, out.Decision.PendReasons)
			}
		})
	}
}

// The history of the claim itself (a claim re-adjudicated after a review) is
// never a duplicate of itself.
func TestDuplicateIgnoresItself(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, withNPI(testLine(1, "99213", 1, 12500), testRenderingNPI))
	h := historyLine(testClaimID, "99213", 1, 12500)
	in.History = []adjtypes.HistoryLine{h}
	out := adjudicate(t, in)
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, out.Decision.Lines[0].Decision)
	require.Empty(t, out.Decision.PendReasons)
}

func withNPI(l claimstypes.ClaimLine, npi string) claimstypes.ClaimLine {
	l.RenderingNpi = npi
	return l
}
