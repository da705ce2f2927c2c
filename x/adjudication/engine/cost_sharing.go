package engine

import (
	"errors"

	sdkmath "cosmossdk.io/math"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Cost sharing: what the member pays of the allowed amount, by the line's
// service category (the first category, in plan order, holding the code).
//
//	R-COPAY-3  PR-3  category copay > 0: copay = min(copay, allowed), per line;
//	                 the deductible is waived and there is no coinsurance
//	R-DED-1    PR-1  otherwise: deductible = min(allowed, annual_deductible -
//	                 deductible met), the met amount being the accumulator's plus
//	                 this claim's earlier approved lines
//	R-COINS-2  PR-2  then coinsurance = floor((allowed - deductible) × bps / 10000)
//	R-OOP            the member's share on the line (PR-1 + PR-2 + PR-3) is capped
//	                 at out_of_pocket_max - out-of-pocket spent (accumulator plus
//	                 earlier lines); the excess comes off coinsurance and copay
//	                 first, then off the deductible
//
// benefit = allowed - member share. Zero amounts are not recorded as
// adjustments. Rounding: only coinsurance divides, and it rounds down, so the
// member never pays a fraction of a cent more than the rate and the plan pays
// the rest. The deductible, copay and coinsurance all count towards the
// out-of-pocket maximum; a maximum of 0 is taken literally (the member pays
// nothing). Cost sharing never denies a line: an approved line whose whole
// allowed amount goes to the deductible is APPROVED with benefit 0.
//
// Scenarios (cost_sharing_test.go), amounts in dollars:
//
//	allowed  category         deductible left  oop left  → PR-1   PR-2   PR-3   benefit
//	100.00   copay 25         500              5000      → -      -      25.00  75.00
//	20.00    copay 25         500              5000      → -      -      20.00  0
//	300.00   20% coinsurance  0                5000      → -      60.00  -      240.00
//	300.00   20% coinsurance  250              5000      → 250.00 10.00  -      40.00
//	200.00   20% coinsurance  500              5000      → 200.00 -      -      0
//	10.01    20% coinsurance  0                5000      → -      2.00   -      8.01 (rounded down)
//	300.00   20% coinsurance  250              255       → 250.00 5.00   -      45.00 (OOP cap)
//	300.00   20% coinsurance  250              100       → 100.00 -      -      200.00 (OOP cap)

// Rule ids of cost_sharing.go.
const (
	RuleDeductible  = "R-DED-1"
	RuleCoinsurance = "R-COINS-2"
	RuleCopay       = "R-COPAY-3"
	RuleOutOfPocket = "R-OOP"
)

func applyCostSharing(c *claimRun, l *lineRun) error {
	if l.category == nil {
		return errors.New("cost sharing reached without a service category")
	}
	cat := l.category
	cs := cat.CostSharing
	allowed := l.allowed
	zero := sdkmath.ZeroInt()
	deductible, coinsurance, copay := zero, zero, zero

	copayTerm := nz(cs.Copay)
	if copayTerm.IsPositive() {
		copay = minInt(copayTerm, allowed)
		if copay.LT(copayTerm) {
			l.step(RuleCopay, adjtypes.StepCopayLimited, c.money(copayTerm), cat.Id, c.money(allowed))
		} else {
			l.step(RuleCopay, adjtypes.StepCopay, c.money(copayTerm), cat.Id)
		}
	} else {
		annual := nz(c.terms.AnnualDeductible)
		left := subFloor(annual, c.deductibleMet)
		deductible = minInt(allowed, left)
		switch {
		case annual.IsZero():
			l.step(RuleDeductible, adjtypes.StepNoDeductible)
		case left.IsZero():
			l.step(RuleDeductible, adjtypes.StepDeductibleMet, c.money(annual), itoa(c.planYear))
		default:
			l.step(RuleDeductible, adjtypes.StepDeductible,
				c.money(deductible), c.money(left.Sub(deductible)), c.money(annual), itoa(c.planYear))
		}

		base := allowed.Sub(deductible)
		coinsurance = mulBpsFloor(base, cs.CoinsuranceBps)
		switch {
		case cs.CoinsuranceBps == 0:
			l.step(RuleCoinsurance, adjtypes.StepNoCoinsurance, cat.Id)
		case base.IsZero():
			l.step(RuleCoinsurance, adjtypes.StepNothingForCoinsurance, formatBps(cs.CoinsuranceBps))
		default:
			t := adjtypes.StepCoinsurance
			if !base.Mul(sdkmath.NewIntFromUint64(uint64(cs.CoinsuranceBps))).Mod(sdkmath.NewInt(bpsDenominator)).IsZero() {
				t = adjtypes.StepCoinsuranceRounded
			}
			l.step(RuleCoinsurance, t, formatBps(cs.CoinsuranceBps), c.money(base), c.money(coinsurance))
		}
	}

	// R-OOP: cap the member's share at what is left of the out-of-pocket maximum.
	oopMax := nz(c.terms.OutOfPocketMax)
	oopLeft := subFloor(oopMax, c.oopSpent)
	share := deductible.Add(coinsurance).Add(copay)
	if share.GT(oopLeft) {
		before := share
		excess := share.Sub(oopLeft)
		cut := minInt(coinsurance, excess)
		coinsurance, excess = coinsurance.Sub(cut), excess.Sub(cut)
		cut = minInt(copay, excess)
		copay, excess = copay.Sub(cut), excess.Sub(cut)
		cut = minInt(deductible, excess)
		deductible = deductible.Sub(cut)
		share = deductible.Add(coinsurance).Add(copay)
		l.step(RuleOutOfPocket, adjtypes.StepOutOfPocketReached,
			c.money(oopMax), c.money(c.oopSpent), itoa(c.planYear), c.money(share), c.money(before),
			c.money(allowed.Sub(share)), c.money(share))
	} else {
		l.step(RuleOutOfPocket, adjtypes.StepOutOfPocket,
			c.money(allowed.Sub(share)), c.money(share), c.money(c.oopSpent.Add(share)), c.money(oopMax), itoa(c.planYear))
	}

	l.adjust(RuleDeductible, adjtypes.GROUP_CODE_PR, "1", deductible)
	l.adjust(RuleCoinsurance, adjtypes.GROUP_CODE_PR, "2", coinsurance)
	l.adjust(RuleCopay, adjtypes.GROUP_CODE_PR, "3", copay)
	l.deductible, l.coinsurance, l.copay = deductible, coinsurance, copay
	return nil
}
