package engine

import (
	"fmt"
	"strconv"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Demographic edits (Medicare Code Editor style), from the coverage's birth
// year and sex only — no date of birth is on chain:
//
//	R-DEMO-13  CO-13  service after coverage ended because the member died
//	                  (eligibility.go, in place of PR-27)
//	R-DEMO-14  CO-14  date of service in a year before the member's birth year
//	R-DEMO-6   CO-6   procedure inconsistent with the member's age (age/sex table)
//	R-DEMO-7   CO-7   procedure inconsistent with the member's sex (age/sex table)
//
// Age is the year of the date of service minus the birth year (a member
// recorded as 90+ is 90), so it can be one year high; the age/sex table's
// bands are checked inclusively: min_age <= age and (max_age == 0 or age <=
// max_age). A sex limit ("F"/"M") denies only a member recorded with the other
// sex; SEX_UNKNOWN is never denied. Applies to every use.
//
// Scenarios (demographic_test.go):
//
//	birth year  DOS year  age/sex row           member         → result
//	1980        2025      -                     F              → passes
//	2026        2025      -                     F              → DENIED CO-14
//	1980        2025      code, 0..17           F              → DENIED CO-6 (age 45)
//	90+         2025      code, 65..0           F              → passes (age 90)
//	1980        2025      code, sex F           M              → DENIED CO-7
//	1980        2025      code, sex F           unknown        → passes

// Rule ids of demographic.go.
const (
	RuleDeceased  = "R-DEMO-13"
	RuleBirthYear = "R-DEMO-14"
	RuleAge       = "R-DEMO-6"
	RuleSex       = "R-DEMO-7"
)

func checkDemographics(c *claimRun, l *lineRun) error {
	cov := c.in.Coverage
	date := l.line.ServiceDate
	year, err := strconv.Atoi(date[:4])
	if err != nil {
		return fmt.Errorf("line %d: service date %q", l.line.Sequence, date)
	}
	age := 90
	if !cov.Aged_90Plus {
		if year < int(cov.BirthYear) {
			l.deny(RuleBirthYear, adjtypes.GROUP_CODE_CO, "14", "", adjtypes.StepBeforeBirthYear, date, itoa(cov.BirthYear))
			return nil
		}
		age = min(year-int(cov.BirthYear), 90)
	}
	var row *AgeSexEdit
	for i := range c.in.Reference.AgeSex {
		e := &c.in.Reference.AgeSex[i]
		if e.Row.Code == l.line.Code && e.Date == date {
			row = e
			break
		}
	}
	if row == nil {
		l.step(RuleAge, adjtypes.StepNoAgeSexLimit, l.line.Code)
		return nil
	}
	if age < int(row.Row.MinAge) || (row.Row.MaxAge > 0 && age > int(row.Row.MaxAge)) {
		if row.Row.MaxAge == 0 {
			l.deny(RuleAge, adjtypes.GROUP_CODE_CO, "6", "", adjtypes.StepAgeBelowMinimum,
				l.line.Code, itoa(row.Row.MinAge), itoa(row.Version), itoa(age), itoa(year))
			return nil
		}
		l.deny(RuleAge, adjtypes.GROUP_CODE_CO, "6", "", adjtypes.StepAgeOutsideBand,
			l.line.Code, itoa(row.Row.MinAge), itoa(row.Row.MaxAge), itoa(row.Version), itoa(age), itoa(year))
		return nil
	}
	member := map[adjtypes.Sex]string{adjtypes.SEX_FEMALE: "F", adjtypes.SEX_MALE: "M"}[cov.Sex]
	if row.Row.Sex != "" && member != "" && member != row.Row.Sex {
		l.deny(RuleSex, adjtypes.GROUP_CODE_CO, "7", "", adjtypes.StepSexMismatch, l.line.Code, row.Row.Sex, itoa(row.Version), member)
		return nil
	}
	l.step(RuleAge, adjtypes.StepAgeSexFit, l.line.Code, itoa(age), itoa(row.Version))
	return nil
}
