package phiscan_test

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// patientish matches proto field names that suggest data about a patient (or
// that a reader could take for it, such as a consortium member's member_id).
var patientish = regexp.MustCompile(`member|patient|birth|dob|sex|gender|diagnos|aged_90|encounter|service_date|` +
	`record|resolver|account|reason|notes|decision_hash|ssn|phone|email|address|^name$|_name$|evidence|text|preauth`)

var (
	messageRE = regexp.MustCompile(`^\s*message\s+(\w+)\s*\{`)
	fieldRE   = regexp.MustCompile(`^\s*(?:repeated\s+|optional\s+)?[\w.]+\s+(\w+)\s*=\s*\d+`)
	docRefRE  = regexp.MustCompile("`([A-Z][A-Za-z0-9]*)\\.([a-z][a-z0-9_]*)`")
)

// protoFields returns "Message.field" for every field of every message in
// proto/claimchain/*/v1, except query.proto: query requests are not stored
// and query responses return the stored messages.
func protoFields(t *testing.T) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../../proto/claimchain/*/v1/*.proto")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	out := map[string]string{} // "Message.field" -> file
	for _, path := range files {
		if filepath.Base(path) == "query.proto" {
			continue
		}
		f, err := os.Open(path)
		require.NoError(t, err)
		var stack []string // enclosing messages; "" for other blocks
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			line := sc.Text()
			if i := strings.Index(line, "//"); i >= 0 {
				line = line[:i]
			}
			if m := messageRE.FindStringSubmatch(line); m != nil {
				stack = append(stack, m[1])
			} else if strings.Contains(line, "{") {
				stack = append(stack, "")
			}
			if m := fieldRE.FindStringSubmatch(line); m != nil && len(stack) > 0 && stack[len(stack)-1] != "" {
				out[stack[len(stack)-1]+"."+m[1]] = path
			}
			for range strings.Count(line, "}") {
				require.NotEmpty(t, stack, "%s: unbalanced braces", path)
				stack = stack[:len(stack)-1]
			}
		}
		require.NoError(t, sc.Err())
		require.NoError(t, f.Close())
	}
	return out
}

// TestPrivacyDocListsPatientFields fails when a proto field whose name
// suggests patient data is not named in docs/privacy.md (as `Message.field`),
// or when the document names a field that no longer exists.
func TestPrivacyDocListsPatientFields(t *testing.T) {
	doc, err := os.ReadFile("../../docs/privacy.md")
	require.NoError(t, err)
	fields := protoFields(t)
	require.Contains(t, fields, "Coverage.birth_year", "the parser sees the protos")

	var missing []string
	for f := range fields {
		if patientish.MatchString(f[strings.IndexByte(f, '.')+1:]) && !strings.Contains(string(doc), "`"+f+"`") {
			missing = append(missing, f+" ("+fields[f]+")")
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "docs/privacy.md must say what each of these fields holds and why it is on chain")

	var stale []string
	for _, m := range docRefRE.FindAllStringSubmatch(string(doc), -1) {
		if _, ok := fields[m[1]+"."+m[2]]; !ok {
			stale = append(stale, m[0])
		}
	}
	require.Empty(t, stale, "docs/privacy.md names fields the protos do not have")
}
