package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func TestFeeSchedule(t *testing.T) {
	cases := []struct {
		name      string
		code      string
		billed    int64
		units     uint32
		modifiers []string
		schedule  []adjtypes.FeeScheduleEntry // nil: the test plan's
		allowed   int64
		co45      int64
	}{
		{name: "above the schedule", code: "99213", billed: 12500, units: 1, allowed: 8500, co45: 4000},
		{name: "below the schedule", code: "99213", billed: 8000, units: 1, allowed: 8000},
		{name: "equal to the schedule", code: "99213", billed: 8500, units: 1, allowed: 8500},
		{name: "per unit", code: "97110", billed: 30000, units: 3, allowed: 13500, co45: 16500},
		{name: "modifier entry", code: "99213", billed: 20000, units: 1, modifiers: []string{"26"}, allowed: 3000, co45: 17000},
		{name: "first matching modifier wins", code: "99213", billed: 20000, units: 1, modifiers: []string{"GT", "26"}, allowed: 7000, co45: 13000},
		{name: "unknown modifier falls back", code: "99213", billed: 20000, units: 1, modifiers: []string{"59"}, allowed: 8500, co45: 11500},
		{name: "only a modifier entry, line without it", code: "99213", billed: 20000, units: 1,
			schedule: []adjtypes.FeeScheduleEntry{{Code: "99213", Modifier: "26", Allowed: amt(3000)}}, allowed: 20000},
		{name: "no entry", code: "80053", billed: 20000, units: 1, allowed: 20000},
		{name: "zero rate", code: "99213", billed: 20000, units: 1,
			schedule: []adjtypes.FeeScheduleEntry{{Code: "99213", Allowed: amt(0)}}, allowed: 0, co45: 20000},
		{name: "nil rate counts as zero", code: "99213", billed: 20000, units: 1,
			schedule: []adjtypes.FeeScheduleEntry{{Code: "99213"}}, allowed: 0, co45: 20000},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			l := testLine(1, tc.code, tc.units, tc.billed)
			l.Modifiers = tc.modifiers
			in := testInput(claimstypes.CLAIM_USE_CLAIM, l)
			if tc.schedule != nil {
				in.Plan.Terms.FeeSchedule = tc.schedule
			}
			out := adjudicate(t, in)
			ld := out.Decision.Lines[0]
			require.Equal(t, adjtypes.DECISION_KIND_APPROVED, ld.Decision, "fee schedule never denies")
			requireAmount(t, tc.allowed, ld.Allowed, "allowed")
			a, found := adjustment(ld, "45")
			require.Equal(t, tc.co45 > 0, found, "CO-45 recorded only when positive")
			requireAmount(t, tc.co45, a.Amount, "CO-45")
			if found {
				require.Equal(t, adjtypes.GROUP_CODE_CO, a.Group)
				require.Equal(t, RuleFeeSchedule, a.RuleId)
			}
		})
	}
}

func TestFeeScheduleText(t *testing.T) {
	out := adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM))
	require.Equal(t,
		"Fee schedule allows $85.00 per unit × 1 = $85.00; $40.00 above the schedule is a contractual write-off (CO-45).",
		stepFor(out.Decision.Lines[0], RuleFeeSchedule).Render())
	out = adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, testLine(1, "80053", 1, 4250)))
	require.Equal(t, "No fee schedule entry for code 80053: the billed $42.50 is allowed.",
		stepFor(out.Decision.Lines[0], RuleFeeSchedule).Render())
	l := testLine(1, "99213", 1, 2500)
	l.Modifiers = []string{"26"}
	out = adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, l))
	require.Equal(t, "Fee schedule (modifier 26) allows $30.00 per unit × 1 = $30.00; the billed $25.00 is allowed in full.",
		stepFor(out.Decision.Lines[0], RuleFeeSchedule).Render())
	l.Billed = usd(20000)
	out = adjudicate(t, testInput(claimstypes.CLAIM_USE_CLAIM, l))
	require.Equal(t, "Fee schedule (modifier 26) allows $30.00 per unit × 1 = $30.00; $170.00 above the schedule is a contractual write-off (CO-45).",
		stepFor(out.Decision.Lines[0], RuleFeeSchedule).Render())
}
