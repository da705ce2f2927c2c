package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

func TestDemographics(t *testing.T) {
	line := testLine(1, "99213", 1, 12500)
	date := line.ServiceDate
	ageSex := func(minAge, maxAge uint32, sex string) []AgeSexEdit {
		return []AgeSexEdit{{Date: date, Version: 3, Row: refdatatypes.AgeSexRow{Code: "99213", MinAge: minAge, MaxAge: maxAge, Sex: sex}}}
	}
	cases := []struct {
		name     string
		cov      func(c *adjtypes.Coverage)
		rows     []AgeSexEdit
		rule     string
		carc     string
		stepText string
	}{
		{name: "no limits", cov: func(*adjtypes.Coverage) {}},
		{name: "born after the date of service", cov: func(c *adjtypes.Coverage) { c.BirthYear = 2099 }, rule: RuleBirthYear, carc: "14"},
		{name: "too old for a pediatric code", rows: ageSex(0, 17, ""), rule: RuleAge, carc: "6"},
		{name: "too young for the band", cov: func(c *adjtypes.Coverage) { c.BirthYear = 2020 }, rows: ageSex(18, 0, ""), rule: RuleAge, carc: "6"},
		{name: "90+ fits an open band", cov: func(c *adjtypes.Coverage) { c.BirthYear, c.Aged_90Plus = 0, true }, rows: ageSex(65, 0, ""), stepText: "age 90"},
		{name: "wrong sex", cov: func(c *adjtypes.Coverage) { c.Sex = adjtypes.SEX_MALE }, rows: ageSex(0, 0, "F"), rule: RuleSex, carc: "7"},
		{name: "unknown sex is never denied", cov: func(c *adjtypes.Coverage) { c.Sex = adjtypes.SEX_UNKNOWN }, rows: ageSex(0, 0, "F"), stepText: "fit the limits"},
		{name: "right sex", cov: func(c *adjtypes.Coverage) { c.Sex = adjtypes.SEX_FEMALE }, rows: ageSex(0, 0, "F"), stepText: "version 3"},
		{name: "deceased before the date of service", cov: func(c *adjtypes.Coverage) {
			c.EndDate, c.TerminationReason = "2020-01-01", adjtypes.TERMINATION_REASON_DECEASED
		}, rule: RuleDeceased, carc: "13"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, line)
			cov := *in.Coverage
			cov.Sex, cov.BirthYear = adjtypes.SEX_FEMALE, 1980
			if tc.cov != nil {
				tc.cov(&cov)
			}
			in.Coverage = &cov
			in.Reference.AgeSex = tc.rows
			ld := adjudicate(t, in).Decision.Lines[0]
			if tc.rule != "" {
				wantDenied(t, ld, tc.rule, adjtypes.GROUP_CODE_CO, tc.carc, "")
				return
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			if tc.stepText != "" {
				require.Contains(t, stepFor(ld, RuleAge).Render(), tc.stepText)
			}
		})
	}
}
