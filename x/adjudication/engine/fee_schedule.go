package engine

import (
	sdkmath "cosmossdk.io/math"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Fee schedule: the plan's contracted allowed amount per unit.
//
//	R-FEE-45  CO-45  allowed = min(billed, rate × units); billed - allowed > 0
//	                 is a contractual write-off
//
// Entry lookup: the line's modifiers are tried in billed order (the first
// modifier is the pricing modifier) and the first schedule entry with the
// line's code and that modifier wins; otherwise the first entry with the code
// and no modifier. With no entry for the code the billed amount is allowed:
// the plan has not contracted a price, and a missing price must not silently
// deny a covered service (payers handle such codes by review, off the engine).
// A rate of zero allows nothing and writes all of it off.
//
// Scenarios (fee_schedule_test.go):
//
//	billed  units  entries                   modifiers  → allowed, CO-45
//	125.00  1      99213 85.00               -          → 85.00, 40.00
//	80.00   1      99213 85.00               -          → 80.00, none
//	300.00  3      97110 45.00               -          → 135.00, 165.00
//	200.00  1      99213 85.00, 99213/26 30  26         → 30.00, 170.00
//	200.00  1      99213 85.00, 99213/26 30  GT, 26     → 30.00 (first matching modifier)
//	200.00  1      99213/26 30               -          → 200.00, none (no entry applies)
//	200.00  1      -                         -          → 200.00, none

// RuleFeeSchedule is the rule id of fee_schedule.go.
const RuleFeeSchedule = "R-FEE-45"

func applyFeeSchedule(c *claimRun, l *lineRun) error {
	e := findFee(c.terms.FeeSchedule, l.line.Code, l.line.Modifiers)
	if e == nil {
		l.allowed = l.billed
		l.step(RuleFeeSchedule, adjtypes.StepNoFee, l.line.Code, c.money(l.billed))
		return nil
	}
	rate := nz(e.Allowed)
	schedule := rate.Mul(sdkmath.NewIntFromUint64(uint64(l.line.Units)))
	l.allowed = minInt(l.billed, schedule)
	writeOff := l.billed.Sub(l.allowed)
	l.adjust(RuleFeeSchedule, adjtypes.GROUP_CODE_CO, "45", writeOff)
	rateText, units, scheduleText := c.money(rate), itoa(l.line.Units), c.money(schedule)
	switch {
	case writeOff.IsPositive() && e.Modifier != "":
		l.step(RuleFeeSchedule, adjtypes.StepFeeWriteOffModifier, e.Modifier, rateText, units, scheduleText, c.money(writeOff))
	case writeOff.IsPositive():
		l.step(RuleFeeSchedule, adjtypes.StepFeeWriteOff, rateText, units, scheduleText, c.money(writeOff))
	case e.Modifier != "":
		l.step(RuleFeeSchedule, adjtypes.StepFeeInFullModifier, e.Modifier, rateText, units, scheduleText, c.money(l.billed))
	default:
		l.step(RuleFeeSchedule, adjtypes.StepFeeInFull, rateText, units, scheduleText, c.money(l.billed))
	}
	return nil
}

// findFee returns the schedule entry that prices a line, or nil.
func findFee(entries []adjtypes.FeeScheduleEntry, code string, modifiers []string) *adjtypes.FeeScheduleEntry {
	for _, m := range modifiers {
		if m == "" {
			continue
		}
		for i := range entries {
			if entries[i].Code == code && entries[i].Modifier == m {
				return &entries[i]
			}
		}
	}
	for i := range entries {
		if entries[i].Code == code && entries[i].Modifier == "" {
			return &entries[i]
		}
	}
	return nil
}
