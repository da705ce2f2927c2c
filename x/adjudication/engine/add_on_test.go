package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

func addOnEdit(code string, typ uint32, primaries ...string) AddOnEdit {
	return AddOnEdit{Date: testDate, Version: 3, Row: refdatatypes.AddOnRow{AddOnCode: code, PrimaryCodes: primaries, Type: typ}}
}

func TestAddOn(t *testing.T) {
	cases := []struct {
		name   string
		use    claimstypes.ClaimUse
		edits  []AddOnEdit
		others []claimstypes.ClaimLine // lines 2.. ; line 1 is the add-on 11045
		denied []bool                  // per line, in claim order
	}{
		{name: "type 1 with primary", edits: []AddOnEdit{addOnEdit("11045", 1, "11042")},
			others: []claimstypes.ClaimLine{npiLine(2, "11042", 1, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "type 1 alone", edits: []AddOnEdit{addOnEdit("11045", 1, "11042")}, denied: []bool{true}},
		{name: "type 1 with another code", edits: []AddOnEdit{addOnEdit("11045", 1, "11042")},
			others: []claimstypes.ClaimLine{npiLine(2, "99213", 1, testRenderingNPI)}, denied: []bool{true, false}},
		{name: "type 1 primary on another date", edits: []AddOnEdit{addOnEdit("11045", 1, "11042")},
			others: []claimstypes.ClaimLine{func() claimstypes.ClaimLine {
				l := npiLine(2, "11042", 1, testRenderingNPI)
				l.ServiceDate = "2024-02-29"
				return l
			}()}, denied: []bool{true, false}},
		{name: "type 1 primary by another NPI", edits: []AddOnEdit{addOnEdit("11045", 1, "11042")},
			others: []claimstypes.ClaimLine{npiLine(2, "11042", 1, otherNPI)}, denied: []bool{true, false}},
		{name: "type 3 with a listed primary", edits: []AddOnEdit{addOnEdit("11045", 3, "11042", "11043")},
			others: []claimstypes.ClaimLine{npiLine(2, "11043", 1, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "type 3 without a listed primary", edits: []AddOnEdit{addOnEdit("11045", 3, "11042", "11043")},
			others: []claimstypes.ClaimLine{npiLine(2, "11044", 1, testRenderingNPI)}, denied: []bool{true, false}},
		{name: "type 2 with any other procedure", edits: []AddOnEdit{addOnEdit("11045", 2)},
			others: []claimstypes.ClaimLine{npiLine(2, "99213", 1, testRenderingNPI)}, denied: []bool{false, false}},
		{name: "type 2 alone", edits: []AddOnEdit{addOnEdit("11045", 2)}, denied: []bool{true}},
		{name: "type 2 with only another add-on", edits: []AddOnEdit{addOnEdit("11045", 2), addOnEdit("11046", 2)},
			others: []claimstypes.ClaimLine{npiLine(2, "11046", 1, testRenderingNPI)}, denied: []bool{true, true}},
		{name: "not an add-on code", others: nil, denied: []bool{false}},
		{name: "predetermination type 1 alone", use: claimstypes.CLAIM_USE_PREDETERMINATION,
			edits: []AddOnEdit{addOnEdit("11045", 1, "11042")}, denied: []bool{true}},
		{name: "preauthorization not checked", use: claimstypes.CLAIM_USE_PREAUTHORIZATION,
			edits: []AddOnEdit{addOnEdit("11045", 1, "11042")}, denied: []bool{false}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			use := tc.use
			if use == claimstypes.CLAIM_USE_UNSPECIFIED {
				use = claimstypes.CLAIM_USE_CLAIM
			}
			npi := testRenderingNPI
			if use != claimstypes.CLAIM_USE_CLAIM {
				npi = ""
			}
			lines := append([]claimstypes.ClaimLine{npiLine(1, "11045", 1, npi)}, tc.others...)
			in := testInput(use, lines...)
			in.Plan.Terms.Categories = append(in.Plan.Terms.Categories,
				adjtypes.ServiceCategory{Id: "debridement", Codes: []adjtypes.CodeRange{cr("11042", "11047")}, CostSharing: adjtypes.CostSharing{CoinsuranceBps: 2000}})
			in.Reference.AddOn = tc.edits
			out := adjudicate(t, in)
			require.Len(t, out.Decision.Lines, len(tc.denied))
			for i, ld := range out.Decision.Lines {
				if tc.denied[i] {
					wantDenied(t, ld, RuleAddOn, adjtypes.GROUP_CODE_CO, "107", "")
					require.Contains(t, stepFor(ld, RuleAddOn).Render(), "add-on code table version 3")
					continue
				}
				require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision, "line %d", ld.Sequence)
			}
		})
	}
}

func TestAddOnUnknownType(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, npiLine(1, "99213", 1, testRenderingNPI))
	in.Reference.AddOn = []AddOnEdit{addOnEdit("99213", 4)}
	_, err := Adjudicate(in)
	require.ErrorContains(t, err, "unknown type 4")
}
