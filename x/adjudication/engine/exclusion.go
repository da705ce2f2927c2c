package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// OIG exclusion (LEIE): no payment for services of an excluded party.
//
//	R-EXCL-185  CO-185  the line's rendering NPI is excluded on the line's date
//	                    (rendering provider not eligible to perform the service)
//	R-EXCL-B7   CO-B7   Input.BillingNPI is excluded on the line's date
//	                    (provider not eligible to be paid for this procedure on this date)
//
// The keeper looks up every rendering NPI and the billing NPI in x/refdata for
// each date of service and passes the answers as Reference.Exclusions; the
// exclusion window, reinstatement and waiver were applied there (Excluded).
// The rule reads the first check, in slice order, for the NPI and date that
// says Excluded; no check, or only checks that are not excluded, passes. An
// empty NPI (a line before care has no rendering NPI) is not checked.
// The rendering provider is checked first. Applies to every use: a
// preauthorization or estimate for an excluded provider is denied too.
//
// Scenarios (exclusion_test.go):
//
//	rendering NPI       billing NPI         → result
//	no check            no check            → passes
//	excluded on DOS     -                   → DENIED CO-185
//	not excluded        -                   → passes (cites the table version)
//	excluded elsewhere  -                   → passes (check is for another date)
//	-                   excluded on DOS     → DENIED CO-B7
//	excluded on DOS     excluded on DOS     → DENIED CO-185 (rendering first)
//	preauthorization, rendering excluded    → DENIED CO-185

// Rule ids of exclusion.go.
const (
	RuleExclRendering = "R-EXCL-185"
	RuleExclBilling   = "R-EXCL-B7"
)

// findExclusion returns the first exclusion check of npi on date that says the
// NPI is excluded, else the first check of npi on date, else nil.
func findExclusion(checks []ExclusionCheck, npi, date string) *ExclusionCheck {
	var first *ExclusionCheck
	for i := range checks {
		e := &checks[i]
		if e.NPI != npi || e.Date != date {
			continue
		}
		if e.Excluded {
			return e
		}
		if first == nil {
			first = e
		}
	}
	return first
}

func checkExclusion(c *claimRun, l *lineRun) error {
	date := l.line.ServiceDate
	checks := c.in.Reference.Exclusions
	if npi := l.line.RenderingNpi; npi != "" {
		e := findExclusion(checks, npi, date)
		if e != nil && e.Excluded {
			l.deny(RuleExclRendering, adjtypes.GROUP_CODE_CO, "185", "", adjtypes.StepRenderingExcluded,
				npi, date, e.Row.ExclusionDate, itoa(e.Version))
			return nil
		}
		if e == nil {
			l.step(RuleExclRendering, adjtypes.StepRenderingNoExclusion, npi, date)
		} else {
			l.step(RuleExclRendering, adjtypes.StepRenderingNotExcluded, npi, date, itoa(e.Version))
		}
	}
	if npi := c.in.BillingNPI; npi != "" {
		e := findExclusion(checks, npi, date)
		if e != nil && e.Excluded {
			l.deny(RuleExclBilling, adjtypes.GROUP_CODE_CO, "B7", "", adjtypes.StepBillingExcluded,
				npi, date, e.Row.ExclusionDate, itoa(e.Version))
			return nil
		}
		if e == nil {
			l.step(RuleExclBilling, adjtypes.StepBillingNoExclusion, npi, date)
		} else {
			l.step(RuleExclBilling, adjtypes.StepBillingNotExcluded, npi, date, itoa(e.Version))
		}
	}
	return nil
}
