package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// The scenario table of cost_sharing.go. Lab codes have no fee schedule
// entry, so allowed = billed.
func TestCostSharing(t *testing.T) {
	cases := []struct {
		name                    string
		code                    string
		billed                  int64
		dedMet, oopSpent        int64
		ded, coins, copay, paid int64
		oopStep                 bool
	}{
		{name: "copay", code: "99213", billed: 10000, ded: 0, copay: 2500, paid: 6000}, // allowed 85.00
		{name: "copay above allowed", code: "99213", billed: 2000, copay: 2000, paid: 0},
		{name: "coinsurance after met deductible", code: "80053", billed: 30000, dedMet: 50000, coins: 6000, paid: 24000},
		{name: "deductible then coinsurance", code: "80053", billed: 30000, dedMet: 25000, ded: 25000, coins: 1000, paid: 4000},
		{name: "all to the deductible", code: "80053", billed: 20000, ded: 20000, paid: 0},
		{name: "rounded down", code: "80053", billed: 1001, dedMet: 50000, coins: 200, paid: 801},
		{name: "out-of-pocket cap takes coinsurance first", code: "80053", billed: 30000, dedMet: 25000, oopSpent: 500000 - 25500,
			ded: 25000, coins: 500, paid: 4500, oopStep: true},
		{name: "out-of-pocket cap reaches the deductible", code: "80053", billed: 30000, dedMet: 25000, oopSpent: 500000 - 10000,
			ded: 10000, paid: 20000, oopStep: true},
		{name: "out-of-pocket cap on a copay", code: "99213", billed: 10000, oopSpent: 499000, copay: 1000, paid: 7500, oopStep: true},
		{name: "out-of-pocket maximum already reached", code: "80053", billed: 30000, oopSpent: 500000, paid: 30000, oopStep: true},
		{name: "spent above the maximum", code: "80053", billed: 30000, oopSpent: 600000, paid: 30000, oopStep: true},
		{name: "deductible met above the annual amount", code: "80053", billed: 10000, dedMet: 90000, coins: 2000, paid: 8000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, tc.code, 1, tc.billed))
			in.Accumulator.DeductibleMet = amt(tc.dedMet)
			in.Accumulator.OutOfPocketSpent = amt(tc.oopSpent)
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision)
			requireAmount(t, tc.ded, ld.Deductible, "deductible")
			requireAmount(t, tc.coins, ld.Coinsurance, "coinsurance")
			requireAmount(t, tc.copay, ld.Copay, "copay")
			requireAmount(t, tc.paid, ld.Benefit, "benefit")
			for carc, want := range map[string]int64{"1": tc.ded, "2": tc.coins, "3": tc.copay} {
				a, found := adjustment(ld, carc)
				require.Equal(t, want > 0, found, "PR-%s recorded only when positive", carc)
				requireAmount(t, want, a.Amount, "PR-"+carc)
				if found {
					require.Equal(t, adjtypes.GROUP_CODE_PR, a.Group)
				}
			}
			share := tc.ded + tc.coins + tc.copay
			requireAmount(t, share, out.Decision.PatientResponsibility, "patient responsibility")
			requireAmount(t, tc.dedMet+tc.ded, out.Accumulator.DeductibleMet, "deductible met")
			requireAmount(t, tc.oopSpent+share, out.Accumulator.OutOfPocketSpent, "out-of-pocket spent")
			require.Equal(t, tc.oopStep, containsText(stepFor(ld, RuleOutOfPocket).Render(), "maximum"), stepFor(ld, RuleOutOfPocket).Render())
		})
	}
}

func containsText(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// 20% of 1001 cents is 200.2: the member pays 200, the plan 801.
func TestRounding(t *testing.T) {
	require.Equal(t, int64(200), mulBpsFloor(amt(1001), 2000).Int64())
	require.Equal(t, int64(0), mulBpsFloor(amt(4), 2000).Int64())
	require.Equal(t, int64(1), mulBpsFloor(amt(5), 2000).Int64())
	require.Equal(t, int64(1001), mulBpsFloor(amt(1001), 10000).Int64())
	require.Equal(t, int64(0), mulBpsFloor(amt(1001), 0).Int64())
	require.Equal(t, int64(333), mulBpsFloor(amt(1000), 3333).Int64())

	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "80053", 1, 1001))
	in.Plan.Terms.AnnualDeductible = amt(0)
	out := adjudicate(t, in)
	ld := out.Decision.Lines[0]
	requireAmount(t, 200, ld.Coinsurance, "member")
	requireAmount(t, 801, ld.Benefit, "plan")
	require.Equal(t, "Coinsurance 20% of $10.01 = $2.00 (PR-2), rounded down to the cent.", stepFor(ld, RuleCoinsurance).Render())
	require.Equal(t, "The plan has no deductible.", stepFor(ld, RuleDeductible).Render())
}

// Lines of one claim cross the deductible: the second line sees the first's.
func TestDeductibleAcrossLines(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "80053", 1, 30000), testLine(2, "80061", 1, 20000))
	in.Accumulator.DeductibleMet = amt(40000)
	out := adjudicate(t, in)
	l1, l2 := out.Decision.Lines[0], out.Decision.Lines[1]
	requireAmount(t, 10000, l1.Deductible, "line 1 deductible")
	requireAmount(t, 4000, l1.Coinsurance, "line 1 coinsurance")
	requireAmount(t, 16000, l1.Benefit, "line 1 benefit")
	requireAmount(t, 0, l2.Deductible, "line 2 deductible")
	requireAmount(t, 4000, l2.Coinsurance, "line 2 coinsurance")
	requireAmount(t, 16000, l2.Benefit, "line 2 benefit")
	require.Equal(t, "The $500.00 deductible is met for 2024.", stepFor(l2, RuleDeductible).Render())
	requireAmount(t, 50000, out.Accumulator.DeductibleMet, "deductible met")
	requireAmount(t, 18000, out.Accumulator.OutOfPocketSpent, "out-of-pocket")
	requireAmount(t, 18000, out.Decision.PatientResponsibility, "patient responsibility")
	requireAmount(t, 32000, out.Decision.TotalBenefit, "total benefit")
	requireAmount(t, 50000, out.Decision.TotalSubmitted, "total submitted")
}

// One claim crosses the deductible and then the out-of-pocket maximum.
func TestDeductibleAndOutOfPocketAcrossLines(t *testing.T) {
	in := testInput(claimstypes.CLAIM_USE_CLAIM,
		testLine(1, "80053", 1, 40000), // deductible 400
		testLine(2, "80053", 1, 40000), // deductible 100, coinsurance 60 → spent 560
		testLine(3, "80053", 1, 40000), // coinsurance 80 capped at 40 → spent 600
		testLine(4, "99213", 1, 12500), // copay 25 capped at 0
	)
	in.Plan.Terms.OutOfPocketMax = amt(60000)
	out := adjudicate(t, in)
	type want struct{ ded, coins, copay, benefit int64 }
	wants := []want{{40000, 0, 0, 0}, {10000, 6000, 0, 24000}, {0, 4000, 0, 36000}, {0, 0, 0, 8500}}
	for i, w := range wants {
		ld := out.Decision.Lines[i]
		require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision, "line %d", i+1)
		requireAmount(t, w.ded, ld.Deductible, "deductible")
		requireAmount(t, w.coins, ld.Coinsurance, "coinsurance")
		requireAmount(t, w.copay, ld.Copay, "copay")
		requireAmount(t, w.benefit, ld.Benefit, "benefit")
	}
	require.Equal(t, adjtypes.DECISION_KIND_APPROVED, out.Decision.Decision, "a line paying nothing is still approved")
	require.Equal(t,
		"Out-of-pocket maximum $600.00 reached ($560.00 already spent in 2024): the member's share on this line is $40.00 instead of $80.00. Plan pays $360.00; member pays $40.00.",
		stepFor(out.Decision.Lines[2], RuleOutOfPocket).Render())
	_, copayRecorded := adjustment(out.Decision.Lines[3], "3")
	require.False(t, copayRecorded, "a zero copay is not recorded")
	requireAmount(t, 50000, out.Accumulator.DeductibleMet, "deductible met")
	requireAmount(t, 60000, out.Accumulator.OutOfPocketSpent, "out-of-pocket")
	requireAmount(t, 60000, out.Decision.PatientResponsibility, "patient responsibility")
}

// Patient responsibility also counts PR-26 denials, which do not accumulate.
func TestPatientResponsibilityIncludesPR26(t *testing.T) {
	early := testLine(2, "80053", 1, 7000)
	early.ServiceDate = "2023-12-31"
	in := testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "80053", 1, 30000), early)
	in.Accumulator.Year = 0 // the plan year is 2023 now (earliest date of service)
	out := adjudicate(t, in)
	require.Equal(t, int32(2023), out.Decision.PlanYear)
	require.Equal(t, adjtypes.DECISION_KIND_PARTIALLY_APPROVED, out.Decision.Decision)
	wantDenied(t, out.Decision.Lines[1], RuleBeforeCoverage, adjtypes.GROUP_CODE_PR, "26", "")
	requireAmount(t, 30000+7000, out.Decision.PatientResponsibility, "patient responsibility")
	requireAmount(t, 30000, out.Accumulator.OutOfPocketSpent, "out-of-pocket")
	require.Equal(t, int32(2023), out.Accumulator.Year)
}
