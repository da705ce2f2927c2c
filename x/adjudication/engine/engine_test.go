package engine

import (
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestOfficeVisitExplained(t *testing.T) {
	out := adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM))
	d := out.Decision
	require.Equal(t, testClaimID, d.ClaimId)
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, d.Decision)
	require.Equal(t, "GOLD", d.PlanId)
	require.Equal(t, uint32(2), d.PlanVersion)
	require.Equal(t, "usd", d.Denom)
	require.Equal(t, int32(2024), d.PlanYear)
	require.True(t, d.Accumulated)
	requireAmount(t, 12500, d.TotalSubmitted, "submitted")
	requireAmount(t, 6000, d.TotalBenefit, "benefit")
	requireAmount(t, 2500, d.PatientResponsibility, "patient responsibility")

	ld := d.Lines[0]
	require.Equal(t, uint32(1), ld.Sequence)
	require.Equal(t, "office-visits", ld.CategoryId)
	require.Equal(t, []adjtypes.Adjustment{
		{Group: adjtypes.GROUP_CODE_CO, Carc: "45", Amount: math.NewInt(4000), RuleId: RuleFeeSchedule},
		{Group: adjtypes.GROUP_CODE_PR, Carc: "3", Amount: math.NewInt(2500), RuleId: RuleCopay},
	}, ld.Adjustments)
	require.Equal(t, []adjtypes.Step{
		{RuleId: RuleNotInsured, Text: "Insured: plan GOLD version 2 applies (plan year 2024)."},
		{RuleId: RuleBeforeCoverage, Text: "Date of service 2024-03-01 is on or after the coverage start 2024-01-01."},
		{RuleId: RuleAfterCoverage, Text: "Coverage has no end date."},
		{RuleId: RuleDenom, Text: "Billed in usd, the plan's currency."},
		{RuleId: RuleDuplicate, Text: "No earlier claim bills 99213 for this member on 2024-03-01."},
		{RuleId: RuleTimelyFiling, Text: "Filed 9 days after the date of service, within the plan's 90-day limit."},
		{RuleId: RuleDiagnosis, Text: "No diagnosis on the claim is excluded by the plan."},
		{RuleId: RuleNonCovered, Text: "Code 99213 is not among the plan's excluded codes."},
		{RuleId: RuleNotInPlan, Text: "Covered: service category office-visits (copay $25.00)."},
		{RuleId: RuleAge, Text: "No age or sex limit applies to 99213."},
		{RuleId: RulePTP, Text: "No NCCI PTP edit makes code 99213 a column 2 code of another line on 2024-03-01."},
		{RuleId: RuleMUE, Text: "No MUE for code 99213 on 2024-03-01."},
		{RuleId: RuleAddOn, Text: "Code 99213 is not an add-on code on 2024-03-01."},
		{RuleId: RuleAuthAbsent, Text: "Code 99213 needs no prior authorization."},
		{RuleId: RuleBenefitLimit, Text: "No benefit limit applies to code 99213."},
		{RuleId: RuleFeeSchedule, Text: "Fee schedule allows $85.00 per unit × 1 = $85.00; $40.00 above the schedule is a contractual write-off (CO-45)."},
		{RuleId: RuleCopay, Text: "Copay $25.00 for office-visits (PR-3); the deductible does not apply."},
		{RuleId: RuleOutOfPocket, Text: "Plan pays $60.00; member pays $25.00 (out-of-pocket $25.00 of $5000.00 in 2024)."},
	}, rendered(ld.Steps))
	require.Equal(t, uint64(len(rules)), out.RulesEvaluated)
}

func TestDeniedLineSkipsLaterRules(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "15780", 1, 50000))
	out := adjudicate(t, in)
	ld := out.Decision.Lines[0]
	wantDenied(t, ld, RuleNonCovered, adjtypes.GROUP_CODE_CO, "96", "N130")
	require.Equal(t,
		"Not evaluated because the line is denied by R-NC-96: service category (R-NC-204), age and sex (R-DEMO-14/R-DEMO-6/R-DEMO-7), NCCI PTP edits (R-NCCI-PTP), medically unlikely edits (R-MUE-151), add-on codes (R-AOC-107), prior authorization (R-PA-197/198), benefit limits (R-LIM-119), fee schedule (R-FEE-45), cost sharing (R-DED-1/R-COINS-2/R-COPAY-3/R-OOP).",
		ld.Steps[len(ld.Steps)-1].Render())
	require.Equal(t, uint64(9), out.RulesEvaluated, "rules up to and including R-NC-96")
}

// An override (an overturned appeal) sets the denial aside: the line goes on
// through the rules and the step keeps the denial's words.
func TestOverrideSetsDenialAside(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, surgeryLine(1, 1, ""))
	in.Overrides = []Override{{Sequence: 1, RuleID: RuleAuthAbsent, Reason: "denial overturned on appeal 1"}}
	ld := adjudicate(t, in).Decision.Lines[0]
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
	require.Equal(t, "Set aside (denial overturned on appeal 1): Code 27447 needs prior authorization and the line references none: precertification/authorization absent (CO-197).",
		stepFor(ld, RuleAuthAbsent).Render())
}

func TestClaimDecision(t *testing.T) {
	ok := testLine(1, "99213", 1, 12500)
	bad := testLine(2, "15780", 1, 50000)
	bad2 := testLine(3, "70450", 1, 50000)
	out := adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, ok, bad))
	require.Equal(t, adjtypes.DECISION_KIND_PARTIALLY_APPROVED, out.Decision.Decision)
	requireAmount(t, 62500, out.Decision.TotalSubmitted, "submitted")
	requireAmount(t, 6000, out.Decision.TotalBenefit, "benefit")
	requireAmount(t, 2500, out.Decision.PatientResponsibility, "CO denials are not patient responsibility")
	bad.Sequence = 1
	out = adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, bad, bad2))
	require.Equal(t, adjtypes.DECISION_KIND_DENIED, out.Decision.Decision)
	require.True(t, out.Decision.TotalBenefit.IsZero())
	require.Equal(t, uint64(9+10), out.RulesEvaluated)
}

func TestPredeterminationLeavesState(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_PREDETERMINATION,
		testLine(1, "80053", 1, 30000), testLine(2, "97110", 2, 12000), surgeryLine(3, 1, "PA-1"))
	in.Accumulator.DeductibleMet = amt(40000)
	in.Accumulator.LimitUses = []adjtypes.LimitUse{{LimitId: "physio", Units: 3}}
	in.Authorizations = []adjtypes.Authorization{testAuth("PA-1#1", 1, 0)}
	in.ReceivedDate = "2023-12-01" // a predetermination precedes care
	accBefore := copyAccumulator(in.Accumulator)
	out := adjudicate(t, in)
	require.False(t, out.Decision.Accumulated)
	require.Equal(t, accBefore, out.Accumulator, "accumulators are read, not changed")
	require.Empty(t, out.UsedAuthorizations)
	require.Empty(t, out.NewAuthorizations)
	// The estimate reads the accumulator: the deductible is crossed on line 1.
	l1 := out.Decision.Lines[0]
	requireAmount(t, 10000, l1.Deductible, "deductible")
	requireAmount(t, 4000, l1.Coinsurance, "coinsurance")
	l2 := out.Decision.Lines[1]
	require.Equal(t, []adjtypes.LimitUse{{LimitId: "physio", Units: 2}}, l2.LimitUses)
	require.Contains(t, stepFor(l2, RuleBenefitLimit).Render(), "physio 5 of 20")
	// The authorization is checked, not consumed.
	l3 := out.Decision.Lines[2]
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, l3.Decision)
	require.Empty(t, l3.AuthorizationId)
	require.Contains(t, stepFor(l3, RuleAuthExceeded).Render(), "would use")
	require.Equal(t, "Timely filing applies to claims, not to a predetermination request.", stepFor(l1, RuleTimelyFiling).Render())
	// Without the authorization the estimate says it would be denied.
	in.Authorizations = nil
	out = adjudicate(t, in)
	wantDenied(t, out.Decision.Lines[2], RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "")
}

// A preauthorization creates authorizations; a claim consumes them.
func TestPreauthorizationThenClaim(t *testing.T) {
	pre := testInput(claimstypes.CLAIM_USE_PREAUTHORIZATION, surgeryLine(1, 2, ""), testLine(2, "15780", 1, 50000), surgeryLine(3, 1, ""))
	pre.Claim.Id = "CLM-7-4"
	pre.Claim.Lines[0].ServiceDate = "2024-04-15"
	pre.Claim.Lines[2].ServiceDate = "2024-11-20"
	pre.ReceivedDate = "2024-03-10"
	pre.Accumulator.DeductibleMet = amt(10000)
	out := adjudicate(t, pre)
	require.False(t, out.Decision.Accumulated)
	require.Equal(t, pre.Accumulator, out.Accumulator)
	require.Equal(t, adjtypes.DECISION_KIND_PARTIALLY_APPROVED, out.Decision.Decision)
	require.Equal(t, []adjtypes.Authorization{
		{Id: "CLM-7-4#1", Member: testMember, ProviderId: testProvider, Code: "27447", UnitsApproved: 2, ValidFrom: "2024-03-10", ValidTo: "2024-07-14"},
		{Id: "CLM-7-4#3", Member: testMember, ProviderId: testProvider, Code: "27447", UnitsApproved: 1, ValidFrom: "2024-03-10", ValidTo: "2025-02-18"},
	}, out.NewAuthorizations, "approved lines only; valid 90 days past the planned date")
	require.Equal(t, "Prior authorization is not checked on a preauthorization request: the request is for one.",
		stepFor(out.Decision.Lines[0], RuleAuthAbsent).Render())
	require.Equal(t, "Timely filing applies to claims, not to a preauthorization request.",
		stepFor(out.Decision.Lines[0], RuleTimelyFiling).Render())
	// The estimate is priced: billed $20,000 is under 2 × $15,000, $400 deductible left, 20%.
	l1 := out.Decision.Lines[0]
	requireAmount(t, 2000000, l1.Allowed, "allowed")
	requireAmount(t, 40000, l1.Deductible, "deductible")
	requireAmount(t, (2000000-40000)/5, l1.Coinsurance, "coinsurance")
	auths := out.NewAuthorizations

	claimOf := func(lines ...claimstypes.ClaimLine) Input {
		in := testInput(claimstypes.CLAIM_USE_CLAIM, lines...)
		in.Claim.Id = "CLM-7-9"
		in.ReceivedDate = "2024-04-20"
		for i := range in.Claim.Lines {
			in.Claim.Lines[i].ServiceDate = "2024-04-15"
		}
		in.Authorizations = auths
		return in
	}

	t.Run("absent", func(t *testing.T) {
		out := adjudicate(t, claimOf(surgeryLine(1, 1, "")))
		wantDenied(t, out.Decision.Lines[0], RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "")
		require.Empty(t, out.UsedAuthorizations)
	})
	t.Run("exceeded", func(t *testing.T) {
		out := adjudicate(t, claimOf(surgeryLine(1, 3, "CLM-7-4")))
		wantDenied(t, out.Decision.Lines[0], RuleAuthExceeded, adjtypes.GROUP_CODE_CO, "198", "")
		require.Empty(t, out.UsedAuthorizations)
	})
	t.Run("consumed", func(t *testing.T) {
		out := adjudicate(t, claimOf(surgeryLine(1, 1, "CLM-7-4"), surgeryLine(2, 1, "CLM-7-4")))
		for _, ld := range out.Decision.Lines {
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			require.Equal(t, "CLM-7-4#1", ld.AuthorizationId)
		}
		require.True(t, out.Decision.Accumulated)
		want := auths[0]
		want.UnitsUsed = 2
		require.Equal(t, []adjtypes.Authorization{want}, out.UsedAuthorizations)
		require.Zero(t, auths[0].UnitsUsed, "the input is not changed")

		// The next claim sees the consumption: #1 is used up, #3 (same code,
		// still valid) covers one more unit, and then none is left.
		next := claimOf(surgeryLine(1, 1, "CLM-7-4"), surgeryLine(2, 1, "CLM-7-4"))
		next.Authorizations = []adjtypes.Authorization{out.UsedAuthorizations[0], auths[1]}
		out = adjudicate(t, next)
		require.Equal(t, "CLM-7-4#3", out.Decision.Lines[0].AuthorizationId)
		wantDenied(t, out.Decision.Lines[1], RuleAuthExceeded, adjtypes.GROUP_CODE_CO, "198", "")
		require.Equal(t, "Authorization CLM-7-4#1 approved 2 units and 2 are used; this line needs 1: precertification/authorization exceeded (CO-198).",
			stepFor(out.Decision.Lines[1], RuleAuthExceeded).Render())
	})
}

func TestInvalidInputs(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(in *Input)
	}{
		{name: "unknown use", mutate: func(in *Input) { in.Claim.Use = claimstypes.CLAIM_USE_UNSPECIFIED }},
		{name: "use out of range", mutate: func(in *Input) { in.Claim.Use = 42 }},
		{name: "no lines", mutate: func(in *Input) { in.Claim.Lines = nil }},
		{name: "no id", mutate: func(in *Input) { in.Claim.Id = "" }},
		{name: "zero units", mutate: func(in *Input) { in.Claim.Lines[0].Units = 0 }},
		{name: "zero sequence", mutate: func(in *Input) { in.Claim.Lines[0].Sequence = 0 }},
		{name: "duplicate sequence", mutate: func(in *Input) { in.Claim.Lines = append(in.Claim.Lines, in.Claim.Lines[0]) }},
		{name: "bad service date", mutate: func(in *Input) { in.Claim.Lines[0].ServiceDate = "2024-02-30" }},
		{name: "bad received date", mutate: func(in *Input) { in.ReceivedDate = "" }},
		{name: "negative billed", mutate: func(in *Input) { in.Claim.Lines[0].Billed.Amount = math.NewInt(-1) }},
		{name: "two currencies", mutate: func(in *Input) { in.Claim.TotalBilled.Denom = "eur" }},
		{name: "bad coverage start", mutate: func(in *Input) { in.Coverage.StartDate = "" }},
		{name: "bad coverage end", mutate: func(in *Input) { in.Coverage.EndDate = "2024/12/31" }},
		{name: "negative deductible", mutate: func(in *Input) { in.Plan.Terms.AnnualDeductible = math.NewInt(-1) }},
		{name: "negative fee", mutate: func(in *Input) { in.Plan.Terms.FeeSchedule[0].Allowed = math.NewInt(-1) }},
		{name: "coinsurance above 100%", mutate: func(in *Input) { in.Plan.Terms.Categories[1].CostSharing.CoinsuranceBps = 10001 }},
		{name: "negative accumulator", mutate: func(in *Input) { in.Accumulator.OutOfPocketSpent = math.NewInt(-1) }},
		{name: "accumulator of another member", mutate: func(in *Input) { in.Accumulator.Member = otherMember }},
		{name: "accumulator of another year", mutate: func(in *Input) { in.Accumulator.Year = 2023 }},
		{name: "duplicate authorization", mutate: func(in *Input) {
			in.Authorizations = []adjtypes.Authorization{testAuth("PA-1#1", 1, 0), testAuth("PA-1#1", 1, 0)}
		}},
		{name: "authorization with bad date", mutate: func(in *Input) {
			a := testAuth("PA-1#1", 1, 0)
			a.ValidTo = "soon"
			in.Authorizations = []adjtypes.Authorization{a}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM)
			tc.mutate(&in)
			_, err := Adjudicate(in)
			require.Error(t, err)
		})
	}
}

func TestNilAmountsAreZero(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "80053", 1, 30000))
	in.Accumulator = adjtypes.Accumulator{} // nothing used yet, nothing set
	in.Plan.Terms.AnnualDeductible = math.Int{}
	in.Plan.Terms.OutOfPocketMax = amt(1000000)
	in.Plan.Terms.Categories[3].CostSharing.Copay = math.Int{}
	out := adjudicate(t, in)
	ld := out.Decision.Lines[0]
	requireAmount(t, 6000, ld.Coinsurance, "coinsurance")
	require.Equal(t, testMember, out.Accumulator.Member)
	require.Equal(t, "GOLD", out.Accumulator.PlanId)
	require.Equal(t, int32(2024), out.Accumulator.Year)
	requireAmount(t, 0, out.Accumulator.DeductibleMet, "deductible met")
	requireAmount(t, 6000, out.Accumulator.OutOfPocketSpent, "out-of-pocket")

	// A nil billed amount is a zero charge: denied lines still carry their reason.
	in = testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "15780", 1, 0))
	in.Claim.Lines[0].Billed.Amount = math.Int{}
	out = adjudicate(t, in)
	wantDenied(t, out.Decision.Lines[0], RuleNonCovered, adjtypes.GROUP_CODE_CO, "96", "N130")
}
