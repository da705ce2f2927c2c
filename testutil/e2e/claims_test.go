package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const demoMember = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

type claimJSON struct {
	ID          string `json:"id"`
	ProviderID  string `json:"provider_id"`
	Status      string `json:"status"`
	Outcome     string `json:"outcome"`
	TotalBilled struct {
		Denom  string `json:"denom"`
		Amount string `json:"amount"`
	} `json:"total_billed"`
}

func (n *node) claimIDs(args ...string) []string {
	n.t.Helper()
	var res struct {
		Claims []claimJSON `json:"claims"`
	}
	require.NoError(n.t, json.Unmarshal([]byte(n.mustCLI(append(append([]string{"query", "claims"}, args...), "-o", "json")...)), &res))
	ids := []string{}
	for _, c := range res.Claims {
		ids = append(ids, c.ID)
	}
	return ids
}

// testClaimsWorkflow runs scripts/demo.sh (an attestation, then a claim
// imported from examples/fhir/claim-office-visit.json) against the node, reads
// the claim back by every index, and checks that bad claims are refused with
// clear errors and store nothing.
func testClaimsWorkflow(t *testing.T, n *node) {
	cmd := exec.Command("bash", "scripts/demo.sh")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(), "CLAIMCHAIN_HOME="+n.home, "BINARY="+n.bin)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	require.Contains(t, string(out), "CLM-3-1")

	var att struct {
		Attestation struct {
			ID         string `json:"id"`
			ProviderID string `json:"provider_id"`
			Member     string `json:"member"`
		} `json:"attestation"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "attestation", "attestation", "ATT-3-1", "-o", "json")), &att))
	require.Equal(t, demoMember, att.Attestation.Member)

	var one struct {
		Claim claimJSON `json:"claim"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "claims", "claim", "CLM-3-1", "-o", "json")), &one))
	require.Equal(t, "CLAIM_STATUS_ADJUDICATED", one.Claim.Status, "adjudicated in its submission tx")
	require.Equal(t, "CLAIM_OUTCOME_COMPLETE", one.Claim.Outcome)
	require.Equal(t, "15350", one.Claim.TotalBilled.Amount, "$125.50 + $28.00 in cents")

	require.Equal(t, []string{"CLM-3-1"}, n.claimIDs("by-provider", "3"))
	require.Equal(t, []string{"CLM-3-1"}, n.claimIDs("by-insurer", "1", "--page-reverse"))
	require.Equal(t, []string{"CLM-3-1"}, n.claimIDs("by-member", demoMember))
	require.Equal(t, []string{"CLM-3-1"}, n.claimIDs("by-status", "adjudicated"))
	require.Contains(t, string(n.getREST("/claimchain/claims/v1/claims/CLM-3-1")), `"id":"CLM-3-1"`)
	require.Contains(t, string(n.getREST("/claimchain/claims/v1/insurers/1/claims?pagination.reverse=true")), "CLM-3-1")

	today := time.Now().UTC().Format("2006-01-02") // the demo re-dates its visit to today
	line := func(code string) string {
		return `{"attestation_id":"ATT-3-1","attestation_line":1,"code":"` + code +
			`","units":1,"service_date":"` + today + `","billed":{"denom":"usd","amount":"12550"}}`
	}
	// The explained decision and its FHIR ClaimResponse.
	explain := n.mustCLI("query", "adjudication", "explain", "CLM-3-1")
	for _, want := range []string{
		"Claim CLM-3-1 (claim, 2 lines, billed $153.50) — APPROVED under plan NWHP-GOLD version 1",
		"allowed $90.00, deductible $0.00, coinsurance $0.00, copay $25.00, payable $65.00 — APPROVED",
		"CO-45 $35.50 (charge exceeds fee schedule)",
		"PR-3 $25.00",
		"PR-1 $12.00",
		"Payable by the insurer $65.00; patient responsibility $37.00",
	} {
		require.Contains(t, explain, want)
	}
	var cr map[string]any
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "claims", "claim-response", "CLM-3-1", "--fhir")), &cr))
	require.Equal(t, "ClaimResponse", cr["resourceType"])
	require.Equal(t, "complete", cr["outcome"])

	refusals := []struct {
		name string
		args []string
		want string
	}{
		{"another provider's attestation",
			[]string{"claims", "submit-fhir", "examples/fhir/claim-office-visit.json", "--from", "provider-b"},
			"ATT-3-1 was attested by provider 3, not by the submitting provider 4"},
		{"a code that does not match the attested line",
			[]string{"claims", "submit", "1", "claim", demoMember, "--lines", line("99215"), "--from", "provider-a"},
			"code 99215, but ATT-3-1 line 1 attests 99213"},
		{"a PHI-looking pseudonym",
			[]string{"claims", "submit", "1", "claim", "JohnSmith19700101", "--lines", line("99213"), "--from", "provider-a"},
			"a member pseudonym is 64 lower-case hex characters"},
		{"billing an attested line twice",
			[]string{"claims", "submit", "1", "claim", demoMember, "--lines", line("99213"), "--from", "provider-a"},
			"ATT-3-1 line 1 is billed on CLM-3-1"},
	}
	for _, r := range refusals {
		res := n.txIn(repoRoot(t), r.args...)
		require.NotZero(t, res.Code, r.name)
		require.Contains(t, res.RawLog, r.want, r.name)
	}
	require.Equal(t, []string{"CLM-3-1"}, n.claimIDs("by-insurer", "1"), "refused claims store nothing")
	require.Empty(t, n.claimIDs("by-provider", "4"))
	require.True(t, strings.HasPrefix(n.claimIDs("by-provider", "3")[0], "CLM-3-"))
}

// testDeductibleAcrossClaims bills two imaging claims (yesterday's and today's
// chest X-ray): the first goes to the deductible, the second meets it and pays
// coinsurance. The same X-ray billed twice for one day would be a duplicate.
func testDeductibleAcrossClaims(t *testing.T, n *node) {
	today := time.Now().UTC().Format("2006-01-02")
	dates := []string{time.Now().UTC().AddDate(0, 0, -1).Format("2006-01-02"), today}
	for i := 0; i < 2; i++ {
		res := n.tx("attestation", "attest", "1", demoMember, dates[i], "11", "--diagnosis-codes", "R05",
			"--lines", `{"sequence":1,"code":"71046","units":1,"service_date":"`+dates[i]+`","rendering_npi":"1234567893"}`,
			"--record-hash", `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"LK+OkcYqQOLNfqihR8y1Q6SPQF1TV+0ffhiWXPXRisE="}`,
			"--from", "provider-a")
		require.Zero(t, res.Code, res.RawLog)
	}
	for i, att := range []string{"ATT-3-2", "ATT-3-3"} {
		res := n.tx("claims", "submit", "1", "claim", demoMember, "--diagnosis-codes", "R05", "--from", "provider-a", "--lines",
			`{"attestation_id":"`+att+`","attestation_line":1,"code":"71046","units":1,"service_date":"`+dates[i]+`","billed":{"denom":"usd","amount":"40000"}}`)
		require.Zero(t, res.Code, "claim %d: %s", i+1, res.RawLog)
	}
	// $12.00 of the $500.00 deductible was met by the demo claim.
	first := n.mustCLI("query", "adjudication", "explain", "CLM-3-2")
	require.Contains(t, first, "allowed $400.00, deductible $400.00, coinsurance $0.00, copay $0.00, payable $0.00")
	second := n.mustCLI("query", "adjudication", "explain", "CLM-3-3")
	require.Contains(t, second, "allowed $400.00, deductible $88.00, coinsurance $62.40, copay $0.00, payable $249.60",
		"the second claim meets the deductible")
	var acc struct {
		Accumulator struct {
			DeductibleMet string `json:"deductible_met"`
		} `json:"accumulator"`
		DeductibleRemaining string `json:"deductible_remaining"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "adjudication", "accumulator", demoMember,
		today[:4], "-o", "json")), &acc))
	require.Equal(t, "50000", acc.Accumulator.DeductibleMet)
	require.Equal(t, "0", acc.DeductibleRemaining)
}

// testPaidFromEscrow waits for the demo claim to be paid from Northwind's
// escrow after its 10 s hold period, and checks the provider's balance and
// the remittance advice.
func testPaidFromEscrow(t *testing.T, n *node) {
	var pay struct {
		Payment struct {
			TraceNumber string `json:"trace_number"`
			Paid        struct {
				Amount string `json:"amount"`
			} `json:"paid"`
		} `json:"payment"`
	}
	deadline := time.Now().Add(40 * time.Second)
	for time.Now().Before(deadline) {
		out, err := n.cli("query", "settlement", "payment", "CLM-3-1", "-o", "json")
		if err == nil && json.Unmarshal([]byte(out), &pay) == nil && pay.Payment.TraceNumber != "" {
			break
		}
		time.Sleep(time.Second)
	}
	require.NotEmpty(t, pay.Payment.TraceNumber, "CLM-3-1 was not paid after its hold period")
	require.Equal(t, "6500", pay.Payment.Paid.Amount)

	var bal struct {
		Balance struct {
			Amount string `json:"amount"`
		} `json:"balance"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "bank", "balance", n.keyAddress("provider-a"), "usd", "-o", "json")), &bal))
	require.Equal(t, "6500", bal.Balance.Amount, "the provider's balance rose by exactly the payable amount")

	var rem struct {
		Remittance struct {
			TraceNumber string `json:"trace_number"`
			Claims      []struct {
				ClaimID     string `json:"claim_id"`
				Status      uint32 `json:"claim_status_code"`
				Paid        string `json:"paid"`
				Adjustments []struct {
					Carc   string `json:"carc"`
					Amount string `json:"amount"`
				} `json:"adjustments"`
			} `json:"claims"`
		} `json:"remittance"`
	}
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "settlement", "remittance", pay.Payment.TraceNumber, "-o", "json")), &rem))
	require.Len(t, rem.Remittance.Claims, 1)
	c := rem.Remittance.Claims[0]
	require.Equal(t, "CLM-3-1", c.ClaimID)
	require.Equal(t, uint32(1), c.Status, "835 CLP02 1: processed as primary")
	require.Equal(t, "6500", c.Paid)
	carcs := []string{}
	for _, a := range c.Adjustments {
		carcs = append(carcs, a.Carc+":"+a.Amount)
	}
	require.Equal(t, []string{"45:3550", "3:2500", "45:1600", "1:1200"}, carcs)

	var fhir map[string]any
	require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "settlement", "remittance", pay.Payment.TraceNumber, "--fhir")), &fhir))
	require.Equal(t, "PaymentReconciliation", fhir["resourceType"])

	// A paid claim can no longer be voided.
	res := n.tx("claims", "void", "CLM-3-1", "changed my mind", "--from", "provider-a")
	require.NotZero(t, res.Code)
	require.Contains(t, res.RawLog, "was paid")
}
