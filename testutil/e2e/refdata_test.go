package e2e

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testReferenceTables: governance appoints billing-svc as the reference-data
// loader; it imports the synthetic CMS PTP fixture in small chunks with the
// import tool, activates it, and the chain answers lookups with the version.
func testReferenceTables(t *testing.T, n *node, proposalID string) {
	loader := n.keyAddress("billing-svc")
	res := n.tx("refdata", "update-params", `{"loader":"`+loader+`","max_rows_per_chunk":2000}`,
		"--title", "Appoint the refdata loader", "--summary", "billing-svc loads CMS and OIG tables",
		"--deposit", "1000000ufee", "--from", "insurer-a")
	require.Zero(t, res.Code, res.RawLog)
	vote := n.tx("gov", "vote", proposalID, "yes", "--from", "insurer-a")
	require.Zero(t, vote.Code, vote.RawLog)
	deadline := time.Now().Add(40 * time.Second)
	for time.Now().Before(deadline) {
		out, err := n.cli("query", "refdata", "params", "-o", "json")
		if err == nil && strings.Contains(out, loader) {
			break
		}
		time.Sleep(time.Second)
	}
	require.Contains(t, n.mustCLI("query", "refdata", "params", "-o", "json"), loader, "the loader was not appointed")

	fixture := filepath.Join(repoRoot(t), "examples", "refdata", "ptp-practitioner-2026q1.txt")
	out := n.mustCLI("tx", "refdata", "import", "ptp", fixture, "--table-version", "1", "--chunk-size", "5",
		"--source", "Synthetic NCCI PTP practitioner 2026Q1", "--applies-from", "2026-01-01", "--activate",
		"--from", "billing-svc", "--gas-prices", "0.001ufee", "-y")
	require.Contains(t, out, "activated ptp version 1 from 2026-01-01: 19 rows")

	var v struct {
		Version struct {
			Status string `json:"status"`
			Chunks uint32 `json:"chunks"`
			Rows   string `json:"rows"`
		} `json:"version"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "refdata", "version", "ptp", "1", "-o", "json")), &v))
	require.Equal(t, "VERSION_STATUS_ACTIVE", v.Version.Status)
	require.Equal(t, uint32(4), v.Version.Chunks)
	require.Equal(t, "19", v.Version.Rows)

	var ptp struct {
		Version uint32 `json:"version"`
		Found   bool   `json:"found"`
		Row     struct {
			ModifierIndicator uint32 `json:"modifier_indicator"`
		} `json:"row"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "refdata", "ptp", "20610", "99213", "2026-03-02", "-o", "json")), &ptp))
	require.True(t, ptp.Found)
	require.Equal(t, uint32(1), ptp.Version)
	require.Equal(t, uint32(1), ptp.Row.ModifierIndicator)

	// A non-loader cannot stage.
	bad := n.tx("refdata", "activate", "mue", "1", "2026-01-01", "--from", "outsider")
	require.NotZero(t, bad.Code)
}
