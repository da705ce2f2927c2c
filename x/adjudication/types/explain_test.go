package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

func usd(cents int64) sdk.Coin { return sdk.NewInt64Coin("usd", cents) }

func officeVisit() claimstypes.Claim {
	return claimstypes.Claim{
		Id:        "CLM-3-1",
		InsurerId: 1,
		Use:       claimstypes.CLAIM_USE_CLAIM,
		Lines: []claimstypes.ClaimLine{
			{Sequence: 1, Code: "99213", Units: 1, ServiceDate: "2025-11-03", Billed: usd(12550)},
			{Sequence: 2, Code: "85025", Units: 1, ServiceDate: "2025-11-03", Billed: usd(2800)},
		},
		TotalBilled: usd(15350),
		Status:      claimstypes.CLAIM_STATUS_ADJUDICATED,
	}
}

func n(v int64) math.Int { return math.NewInt(v) }

func line(seq uint32, kind types.DecisionKind, submitted, allowed, deductible, coinsurance, copay, benefit int64,
	adj []types.Adjustment, steps ...types.Step,
) types.LineDecision {
	return types.LineDecision{
		Sequence: seq, Decision: kind, Submitted: n(submitted), Allowed: n(allowed), Deductible: n(deductible),
		Coinsurance: n(coinsurance), Copay: n(copay), Benefit: n(benefit), Adjustments: adj, Steps: steps,
	}
}

func adj(g types.GroupCode, carc, rarc string, amount int64, rule string) types.Adjustment {
	return types.Adjustment{Group: g, Carc: carc, Rarc: rarc, Amount: n(amount), RuleId: rule}
}

func approvedDecision() types.Decision {
	return types.Decision{
		ClaimId: "CLM-3-1", Decision: types.DECISION_KIND_APPROVED, PlanId: "NWHP-GOLD", PlanVersion: 1, Denom: "usd",
		PlanYear: 2025, Accumulated: true, Height: 12,
		Lines: []types.LineDecision{
			line(1, types.DECISION_KIND_APPROVED, 12550, 8500, 8500, 0, 0, 0,
				[]types.Adjustment{
					adj(types.GROUP_CODE_CO, "45", "", 4050, "R-FEE-45"),
					adj(types.GROUP_CODE_PR, "1", "", 8500, "R-DED"),
				},
				types.Step{RuleId: "R-FEE-45", Text: "fee schedule allows $85.00 for 99213; $40.50 above it is written off"},
				types.Step{RuleId: "R-DED", Text: "$85.00 applied to the deductible ($415.00 left)"}),
			line(2, types.DECISION_KIND_APPROVED, 2800, 2000, 0, 400, 0, 1600,
				[]types.Adjustment{
					adj(types.GROUP_CODE_CO, "45", "", 800, "R-FEE-45"),
					adj(types.GROUP_CODE_PR, "2", "", 400, "R-COINS"),
				}),
		},
		TotalSubmitted: n(15350), TotalBenefit: n(1600), PatientResponsibility: n(8900),
	}
}

func TestExplainDecisionApprovedGolden(t *testing.T) {
	got := types.ExplainDecision(officeVisit(), approvedDecision())
	want := []string{
		"Claim CLM-3-1 (claim, 2 lines, billed $153.50) — APPROVED under plan NWHP-GOLD version 1, plan year 2025.",
		"Line 1: 99213 x1 on 2025-11-03, billed $125.50 → allowed $85.00, deductible $85.00, coinsurance $0.00, copay $0.00, payable $0.00 — APPROVED",
		"  [R-FEE-45] fee schedule allows $85.00 for 99213; $40.50 above it is written off",
		"  [R-DED] $85.00 applied to the deductible ($415.00 left)",
		"  CO-45 $40.50 (charge exceeds fee schedule)",
		"  PR-1 $85.00 (deductible amount)",
		"Line 2: 85025 x1 on 2025-11-03, billed $28.00 → allowed $20.00, deductible $0.00, coinsurance $4.00, copay $0.00, payable $16.00 — APPROVED",
		"  CO-45 $8.00 (charge exceeds fee schedule)",
		"  PR-2 $4.00 (coinsurance amount)",
		"Payable by the insurer $16.00; patient responsibility $89.00 (sum of PR adjustments).",
		"The member's plan year 2025 accumulators (deductible, out-of-pocket, benefit limits) were updated.",
		types.FinalityNote,
	}
	require.Equal(t, want, got)
}

func TestExplainDecision(t *testing.T) {
	partial := func() (claimstypes.Claim, types.Decision) {
		c := officeVisit()
		c.Lines[0].Modifiers = []string{"25"}
		d := approvedDecision()
		d.Decision = types.DECISION_KIND_PARTIALLY_APPROVED
		d.Lines[1] = line(2, types.DECISION_KIND_DENIED, 2800, 0, 0, 0, 0, 0,
			[]types.Adjustment{adj(types.GROUP_CODE_CO, "16", "MA130", 2800, "R-INFO")},
			types.Step{RuleId: "R-INFO", Text: "no diagnosis supports 85025"})
		d.Lines[0].AuthorizationId = "CLM-3-0#1"
		d.Lines[0].LimitUses = []types.LimitUse{{LimitId: "OV-VISITS", Units: 1}}
		d.TotalBenefit, d.PatientResponsibility = n(0), n(8500)
		return c, d
	}

	tests := []struct {
		name    string
		build   func() (claimstypes.Claim, types.Decision)
		want    []string // each must be one of the output lines
		notWant []string // substrings no line may contain
	}{
		{
			name:  "partially approved with a denied line, RARC, modifiers, authorization and limit",
			build: partial,
			want: []string{
				"Claim CLM-3-1 (claim, 2 lines, billed $153.50) — PARTIALLY APPROVED under plan NWHP-GOLD version 1, plan year 2025.",
				"Line 1: 99213-25 x1 on 2025-11-03, billed $125.50 → allowed $85.00, deductible $85.00, coinsurance $0.00, copay $0.00, payable $0.00 — APPROVED",
				"  Used authorization CLM-3-0#1.",
				"  Counted 1 unit against benefit limit OV-VISITS.",
				"Line 2: 85025 x1 on 2025-11-03, billed $28.00 → allowed $0.00, deductible $0.00, coinsurance $0.00, copay $0.00, payable $0.00 — DENIED",
				"  [R-INFO] no diagnosis supports 85025",
				"  CO-16 $28.00 (claim lacks information or has billing errors; MA130: incomplete or invalid information; the claim is unprocessable and has no appeal rights)",
				"Payable by the insurer $0.00; patient responsibility $85.00 (sum of PR adjustments).",
			},
			notWant: []string{types.ReleasedNote},
		},
		{
			name: "denied: member not covered, no plan",
			build: func() (claimstypes.Claim, types.Decision) {
				c := officeVisit()
				c.Lines = c.Lines[:1]
				c.TotalBilled = usd(12550)
				return c, types.Decision{
					ClaimId: "CLM-3-1", Decision: types.DECISION_KIND_DENIED, Denom: "usd", PlanYear: 2025,
					Lines: []types.LineDecision{line(1, types.DECISION_KIND_DENIED, 12550, 0, 0, 0, 0, 0,
						[]types.Adjustment{adj(types.GROUP_CODE_CO, "31", "", 12550, "R-ELIG")})},
					TotalSubmitted: n(12550), TotalBenefit: n(0), PatientResponsibility: n(0),
				}
			},
			want: []string{
				"Claim CLM-3-1 (claim, 1 line, billed $125.50) — DENIED with no plan in force on the dates of service, plan year 2025.",
				"  CO-31 $125.50 (patient cannot be identified as our insured)",
				"Payable by the insurer $0.00; patient responsibility $0.00 (sum of PR adjustments).",
			},
			notWant: []string{"accumulators (deductible"},
		},
		{
			name: "voided later",
			build: func() (claimstypes.Claim, types.Decision) {
				c := officeVisit()
				c.Status = claimstypes.CLAIM_STATUS_VOIDED
				d := approvedDecision()
				d.Released = true
				return c, d
			},
			want: []string{types.ReleasedNote, types.FinalityNote},
		},
		{
			name: "preauthorization",
			build: func() (claimstypes.Claim, types.Decision) {
				c := claimstypes.Claim{
					Id: "CLM-3-2", Use: claimstypes.CLAIM_USE_PREAUTHORIZATION,
					Lines: []claimstypes.ClaimLine{
						{Sequence: 1, Code: "73721", Modifiers: []string{"RT"}, Units: 1, ServiceDate: "2025-12-01", Billed: usd(125000)},
					},
					TotalBilled: usd(125000),
				}
				return c, types.Decision{
					ClaimId: "CLM-3-2", Decision: types.DECISION_KIND_APPROVED, PlanId: "NWHP-GOLD", PlanVersion: 2, Denom: "usd", PlanYear: 2025,
					Lines: []types.LineDecision{line(1, types.DECISION_KIND_APPROVED, 125000, 60000, 0, 12000, 0, 48000,
						[]types.Adjustment{
							adj(types.GROUP_CODE_CO, "45", "", 65000, "R-FEE-45"),
							adj(types.GROUP_CODE_PR, "2", "", 12000, "R-COINS"),
						})},
					TotalSubmitted: n(125000), TotalBenefit: n(48000), PatientResponsibility: n(12000),
				}
			},
			want: []string{
				"Claim CLM-3-2 (preauthorization, 1 line, billed $1250.00) — APPROVED under plan NWHP-GOLD version 2, plan year 2025.",
				"Line 1: 73721-RT x1 on 2025-12-01, billed $1250.00 → allowed $600.00, deductible $0.00, coinsurance $120.00, copay $0.00, payable $480.00 — APPROVED",
				"Preauthorization: nothing is paid now and accumulators were not updated; approved lines authorize later claims that give CLM-3-2 as their preauthorization reference.",
			},
			notWant: []string{"accumulators (deductible"},
		},
		{
			name: "denied preauthorization",
			build: func() (claimstypes.Claim, types.Decision) {
				c, d := officeVisit(), approvedDecision()
				c.Use = claimstypes.CLAIM_USE_PREAUTHORIZATION
				d.Decision, d.Accumulated = types.DECISION_KIND_DENIED, false
				return c, d
			},
			want:    []string{"Preauthorization: nothing is paid and accumulators were not updated; no line was approved, so nothing is authorized."},
			notWant: []string{"approved lines authorize"},
		},
		{
			name: "predetermination",
			build: func() (claimstypes.Claim, types.Decision) {
				c, d := officeVisit(), approvedDecision()
				c.Use = claimstypes.CLAIM_USE_PREDETERMINATION
				d.Accumulated = false
				return c, d
			},
			want: []string{"Predetermination: an estimate only; nothing is paid and accumulators were not updated."},
		},
		{
			name: "unknown codes, a missing line decision and a decision line not on the claim",
			build: func() (claimstypes.Claim, types.Decision) {
				c, d := officeVisit(), approvedDecision()
				d.Lines = []types.LineDecision{line(3, types.DECISION_KIND_DENIED, 500, 0, 0, 0, 0, 0,
					[]types.Adjustment{
						adj(types.GROUP_CODE_OA, "B22", "N999", 500, "R-X"),
						adj(types.GROUP_CODE_UNSPECIFIED, "45", "", 0, "R-Y"),
					})}
				return c, d
			},
			want: []string{
				"Line 3: (not on the claim), billed $5.00 → allowed $0.00, deductible $0.00, coinsurance $0.00, copay $0.00, payable $0.00 — DENIED",
				"  OA-B22 $5.00 (CARC B22: see the X12 claim adjustment reason codes; N999: see the remittance advice remark codes)",
				"  GROUP_CODE_UNSPECIFIED-45 $0.00 (charge exceeds fee schedule)",
				"Line 1: 99213 x1 on 2025-11-03, billed $125.50 — no decision recorded for this line.",
				"Line 2: 85025 x1 on 2025-11-03, billed $28.00 — no decision recorded for this line.",
			},
		},
		{
			name: "decision recorded for another claim",
			build: func() (claimstypes.Claim, types.Decision) {
				d := approvedDecision()
				d.ClaimId = "CLM-3-9"
				return officeVisit(), d
			},
			want: []string{"Warning: this decision is recorded for claim CLM-3-9, not CLM-3-1."},
		},
		{
			name: "other denom",
			build: func() (claimstypes.Claim, types.Decision) {
				c, d := officeVisit(), approvedDecision()
				d.Denom = "eur"
				return c, d
			},
			want: []string{"  CO-45 40.50 EUR (charge exceeds fee schedule)"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, d := tc.build()
			got := types.ExplainDecision(c, d)
			require.NotEmpty(t, got)
			require.Equal(t, types.FinalityNote, got[len(got)-1], "the finality note ends every explanation")
			for _, w := range tc.want {
				require.Contains(t, got, w)
			}
			all := strings.Join(got, "\n")
			for _, nw := range tc.notWant {
				require.NotContains(t, all, nw)
			}
		})
	}
}

func TestFormatMinor(t *testing.T) {
	big, ok := math.NewIntFromString("123456789012345678901234567890")
	require.True(t, ok)
	tests := []struct {
		in   math.Int
		want string
	}{
		{n(0), "$0.00"},
		{n(5), "$0.05"},
		{n(50), "$0.50"},
		{n(100), "$1.00"},
		{n(12550), "$125.50"},
		{n(-4050), "-$40.50"},
		{n(-5), "-$0.05"},
		{n(1_000_000_000_000), "$10000000000.00"},
		{big, "$1234567890123456789012345678.90"},
		{math.Int{}, "$0.00"},
	}
	for _, tc := range tests {
		require.Equal(t, tc.want, types.FormatMinor(tc.in), "FormatMinor(%v)", tc.in)
	}
	// FormatMinor does not change its argument.
	v := n(-4050)
	types.FormatMinor(v)
	require.Equal(t, "-4050", v.String())
}

func TestCodeTables(t *testing.T) {
	for _, c := range []string{"1", "2", "3", "16", "26", "27", "29", "31", "45", "96", "119", "167", "197", "198", "204"} {
		m, ok := types.CARCMeaning(c)
		require.True(t, ok, "CARC %s", c)
		require.NotEmpty(t, m, "CARC %s", c)
	}
	for _, c := range []string{"N130", "MA130"} {
		m, ok := types.RARCMeaning(c)
		require.True(t, ok, "RARC %s", c)
		require.NotEmpty(t, m, "RARC %s", c)
	}
	_, ok := types.CARCMeaning("B22")
	require.False(t, ok)

	for g, letters := range map[types.GroupCode]string{
		types.GROUP_CODE_CO: "CO", types.GROUP_CODE_PR: "PR", types.GROUP_CODE_OA: "OA", types.GROUP_CODE_PI: "PI",
	} {
		require.Equal(t, letters, types.GroupCodeLetters(g))
		require.NotEmpty(t, types.GroupCodeName(g))
	}
	require.Empty(t, types.GroupCodeLetters(types.GROUP_CODE_UNSPECIFIED))
	require.Equal(t, "patient responsibility", types.GroupCodeName(types.GROUP_CODE_PR))

	require.Equal(t, "APPROVED", types.DecisionWords(types.DECISION_KIND_APPROVED))
	require.Equal(t, "PARTIALLY APPROVED", types.DecisionWords(types.DECISION_KIND_PARTIALLY_APPROVED))
	require.Equal(t, "DENIED", types.DecisionWords(types.DECISION_KIND_DENIED))
	require.Equal(t, "UNDECIDED", types.DecisionWords(types.DECISION_KIND_UNSPECIFIED))
}
