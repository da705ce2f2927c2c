package engine

import (
	"fmt"
	"slices"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Medically unlikely edits (MUE): the most units of a code a provider would
// report for one patient on one date of service.
//
//	R-MUE-151  CO-151 (RARC N362)  units exceed the MUE value
//
// The MUE row is the first Reference.MUE entry, in slice order, with the
// line's code and date. MUE adjudication indicator (MAI) 1: the line's own
// units are compared with the value. MAI 2 (policy) and 3 (clinical): the
// units of every line of this claim with the same code, date of service and
// rendering NPI are summed, and when the sum exceeds the value every such line
// is denied (each line reaches the same answer, whatever the line order). Other
// lines count as billed whatever their own outcome. All units of a denied line
// are denied. For MAI 2 and 3 the units of earlier claims' lines that are paid,
// payable or pending (Input.History) for the same code, date and rendering NPI
// count too: this claim's lines of the code are denied, the earlier decisions
// stand. No row: no edit. Applies to
// use=claim and predetermination, not to preauthorization.
//
// Scenarios (mue_test.go), code 97110, MUE value 4:
//
//	MAI  lines (units)                       → result
//	1    5                                   → DENIED CO-151 N362
//	1    4                                   → passes
//	1    3 + 3                               → both pass (per line)
//	2    3 + 2                               → both DENIED CO-151 N362
//	3    3 + 2                               → both DENIED CO-151 N362
//	3    2 + 2                               → both pass
//	3    3 + 2, second on another date       → both pass
//	3    3 + 2, second another NPI           → both pass
//	2    3, with 2 on an earlier claim        → DENIED CO-151 N362 (earlier stands)
//	1    3, with 3 on an earlier claim        → passes (per line)
//	-    no row, 19 units                    → passes
//	preauthorization, MAI 1, 5 units         → not checked

// RuleMUE is the rule id of mue.go.
const RuleMUE = "R-MUE-151"

func findMUE(edits []MUEEdit, code, date string) *MUEEdit {
	for i := range edits {
		e := &edits[i]
		if e.Date == date && e.Row.Code == code {
			return e
		}
	}
	return nil
}

func checkMUE(c *claimRun, l *lineRun) error {
	code, date := l.line.Code, l.line.ServiceDate
	e := findMUE(c.in.Reference.MUE, code, date)
	if e == nil {
		l.step(RuleMUE, adjtypes.StepNoMUE, code, date)
		return nil
	}
	limit := uint64(e.Row.Units)
	var units uint64
	// The words of the step: units counted on this line, on the claim's
	// lines, or also on earlier claims (then listed).
	within, exceeded := adjtypes.StepMUEWithinLine, adjtypes.StepMUEExceededLine
	var earlier []string
	switch e.Row.AdjudicationIndicator {
	case 1:
		units = uint64(l.line.Units)
	case 2, 3:
		lines := c.in.Claim.Lines
		for i := range lines {
			if lines[i].Code == code && sameEncounter(&lines[i], l.line) {
				units += uint64(lines[i].Units)
			}
		}
		within, exceeded = adjtypes.StepMUEWithinClaim, adjtypes.StepMUEExceededClaim
		for i := range c.in.History {
			h := &c.in.History[i]
			if h.Code == code && h.ServiceDate == date && h.RenderingNpi == l.line.RenderingNpi && h.ClaimId != c.in.Claim.Id {
				units += uint64(h.Units)
				if !slices.Contains(earlier, h.ClaimId) {
					earlier = append(earlier, h.ClaimId)
				}
			}
		}
		if len(earlier) > 0 {
			within, exceeded = adjtypes.StepMUEWithinEarlier, adjtypes.StepMUEExceededEarlier
		}
	default:
		return fmt.Errorf("MUE for %s version %d: unknown adjudication indicator %d", code, e.Version, e.Row.AdjudicationIndicator)
	}
	args := []string{code, date, itoa(limit) + " " + unitWord(limit), itoa(e.Row.AdjudicationIndicator), itoa(e.Version), itoa(units)}
	if len(earlier) > 0 {
		args = append(args, strings.Join(earlier, ", "))
	}
	if units > limit {
		l.deny(RuleMUE, adjtypes.GROUP_CODE_CO, "151", "N362", exceeded, args...)
		return nil
	}
	l.step(RuleMUE, within, args...)
	return nil
}

func unitWord(n uint64) string {
	if n == 1 {
		return "unit"
	}
	return "units"
}
