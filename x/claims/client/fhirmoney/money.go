// Package fhirmoney writes and reads FHIR Money from integer minor units
// exactly, with ISO 4217 minor-unit exponents. It is shared by the FHIR exports
// (ClaimResponse, PaymentReconciliation) and the FHIR Claim import, so every
// FHIR amount claimchain writes follows one rule. No float64 anywhere.
package fhirmoney

import (
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/fastenhealth/gofhir-models/fhir401"

	sdkmath "cosmossdk.io/math"
)

// CurrencyCode matches an ISO 4217 code: the upper-cased denom.
var CurrencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// zeroDecimal and threeDecimal list the ISO 4217 currencies whose minor unit
// is not a hundredth.
var (
	zeroDecimal  = []string{"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"}
	threeDecimal = []string{"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
)

// MinorExponent is the number of decimal places of a currency's minor unit.
func MinorExponent(currency string) int {
	switch {
	case slices.Contains(zeroDecimal, currency):
		return 0
	case slices.Contains(threeDecimal, currency):
		return 3
	}
	return 2
}

// MinorUnits is amount as a new big.Int; a nil amount is zero.
func MinorUnits(amount sdkmath.Int) *big.Int {
	if amount.IsNil() {
		return new(big.Int)
	}
	return amount.BigInt() // a copy
}

// Money is an amount in minor units as a FHIR Money. fhir401.Money.Value is a
// json.Number, so the decimal is written from the integer's digits and
// marshalled verbatim. A nil amount is zero.
func Money(amount sdkmath.Int, currency string) *fhir401.Money {
	v := json.Number(MinorToDecimal(MinorUnits(amount), MinorExponent(currency)))
	c := currency
	return &fhir401.Money{Value: &v, Currency: &c}
}

// MinorToDecimal writes minor units as a decimal with exp decimal places:
// (12550, 2) → "125.50", (-5, 2) → "-0.05", (1250, 0) → "1250".
func MinorToDecimal(minor *big.Int, exp int) string {
	digits := new(big.Int).Abs(minor).String()
	if exp > 0 {
		if len(digits) <= exp {
			digits = strings.Repeat("0", exp-len(digits)+1) + digits
		}
		digits = digits[:len(digits)-exp] + "." + digits[len(digits)-exp:]
	}
	if minor.Sign() < 0 {
		return "-" + digits
	}
	return digits
}
