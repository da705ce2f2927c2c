package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// fuzzClaim is a small FHIR Claim with one item; %s is the use, %s the item's
// extra elements.
const fuzzClaim = `{"resourceType":"Claim","status":"active","use":"%s",` +
	`"patient":{"identifier":{"system":"urn:claimchain:member-pseudonym","value":"6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"}},` +
	`"insurer":{"identifier":{"system":"urn:claimchain:member-id","value":"1"}},` +
	`"diagnosis":[{"sequence":1,"diagnosisCodeableConcept":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"E11.9"}]}}],` +
	`"insurance":[{"sequence":1,"focal":true,"preAuthRef":["PA-1"],"coverage":{"reference":"Coverage/1"}}],` +
	`"item":[{"sequence":1,"diagnosisSequence":[1],` +
	`"productOrService":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"99213"}]},"modifier":[{"coding":[{"code":"25"}]}],` +
	`"servicedDate":"2025-11-03"%s}]}`

const fuzzAttested = `,"extension":[{"url":"urn:claimchain:attestation-line","valueString":"ATT-3-1#1"}]`

// FuzzClaimFromFHIR maps FHIR JSON onto a MsgSubmitClaim. The importer never
// panics; what it accepts the chain accepts too (ValidateBasic and the msg
// server's stateless Validate), so a bad file is refused with a FHIR path
// before anything is signed; and the same file maps to the same msg.
func FuzzClaimFromFHIR(f *testing.F) {
	for _, name := range []string{officeVisit, preauthMRI} {
		bz, err := os.ReadFile(filepath.Join(examplesFolder, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(bz)
	}
	for _, seed := range []string{
		fmt.Sprintf(fuzzClaim, "claim", fuzzAttested+`,"net":{"value":125.50,"currency":"USD"}`),
		fmt.Sprintf(fuzzClaim, "claim", fuzzAttested+`,"quantity":{"value":3},"unitPrice":{"value":1.5e1,"currency":"USD"},"factor":0.5`),
		fmt.Sprintf(fuzzClaim, "claim", fuzzAttested+`,"net":{"value":10000000000000.00,"currency":"USD"}`),
		fmt.Sprintf(fuzzClaim, "claim", fuzzAttested+`,"net":{"value":10000000000000.01,"currency":"USD"}`),
		fmt.Sprintf(fuzzClaim, "claim", fuzzAttested+`,"net":{"value":1250,"currency":"JPY"}`),
		fmt.Sprintf(fuzzClaim, "preauthorization", `,"quantity":{"value":1},"net":{"value":900.00,"currency":"USD"}`),
		fmt.Sprintf(fuzzClaim, "predetermination", `,"net":{"value":0.001,"currency":"KWD"}`),
		`{"resourceType":"Claim","use":"claim","item":[]}`,
		`{"resourceType":"Patient"}`,
		`[]`,
	} {
		f.Add([]byte(seed))
	}
	provider := sdk.AccAddress(bytes.Repeat([]byte{1}, 20)).String()
	f.Fuzz(func(t *testing.T, data []byte) {
		msg, err := ClaimFromFHIR(data, provider)
		if err != nil {
			return
		}
		if err := msg.ValidateBasic(); err != nil {
			t.Fatalf("the importer accepted a msg over the chain's limits: %v", err)
		}
		if _, err := msg.Validate(); err != nil {
			t.Fatalf("the importer accepted a msg the chain refuses: %v", err)
		}
		again, err := ClaimFromFHIR(data, provider)
		if err != nil {
			t.Fatalf("second import refused: %v", err)
		}
		a, _ := msg.Marshal()
		b, _ := again.Marshal()
		if !bytes.Equal(a, b) {
			t.Fatalf("the same file mapped to two msgs")
		}
	})
}
