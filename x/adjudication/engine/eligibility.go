package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Eligibility: is the patient our insured, and was the care inside the
// coverage period?
//
//	R-ELIG-31  CO-31  no coverage with this insurer, or no plan version in force
//	R-ELIG-26  PR-26  date of service before coverage.start_date
//	R-ELIG-27  PR-27  date of service after coverage.end_date (inclusive last day; "" = open-ended)
//
// Scenarios (eligibility_test.go):
//
//	coverage  plan  start       end         date of service  → result
//	none      -     -           -           2024-03-01       → DENIED CO-31, billed amount
//	yes       none  2024-01-01  -           2024-03-01       → DENIED CO-31
//	yes       yes   2024-04-01  -           2024-03-01       → DENIED PR-26 (patient responsibility)
//	yes       yes   2024-01-01  2024-02-29  2024-03-01       → DENIED PR-27 (patient responsibility)
//	yes       yes   2024-01-01  2024-03-01  2024-03-01       → passes (end date is covered)
//	yes       yes   2024-03-01  -           2024-03-01       → passes (start date is covered)
//
// PR-26/27 are patient responsibility (the member owes the provider) but are
// not covered care, so they count towards neither deductible nor out-of-pocket.

// Rule ids of eligibility.go.
const (
	RuleNotInsured     = "R-ELIG-31"
	RuleBeforeCoverage = "R-ELIG-26"
	RuleAfterCoverage  = "R-ELIG-27"
)

func checkInsured(c *claimRun, l *lineRun) error {
	switch {
	case c.in.Coverage == nil:
		l.deny(RuleNotInsured, adjtypes.GROUP_CODE_CO, "31", "", adjtypes.StepNoCoverage)
	case c.in.Plan == nil || c.terms == nil:
		l.deny(RuleNotInsured, adjtypes.GROUP_CODE_CO, "31", "", adjtypes.StepNoPlanInForce, c.in.Coverage.PlanId, c.earliest)
	default:
		l.step(RuleNotInsured, adjtypes.StepInsured, c.in.Plan.PlanId, itoa(c.in.Plan.Version), itoa(c.planYear))
	}
	return nil
}

func checkCoverageStart(c *claimRun, l *lineRun) error {
	cov := c.in.Coverage
	if l.line.ServiceDate < cov.StartDate {
		l.deny(RuleBeforeCoverage, adjtypes.GROUP_CODE_PR, "26", "", adjtypes.StepBeforeCoverage,
			l.line.ServiceDate, cov.StartDate, c.money(l.billed))
		return nil
	}
	l.step(RuleBeforeCoverage, adjtypes.StepAfterCoverageStart, l.line.ServiceDate, cov.StartDate)
	return nil
}

func checkCoverageEnd(c *claimRun, l *lineRun) error {
	cov := c.in.Coverage
	if cov.EndDate == "" {
		l.step(RuleAfterCoverage, adjtypes.StepNoCoverageEnd)
		return nil
	}
	if l.line.ServiceDate > cov.EndDate && cov.TerminationReason == adjtypes.TERMINATION_REASON_DECEASED {
		l.deny(RuleDeceased, adjtypes.GROUP_CODE_CO, "13", "", adjtypes.StepDeceased, l.line.ServiceDate, cov.EndDate)
		return nil
	}
	if l.line.ServiceDate > cov.EndDate {
		l.deny(RuleAfterCoverage, adjtypes.GROUP_CODE_PR, "27", "", adjtypes.StepAfterCoverage,
			l.line.ServiceDate, cov.EndDate, c.money(l.billed))
		return nil
	}
	l.step(RuleAfterCoverage, adjtypes.StepBeforeCoverageEnd, l.line.ServiceDate, cov.EndDate)
	return nil
}
