package engine

import (
	"fmt"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Add-on codes (AOC): an add-on code is paid only with its primary procedure
// by the same practitioner for the same patient on the same date.
//
//	R-AOC-107  CO-107  the add-on's primary is not on this claim
//
// The AOC row is the first Reference.AddOn entry, in slice order, with the
// line's code and date; no row means the code is not an add-on code. Type 1
// or 3 with primary codes listed: another line of this claim with the same
// date and rendering NPI must bill one of the primary codes. Type 2 (no
// primaries defined; also type 1/3 rows that list none): another line with the
// same date and rendering NPI must bill a code that is not itself an add-on
// code on that date. The other line counts as billed whatever its own outcome.
// Applies to use=claim and predetermination, not to preauthorization.
//
// Scenarios (add_on_test.go), add-on 11045:
//
//	type  primaries     other lines (same date, NPI)  → result
//	1     11042         11042                         → passes
//	1     11042         -                             → DENIED CO-107
//	1     11042         99213                         → DENIED CO-107
//	1     11042         11042 on another date         → DENIED CO-107
//	1     11042         11042, another NPI            → DENIED CO-107
//	3     11042, 11043  11043                         → passes
//	2     -             99213                         → passes
//	2     -             -                             → DENIED CO-107
//	2     -             11046 (also an add-on)        → both DENIED CO-107
//	preauthorization, type 1, alone                   → not checked

// RuleAddOn is the rule id of add_on.go.
const RuleAddOn = "R-AOC-107"

func findAddOn(edits []AddOnEdit, code, date string) *AddOnEdit {
	for i := range edits {
		e := &edits[i]
		if e.Date == date && e.Row.AddOnCode == code {
			return e
		}
	}
	return nil
}

func checkAddOn(c *claimRun, l *lineRun) error {
	code, date := l.line.Code, l.line.ServiceDate
	e := findAddOn(c.in.Reference.AddOn, code, date)
	if e == nil {
		l.step(RuleAddOn, adjtypes.StepNotAddOn, code, date)
		return nil
	}
	if e.Row.Type < 1 || e.Row.Type > 3 {
		return fmt.Errorf("add-on code %s version %d: unknown type %d", code, e.Version, e.Row.Type)
	}
	typ, version := itoa(e.Row.Type), itoa(e.Version)
	primaries := e.Row.PrimaryCodes
	lines := c.in.Claim.Lines
	for i := range lines {
		m := &lines[i]
		if m.Sequence == l.line.Sequence || !sameEncounter(m, l.line) {
			continue
		}
		if len(primaries) > 0 {
			if containsString(primaries, m.Code) {
				l.step(RuleAddOn, adjtypes.StepAddOnPrimaryBilled, code, typ, version, m.Code, itoa(m.Sequence))
				return nil
			}
			continue
		}
		if findAddOn(c.in.Reference.AddOn, m.Code, date) == nil {
			l.step(RuleAddOn, adjtypes.StepAddOnProcedureBilled, code, typ, version, m.Code, itoa(m.Sequence))
			return nil
		}
	}
	if len(primaries) > 0 {
		l.deny(RuleAddOn, adjtypes.GROUP_CODE_CO, "107", "", adjtypes.StepAddOnNoPrimary, code, typ, version, date, strings.Join(primaries, ", "))
		return nil
	}
	l.deny(RuleAddOn, adjtypes.GROUP_CODE_CO, "107", "", adjtypes.StepAddOnNoProcedure, code, typ, version, date)
	return nil
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
