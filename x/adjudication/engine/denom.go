package engine

import (
	"strconv"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Billing currency: the plan's amounts are in one denom; a line billed in
// another cannot be priced.
//
//	R-DENOM-16  CO-16 (RARC MA130)  line billed denom != plan terms denom
//
// Scenarios (denom_test.go):
//
//	plan denom  billed denom  → result
//	usd         usd           → passes
//	usd         eur           → DENIED CO-16 MA130, billed amount
//
// The comparison is exact (denoms are case-sensitive on chain).

// RuleDenom is the rule id of denom.go.
const RuleDenom = "R-DENOM-16"

func checkDenom(c *claimRun, l *lineRun) error {
	if l.line.Billed.Denom != c.terms.Denom {
		l.deny(RuleDenom, adjtypes.GROUP_CODE_CO, "16", "MA130", adjtypes.StepDenomMismatch,
			strconv.Quote(l.line.Billed.Denom), c.in.Plan.PlanId, strconv.Quote(c.terms.Denom))
		return nil
	}
	l.step(RuleDenom, adjtypes.StepDenomMatch, c.terms.Denom)
	return nil
}
