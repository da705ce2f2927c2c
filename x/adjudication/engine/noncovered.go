package engine

import (
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
		l.deny(RuleNonCovered, adjtypes.GROUP_CODE_CO, "96", "N130", adjtypes.StepCodeExcluded,
			l.line.Code, c.in.Plan.PlanId, describeRange(c.terms.NonCoveredCodes[i]))
		return nil
	}
	l.step(RuleNonCovered, adjtypes.StepCodeNotExcluded, l.line.Code)
	return nil
}

func checkServiceCategory(c *claimRun, l *lineRun) error {
	for i := range c.terms.Categories {
		cat := &c.terms.Categories[i]
		if findCode(l.line.Code, cat.Codes) < 0 {
			continue
		}
		l.category = cat
		// Say what the member pays in the category.
		switch cs := cat.CostSharing; {
		case nz(cs.Copay).IsPositive():
			l.step(RuleNotInPlan, adjtypes.StepCategoryCopay, cat.Id, c.money(cs.Copay))
		case cs.CoinsuranceBps == 0:
			l.step(RuleNotInPlan, adjtypes.StepCategoryDeductible, cat.Id)
		default:
			l.step(RuleNotInPlan, adjtypes.StepCategoryCoinsurance, cat.Id, formatBps(cs.CoinsuranceBps))
		}
		return nil
	}
	l.deny(RuleNotInPlan, adjtypes.GROUP_CODE_CO, "204", "", adjtypes.StepNoCategory, l.line.Code, c.in.Plan.PlanId)
	return nil
}
