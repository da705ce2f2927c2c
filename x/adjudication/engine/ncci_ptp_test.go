package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

func ptpEdit(col1, col2 string, indicator uint32) PTPEdit {
	return PTPEdit{Date: testDate, Version: 12, Row: refdatatypes.PtpRow{
		Column1: col1, Column2: col2, EffectiveDate: "2020-01-01", ModifierIndicator: indicator,
	}}
}

func TestNCCIPTP(t *testing.T) {
	cases := []struct {
		name    string
		use     claimstypes.ClaimUse
		edit    PTPEdit
		col1    claimstypes.ClaimLine
		col2    claimstypes.ClaimLine
		carc    string // denial of the column 2 line; "" = approved
		stepHas string
	}{
		{name: "indicator 0", edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI), carc: "97"},
		{name: "indicator 0 ignores modifiers", edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "59"), carc: "97"},
		{name: "indicator 1 without modifier", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI), carc: "236"},
		{name: "indicator 1 bypassed by 59 on column 2", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "59"), stepHas: "bypassed by modifier 59"},
		{name: "indicator 1 bypassed by 25 on column 1", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI, "25"), col2: npiLine(2, "99214", 1, testRenderingNPI), stepHas: "bypassed by modifier 25"},
		{name: "indicator 1 bypassed by anatomic f3", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "f3"), stepHas: "bypassed by modifier F3"},
		{name: "indicator 1 bypassed by XU", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "26", "XU"), stepHas: "bypassed by modifier XU"},
		{name: "indicator 1, 26 is not NCCI-associated", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "26"), carc: "236"},
		{name: "indicator 1, F0 is not NCCI-associated", edit: ptpEdit("99213", "99214", 1),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI, "F0"), carc: "236"},
		{name: "indicator 9 not applicable", edit: ptpEdit("99213", "99214", 9),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI), stepHas: "not applicable"},
		{name: "column 2 billed first", edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(2, "99213", 1, testRenderingNPI), col2: npiLine(1, "99214", 1, testRenderingNPI), carc: "97"},
		{name: "another date", edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: func() claimstypes.ClaimLine {
				l := npiLine(2, "99214", 1, testRenderingNPI)
				l.ServiceDate = "2024-03-02"
				return l
			}()},
		{name: "another rendering NPI", edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, otherNPI)},
		{name: "edit deleted before the date", edit: func() PTPEdit {
			e := ptpEdit("99213", "99214", 0)
			e.Row.DeletionDate = testDate
			return e
		}(), col1: npiLine(1, "99213", 1, testRenderingNPI), col2: npiLine(2, "99214", 1, testRenderingNPI)},
		{name: "predetermination indicator 0", use: claimstypes.CLAIM_USE_PREDETERMINATION, edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, ""), col2: npiLine(2, "99214", 1, ""), carc: "97"},
		{name: "preauthorization not checked", use: claimstypes.CLAIM_USE_PREAUTHORIZATION, edit: ptpEdit("99213", "99214", 0),
			col1: npiLine(1, "99213", 1, ""), col2: npiLine(2, "99214", 1, ""),
			stepHas: "NCCI PTP edits are not checked on a preauthorization request"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			use := tc.use
			if use == claimstypes.CLAIM_USE_UNSPECIFIED {
				use = claimstypes.CLAIM_USE_CLAIM
			}
			lines := []claimstypes.ClaimLine{tc.col1, tc.col2}
			if tc.col2.Sequence < tc.col1.Sequence {
				lines = []claimstypes.ClaimLine{tc.col2, tc.col1}
			}
			in := testInput(use, lines...)
			in.Reference.PTP = []PTPEdit{tc.edit}
			out := adjudicate(t, in)
			var c1, c2 adjtypes.LineDecision
			for _, ld := range out.Decision.Lines {
				if ld.Sequence == tc.col1.Sequence {
					c1 = ld
				} else {
					c2 = ld
				}
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, c1.Decision, "column 1 is paid")
			if tc.carc != "" {
				wantDenied(t, c2, RulePTP, adjtypes.GROUP_CODE_CO, tc.carc, "")
				require.Contains(t, stepFor(c2, RulePTP).Render(), "PTP table version 12")
				return
			}
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, c2.Decision)
			if tc.stepHas != "" {
				require.Contains(t, stepFor(c2, RulePTP).Render(), tc.stepHas)
			}
		})
	}
}

// A column 2 line paired with two others that do not deny it: one step
// names both edits.
func TestNCCIPTPSeveralEdits(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, npiLine(1, "99213", 1, testRenderingNPI, "25"),
		npiLine(2, "99214", 1, testRenderingNPI), npiLine(3, "99215", 1, testRenderingNPI))
	in.Reference.PTP = []PTPEdit{ptpEdit("99213", "99214", 1), ptpEdit("99215", "99214", 9)}
	ld := adjudicate(t, in).Decision.Lines[1]
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
	require.Equal(t, "NCCI PTP edit 99213 (column 1, line 1) / 99214 (column 2) on 2024-03-01, modifier indicator 1 (PTP table version 12): bypassed by modifier 25; "+
		"NCCI PTP edit 99215 (column 1, line 3) / 99214 (column 2) on 2024-03-01, modifier indicator 9 (PTP table version 12): not applicable.",
		stepFor(ld, RulePTP).Render())
}

func TestNCCIPTPUnknownIndicator(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, npiLine(1, "99213", 1, testRenderingNPI), npiLine(2, "99214", 1, testRenderingNPI))
	in.Reference.PTP = []PTPEdit{ptpEdit("99213", "99214", 5)}
	_, err := Adjudicate(in)
	require.ErrorContains(t, err, "unknown modifier indicator 5")
}

func TestNCCIModifiers(t *testing.T) {
	for _, m := range []string{"E1", "E4", "FA", "F1", "F9", "LC", "LD", "LM", "RC", "RI", "LT", "RT", "TA", "T1", "T9",
		"24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XP", "XS", "XU", " rt "} {
		require.True(t, ncciModifier(m), m)
	}
	for _, m := range []string{"", "E5", "E0", "F0", "T0", "FB", "26", "TC", "76", "77", "XX", "F10", "GT"} {
		require.False(t, ncciModifier(m), m)
	}
}
