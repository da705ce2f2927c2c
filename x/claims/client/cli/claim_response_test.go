package cli

import (
	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"

	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"math/rand"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/fastenhealth/gofhir-models/fhir401"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

var submitted = time.Date(2025, 11, 4, 23, 30, 0, 0, time.UTC)

func crClaim(id string, use types.ClaimUse, status types.ClaimStatus, lines ...types.ClaimLine) types.Claim {
	total := int64(0)
	for _, l := range lines {
		total += l.Billed.Amount.Int64()
	}
	return types.Claim{
		Id: id, ProviderId: 3, InsurerId: 1, Use: use, Member: officeMember, Lines: lines,
		TotalBilled: usd(total), Status: status, Outcome: types.CLAIM_OUTCOME_COMPLETE, SubmittedTime: submitted,
	}
}

func crLine(seq uint32, code string, cents int64) types.ClaimLine {
	return types.ClaimLine{Sequence: seq, Code: code, Units: 1, ServiceDate: "2025-11-03", Billed: usd(cents)}
}

func mi(v int64) sdkmath.Int { return sdkmath.NewInt(v) }

// crLineDecision builds a line decision; the adjustments are given as
// "CO-45:4050" or "CO-96/N130:2800".
func crLineDecision(seq uint32, kind adjtypes.DecisionKind, submitted, allowed, deductible, coinsurance, copay, benefit int64, adjs ...string) adjtypes.LineDecision {
	ld := adjtypes.LineDecision{
		Sequence: seq, Decision: kind, Submitted: mi(submitted), Allowed: mi(allowed), Deductible: mi(deductible),
		Coinsurance: mi(coinsurance), Copay: mi(copay), Benefit: mi(benefit),
	}
	groups := map[string]adjtypes.GroupCode{"CO": adjtypes.GROUP_CODE_CO, "PR": adjtypes.GROUP_CODE_PR, "OA": adjtypes.GROUP_CODE_OA, "PI": adjtypes.GROUP_CODE_PI}
	sum := benefit
	for _, s := range adjs {
		code, amount, _ := strings.Cut(s, ":")
		group, carc, _ := strings.Cut(code, "-")
		carc, rarc, _ := strings.Cut(carc, "/")
		var cents int64
		_, err := fmt.Sscan(amount, &cents)
		if err != nil {
			panic(err)
		}
		sum += cents
		ld.Adjustments = append(ld.Adjustments, adjtypes.Adjustment{
			Group: groups[group], Carc: carc, Rarc: rarc, Amount: mi(cents), RuleId: "R-" + group + carc,
		})
	}
	if sum != submitted { // the LineDecision invariant: submitted = benefit + adjustments
		panic(fmt.Sprintf("line %d: %d != %d", seq, sum, submitted))
	}
	return ld
}

func crDecision(id string, kind adjtypes.DecisionKind, lines ...adjtypes.LineDecision) *adjtypes.Decision {
	d := &adjtypes.Decision{
		ClaimId: id, Decision: kind, PlanId: "NWHP-GOLD", PlanVersion: 1, Denom: "usd", Lines: lines, PlanYear: 2025,
		Accumulated: true, Height: 10,
	}
	var sub, ben, pr int64
	for _, l := range lines {
		sub += l.Submitted.Int64()
		ben += l.Benefit.Int64()
		for _, a := range l.Adjustments {
			if a.Group == adjtypes.GROUP_CODE_PR {
				pr += a.Amount.Int64()
			}
		}
	}
	d.TotalSubmitted, d.TotalBenefit, d.PatientResponsibility = mi(sub), mi(ben), mi(pr)
	return d
}

// shortSystem names the code systems in the flattened form.
var shortSystem = map[string]string{
	SystemAdjudication:     "adjudication",
	SystemC4BBAdjudication: "C4BB",
}

func codingOf(cc fhir401.CodeableConcept) string {
	require := func(ok bool) {
		if !ok {
			panic("malformed coding")
		}
	}
	require(len(cc.Coding) == 1 && cc.Coding[0].System != nil && cc.Coding[0].Code != nil)
	sys, ok := shortSystem[*cc.Coding[0].System]
	require(ok)
	return sys + "#" + *cc.Coding[0].Code
}

func moneyOf(m *fhir401.Money) string {
	if m == nil || m.Value == nil || m.Currency == nil {
		return "<no amount>"
	}
	return m.Value.String() + " " + *m.Currency
}

// flatten renders the adjudication of a ClaimResponse as one string per
// entry: "1 adjudication#eligible 85.00 USD", "1 C4BB#discount 40.50 USD
// CARC 45 CO R-CO45", "total adjudication#benefit 16.00 USD".
func flatten(t *testing.T, cr *fhir401.ClaimResponse) []string {
	t.Helper()
	var out []string
	for _, it := range cr.Item {
		for _, a := range it.Adjudication {
			s := fmt.Sprintf("%d %s %s", it.ItemSequence, codingOf(a.Category), moneyOf(a.Amount))
			if a.Reason != nil {
				require.Len(t, a.Reason.Coding, 1)
				require.Equal(t, SystemCARC, *a.Reason.Coding[0].System)
				s += " CARC " + *a.Reason.Coding[0].Code
			}
			for _, e := range a.Extension {
				switch e.Url {
				case ExtX12GroupCode:
					s += " " + *e.ValueCode
				case ExtX12RemarkCode:
					require.Equal(t, SystemRARC, *e.ValueCoding.System)
					s += " RARC " + *e.ValueCoding.Code
				case ExtRuleID:
					s += " " + *e.ValueString
				default:
					t.Fatalf("unexpected extension %s", e.Url)
				}
			}
			out = append(out, s)
		}
	}
	for _, tot := range cr.Total {
		out = append(out, fmt.Sprintf("total %s %s", codingOf(tot.Category), moneyOf(&tot.Amount)))
	}
	return out
}

// amounts lists the six amount entries of a line.
func amounts(seq int, submitted, eligible, deductible, coinsurance, copay, benefit string) []string {
	return []string{
		fmt.Sprintf("%d adjudication#submitted %s USD", seq, submitted),
		fmt.Sprintf("%d adjudication#eligible %s USD", seq, eligible),
		fmt.Sprintf("%d adjudication#deductible %s USD", seq, deductible),
		fmt.Sprintf("%d C4BB#coinsurance %s USD", seq, coinsurance),
		fmt.Sprintf("%d adjudication#copay %s USD", seq, copay),
		fmt.Sprintf("%d adjudication#benefit %s USD", seq, benefit),
	}
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func TestClaimResponseFromDecision(t *testing.T) {
	office := func(status types.ClaimStatus) types.Claim {
		return crClaim("CLM-3-1", types.CLAIM_USE_CLAIM, status, crLine(1, "99213", 12550), crLine(2, "85025", 2800))
	}
	approved := func() *adjtypes.Decision {
		return crDecision("CLM-3-1", adjtypes.DECISION_KIND_APPROVED,
			crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 12550, 8500, 8500, 0, 0, 0, "CO-45:4050", "PR-1:8500"),
			crLineDecision(2, adjtypes.DECISION_KIND_APPROVED, 2800, 2000, 0, 400, 0, 1600, "CO-45:800", "PR-2:400"))
	}
	approvedAdjudication := concat(
		amounts(1, "125.50", "85.00", "85.00", "0.00", "0.00", "0.00"),
		[]string{
			"1 C4BB#discount 40.50 USD CARC 45 CO R-CO45",
			"1 C4BB#memberliability 85.00 USD CARC 1 PR R-PR1",
		},
		amounts(2, "28.00", "20.00", "0.00", "4.00", "0.00", "16.00"),
		[]string{
			"2 C4BB#discount 8.00 USD CARC 45 CO R-CO45",
			"2 C4BB#memberliability 4.00 USD CARC 2 PR R-PR2",
			"total adjudication#submitted 153.50 USD",
			"total adjudication#benefit 16.00 USD",
			"total C4BB#memberliability 89.00 USD",
		},
	)

	tests := []struct {
		name        string
		claim       types.Claim
		decision    *adjtypes.Decision
		use         string
		outcome     string
		disposition string
		preAuthRef  string // "" for none
		adjudicated []string
	}{
		{
			name: "approved", claim: office(types.CLAIM_STATUS_ADJUDICATED), decision: approved(),
			use: "claim", outcome: "complete", disposition: "APPROVED", adjudicated: approvedAdjudication,
		},
		{
			name: "partially approved with CO-45, PR-1, PR-2 and a denied line CO-96/N130",
			claim: crClaim("CLM-3-4", types.CLAIM_USE_CLAIM, types.CLAIM_STATUS_ADJUDICATED,
				crLine(1, "99214", 18000), crLine(2, "97110", 9000), crLine(3, "97014", 2800)),
			decision: crDecision("CLM-3-4", adjtypes.DECISION_KIND_PARTIALLY_APPROVED,
				crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 18000, 12000, 5000, 0, 0, 7000, "CO-45:6000", "PR-1:5000"),
				crLineDecision(2, adjtypes.DECISION_KIND_APPROVED, 9000, 6001, 0, 1200, 0, 4801, "CO-45:2999", "PR-2:1200"),
				crLineDecision(3, adjtypes.DECISION_KIND_DENIED, 2800, 0, 0, 0, 0, 0, "CO-96/N130:2800")),
			use: "claim", outcome: "complete", disposition: "PARTIALLY APPROVED",
			adjudicated: concat(
				amounts(1, "180.00", "120.00", "50.00", "0.00", "0.00", "70.00"),
				[]string{
					"1 C4BB#discount 60.00 USD CARC 45 CO R-CO45",
					"1 C4BB#memberliability 50.00 USD CARC 1 PR R-PR1",
				},
				amounts(2, "90.00", "60.01", "0.00", "12.00", "0.00", "48.01"),
				[]string{
					"2 C4BB#discount 29.99 USD CARC 45 CO R-CO45",
					"2 C4BB#memberliability 12.00 USD CARC 2 PR R-PR2",
				},
				amounts(3, "28.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
				[]string{
					"3 C4BB#noncovered 28.00 USD CARC 96 CO RARC N130 R-CO96",
					"total adjudication#submitted 298.00 USD",
					"total adjudication#benefit 118.01 USD",
					"total C4BB#memberliability 62.00 USD",
				},
			),
		},
		{
			name:  "denied: CO-31, patient not identified as insured",
			claim: crClaim("CLM-3-5", types.CLAIM_USE_CLAIM, types.CLAIM_STATUS_ADJUDICATED, crLine(1, "99213", 12550)),
			decision: func() *adjtypes.Decision {
				d := crDecision("CLM-3-5", adjtypes.DECISION_KIND_DENIED,
					crLineDecision(1, adjtypes.DECISION_KIND_DENIED, 12550, 0, 0, 0, 0, 0, "CO-31:12550"))
				d.PlanId, d.PlanVersion, d.Accumulated = "", 0, false
				return d
			}(),
			use: "claim", outcome: "complete", disposition: "DENIED",
			adjudicated: concat(
				amounts(1, "125.50", "0.00", "0.00", "0.00", "0.00", "0.00"),
				[]string{
					"1 C4BB#noncovered 125.50 USD CARC 31 CO R-CO31",
					"total adjudication#submitted 125.50 USD",
					"total adjudication#benefit 0.00 USD",
					"total C4BB#memberliability 0.00 USD",
				},
			),
		},
		{
			name: "approved preauthorization carries preAuthRef",
			claim: crClaim("CLM-3-2", types.CLAIM_USE_PREAUTHORIZATION, types.CLAIM_STATUS_ADJUDICATED,
				types.ClaimLine{Sequence: 1, Code: "73721", Modifiers: []string{"RT"}, Units: 1, ServiceDate: "2025-12-01", Billed: usd(125000)}),
			decision: func() *adjtypes.Decision {
				d := crDecision("CLM-3-2", adjtypes.DECISION_KIND_APPROVED,
					crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 125000, 60000, 0, 12000, 0, 48000, "CO-45:65000", "PR-2:12000"))
				d.Accumulated = false
				return d
			}(),
			use: "preauthorization", outcome: "complete", disposition: "APPROVED", preAuthRef: "CLM-3-2",
			adjudicated: concat(
				amounts(1, "1250.00", "600.00", "0.00", "120.00", "0.00", "480.00"),
				[]string{
					"1 C4BB#discount 650.00 USD CARC 45 CO R-CO45",
					"1 C4BB#memberliability 120.00 USD CARC 2 PR R-PR2",
					"total adjudication#submitted 1250.00 USD",
					"total adjudication#benefit 480.00 USD",
					"total C4BB#memberliability 120.00 USD",
				},
			),
		},
		{
			name: "denied preauthorization has no preAuthRef",
			claim: crClaim("CLM-3-3", types.CLAIM_USE_PREAUTHORIZATION, types.CLAIM_STATUS_ADJUDICATED,
				crLine(1, "73721", 125000)),
			decision: crDecision("CLM-3-3", adjtypes.DECISION_KIND_DENIED,
				crLineDecision(1, adjtypes.DECISION_KIND_DENIED, 125000, 0, 0, 0, 0, 0, "CO-204:125000")),
			use: "preauthorization", outcome: "complete", disposition: "DENIED",
			adjudicated: concat(
				amounts(1, "1250.00", "0.00", "0.00", "0.00", "0.00", "0.00"),
				[]string{
					"1 C4BB#noncovered 1250.00 USD CARC 204 CO R-CO204",
					"total adjudication#submitted 1250.00 USD",
					"total adjudication#benefit 0.00 USD",
					"total C4BB#memberliability 0.00 USD",
				},
			),
		},
		{
			name: "predetermination", decision: func() *adjtypes.Decision {
				d := approved()
				d.Accumulated = false
				return d
			}(),
			claim: func() types.Claim {
				c := office(types.CLAIM_STATUS_ADJUDICATED)
				c.Use = types.CLAIM_USE_PREDETERMINATION
				return c
			}(),
			use: "predetermination", outcome: "complete", disposition: "APPROVED", adjudicated: approvedAdjudication,
		},
		{
			name: "nil decision: queued, no adjudication", claim: office(types.CLAIM_STATUS_SUBMITTED),
			use: "claim", outcome: "queued", disposition: "Received: not adjudicated yet",
		},
		{
			name: "nil decision on a claim that could not be processed", use: "claim", outcome: "error",
			claim: func() types.Claim {
				c := office(types.CLAIM_STATUS_SUBMITTED)
				c.Outcome = types.CLAIM_OUTCOME_ERROR
				return c
			}(),
			disposition: "Could not be processed",
		},
		{
			name: "pended: queued whatever is recorded", claim: office(types.CLAIM_STATUS_PENDED), decision: approved(),
			use: "claim", outcome: "queued", disposition: "PENDED for review: not adjudicated yet, nothing is payable",
		},
		{
			name: "voided after adjudication: still complete", claim: office(types.CLAIM_STATUS_VOIDED),
			decision: func() *adjtypes.Decision {
				d := approved()
				d.Released = true
				return d
			}(),
			use: "claim", outcome: "complete", disposition: "APPROVED; voided later, its accumulator use given back",
			adjudicated: approvedAdjudication,
		},
		{
			name: "voided preauthorization: no preAuthRef",
			claim: crClaim("CLM-3-2", types.CLAIM_USE_PREAUTHORIZATION, types.CLAIM_STATUS_VOIDED,
				crLine(1, "73721", 125000)),
			decision: crDecision("CLM-3-2", adjtypes.DECISION_KIND_APPROVED,
				crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 125000, 125000, 0, 0, 0, 125000)),
			use: "preauthorization", outcome: "complete", disposition: "APPROVED; voided later",
			adjudicated: concat(
				amounts(1, "1250.00", "1250.00", "0.00", "0.00", "0.00", "1250.00"),
				[]string{
					"total adjudication#submitted 1250.00 USD",
					"total adjudication#benefit 1250.00 USD",
					"total C4BB#memberliability 0.00 USD",
				},
			),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cr, err := ClaimResponseFromDecision(tc.claim, tc.decision)
			require.NoError(t, err)

			bz, err := json.Marshal(cr)
			require.NoError(t, err)
			require.NotContains(t, string(bz), `"payment"`, "payable is not paid: no payment")
			require.Contains(t, string(bz), `"resourceType":"ClaimResponse"`)

			// Everything below is read back from the JSON.
			got, err := fhir401.UnmarshalClaimResponse(bz)
			require.NoError(t, err)
			require.Equal(t, tc.claim.Id, *got.Id)
			require.Equal(t, "active", got.Status.Code())
			require.Equal(t, SystemClaimType, *got.Type.Coding[0].System)
			require.Equal(t, "professional", *got.Type.Coding[0].Code)
			require.Equal(t, tc.use, got.Use.Code())
			require.Equal(t, SystemMemberPseudonym, *got.Patient.Identifier.System)
			require.Equal(t, officeMember, *got.Patient.Identifier.Value)
			require.Equal(t, "2025-11-04", got.Created)
			require.Equal(t, SystemMemberID, *got.Insurer.Identifier.System)
			require.Equal(t, "1", *got.Insurer.Identifier.Value)
			require.Equal(t, SystemClaimID, *got.Request.Identifier.System)
			require.Equal(t, tc.claim.Id, *got.Request.Identifier.Value)
			require.Equal(t, "Claim", *got.Request.Type)
			require.Equal(t, tc.outcome, got.Outcome.Code())
			require.Equal(t, tc.disposition, *got.Disposition)
			if tc.preAuthRef == "" {
				require.Nil(t, got.PreAuthRef)
			} else {
				require.Equal(t, tc.preAuthRef, *got.PreAuthRef)
			}
			require.Nil(t, got.Payment)
			require.Equal(t, tc.adjudicated, flatten(t, &got))
			if tc.adjudicated == nil {
				require.Empty(t, got.Item)
				require.Empty(t, got.Total)
			}
			for i, it := range got.Item {
				require.Equal(t, int(tc.claim.Lines[i].Sequence), it.ItemSequence)
			}

			// The amounts are JSON numbers written verbatim, two decimals.
			for _, tot := range got.Total {
				require.Contains(t, string(bz), `"value":`+tot.Amount.Value.String()+`,`)
			}
		})
	}
}

func TestClaimResponseFromDecisionErrors(t *testing.T) {
	claim := func() types.Claim {
		return crClaim("CLM-3-1", types.CLAIM_USE_CLAIM, types.CLAIM_STATUS_ADJUDICATED, crLine(1, "99213", 12550), crLine(2, "85025", 2800))
	}
	decision := func() *adjtypes.Decision {
		return crDecision("CLM-3-1", adjtypes.DECISION_KIND_APPROVED,
			crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 12550, 12550, 0, 0, 0, 12550),
			crLineDecision(2, adjtypes.DECISION_KIND_APPROVED, 2800, 2800, 0, 0, 0, 2800))
	}
	tests := []struct {
		name   string
		mutate func(c *types.Claim, d *adjtypes.Decision)
		want   string
	}{
		{"another claim's decision", func(_ *types.Claim, d *adjtypes.Decision) { d.ClaimId = "CLM-3-9" }, "decision is for claim CLM-3-9, not CLM-3-1"},
		{"no claim id", func(c *types.Claim, d *adjtypes.Decision) { c.Id, d.ClaimId = "", "" }, "no id"},
		{"unspecified use", func(c *types.Claim, _ *adjtypes.Decision) { c.Use = types.CLAIM_USE_UNSPECIFIED }, "has no FHIR code"},
		{"no submitted time", func(c *types.Claim, _ *adjtypes.Decision) { c.SubmittedTime = time.Time{} }, "no submitted time"},
		{"denoms differ", func(_ *types.Claim, d *adjtypes.Decision) { d.Denom = "eur" }, "billed in usd but decided in eur"},
		{"denom not a currency", func(c *types.Claim, d *adjtypes.Decision) { c.TotalBilled.Denom, d.Denom = "uclaim", "uclaim" }, "not an ISO 4217"},
		{"unspecified decision", func(_ *types.Claim, d *adjtypes.Decision) { d.Decision = adjtypes.DECISION_KIND_UNSPECIFIED }, "no decision kind"},
		{"missing line decision", func(_ *types.Claim, d *adjtypes.Decision) { d.Lines = d.Lines[:1] }, "decides 1 lines, the claim has 2"},
		{"line decided twice", func(_ *types.Claim, d *adjtypes.Decision) { d.Lines[1].Sequence = 1 }, "decides line 1 twice"},
		{"decision line not on the claim", func(_ *types.Claim, d *adjtypes.Decision) { d.Lines[1].Sequence = 7 }, "has no line 2"},
		{"adjustment without group", func(_ *types.Claim, d *adjtypes.Decision) {
			d.Lines[0].Adjustments = []adjtypes.Adjustment{{Carc: "45", Amount: mi(1)}}
		}, "line 1: adjustment 1: group code GROUP_CODE_UNSPECIFIED"},
		{"adjustment without CARC", func(_ *types.Claim, d *adjtypes.Decision) {
			d.Lines[0].Adjustments = []adjtypes.Adjustment{{Group: adjtypes.GROUP_CODE_CO, Amount: mi(1)}}
		}, "no CARC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, d := claim(), decision()
			tc.mutate(&c, d)
			_, err := ClaimResponseFromDecision(c, d)
			require.ErrorContains(t, err, tc.want)
		})
	}
}

// TestFHIRMoneyExact checks that amounts survive minor units → FHIR JSON →
// the importer's exact decimal parser unchanged, up to 10^12 cents and beyond
// (where float64 would already round).
func TestFHIRMoneyExact(t *testing.T) {
	values := []string{"0", "1", "5", "10", "99", "100", "101", "12550", "2800", "999999999999", "1000000000000",
		"9007199254740993", "123456789012345678901234567890"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 2000; i++ {
		values = append(values, fmt.Sprint(r.Int63n(1_000_000_000_001)))
	}
	for _, currency := range []string{"USD", "JPY", "BHD"} {
		for _, s := range values {
			v, ok := sdkmath.NewIntFromString(s)
			require.True(t, ok)
			bz, err := json.Marshal(fhirMoney(v, currency))
			require.NoError(t, err)
			var back fhir401.Money
			require.NoError(t, json.Unmarshal(bz, &back))
			m, err := parseMoney("Money", &back)
			require.NoError(t, err, "%s %s: %s", s, currency, bz)
			require.Equal(t, s, m.minor.String(), "%s %s: %s", s, currency, bz)
			require.Equal(t, currency, m.currency.code)
		}
	}

	tests := []struct {
		minor    string
		exp      int
		want     string
		wantJSON string
	}{
		{"0", 2, "0.00", `{"value":0.00,"currency":"USD"}`},
		{"5", 2, "0.05", `{"value":0.05,"currency":"USD"}`},
		{"12550", 2, "125.50", `{"value":125.50,"currency":"USD"}`},
		{"-4050", 2, "-40.50", `{"value":-40.50,"currency":"USD"}`},
		{"-5", 2, "-0.05", `{"value":-0.05,"currency":"USD"}`},
		{"1000000000000", 2, "10000000000.00", `{"value":10000000000.00,"currency":"USD"}`},
		{"1250", 0, "1250", ""},
		{"5", 3, "0.005", ""},
	}
	for _, tc := range tests {
		b, ok := new(big.Int).SetString(tc.minor, 10)
		require.True(t, ok)
		require.Equal(t, tc.want, fhirmoney.MinorToDecimal(b, tc.exp))
		if tc.wantJSON != "" {
			bz, err := json.Marshal(fhirMoney(sdkmath.NewIntFromBigInt(b), "USD"))
			require.NoError(t, err)
			require.JSONEq(t, tc.wantJSON, string(bz))
			require.Contains(t, string(bz), `"value":`+tc.want+`,`, "written verbatim, trailing zero kept")
		}
	}
	// A nil amount is zero.
	bz, err := json.Marshal(fhirMoney(sdkmath.Int{}, "USD"))
	require.NoError(t, err)
	require.Equal(t, `{"value":0.00,"currency":"USD"}`, string(bz))
}

// fakeClaims and fakeDecisions serve one claim and, when decision is set,
// its decision; any other id is NotFound (as the keepers answer), and
// decisionErr, when set, is returned by Decision.
type fakeClaims struct {
	types.UnimplementedQueryServer
	claim types.Claim
}

func (f fakeClaims) Claim(_ context.Context, req *types.QueryClaimRequest) (*types.QueryClaimResponse, error) {
	if req.Id != f.claim.Id {
		return nil, status.Error(codes.NotFound, "claim "+req.Id+" not found")
	}
	return &types.QueryClaimResponse{Claim: f.claim}, nil
}

type fakeDecisions struct {
	adjtypes.UnimplementedQueryServer
	decision    *adjtypes.Decision
	decisionErr error
}

func (f fakeDecisions) Decision(_ context.Context, req *adjtypes.QueryDecisionRequest) (*adjtypes.QueryDecisionResponse, error) {
	if f.decisionErr != nil {
		return nil, f.decisionErr
	}
	if f.decision == nil || req.ClaimId != f.decision.ClaimId {
		return nil, status.Error(codes.NotFound, "decision not found")
	}
	return &adjtypes.QueryDecisionResponse{Decision: *f.decision}, nil
}

// runClaimResponse runs claim-response against an in-process gRPC server.
func runClaimResponse(t *testing.T, claims fakeClaims, decisions fakeDecisions, args ...string) (string, error) {
	t.Helper()
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpc.ForceServerCodec(cdc.GRPCCodec()))
	types.RegisterQueryServer(srv, &claims)
	adjtypes.RegisterQueryServer(srv, &decisions)
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	conn, err := grpc.NewClient("passthrough:///bufnet",
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(cdc.GRPCCodec())))
	require.NoError(t, err)
	t.Cleanup(func() { _ = conn.Close() })

	out := new(bytes.Buffer)
	clientCtx := client.Context{}.WithCodec(cdc).WithGRPCClient(conn).WithOutput(out).WithOutputFormat("text")
	ctx := context.WithValue(context.Background(), client.ClientContextKey, &clientCtx)
	cmd := ClaimResponseCmd()
	cmd.SetContext(ctx)
	cmd.SetArgs(args)
	cmd.SetOut(new(bytes.Buffer))
	cmd.SetErr(new(bytes.Buffer))
	err = cmd.ExecuteContext(ctx)
	return out.String(), err
}

func TestClaimResponseCmd(t *testing.T) {
	cmd := ClaimResponseCmd()
	require.Equal(t, "claim-response", cmd.Name())
	f := cmd.Flags().Lookup(flagFHIR)
	require.NotNil(t, f)
	require.Equal(t, "false", f.DefValue)
	require.Error(t, cmd.Args(cmd, nil))
	require.NoError(t, cmd.Args(cmd, []string{"CLM-3-1"}))

	claim := crClaim("CLM-3-1", types.CLAIM_USE_CLAIM, types.CLAIM_STATUS_ADJUDICATED, crLine(1, "99213", 12550))
	decision := crDecision("CLM-3-1", adjtypes.DECISION_KIND_APPROVED,
		crLineDecision(1, adjtypes.DECISION_KIND_APPROVED, 12550, 8500, 0, 0, 0, 8500, "CO-45:4050"))
	decided := fakeDecisions{decision: decision}
	undecided := fakeDecisions{}

	tests := []struct {
		name      string
		decisions fakeDecisions
		args      []string
		wantErr   string
		check     func(t *testing.T, out string)
	}{
		{
			name: "--fhir, decided", decisions: decided, args: []string{"CLM-3-1", "--fhir"},
			check: func(t *testing.T, out string) {
				cr, err := fhir401.UnmarshalClaimResponse([]byte(out))
				require.NoError(t, err, out)
				require.Equal(t, "complete", cr.Outcome.Code())
				require.Equal(t, "APPROVED", *cr.Disposition)
				require.Len(t, cr.Item, 1)
				require.Contains(t, out, `"value": 85.00`)
				require.True(t, strings.HasSuffix(out, "}\n"))
			},
		},
		{
			name: "--fhir, no decision yet: queued", decisions: undecided, args: []string{"CLM-3-1", "--fhir"},
			check: func(t *testing.T, out string) {
				cr, err := fhir401.UnmarshalClaimResponse([]byte(out))
				require.NoError(t, err, out)
				require.Equal(t, "queued", cr.Outcome.Code())
				require.Empty(t, cr.Item)
			},
		},
		{
			name: "decision as YAML", decisions: decided, args: []string{"CLM-3-1"},
			check: func(t *testing.T, out string) {
				require.Contains(t, out, "claim_id: CLM-3-1")
				require.Contains(t, out, "plan_id: NWHP-GOLD")
				require.Contains(t, out, `total_benefit: "8500"`)
			},
		},
		{
			name: "no decision yet without --fhir", decisions: undecided, args: []string{"CLM-3-1"},
			wantErr: "claim CLM-3-1 has no decision yet (status CLAIM_STATUS_ADJUDICATED)",
		},
		{
			name: "unknown claim", decisions: decided, args: []string{"CLM-9-9", "--fhir"},
			wantErr: "claim CLM-9-9 not found",
		},
		{
			name: "other errors are not taken for a missing decision", args: []string{"CLM-3-1", "--fhir"},
			decisions: fakeDecisions{decisionErr: status.Error(codes.Unavailable, "store closed")},
			wantErr:   "store closed",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runClaimResponse(t, fakeClaims{claim: claim}, tc.decisions, tc.args...)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			tc.check(t, out)
		})
	}
}
