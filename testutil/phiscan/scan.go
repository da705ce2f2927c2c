// Package phiscan looks for protected health information (PHI) in claimchain
// state: person names, full dates of birth, ages over 89, Social Security
// numbers, phone numbers, e-mail addresses, street addresses, and anything
// other than an opaque pseudonym or a code in the fields about a patient.
//
// Chain state is readable by every node operator and every analyst a node
// serves, so it must hold only what adjudication needs (docs/privacy.md). The
// scanner is the test of that rule: TestNoPHIInChainState runs a realistic
// workload, exports genesis, walks every module's raw KV store and the events,
// and fails on any hit.
//
// What a string may hold depends on the field it sits in. Fields are named by
// their path in the exported JSON ("adjudication.coverages[3].member"); Rules
// give each field a Class by the end of its path, without indices. A field no
// rule names is ClassGeneral: it may hold any text, but no name pair, SSN,
// phone number, e-mail, street address or labelled date of birth.
package phiscan

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Kind is a kind of PHI.
type Kind string

// The kinds of PHI the scanner reports.
const (
	// KindName is a person's name: a first name followed by a last name from
	// the lists ("John Smith", "SMITH, JOHN", "John Q. Smith"), any listed name
	// in a field about a patient, or any value of a person-name field.
	KindName Kind = "person-name"
	// KindBirthDate is a full date (day and month, not just the year) in a
	// field about a birth or in a patient identifier, or a date labelled as a
	// birth date anywhere ("DOB 04/12/1980").
	KindBirthDate Kind = "birth-date"
	// KindAgeOver89 is a birth year that shows an age of 90 or more (Safe Harbor
	// aggregates those as "90+").
	KindAgeOver89 Kind = "age-over-89"
	// KindSSN is a Social Security number: NNN-NN-NNNN anywhere, or nine bare
	// digits in a field about a patient.
	KindSSN Kind = "ssn"
	// KindPhone is a formatted North American phone number, or ten bare digits
	// in a field about a patient (other than an NPI in a claim's text).
	KindPhone Kind = "phone"
	// KindEmail is an e-mail address.
	KindEmail Kind = "email"
	// KindAddress is a street address ("123 Main St"), a PO box or a
	// "City, ST 12345" line.
	KindAddress Kind = "street-address"
	// KindFreeText is a value in a field about a patient that is not what the
	// field must hold: a member that is not a random pseudonym, a diagnosis
	// that is not an ICD-10-CM code, words where a code or hash belongs.
	KindFreeText Kind = "free-text"
)

// Hit is one value that looks like PHI.
type Hit struct {
	// Path names the field: "adjudication.coverages[3].member" in the export,
	// "kv/claims/…" in a raw store, "event/<type>.<attribute>" in an event.
	Path string
	Kind Kind
	// Match is the part of the value that matched, Value the whole value
	// (shortened when long).
	Match string
	Value string
	// Why says which rule the value broke.
	Why string
}

func (h Hit) String() string {
	return fmt.Sprintf("%s: %s %q (%s) in %q", h.Path, h.Kind, h.Match, h.Why, h.Value)
}

// Class says what a field may hold.
type Class int

// The field classes.
const (
	// ClassGeneral fields may hold any text without PHI patterns.
	ClassGeneral Class = iota
	// ClassPseudonym fields hold the insurer's random pseudonym of a member:
	// 64 lower-case hex characters.
	ClassPseudonym
	// ClassCoded fields are about a patient and must match the rule's Format
	// (a code, a date of service, an enum, an account address, a digest).
	ClassCoded
	// ClassPatientText fields are text attached to one patient's record (a
	// claim's history, a record locator): no listed name may appear in them,
	// not even alone, and no nine-digit number.
	ClassPatientText
	// ClassBirth fields are about a member's birth: a year (or 0 for "90+"),
	// never a full date, and never a year that shows an age over 89.
	ClassBirth
	// ClassOrganisation fields name consortium organisations, practitioners and
	// plans, which are not patients: person names, phone numbers, e-mail and
	// street addresses are allowed there (an NPI registry lists them publicly).
	ClassOrganisation
	// ClassPersonName fields are meant for a person's name (first_name,
	// last_name…): any non-empty value is a hit. Claimchain has none.
	ClassPersonName
)

func (c Class) String() string {
	return [...]string{"general", "pseudonym", "coded", "patient-text", "birth", "organisation", "person-name"}[c]
}

// Rule gives the fields whose index-free path ends with Suffix a class.
type Rule struct {
	// Suffix is matched against whole path elements: "member" matches
	// "claims.claims.member" but not "claims.claims.members"; "history.reason"
	// matches "claims.claims.history.reason". A suffix starting with "*"
	// matches a last element that contains the rest, in any case ("*birth"
	// matches "birth_date" and "DateOfBirth").
	Suffix string
	Class  Class
	// Format is what a ClassCoded value must match in full.
	Format *regexp.Regexp
	// Why is the reason, shown with hits.
	Why string
}

// Scanner checks strings against the detectors their field's class calls for.
type Scanner struct {
	// Rules are tried in order; the first whose suffix matches wins.
	Rules []Rule
	// Names are the first and last names the name detectors look for.
	Names *Names
	// Year is the calendar year the state is read in, for the age check of
	// birth years.
	Year int

	// classes caches Classify by index-free path. A Scanner is not safe for
	// concurrent use.
	classes map[string]Rule
	// organisations are the values seen in ClassOrganisation fields. The raw
	// KV pass, which has no field names, skips them: a practice may carry its
	// physician's name ("Maria Garcia MD Pediatrics"). Scan the export first.
	organisations map[string]bool
}

// New returns a scanner with DefaultRules and the committed name lists, for
// state read in year.
func New(year int) *Scanner {
	return &Scanner{Rules: DefaultRules(), Names: DefaultNames(), Year: year}
}

// Formats of coded patient fields.
var (
	// FormatPseudonym is ValidatePseudonym's shape (x/attestation/types).
	FormatPseudonym = regexp.MustCompile(`^[0-9a-f]{64}$`)
	// FormatICD10 is an ICD-10-CM code or prefix, with or without the dot.
	FormatICD10 = regexp.MustCompile(`^[A-Z][0-9][0-9A-Z](\.?[0-9A-Z]{1,4})?$`)
	// FormatDate is an ISO date (a date of service, coverage or validity), or empty.
	FormatDate = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})?$`)
	// FormatAddress is a bech32 account address, or empty.
	FormatAddress = regexp.MustCompile(`^([a-z0-9]{1,83}1[02-9ac-hj-np-z]{38,90})?$`)
	// FormatSex is the coverage enum, or the age/sex table's F, M or either.
	FormatSex = regexp.MustCompile(`^(SEX_(UNSPECIFIED|FEMALE|MALE|UNKNOWN)|F|M|)$`)
	// FormatBool is a JSON boolean.
	FormatBool = regexp.MustCompile(`^(true|false)$`)
	// FormatTermination is the coverage termination enum.
	FormatTermination = regexp.MustCompile(`^TERMINATION_REASON_[A-Z_]+$`)
	// FormatPlaceOfService is a CMS place-of-service code.
	FormatPlaceOfService = regexp.MustCompile(`^\d{2}$`)
	// FormatDigest is a base64 sha256 digest (32 bytes), as the export writes
	// an algorithm-tagged ContentHash, or empty.
	FormatDigest = regexp.MustCompile(`^([A-Za-z0-9+/]{43}=)?$`)
	// FormatAlgorithm is the digest algorithm enum.
	FormatAlgorithm = regexp.MustCompile(`^DIGEST_ALGORITHM_[A-Z0-9_]+$`)
	// FormatPreauthRef is a prior-authorization reference: a claim id.
	FormatPreauthRef = regexp.MustCompile(`^([A-Za-z0-9._-]{1,64})?$`)
)

// DefaultRules classify claimchain's fields. docs/privacy.md lists the same
// fields with the reason each is on chain.
func DefaultRules() []Rule {
	coded := func(suffix string, f *regexp.Regexp, why string) Rule {
		return Rule{Suffix: suffix, Class: ClassCoded, Format: f, Why: why}
	}
	return []Rule{
		// Person-name fields (such as LEIE's LASTNAME) must never reach the chain.
		{Suffix: "*first_name", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*last_name", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*middle_name", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*firstname", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*lastname", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*given_name", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*family_name", Class: ClassPersonName, Why: "a person-name field"},
		{Suffix: "*patient_name", Class: ClassPersonName, Why: "a person-name field"},

		// Birth: a year (or 90+) and nothing more.
		{Suffix: "*birth", Class: ClassBirth, Why: "only the birth year may be on chain"},
		{Suffix: "*dob", Class: ClassBirth, Why: "only the birth year may be on chain"},
		coded("aged_90_plus", FormatBool, "Safe Harbor's 90+ flag"),

		// The patient identifier everywhere it appears (coverage, attestation,
		// response, claim, history line, accumulator, authorization, payment,
		// remittance, events).
		{Suffix: "member", Class: ClassPseudonym, Why: "a member is the insurer's random pseudonym"},
		// The member's own account (confirmations and disputes).
		coded("member_account", FormatAddress, "a member account is an address"),
		coded("responses.account", FormatAddress, "a member account is an address"),
		coded("EventTreatmentConfirmed.account", FormatAddress, "a member account is an address"),
		coded("EventTreatmentDisputed.account", FormatAddress, "a member account is an address"),

		coded("sex", FormatSex, "sex is an enum"),
		coded("termination_reason", FormatTermination, "the termination reason is an enum"),
		coded("EventCoverageTerminated.reason", FormatTermination, "the termination reason is an enum"),
		coded("diagnosis_codes", FormatICD10, "diagnoses are ICD-10-CM codes"),
		coded("non_covered_diagnoses", FormatICD10, "diagnoses are ICD-10-CM codes"),
		coded("place_of_service", FormatPlaceOfService, "place of service is a CMS code"),
		coded("encounter_date", FormatDate, "an encounter date is a date"),
		coded("service_date", FormatDate, "a date of service is a date"),
		coded("coverages.start_date", FormatDate, "coverage dates are dates"),
		coded("coverages.end_date", FormatDate, "coverage dates are dates"),
		coded("authorizations.valid_from", FormatDate, "authorization dates are dates"),
		coded("authorizations.valid_to", FormatDate, "authorization dates are dates"),
		coded("preauth_ref", FormatPreauthRef, "a preauthorization reference is a claim id"),
		// Off-chain documents (clinical record, dispute statement, appeal
		// letter, reviewer notes) are on chain only as digests.
		coded("digest", FormatDigest, "documents are on chain only as sha256 digests"),
		coded("algorithm", FormatAlgorithm, "a digest's algorithm is an enum"),

		// Text attached to one patient's claim or record.
		{Suffix: "resolver_uri", Class: ClassPatientText, Why: "a record locator must be opaque"},
		{Suffix: "claims.history.reason", Class: ClassPatientText, Why: "a claim's history is about the claim, never the patient"},
		{Suffix: "EventClaimStatusChanged.reason", Class: ClassPatientText, Why: "a claim's history is about the claim, never the patient"},
		{Suffix: "EventPaymentCancelled.reason", Class: ClassPatientText, Why: "a claim's history is about the claim, never the patient"},
		{Suffix: "pend_reasons.text", Class: ClassPatientText, Why: "a pend reason is about the claim, never the patient"},
		{Suffix: "pend_reasons.args", Class: ClassPatientText, Why: "a pend reason is about the claim, never the patient"},
		{Suffix: "lines.steps.text", Class: ClassPatientText, Why: "an explanation step is about the line, never the patient"},
		{Suffix: "lines.steps.args", Class: ClassPatientText, Why: "an explanation step is about the line, never the patient"},
		{Suffix: "flags.evidence", Class: ClassPatientText, Why: "flag evidence is about the provider's pattern, never the patient"},
		{Suffix: "flags.figures.value", Class: ClassPatientText, Why: "flag evidence is about the provider's pattern, never the patient"},

		// Organisations and plans: names of legal persons and practitioners.
		{Suffix: "membership.members.name", Class: ClassOrganisation, Why: "consortium organisation names are public"},
		{Suffix: "adjudication.plans.name", Class: ClassOrganisation, Why: "plan names are public"},
		{Suffix: "terms.categories.name", Class: ClassOrganisation, Why: "service category names are plan terms"},
		{Suffix: "staking.validators.description.moniker", Class: ClassOrganisation, Why: "validators are consortium organisations"},
		{Suffix: "staking.validators.description.identity", Class: ClassOrganisation, Why: "validators are consortium organisations"},
		{Suffix: "staking.validators.description.website", Class: ClassOrganisation, Why: "validators are consortium organisations"},
		{Suffix: "staking.validators.description.security_contact", Class: ClassOrganisation, Why: "validators are consortium organisations"},
		{Suffix: "staking.validators.description.details", Class: ClassOrganisation, Why: "validators are consortium organisations"},
	}
}

// indexRE removes array indices from a path.
var indexRE = regexp.MustCompile(`\[\d+\]`)

// Classify returns the rule for a path (ClassGeneral when none matches).
func (s *Scanner) Classify(path string) Rule {
	norm := path
	if strings.Contains(path, "[") {
		norm = indexRE.ReplaceAllString(path, "")
	}
	if r, ok := s.classes[norm]; ok {
		return r
	}
	r := s.classify(norm)
	if s.classes == nil {
		s.classes = map[string]Rule{}
	}
	s.classes[norm] = r
	return r
}

func (s *Scanner) classify(norm string) Rule {
	elems := strings.FieldsFunc(norm, func(r rune) bool { return r == '.' || r == '/' })
	for _, r := range s.Rules {
		if strings.HasPrefix(r.Suffix, "*") {
			if len(elems) > 0 && strings.Contains(strings.ToLower(elems[len(elems)-1]), r.Suffix[1:]) {
				return r
			}
			continue
		}
		want := strings.Split(r.Suffix, ".")
		if len(want) <= len(elems) && slicesEqual(elems[len(elems)-len(want):], want) {
			return r
		}
	}
	return Rule{Class: ClassGeneral}
}

func slicesEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Pattern detectors.
var (
	ssnRE = regexp.MustCompile(`\b(\d{3})[- ](\d{2})[- ](\d{4})\b`)
	// A North American number: (NPA) NXX-XXXX, NPA-NXX-XXXX, NPA.NXX.XXXX, +1 NPA NXX XXXX.
	phoneRE  = regexp.MustCompile(`(?:\+1[\s.-]?)?(?:\(\s*[2-9]\d{2}\s*\)\s*|\b[2-9]\d{2}[\s.-])[2-9]\d{2}[\s.-]\d{4}\b`)
	emailRE  = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)
	streetRE = regexp.MustCompile(`(?i)\b\d{1,6}\s+(?:[NSEW]\.?\s+)?(?:[A-Za-z0-9']+\s+){1,3}(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|ct|court|way|pl|place|ter|terrace|pkwy|parkway|hwy|highway|cir|circle|sq|square)\b\.?`)
	poBoxRE  = regexp.MustCompile(`(?i)\bp\.?\s?o\.?\s+box\s+\d+`)
	cityRE   = regexp.MustCompile(`\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s?[A-Z]{2}\s+\d{5}(?:-\d{4})?\b`)
	// Full dates: ISO, US, compact and written.
	isoDateRE     = regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`)
	usDateRE      = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b`)
	compactDateRE = regexp.MustCompile(`\b((?:19|20)\d{2})(\d{2})(\d{2})\b`)
	wordDateRE    = regexp.MustCompile(`(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b`)
	birthLabelRE  = regexp.MustCompile(`(?i)\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday|born)\b`)
	// Bare numbers stand alone: digits inside a hex digest or an id are not one.
	nineDigitsRE = regexp.MustCompile(`(?:^|[^0-9A-Za-z])(\d{9})(?:[^0-9A-Za-z]|$)`)
	tenDigitsRE  = regexp.MustCompile(`(?:^|[^0-9A-Za-z])(\d{10})(?:[^0-9A-Za-z]|$)`)
	yearRE       = regexp.MustCompile(`^\d{1,4}$`)
)

// fullDates returns the full dates (with a plausible month and day) in s.
func fullDates(s string) []string {
	var out []string
	for _, m := range isoDateRE.FindAllStringSubmatch(s, -1) {
		if validMonthDay(m[2], m[3]) {
			out = append(out, m[0])
		}
	}
	for _, m := range usDateRE.FindAllStringSubmatch(s, -1) {
		if validMonthDay(m[1], m[2]) {
			out = append(out, m[0])
		}
	}
	for _, m := range compactDateRE.FindAllStringSubmatch(s, -1) {
		if validMonthDay(m[2], m[3]) {
			out = append(out, m[0])
		}
	}
	return append(out, wordDateRE.FindAllString(s, -1)...)
}

func validMonthDay(month, day string) bool {
	m, err1 := strconv.Atoi(month)
	d, err2 := strconv.Atoi(day)
	return err1 == nil && err2 == nil && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

// labelledBirthDate finds a full date within a few characters after a birth
// label ("DOB: 1980-04-12", "born 04/12/1980").
func labelledBirthDate(s string) string {
	for _, loc := range birthLabelRE.FindAllStringIndex(s, -1) {
		end := min(len(s), loc[1]+24)
		if d := fullDates(s[loc[1]:end]); len(d) > 0 {
			return s[loc[0]:loc[1]] + " " + d[0]
		}
	}
	return ""
}

// validSSN applies the SSA's rules (no 000, 666 or 9xx area, no 00 group, no
// 0000 serial), which keeps dates and ids out.
func validSSN(area, group, serial string) bool {
	return area != "000" && area != "666" && area[0] != '9' && group != "00" && serial != "0000"
}

// ScanString checks one value of the field at path.
func (s *Scanner) ScanString(path, value string) []Hit {
	return s.scan(path, value, s.Classify(path))
}

// scan checks value under rule.
func (s *Scanner) scan(path, value string, rule Rule) []Hit {
	if value == "" {
		return nil
	}
	if rule.Class == ClassOrganisation {
		if s.organisations == nil {
			s.organisations = map[string]bool{}
		}
		s.organisations[value] = true
	}
	var hits []Hit
	add := func(kind Kind, match, why string) {
		hits = append(hits, Hit{Path: path, Kind: kind, Match: match, Value: shorten(value), Why: why})
	}

	switch rule.Class {
	case ClassPersonName:
		add(KindName, value, rule.Why)
		return hits
	case ClassPseudonym:
		if FormatPseudonym.MatchString(value) && distinctRunes(value) >= 8 {
			return nil
		}
		add(KindFreeText, value, rule.Why+", not "+describe(value))
		for _, d := range fullDates(value) {
			add(KindBirthDate, d, "a full date in a patient identifier")
		}
		s.patientDetectors(value, add)
	case ClassCoded:
		if rule.Format != nil && !rule.Format.MatchString(value) {
			add(KindFreeText, value, rule.Why+", not "+describe(value))
			s.patientDetectors(value, add)
		}
	case ClassBirth:
		if yearRE.MatchString(value) {
			if y, _ := strconv.Atoi(value); y > 0 && s.Year > 0 && s.Year-y >= 90 {
				add(KindAgeOver89, value, fmt.Sprintf("born %d: turns %d in %d; Safe Harbor records ages over 89 as 90+", y, s.Year-y, s.Year))
			}
			return hits
		}
		dates := fullDates(value)
		for _, d := range dates {
			add(KindBirthDate, d, "a full date in a field about a birth: "+rule.Why)
		}
		if len(dates) == 0 {
			add(KindFreeText, value, rule.Why+", not "+describe(value))
		}
	case ClassPatientText:
		s.patientDetectors(value, add)
	}

	// The pattern detectors, each run only when the characters it needs are
	// there: most state is ids, digests, amounts and enums.
	digits := strings.ContainsAny(value, "0123456789")
	separated := strings.ContainsAny(value, " -.()/+")
	if rule.Class != ClassOrganisation {
		for _, p := range s.Names.Pairs(value) {
			add(KindName, p, "a first and a last name from the lists")
		}
		if digits && separated {
			for _, m := range phoneRE.FindAllString(value, -1) {
				add(KindPhone, m, "a phone number")
			}
		}
		if strings.Contains(value, "@") {
			for _, m := range emailRE.FindAllString(value, -1) {
				add(KindEmail, m, "an e-mail address")
			}
		}
		if digits && strings.ContainsAny(value, " \t") {
			for _, re := range []*regexp.Regexp{streetRE, poBoxRE, cityRE} {
				for _, m := range re.FindAllString(value, -1) {
					add(KindAddress, m, "a postal address")
				}
			}
		}
	}
	if digits && separated {
		for _, m := range ssnRE.FindAllStringSubmatch(value, -1) {
			if validSSN(m[1], m[2], m[3]) {
				add(KindSSN, m[0], "an SSN pattern")
			}
		}
		if d := labelledBirthDate(value); d != "" {
			add(KindBirthDate, d, "a date labelled as a birth date")
		}
	}
	return dedupe(hits)
}

// patientDetectors are the extra checks of text about one patient: any listed
// name, alone, and bare nine- or ten-digit numbers (SSN, phone, member number).
func (s *Scanner) patientDetectors(value string, add func(Kind, string, string)) {
	for _, n := range s.Names.Tokens(value) {
		add(KindName, n, "a listed name in a field about a patient")
	}
	for _, m := range nineDigitsRE.FindAllStringSubmatch(value, -1) {
		add(KindSSN, m[1], "nine digits in a field about a patient")
	}
	for _, m := range tenDigitsRE.FindAllStringSubmatch(value, -1) {
		// Claim texts cite rendering and billing NPIs, which are about providers.
		if !ValidNPI(m[1]) {
			add(KindPhone, m[1], "ten digits (not an NPI) in a field about a patient")
		}
	}
}

// ValidNPI reports whether ten digits carry an NPI's check digit (Luhn over
// 80840 and the NPI). One phone number in ten passes too: the formatted phone
// detector still sees it.
func ValidNPI(s string) bool {
	if len(s) != 10 {
		return false
	}
	digits := "80840" + s
	sum := 0
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if d < 0 || d > 9 {
			return false
		}
		if (len(digits)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// describe says briefly what a refused value looks like.
func describe(v string) string {
	switch {
	case strings.ContainsFunc(v, unicode.IsSpace):
		return "words"
	case len(v) != 64:
		return fmt.Sprintf("a %d-character value", utf8.RuneCountInString(v))
	default:
		return "that shape"
	}
}

func distinctRunes(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

func shorten(s string) string {
	if len(s) <= 160 {
		return s
	}
	return s[:157] + "..."
}

func dedupe(hits []Hit) []Hit {
	seen := map[string]bool{}
	out := hits[:0]
	for _, h := range hits {
		k := string(h.Kind) + "\x00" + h.Match
		if !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

// ScanJSON walks a JSON document (an exported app state) and checks every
// string and number under root. Strings that decode as base64 to printable
// text are checked again as that text (a digest field that holds words).
func (s *Scanner) ScanJSON(root string, raw []byte) ([]Hit, error) {
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return s.ScanValue(root, v), nil
}

// ScanValue walks a value decoded from JSON (with UseNumber or without).
func (s *Scanner) ScanValue(path string, v any) []Hit {
	var hits []Hit
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			// A key is a field name: scanned for patterns, whatever its field.
			hits = append(hits, s.scan(join(path, k)+"#key", k, Rule{Class: ClassGeneral})...)
			hits = append(hits, s.ScanValue(join(path, k), x[k])...)
		}
	case []any:
		for i, e := range x {
			hits = append(hits, s.ScanValue(fmt.Sprintf("%s[%d]", path, i), e)...)
		}
	case string:
		hits = append(hits, s.ScanString(path, x)...)
		if text, ok := base64Text(x); ok {
			hits = append(hits, s.ScanString(path+"(base64)", text)...)
		}
	case json.Number:
		hits = append(hits, s.ScanString(path, x.String())...)
	case float64:
		hits = append(hits, s.ScanString(path, strconv.FormatFloat(x, 'f', -1, 64))...)
	case bool:
		hits = append(hits, s.ScanString(path, strconv.FormatBool(x))...)
	}
	return hits
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

// base64Text decodes a standard base64 string whose content is printable text.
func base64Text(s string) (string, bool) {
	if len(s) < 8 || len(s)%4 != 0 {
		return "", false
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b) < 4 || !printable(b) {
		return "", false
	}
	return string(b), true
}

func printable(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if !unicode.IsPrint(r) && r != '\n' && r != '\t' {
			return false
		}
	}
	return true
}

// YearOf returns the calendar year of t in UTC (the Year a scanner needs).
func YearOf(t time.Time) int { return t.UTC().Year() }
