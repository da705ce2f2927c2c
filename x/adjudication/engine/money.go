package engine

import (
	"fmt"
	"strconv"
	"strings"

	"cosmossdk.io/math"
)

// maxAmountBits bounds every amount the engine reads. 2^128 minor units is far
// beyond any real charge, and the bound keeps every product and sum the engine
// forms (rate × units, amount × basis points, sums over lines) well inside
// math.Int's 256 bits, whose arithmetic would otherwise panic on overflow.
const maxAmountBits = 128

// bpsDenominator is 100% in basis points.
const bpsDenominator = 10000

// nz returns x, or zero when x is nil (the zero value of math.Int).
func nz(x math.Int) math.Int {
	if x.IsNil() {
		return math.ZeroInt()
	}
	return x
}

// checkAmount validates an amount read from the input: nil counts as zero;
// negative or oversized amounts are refused.
func checkAmount(field string, x math.Int) (math.Int, error) {
	x = nz(x)
	if x.IsNegative() {
		return x, fmt.Errorf("%s is negative (%s)", field, x)
	}
	if x.BigIntMut().BitLen() > maxAmountBits {
		return x, fmt.Errorf("%s is out of range (more than %d bits)", field, maxAmountBits)
	}
	return x, nil
}

// minInt and maxInt are nil-safe minimum and maximum.
func minInt(a, b math.Int) math.Int { return math.MinInt(nz(a), nz(b)) }

func maxInt(a, b math.Int) math.Int { return math.MaxInt(nz(a), nz(b)) }

// subFloor returns a - b, or zero when b > a: what is left of a maximum.
func subFloor(a, b math.Int) math.Int { return maxInt(nz(a).Sub(nz(b)), math.ZeroInt()) }

// mulBpsFloor returns floor(x * bps / 10000) for x >= 0. This is the engine's
// one rounding rule: the member's share is rounded down to the minor unit and
// the plan pays the remainder (20% of 1001 cents is 200, not 200.2).
func mulBpsFloor(x math.Int, bps uint32) math.Int {
	// x is non-negative, so Quo (which truncates towards zero) is the floor.
	return nz(x).Mul(math.NewIntFromUint64(uint64(bps))).Quo(math.NewInt(bpsDenominator))
}

// formatMinor renders an amount of minor units as units.cents, assuming two
// decimal places: 8500 → "85.00", 5 → "0.05", -150 → "-1.50".
func formatMinor(x math.Int) string {
	x = nz(x)
	digits := x.Abs().String()
	if len(digits) < 3 {
		digits = strings.Repeat("0", 3-len(digits)) + digits
	}
	s := digits[:len(digits)-2] + "." + digits[len(digits)-2:]
	if x.IsNegative() {
		s = "-" + s
	}
	return s
}

// formatMoney renders an amount for an analyst: "$85.00" for US dollars (or
// when the denom is unknown), "85.00 eur" otherwise.
func formatMoney(denom string, x math.Int) string {
	switch strings.ToLower(denom) {
	case "", "usd":
		return "$" + formatMinor(x)
	default:
		return formatMinor(x) + " " + denom
	}
}

// formatBps renders basis points as a percentage: 2000 → "20%", 2050 → "20.5%", 1 → "0.01%".
func formatBps(bps uint32) string {
	whole := strconv.FormatUint(uint64(bps/100), 10)
	frac := bps % 100
	switch {
	case frac == 0:
		return whole + "%"
	case frac%10 == 0:
		return whole + "." + strconv.FormatUint(uint64(frac/10), 10) + "%"
	default:
		return fmt.Sprintf("%s.%02d%%", whole, frac)
	}
}
