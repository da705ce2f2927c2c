package e2e

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testDisputePendsAndReviewReleases runs the README's payment-integrity walk
// on the real binary: the insurer enrols a member with a patient account and
// pays its fees (feegrant); the patient disputes an attested visit during the
// hold period; the claim is PENDED with an R-FLAG-DISPUTE flag that analysts
// see with its evidence; the provider's statistics count it pended and not
// approved; the insurer's review releases it and it is paid.
func testDisputePendsAndReviewReleases(t *testing.T, n *node) {
	today := time.Now().UTC().Format("2006-01-02")
	insurer := n.keyAddress("insurer-a")
	require.Zero(t, n.tx("settlement", "set-hold-period", "1h", "--from", "insurer-a").Code)
	_, err := n.cli("keys", "add", "patient")
	require.NoError(t, err)
	patient := n.keyAddress("patient")
	member := strings.TrimSpace(n.mustCLI("tx", "attestation", "new-pseudonym"))
	res := n.tx("adjudication", "enroll", member, "NWHP-GOLD", "2026-01-01", "--sex", "female", "--birth-year", "1990",
		"--member-account", patient, "--from", "insurer-a")
	require.Zero(t, res.Code, res.RawLog)
	res = n.tx("feegrant", "grant", insurer, patient,
		"--allowed-messages", "/claimchain.attestation.v1.MsgConfirmTreatment,/claimchain.attestation.v1.MsgDisputeTreatment")
	require.Zero(t, res.Code, res.RawLog)
	res = n.tx("attestation", "attest", "1", member, today, "11", "--diagnosis-codes", "E11.9",
		"--lines", `{"sequence":1,"code":"99214","units":1,"service_date":"`+today+`","rendering_npi":"1234567893"}`,
		"--record-hash", `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"LK+OkcYqQOLNfqihR8y1Q6SPQF1TV+0ffhiWXPXRisE="}`,
		"--from", "provider-a")
	require.Zero(t, res.Code, res.RawLog)
	var atts struct {
		Attestations []struct {
			ID string `json:"id"`
		} `json:"attestations"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "attestation", "by-member", member, "-o", "json")), &atts))
	require.Len(t, atts.Attestations, 1)
	att := atts.Attestations[0].ID
	res = n.tx("claims", "submit", "1", "claim", member, "--diagnosis-codes", "E11.9", "--from", "provider-a", "--lines",
		`{"attestation_id":"`+att+`","attestation_line":1,"code":"99214","units":1,"service_date":"`+today+`","billed":{"denom":"usd","amount":"16000"}}`)
	require.Zero(t, res.Code, res.RawLog)
	claims := n.claimIDs("by-member", member)
	require.Len(t, claims, 1)
	claim := claims[0]
	before := providerStats(t, n)

	res = n.tx("attestation", "dispute-treatment", att, `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}`,
		"--from", "patient", "--fee-granter", insurer)
	require.Zero(t, res.Code, res.RawLog)
	require.Contains(t, n.mustCLI("query", "claims", "claim", claim), "CLAIM_STATUS_PENDED")
	require.Contains(t, n.claimIDs("by-status", "pended"), claim)
	flags := n.mustCLI("query", "integrity", "claim-flags", claim)
	require.Contains(t, flags, "R-FLAG-DISPUTE")
	require.Contains(t, flags, "the member disputed attestation "+att)
	require.Contains(t, n.mustCLI("query", "integrity", "flags-by-insurer", "1"), claim)
	pended := providerStats(t, n)
	require.Equal(t, "1", pended.Pended)
	require.NotEqual(t, before.Approved, pended.Approved, "a held claim's $105.00 is no longer counted approved")

	require.Zero(t, n.tx("settlement", "set-hold-period", "5s", "--from", "insurer-a").Code)
	res = n.tx("claims", "review", claim, "approve", "--from", "insurer-a",
		"--notes-hash", `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"ucic1wvMeqlz70Gan/qhDdCko/hWKqucVqyvWpVEorY="}`)
	require.Zero(t, res.Code, res.RawLog)
	after := providerStats(t, n)
	require.Equal(t, "", after.Pended, "no claim is pended any more")
	require.Equal(t, before.Approved, after.Approved, "the released claim's $105.00 is approved again")
	explain := n.mustCLI("query", "adjudication", "explain", claim)
	require.Contains(t, explain, "review APPROVE by the insurer")

	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if out, err := n.cli("query", "settlement", "payment", claim); err == nil {
			require.Contains(t, out, `amount: "10500"`)
			return
		}
		time.Sleep(time.Second)
	}
	t.Fatalf("%s was not paid within 30 s of the review", claim)
}

type stats struct {
	Pended   string `json:"pended"`
	Approved []struct {
		Amount string `json:"amount"`
	} `json:"approved"`
}

func providerStats(t *testing.T, n *node) stats {
	var res struct {
		Stats stats `json:"stats"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "integrity", "provider-stats", "3", "-o", "json")), &res))
	return res.Stats
}
