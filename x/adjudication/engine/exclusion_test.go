package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

const (
	testRenderingNPI = "1234567893"
	otherNPI         = "1245319599"
	testBillingNPI   = "1003000126"
)

// npiLine is an office-visit line rendered by npi.
func npiLine(seq uint32, code string, units uint32, npi string, mods ...string) claimstypes.ClaimLine {
	l := testLine(seq, code, units, 12500)
	l.RenderingNpi = npi
	l.Modifiers = mods
	return l
}

func exclusionCheck(npi, date string, excluded bool) ExclusionCheck {
	return ExclusionCheck{NPI: npi, Date: date, Version: 4, Excluded: excluded,
		Row: refdatatypes.ExclusionRow{Npi: npi, ExclusionDate: "2023-06-01"}}
}

func TestExclusion(t *testing.T) {
	cases := []struct {
		name   string
		use    claimstypes.ClaimUse
		checks []ExclusionCheck
		rule   string
		carc   string
		step   string
	}{
		{name: "no checks", step: "Rendering NPI 1234567893: no OIG exclusion on record for 2024-03-01."},
		{name: "rendering excluded", checks: []ExclusionCheck{exclusionCheck(testRenderingNPI, testDate, true)}, rule: RuleExclRendering, carc: "185"},
		{name: "rendering not excluded", checks: []ExclusionCheck{exclusionCheck(testRenderingNPI, testDate, false)},
			step: "Rendering NPI 1234567893 is not excluded by OIG on 2024-03-01 (OIG exclusion table version 4)."},
		{name: "rendering excluded on another date", checks: []ExclusionCheck{exclusionCheck(testRenderingNPI, "2024-03-02", true)}},
		{name: "other NPI excluded", checks: []ExclusionCheck{exclusionCheck(otherNPI, testDate, true)}},
		{name: "billing excluded", checks: []ExclusionCheck{exclusionCheck(testBillingNPI, testDate, true)}, rule: RuleExclBilling, carc: "B7"},
		{name: "both excluded: rendering first", checks: []ExclusionCheck{
			exclusionCheck(testBillingNPI, testDate, true), exclusionCheck(testRenderingNPI, testDate, true),
		}, rule: RuleExclRendering, carc: "185"},
		{name: "excluded check after a clear one", checks: []ExclusionCheck{
			exclusionCheck(testRenderingNPI, testDate, false), exclusionCheck(testRenderingNPI, testDate, true),
		}, rule: RuleExclRendering, carc: "185"},
		{name: "preauthorization: rendering excluded", use: claimstypes.CLAIM_USE_PREAUTHORIZATION,
			checks: []ExclusionCheck{exclusionCheck(testRenderingNPI, testDate, true)}, rule: RuleExclRendering, carc: "185"},
		{name: "predetermination: billing excluded", use: claimstypes.CLAIM_USE_PREDETERMINATION,
			checks: []ExclusionCheck{exclusionCheck(testBillingNPI, testDate, true)}, rule: RuleExclBilling, carc: "B7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			use := tc.use
			if use == claimstypes.CLAIM_USE_UNSPECIFIED {
				use = claimstypes.CLAIM_USE_CLAIM
			}
			in := testInput(use, npiLine(1, "99213", 1, testRenderingNPI))
			in.BillingNPI = testBillingNPI
			in.Reference.Exclusions = tc.checks
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			if tc.rule != "" {
				wantDenied(t, ld, tc.rule, adjtypes.GROUP_CODE_CO, tc.carc, "")
				require.Contains(t, stepFor(ld, tc.rule).Render(), "OIG exclusion table version 4")
				require.Empty(t, out.NewAuthorizations)
				return
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			if tc.step != "" {
				require.Equal(t, tc.step, stepFor(ld, RuleExclRendering).Render())
			}
		})
	}
}

func TestExclusionNoNPIs(t *testing.T) {
	// Without NPIs (a request before care) nothing is checked, even with data.
	in := testInput(claimstypes.CLAIM_USE_PREDETERMINATION)
	in.Reference.Exclusions = []ExclusionCheck{exclusionCheck("", testDate, true)}
	out := adjudicate(t, in)
	ld := out.Decision.Lines[0]
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
	require.Empty(t, stepFor(ld, RuleExclRendering).RuleId)
	require.Empty(t, stepFor(ld, RuleExclBilling).RuleId)
}

func TestExclusionBillingText(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, npiLine(1, "99213", 1, testRenderingNPI))
	in.BillingNPI = testBillingNPI
	ld := adjudicate(t, in).Decision.Lines[0]
	require.Equal(t, "Billing NPI 1003000126: no OIG exclusion on record for 2024-03-01.", stepFor(ld, RuleExclBilling).Render())

	in.Reference.Exclusions = []ExclusionCheck{exclusionCheck(testBillingNPI, testDate, false)}
	ld = adjudicate(t, in).Decision.Lines[0]
	require.Equal(t, "Billing NPI 1003000126 is not excluded by OIG on 2024-03-01 (OIG exclusion table version 4).",
		stepFor(ld, RuleExclBilling).Render())
}
