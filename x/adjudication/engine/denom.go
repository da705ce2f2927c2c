package engine

import (
	"fmt"

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
		l.deny(RuleDenom, adjtypes.GROUP_CODE_CO, "16", "MA130",
			fmt.Sprintf("Billed in %q but plan %s pays in %q: claim has a billing error (CO-16, MA130).",
				l.line.Billed.Denom, c.in.Plan.PlanId, c.terms.Denom))
		return nil
	}
	l.step(RuleDenom, fmt.Sprintf("Billed in %s, the plan's currency.", c.terms.Denom))
	return nil
}
