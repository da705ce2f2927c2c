package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Timely filing: a bill must arrive within the plan's window after the date
// of service.
//
//	R-TF-29  CO-29  use=claim, timely_filing_days > 0 and
//	                days(service_date → received date) > timely_filing_days
//
// Days are whole calendar days between two YYYY-MM-DD dates read as midnight
// UTC (time.Parse, never the clock). The last day of the window is still in
// time. timely_filing_days = 0 means the plan sets no limit. Pre-service
// requests (preauthorization, predetermination) are not bills and are not
// checked.
//
// Scenarios (timely_filing_test.go):
//
//	limit  date of service  received    days  → result
//	90     2024-01-01       2024-03-31  90    → passes (last day)
//	90     2024-01-01       2024-04-01  91    → DENIED CO-29
//	0      2020-01-01       2024-04-01  1552  → passes (no limit)
//	90     2024-01-01       2024-12-31  365   → not checked for a predetermination

// RuleTimelyFiling is the rule id of timely_filing.go.
const RuleTimelyFiling = "R-TF-29"

func timelyFilingApplies(use claimstypes.ClaimUse) bool {
	return use == claimstypes.CLAIM_USE_CLAIM
}

func timelyFilingNotApplicable(use claimstypes.ClaimUse) (adjtypes.StepTemplate, []string) {
	return adjtypes.StepTimelyFilingNotApplicable, []string{useName(use)}
}

func checkTimelyFiling(c *claimRun, l *lineRun) error {
	limit := c.terms.TimelyFilingDays
	if limit == 0 {
		l.step(RuleTimelyFiling, adjtypes.StepNoFilingDeadline)
		return nil
	}
	days := daysBetween(l.service, c.received)
	if days > int64(limit) {
		l.deny(RuleTimelyFiling, adjtypes.GROUP_CODE_CO, "29", "", adjtypes.StepFiledLate,
			c.received.Format(dateLayout), itoa(days), l.line.ServiceDate, itoa(limit))
		return nil
	}
	l.step(RuleTimelyFiling, adjtypes.StepFiledInTime, itoa(max(days, 0)), itoa(limit))
	return nil
}
