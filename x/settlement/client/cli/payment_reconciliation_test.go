package cli

import (
	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"

	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/big"
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
	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimscli "github.com/claimchain/claimchain/x/claims/client/cli"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/settlement/types"
)

var remitDate = time.Date(2025, 11, 20, 17, 45, 12, 345, time.FixedZone("EST", -5*3600))

// bi parses a decimal integer of any size.
func bi(s string) sdkmath.Int {
	v, ok := sdkmath.NewIntFromString(s)
	if !ok {
		panic("not an integer: " + s)
	}
	return v
}

// rc builds a remittance claim; adjustments are given as "CO-45:4050" or
// "CO-197/M62:9900" (amounts in minor units, any size, may be negative).
func rc(id string, status uint32, billed, allowed, paid, pr string, adjs ...string) types.RemittanceClaim {
	c := types.RemittanceClaim{
		ClaimId: id, ClaimStatusCode: status, Billed: bi(billed), Allowed: bi(allowed), Paid: bi(paid),
		PatientResponsibility: bi(pr), Member: strings.Repeat("ab", 32),
	}
	groups := map[string]adjtypes.GroupCode{"CO": adjtypes.GROUP_CODE_CO, "PR": adjtypes.GROUP_CODE_PR, "OA": adjtypes.GROUP_CODE_OA, "PI": adjtypes.GROUP_CODE_PI}
	for _, s := range adjs {
		code, amount, _ := strings.Cut(s, ":")
		group, carc, _ := strings.Cut(code, "-")
		carc, rarc, _ := strings.Cut(carc, "/")
		c.Adjustments = append(c.Adjustments, adjtypes.Adjustment{
			Group: groups[group], Carc: carc, Rarc: rarc, Amount: bi(amount), RuleId: "R-" + group + carc,
		})
	}
	return c
}

func remittance(trace, denom, total string, claims ...types.RemittanceClaim) types.Remittance {
	return types.Remittance{
		TraceNumber: trace, InsurerId: 1, ProviderId: 3, Payee: "cosmos1payee", Date: remitDate, Height: 120,
		TotalPaid: sdk.Coin{Denom: denom, Amount: bi(total)}, Claims: claims,
	}
}

// toMinor reads a FHIR Money back to minor units, exactly; it fails on a
// value that is not a whole number of minor units.
func toMinor(t *testing.T, m *fhir401.Money) *big.Int {
	t.Helper()
	require.NotNil(t, m)
	require.NotNil(t, m.Value)
	require.NotNil(t, m.Currency)
	r, ok := new(big.Rat).SetString(m.Value.String())
	require.True(t, ok, "not a decimal: %s", m.Value)
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(fhirmoney.MinorExponent(*m.Currency))), nil)
	r.Mul(r, new(big.Rat).SetInt(scale))
	require.True(t, r.IsInt(), "%s %s is not a whole number of minor units", m.Value, *m.Currency)
	return r.Num()
}

// ext returns the extensions with url.
func ext(exts []fhir401.Extension, url string) []fhir401.Extension {
	var out []fhir401.Extension
	for _, e := range exts {
		if e.Url == url {
			out = append(out, e)
		}
	}
	return out
}

// money is "<value> <currency>".
func money(m *fhir401.Money) string {
	if m == nil || m.Value == nil || m.Currency == nil {
		return "<nil>"
	}
	return m.Value.String() + " " + *m.Currency
}

// adjustment flattens a claim-adjustment extension to
// "group carc [rarc] amount currency [rule]".
func adjustment(t *testing.T, e fhir401.Extension) string {
	t.Helper()
	require.Equal(t, ExtClaimAdjustment, e.Url)
	require.Nil(t, e.ValueString, "a complex extension has no value")
	var parts []string
	for _, sub := range e.Extension {
		switch sub.Url {
		case SubExtGroup, SubExtCARC, SubExtRARC:
			require.NotNil(t, sub.ValueCode, sub.Url)
			parts = append(parts, *sub.ValueCode)
		case SubExtAmount:
			parts = append(parts, money(sub.ValueMoney))
		case SubExtRule:
			require.NotNil(t, sub.ValueString)
			parts = append(parts, *sub.ValueString)
		default:
			t.Fatalf("unexpected sub-extension %q", sub.Url)
		}
	}
	return strings.Join(parts, " ")
}

// wantDetail is what one detail must say.
type wantDetail struct {
	claimID, paymentType, status, amount, billed, allowed, pr string
	adjustments                                               []string
}

func checkDetail(t *testing.T, d fhir401.PaymentReconciliationDetail, w wantDetail) {
	t.Helper()
	require.Equal(t, SystemClaimID, *d.Identifier.System)
	require.Equal(t, w.claimID, *d.Identifier.Value)
	require.Len(t, d.Type.Coding, 1)
	require.Equal(t, SystemPaymentType, *d.Type.Coding[0].System)
	require.Equal(t, w.paymentType, *d.Type.Coding[0].Code)
	require.Equal(t, "Claim", *d.Request.Type)
	require.Equal(t, SystemClaimID, *d.Request.Identifier.System)
	require.Equal(t, w.claimID, *d.Request.Identifier.Value)
	require.Nil(t, d.Request.Reference)
	require.Equal(t, w.amount, money(d.Amount))

	st := ext(d.Extension, ExtX12ClaimStatus)
	require.Len(t, st, 1)
	require.Equal(t, w.status, *st[0].ValueString)
	for url, want := range map[string]string{ExtAmountBilled: w.billed, ExtAmountAllowed: w.allowed, ExtAmountPatientResponsibility: w.pr} {
		e := ext(d.Extension, url)
		require.Len(t, e, 1, url)
		require.Equal(t, want, money(e[0].ValueMoney), url)
	}
	var adjs []string
	for _, e := range ext(d.Extension, ExtClaimAdjustment) {
		adjs = append(adjs, adjustment(t, e))
	}
	require.Equal(t, w.adjustments, adjs)
	require.Len(t, d.Extension, 4+len(w.adjustments), "no other extensions")
}

func TestPaymentReconciliationFromRemittance(t *testing.T) {
	tests := []struct {
		name        string
		r           types.Remittance
		amount      string
		disposition string
		details     []wantDetail
	}{
		{
			name: "two paid claims and one denied",
			r: remittance("1-3-120", "usd", "21800",
				rc("CLM-3-1", 1, "12550", "8500", "6800", "1700", "CO-45:4050", "PR-2:1700"),
				rc("CLM-3-2", 1, "20000", "15000", "15000", "0", "CO-45:5000"),
				rc("CLM-3-3", 4, "9900", "0", "0", "0", "CO-197/M62:9900"),
			),
			amount:      "218.00 USD",
			disposition: "Remittance 1-3-120: 3 claims (2 processed as primary, 1 denied); total paid 218.00 USD",
			details: []wantDetail{
				{"CLM-3-1", "payment", "1", "68.00 USD", "125.50 USD", "85.00 USD", "17.00 USD",
					[]string{"CO 45 40.50 USD R-CO45", "PR 2 17.00 USD R-PR2"}},
				{"CLM-3-2", "payment", "1", "150.00 USD", "200.00 USD", "150.00 USD", "0.00 USD",
					[]string{"CO 45 50.00 USD R-CO45"}},
				{"CLM-3-3", "payment", "4", "0.00 USD", "99.00 USD", "0.00 USD", "0.00 USD",
					[]string{"CO 197 M62 99.00 USD R-CO197"}},
			},
		},
		{
			name: "reversal (22) and its correction on one remittance",
			r: remittance("1-3-140", "usd", "200",
				rc("CLM-3-1", 22, "-12550", "-8500", "-6800", "-1700", "CO-45:-4050", "PR-2:-1700"),
				rc("CLM-3-1", 1, "12550", "8750", "7000", "1750", "CO-45:3800", "PR-2:1750"),
			),
			amount:      "2.00 USD",
			disposition: "Remittance 1-3-140: 2 claims (1 processed as primary, 1 reversed); total paid 2.00 USD",
			details: []wantDetail{
				{"CLM-3-1", "adjustment", "22", "-68.00 USD", "-125.50 USD", "-85.00 USD", "-17.00 USD",
					[]string{"CO 45 -40.50 USD R-CO45", "PR 2 -17.00 USD R-PR2"}},
				{"CLM-3-1", "payment", "1", "70.00 USD", "125.50 USD", "87.50 USD", "17.50 USD",
					[]string{"CO 45 38.00 USD R-CO45", "PR 2 17.50 USD R-PR2"}},
			},
		},
		{
			name: "one reversal alone",
			r: remittance("1-3-150", "usd", "-6800",
				rc("CLM-3-1", 22, "-12550", "-8500", "-6800", "-1700", "CO-45:-4050", "PR-2:-1700")),
			amount:      "-68.00 USD",
			disposition: "Remittance 1-3-150: 1 claim (1 reversed); total paid -68.00 USD",
			details: []wantDetail{
				{"CLM-3-1", "adjustment", "22", "-68.00 USD", "-125.50 USD", "-85.00 USD", "-17.00 USD",
					[]string{"CO 45 -40.50 USD R-CO45", "PR 2 -17.00 USD R-PR2"}},
			},
		},
		{
			name:        "zero claims",
			r:           remittance("1-3-160", "usd", "0"),
			amount:      "0.00 USD",
			disposition: "Remittance 1-3-160: no claims; total paid 0.00 USD",
		},
		{
			name: "large amounts are exact",
			r: remittance("1-3-170", "usd", "246913578024691357802469135",
				rc("CLM-3-1", 1, "123456789012345678901234567", "123456789012345678901234567", "123456789012345678901234567", "0"),
				rc("CLM-3-2", 1, "123456789012345678901234600", "123456789012345678901234568", "123456789012345678901234568", "0", "CO-45:32")),
			amount:      "2469135780246913578024691.35 USD",
			disposition: "Remittance 1-3-170: 2 claims (2 processed as primary); total paid 2469135780246913578024691.35 USD",
			details: []wantDetail{
				{"CLM-3-1", "payment", "1", "1234567890123456789012345.67 USD", "1234567890123456789012345.67 USD",
					"1234567890123456789012345.67 USD", "0.00 USD", nil},
				{"CLM-3-2", "payment", "1", "1234567890123456789012345.68 USD", "1234567890123456789012346.00 USD",
					"1234567890123456789012345.68 USD", "0.00 USD", []string{"CO 45 0.32 USD R-CO45"}},
			},
		},
		{
			name:        "zero-decimal currency",
			r:           remittance("2-5-9", "jpy", "1250", rc("CLM-5-1", 1, "1500", "1250", "1250", "0", "CO-45:250")),
			amount:      "1250 JPY",
			disposition: "Remittance 2-5-9: 1 claim (1 processed as primary); total paid 1250 JPY",
			details: []wantDetail{
				{"CLM-5-1", "payment", "1", "1250 JPY", "1500 JPY", "1250 JPY", "0 JPY", []string{"CO 45 250 JPY R-CO45"}},
			},
		},
		{
			name: "RARC and rule are left out when empty",
			r: func() types.Remittance {
				c := rc("CLM-3-9", 4, "5000", "0", "0", "0", "OA-18:5000")
				c.Adjustments[0].RuleId = ""
				return remittance("1-3-180", "usd", "0", c)
			}(),
			amount:      "0.00 USD",
			disposition: "Remittance 1-3-180: 1 claim (1 denied); total paid 0.00 USD",
			details: []wantDetail{
				{"CLM-3-9", "payment", "4", "0.00 USD", "50.00 USD", "0.00 USD", "0.00 USD", []string{"OA 18 50.00 USD"}},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pr, err := PaymentReconciliationFromRemittance(tc.r)
			require.NoError(t, err)

			require.Equal(t, tc.r.TraceNumber, *pr.Id)
			require.Equal(t, []fhir401.Identifier{{System: ptr(SystemRemittanceTrace), Value: ptr(tc.r.TraceNumber)}}, pr.Identifier)
			require.Equal(t, pr.Identifier[0], *pr.PaymentIdentifier)
			require.Equal(t, "active", pr.Status.Code())
			require.Equal(t, "2025-11-20T22:45:12Z", pr.Created, "UTC, to the second")
			require.Equal(t, "2025-11-20", pr.PaymentDate)
			require.Equal(t, "Organization", *pr.PaymentIssuer.Type)
			require.Equal(t, SystemMemberID, *pr.PaymentIssuer.Identifier.System)
			require.Equal(t, "1", *pr.PaymentIssuer.Identifier.Value)
			require.Equal(t, SystemMemberID, *pr.Requestor.Identifier.System)
			require.Equal(t, "3", *pr.Requestor.Identifier.Value)
			require.Equal(t, "complete", pr.Outcome.Code())
			require.Equal(t, tc.disposition, *pr.Disposition)
			require.Equal(t, tc.amount, money(&pr.PaymentAmount))
			require.Nil(t, pr.Request)
			require.Empty(t, pr.Extension)

			require.Len(t, pr.Detail, len(tc.details))
			for i, w := range tc.details {
				checkDetail(t, pr.Detail[i], w)
			}

			// The payment is the sum of the details, read back exactly.
			sum := new(big.Int)
			for _, d := range pr.Detail {
				sum.Add(sum, toMinor(t, d.Amount))
			}
			require.Zero(t, sum.Cmp(toMinor(t, &pr.PaymentAmount)), "total %s, details add up to %s", money(&pr.PaymentAmount), sum)
			require.Zero(t, sum.Cmp(tc.r.TotalPaid.Amount.BigInt()))

			// Every amount reads back to the stored integer.
			for i, c := range tc.r.Claims {
				d := pr.Detail[i]
				require.Equal(t, c.Paid.String(), toMinor(t, d.Amount).String())
				require.Equal(t, c.Billed.String(), toMinor(t, ext(d.Extension, ExtAmountBilled)[0].ValueMoney).String())
				require.Equal(t, c.Allowed.String(), toMinor(t, ext(d.Extension, ExtAmountAllowed)[0].ValueMoney).String())
				require.Equal(t, c.PatientResponsibility.String(),
					toMinor(t, ext(d.Extension, ExtAmountPatientResponsibility)[0].ValueMoney).String())
			}

			// JSON: a PaymentReconciliation resource that reads back the same,
			// with the amounts written verbatim (no float64, trailing zeros kept).
			bz, err := json.MarshalIndent(pr, "", "  ")
			require.NoError(t, err)
			var raw map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(bz, &raw))
			require.Equal(t, `"PaymentReconciliation"`, string(raw["resourceType"]))
			value, _, _ := strings.Cut(tc.amount, " ")
			require.Contains(t, string(bz), `"paymentAmount": {`+"\n"+`    "value": `+value+",")
			back, err := fhir401.UnmarshalPaymentReconciliation(bz)
			require.NoError(t, err)
			require.Equal(t, *pr, back)
			require.NotContains(t, string(bz), "e+", "no float formatting")
			require.NotContains(t, string(bz), strings.Repeat("ab", 32), "no member pseudonym")
			require.NotContains(t, string(bz), "cosmos1payee")
		})
	}
}

func TestPaymentReconciliationRefuses(t *testing.T) {
	ok := func() types.Remittance {
		return remittance("1-3-120", "usd", "6800", rc("CLM-3-1", 1, "12550", "8500", "6800", "1700", "CO-45:4050", "PR-2:1700"))
	}
	tests := []struct {
		name    string
		edit    func(r *types.Remittance)
		wantErr string
	}{
		{"no trace number", func(r *types.Remittance) { r.TraceNumber = "" }, "the remittance has no trace number"},
		{"no date", func(r *types.Remittance) { r.Date = time.Time{} }, "remittance 1-3-120 has no date"},
		{"no denom", func(r *types.Remittance) { r.TotalPaid.Denom = "" }, `denom "" is not an ISO 4217 currency code`},
		{"denom not a currency", func(r *types.Remittance) { r.TotalPaid.Denom = "stake" }, `denom "stake" is not an ISO 4217`},
		{"no claim id", func(r *types.Remittance) { r.Claims[0].ClaimId = "" }, "remittance 1-3-120 claim 1: no claim id"},
		{
			"status 23 is not exported", func(r *types.Remittance) { r.Claims[0].ClaimStatusCode = 23 },
			"claim CLM-3-1 has 835 claim status 23: only 1 (processed as primary), 4 (denied) and 22 (reversal) are exported",
		},
		{"status 0", func(r *types.Remittance) { r.Claims[0].ClaimStatusCode = 0 }, "835 claim status 0"},
		{
			"denied but paid", func(r *types.Remittance) { r.Claims[0].ClaimStatusCode = 4 },
			"claim CLM-3-1 is denied (835 status 4) but paid 68.00 USD",
		},
		{
			"adjustment without group", func(r *types.Remittance) { r.Claims[0].Adjustments[1].Group = adjtypes.GROUP_CODE_UNSPECIFIED },
			"claim CLM-3-1 adjustment 2: group code GROUP_CODE_UNSPECIFIED is not CO, PR, OA or PI",
		},
		{"adjustment without CARC", func(r *types.Remittance) { r.Claims[0].Adjustments[0].Carc = "" }, "claim CLM-3-1 adjustment 1: no CARC"},
		{
			"total is not the sum", func(r *types.Remittance) { r.TotalPaid.Amount = bi("6801") },
			"remittance 1-3-120: total paid 68.01 USD is not the sum of its claims' payments, 68.00 USD",
		},
		{
			"a claim too many", func(r *types.Remittance) { r.Claims = append(r.Claims, rc("CLM-3-2", 1, "100", "100", "100", "0")) },
			"total paid 68.00 USD is not the sum of its claims' payments, 69.00 USD",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := ok()
			tc.edit(&r)
			pr, err := PaymentReconciliationFromRemittance(r)
			require.ErrorContains(t, err, tc.wantErr)
			require.Nil(t, pr)
		})
	}
	_, err := PaymentReconciliationFromRemittance(ok())
	require.NoError(t, err)
}

func TestPaymentReconciliationDetails(t *testing.T) {
	// Nil amounts (an unset math.Int) are zero, not a panic.
	r := types.Remittance{TraceNumber: "1-3-1", Date: remitDate, TotalPaid: sdk.Coin{Denom: "usd"},
		Claims: []types.RemittanceClaim{{ClaimId: "CLM-3-1", ClaimStatusCode: 4}}}
	pr, err := PaymentReconciliationFromRemittance(r)
	require.NoError(t, err)
	require.Equal(t, "0.00 USD", money(&pr.PaymentAmount))
	require.Equal(t, "0.00 USD", money(pr.Detail[0].Amount))

	// A trace number that is not a FHIR id is still the identifier.
	r.TraceNumber = "1/3/1"
	pr, err = PaymentReconciliationFromRemittance(r)
	require.NoError(t, err)
	require.Nil(t, pr.Id)
	require.Equal(t, "1/3/1", *pr.Identifier[0].Value)
}

// TestMoneyMatchesClaimResponseExport checks that the money helpers repeated
// from x/claims/client/cli write the same Money as the ClaimResponse export,
// and that the identifier systems are the same.
func TestMoneyMatchesClaimResponseExport(t *testing.T) {
	require.Equal(t, claimscli.SystemMemberID, SystemMemberID)
	require.Equal(t, claimscli.SystemClaimID, SystemClaimID)

	submitted := time.Date(2025, 11, 4, 0, 0, 0, 0, time.UTC)
	for _, denom := range []string{"usd", "jpy", "kwd", "eur"} {
		for _, v := range []string{"0", "5", "12550", "-4050", "-5", "1000000000000", "123456789012345678901234567"} {
			claim := claimstypes.Claim{Id: "CLM-3-1", InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM, SubmittedTime: submitted,
				TotalBilled: sdk.Coin{Denom: denom, Amount: bi("0")}, Status: claimstypes.CLAIM_STATUS_ADJUDICATED}
			d := adjtypes.Decision{ClaimId: "CLM-3-1", Denom: denom, Decision: adjtypes.DECISION_KIND_APPROVED,
				TotalSubmitted: bi(v), TotalBenefit: bi("0"), PatientResponsibility: bi("0")}
			cr, err := claimscli.ClaimResponseFromDecision(claim, &d)
			require.NoError(t, err)
			want, err := json.Marshal(cr.Total[0].Amount)
			require.NoError(t, err)
			got, err := json.Marshal(fhirMoney(bi(v), strings.ToUpper(denom)))
			require.NoError(t, err)
			require.Equal(t, string(want), string(got), "%s %s", v, denom)
		}
	}
}

func TestMinorToDecimal(t *testing.T) {
	tests := []struct {
		minor string
		exp   int
		want  string
	}{
		{"0", 2, "0.00"},
		{"5", 2, "0.05"},
		{"12550", 2, "125.50"},
		{"-4050", 2, "-40.50"},
		{"-5", 2, "-0.05"},
		{"1250", 0, "1250"},
		{"5", 3, "0.005"},
		{"100000000000000000000000000000000000", 2, "1000000000000000000000000000000000.00"},
	}
	for _, tc := range tests {
		b, ok := new(big.Int).SetString(tc.minor, 10)
		require.True(t, ok)
		require.Equal(t, tc.want, fhirmoney.MinorToDecimal(b, tc.exp))
	}
	bz, err := json.Marshal(fhirMoney(sdkmath.Int{}, "USD"))
	require.NoError(t, err)
	require.Equal(t, `{"value":0.00,"currency":"USD"}`, string(bz))
}

// fakeRemittances serves one remittance; any other trace number is NotFound.
type fakeRemittances struct {
	types.UnimplementedQueryServer
	remittance types.Remittance
}

func (f fakeRemittances) Remittance(_ context.Context, req *types.QueryRemittanceRequest) (*types.QueryRemittanceResponse, error) {
	if req.TraceNumber != f.remittance.TraceNumber {
		return nil, status.Error(codes.NotFound, "remittance "+req.TraceNumber+" not found")
	}
	return &types.QueryRemittanceResponse{Remittance: f.remittance}, nil
}

// runRemittance runs `settlement remittance` against an in-process gRPC
// server, through QueryCmd as the CLI tree does.
func runRemittance(t *testing.T, srvImpl types.QueryServer, args ...string) (string, error) {
	t.Helper()
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	lis := bufconn.Listen(1 << 20)
	srv := grpc.NewServer(grpc.ForceServerCodec(cdc.GRPCCodec()))
	types.RegisterQueryServer(srv, srvImpl)
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
	cmd := QueryCmd()
	cmd.SetContext(ctx)
	cmd.SetArgs(append([]string{"remittance"}, args...))
	cmd.SetOut(new(bytes.Buffer))
	cmd.SetErr(new(bytes.Buffer))
	err = cmd.ExecuteContext(ctx)
	return out.String(), err
}

func TestRemittanceCmd(t *testing.T) {
	q := QueryCmd()
	require.Equal(t, "settlement", q.Name())
	require.True(t, q.DisableFlagParsing)
	require.NotNil(t, q.RunE)
	sub, _, err := q.Find([]string{"remittance"})
	require.NoError(t, err)
	require.Equal(t, "remittance", sub.Name())

	cmd := RemittanceCmd()
	f := cmd.Flags().Lookup(flagFHIR)
	require.NotNil(t, f)
	require.Equal(t, "false", f.DefValue)
	require.NotNil(t, cmd.Flags().Lookup("node"), "query flags")
	require.Error(t, cmd.Args(cmd, nil))
	require.NoError(t, cmd.Args(cmd, []string{"1-3-120"}))

	r := remittance("1-3-120", "usd", "21800",
		rc("CLM-3-1", 1, "12550", "8500", "6800", "1700", "CO-45:4050", "PR-2:1700"),
		rc("CLM-3-2", 1, "20000", "15000", "15000", "0", "CO-45:5000"),
		rc("CLM-3-3", 4, "9900", "0", "0", "0", "CO-197/M62:9900"))
	bad := r
	bad.TotalPaid.Amount = bi("1")

	tests := []struct {
		name    string
		srv     fakeRemittances
		args    []string
		wantErr string
		check   func(t *testing.T, out string)
	}{
		{
			name: "--fhir", srv: fakeRemittances{remittance: r}, args: []string{"1-3-120", "--fhir"},
			check: func(t *testing.T, out string) {
				pr, err := fhir401.UnmarshalPaymentReconciliation([]byte(out))
				require.NoError(t, err, out)
				require.Equal(t, "complete", pr.Outcome.Code())
				require.Len(t, pr.Detail, 3)
				require.Contains(t, out, `"value": 218.00`)
				require.Contains(t, out, `"valueString": "4"`)
				require.True(t, strings.HasSuffix(out, "}\n"))
			},
		},
		{
			name: "remittance as YAML", srv: fakeRemittances{remittance: r}, args: []string{"1-3-120"},
			check: func(t *testing.T, out string) {
				require.Contains(t, out, "trace_number: 1-3-120")
				require.Contains(t, out, `claim_id: CLM-3-3`)
				require.NotContains(t, out, "PaymentReconciliation")
			},
		},
		{
			name: "remittance as JSON", srv: fakeRemittances{remittance: r}, args: []string{"1-3-120", "--output", "json"},
			check: func(t *testing.T, out string) {
				var res map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &res), out)
				require.Contains(t, res, "remittance")
			},
		},
		{
			name: "unknown trace number", srv: fakeRemittances{remittance: r}, args: []string{"9-9-9", "--fhir"},
			wantErr: "remittance 9-9-9 not found",
		},
		{
			name: "inconsistent remittance is not exported", srv: fakeRemittances{remittance: bad}, args: []string{"1-3-120", "--fhir"},
			wantErr: "is not the sum of its claims' payments",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := runRemittance(t, &tc.srv, tc.args...)
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			tc.check(t, out)
		})
	}
}

// ExamplePaymentReconciliationFromRemittance shows one detail as the README
// does.
func ExamplePaymentReconciliationFromRemittance() {
	r := remittance("1-3-120", "usd", "6800", rc("CLM-3-1", 1, "12550", "8500", "6800", "1700", "CO-45:4050", "PR-2:1700"))
	pr, err := PaymentReconciliationFromRemittance(r)
	if err != nil {
		panic(err)
	}
	bz, err := json.MarshalIndent(pr.Detail[0], "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(bz))
	// Output:
	// {
	//   "extension": [
	//     {
	//       "url": "urn:claimchain:x12-claim-status",
	//       "valueString": "1"
	//     },
	//     {
	//       "url": "urn:claimchain:amount-billed",
	//       "valueMoney": {
	//         "value": 125.50,
	//         "currency": "USD"
	//       }
	//     },
	//     {
	//       "url": "urn:claimchain:amount-allowed",
	//       "valueMoney": {
	//         "value": 85.00,
	//         "currency": "USD"
	//       }
	//     },
	//     {
	//       "url": "urn:claimchain:amount-patient-responsibility",
	//       "valueMoney": {
	//         "value": 17.00,
	//         "currency": "USD"
	//       }
	//     },
	//     {
	//       "extension": [
	//         {
	//           "url": "group",
	//           "valueCode": "CO"
	//         },
	//         {
	//           "url": "carc",
	//           "valueCode": "45"
	//         },
	//         {
	//           "url": "amount",
	//           "valueMoney": {
	//             "value": 40.50,
	//             "currency": "USD"
	//           }
	//         },
	//         {
	//           "url": "rule",
	//           "valueString": "R-CO45"
	//         }
	//       ],
	//       "url": "urn:claimchain:claim-adjustment"
	//     },
	//     {
	//       "extension": [
	//         {
	//           "url": "group",
	//           "valueCode": "PR"
	//         },
	//         {
	//           "url": "carc",
	//           "valueCode": "2"
	//         },
	//         {
	//           "url": "amount",
	//           "valueMoney": {
	//             "value": 17.00,
	//             "currency": "USD"
	//           }
	//         },
	//         {
	//           "url": "rule",
	//           "valueString": "R-PR2"
	//         }
	//       ],
	//       "url": "urn:claimchain:claim-adjustment"
	//     }
	//   ],
	//   "identifier": {
	//     "system": "urn:claimchain:claim-id",
	//     "value": "CLM-3-1"
	//   },
	//   "type": {
	//     "coding": [
	//       {
	//         "system": "http://terminology.hl7.org/CodeSystem/payment-type",
	//         "code": "payment",
	//         "display": "Payment"
	//       }
	//     ]
	//   },
	//   "request": {
	//     "type": "Claim",
	//     "identifier": {
	//       "system": "urn:claimchain:claim-id",
	//       "value": "CLM-3-1"
	//     }
	//   },
	//   "amount": {
	//     "value": 68.00,
	//     "currency": "USD"
	//   }
	// }
}

// A correction run: the reversal of a paid claim (CLP02 22, negated amounts)
// and the corrected claim paying less; the difference is carried forward as
// owed by the provider (835 PLB), so nothing is paid in this run.
func TestPaymentReconciliationCorrection(t *testing.T) {
	r := remittance("1-3-130", "usd", "0",
		rc("CLM-3-1", types.StatusReversal, "-12550", "-9000", "-6500", "-2500", "CO-45:-3550", "PR-3:-2500"),
		rc("CLM-3-1", types.StatusProcessed, "12550", "6500", "4000", "2500", "CO-45:3550", "PR-3:2500", "CO-150:2500"))
	r.Recouped, r.CarriedForward = bi("0"), bi("2500")
	pr, err := PaymentReconciliationFromRemittance(r)
	require.NoError(t, err)
	require.Len(t, pr.Detail, 2)
	require.Equal(t, "adjustment", *pr.Detail[0].Type.Coding[0].Code)
	require.Equal(t, "-65.00 USD", money(pr.Detail[0].Amount))
	require.Equal(t, "40.00 USD", money(pr.Detail[1].Amount))
	carried := ext(pr.Extension, ExtCarriedForward)
	require.Len(t, carried, 1)
	require.Equal(t, "25.00 USD", money(carried[0].ValueMoney))
	require.Contains(t, *pr.Disposition, "1 processed as primary, 1 reversed")

	// Without the carried-forward amount the totals do not add up.
	r.CarriedForward = bi("0")
	_, err = PaymentReconciliationFromRemittance(r)
	require.ErrorContains(t, err, "is not the sum of its claims' payments")
}
