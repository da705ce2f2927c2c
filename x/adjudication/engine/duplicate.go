package engine

import (
	"fmt"
	"slices"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Duplicate claim lines: the same service billed again on a later claim,
// through another attestation (billing one attested line twice is refused at
// submission).
//
//	R-DUP-18  OA-18  exact duplicate: an earlier line (Input.History) of the
//	                 same member, rendering NPI and date of service with the
//	                 same code, modifiers (in any order), units and billed amount
//	R-DUP-18  pend   near duplicate: same member, rendering NPI, date and code,
//	                 but other units, amount or modifiers, and this line carries
//	                 no repeat-procedure modifier (76, 77, 91): the claim is
//	                 PENDED for the insurer's review; the line is not denied
//
// Input.History holds the earlier claims' lines that are paid, payable or
// pending (denied lines and voided claims are not there), gathered by the
// keeper per member, rendering NPI and date of service. The lines of the claim
// itself are not compared with each other: several lines of one code on one
// date are normal (the MUE edit limits their units). The first exact match,
// in history order, denies the line. Applies to use=claim only: a request
// before care duplicates nothing.
//
// Scenarios (duplicate_test.go), earlier line 99213 x1 $120.00, NPI A, 03-02:
//
//	this line                                 → result
//	99213 x1 $120.00, NPI A, 03-02            → DENIED OA-18
//	99213 x1 $120.00 modifiers in other order → DENIED OA-18
//	99213 x2 $240.00                          → approved, claim PENDED
//	99213 x1 $110.00                          → approved, claim PENDED
//	99213 x1 $120.00 modifier 76              → passes (repeat procedure)
//	99213 on another date / NPI               → passes
//	99214 same day                            → passes

// RuleDuplicate is the rule id of duplicate.go.
const RuleDuplicate = "R-DUP-18"

// repeatModifiers say a service was really repeated on the same day: 76
// (repeat by the same physician), 77 (by another physician), 91 (repeat
// clinical laboratory test).
var repeatModifiers = []string{"76", "77", "91"}

func duplicatesApply(use claimstypes.ClaimUse) bool { return use == claimstypes.CLAIM_USE_CLAIM }

func duplicatesNotApplicable(claimstypes.ClaimUse) (adjtypes.StepTemplate, []string) {
	return adjtypes.StepDuplicateNotApplicable, nil
}

// sameModifiers compares two modifier lists as sets in any order.
func sameModifiers(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func checkDuplicate(c *claimRun, l *lineRun) error {
	line := l.line
	var near *adjtypes.HistoryLine
	for i := range c.in.History {
		h := &c.in.History[i]
		if h.ServiceDate != line.ServiceDate || h.RenderingNpi != line.RenderingNpi || h.Code != line.Code || h.ClaimId == c.in.Claim.Id {
			continue
		}
		if sameModifiers(h.Modifiers, line.Modifiers) && h.Units == line.Units && nz(h.Billed).Equal(l.billed) {
			l.deny(RuleDuplicate, adjtypes.GROUP_CODE_OA, "18", "", adjtypes.StepDuplicate,
				h.ClaimId, itoa(h.Sequence), line.RenderingNpi, line.ServiceDate, line.Code, billedText(line.Units, c.money(l.billed), line.Modifiers))
			return nil
		}
		if near == nil {
			near = h
		}
	}
	if near == nil {
		if line.RenderingNpi != "" {
			l.step(RuleDuplicate, adjtypes.StepNoDuplicateByNPI, line.Code, line.ServiceDate, line.RenderingNpi)
		} else {
			l.step(RuleDuplicate, adjtypes.StepNoDuplicate, line.Code, line.ServiceDate)
		}
		return nil
	}
	for _, m := range line.Modifiers {
		if slices.Contains(repeatModifiers, m) {
			l.step(RuleDuplicate, adjtypes.StepRepeatProcedure,
				near.ClaimId, itoa(near.Sequence), line.Code, line.ServiceDate, line.RenderingNpi, m)
			return nil
		}
	}
	args := []string{itoa(line.Sequence), near.ClaimId, itoa(near.Sequence), line.Code, line.ServiceDate, line.RenderingNpi,
		billedText(line.Units, c.money(l.billed), line.Modifiers), billedText(near.Units, c.money(nz(near.Billed)), near.Modifiers)}
	l.step(RuleDuplicate, adjtypes.StepNearDuplicate, args...)
	c.pend(RuleDuplicate, adjtypes.StepNearDuplicate, args...)
	return nil
}

// billedText says how a line was billed: "2 units, $240.00, modifiers 25 GT".
func billedText(units uint32, amount string, mods []string) string {
	u := "units"
	if units == 1 {
		u = "unit"
	}
	m := "no modifiers"
	if len(mods) > 0 {
		m = "modifiers " + strings.Join(mods, " ")
	}
	return fmt.Sprintf("%d %s, %s, %s", units, u, amount, m)
}
