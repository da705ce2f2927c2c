package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

const (
	testProvider   = "claim1provideroperatoraddress"
	officeVisit    = "claim-office-visit.json"
	preauthMRI     = "preauth-mri.json"
	officeMember   = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
	preauthMember  = "a081c21dbbad6ebfa80bdd53a3b7bc0cb89577bda9b342e6c67734d22903c821"
	examplesFolder = "../../../../examples/fhir"
)

func readExample(t *testing.T, name string) []byte {
	t.Helper()
	bz, err := os.ReadFile(filepath.Join(examplesFolder, name))
	require.NoError(t, err)
	return bz
}

func usd(cents int64) sdk.Coin { return sdk.Coin{Denom: "usd", Amount: sdkmath.NewInt(cents)} }

// requireMsg compares two messages field by field, amounts by value.
func requireMsg(t *testing.T, want, got *types.MsgSubmitClaim) {
	t.Helper()
	require.Equal(t, want.Provider, got.Provider, "provider")
	require.Equal(t, want.InsurerId, got.InsurerId, "insurer_id")
	require.Equal(t, want.Use, got.Use, "use")
	require.Equal(t, want.Member, got.Member, "member")
	require.Equal(t, want.DiagnosisCodes, got.DiagnosisCodes, "diagnosis_codes")
	require.Len(t, got.Lines, len(want.Lines), "lines")
	for i := range want.Lines {
		w, g := want.Lines[i], got.Lines[i]
		require.Equal(t, w.AttestationId, g.AttestationId, "line %d attestation_id", i)
		require.Equal(t, w.AttestationLine, g.AttestationLine, "line %d attestation_line", i)
		require.Equal(t, w.Code, g.Code, "line %d code", i)
		require.Equal(t, w.Modifiers, g.Modifiers, "line %d modifiers", i)
		require.Equal(t, w.Units, g.Units, "line %d units", i)
		require.Equal(t, w.ServiceDate, g.ServiceDate, "line %d service_date", i)
		require.Equal(t, w.Billed.Denom, g.Billed.Denom, "line %d billed denom", i)
		require.Equal(t, w.Billed.Amount.String(), g.Billed.Amount.String(), "line %d billed amount", i)
		require.Equal(t, w.PreauthRef, g.PreauthRef, "line %d preauth_ref", i)
	}
}

func wantOfficeVisit() *types.MsgSubmitClaim {
	return &types.MsgSubmitClaim{
		Provider:       testProvider,
		InsurerId:      1,
		Use:            types.CLAIM_USE_CLAIM,
		Member:         officeMember,
		DiagnosisCodes: []string{"E119"},
		Lines: []types.SubmittedLine{
			{AttestationId: "ATT-3-1", AttestationLine: 1, Code: "99213", Units: 1, ServiceDate: "2025-11-03", Billed: usd(12550)},
			{AttestationId: "ATT-3-1", AttestationLine: 2, Code: "85025", Units: 1, ServiceDate: "2025-11-03", Billed: usd(2800)},
		},
	}
}

func wantPreauthMRI() *types.MsgSubmitClaim {
	return &types.MsgSubmitClaim{
		Provider:       testProvider,
		InsurerId:      1,
		Use:            types.CLAIM_USE_PREAUTHORIZATION,
		Member:         preauthMember,
		DiagnosisCodes: []string{"M25561", "M1711"},
		Lines: []types.SubmittedLine{
			{Code: "73721", Modifiers: []string{"RT"}, Units: 1, ServiceDate: "2025-11-20", Billed: usd(125000)},
		},
	}
}

func TestClaimFromFHIRExamples(t *testing.T) {
	for _, tc := range []struct {
		file string
		want *types.MsgSubmitClaim
	}{
		{officeVisit, wantOfficeVisit()},
		{preauthMRI, wantPreauthMRI()},
	} {
		t.Run(tc.file, func(t *testing.T) {
			got, err := ClaimFromFHIR(readExample(t, tc.file), testProvider)
			require.NoError(t, err)
			requireMsg(t, tc.want, got)
		})
	}
}

// ---------------------------------------------------------------------------
// Mutating the examples

type obj = map[string]any

// mutate decodes an example, applies f and encodes it again, keeping decimals
// exactly as written.
func mutate(t *testing.T, file string, f func(c obj)) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(readExample(t, file)))
	dec.UseNumber()
	var c obj
	require.NoError(t, dec.Decode(&c))
	f(c)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep "<" as written: the FHIR library's codes do not decode escapes
	require.NoError(t, enc.Encode(c))
	return buf.Bytes()
}

func item(c obj, i int) obj     { return c["item"].([]any)[i].(obj) }
func child(o obj, k string) obj { return o[k].(obj) }
func num(s string) json.Number  { return json.Number(s) }
func ext(url, value string) obj { return obj{"url": url, "valueString": value} }

func coded(system, code string) obj {
	return obj{"coding": []any{obj{"system": system, "code": code}}}
}

func TestClaimFromFHIRRefusals(t *testing.T) {
	ov := func(f func(c obj)) func(t *testing.T) []byte {
		return func(t *testing.T) []byte { return mutate(t, officeVisit, f) }
	}
	pa := func(f func(c obj)) func(t *testing.T) []byte {
		return func(t *testing.T) []byte { return mutate(t, preauthMRI, f) }
	}
	raw := func(s string) func(t *testing.T) []byte {
		return func(*testing.T) []byte { return []byte(s) }
	}

	for _, tc := range []struct {
		name    string
		input   func(t *testing.T) []byte
		path    string
		msg     string // substring of the error after the path
		errorIs error
	}{
		// JSON and resource structure
		{name: "malformed JSON", input: raw("{\n  \"resourceType\": \"Claim\",\n  \"use\": \"claim\",\n}"),
			path: "Claim", msg: "malformed JSON at line 4, column 1"},
		{name: "not an object", input: raw(`[{"resourceType": "Claim"}]`), path: "Claim", msg: "want a JSON object"},
		{name: "wrong resourceType", input: ov(func(c obj) { c["resourceType"] = "ExplanationOfBenefit" }),
			path: "Claim.resourceType", msg: `"ExplanationOfBenefit" is not a Claim`},
		{name: "Bundle", input: raw(`{"resourceType": "Bundle", "type": "collection"}`), path: "Claim.resourceType", msg: `"Bundle" is not a Claim`},
		{name: "missing resourceType", input: ov(func(c obj) { delete(c, "resourceType") }), path: "Claim.resourceType", msg: "required"},
		{name: "unknown element", input: ov(func(c obj) { item(c, 1)["servicedate"] = "2025-11-03" }),
			path: "Claim.item[1].servicedate", msg: "not an element of FHIR R4 Claim.item"},
		{name: "unknown element of a data type", input: ov(func(c obj) { child(item(c, 1), "quantity")["units"] = 1 }),
			path: "Claim.item[1].quantity.units", msg: "not an element of FHIR R4 Quantity"},
		{name: "unknown top-level element", input: ov(func(c obj) { c["memberName"] = "Jane Doe" }),
			path: "Claim.memberName", msg: "not an element of FHIR R4 Claim"},
		{name: "primitive extension", input: ov(func(c obj) { item(c, 0)["_servicedDate"] = obj{"extension": []any{}} }),
			path: "Claim.item[0]._servicedDate", msg: "primitive extensions are not supported"},
		{name: "modifierExtension", input: ov(func(c obj) { item(c, 0)["modifierExtension"] = []any{ext("urn:x", "y")} }),
			path: "Claim.item[0].modifierExtension", msg: "refused"},
		{name: "implicitRules", input: ov(func(c obj) { c["implicitRules"] = "http://example.org/rules" }),
			path: "Claim.implicitRules", msg: "refused"},
		{name: "null element", input: ov(func(c obj) { item(c, 0)["net"] = nil }), path: "Claim.item[0].net", msg: "null is not allowed"},
		{name: "sequence as string", input: ov(func(c obj) { item(c, 1)["sequence"] = "2" }),
			path: "Claim.item[1].sequence", msg: `want an integer, got "2"`},
		{name: "quantity as string", input: ov(func(c obj) { child(item(c, 0), "quantity")["value"] = "1" }),
			path: "Claim.item[0].quantity.value", msg: "want a JSON number"},
		{name: "item not an array", input: ov(func(c obj) { c["item"] = item(c, 0) }), path: "Claim.item", msg: "want a JSON array"},
		{name: "malformed status code", input: ov(func(c obj) { c["status"] = "open" }), path: "Claim.status", msg: "malformed value"},

		// use
		{name: "unknown use", input: ov(func(c obj) { c["use"] = "invoice" }), path: "Claim.use", msg: `unknown use "invoice"`},
		{name: "use is case-sensitive", input: ov(func(c obj) { c["use"] = "Claim" }), path: "Claim.use", msg: `unknown use "Claim"`},
		{name: "missing use", input: ov(func(c obj) { delete(c, "use") }), path: "Claim.use", msg: "required"},

		// patient
		{name: "patient display name", input: ov(func(c obj) { child(c, "patient")["display"] = "Jane Doe" }),
			path: "Claim.patient.display", msg: "refused: names"},
		{name: "patient reference", input: ov(func(c obj) { c["patient"] = obj{"reference": "Patient/123"} }),
			path: "Claim.patient.reference", msg: "refused"},
		{name: "patient without identifier", input: ov(func(c obj) { c["patient"] = obj{"type": "Patient"} }),
			path: "Claim.patient.identifier", msg: "required"},
		{name: "patient MRN", input: ov(func(c obj) {
			child(child(c, "patient"), "identifier")["system"] = "http://hospital.example.org/mrn"
		}), path: "Claim.patient.identifier.system", msg: `"http://hospital.example.org/mrn" refused`},
		{name: "bad pseudonym", input: ov(func(c obj) { child(child(c, "patient"), "identifier")["value"] = "DOE-JANE-1980-01-01" }),
			path: "Claim.patient.identifier.value", errorIs: attestationtypes.ErrInvalidPseudonym},
		{name: "non-random pseudonym", input: ov(func(c obj) {
			child(child(c, "patient"), "identifier")["value"] = strings.Repeat("0", 64)
		}), path: "Claim.patient.identifier.value", msg: "not random", errorIs: attestationtypes.ErrInvalidPseudonym},
		{name: "contained Patient", input: ov(func(c obj) {
			c["contained"] = []any{obj{"resourceType": "Patient", "id": "p1", "birthDate": "1980-01-01"}}
		}), path: "Claim.contained[0]", msg: `contained resources (here "Patient")`},
		{name: "accident", input: ov(func(c obj) { c["accident"] = obj{"date": "2025-11-01"} }), path: "Claim.accident", msg: "refused"},
		{name: "supportingInfo valueString", input: ov(func(c obj) {
			c["supportingInfo"] = []any{obj{"sequence": 1, "category": coded("http://terminology.hl7.org/CodeSystem/claiminformationcategory", "info"),
				"valueString": "patient reports chest pain since Tuesday"}}
		}), path: "Claim.supportingInfo[0].valueString", msg: "refused: free text"},
		{name: "supportingInfo valueAttachment", input: ov(func(c obj) {
			c["supportingInfo"] = []any{obj{"sequence": 1, "category": coded("http://terminology.hl7.org/CodeSystem/claiminformationcategory", "attachment"),
				"valueAttachment": obj{"contentType": "text/plain", "data": "SmFuZQ=="}}}
		}), path: "Claim.supportingInfo[0].valueAttachment", msg: "refused"},

		// insurer and insurance
		{name: "missing insurer", input: ov(func(c obj) { delete(c, "insurer") }), path: "Claim.insurer", msg: "required"},
		{name: "insurer by reference", input: ov(func(c obj) { c["insurer"] = obj{"reference": "Organization/1"} }),
			path: "Claim.insurer.identifier", msg: "required"},
		{name: "insurer other system", input: ov(func(c obj) {
			child(child(c, "insurer"), "identifier")["system"] = "http://www.naic.org"
		}), path: "Claim.insurer.identifier.system", msg: SystemMemberID},
		{name: "insurer id not decimal", input: ov(func(c obj) { child(child(c, "insurer"), "identifier")["value"] = "01" }),
			path: "Claim.insurer.identifier.value", msg: "positive decimal"},
		{name: "no focal insurance", input: ov(func(c obj) { c["insurance"].([]any)[0].(obj)["focal"] = false }),
			path: "Claim.insurance", msg: "focal=true"},
		{name: "two focal insurances", input: ov(func(c obj) {
			c["insurance"] = append(c["insurance"].([]any), obj{"sequence": 2, "focal": true, "coverage": obj{"reference": "Coverage/2"}})
		}), path: "Claim.insurance[1].focal", msg: "only one"},
		{name: "preAuthRef with spaces", input: ov(func(c obj) {
			c["insurance"].([]any)[0].(obj)["preAuthRef"] = []any{"approved by phone"}
		}), path: "Claim.insurance[0].preAuthRef[0]", msg: "letters, digits"},
		{name: "several preAuthRefs, line does not choose", input: ov(func(c obj) {
			c["insurance"].([]any)[0].(obj)["preAuthRef"] = []any{"PA-1", "PA-2"}
		}), path: "Claim.item[0].extension", msg: ExtPreAuthRef},
		{name: "line chooses unlisted preAuthRef", input: ov(func(c obj) {
			c["insurance"].([]any)[0].(obj)["preAuthRef"] = []any{"PA-1"}
			it := item(c, 0)
			it["extension"] = append(it["extension"].([]any), ext(ExtPreAuthRef, "PA-9"))
		}), path: "Claim.item[0].extension[1].valueString", msg: `"PA-9" is not among`},

		// diagnosis
		{name: "bad ICD-10 code", input: ov(func(c obj) {
			c["diagnosis"].([]any)[0].(obj)["diagnosisCodeableConcept"] = coded(SystemICD10CM, "250.00")
		}), path: "Claim.diagnosis[0].diagnosisCodeableConcept.coding[0].code", errorIs: attestationtypes.ErrInvalidCode},
		{name: "diagnosis without ICD-10-CM coding", input: ov(func(c obj) {
			c["diagnosis"].([]any)[0].(obj)["diagnosisCodeableConcept"] = coded("http://snomed.info/sct", "44054006")
		}), path: "Claim.diagnosis[0].diagnosisCodeableConcept.coding", msg: SystemICD10CM},
		{name: "diagnosisReference", input: ov(func(c obj) {
			c["diagnosis"].([]any)[0].(obj)["diagnosisReference"] = obj{"reference": "Condition/1"}
		}), path: "Claim.diagnosis[0].diagnosisReference", msg: "refused"},
		{name: "diagnosis sequence out of order", input: pa(func(c obj) { c["diagnosis"].([]any)[1].(obj)["sequence"] = 3 }),
			path: "Claim.diagnosis[1].sequence", msg: "3, want 2"},
		{name: "repeated diagnosis", input: pa(func(c obj) {
			c["diagnosis"].([]any)[1].(obj)["diagnosisCodeableConcept"] = coded(SystemICD10CM, "m25.561")
		}), path: "Claim.diagnosis", msg: "repeated", errorIs: attestationtypes.ErrInvalidCode},
		{name: "diagnosisSequence points nowhere", input: ov(func(c obj) { item(c, 1)["diagnosisSequence"] = []any{1, 2} }),
			path: "Claim.item[1].diagnosisSequence[1]", msg: "no Claim.diagnosis"},

		// items
		{name: "no items", input: ov(func(c obj) { delete(c, "item") }), path: "Claim.item", msg: "at least one"},
		{name: "item sequence gap", input: ov(func(c obj) { item(c, 1)["sequence"] = 3 }),
			path: "Claim.item[1].sequence", msg: "3, want 2: items are numbered 1..n in order"},
		{name: "item detail", input: ov(func(c obj) {
			item(c, 0)["detail"] = []any{obj{"sequence": 1, "productOrService": coded(SystemCPT, "99213")}}
		}), path: "Claim.item[0].detail", msg: "refused"},
		{name: "no productOrService", input: ov(func(c obj) { delete(item(c, 0), "productOrService") }),
			path: "Claim.item[0].productOrService", msg: "required"},
		{name: "productOrService in another system", input: ov(func(c obj) {
			item(c, 0)["productOrService"] = coded("http://snomed.info/sct", "185349003")
		}), path: "Claim.item[0].productOrService.coding", msg: "no coding with system"},
		{name: "two different CPT codes", input: ov(func(c obj) {
			item(c, 0)["productOrService"] = obj{"coding": []any{obj{"system": SystemCPT, "code": "99213"}, obj{"system": SystemHCPCS, "code": "G0463"}}}
		}), path: "Claim.item[0].productOrService.coding[1].code", msg: "conflicts"},
		{name: "bad CPT code", input: ov(func(c obj) { item(c, 0)["productOrService"] = coded(SystemCPT, "9921") }),
			path: "Claim.item[0].productOrService.coding[0].code", msg: `"9921"`, errorIs: attestationtypes.ErrInvalidCode},
		{name: "bad modifier", input: pa(func(c obj) { item(c, 0)["modifier"] = []any{coded(SystemCPT, "rt")} }),
			path: "Claim.item[0].modifier", errorIs: attestationtypes.ErrInvalidCode},
		{name: "modifier without coding", input: pa(func(c obj) { item(c, 0)["modifier"] = []any{obj{"text": "right side"}} }),
			path: "Claim.item[0].modifier[0].coding", msg: "required"},
		{name: "servicedPeriod", input: ov(func(c obj) {
			delete(item(c, 0), "servicedDate")
			item(c, 0)["servicedPeriod"] = obj{"start": "2025-11-03", "end": "2025-11-05"}
		}), path: "Claim.item[0].servicedPeriod", msg: "refused"},
		{name: "no servicedDate", input: ov(func(c obj) { delete(item(c, 1), "servicedDate") }),
			path: "Claim.item[1].servicedDate", msg: "required"},
		{name: "partial servicedDate", input: ov(func(c obj) { item(c, 1)["servicedDate"] = "2025-11" }),
			path: "Claim.item[1].servicedDate", errorIs: attestationtypes.ErrInvalidDate},
		{name: "fractional quantity", input: ov(func(c obj) { child(item(c, 1), "quantity")["value"] = num("1.5") }),
			path: "Claim.item[1].quantity.value", msg: "1.5 is not a whole number of units"},
		{name: "zero quantity", input: ov(func(c obj) { child(item(c, 1), "quantity")["value"] = num("0") }),
			path: "Claim.item[1].quantity.value", msg: "want 1 to 9999 units"},
		{name: "quantity comparator", input: ov(func(c obj) { child(item(c, 1), "quantity")["comparator"] = "<" }),
			path: "Claim.item[1].quantity.comparator", msg: "refused"},

		// amounts
		{name: "3-decimal price", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["value"] = num("28.005") }),
			path: "Claim.item[1].unitPrice.value", msg: "28.005 USD: more than 2 decimal places"},
		{name: "3-decimal net", input: ov(func(c obj) {
			child(item(c, 0), "net")["value"] = num("125.505")
			delete(item(c, 0), "unitPrice")
		}), path: "Claim.item[0].net.value", msg: "more than 2 decimal places"},
		{name: "net disagrees with unitPrice × quantity", input: ov(func(c obj) { child(item(c, 0), "net")["value"] = num("130.00") }),
			path: "Claim.item[0].net", msg: "130.00 USD disagrees with unitPrice × quantity = 125.50 USD × 1 = 125.50 USD"},
		{name: "net disagrees with unitPrice × quantity × factor", input: ov(func(c obj) { item(c, 0)["factor"] = num("0.8") }),
			path: "Claim.item[0].net", msg: "× factor"},
		{name: "unitPrice × factor not whole cents", input: ov(func(c obj) { item(c, 1)["factor"] = num("0.333") }),
			path: "Claim.item[1].unitPrice", msg: "more than 2 decimal places"},
		{name: "non-positive factor", input: ov(func(c obj) { item(c, 1)["factor"] = num("0") }),
			path: "Claim.item[1].factor", msg: "positive"},
		{name: "no amount", input: ov(func(c obj) { delete(item(c, 1), "unitPrice") }), path: "Claim.item[1].net", msg: "required"},
		{name: "zero amount", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["value"] = num("0.00") }),
			path: "Claim.item[1].net", msg: "0.00 USD: a line bills a positive amount"},
		{name: "negative amount", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["value"] = num("-28.00") }),
			path: "Claim.item[1].unitPrice.value", msg: "not negative"},
		{name: "huge exponent", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["value"] = num("1e999999999") }),
			path: "Claim.item[1].unitPrice.value", msg: "exponent out of range"},
		{name: "missing currency", input: ov(func(c obj) { delete(child(item(c, 1), "unitPrice"), "currency") }),
			path: "Claim.item[1].unitPrice.currency", msg: "required"},
		{name: "lower-case currency", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["currency"] = "usd" }),
			path: "Claim.item[1].unitPrice.currency", msg: "ISO 4217"},
		{name: "mixed currencies across items", input: ov(func(c obj) { child(item(c, 1), "unitPrice")["currency"] = "EUR" }),
			path: "Claim.item[1].unitPrice.currency", msg: "EUR differs from USD of Claim.item[0]"},
		{name: "mixed currencies in one item", input: ov(func(c obj) { child(item(c, 0), "net")["currency"] = "EUR" }),
			path: "Claim.item[0].net.currency", msg: "EUR differs from unitPrice's USD"},
		{name: "total disagrees", input: ov(func(c obj) { child(c, "total")["value"] = num("150.00") }),
			path: "Claim.total", msg: "150.00 USD disagrees with the sum of the items, 153.50 USD"},
		{name: "total in another currency", input: ov(func(c obj) { child(c, "total")["currency"] = "CAD" }),
			path: "Claim.total.currency", msg: "CAD differs from USD"},

		// attestation pointer
		{name: "missing attestation extension on a claim item", input: ov(func(c obj) { delete(item(c, 1), "extension") }),
			path: "Claim.item[1].extension", msg: "required: a claim line points at the attested service line"},
		{name: "attestation extension without #line", input: ov(func(c obj) { item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1")} }),
			path: "Claim.item[0].extension[0].valueString", msg: `"ATT-3-1": want`},
		{name: "attestation extension with a claim id", input: ov(func(c obj) { item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "CLM-3-1#1")} }),
			path: "Claim.item[0].extension[0].valueString", errorIs: attestationtypes.ErrInvalidID},
		{name: "attestation extension line 0", input: ov(func(c obj) { item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#0")} }),
			path: "Claim.item[0].extension[0].valueString", msg: "not a line number"},
		{name: "attestation extension line 01", input: ov(func(c obj) { item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#01")} }),
			path: "Claim.item[0].extension[0].valueString", msg: "not a line number"},
		{name: "attestation extension not a string", input: ov(func(c obj) {
			item(c, 0)["extension"] = []any{obj{"url": ExtAttestationLine, "valueInteger": 1}}
		}), path: "Claim.item[0].extension[0]", msg: "want valueString"},
		{name: "two attestation extensions", input: ov(func(c obj) {
			item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#1"), ext(ExtAttestationLine, "ATT-3-1#2")}
		}), path: "Claim.item[0].extension[1]", msg: "a second"},
		{name: "attestation line billed twice", input: ov(func(c obj) { item(c, 1)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#1")} }),
			path: "Claim.item[1].extension", msg: "ATT-3-1#1 is already billed by Claim.item[0]"},
		{name: "attestation extension on the claim", input: ov(func(c obj) { c["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#1")} }),
			path: "Claim.extension[0]", msg: "belongs on Claim.item[n].extension"},
		{name: "attestation extension on a preauthorization", input: pa(func(c obj) {
			item(c, 0)["extension"] = []any{ext(ExtAttestationLine, "ATT-3-1#1")}
		}), path: "Claim.item[0].extension[0]", msg: "refused: a preauthorization line is planned care"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg, err := ClaimFromFHIR(tc.input(t), testProvider)
			require.Error(t, err)
			require.Nil(t, msg)
			var pe *PathError
			require.True(t, errors.As(err, &pe), "want a *PathError, got %T: %v", err, err)
			require.Equal(t, tc.path, pe.Path, "error: %v", err)
			require.True(t, strings.HasPrefix(err.Error(), tc.path+": "), err.Error())
			require.Contains(t, pe.Err.Error(), tc.msg)
			if tc.errorIs != nil {
				require.ErrorIs(t, err, tc.errorIs)
			}
		})
	}
}

// The example message, verbatim.
func TestClaimFromFHIRErrorText(t *testing.T) {
	bz := mutate(t, officeVisit, func(c obj) { child(item(c, 1), "quantity")["value"] = num("1.5") })
	_, err := ClaimFromFHIR(bz, testProvider)
	require.EqualError(t, err, "Claim.item[1].quantity.value: 1.5 is not a whole number of units")
}

func TestClaimFromFHIRNeedsProvider(t *testing.T) {
	_, err := ClaimFromFHIR(readExample(t, officeVisit), "")
	require.ErrorContains(t, err, "provider address is required")
}

// Variants of the examples that map, and what they map to.
func TestClaimFromFHIRVariants(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string
		edit  func(c obj)
		check func(want *types.MsgSubmitClaim) // edits the example's expected message
	}{
		{
			name: "ignored elements change nothing",
			file: officeVisit,
			edit: func(c obj) {
				c["text"] = obj{"status": "generated", "div": `<div xmlns="http://www.w3.org/1999/xhtml">Office visit</div>`}
				c["meta"] = obj{"lastUpdated": "2025-11-04T10:00:00Z"}
				c["subType"] = coded("http://example.org/subtype", "x")
				c["billablePeriod"] = obj{"start": "2025-11-03"}
				c["supportingInfo"] = []any{obj{"sequence": 1, "category": coded("http://terminology.hl7.org/CodeSystem/claiminformationcategory", "onset"),
					"timingDate": "2025-10-30"}}
				c["extension"] = []any{obj{"url": "http://example.org/fhir/StructureDefinition/batch", "valueString": "B-17"}}
				c["insurance"] = append(c["insurance"].([]any), obj{"sequence": 2, "focal": false, "coverage": obj{"reference": "Coverage/2"},
					"preAuthRef": []any{"OTHER-PAYER-1"}})
				item(c, 0)["extension"] = append(item(c, 0)["extension"].([]any), ext("http://example.org/fhir/StructureDefinition/note", "n"))
				item(c, 0)["bodySite"] = coded("http://snomed.info/sct", "38266002")
				child(item(c, 0), "quantity")["unit"] = "visit"
				c["diagnosis"].([]any)[0].(obj)["type"] = []any{coded("http://terminology.hl7.org/CodeSystem/ex-diagnosistype", "principal")}
			},
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name: "one preAuthRef applies to every line",
			file: officeVisit,
			edit: func(c obj) { c["insurance"].([]any)[0].(obj)["preAuthRef"] = []any{"PA-2025-77"} },
			check: func(w *types.MsgSubmitClaim) {
				w.Lines[0].PreauthRef, w.Lines[1].PreauthRef = "PA-2025-77", "PA-2025-77"
			},
		},
		{
			name: "several preAuthRefs chosen per line",
			file: officeVisit,
			edit: func(c obj) {
				c["insurance"].([]any)[0].(obj)["preAuthRef"] = []any{"PA-1", "PA-2"}
				for i, ref := range []string{"PA-2", "PA-1"} {
					it := item(c, i)
					it["extension"] = append(it["extension"].([]any), ext(ExtPreAuthRef, ref))
				}
			},
			check: func(w *types.MsgSubmitClaim) { w.Lines[0].PreauthRef, w.Lines[1].PreauthRef = "PA-2", "PA-1" },
		},
		{
			name:  "net without unitPrice",
			file:  officeVisit,
			edit:  func(c obj) { delete(item(c, 0), "unitPrice") },
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name: "unitPrice × quantity",
			file: officeVisit,
			edit: func(c obj) {
				child(item(c, 1), "quantity")["value"] = num("3")
				child(c, "total")["value"] = num("209.50")
			},
			check: func(w *types.MsgSubmitClaim) { w.Lines[1].Units, w.Lines[1].Billed = 3, usd(8400) },
		},
		{
			name: "unitPrice × quantity × factor, net agreeing",
			file: officeVisit,
			edit: func(c obj) {
				child(item(c, 1), "quantity")["value"] = num("2")
				item(c, 1)["factor"] = num("0.75")
				item(c, 1)["net"] = obj{"value": num("42"), "currency": "USD"}
				child(c, "total")["value"] = num("167.50")
			},
			check: func(w *types.MsgSubmitClaim) { w.Lines[1].Units, w.Lines[1].Billed = 2, usd(4200) },
		},
		{
			name:  "absent quantity is one unit",
			file:  officeVisit,
			edit:  func(c obj) { delete(item(c, 1), "quantity") },
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name:  "whole quantity written with a decimal point",
			file:  officeVisit,
			edit:  func(c obj) { child(item(c, 1), "quantity")["value"] = num("1.0") },
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name: "trailing zeros and E notation are exact",
			file: officeVisit,
			edit: func(c obj) {
				child(item(c, 0), "net")["value"] = num("125.500")
				child(item(c, 0), "unitPrice")["value"] = num("1.2550E2")
				child(c, "total")["value"] = num("153.5")
			},
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name: "0.1 + 0.2 without float error",
			file: officeVisit,
			edit: func(c obj) {
				delete(item(c, 0), "unitPrice")
				child(item(c, 0), "net")["value"] = num("0.1")
				child(item(c, 1), "unitPrice")["value"] = num("0.2")
				child(c, "total")["value"] = num("0.3")
			},
			check: func(w *types.MsgSubmitClaim) { w.Lines[0].Billed, w.Lines[1].Billed = usd(10), usd(20) },
		},
		{
			name: "zero-decimal currency",
			file: officeVisit,
			edit: func(c obj) {
				delete(item(c, 0), "unitPrice")
				child(item(c, 0), "net")["currency"] = "JPY"
				child(item(c, 0), "net")["value"] = num("9800")
				child(item(c, 1), "unitPrice")["currency"] = "JPY"
				child(item(c, 1), "unitPrice")["value"] = num("3200")
				child(c, "total")["currency"] = "JPY"
				child(c, "total")["value"] = num("13000")
			},
			check: func(w *types.MsgSubmitClaim) {
				w.Lines[0].Billed = sdk.Coin{Denom: "jpy", Amount: sdkmath.NewInt(9800)}
				w.Lines[1].Billed = sdk.Coin{Denom: "jpy", Amount: sdkmath.NewInt(3200)}
			},
		},
		{
			name: "no total",
			file: officeVisit,
			edit: func(c obj) { delete(c, "total") },
			check: func(*types.MsgSubmitClaim) {
			},
		},
		{
			name: "HCPCS code among other codings, and modifiers",
			file: officeVisit,
			edit: func(c obj) {
				item(c, 1)["productOrService"] = obj{"coding": []any{
					obj{"system": "http://example.org/clinic-chargemaster", "code": "LAB-CBC"},
					obj{"system": SystemHCPCSOID, "code": "G0463"},
					obj{"system": SystemHCPCS, "code": "G0463"},
				}, "text": "hospital outpatient visit"}
				item(c, 1)["modifier"] = []any{coded(SystemCPT, "25"), coded(SystemHCPCS, "GT")}
			},
			check: func(w *types.MsgSubmitClaim) { w.Lines[1].Code, w.Lines[1].Modifiers = "G0463", []string{"25", "GT"} },
		},
		{
			name: "diagnoses: dotted, lower case, other systems beside ICD-10-CM",
			file: preauthMRI,
			edit: func(c obj) {
				c["diagnosis"].([]any)[0].(obj)["diagnosisCodeableConcept"] = obj{"coding": []any{
					obj{"system": "http://snomed.info/sct", "code": "301354004"},
					obj{"system": SystemICD10CM, "code": "m25.561"},
				}}
			},
			check: func(*types.MsgSubmitClaim) {},
		},
		{
			name: "predetermination",
			file: preauthMRI,
			edit: func(c obj) { c["use"] = "predetermination" },
			check: func(w *types.MsgSubmitClaim) {
				w.Use = types.CLAIM_USE_PREDETERMINATION
			},
		},
		{
			name:  "no insurance and no diagnosis",
			file:  preauthMRI,
			edit:  func(c obj) { delete(c, "insurance"); delete(c, "diagnosis"); delete(item(c, 0), "diagnosisSequence") },
			check: func(w *types.MsgSubmitClaim) { w.DiagnosisCodes = nil },
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := wantOfficeVisit()
			if tc.file == preauthMRI {
				want = wantPreauthMRI()
			}
			tc.check(want)
			got, err := ClaimFromFHIR(mutate(t, tc.file, tc.edit), testProvider)
			require.NoError(t, err)
			requireMsg(t, want, got)
		})
	}
}

func TestParseDecimalAndMinorUnits(t *testing.T) {
	for _, tc := range []struct {
		value, currency string
		minor           string // "" when refused
	}{
		{"125.50", "USD", "12550"},
		{"125.5", "USD", "12550"},
		{"0", "USD", "0"},
		{"0.01", "USD", "1"},
		{"99999999999.99", "USD", "9999999999999"},
		{"1e2", "USD", "10000"},
		{"125.505", "USD", ""},
		{"0.001", "USD", ""},
		{"100", "JPY", "100"},
		{"100.5", "JPY", ""},
		{"1.234", "KWD", "1234"},
		{"1.2345", "KWD", ""},
		{"+1", "USD", ""},
		{"01", "USD", ""},
		{".5", "USD", ""},
		{"1.", "USD", ""},
		{"NaN", "USD", ""},
	} {
		t.Run(tc.value+" "+tc.currency, func(t *testing.T) {
			r, err := parseDecimal(tc.value)
			if err == nil {
				var minor interface{ String() string }
				minor, err = toMinor(r, tc.currency)
				if err == nil {
					require.Equal(t, tc.minor, minor.String())
					return
				}
			}
			require.Empty(t, tc.minor, "refused: %v", err)
		})
	}
}

func TestSubmitFHIRCmd(t *testing.T) {
	cmd := SubmitFHIRCmd()
	require.Equal(t, "submit-fhir", cmd.Name())
	for _, f := range []string{"from", "chain-id", "fees", "gas", "generate-only", "broadcast-mode"} {
		require.NotNil(t, cmd.Flags().Lookup(f), "flag --%s", f)
	}
	require.Error(t, cmd.Args(cmd, nil))
	require.Error(t, cmd.Args(cmd, []string{"a.json", "b.json"}))
	require.NoError(t, cmd.Args(cmd, []string{"a.json"}))

	run := func(args ...string) error {
		cmd := SubmitFHIRCmd()
		ctx := context.WithValue(context.Background(), client.ClientContextKey, &client.Context{})
		cmd.SetContext(ctx)
		cmd.SetArgs(args)
		cmd.SetOut(new(bytes.Buffer))
		cmd.SetErr(new(bytes.Buffer))
		return cmd.ExecuteContext(ctx)
	}
	// The file is read before anything is signed; errors name it.
	require.ErrorContains(t, run(filepath.Join(t.TempDir(), "missing.json")), "missing.json")
	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, mutate(t, officeVisit, func(c obj) { c["use"] = "invoice" }), 0o600))
	require.ErrorContains(t, run(bad, "--generate-only"), "bad.json: a provider address is required")
	from := sdk.AccAddress(bytes.Repeat([]byte{7}, 20)).String()
	require.ErrorContains(t, run(bad, "--generate-only", "--from", from), `bad.json: Claim.use: unknown use "invoice"`)
	big := filepath.Join(t.TempDir(), "big.json")
	require.NoError(t, os.WriteFile(big, bytes.Repeat([]byte(" "), maxFHIRFileBytes+1), 0o600))
	require.ErrorContains(t, run(big), "larger than")
}
