package engine

import (
	"fmt"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Non-covered services.
//
//	R-NC-96   CO-96 (RARC N130)  code in terms.non_covered_codes (the plan excludes it)
//	R-NC-204  CO-204             code in no service category (the plan does not cover it)
//
// R-NC-204 also picks the line's service category: the first category, in the
// plan's order, whose codes hold the code. Cost sharing uses it.
//
// Scenarios (noncovered_test.go):
//
//	code   excluded     categories                  → result
//	99213  15780        office-visits 99202–99215   → passes, category office-visits
//	15780  15780        office-visits 99202–99215   → DENIED CO-96 N130
//	97110  -            office-visits 99202–99215   → DENIED CO-204
//	99213  -            a: 99213, b: 99202–99215    → passes, category a (first in plan order)

// Rule ids of noncovered.go.
const (
	RuleNonCovered = "R-NC-96"
	RuleNotInPlan  = "R-NC-204"
)

func checkNonCoveredCode(c *claimRun, l *lineRun) error {
	if i := findCode(l.line.Code, c.terms.NonCoveredCodes); i >= 0 {
		l.deny(RuleNonCovered, adjtypes.GROUP_CODE_CO, "96", "N130",
			fmt.Sprintf("Code %s is excluded by plan %s (excluded codes %s): non-covered charge (CO-96, N130: see the plan's benefit documents).",
				l.line.Code, c.in.Plan.PlanId, describeRange(c.terms.NonCoveredCodes[i])))
		return nil
	}
	l.step(RuleNonCovered, fmt.Sprintf("Code %s is not among the plan's excluded codes.", l.line.Code))
	return nil
}

func checkServiceCategory(c *claimRun, l *lineRun) error {
	for i := range c.terms.Categories {
		cat := &c.terms.Categories[i]
		if findCode(l.line.Code, cat.Codes) < 0 {
			continue
		}
		l.category = cat
		l.step(RuleNotInPlan, fmt.Sprintf("Covered: service category %s (%s).", cat.Id, c.describeCostSharing(cat.CostSharing)))
		return nil
	}
	l.deny(RuleNotInPlan, adjtypes.GROUP_CODE_CO, "204", "",
		fmt.Sprintf("Code %s is in no service category of plan %s: service not covered under the patient's current benefit plan (CO-204).",
			l.line.Code, c.in.Plan.PlanId))
	return nil
}

// describeCostSharing says what the member pays in a category.
func (c *claimRun) describeCostSharing(cs adjtypes.CostSharing) string {
	if nz(cs.Copay).IsPositive() {
		return "copay " + c.money(cs.Copay)
	}
	if cs.CoinsuranceBps == 0 {
		return "deductible, no coinsurance"
	}
	return "deductible, then " + formatBps(cs.CoinsuranceBps) + " coinsurance"
}
