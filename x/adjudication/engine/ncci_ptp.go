package engine

import (
	"fmt"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// NCCI procedure-to-procedure (PTP) edits: pairs of codes that are not paid
// together for the same patient, rendering provider and date of service.
// Column 1 is paid; column 2 is not, unless the edit allows a modifier.
//
//	R-NCCI-PTP  CO-97   modifier indicator 0: never bypassable
//	R-NCCI-PTP  CO-236  modifier indicator 1 and neither line carries an
//	                    NCCI-associated modifier
//
// A line L is checked as column 2 against every other line M of the claim, in
// claim order, with the same service_date and rendering NPI: the edit is the
// first Reference.PTP entry, in slice order, with Date = L's date, Row.Column1
// = M's code, Row.Column2 = L's code, whose [effective, deletion) window holds
// the date. Modifier indicator 9 means the edit does not apply. Indicator 1 is
// bypassed when L or M carries an NCCI-associated modifier: anatomic E1–E4,
// FA, F1–F9, LC, LD, LM, RC, RI, LT, RT, TA, T1–T9; global surgery 24, 25, 57,
// 58, 78, 79; and 27, 59, 91, XE, XP, XS, XU. The first pair that is not
// bypassed denies L. M counts as billed on the claim whatever its own outcome,
// so a line's result does not depend on the order of the lines. Applies to
// use=claim and predetermination; a preauthorization asks about one service
// and is not checked.
//
// Scenarios (ncci_ptp_test.go), column 1 99213, column 2 99214 on one date and NPI:
//
//	indicator  modifiers            → 99213, 99214
//	0          -                    → passes, DENIED CO-97
//	0          59 on 99214          → passes, DENIED CO-97
//	1          -                    → passes, DENIED CO-236
//	1          59 on 99214          → passes, passes (bypassed)
//	1          25 on 99213          → passes, passes (bypassed)
//	1          26 on 99214          → passes, DENIED CO-236 (26 is not NCCI-associated)
//	9          -                    → passes, passes (not applicable)
//	0          other date / NPI     → passes, passes
//	0          edit deleted by DOS  → passes, passes
//	preauthorization, indicator 0   → not checked

// RulePTP is the rule id of ncci_ptp.go.
const RulePTP = "R-NCCI-PTP"

// codingEditsApply says whether the NCCI/MUE/add-on edits run for a use.
func codingEditsApply(use claimstypes.ClaimUse) bool {
	return use != claimstypes.CLAIM_USE_PREAUTHORIZATION
}

// codingEditNotApplicable explains, in template t's words, why a coding edit
// does not run on a preauthorization request.
func codingEditNotApplicable(t adjtypes.StepTemplate) func(claimstypes.ClaimUse) (adjtypes.StepTemplate, []string) {
	return func(claimstypes.ClaimUse) (adjtypes.StepTemplate, []string) { return t, nil }
}

// sameEncounter reports whether two lines share date of service and rendering NPI.
func sameEncounter(a, b *claimstypes.ClaimLine) bool {
	return a.ServiceDate == b.ServiceDate && a.RenderingNpi == b.RenderingNpi
}

// inForce reports whether date lies in [effective, deletion); empty bounds are open.
func inForce(date, effective, deletion string) bool {
	return (effective == "" || effective <= date) && (deletion == "" || date < deletion)
}

func findPTP(edits []PTPEdit, column1, column2, date string) *PTPEdit {
	for i := range edits {
		e := &edits[i]
		if e.Date == date && e.Row.Column1 == column1 && e.Row.Column2 == column2 && inForce(date, e.Row.EffectiveDate, e.Row.DeletionDate) {
			return e
		}
	}
	return nil
}

// ncciModifier reports whether m is an NCCI-associated modifier.
func ncciModifier(m string) bool {
	m = strings.ToUpper(strings.TrimSpace(m))
	switch m {
	case "E1", "E2", "E3", "E4", "FA", "LC", "LD", "LM", "RC", "RI", "LT", "RT", "TA",
		"24", "25", "57", "58", "78", "79", "27", "59", "91", "XE", "XP", "XS", "XU":
		return true
	}
	if len(m) == 2 && (m[0] == 'F' || m[0] == 'T') && m[1] >= '1' && m[1] <= '9' {
		return true
	}
	return false
}

// firstNCCIModifier returns the first NCCI-associated modifier of a line, or "".
func firstNCCIModifier(line *claimstypes.ClaimLine) string {
	for _, m := range line.Modifiers {
		if ncciModifier(m) {
			return strings.ToUpper(strings.TrimSpace(m))
		}
	}
	return ""
}

func checkPTP(c *claimRun, l *lineRun) error {
	lines := c.in.Claim.Lines
	var notes []adjtypes.Step // the edits that did not deny
	for i := range lines {
		m := &lines[i]
		if m.Sequence == l.line.Sequence || !sameEncounter(m, l.line) {
			continue
		}
		e := findPTP(c.in.Reference.PTP, m.Code, l.line.Code, l.line.ServiceDate)
		if e == nil {
			continue
		}
		pair := []string{m.Code, itoa(m.Sequence), l.line.Code, l.line.ServiceDate, itoa(e.Row.ModifierIndicator), itoa(e.Version)}
		switch e.Row.ModifierIndicator {
		case 0:
			l.deny(RulePTP, adjtypes.GROUP_CODE_CO, "97", "", adjtypes.StepPTPIncluded, pair...)
			return nil
		case 1:
			mod := firstNCCIModifier(l.line)
			if mod == "" {
				mod = firstNCCIModifier(m)
			}
			if mod == "" {
				l.deny(RulePTP, adjtypes.GROUP_CODE_CO, "236", "", adjtypes.StepPTPNoModifier, pair...)
				return nil
			}
			notes = append(notes, adjtypes.NewStep(RulePTP, adjtypes.StepPTPBypassed, append(pair, mod)...))
		case 9:
			notes = append(notes, adjtypes.NewStep(RulePTP, adjtypes.StepPTPEditNotApplicable, pair...))
		default:
			return fmt.Errorf("PTP edit %s/%s version %d: unknown modifier indicator %d", m.Code, l.line.Code, e.Version, e.Row.ModifierIndicator)
		}
	}
	switch len(notes) {
	case 0:
		l.step(RulePTP, adjtypes.StepNoPTPEdit, l.line.Code, l.line.ServiceDate)
	case 1:
		l.step(RulePTP, adjtypes.StepTemplate(notes[0].Template), notes[0].Args...)
	default:
		// Several edits in one step: each in its own words without the full
		// stop, joined (rare: a line paired with several others).
		texts := make([]string, len(notes))
		for i, n := range notes {
			texts[i] = strings.TrimSuffix(n.Render(), ".")
		}
		l.step(RulePTP, adjtypes.StepPTPEdits, strings.Join(texts, "; "))
	}
	return nil
}
