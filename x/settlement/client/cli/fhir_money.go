package cli

import (
	"encoding/json"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/fastenhealth/gofhir-models/fhir401"

	sdkmath "cosmossdk.io/math"
)

// The money helpers below are the ones of the ClaimResponse export
// (x/claims/client/cli: fhirMoney, minorToDecimal, minorExponent), which are
// unexported there. They are repeated here rather than shared so that the
// settlement client does not depend on the claims client;
// TestMoneyMatchesClaimResponseExport checks that both write the same Money.

// currencyCode is an ISO 4217 code: the upper-cased settlement denom.
var currencyCode = regexp.MustCompile(`^[A-Z]{3}$`)

// zeroDecimal and threeDecimal list the ISO 4217 currencies whose minor unit
// is not a hundredth.
var (
	zeroDecimal  = []string{"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"}
	threeDecimal = []string{"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
)

// minorExponent is the number of decimal places of a currency's minor unit.
func minorExponent(currency string) int {
	switch {
	case slices.Contains(zeroDecimal, currency):
		return 0
	case slices.Contains(threeDecimal, currency):
		return 3
	}
	return 2
}

// fhirMoney is an amount in minor units as a FHIR Money. fhir401.Money.Value
// is a json.Number, so the decimal is written from the integer's digits and
// marshalled verbatim: no float64 anywhere in the conversion. A nil amount is
// zero.
func fhirMoney(amount sdkmath.Int, currency string) *fhir401.Money {
	v := json.Number(minorToDecimal(minorUnits(amount), minorExponent(currency)))
	return &fhir401.Money{Value: &v, Currency: ptr(currency)}
}

// minorUnits is amount as a new big.Int; a nil amount is zero.
func minorUnits(amount sdkmath.Int) *big.Int {
	if amount.IsNil() {
		return new(big.Int)
	}
	return amount.BigInt() // a copy
}

// minorToDecimal writes minor units as a decimal with exp decimal places:
// (12550, 2) → "125.50", (-5, 2) → "-0.05", (1250, 0) → "1250".
func minorToDecimal(minor *big.Int, exp int) string {
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

func ptr[T any](v T) *T { return &v }
