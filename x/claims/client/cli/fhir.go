// Package cli holds the claims commands autocli cannot serve: importing a FHIR
// R4 Claim resource as a MsgSubmitClaim.
package cli

import (
	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"

	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	sdkmath "cosmossdk.io/math"
	"github.com/fastenhealth/gofhir-models/fhir401"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/limits"
)

// The identifier systems and extension URLs of claimchain's FHIR profile.
// examples/fhir/README.md documents the whole mapping.
const (
	// SystemMemberPseudonym identifies the patient: Claim.patient.identifier.value
	// is the insurer-issued member pseudonym (64 lower-case hex characters).
	SystemMemberPseudonym = "urn:claimchain:member-pseudonym"
	// SystemMemberID identifies the insurer: Claim.insurer.identifier.value is its
	// consortium member id in decimal.
	SystemMemberID = "urn:claimchain:member-id"
	// ExtAttestationLine is the Claim.item extension (valueString
	// "ATT-<provider id>-<sequence>#<line>") naming the attested service line a
	// claim line bills.
	ExtAttestationLine = "urn:claimchain:attestation-line"
	// ExtPreAuthRef is the optional Claim.item extension (valueString) choosing
	// which of the focal insurance's preAuthRef values applies to the line.
	ExtPreAuthRef = "urn:claimchain:preauth-ref"

	// SystemICD10CM is the code system of diagnosis codes.
	SystemICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
	// SystemCPT, SystemHCPCS and SystemHCPCSOID are the accepted code systems of
	// Claim.item.productOrService and Claim.item.modifier.
	SystemCPT      = "http://www.ama-assn.org/go/cpt"
	SystemHCPCS    = "https://bluebutton.cms.gov/resources/codesystem/hcpcs"
	SystemHCPCSOID = "urn:oid:2.16.840.1.113883.6.285"
)

// attestationIDPrefix is the prefix of attestation ids ("ATT-3-17").
const attestationIDPrefix = "ATT"

// maxExponent bounds the exponent of a FHIR decimal written in E notation, so
// that a hostile file cannot make big.Rat build a huge power of ten.
const maxExponent = 20

// PathError is a refused or malformed FHIR element. Path is the FHIRPath-style
// location of the element, e.g. "Claim.item[1].quantity.value" (indices are
// 0-based as in FHIRPath).
type PathError struct {
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *PathError) Unwrap() error { return e.Err }

func pathErrorf(path, format string, args ...any) error {
	return &PathError{Path: path, Err: fmt.Errorf(format, args...)}
}

func pathWrap(path string, err error) error {
	return &PathError{Path: path, Err: err}
}

// ClaimFromFHIR maps a FHIR R4 Claim resource (JSON) onto a MsgSubmitClaim
// signed by provider (the account address of the provider's operator).
//
// Every element the chain needs is mapped; elements the chain does not need are
// ignored, never copied; elements that would carry patient free text or PHI, or
// whose meaning would be lost, are refused. A refused or malformed element gives
// a *PathError naming its FHIR path. The mapping is documented in
// examples/fhir/README.md.
func ClaimFromFHIR(data []byte, provider string) (*types.MsgSubmitClaim, error) {
	if provider == "" {
		return nil, errors.New("a provider address is required (--from)")
	}

	top, err := checkResourceType(data)
	if err != nil {
		return nil, err
	}
	msg := &types.MsgSubmitClaim{Provider: provider}
	if msg.Use, err = mapUse(top["use"]); err != nil {
		return nil, err
	}
	if err := checkElement("Claim", data, reflect.TypeFor[fhir401.Claim]()); err != nil {
		return nil, err
	}
	claim, err := fhir401.UnmarshalClaim(data)
	if err != nil { // checkElement has seen every element, so this is unexpected
		return nil, pathWrap("Claim", err)
	}
	if err := refusePHI(&claim); err != nil {
		return nil, err
	}

	if msg.Member, err = mapPatient(&claim.Patient); err != nil {
		return nil, err
	}
	if msg.InsurerId, err = mapInsurer(claim.Insurer); err != nil {
		return nil, err
	}
	diagnosisSeqs := map[int]bool{}
	if msg.DiagnosisCodes, err = mapDiagnoses(claim.Diagnosis, diagnosisSeqs); err != nil {
		return nil, err
	}
	preAuthRefs, err := mapInsurance(claim.Insurance)
	if err != nil {
		return nil, err
	}
	for i, ext := range claim.Extension {
		if ext.Url == ExtAttestationLine || ext.Url == ExtPreAuthRef {
			return nil, pathErrorf(fmt.Sprintf("Claim.extension[%d]", i), "%s belongs on Claim.item[n].extension", ext.Url)
		}
	}

	if len(claim.Item) == 0 {
		return nil, pathErrorf("Claim.item", "at least one item is required")
	}
	if len(claim.Item) > attestationtypes.MaxLines {
		return nil, pathErrorf("Claim.item", "%d items, at most %d allowed", len(claim.Item), attestationtypes.MaxLines)
	}
	var currency located // of the first item; every amount must share it
	total := new(big.Int)
	billed := map[string]int{} // attestation line -> item index
	for i := range claim.Item {
		p := fmt.Sprintf("Claim.item[%d]", i)
		line, cur, err := mapItem(p, i, &claim.Item[i], msg.Use, diagnosisSeqs, preAuthRefs)
		if err != nil {
			return nil, err
		}
		if line.AttestationId != "" {
			key := fmt.Sprintf("%s#%d", line.AttestationId, line.AttestationLine)
			if j, dup := billed[key]; dup {
				return nil, pathErrorf(p+".extension", "%s is already billed by Claim.item[%d]: an attested line is billed once per claim", key, j)
			}
			billed[key] = i
		}
		if i == 0 {
			currency = cur
		} else if cur.code != currency.code {
			return nil, pathErrorf(cur.path, "%s differs from %s of Claim.item[0]: a claim is billed in one currency", cur.code, currency.code)
		}
		total.Add(total, line.Billed.Amount.BigInt())
		msg.Lines = append(msg.Lines, line)
	}

	if claim.Total != nil {
		m, err := parseMoney("Claim.total", claim.Total)
		if err != nil {
			return nil, err
		}
		if m.currency.code != currency.code {
			return nil, pathErrorf(m.currency.path, "%s differs from %s of the items", m.currency.code, currency.code)
		}
		if m.minor.Cmp(total) != 0 {
			return nil, pathErrorf("Claim.total", "%s disagrees with the sum of the items, %s",
				m, formatMinor(total, currency.code))
		}
	}
	return msg, nil
}

// ---------------------------------------------------------------------------
// Structure: resourceType, unknown elements, malformed values

// checkResourceType checks that data is one FHIR resource in JSON, a Claim, and
// returns its top-level elements.
func checkResourceType(data []byte) (map[string]json.RawMessage, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			line, col := position(data, syn.Offset-1) // Offset is just past the offending byte
			return nil, pathErrorf("Claim", "malformed JSON at line %d, column %d: %v", line, col, err)
		}
		return nil, pathErrorf("Claim", "not a FHIR resource: want a JSON object: %v", err)
	}
	if top == nil {
		return nil, pathErrorf("Claim", "not a FHIR resource: want a JSON object, got null")
	}
	raw, ok := top["resourceType"]
	if !ok {
		return nil, pathErrorf("Claim.resourceType", "required: a FHIR resource names its type")
	}
	var rt string
	if err := json.Unmarshal(raw, &rt); err != nil {
		return nil, pathErrorf("Claim.resourceType", "want a string")
	}
	if rt != "Claim" {
		return nil, pathErrorf("Claim.resourceType", "%q is not a Claim: submit one FHIR R4 Claim resource", rt)
	}
	return top, nil
}

// position turns a 0-based byte offset into a 1-based line and column.
func position(data []byte, offset int64) (line, col int) {
	line, col = 1, 1
	for i := int64(0); i < offset && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return line, col
}

var (
	unmarshalerType = reflect.TypeFor[json.Unmarshaler]()
	rawMessageType  = reflect.TypeFor[json.RawMessage]()
	numberType      = reflect.TypeFor[json.Number]()

	fieldCache sync.Map // reflect.Type -> map[string]reflect.Type (JSON name -> field type)
)

// jsonFields returns the JSON element names of a fhir401 struct type.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	if f, ok := fieldCache.Load(t); ok {
		return f.(map[string]reflect.Type)
	}
	fields := map[string]reflect.Type{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
	}
	fieldCache.Store(t, fields)
	return fields
}

// checkElement walks raw alongside the fhir401 type t, naming the path of the
// first unknown element, null, refused modifier extension or malformed value,
// so that nothing is silently dropped by the decoder and every error names a
// path.
func checkElement(path string, raw json.RawMessage, t reflect.Type) error {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return pathErrorf(path, "null is not allowed in FHIR JSON: leave the element out")
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == rawMessageType:
		return nil // contained resources: refused or checked elsewhere
	case t == numberType:
		if len(raw) == 0 || (raw[0] != '-' && (raw[0] < '0' || raw[0] > '9')) {
			return pathErrorf(path, "want a JSON number, got %s", clip(raw))
		}
		return nil
	case reflect.PointerTo(t).Implements(unmarshalerType):
		// A FHIR code bound to a value set, decoded by the library.
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			return pathErrorf(path, "malformed value %s: %v", clip(raw), err)
		}
		return nil
	case t.Kind() == reflect.Slice:
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return pathErrorf(path, "want a JSON array (this element repeats), got %s", clip(raw))
		}
		for i, e := range elems {
			if err := checkElement(fmt.Sprintf("%s[%d]", path, i), e, t.Elem()); err != nil {
				return err
			}
		}
		return nil
	case t.Kind() == reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return pathErrorf(path, "want a JSON object, got %s", clip(raw))
		}
		fields := jsonFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			p := path + "." + k
			if path == "Claim" && k == "resourceType" {
				continue
			}
			if strings.HasPrefix(k, "_") {
				return pathErrorf(p, "primitive extensions are not supported")
			}
			ft, ok := fields[k]
			if !ok {
				return pathErrorf(p, "not an element of FHIR R4 %s", elementOf(path, t))
			}
			if k == "modifierExtension" {
				return pathErrorf(p, "refused: a modifier extension changes the meaning of its element and none is understood here")
			}
			if err := checkElement(p, obj[k], ft); err != nil {
				return err
			}
		}
		return nil
	default:
		if err := json.Unmarshal(raw, reflect.New(t).Interface()); err != nil {
			want := map[reflect.Kind]string{reflect.Int: "an integer", reflect.String: "a string", reflect.Bool: "true or false"}[t.Kind()]
			if want == "" {
				want = "a " + t.Kind().String()
			}
			return pathErrorf(path, "want %s, got %s", want, clip(raw))
		}
		return nil
	}
}

// elementOf names the FHIR element or data type whose children are being
// checked: "Claim.item" for a backbone element of Claim, "Quantity" for a data
// type.
func elementOf(path string, t reflect.Type) string {
	if strings.HasPrefix(t.Name(), "Claim") {
		return indices.ReplaceAllString(path, "")
	}
	return t.Name()
}

var indices = regexp.MustCompile(`\[[0-9]+\]`)

func clip(raw []byte) string {
	const n = 40
	if len(raw) > n {
		return string(raw[:n]) + "..."
	}
	return string(raw)
}

// ---------------------------------------------------------------------------
// Refusals that are not about a single mapped element

// refusePHI refuses the elements that carry patient free text or PHI and are
// never mapped, or whose meaning cannot be kept.
func refusePHI(c *fhir401.Claim) error {
	if c.ImplicitRules != nil {
		return pathErrorf("Claim.implicitRules", "refused: the resource says it follows rules this importer does not know")
	}
	if len(c.Contained) > 0 {
		var r struct {
			ResourceType string `json:"resourceType"`
		}
		_ = json.Unmarshal(c.Contained[0], &r)
		return pathErrorf("Claim.contained[0]",
			"refused: contained resources (here %q) are not mapped and may carry PHI; identify the patient by Claim.patient.identifier with system %s",
			r.ResourceType, SystemMemberPseudonym)
	}
	if c.Accident != nil {
		return pathErrorf("Claim.accident", "refused: accident dates, places and descriptions are PHI and are not mapped")
	}
	for i, si := range c.SupportingInfo {
		p := fmt.Sprintf("Claim.supportingInfo[%d]", i)
		if si.ValueString != nil {
			return pathErrorf(p+".valueString", "refused: free text about the patient never goes on chain")
		}
		if si.ValueAttachment != nil {
			return pathErrorf(p+".valueAttachment", "refused: documents about the patient never go on chain")
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// Claim-level elements

func mapUse(raw json.RawMessage) (types.ClaimUse, error) {
	if raw == nil {
		return 0, pathErrorf("Claim.use", "required: claim, preauthorization or predetermination")
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, pathErrorf("Claim.use", "want a string")
	}
	switch s { // FHIR codes are case-sensitive
	case fhir401.UseClaim.Code():
		return types.CLAIM_USE_CLAIM, nil
	case fhir401.UsePreauthorization.Code():
		return types.CLAIM_USE_PREAUTHORIZATION, nil
	case fhir401.UsePredetermination.Code():
		return types.CLAIM_USE_PREDETERMINATION, nil
	}
	return 0, pathErrorf("Claim.use", "unknown use %q: want claim, preauthorization or predetermination", s)
}

func mapPatient(p *fhir401.Reference) (string, error) {
	if p.Display != nil {
		return "", pathErrorf("Claim.patient.display",
			"refused: names and other free text about the patient never go on chain; identify the patient by Claim.patient.identifier with system %s",
			SystemMemberPseudonym)
	}
	if p.Reference != nil {
		return "", pathErrorf("Claim.patient.reference",
			"refused: a reference to a Patient resource would carry names and birth dates; identify the patient by Claim.patient.identifier with system %s",
			SystemMemberPseudonym)
	}
	id := p.Identifier
	if id == nil {
		return "", pathErrorf("Claim.patient.identifier", "required: the member pseudonym, with system %s", SystemMemberPseudonym)
	}
	if id.System == nil || *id.System != SystemMemberPseudonym {
		return "", pathErrorf("Claim.patient.identifier.system",
			"%s refused: only the insurer-issued member pseudonym (system %s) identifies a patient; member numbers, MRNs and SSNs never go on chain",
			quoteOrAbsent(id.System), SystemMemberPseudonym)
	}
	if id.Value == nil {
		return "", pathErrorf("Claim.patient.identifier.value", "required: the 64-hex-character member pseudonym")
	}
	if err := attestationtypes.ValidatePseudonym(*id.Value); err != nil {
		return "", pathWrap("Claim.patient.identifier.value", err)
	}
	return *id.Value, nil
}

func mapInsurer(r *fhir401.Reference) (uint64, error) {
	if r == nil {
		return 0, pathErrorf("Claim.insurer", "required: the insurer's identifier with system %s", SystemMemberID)
	}
	if r.Identifier == nil {
		return 0, pathErrorf("Claim.insurer.identifier", "required: the insurer's consortium member id, with system %s", SystemMemberID)
	}
	id := r.Identifier
	if id.System == nil || *id.System != SystemMemberID {
		return 0, pathErrorf("Claim.insurer.identifier.system", "%s: want %s (the insurer's consortium member id)", quoteOrAbsent(id.System), SystemMemberID)
	}
	if id.Value == nil {
		return 0, pathErrorf("Claim.insurer.identifier.value", "required: the insurer's member id in decimal")
	}
	n, err := strconv.ParseUint(*id.Value, 10, 64)
	if err != nil || n == 0 || strconv.FormatUint(n, 10) != *id.Value {
		return 0, pathErrorf("Claim.insurer.identifier.value", "%q: want a member id, a positive decimal number such as 1", *id.Value)
	}
	return n, nil
}

// mapDiagnoses returns the ICD-10-CM codes in sequence order and records the
// diagnosis sequences in seqs.
func mapDiagnoses(diags []fhir401.ClaimDiagnosis, seqs map[int]bool) ([]string, error) {
	var codes []string
	for i, d := range diags {
		p := fmt.Sprintf("Claim.diagnosis[%d]", i)
		if d.Sequence != i+1 {
			return nil, pathErrorf(p+".sequence", "%d, want %d: diagnoses are numbered 1..n in order", d.Sequence, i+1)
		}
		seqs[d.Sequence] = true
		if ref := d.DiagnosisReference; ref.Reference != nil || ref.Identifier != nil || ref.Display != nil {
			return nil, pathErrorf(p+".diagnosisReference",
				"refused: a reference to a Condition is not mapped; code the diagnosis in diagnosisCodeableConcept with system %s", SystemICD10CM)
		}
		code, cp, err := pickCode(p+".diagnosisCodeableConcept", d.DiagnosisCodeableConcept, SystemICD10CM)
		if err != nil {
			return nil, err
		}
		if _, err := attestationtypes.NormalizeDiagnosisCode(code); err != nil {
			return nil, pathWrap(cp, err)
		}
		codes = append(codes, code)
	}
	if len(codes) == 0 {
		return nil, nil
	}
	norm, err := attestationtypes.NormalizeDiagnosisCodes(codes)
	if err != nil {
		return nil, pathWrap("Claim.diagnosis", err)
	}
	return norm, nil
}

// mapInsurance returns the preAuthRef values of the focal insurance.
func mapInsurance(ins []fhir401.ClaimInsurance) ([]string, error) {
	focal := -1
	for i, in := range ins {
		if !in.Focal {
			continue
		}
		if focal >= 0 {
			return nil, pathErrorf(fmt.Sprintf("Claim.insurance[%d].focal", i), "only one insurance may be focal; Claim.insurance[%d] already is", focal)
		}
		focal = i
	}
	if len(ins) == 0 {
		return nil, nil
	}
	if focal < 0 {
		return nil, pathErrorf("Claim.insurance", "one insurance must have focal=true: the coverage this claim is adjudicated against")
	}
	refs := ins[focal].PreAuthRef
	for j, ref := range refs {
		if err := validatePreAuthRef(ref); err != nil {
			return nil, pathWrap(fmt.Sprintf("Claim.insurance[%d].preAuthRef[%d]", focal, j), err)
		}
	}
	return refs, nil
}

// validatePreAuthRef checks a prior-authorization reference as the chain does:
// 1 to 64 letters, digits, '-', '_' and '.'.
func validatePreAuthRef(ref string) error {
	if !preAuthRefPattern.MatchString(ref) {
		return fmt.Errorf("%q: want a prior-authorization reference of 1 to 64 letters, digits, '-', '_' and '.'", ref)
	}
	return nil
}

var preAuthRefPattern = regexp.MustCompile(`^[0-9A-Za-z._-]{1,64}$`)

// pickCode returns the code of the coding of cc in one of systems and that
// code's path. Codings in other systems are ignored; two different codes in the
// accepted systems are ambiguous.
func pickCode(path string, cc fhir401.CodeableConcept, systems ...string) (code, codePath string, err error) {
	for k, c := range cc.Coding {
		if c.System == nil || !slices.Contains(systems, *c.System) {
			continue
		}
		cp := fmt.Sprintf("%s.coding[%d].code", path, k)
		if c.Code == nil || *c.Code == "" {
			return "", "", pathErrorf(cp, "required")
		}
		if codePath != "" && *c.Code != code {
			return "", "", pathErrorf(cp, "%q conflicts with %q at %s: one code per element", *c.Code, code, codePath)
		}
		if codePath == "" {
			code, codePath = *c.Code, cp
		}
	}
	if codePath == "" {
		if len(cc.Coding) == 0 && cc.Text == nil {
			return "", "", pathErrorf(path, "required: a coding with system %s", strings.Join(systems, " or "))
		}
		return "", "", pathErrorf(path+".coding", "no coding with system %s", strings.Join(systems, " or "))
	}
	return code, codePath, nil
}

func quoteOrAbsent(s *string) string {
	if s == nil {
		return "absent"
	}
	return strconv.Quote(*s)
}

// ---------------------------------------------------------------------------
// Items

func mapItem(p string, i int, it *fhir401.ClaimItem, use types.ClaimUse, diagnosisSeqs map[int]bool, preAuthRefs []string,
) (types.SubmittedLine, located, error) {
	var line types.SubmittedLine
	if it.Sequence != i+1 {
		return line, located{}, pathErrorf(p+".sequence", "%d, want %d: items are numbered 1..n in order", it.Sequence, i+1)
	}
	for j, ds := range it.DiagnosisSequence {
		if !diagnosisSeqs[ds] {
			return line, located{}, pathErrorf(fmt.Sprintf("%s.diagnosisSequence[%d]", p, j), "%d: no Claim.diagnosis has this sequence", ds)
		}
	}
	if len(it.Detail) > 0 {
		return line, located{}, pathErrorf(p+".detail", "refused: item details are not mapped; bill each service as its own item")
	}

	// productOrService -> code
	code, cp, err := pickCode(p+".productOrService", it.ProductOrService, SystemCPT, SystemHCPCS, SystemHCPCSOID)
	if err != nil {
		return line, located{}, err
	}
	if err := attestationtypes.ValidateProcedureCode(code); err != nil {
		return line, located{}, pathWrap(cp, err)
	}
	line.Code = code

	// modifier[].coding[0].code -> modifiers
	for j, m := range it.Modifier {
		mp := fmt.Sprintf("%s.modifier[%d]", p, j)
		if len(m.Coding) == 0 {
			return line, located{}, pathErrorf(mp+".coding", "required: a modifier is a coded value such as 25 or RT")
		}
		if m.Coding[0].Code == nil || *m.Coding[0].Code == "" {
			return line, located{}, pathErrorf(mp+".coding[0].code", "required")
		}
		line.Modifiers = append(line.Modifiers, *m.Coding[0].Code)
	}
	if err := attestationtypes.ValidateModifiers(line.Modifiers); err != nil {
		return line, located{}, pathWrap(p+".modifier", err)
	}

	// servicedDate -> service_date
	switch {
	case it.ServicedPeriod != nil:
		return line, located{}, pathErrorf(p+".servicedPeriod", "refused: a line has one date of service; give servicedDate, with one item per date")
	case it.ServicedDate == nil:
		return line, located{}, pathErrorf(p+".servicedDate", "required: the date of service (or planned date), YYYY-MM-DD")
	}
	if err := attestationtypes.ValidateDate("servicedDate", *it.ServicedDate); err != nil {
		return line, located{}, pathWrap(p+".servicedDate", err)
	}
	line.ServiceDate = *it.ServicedDate

	// quantity.value -> units
	if line.Units, err = mapQuantity(p+".quantity", it.Quantity); err != nil {
		return line, located{}, err
	}

	// net, or unitPrice × quantity × factor -> billed
	billed, cur, err := mapAmount(p, it, line.Units)
	if err != nil {
		return line, located{}, err
	}
	line.Billed = billed

	// extensions -> attestation_id, attestation_line, preauth_ref
	if err := mapItemExtensions(p, it.Extension, use, preAuthRefs, &line); err != nil {
		return line, located{}, err
	}
	return line, cur, nil
}

// mapQuantity returns the units of a line: a positive whole number, 1 when the
// quantity is absent.
func mapQuantity(p string, q *fhir401.Quantity) (uint32, error) {
	if q == nil {
		return 1, nil
	}
	if q.Comparator != nil {
		return 0, pathErrorf(p+".comparator", "refused: units are an exact count")
	}
	if q.Value == nil {
		return 0, pathErrorf(p+".value", "required: the number of units")
	}
	v, err := parseDecimal(q.Value.String())
	if err != nil {
		return 0, pathWrap(p+".value", err)
	}
	if !v.IsInt() {
		return 0, pathErrorf(p+".value", "%s is not a whole number of units", q.Value.String())
	}
	n := v.Num()
	if n.Sign() <= 0 || !n.IsUint64() || n.Uint64() > attestationtypes.MaxUnits {
		return 0, pathErrorf(p+".value", "%s: want 1 to %d units", q.Value.String(), attestationtypes.MaxUnits)
	}
	units := uint32(n.Uint64())
	if err := attestationtypes.ValidateUnits(units); err != nil {
		return 0, pathWrap(p+".value", err)
	}
	return units, nil
}

// mapAmount returns the billed amount of an item: net, or unitPrice × quantity
// × factor when net is absent; when both are given they must agree.
func mapAmount(p string, it *fhir401.ClaimItem, units uint32) (sdk.Coin, located, error) {
	var net, price *money
	var err error
	if it.Net != nil {
		if net, err = parseMoney(p+".net", it.Net); err != nil {
			return sdk.Coin{}, located{}, err
		}
	}
	if it.UnitPrice != nil {
		if price, err = parseMoney(p+".unitPrice", it.UnitPrice); err != nil {
			return sdk.Coin{}, located{}, err
		}
	}
	factor := big.NewRat(1, 1)
	if it.Factor != nil {
		if factor, err = parseDecimal(it.Factor.String()); err != nil {
			return sdk.Coin{}, located{}, pathWrap(p+".factor", err)
		}
		if factor.Sign() <= 0 {
			return sdk.Coin{}, located{}, pathErrorf(p+".factor", "%s: want a positive factor", it.Factor.String())
		}
	}

	if net == nil && price == nil {
		return sdk.Coin{}, located{}, pathErrorf(p+".net", "required (or unitPrice): the billed amount of the item")
	}
	if price != nil {
		computed := new(big.Rat).Mul(price.value, new(big.Rat).SetInt64(int64(units)))
		computed.Mul(computed, factor)
		expr := fmt.Sprintf("unitPrice × quantity = %s × %d", price, units)
		if it.Factor != nil {
			expr = fmt.Sprintf("unitPrice × quantity × factor = %s × %d × %s", price, units, it.Factor.String())
		}
		if net != nil {
			if net.currency.code != price.currency.code {
				return sdk.Coin{}, located{}, pathErrorf(net.currency.path, "%s differs from unitPrice's %s", net.currency.code, price.currency.code)
			}
			if net.value.Cmp(computed) != 0 {
				return sdk.Coin{}, located{}, pathErrorf(p+".net", "%s disagrees with %s = %s %s", net, expr,
					computed.FloatString(minorExponent(price.currency.code)), price.currency.code)
			}
		} else {
			minor, err := toMinor(computed, price.currency.code)
			if err != nil {
				return sdk.Coin{}, located{}, pathErrorf(p+".unitPrice", "%s = %s %s: %v", expr,
					computed.FloatString(minorExponent(price.currency.code)+4), price.currency.code, err)
			}
			net = &money{value: computed, minor: minor, currency: price.currency}
		}
	}
	if net.minor.Sign() == 0 {
		return sdk.Coin{}, located{}, pathErrorf(p+".net", "%s: a line bills a positive amount", net)
	}
	if net.minor.Cmp(big.NewInt(limits.MaxAmount)) > 0 {
		return sdk.Coin{}, located{}, pathErrorf(p+".net", "%s is too large: a line bills at most %s",
			net, formatMinor(big.NewInt(limits.MaxAmount), net.currency.code))
	}
	return sdk.Coin{Denom: strings.ToLower(net.currency.code), Amount: sdkmath.NewIntFromBigInt(net.minor)}, net.currency, nil
}

// mapItemExtensions maps the attestation-line and preauth-ref extensions.
func mapItemExtensions(p string, exts []fhir401.Extension, use types.ClaimUse, preAuthRefs []string, line *types.SubmittedLine) error {
	attPath, refPath := "", ""
	for k, ext := range exts {
		ep := fmt.Sprintf("%s.extension[%d]", p, k)
		switch ext.Url {
		case ExtAttestationLine:
			if attPath != "" {
				return pathErrorf(ep, "a second %s extension (first at %s): a line bills one attested service line", ExtAttestationLine, attPath)
			}
			attPath = ep
			if use != types.CLAIM_USE_CLAIM {
				return pathErrorf(ep, "refused: a %s line is planned care and points at no attestation line", useCode(use))
			}
			if ext.ValueString == nil {
				return pathErrorf(ep, "want valueString \"ATT-<provider id>-<sequence>#<line>\" such as \"ATT-3-17#2\"")
			}
			id, n, err := parseAttestationLine(*ext.ValueString)
			if err != nil {
				return pathWrap(ep+".valueString", err)
			}
			line.AttestationId, line.AttestationLine = id, n
		case ExtPreAuthRef:
			if refPath != "" {
				return pathErrorf(ep, "a second %s extension (first at %s)", ExtPreAuthRef, refPath)
			}
			refPath = ep
			if ext.ValueString == nil {
				return pathErrorf(ep, "want valueString, one of the focal Claim.insurance.preAuthRef values")
			}
			if !slices.Contains(preAuthRefs, *ext.ValueString) {
				return pathErrorf(ep+".valueString", "%q is not among the focal insurance's preAuthRef values %q", *ext.ValueString, preAuthRefs)
			}
			line.PreauthRef = *ext.ValueString
		}
	}
	if use == types.CLAIM_USE_CLAIM && attPath == "" {
		return pathErrorf(p+".extension", "required: a claim line points at the attested service line it bills with extension %s (valueString \"ATT-3-17#2\")",
			ExtAttestationLine)
	}
	if refPath == "" {
		switch len(preAuthRefs) {
		case 0:
		case 1:
			line.PreauthRef = preAuthRefs[0]
		default:
			return pathErrorf(p+".extension", "required: the focal insurance lists %d preAuthRef values; choose this line's with extension %s",
				len(preAuthRefs), ExtPreAuthRef)
		}
	}
	return nil
}

// parseAttestationLine reads "ATT-<provider id>-<sequence>#<line>".
func parseAttestationLine(s string) (string, uint32, error) {
	id, lineStr, ok := strings.Cut(s, "#")
	if !ok {
		return "", 0, fmt.Errorf("%q: want \"ATT-<provider id>-<sequence>#<line>\" such as \"ATT-3-17#2\"", s)
	}
	if _, _, err := attestationtypes.ParseID(attestationIDPrefix, id); err != nil {
		return "", 0, err
	}
	n, err := strconv.ParseUint(lineStr, 10, 32)
	if err != nil || n == 0 || n > attestationtypes.MaxLines || strconv.FormatUint(n, 10) != lineStr {
		return "", 0, fmt.Errorf("%q: line %q is not a line number 1 to %d", s, lineStr, attestationtypes.MaxLines)
	}
	return id, uint32(n), nil
}

func useCode(u types.ClaimUse) string {
	switch u {
	case types.CLAIM_USE_PREAUTHORIZATION:
		return fhir401.UsePreauthorization.Code()
	case types.CLAIM_USE_PREDETERMINATION:
		return fhir401.UsePredetermination.Code()
	}
	return fhir401.UseClaim.Code()
}

// ---------------------------------------------------------------------------
// Decimals and money, exactly

// fhirDecimal is the JSON form of a FHIR decimal.
var fhirDecimal = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// parseDecimal reads a FHIR decimal exactly.
func parseDecimal(s string) (*big.Rat, error) {
	m := fhirDecimal.FindStringSubmatch(s)
	if m == nil {
		return nil, fmt.Errorf("%q is not a decimal number", s)
	}
	if m[3] != "" {
		exp, err := strconv.Atoi(strings.TrimLeft(m[3][1:], "+"))
		if err != nil || exp > maxExponent || exp < -maxExponent {
			return nil, fmt.Errorf("%s: exponent out of range", s)
		}
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return nil, fmt.Errorf("%q is not a decimal number", s)
	}
	return r, nil
}

// located is a currency code and the path it was read from.
type located struct {
	code string
	path string
}

// money is a parsed FHIR Money: its exact value, its amount in integer minor
// units and its currency.
type money struct {
	raw      string
	value    *big.Rat
	minor    *big.Int
	currency located
}

func (m *money) String() string {
	if m.raw != "" {
		return m.raw + " " + m.currency.code
	}
	return m.value.FloatString(minorExponent(m.currency.code)) + " " + m.currency.code
}

var currencyCode = fhirmoney.CurrencyCode

// parseMoney reads a FHIR Money: a non-negative value in whole minor units of
// an ISO 4217 currency.
func parseMoney(p string, m *fhir401.Money) (*money, error) {
	if m.Currency == nil {
		return nil, pathErrorf(p+".currency", "required: an ISO 4217 currency code such as USD")
	}
	cur := *m.Currency
	if !currencyCode.MatchString(cur) {
		return nil, pathErrorf(p+".currency", "%q: want an ISO 4217 currency code such as USD", cur)
	}
	if m.Value == nil {
		return nil, pathErrorf(p+".value", "required")
	}
	v, err := parseDecimal(m.Value.String())
	if err != nil {
		return nil, pathWrap(p+".value", err)
	}
	if v.Sign() < 0 {
		return nil, pathErrorf(p+".value", "%s %s: amounts are not negative", m.Value.String(), cur)
	}
	minor, err := toMinor(v, cur)
	if err != nil {
		return nil, pathErrorf(p+".value", "%s %s: %v", m.Value.String(), cur, err)
	}
	return &money{raw: m.Value.String(), value: v, minor: minor, currency: located{code: cur, path: p + ".currency"}}, nil
}

// minorExponent is the number of decimal places of a currency's minor unit.
func minorExponent(currency string) int { return fhirmoney.MinorExponent(currency) }

// toMinor converts an amount in currency units to whole minor units exactly.
func toMinor(v *big.Rat, currency string) (*big.Int, error) {
	exp := minorExponent(currency)
	scaled := new(big.Rat).Mul(v, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil)))
	if !scaled.IsInt() {
		return nil, fmt.Errorf("more than %d decimal places: not a whole number of minor units of %s", exp, currency)
	}
	return new(big.Int).Set(scaled.Num()), nil
}

func formatMinor(minor *big.Int, currency string) string {
	exp := minorExponent(currency)
	r := new(big.Rat).SetFrac(minor, new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(exp)), nil))
	return r.FloatString(exp) + " " + currency
}
