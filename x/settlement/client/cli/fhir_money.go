package cli

import (
	"math/big"

	"github.com/fastenhealth/gofhir-models/fhir401"

	sdkmath "cosmossdk.io/math"

	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"
)

// The FHIR money rules are shared with the ClaimResponse export and the FHIR
// Claim import (x/claims/client/fhirmoney).
var currencyCode = fhirmoney.CurrencyCode

func fhirMoney(amount sdkmath.Int, currency string) *fhir401.Money {
	return fhirmoney.Money(amount, currency)
}

func minorUnits(amount sdkmath.Int) *big.Int { return fhirmoney.MinorUnits(amount) }

func ptr[T any](v T) *T { return &v }
