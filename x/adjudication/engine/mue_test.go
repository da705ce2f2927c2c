package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

func mueEdit(code string, units, mai uint32) MUEEdit {
	return MUEEdit{Date: testDate, Version: 8, Row: refdatatypes.MueRow{Code: code, Units: units, AdjudicationIndicator: mai}}
}

func TestMUE(t *testing.T) {
	other := func(l claimstypes.ClaimLine, date, npi string) claimstypes.ClaimLine {
		l.ServiceDate, l.RenderingNpi = date, npi
		return l
	}
	cases := []struct {
		name  string
		use   claimstypes.ClaimUse
		edits []MUEEdit
		lines []claimstypes.ClaimLine
		// history: earlier claims' lines that are paid, payable or pending.
		history []adjtypes.HistoryLine
		denied  []bool
	}{
		{name: "MAI 1 over", edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 5, testRenderingNPI)}, denied: []bool{true}},
		{name: "MAI 1 at the value", edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 4, testRenderingNPI)}, denied: []bool{false}},
		{name: "MAI 1 is per line", edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), npiLine(2, "97110", 3, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "MAI 2 sum over", edits: []MUEEdit{mueEdit("97110", 4, 2)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), npiLine(2, "97110", 2, testRenderingNPI)}, denied: []bool{true, true}},
		{name: "MAI 3 sum over", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), npiLine(2, "97110", 2, testRenderingNPI)}, denied: []bool{true, true}},
		{name: "MAI 3 sum at the value", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 2, testRenderingNPI), npiLine(2, "97110", 2, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "MAI 3 other line on another date", edits: []MUEEdit{mueEdit("97110", 4, 3), func() MUEEdit {
			e := mueEdit("97110", 4, 3)
			e.Date = "2024-03-02"
			return e
		}()},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), other(npiLine(2, "97110", 2, ""), "2024-03-02", testRenderingNPI)}, denied: []bool{false, false}},
		{name: "MAI 3 other line by another NPI", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), npiLine(2, "97110", 2, otherNPI)}, denied: []bool{false, false}},
		{name: "MAI 3 other code not summed", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI), npiLine(2, "97112", 2, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "MAI 2 counts an earlier claim", edits: []MUEEdit{mueEdit("97110", 4, 2)},
			lines:   []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI)},
			history: []adjtypes.HistoryLine{historyLine("CLM-7-0", "97110", 2, 9000)}, denied: []bool{true}},
		{name: "MAI 3 earlier claim within the value", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines:   []claimstypes.ClaimLine{npiLine(1, "97110", 2, testRenderingNPI)},
			history: []adjtypes.HistoryLine{historyLine("CLM-7-0", "97110", 2, 9000)}, denied: []bool{false}},
		{name: "MAI 3 earlier claim by another NPI", edits: []MUEEdit{mueEdit("97110", 4, 3)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI)},
			history: []adjtypes.HistoryLine{func() adjtypes.HistoryLine {
				h := historyLine("CLM-7-0", "97110", 2, 9000)
				h.RenderingNpi = otherNPI
				return h
			}()}, denied: []bool{false}},
		{name: "MAI 1 ignores earlier claims", edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines:   []claimstypes.ClaimLine{npiLine(1, "97110", 3, testRenderingNPI)},
			history: []adjtypes.HistoryLine{historyLine("CLM-7-0", "97110", 3, 9000)}, denied: []bool{false}},
		{name: "no row", lines: []claimstypes.ClaimLine{npiLine(1, "97110", 19, testRenderingNPI)}, denied: []bool{false}},
		{name: "predetermination MAI 1 over", use: claimstypes.CLAIM_USE_PREDETERMINATION, edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 5, "")}, denied: []bool{true}},
		{name: "preauthorization not checked", use: claimstypes.CLAIM_USE_PREAUTHORIZATION, edits: []MUEEdit{mueEdit("97110", 4, 1)},
			lines: []claimstypes.ClaimLine{npiLine(1, "97110", 5, "")}, denied: []bool{false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			use := tc.use
			if use == claimstypes.CLAIM_USE_UNSPECIFIED {
				use = claimstypes.CLAIM_USE_CLAIM
			}
			in := testInput(use, tc.lines...)
			in.Reference.MUE = tc.edits
			in.History = tc.history
			out := adjudicate(t, in)
			for i, ld := range out.Decision.Lines {
				if tc.denied[i] {
					wantDenied(t, ld, RuleMUE, adjtypes.GROUP_CODE_CO, "151", "N362")
					require.Contains(t, stepFor(ld, RuleMUE).Render(), "MUE table version 8")
					if len(tc.history) > 0 {
						require.Contains(t, stepFor(ld, RuleMUE).Render(), "earlier claims CLM-7-0")
					}
					continue
				}
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision, "line %d", ld.Sequence)
			}
		})
	}
}

func TestMUEUnknownIndicator(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, npiLine(1, "97110", 1, testRenderingNPI))
	in.Reference.MUE = []MUEEdit{mueEdit("97110", 4, 0)}
	_, err := Adjudicate(in)
	require.ErrorContains(t, err, "unknown adjudication indicator 0")
}
