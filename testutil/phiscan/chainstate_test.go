package phiscan_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/claimchain/claimchain/testutil/phiscan"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// requireNoHits fails with every hit's path, kind and value.
func requireNoHits(t *testing.T, what string, hits []phiscan.Hit) {
	t.Helper()
	if len(hits) == 0 {
		return
	}
	var b strings.Builder
	for i, h := range hits {
		if i == 100 {
			fmt.Fprintf(&b, "  ... and %d more\n", len(hits)-i)
			break
		}
		fmt.Fprintf(&b, "  %s\n", h)
	}
	t.Fatalf("%d value(s) in %s look like PHI:\n%s", len(hits), what, b.String())
}

// TestNoPHIInChainState runs the workload, commits, exports genesis and
// checks every string of the export, of every module's raw KV store and of
// every event for PHI. It then injects each kind of PHI into a copy of the
// export (and into a branch of the raw stores) to show each detector fires.
func TestNoPHIInChainState(t *testing.T) {
	start := time.Now()
	w := runWorkload(t)
	w.commit()
	f := w.f
	exported, err := f.App.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	scanner := phiscan.New(phiscan.YearOf(f.Ctx.BlockTime()))

	var modules map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &modules))
	requireRealistic(t, w, modules)

	// The export is scanned first: it names the fields, and tells the raw
	// pass which strings are organisation names.
	exportHits, err := scanner.ScanJSON("", exported.AppState)
	require.NoError(t, err)
	for i, v := range exported.Validators {
		exportHits = append(exportHits, scanner.ScanString(fmt.Sprintf("validators[%d].name", i), v.Name)...)
	}
	t.Run("exported genesis", func(t *testing.T) {
		requireNoHits(t, "the exported genesis", exportHits)
	})

	ms := f.App.CommitMultiStore()
	keys := ms.(interface {
		StoreKeysByName() map[string]storetypes.StoreKey
	}).StoreKeysByName()

	t.Run("raw KV stores", func(t *testing.T) {
		hits, stats := scanner.ScanStores(ms, keys)
		for _, m := range []string{membershiptypes.ModuleName, attestationtypes.ModuleName, claimstypes.ModuleName,
			adjtypes.ModuleName, refdatatypes.ModuleName, settlementtypes.ModuleName, integritytypes.ModuleName, "bank", "staking"} {
			require.Positive(t, stats.Entries[m], "store %s was read", m)
			require.Positive(t, stats.Strings[m], "strings of store %s were checked", m)
		}
		t.Logf("raw stores: %v entries, %v strings", stats.Entries, stats.Strings)
		requireNoHits(t, "the raw KV stores", hits)
	})

	t.Run("events", func(t *testing.T) {
		require.NotEmpty(t, w.events)
		requireNoHits(t, "the events", scanner.ScanEvents(w.events))
	})

	t.Run("injected PHI is caught", func(t *testing.T) {
		testInjected(t, scanner, exported.AppState)
	})

	t.Run("injected raw entries are caught", func(t *testing.T) {
		cache := ms.CacheMultiStore()
		cov := adjtypes.Coverage{Member: "Jane Doe", InsurerId: 1, PlanId: "NWHP-GOLD", StartDate: "2025-01-01", BirthYear: 1980}
		bz, err := cov.Marshal()
		require.NoError(t, err)
		cache.GetKVStore(keys[adjtypes.StoreKey]).Set([]byte{0xee, 0x01}, bz)
		cache.GetKVStore(keys[claimstypes.StoreKey]).Set([]byte("\xee\x02john.smith@example.com"), []byte("DOB 1980-04-12; cell 555-867-5309"))
		hits, _ := scanner.ScanStores(cache, keys)
		requireHit(t, hits, "kv/adjudication/", phiscan.KindName, "Jane Doe")
		requireHit(t, hits, "kv/claims/", phiscan.KindEmail, "john.smith@example.com")
		requireHit(t, hits, "kv/claims/", phiscan.KindName, "john.smith")
		requireHit(t, hits, "kv/claims/", phiscan.KindBirthDate, "DOB 1980-04-12")
		requireHit(t, hits, "kv/claims/", phiscan.KindPhone, "555-867-5309")
		require.Len(t, hits, 5, "only the injected entries: %v", hits)
	})

	t.Logf("workload, export and scans took %s", time.Since(start))
}

// requireHit asserts a hit whose path starts with pathPrefix, of kind, matching match.
func requireHit(t *testing.T, hits []phiscan.Hit, pathPrefix string, kind phiscan.Kind, match string) {
	t.Helper()
	for _, h := range hits {
		if strings.HasPrefix(h.Path, pathPrefix) && h.Kind == kind && h.Match == match {
			return
		}
	}
	t.Errorf("no %s hit %q under %s; hits:\n%s", kind, match, pathPrefix, hitList(hits))
}

func hitList(hits []phiscan.Hit) string {
	var b strings.Builder
	for _, h := range hits {
		fmt.Fprintf(&b, "  %s\n", h)
	}
	return b.String()
}

// requireRealistic checks that the workload reached every patient-linked
// record kind, so a clean scan means something.
func requireRealistic(t *testing.T, w *workload, modules map[string]json.RawMessage) {
	t.Helper()
	cdc := w.f.App.AppCodec()

	var adj adjtypes.GenesisState
	cdc.MustUnmarshalJSON(modules[adjtypes.ModuleName], &adj)
	require.Len(t, adj.Coverages, len(w.patients))
	require.GreaterOrEqual(t, len(adj.PlanVersions), 3, "two plans, one amended")
	require.NotEmpty(t, adj.Accumulators)
	require.NotEmpty(t, adj.History)
	require.Len(t, adj.Authorizations, 3)
	require.Greater(t, len(adj.Decisions), 120)
	var ended, aged90 int
	for _, c := range adj.Coverages {
		if c.EndDate != "" {
			ended++
		}
		if c.Aged_90Plus {
			aged90++
		}
	}
	require.Equal(t, 2, ended)
	require.Equal(t, 1, aged90)

	var att attestationtypes.GenesisState
	cdc.MustUnmarshalJSON(modules[attestationtypes.ModuleName], &att)
	kinds := map[attestationtypes.ResponseKind]int{}
	uris := 0
	for _, r := range att.Responses {
		kinds[r.Kind]++
	}
	for _, a := range att.Attestations {
		if a.ResolverUri != "" {
			uris++
		}
	}
	require.Positive(t, kinds[attestationtypes.RESPONSE_KIND_CONFIRMED])
	require.Positive(t, kinds[attestationtypes.RESPONSE_KIND_DISPUTED])
	require.Positive(t, uris)

	var cl claimstypes.GenesisState
	cdc.MustUnmarshalJSON(modules[claimstypes.ModuleName], &cl)
	statuses := map[claimstypes.ClaimStatus]int{}
	uses := map[claimstypes.ClaimUse]int{}
	appeals := map[claimstypes.AppealStatus]int{}
	for _, c := range cl.Claims {
		statuses[c.Status]++
		uses[c.Use]++
		for _, a := range c.Appeals {
			appeals[a.Status]++
		}
	}
	require.Positive(t, statuses[claimstypes.CLAIM_STATUS_VOIDED])
	require.Positive(t, uses[claimstypes.CLAIM_USE_PREAUTHORIZATION])
	require.Positive(t, uses[claimstypes.CLAIM_USE_PREDETERMINATION])
	require.Positive(t, appeals[claimstypes.APPEAL_STATUS_UPHELD])
	require.Positive(t, appeals[claimstypes.APPEAL_STATUS_OVERTURNED])

	var st settlementtypes.GenesisState
	cdc.MustUnmarshalJSON(modules[settlementtypes.ModuleName], &st)
	require.NotEmpty(t, st.Remittances)
	require.NotEmpty(t, st.Payments)
	reversal := false
	for _, r := range st.Remittances {
		for _, c := range r.Claims {
			reversal = reversal || c.ClaimStatusCode == 22
		}
	}
	require.True(t, reversal, "the corrected claim shows as a reversal")

	var in integritytypes.GenesisState
	cdc.MustUnmarshalJSON(modules[integritytypes.ModuleName], &in)
	rules := map[string]int{}
	for _, fl := range in.Flags {
		rules[fl.RuleId]++
	}
	require.Positive(t, rules["R-FLAG-DISPUTE"])
	require.Positive(t, rules["R-FLAG-DAY"])

	var rd refdatatypes.GenesisState
	cdc.MustUnmarshalJSON(modules[refdatatypes.ModuleName], &rd)
	require.Len(t, rd.Versions, 7, "one version of every kind of table")

	var mb membershiptypes.GenesisState
	cdc.MustUnmarshalJSON(modules[membershiptypes.ModuleName], &mb)
	require.Len(t, mb.Members, 6)
}

// testInjected puts each kind of PHI into a copy of the export and checks the
// scanner reports it at that path.
func testInjected(t *testing.T, scanner *phiscan.Scanner, appState []byte) {
	b64 := base64.StdEncoding.EncodeToString([]byte("John Smith DOB 1980-04-12"))
	cases := []struct {
		name  string
		path  string
		value any
		want  map[phiscan.Kind]string // kind -> match
	}{
		{"a member pseudonym replaced by a name and a birth date", "adjudication.coverages[0].member", "John Smith 1980-04-12",
			map[phiscan.Kind]string{phiscan.KindName: "John Smith", phiscan.KindBirthDate: "1980-04-12", phiscan.KindFreeText: "John Smith 1980-04-12"}},
		{"a member number instead of a pseudonym", "claims.claims[0].member", "W123456789",
			map[phiscan.Kind]string{phiscan.KindFreeText: "W123456789"}},
		{"an SSN without dashes instead of a pseudonym", "adjudication.authorizations[0].member", "123456789",
			map[phiscan.Kind]string{phiscan.KindSSN: "123456789", phiscan.KindFreeText: "123456789"}},
		{"an SSN as the patient of a remittance", "settlement.remittances[0].claims[0].member", "123-45-6789",
			map[phiscan.Kind]string{phiscan.KindSSN: "123-45-6789", phiscan.KindFreeText: "123-45-6789"}},
		{"a member's phone in the history line", "adjudication.history[0].member", "(555) 867-5309",
			map[phiscan.Kind]string{phiscan.KindPhone: "(555) 867-5309", phiscan.KindFreeText: "(555) 867-5309"}},
		{"a full date of birth in a new coverage field", "adjudication.coverages[1].birth_date", "1980-04-12",
			map[phiscan.Kind]string{phiscan.KindBirthDate: "1980-04-12"}},
		{"a birth year that shows an age over 89", "adjudication.coverages[2].birth_year", json.Number("1931"),
			map[phiscan.Kind]string{phiscan.KindAgeOver89: "1931"}},
		{"a phone number in a claim's history", "claims.claims[0].history[0].reason", "void: patient called from 555-867-5309",
			map[phiscan.Kind]string{phiscan.KindPhone: "555-867-5309"}},
		{"a name in a claim's history", "claims.claims[1].history[0].reason", "voided at Garcia's request",
			map[phiscan.Kind]string{phiscan.KindName: "Garcia"}},
		{"an e-mail as a record locator", "attestation.attestations[0].resolver_uri", "mailto:jane.doe@example.com",
			map[phiscan.Kind]string{phiscan.KindEmail: "jane.doe@example.com", phiscan.KindName: "jane.doe"}},
		{"a name in a record locator", "attestation.attestations[1].resolver_uri", "https://ehr.example/patients/garcia-maria",
			map[phiscan.Kind]string{phiscan.KindName: "garcia"}},
		{"a street address in flag evidence", "integrity.flags[0].evidence", "seen at home, 42 Elm Street, Springfield, IL 62704",
			map[phiscan.Kind]string{phiscan.KindAddress: "42 Elm Street"}},
		{"free text instead of a diagnosis code", "attestation.attestations[0].diagnosis_codes[0]", "diabetic, poorly controlled",
			map[phiscan.Kind]string{phiscan.KindFreeText: "diabetic, poorly controlled"}},
		{"a labelled date of birth in any field", "refdata.versions[0].source", "CMS file, patient DOB: 04/12/1980",
			map[phiscan.Kind]string{phiscan.KindBirthDate: "DOB 04/12/1980"}},
		{"a person's name in any field", "refdata.versions[1].revoke_reason", "loaded by mistake for Maria Garcia",
			map[phiscan.Kind]string{phiscan.KindName: "Maria Garcia"}},
		{"a person-name column (LEIE's LASTNAME) on chain", "refdata.versions[2].lastname", "SMITH",
			map[phiscan.Kind]string{phiscan.KindName: "SMITH"}},
		{"text in a record hash", "attestation.attestations[2].record_hash.digest", b64,
			map[phiscan.Kind]string{phiscan.KindFreeText: b64}},
		{"text in a record hash, decoded", "attestation.attestations[2].record_hash.digest", b64,
			map[phiscan.Kind]string{phiscan.KindName: "John Smith", phiscan.KindBirthDate: "DOB 1980-04-12"}},
		{"an e-mail as the member account", "adjudication.coverages[3].member_account", "jane@example.com",
			map[phiscan.Kind]string{phiscan.KindEmail: "jane@example.com", phiscan.KindFreeText: "jane@example.com"}},
	}
	var state any
	dec := json.NewDecoder(strings.NewReader(string(appState)))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&state))
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			restore := setPath(t, state, tc.path, tc.value)
			defer restore()
			hits := scanner.ScanValue("", state)
			require.NotEmpty(t, hits)
			for kind, match := range tc.want {
				found := false
				for _, h := range hits {
					if strings.HasPrefix(h.Path, tc.path) && h.Kind == kind && h.Match == match {
						found = true
					}
				}
				require.True(t, found, "want %s %q at %s; got:\n%s", kind, match, tc.path, hitList(hits))
			}
			for _, h := range hits {
				require.True(t, strings.HasPrefix(h.Path, tc.path), "only the injected value is reported, got %s", h)
			}
		})
	}
}

// setPath sets a value at a path such as "claims.claims[0].history[1].reason"
// in a decoded JSON tree (the last element may be a new key) and returns a
// function that puts the tree back as it was.
func setPath(t *testing.T, root any, path string, value any) (restore func()) {
	t.Helper()
	parts := strings.Split(path, ".")
	cur := root
	for i, part := range parts {
		name, idx := part, -1
		if j := strings.IndexByte(part, '['); j >= 0 {
			name = part[:j]
			n, err := strconv.Atoi(strings.TrimSuffix(part[j+1:], "]"))
			require.NoError(t, err)
			idx = n
		}
		m, ok := cur.(map[string]any)
		require.True(t, ok, "%s: not an object at %s", path, part)
		last := i == len(parts)-1
		if last && idx < 0 {
			old, had := m[name]
			m[name] = value
			return func() {
				if had {
					m[name] = old
				} else {
					delete(m, name)
				}
			}
		}
		next, ok := m[name]
		require.True(t, ok, "%s: no %s", path, name)
		if idx >= 0 {
			arr, ok := next.([]any)
			require.True(t, ok && idx < len(arr), "%s: no %s", path, part)
			if last {
				old := arr[idx]
				arr[idx] = value
				return func() { arr[idx] = old }
			}
			next = arr[idx]
		}
		cur = next
	}
	t.Fatalf("%s: empty path", path)
	return nil
}
