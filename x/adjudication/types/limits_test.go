package types_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/limits"
)

var insurerAddr = sdk.AccAddress(bytes.Repeat([]byte{2}, 20)).String()

const pseudonym = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

func x(k int) string { return strings.Repeat("x", k) }

func terms() types.PlanTerms {
	return types.PlanTerms{
		Denom: "usd", AnnualDeductible: math.NewInt(50000), OutOfPocketMax: math.NewInt(500000),
		Categories: []types.ServiceCategory{{Id: "office-visits", Name: "Office visits",
			Codes: []types.CodeRange{{From: "99202", To: "99215"}}, CostSharing: types.CostSharing{Copay: math.NewInt(2500)}}},
		FeeSchedule:         []types.FeeScheduleEntry{{Code: "99213", Allowed: math.NewInt(8500)}},
		NonCoveredDiagnoses: []string{"Z41"},
		BenefitLimits:       []types.BenefitLimit{{Id: "physio", Codes: []types.CodeRange{{From: "97110"}}, MaxServices: 20}},
		TimelyFilingDays:    90,
	}
}

func createPlan(edit func(m *types.MsgCreatePlan)) *types.MsgCreatePlan {
	m := &types.MsgCreatePlan{Insurer: insurerAddr, PlanId: "GOLD", Name: "Gold", EffectiveDate: "2026-01-01", Terms: terms()}
	edit(m)
	return m
}

func enroll(edit func(m *types.MsgEnrollMember)) *types.MsgEnrollMember {
	m := &types.MsgEnrollMember{Insurer: insurerAddr, Member: pseudonym, PlanId: "GOLD", StartDate: "2026-01-01",
		Sex: types.SEX_FEMALE, BirthYear: 1980}
	edit(m)
	return m
}

// fees returns k distinct valid fee schedule entries.
func fees(k int) []types.FeeScheduleEntry {
	out := make([]types.FeeScheduleEntry, k)
	for i := range out {
		out[i] = types.FeeScheduleEntry{Code: fmt.Sprintf("%05d", 10000+i), Allowed: math.NewInt(100)}
	}
	return out
}

func ranges(k int) []types.CodeRange {
	out := make([]types.CodeRange, k)
	for i := range out {
		out[i] = types.CodeRange{From: fmt.Sprintf("%05d", 10000+i)}
	}
	return out
}

func categories(k int) []types.ServiceCategory {
	out := make([]types.ServiceCategory, k)
	for i := range out {
		out[i] = types.ServiceCategory{Id: fmt.Sprintf("c%d", i), Codes: ranges(1), CostSharing: types.CostSharing{Copay: math.ZeroInt()}}
	}
	return out
}

func benefitLimits(k int) []types.BenefitLimit {
	out := make([]types.BenefitLimit, k)
	for i := range out {
		out[i] = types.BenefitLimit{Id: fmt.Sprintf("l%d", i), Codes: ranges(1), MaxServices: 1}
	}
	return out
}

func diagnoses(k int) []string {
	out := make([]string, k)
	for i := range out {
		out[i] = fmt.Sprintf("Z%02d", i%100) + strings.Repeat("1", i/100)
	}
	return out
}

var maxAmount = math.NewInt(limits.MaxAmount)

// Each limit at its edge passes ValidateBasic and, for the plan's lists and
// amounts, Validate; one over it fails ValidateBasic with
// limits.ErrOverLimit naming the field, and Validate with ErrInvalidPlan.
func TestLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   *types.MsgCreatePlan
		ok    bool
		field string
	}{
		{"valid", createPlan(func(*types.MsgCreatePlan) {}), true, ""},
		{"name at limit", createPlan(func(m *types.MsgCreatePlan) { m.Name = x(limits.MaxNameLength) }), true, ""},
		{"name over", createPlan(func(m *types.MsgCreatePlan) { m.Name = x(limits.MaxNameLength + 1) }), false, "name"},
		{"plan id at limit", createPlan(func(m *types.MsgCreatePlan) { m.PlanId = strings.Repeat("G", limits.MaxPlanIDLength) }), true, ""},
		{"plan id over", createPlan(func(m *types.MsgCreatePlan) { m.PlanId = strings.Repeat("G", limits.MaxPlanIDLength+1) }), false, "plan_id"},
		{"insurer over", createPlan(func(m *types.MsgCreatePlan) { m.Insurer = x(limits.MaxAddressLength + 1) }), false, "insurer"},
		{"effective date over", createPlan(func(m *types.MsgCreatePlan) { m.EffectiveDate = x(limits.MaxDateLength + 1) }), false, "effective_date"},
		{"denom over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Denom = "u" + x(limits.MaxDenomLength) }), false, "denom"},
		{"deductible at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.AnnualDeductible, m.Terms.OutOfPocketMax = maxAmount, maxAmount }), true, ""},
		{"deductible over", createPlan(func(m *types.MsgCreatePlan) {
			m.Terms.AnnualDeductible, m.Terms.OutOfPocketMax = maxAmount.AddRaw(1), maxAmount.AddRaw(1)
		}), false, "annual_deductible"},
		{"out of pocket over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.OutOfPocketMax = maxAmount.AddRaw(1) }), false, "out_of_pocket_max"},
		{"copay at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].CostSharing.Copay = maxAmount }), true, ""},
		{"copay over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].CostSharing.Copay = maxAmount.AddRaw(1) }), false, "copay"},
		{"fee at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.FeeSchedule[0].Allowed = maxAmount }), true, ""},
		{"fee over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.FeeSchedule[0].Allowed = maxAmount.AddRaw(1) }), false, "allowed"},
		{"categories at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories = categories(limits.MaxCategories) }), true, ""},
		{"categories over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories = categories(limits.MaxCategories + 1) }), false, "categories"},
		{"category name at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Name = x(limits.MaxNameLength) }), true, ""},
		{"category name over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Name = x(limits.MaxNameLength + 1) }), false, "name"},
		{"category id over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Id = x(limits.MaxShortIDLength + 1) }), false, "category id"},
		{"code ranges at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Codes = ranges(limits.MaxCodeRanges) }), true, ""},
		{"code ranges over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Codes = ranges(limits.MaxCodeRanges + 1) }), false, "category codes"},
		{"code range over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.Categories[0].Codes[0].To = x(limits.MaxCodeLength + 1) }), false, "category codes to"},
		{"fee schedule at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.FeeSchedule = fees(limits.MaxFeeSchedule) }), true, ""},
		{"fee schedule over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.FeeSchedule = fees(limits.MaxFeeSchedule + 1) }), false, "fee_schedule"},
		{"non-covered codes over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.NonCoveredCodes = ranges(limits.MaxCodeRanges + 1) }), false, "non_covered_codes"},
		{"prior auth codes at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.PriorAuthCodes = ranges(limits.MaxCodeRanges) }), true, ""},
		{"prior auth codes over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.PriorAuthCodes = ranges(limits.MaxCodeRanges + 1) }), false, "prior_auth_codes"},
		{"non-covered diagnoses at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.NonCoveredDiagnoses = diagnoses(limits.MaxDiagnosisRules) }), true, ""},
		{"non-covered diagnoses over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.NonCoveredDiagnoses = diagnoses(limits.MaxDiagnosisRules + 1) }), false, "non_covered_diagnoses"},
		{"benefit limits at limit", createPlan(func(m *types.MsgCreatePlan) { m.Terms.BenefitLimits = benefitLimits(limits.MaxBenefitLimits) }), true, ""},
		{"benefit limits over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.BenefitLimits = benefitLimits(limits.MaxBenefitLimits + 1) }), false, "benefit_limits"},
		{"benefit limit codes over", createPlan(func(m *types.MsgCreatePlan) { m.Terms.BenefitLimits[0].Codes = ranges(limits.MaxCodeRanges + 1) }), false, "benefit limit codes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			full := tc.msg.Validate()
			amend := &types.MsgAmendPlan{Insurer: tc.msg.Insurer, PlanId: tc.msg.PlanId, EffectiveDate: tc.msg.EffectiveDate, Terms: tc.msg.Terms}
			if tc.ok {
				require.NoError(t, err)
				require.NoError(t, amend.ValidateBasic())
				if !strings.Contains(tc.name, "id at limit") { // "GGG…" is a valid plan id; "xxx…" is not
					require.NoError(t, full)
				}
				return
			}
			require.ErrorIs(t, err, limits.ErrOverLimit)
			require.ErrorContains(t, err, tc.field)
			require.Error(t, full)
			if tc.name != "name over" { // an amendment carries no plan name
				require.ErrorIs(t, amend.ValidateBasic(), limits.ErrOverLimit)
			}
		})
	}
}

func TestEnrolmentLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"valid", enroll(func(*types.MsgEnrollMember) {}), true, ""},
		{"member at limit", enroll(func(m *types.MsgEnrollMember) { m.Member = x(limits.MaxMemberLength) }), true, ""},
		{"member over", enroll(func(m *types.MsgEnrollMember) { m.Member = x(limits.MaxMemberLength + 1) }), false, "member"},
		{"plan id over", enroll(func(m *types.MsgEnrollMember) { m.PlanId = x(limits.MaxPlanIDLength + 1) }), false, "plan_id"},
		{"start date over", enroll(func(m *types.MsgEnrollMember) { m.StartDate = x(limits.MaxDateLength + 1) }), false, "start_date"},
		{"end date over", enroll(func(m *types.MsgEnrollMember) { m.EndDate = x(limits.MaxDateLength + 1) }), false, "end_date"},
		{"member account at limit", enroll(func(m *types.MsgEnrollMember) { m.MemberAccount = x(limits.MaxAddressLength) }), true, ""},
		{"member account over", enroll(func(m *types.MsgEnrollMember) { m.MemberAccount = x(limits.MaxAddressLength + 1) }), false, "member_account"},
		{"terminate member over", &types.MsgTerminateCoverage{Insurer: insurerAddr, Member: x(limits.MaxMemberLength + 1), EndDate: "2026-02-01"}, false, "member"},
		{"terminate end date over", &types.MsgTerminateCoverage{Insurer: insurerAddr, Member: pseudonym, EndDate: x(limits.MaxDateLength + 1)}, false, "end_date"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.ok {
				// At the limit the size check passes; ValidateBasic also runs the msg's
				// full stateless checks, which a filler value may fail for other reasons.
				require.NotErrorIs(t, err, limits.ErrOverLimit)
				return
			}
			require.ErrorIs(t, err, limits.ErrOverLimit)
			require.ErrorContains(t, err, tc.field)
		})
	}
	require.ErrorIs(t, enroll(func(m *types.MsgEnrollMember) { m.Sex = 9 }).Validate(), types.ErrInvalidCoverage, "unknown sex")
	require.ErrorIs(t, (&types.MsgTerminateCoverage{Insurer: insurerAddr, Member: pseudonym, EndDate: "2026-02-01", Reason: 9}).Validate(),
		types.ErrInvalidCoverage, "unknown reason")
}
