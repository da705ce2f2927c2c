package engine

import (
	"fmt"

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
		l.deny(RuleNotInsured, adjtypes.GROUP_CODE_CO, "31", "",
			"The member has no coverage with this insurer: patient cannot be identified as our insured (CO-31).")
	case c.in.Plan == nil || c.terms == nil:
		l.deny(RuleNotInsured, adjtypes.GROUP_CODE_CO, "31", "",
			fmt.Sprintf("No version of plan %s is in force on %s: patient cannot be identified as our insured (CO-31).",
				c.in.Coverage.PlanId, c.earliest))
	default:
		l.step(RuleNotInsured, fmt.Sprintf("Insured: plan %s version %d applies (plan year %d).",
			c.in.Plan.PlanId, c.in.Plan.Version, c.planYear))
	}
	return nil
}

func checkCoverageStart(c *claimRun, l *lineRun) error {
	cov := c.in.Coverage
	if l.line.ServiceDate < cov.StartDate {
		l.deny(RuleBeforeCoverage, adjtypes.GROUP_CODE_PR, "26", "",
			fmt.Sprintf("Date of service %s is before coverage started on %s: expenses incurred before coverage (PR-26); the member owes %s.",
				l.line.ServiceDate, cov.StartDate, c.money(l.billed)))
		return nil
	}
	l.step(RuleBeforeCoverage, fmt.Sprintf("Date of service %s is on or after the coverage start %s.", l.line.ServiceDate, cov.StartDate))
	return nil
}

func checkCoverageEnd(c *claimRun, l *lineRun) error {
	cov := c.in.Coverage
	if cov.EndDate == "" {
		l.step(RuleAfterCoverage, "Coverage has no end date.")
		return nil
	}
	if l.line.ServiceDate > cov.EndDate && cov.TerminationReason == adjtypes.TERMINATION_REASON_DECEASED {
		l.deny(RuleDeceased, adjtypes.GROUP_CODE_CO, "13", "",
			fmt.Sprintf("Date of service %s is after the member's coverage ended on %s because the member died: date of death precedes date of service (CO-13).",
				l.line.ServiceDate, cov.EndDate))
		return nil
	}
	if l.line.ServiceDate > cov.EndDate {
		l.deny(RuleAfterCoverage, adjtypes.GROUP_CODE_PR, "27", "",
			fmt.Sprintf("Date of service %s is after coverage ended on %s: expenses incurred after coverage terminated (PR-27); the member owes %s.",
				l.line.ServiceDate, cov.EndDate, c.money(l.billed)))
		return nil
	}
	l.step(RuleAfterCoverage, fmt.Sprintf("Date of service %s is on or before the coverage end %s.", l.line.ServiceDate, cov.EndDate))
	return nil
}
