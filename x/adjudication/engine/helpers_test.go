package engine

import (
	"testing"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Fixtures shared by the rule tests: plan GOLD version 2, a member covered
// from 2024-01-01, an office visit billed $125.00 on 2024-03-01, received
// 2024-03-10. Unchanged, that line is approved: the fee schedule allows
// $85.00 (CO-45 $40.00), copay $25.00 (PR-3), benefit $60.00.

const (
	testMember   = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
	otherMember  = "aaaa2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0"
	testProvider = uint64(7)
	testClaimID  = "CLM-7-1"
	testReceived = "2024-03-10"
	testDate     = "2024-03-01"
)

func amt(n int64) math.Int { return math.NewInt(n) }

func usd(n int64) sdk.Coin { return sdk.Coin{Denom: "usd", Amount: math.NewInt(n)} }

func cr(from, to string) adjtypes.CodeRange { return adjtypes.CodeRange{From: from, To: to} }

func testPlan() *adjtypes.PlanVersion {
	return &adjtypes.PlanVersion{
		PlanId:        "GOLD",
		Version:       2,
		EffectiveDate: "2024-01-01",
		Terms: adjtypes.PlanTerms{
			Denom:            "usd",
			AnnualDeductible: amt(50000),  // $500
			OutOfPocketMax:   amt(500000), // $5,000
			Categories: []adjtypes.ServiceCategory{
				{Id: "office-visits", Codes: []adjtypes.CodeRange{cr("99202", "99215")}, CostSharing: adjtypes.CostSharing{Copay: amt(2500)}},
				{Id: "therapy", Codes: []adjtypes.CodeRange{cr("97110", ""), cr("97112", "")}, CostSharing: adjtypes.CostSharing{Copay: amt(0), CoinsuranceBps: 2000}},
				{Id: "surgery", Codes: []adjtypes.CodeRange{cr("27447", "")}, CostSharing: adjtypes.CostSharing{CoinsuranceBps: 2000}},
				{Id: "lab", Codes: []adjtypes.CodeRange{cr("80047", "80099")}, CostSharing: adjtypes.CostSharing{CoinsuranceBps: 2000}},
				{Id: "cosmetic", Codes: []adjtypes.CodeRange{cr("15780", "")}, CostSharing: adjtypes.CostSharing{CoinsuranceBps: 5000}},
			},
			FeeSchedule: []adjtypes.FeeScheduleEntry{
				{Code: "99213", Allowed: amt(8500)},
				{Code: "99213", Modifier: "26", Allowed: amt(3000)},
				{Code: "99213", Modifier: "GT", Allowed: amt(7000)},
				{Code: "97110", Allowed: amt(4500)},
				{Code: "27447", Allowed: amt(1500000)},
			},
			NonCoveredCodes:     []adjtypes.CodeRange{cr("15780", "")},
			NonCoveredDiagnoses: []string{"Z41"},
			BenefitLimits:       []adjtypes.BenefitLimit{{Id: "physio", Codes: []adjtypes.CodeRange{cr("97110", ""), cr("97112", "")}, MaxServices: 20}},
			PriorAuthCodes:      []adjtypes.CodeRange{cr("27447", "")},
			TimelyFilingDays:    90,
		},
	}
}

func testCoverage() *adjtypes.Coverage {
	return &adjtypes.Coverage{Member: testMember, InsurerId: 3, PlanId: "GOLD", StartDate: "2024-01-01"}
}

func testLine(seq uint32, code string, units uint32, billed int64) claimstypes.ClaimLine {
	return claimstypes.ClaimLine{Sequence: seq, Code: code, Units: units, ServiceDate: testDate, Billed: usd(billed)}
}

func testClaim(use claimstypes.ClaimUse, lines ...claimstypes.ClaimLine) claimstypes.Claim {
	total := math.ZeroInt()
	for _, l := range lines {
		total = total.Add(l.Billed.Amount)
	}
	return claimstypes.Claim{
		Id: testClaimID, ProviderId: testProvider, InsurerId: 3, Use: use, Member: testMember,
		DiagnosisCodes: []string{"J069"}, Lines: lines, TotalBilled: sdk.Coin{Denom: "usd", Amount: total},
	}
}

func testAccumulator() adjtypes.Accumulator {
	return adjtypes.Accumulator{Member: testMember, PlanId: "GOLD", Year: 2024, DeductibleMet: amt(0), OutOfPocketSpent: amt(0)}
}

// testInput is a claim with the given lines (one office visit when none).
func testInput(use claimstypes.ClaimUse, lines ...claimstypes.ClaimLine) Input {
	if len(lines) == 0 {
		lines = []claimstypes.ClaimLine{testLine(1, "99213", 1, 12500)}
	}
	return Input{
		Claim:        testClaim(use, lines...),
		ReceivedDate: testReceived,
		Coverage:     testCoverage(),
		Plan:         testPlan(),
		Accumulator:  testAccumulator(),
	}
}

func adjudicate(t *testing.T, in Input) Output {
	t.Helper()
	out, err := Adjudicate(in)
	require.NoError(t, err)
	for _, ld := range out.Decision.Lines {
		requireLineInvariant(t, ld)
		testedTemplates.add(ld.Steps)
	}
	testedTemplates.add(out.Decision.PendReasons)
	return out
}

// rendered is steps as a reader sees them: rule id and words.
func rendered(steps []adjtypes.Step) []adjtypes.Step {
	out := make([]adjtypes.Step, len(steps))
	for i, s := range steps {
		out[i] = adjtypes.Step{RuleId: s.RuleId, Text: s.Render()}
	}
	return out
}

func requireLineInvariant(t *testing.T, ld adjtypes.LineDecision) {
	t.Helper()
	sum := ld.Benefit
	for _, a := range ld.Adjustments {
		require.True(t, a.Amount.IsPositive() || ld.Decision == adjtypes.DECISION_KIND_DENIED, "zero adjustment recorded: %+v", a)
		sum = sum.Add(a.Amount)
	}
	require.True(t, sum.Equal(ld.Submitted), "line %d: submitted %s != benefit + adjustments %s", ld.Sequence, ld.Submitted, sum)
	require.False(t, ld.Benefit.IsNegative())
}

// wantDenied checks a line denied by one rule with one adjustment of the billed amount.
func wantDenied(t *testing.T, ld adjtypes.LineDecision, rule string, group adjtypes.GroupCode, carc, rarc string) {
	t.Helper()
	require.Equal(t, adjtypes.DECISION_KIND_DENIED, ld.Decision)
	require.Len(t, ld.Adjustments, 1)
	a := ld.Adjustments[0]
	require.Equal(t, rule, a.RuleId)
	require.Equal(t, group, a.Group)
	require.Equal(t, carc, a.Carc)
	require.Equal(t, rarc, a.Rarc)
	require.True(t, a.Amount.Equal(ld.Submitted), "denial amount %s != billed %s", a.Amount, ld.Submitted)
	require.True(t, ld.Benefit.IsZero())
	require.True(t, ld.Allowed.IsZero())
	require.Empty(t, ld.LimitUses)
	require.Empty(t, ld.AuthorizationId)
	require.Equal(t, rule, stepFor(ld, rule).RuleId, "a step explains the denial")
	require.Equal(t, StepSkipped, ld.Steps[len(ld.Steps)-1].RuleId, "the last step lists the skipped rules")
}

// adjustment returns the line's adjustment with a CARC (zero amount when absent).
func adjustment(ld adjtypes.LineDecision, carc string) (adjtypes.Adjustment, bool) {
	for _, a := range ld.Adjustments {
		if a.Carc == carc {
			return a, true
		}
	}
	return adjtypes.Adjustment{Amount: math.ZeroInt()}, false
}

func stepFor(ld adjtypes.LineDecision, rule string) adjtypes.Step {
	for _, s := range ld.Steps {
		if s.RuleId == rule {
			return s
		}
	}
	return adjtypes.Step{}
}

func requireAmount(t *testing.T, want int64, got math.Int, what string) {
	t.Helper()
	require.True(t, got.Equal(math.NewInt(want)), "%s: want %d, got %s", what, want, got)
}
