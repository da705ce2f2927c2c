package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func testAuth(id string, approved, used uint32) adjtypes.Authorization {
	return adjtypes.Authorization{
		Id: id, Member: testMember, ProviderId: testProvider, Code: "27447",
		UnitsApproved: approved, UnitsUsed: used, ValidFrom: "2024-02-01", ValidTo: "2024-05-01",
	}
}

func surgeryLine(seq uint32, units uint32, ref string) claimstypes.ClaimLine {
	l := testLine(seq, "27447", units, 2000000)
	l.PreauthRef = ref
	return l
}

func TestPriorAuth(t *testing.T) {
	cases := []struct {
		name     string
		lines    []claimstypes.ClaimLine
		auths    []adjtypes.Authorization
		mutate   func(a *adjtypes.Authorization)
		carcs    []string // per line: "" approved, "197" or "198"
		authIDs  []string // per line
		usedWant map[string]uint32
	}{
		{name: "code needs none", lines: []claimstypes.ClaimLine{testLine(1, "99213", 1, 12500)}, carcs: []string{""}, authIDs: []string{""}},
		{name: "no reference", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "")}, carcs: []string{"197"}},
		{name: "reference without authorization", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, carcs: []string{"197"}},
		{name: "other code", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			mutate: func(a *adjtypes.Authorization) { a.Code = "27446" }, carcs: []string{"197"}},
		{name: "other member", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			mutate: func(a *adjtypes.Authorization) { a.Member = otherMember }, carcs: []string{"197"}},
		{name: "other provider", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			mutate: func(a *adjtypes.Authorization) { a.ProviderId = 8 }, carcs: []string{"197"}},
		{name: "expired", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			mutate: func(a *adjtypes.Authorization) { a.ValidTo = "2024-02-29" }, carcs: []string{"197"}},
		{name: "not yet valid", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			mutate: func(a *adjtypes.Authorization) { a.ValidFrom = "2024-03-02" }, carcs: []string{"197"}},
		{name: "other preauthorization", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-11#1", 3, 0)}, carcs: []string{"197"}},
		{name: "exceeded", lines: []claimstypes.ClaimLine{surgeryLine(1, 2, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 2)}, carcs: []string{"198"}},
		{name: "over-used authorization", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 1, 3)}, carcs: []string{"198"}},
		{name: "authorized", lines: []claimstypes.ClaimLine{surgeryLine(1, 2, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			carcs: []string{""}, authIDs: []string{"PA-1#1"}, usedWant: map[string]uint32{"PA-1#1": 2}},
		{name: "validity bounds inclusive", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1")}, auths: []adjtypes.Authorization{testAuth("PA-1#1", 1, 0)},
			mutate: func(a *adjtypes.Authorization) { a.ValidFrom, a.ValidTo = testDate, testDate },
			carcs:  []string{""}, authIDs: []string{"PA-1#1"}, usedWant: map[string]uint32{"PA-1#1": 1}},
		{name: "second line sees the first's consumption", lines: []claimstypes.ClaimLine{surgeryLine(1, 2, "PA-1"), surgeryLine(2, 2, "PA-1")},
			auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			carcs: []string{"", "198"}, authIDs: []string{"PA-1#1", ""}, usedWant: map[string]uint32{"PA-1#1": 2}},
		{name: "two authorizations, first with units wins", lines: []claimstypes.ClaimLine{surgeryLine(1, 2, "PA-1"), surgeryLine(2, 2, "PA-1")},
			auths: []adjtypes.Authorization{testAuth("PA-1#2", 2, 0), testAuth("PA-1#1", 3, 2)},
			carcs: []string{"", "198"}, authIDs: []string{"PA-1#2", ""}, usedWant: map[string]uint32{"PA-1#2": 2}},
		{name: "two lines share one authorization", lines: []claimstypes.ClaimLine{surgeryLine(1, 1, "PA-1"), surgeryLine(2, 2, "PA-1")},
			auths: []adjtypes.Authorization{testAuth("PA-1#1", 3, 0)},
			carcs: []string{"", ""}, authIDs: []string{"PA-1#1", "PA-1#1"}, usedWant: map[string]uint32{"PA-1#1": 3}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, tc.lines...)
			in.Authorizations = tc.auths
			if tc.mutate != nil {
				tc.mutate(&in.Authorizations[0])
			}
			before := append([]adjtypes.Authorization(nil), in.Authorizations...)
			out := adjudicate(t, in)
			require.Equal(t, before, in.Authorizations, "the input is not changed")
			for i, ld := range out.Decision.Lines {
				switch tc.carcs[i] {
				case "":
					require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
					require.Equal(t, tc.authIDs[i], ld.AuthorizationId)
				case "197":
					wantDenied(t, ld, RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "")
				case "198":
					wantDenied(t, ld, RuleAuthExceeded, adjtypes.GROUP_CODE_CO, "198", "")
				}
			}
			require.Len(t, out.UsedAuthorizations, len(tc.usedWant))
			for _, a := range out.UsedAuthorizations {
				require.Equal(t, tc.usedWant[a.Id], a.UnitsUsed, a.Id)
			}
		})
	}
}

// A later line denied by a benefit limit must not consume the authorization.
func TestPriorAuthNotConsumedByDeniedLine(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, surgeryLine(1, 1, "PA-1"))
	in.Plan.Terms.BenefitLimits = append(in.Plan.Terms.BenefitLimits, adjtypes.BenefitLimit{Id: "knees", Codes: []adjtypes.CodeRange{cr("27447", "")}, MaxServices: 0})
	in.Authorizations = []adjtypes.Authorization{testAuth("PA-1#1", 1, 0)}
	out := adjudicate(t, in)
	wantDenied(t, out.Decision.Lines[0], RuleBenefitLimit, adjtypes.GROUP_CODE_CO, "119", "")
	require.Empty(t, out.UsedAuthorizations)
}

func TestPriorAuthStepNamesTheMismatch(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, surgeryLine(1, 1, "PA-1"))
	a := testAuth("PA-1#1", 1, 0)
	a.ProviderId = 8
	in.Authorizations = []adjtypes.Authorization{a}
	out := adjudicate(t, in)
	require.Equal(t,
		"Code 27447 needs prior authorization and preauthorization PA-1 has none for this member, provider, code and date of service (PA-1#1 is for provider 8): precertification/authorization absent (CO-197).",
		stepFor(out.Decision.Lines[0], RuleAuthAbsent).Render())
}
