package types_test

import (
	"testing"

	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/adjudication/types"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgCreatePlan { return &types.MsgCreatePlan{} }, (*types.MsgCreatePlan).Validate),
	msgfuzz.Of(func() *types.MsgAmendPlan { return &types.MsgAmendPlan{} }, (*types.MsgAmendPlan).Validate),
	msgfuzz.Of(func() *types.MsgEnrollMember { return &types.MsgEnrollMember{} }, (*types.MsgEnrollMember).Validate),
	msgfuzz.Of(func() *types.MsgTerminateCoverage { return &types.MsgTerminateCoverage{} }, (*types.MsgTerminateCoverage).Validate),
}

// FuzzMsgs decodes bytes as an adjudication msg: ValidateBasic and Validate
// return, never panic, and a msg within the limits round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	full := createPlan(func(m *types.MsgCreatePlan) {
		m.Terms.Categories = append(m.Terms.Categories, types.ServiceCategory{Id: "therapy", Name: "Therapy",
			Codes: []types.CodeRange{{From: "97110", To: "97112"}}, CostSharing: types.CostSharing{Copay: math.ZeroInt(), CoinsuranceBps: 2000}})
		m.Terms.FeeSchedule = append(m.Terms.FeeSchedule, types.FeeScheduleEntry{Code: "99213", Modifier: "26", Allowed: math.NewInt(3000)})
		m.Terms.NonCoveredCodes = []types.CodeRange{{From: "15780"}}
		m.Terms.PriorAuthCodes = []types.CodeRange{{From: "27447"}}
	})
	msgfuzz.Seed(f, fuzzTypes,
		createPlan(func(*types.MsgCreatePlan) {}), full,
		createPlan(func(m *types.MsgCreatePlan) { m.Terms.FeeSchedule[0].Allowed = maxAmount.AddRaw(1) }),
		&types.MsgAmendPlan{Insurer: insurerAddr, PlanId: "GOLD", EffectiveDate: "2026-07-01", Terms: full.Terms},
		enroll(func(*types.MsgEnrollMember) {}),
		enroll(func(m *types.MsgEnrollMember) {
			m.EndDate, m.Aged_90Plus, m.BirthYear, m.MemberAccount = "2026-12-31", true, 0, insurerAddr
		}),
		&types.MsgTerminateCoverage{Insurer: insurerAddr, Member: pseudonym, EndDate: "2026-02-01", Reason: types.TERMINATION_REASON_VOLUNTARY},
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
