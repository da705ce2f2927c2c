package phiscan_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"

	"github.com/claimchain/claimchain/testutil/phiscan"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

const pseudonym = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

// kinds returns the kinds of the hits, with their matches.
func kinds(hits []phiscan.Hit) map[phiscan.Kind][]string {
	out := map[phiscan.Kind][]string{}
	for _, h := range hits {
		out[h.Kind] = append(out[h.Kind], h.Match)
	}
	return out
}

type detectorCase struct {
	name  string
	path  string
	value string
	// want is the kind that must be reported with its match; empty when the
	// value must be clean.
	want  phiscan.Kind
	match string
}

func runDetectorCases(t *testing.T, cases []detectorCase) {
	t.Helper()
	s := phiscan.New(2026)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hits := s.ScanString(tc.path, tc.value)
			if tc.want == "" {
				require.Empty(t, hits, "%s = %q must be clean", tc.path, tc.value)
				return
			}
			require.Contains(t, kinds(hits)[tc.want], tc.match, "%s = %q: hits %v", tc.path, tc.value, hits)
		})
	}
}

func TestNames(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"first and last", "refdata.versions.source", "reviewed by John Smith", phiscan.KindName, "John Smith"},
		{"upper case", "x.y", "JOHN SMITH", phiscan.KindName, "JOHN SMITH"},
		{"lower case", "x.y", "maria garcia", phiscan.KindName, "maria garcia"},
		{"last, first", "x.y", "Garcia, Maria", phiscan.KindName, "Garcia, Maria"},
		{"middle initial", "x.y", "John Q. Smith", phiscan.KindName, "John Q. Smith"},
		{"joined in an identifier", "x.y", "john.smith", phiscan.KindName, "john.smith"},
		{"camel case", "x.y", "JohnSmith", phiscan.KindName, "JohnSmith"},
		{"John Doe", "x.y", "unknown patient John Doe", phiscan.KindName, "John Doe"},
		{"a lone name in a patient field", "claims.claims[0].history[1].reason", "voided at Garcia's request", phiscan.KindName, "Garcia"},
		{"a lone name in a record locator", "attestation.attestations[0].resolver_uri", "https://ehr.example/p/smith", phiscan.KindName, "smith"},

		{"organisation name", "x.y", "Riverside Family Clinic", "", ""},
		{"plan name", "x.y", "Northwind Gold", "", ""},
		{"category name", "x.y", "Office and outpatient visits", "", ""},
		{"engine text", "adjudication.decisions[0].lines[0].steps[0].text",
			"Rendering NPI 1234567893 is not excluded by OIG on 2025-09-04 (OIG exclusion table version 1).", "", ""},
		{"a lone name in a general field", "x.y", "Jordan", "", ""},
		{"names apart", "x.y", "John paid; Smith billed", "", ""},
		{"a physician's practice is an organisation", "membership.members[3].name", "Maria Garcia MD Pediatrics", "", ""},
		{"a person-name field", "refdata.rows[0].last_name", "SMITH", phiscan.KindName, "SMITH"},
	})
}

func TestBirthDates(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"ISO date in a birth field", "adjudication.coverages[0].birth_date", "1980-04-12", phiscan.KindBirthDate, "1980-04-12"},
		{"US date in a dob field", "x.dob", "04/12/1980", phiscan.KindBirthDate, "04/12/1980"},
		{"compact date in a birth field", "x.date_of_birth", "19800412", phiscan.KindBirthDate, "19800412"},
		{"written date in a birth field", "x.birthdate", "April 12, 1980", phiscan.KindBirthDate, "April 12, 1980"},
		{"words in a birth field", "x.birth_place", "Springfield", phiscan.KindFreeText, "Springfield"},
		{"labelled anywhere", "x.y", "DOB: 1980-04-12", phiscan.KindBirthDate, "DOB 1980-04-12"},
		{"born anywhere", "x.y", "born 4/12/1980", phiscan.KindBirthDate, "born 4/12/1980"},
		{"a date in a member identifier", "claims.claims[0].member", "1980-04-12", phiscan.KindBirthDate, "1980-04-12"},
		{"birth year over 89", "adjudication.coverages[0].birth_year", "1935", phiscan.KindAgeOver89, "1935"},

		{"birth year", "adjudication.coverages[0].birth_year", "1980", "", ""},
		{"birth year 89", "adjudication.coverages[0].birth_year", "1937", "", ""},
		{"90+ has no year", "adjudication.coverages[0].birth_year", "0", "", ""},
		{"a date of service", "claims.claims[0].lines[0].service_date", "2025-06-01", "", ""},
		{"a date in text", "x.y", "billed on 2025-06-01", "", ""},
		{"a date near a height", "x.y", "height 12 at 2025-06-01", "", ""},
	})
}

func TestSSNs(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"dashes", "x.y", "ssn 123-45-6789", phiscan.KindSSN, "123-45-6789"},
		{"spaces", "x.y", "123 45 6789", phiscan.KindSSN, "123 45 6789"},
		{"nine digits as a member", "adjudication.coverages[0].member", "123456789", phiscan.KindSSN, "123456789"},
		{"nine digits in a claim's history", "claims.claims[0].history[0].reason", "member 123456789 called", phiscan.KindSSN, "123456789"},

		{"area 000", "x.y", "000-12-3456", "", ""},
		{"area 9xx", "x.y", "912-34-5678", "", ""},
		{"a date", "x.y", "2025-06-01", "", ""},
		{"nine digits in an amount", "settlement.escrows[0].balance", "123456789", "", ""},
		{"digits in a digest", "claims.claims[0].history[0].reason", "appeal 1 filed (letter sha256:ab123456789cd)", "", ""},
	})
}

func TestPhones(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"parentheses", "x.y", "call (555) 867-5309", phiscan.KindPhone, "(555) 867-5309"},
		{"dashes", "x.y", "555-867-5309", phiscan.KindPhone, "555-867-5309"},
		{"dots", "x.y", "555.867.5309", phiscan.KindPhone, "555.867.5309"},
		{"country code", "x.y", "+1 555 867 5309", phiscan.KindPhone, "+1 555 867 5309"},
		{"ten digits as a member", "claims.claims[0].member", "5558675309", phiscan.KindPhone, "5558675309"},

		{"an NPI", "x.y", "rendering NPI 1234567893", "", ""},
		{"an NPI in a claim's text", "adjudication.decisions[0].pend_reasons[0].text", "NPI 1234567893 billed 1500 minutes", "", ""},
		{"a trace number", "x.y", "1-2-35", "", ""},
		{"an amount", "x.y", "20000000usd", "", ""},
	})
}

func TestEmails(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"address", "x.y", "write to jdoe@example.com", phiscan.KindEmail, "jdoe@example.com"},
		{"mailto", "attestation.attestations[0].resolver_uri", "mailto:pat@clinic.example.org", phiscan.KindEmail, "pat@clinic.example.org"},

		{"a bech32 address", "x.y", "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", "", ""},
		{"an at without a domain", "x.y", "10 units @ $5.00", "", ""},
	})
}

func TestAddresses(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"street", "x.y", "lives at 123 Main St", phiscan.KindAddress, "123 Main St"},
		{"avenue", "x.y", "45 North Oak Avenue", phiscan.KindAddress, "45 North Oak Avenue"},
		{"po box", "x.y", "PO Box 42", phiscan.KindAddress, "PO Box 42"},
		{"city line", "x.y", "Springfield, IL 62704", phiscan.KindAddress, "Springfield, IL 62704"},

		{"units", "x.y", "97110 x 2 units", "", ""},
		{"a plan term", "x.y", "20 services per plan year", "", ""},
	})
}

func TestPatientFields(t *testing.T) {
	runDetectorCases(t, []detectorCase{
		{"a pseudonym", "adjudication.coverages[0].member", pseudonym, "", ""},
		{"a pseudonym in an event", "event/claimchain.claims.v1.EventClaimSubmitted.member", pseudonym, "", ""},
		{"a member number", "adjudication.coverages[0].member", "W123456789", phiscan.KindFreeText, "W123456789"},
		{"words as a member", "attestation.responses[0].member", "john smith", phiscan.KindFreeText, "john smith"},
		{"upper-case hex", "settlement.scheduled[0].member", strings.ToUpper(pseudonym), phiscan.KindFreeText, strings.ToUpper(pseudonym)},
		{"not random", "adjudication.accumulators[0].member", strings.Repeat("0a", 32), phiscan.KindFreeText, strings.Repeat("0a", 32)},

		{"an ICD-10 code", "claims.claims[0].diagnosis_codes[0]", "E119", "", ""},
		{"an ICD-10 code with a dot", "attestation.attestations[0].diagnosis_codes[1]", "M23.221", "", ""},
		{"words as a diagnosis", "claims.claims[0].diagnosis_codes[0]", "type 2 diabetes", phiscan.KindFreeText, "type 2 diabetes"},
		{"an account", "adjudication.coverages[0].member_account", "cosmos1qypqxpq9qcrsszg2pvxq6rs0zqg3yyc5lzv7xu", "", ""},
		{"words as an account", "attestation.responses[0].account", "Jane's phone", phiscan.KindFreeText, "Jane's phone"},
		{"sex", "adjudication.coverages[0].sex", "SEX_FEMALE", "", ""},
		{"words as sex", "adjudication.coverages[0].sex", "female, pregnant", phiscan.KindFreeText, "female, pregnant"},
		{"a termination reason", "event/claimchain.adjudication.v1.EventCoverageTerminated.reason", "TERMINATION_REASON_DECEASED", "", ""},
		{"words as a termination reason", "event/claimchain.adjudication.v1.EventCoverageTerminated.reason", "died at home", phiscan.KindFreeText, "died at home"},
		{"a digest", "attestation.attestations[0].record_hash.digest", "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=", "", ""},
		{"text as a digest", "attestation.attestations[0].record_hash.digest", "Smith chart", phiscan.KindFreeText, "Smith chart"},
		{"a preauthorization reference", "claims.claims[0].lines[0].preauth_ref", "CLM-3-12", "", ""},
		{"an opaque record locator", "attestation.attestations[0].resolver_uri", "https://records.provider3.example/r/c2bc248316832dec", "", ""},
		{"a claim's history", "claims.claims[0].history[2].reason", "review DENY CO-50 by the insurer (notes sha256:2dd1396834): payable $65.00 -> $0.00", "", ""},
	})
}

func TestClassify(t *testing.T) {
	s := phiscan.New(2026)
	for path, want := range map[string]phiscan.Class{
		"adjudication.coverages[12].member":                           phiscan.ClassPseudonym,
		"event/claimchain.settlement.v1.EventPaymentScheduled.member": phiscan.ClassPseudonym,
		"membership.members[0].name":                                  phiscan.ClassOrganisation,
		"adjudication.coverages[0].birth_year":                        phiscan.ClassBirth,
		"adjudication.coverages[0].aged_90_plus":                      phiscan.ClassCoded,
		"claims.claims[0].history[0].reason":                          phiscan.ClassPatientText,
		"membership.members[0].status_reason":                         phiscan.ClassGeneral,
		"membership.members":                                          phiscan.ClassGeneral,
		"refdata.rows[0].rows.exclusion[0].npi":                       phiscan.ClassGeneral,
		"x.patient_name":                                              phiscan.ClassPersonName,
	} {
		require.Equal(t, want, s.Classify(path).Class, path)
	}
}

func TestNameLists(t *testing.T) {
	n := phiscan.DefaultNames()
	require.Greater(t, len(n.First), 200)
	require.Greater(t, len(n.Last), 300)
	for _, list := range []map[string]bool{n.First, n.Last} {
		for name := range list {
			require.GreaterOrEqual(t, len(name), 3, "%q: short names match parts of codes", name)
			require.NotEqual(t, "", strings.Trim(name, "abcdef"), "%q: a name of hex letters only would match digests", name)
		}
	}
	// Words the lists leave out on purpose.
	for _, w := range []string{"will", "may", "grace", "young", "brown", "ward", "colon", "gold", "family", "genesis", "ray"} {
		require.False(t, n.First[w] || n.Last[w], "%q is an everyday word", w)
	}
}

// The raw pass decodes protobuf values to their strings and reads printable
// runs of anything else.
func TestScanKV(t *testing.T) {
	s := phiscan.New(2026)
	cov := adjtypes.Coverage{Member: "Jane Doe", PlanId: "NWHP-GOLD", StartDate: "2025-01-01", BirthYear: 1980}
	bz, err := cov.Marshal()
	require.NoError(t, err)
	require.Contains(t, phiscan.ValueStrings(bz), "Jane Doe")

	hits, n := s.ScanKV("adjudication", []byte{0x03, 'k'}, bz)
	require.Equal(t, 3, n, "member, plan id and start date")
	require.Equal(t, []string{"Jane Doe"}, kinds(hits)[phiscan.KindName])

	hits, _ = s.ScanKV("claims", []byte("\x01ssn 123-45-6789"), []byte("\xff\xfeDOB 1980-04-12\x00"))
	require.Equal(t, []string{"123-45-6789"}, kinds(hits)[phiscan.KindSSN])
	require.Equal(t, []string{"DOB 1980-04-12"}, kinds(hits)[phiscan.KindBirthDate])

	// An organisation named after its physician, once seen in its field of
	// the export, is not flagged in the raw stores.
	org := []byte("\x0a\x1aMaria Garcia MD Pediatrics")
	hits, _ = s.ScanKV("membership", []byte{0x01}, org)
	require.Len(t, hits, 1)
	require.Empty(t, s.ScanString("membership.members[1].name", "Maria Garcia MD Pediatrics"))
	hits, _ = s.ScanKV("membership", []byte{0x01}, org)
	require.Empty(t, hits)
}

// Typed events carry JSON attribute values; they are unquoted and classified
// by event type and attribute.
func TestScanEvents(t *testing.T) {
	s := phiscan.New(2026)
	clean := abci.Event{Type: "claimchain.adjudication.v1.EventMemberEnrolled", Attributes: []abci.EventAttribute{
		{Key: "member", Value: `"` + pseudonym + `"`}, {Key: "insurer_id", Value: `"1"`}, {Key: "start_date", Value: `"2025-01-01"`},
	}}
	require.Empty(t, s.ScanEvents([]abci.Event{clean}))

	leaked := abci.Event{Type: "claimchain.adjudication.v1.EventMemberEnrolled", Attributes: []abci.EventAttribute{
		{Key: "member", Value: `"John Smith"`},
	}}
	got := kinds(s.ScanEvents([]abci.Event{leaked}))
	require.Contains(t, got[phiscan.KindName], "John Smith")
	require.Equal(t, []string{"John Smith"}, got[phiscan.KindFreeText])

	plain := abci.Event{Type: "message", Attributes: []abci.EventAttribute{{Key: "memo", Value: "call 555-867-5309"}}}
	require.Equal(t, []string{"555-867-5309"}, kinds(s.ScanEvents([]abci.Event{plain}))[phiscan.KindPhone])
}
