package engine

import (
	"sort"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Benefit limits: services (units) of a code group per plan year.
//
//	R-LIM-119  CO-119  for a limit whose codes hold the line's code:
//	                   used (accumulator + earlier approved lines of this claim)
//	                   + line units > max_services
//
// Every matching limit is checked; the first exceeded one (plan order) denies
// the line. A passing line records one LimitUse{limit_id, units} per matching
// limit id, sorted by id; two limits sharing an id share one counter.
// max_services = 0 is taken literally: no service is covered. The check is the
// same for every use; only use=claim writes the units to the accumulator.
// Units are all or nothing: a line that would cross the limit is denied whole,
// it is not cut down to the units left.
//
// Scenarios (benefit_limit_test.go):
//
//	limit               accumulator  earlier lines  line units  → result
//	physio 97110, 20    18           0              2           → passes, LimitUse{physio, 2}
//	physio 97110, 20    19           0              2           → DENIED CO-119
//	physio 97110, 20    17           2              2           → DENIED CO-119
//	physio 97110, 20    -            -              1 (99213)   → passes, no limit applies

// RuleBenefitLimit is the rule id of benefit_limit.go.
const RuleBenefitLimit = "R-LIM-119"

func checkBenefitLimits(c *claimRun, l *lineRun) error {
	units := uint64(l.line.Units)
	var uses []adjtypes.LimitUse
	var within [][3]string // limit id, used with this line, maximum
	for _, lim := range c.terms.BenefitLimits {
		if findCode(l.line.Code, lim.Codes) < 0 {
			continue
		}
		used := c.limitUsed[lim.Id]
		if used+units > uint64(lim.MaxServices) {
			l.deny(RuleBenefitLimit, adjtypes.GROUP_CODE_CO, "119", "", adjtypes.StepLimitReached,
				lim.Id, itoa(lim.MaxServices), itoa(used), itoa(units))
			return nil
		}
		if hasLimit(uses, lim.Id) {
			continue
		}
		uses = append(uses, adjtypes.LimitUse{LimitId: lim.Id, Units: l.line.Units})
		within = append(within, [3]string{lim.Id, itoa(used + units), itoa(lim.MaxServices)})
	}
	if len(uses) == 0 {
		l.step(RuleBenefitLimit, adjtypes.StepNoLimit, l.line.Code)
		return nil
	}
	sort.Slice(uses, func(i, j int) bool { return uses[i].LimitId < uses[j].LimitId })
	l.limitUses = uses
	if len(within) == 1 {
		l.step(RuleBenefitLimit, adjtypes.StepWithinLimit, within[0][:]...)
		return nil
	}
	items := make([]string, len(within))
	for i, w := range within {
		items[i] = w[0] + " " + w[1] + " of " + w[2] + " with this line"
	}
	l.step(RuleBenefitLimit, adjtypes.StepWithinLimits, strings.Join(items, "; "))
	return nil
}

func hasLimit(uses []adjtypes.LimitUse, id string) bool {
	for _, u := range uses {
		if u.LimitId == id {
			return true
		}
	}
	return false
}
