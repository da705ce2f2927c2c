package keeper_test

import (
	"encoding/json"
	"os"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/suite"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/adjudication/keeper"
	"github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

const pseudonym = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

type PlanSuite struct {
	suite.Suite
	f        *apptest.Fixture
	k        *keeper.Keeper
	gold     types.PlanTerms
	other    apptest.Account // a second insurer
	provider apptest.Account
}

func TestPlanSuite(t *testing.T) { suite.Run(t, new(PlanSuite)) }

func (s *PlanSuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.AdjudicationKeeper
	raw, err := os.ReadFile("../../../examples/plans/gold.json")
	s.Require().NoError(err)
	s.Require().NoError(s.f.App.AppCodec().UnmarshalJSON(raw, &s.gold), "examples/plans/gold.json is valid PlanTerms JSON")
	s.other = s.admit(membershiptypes.MEMBER_KIND_INSURER, "Bluewater Mutual", "", "BWMI2")
	s.provider = s.admit(membershiptypes.MEMBER_KIND_PROVIDER, "Riverside Clinic", "1234567893", "")
}

func (s *PlanSuite) admit(kind membershiptypes.MemberKind, name, npi, payer string) apptest.Account {
	op := apptest.NewAccount()
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).AdmitMember(ctx, &membershiptypes.MsgAdmitMember{
			Authority: s.f.Gov, Kind: kind, Name: name, Npi: npi, PayerId: payer, Operator: op.String(),
			AgreementHash: apptest.AgreementHash(name),
		})
		return err
	}))
	return op
}

func (s *PlanSuite) run(fn func(ctx sdk.Context, srv types.MsgServer) error) error {
	return s.f.Exec(func(ctx sdk.Context) error { return fn(ctx, keeper.NewMsgServerImpl(s.k)) })
}

func (s *PlanSuite) createPlan(signer apptest.Account, id, effective string, terms types.PlanTerms) error {
	return s.run(func(ctx sdk.Context, srv types.MsgServer) error {
		_, err := srv.CreatePlan(ctx, &types.MsgCreatePlan{Insurer: signer.String(), PlanId: id, Name: "Gold", EffectiveDate: effective, Terms: terms})
		return err
	})
}

func (s *PlanSuite) enroll(msg *types.MsgEnrollMember) error {
	return s.run(func(ctx sdk.Context, srv types.MsgServer) error { _, err := srv.EnrollMember(ctx, msg); return err })
}

func (s *PlanSuite) goodEnrolment() *types.MsgEnrollMember {
	return &types.MsgEnrollMember{Insurer: s.f.Validator.String(), Member: pseudonym, PlanId: "NWHP-GOLD",
		StartDate: "2026-01-01", Sex: types.SEX_FEMALE, BirthYear: 1980}
}

func (s *PlanSuite) TestCreatePlan() {
	edit := func(f func(t *types.PlanTerms)) types.PlanTerms {
		var t types.PlanTerms
		bz, _ := s.f.App.AppCodec().MarshalJSON(&s.gold)
		s.Require().NoError(s.f.App.AppCodec().UnmarshalJSON(bz, &t))
		f(&t)
		return t
	}
	cases := []struct {
		name   string
		signer apptest.Account
		id     string
		terms  types.PlanTerms
		errIs  error
		msg    string
	}{
		{"the gold example", s.f.Validator, "NWHP-GOLD", s.gold, nil, ""},
		{"a provider cannot publish plans", s.provider, "CLINIC-PLAN", s.gold, types.ErrNotInsurer, "PROVIDER"},
		{"lower-case plan id", s.f.Validator, "gold", s.gold, types.ErrInvalidPlan, "upper-case"},
		{"bad denom", s.f.Validator, "P-1", edit(func(t *types.PlanTerms) { t.Denom = "$" }), types.ErrInvalidPlan, "denom"},
		{"negative deductible", s.f.Validator, "P-2", edit(func(t *types.PlanTerms) { t.AnnualDeductible = math.NewInt(-1) }), types.ErrInvalidPlan, "annual_deductible"},
		{"OOP max below the deductible", s.f.Validator, "P-3", edit(func(t *types.PlanTerms) { t.OutOfPocketMax = math.NewInt(100) }), types.ErrInvalidPlan, "at least the annual_deductible"},
		{"no categories", s.f.Validator, "P-4", edit(func(t *types.PlanTerms) { t.Categories = nil }), types.ErrInvalidPlan, "service categories"},
		{"copay and coinsurance together", s.f.Validator, "P-5", edit(func(t *types.PlanTerms) { t.Categories[0].CostSharing.CoinsuranceBps = 100 }), types.ErrInvalidPlan, "not both"},
		{"coinsurance above 100%", s.f.Validator, "P-6", edit(func(t *types.PlanTerms) { t.Categories[1].CostSharing.CoinsuranceBps = 10_001 }), types.ErrInvalidPlan, "above 10000"},
		{"reversed code range", s.f.Validator, "P-7", edit(func(t *types.PlanTerms) { t.Categories[0].Codes[0].To = "99201" }), types.ErrInvalidPlan, "reversed"},
		{"duplicate category", s.f.Validator, "P-8", edit(func(t *types.PlanTerms) { t.Categories[1].Id = t.Categories[0].Id }), types.ErrInvalidPlan, "repeated"},
		{"duplicate fee schedule entry", s.f.Validator, "P-9", edit(func(t *types.PlanTerms) { t.FeeSchedule[2] = t.FeeSchedule[0] }), types.ErrInvalidPlan, "repeated"},
		{"malformed code in a category", s.f.Validator, "P-10", edit(func(t *types.PlanTerms) { t.Categories[0].Codes[0].From = "9920" }), attestationtypes.ErrInvalidCode, "5 characters"},
		{"diagnosis exclusion with a dot", s.f.Validator, "P-11", edit(func(t *types.PlanTerms) { t.NonCoveredDiagnoses = []string{"Z41.1"} }), types.ErrInvalidPlan, "without the dot"},
		{"benefit limit of zero", s.f.Validator, "P-12", edit(func(t *types.PlanTerms) { t.BenefitLimits[0].MaxServices = 0 }), types.ErrInvalidPlan, "max_services"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			err := s.createPlan(tc.signer, tc.id, "2026-01-01", tc.terms)
			if tc.errIs == nil {
				s.Require().NoError(err)
				return
			}
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.msg)
			has, _ := s.k.Plans.Has(s.f.Ctx, tc.id)
			s.Require().False(has, "a refused plan is not stored")
		})
	}
	s.Require().ErrorIs(s.createPlan(s.other, "NWHP-GOLD", "2026-01-01", s.gold), types.ErrPlanExists)
}

func (s *PlanSuite) TestAmendPlanVersions() {
	s.Require().NoError(s.createPlan(s.f.Validator, "NWHP-GOLD", "2026-01-01", s.gold))
	amend := func(signer apptest.Account, date string, terms types.PlanTerms) (uint32, error) {
		var v uint32
		err := s.run(func(ctx sdk.Context, srv types.MsgServer) error {
			res, err := srv.AmendPlan(ctx, &types.MsgAmendPlan{Insurer: signer.String(), PlanId: "NWHP-GOLD", EffectiveDate: date, Terms: terms})
			if err == nil {
				v = res.Version
			}
			return err
		})
		return v, err
	}
	_, err := amend(s.other, "2026-07-01", s.gold)
	s.Require().ErrorIs(err, types.ErrNotPlanOwner)
	_, err = amend(s.f.Validator, "2026-01-01", s.gold)
	s.Require().ErrorIs(err, types.ErrInvalidEffective)

	richer := s.gold
	richer.AnnualDeductible = math.NewInt(25_000)
	v, err := amend(s.f.Validator, "2026-07-01", richer)
	s.Require().NoError(err)
	s.Require().Equal(uint32(2), v)

	for date, want := range map[string]uint32{"2026-03-01": 1, "2026-06-30": 1, "2026-07-01": 2, "2026-12-31": 2} {
		pv, err := s.k.VersionInForce(s.f.Ctx, "NWHP-GOLD", date)
		s.Require().NoError(err)
		s.Require().Equal(want, pv.Version, date)
	}
	pv, err := s.k.VersionInForce(s.f.Ctx, "NWHP-GOLD", "2025-12-31")
	s.Require().NoError(err)
	s.Require().Nil(pv, "nothing in force before the first version")

	res, err := keeper.NewQueryServerImpl(s.k, s.f.App.ClaimsKeeper).Plan(s.f.Ctx, &types.QueryPlanRequest{PlanId: "NWHP-GOLD"})
	s.Require().NoError(err)
	s.Require().Len(res.Versions, 2, "earlier versions stay readable")
}

func (s *PlanSuite) TestEnrollAndTerminate() {
	s.Require().NoError(s.createPlan(s.f.Validator, "NWHP-GOLD", "2026-01-01", s.gold))
	s.Require().NoError(s.createPlan(s.other, "BW-BASIC", "2026-01-01", s.gold))

	cases := []struct {
		name  string
		edit  func(m *types.MsgEnrollMember)
		errIs error
		msg   string
	}{
		{"a name instead of a pseudonym", func(m *types.MsgEnrollMember) { m.Member = "Jane Doe 1980-04-12" }, attestationtypes.ErrInvalidPseudonym, "64"},
		{"another insurer's plan", func(m *types.MsgEnrollMember) { m.PlanId = "BW-BASIC" }, types.ErrNotPlanOwner, "insurer"},
		{"unknown plan", func(m *types.MsgEnrollMember) { m.PlanId = "NOPE" }, types.ErrPlanNotFound, "NOPE"},
		{"a provider enrols", func(m *types.MsgEnrollMember) { m.Insurer = s.provider.String() }, types.ErrNotInsurer, "PROVIDER"},
		{"birth year of a 96-year-old", func(m *types.MsgEnrollMember) { m.BirthYear = 1930 }, types.ErrInvalidCoverage, "record the member as 90+"},
		{"90+ with a birth year", func(m *types.MsgEnrollMember) { m.Aged_90Plus = true }, types.ErrInvalidCoverage, "without a birth year"},
		{"no sex", func(m *types.MsgEnrollMember) { m.Sex = types.SEX_UNSPECIFIED }, types.ErrInvalidCoverage, "sex"},
		{"end before start", func(m *types.MsgEnrollMember) { m.EndDate = "2025-12-31" }, types.ErrInvalidCoverage, "before start_date"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.goodEnrolment()
			tc.edit(msg)
			err := s.enroll(msg)
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.msg)
			has, _ := s.k.Coverages.Has(s.f.Ctx, pseudonym)
			s.Require().False(has)
		})
	}

	nonagenarian := s.goodEnrolment()
	nonagenarian.Member, nonagenarian.BirthYear, nonagenarian.Aged_90Plus = "0a9b8c7d6e5f40312233445566778899aabbccddeeff00112233445566778899", 0, true
	s.Require().NoError(s.enroll(nonagenarian), "members aged 90+ share one value")

	s.Require().NoError(s.enroll(s.goodEnrolment()))
	s.Require().ErrorIs(s.enroll(s.goodEnrolment()), types.ErrPseudonymTaken)

	terminate := func(signer apptest.Account, reason types.TerminationReason) error {
		return s.run(func(ctx sdk.Context, srv types.MsgServer) error {
			_, err := srv.TerminateCoverage(ctx, &types.MsgTerminateCoverage{Insurer: signer.String(), Member: pseudonym, EndDate: "2026-03-31", Reason: reason})
			return err
		})
	}
	s.Require().ErrorIs(terminate(s.other, types.TERMINATION_REASON_VOLUNTARY), types.ErrCoverageNotFound)
	s.Require().ErrorIs(terminate(s.f.Validator, types.TERMINATION_REASON_UNSPECIFIED), types.ErrInvalidCoverage)
	s.Require().NoError(terminate(s.f.Validator, types.TERMINATION_REASON_DECEASED))
	s.Require().ErrorIs(terminate(s.f.Validator, types.TERMINATION_REASON_VOLUNTARY), types.ErrAlreadyTerminated)
	cov, err := s.k.Coverages.Get(s.f.Ctx, pseudonym)
	s.Require().NoError(err)
	s.Require().Equal(types.TERMINATION_REASON_DECEASED, cov.TerminationReason)
	s.Require().Equal("2026-03-31", cov.EndDate)
}

func (s *PlanSuite) TestGenesisRoundTrip() {
	s.Require().NoError(s.createPlan(s.f.Validator, "NWHP-GOLD", "2026-01-01", s.gold))
	s.Require().NoError(s.enroll(s.goodEnrolment()))
	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	other := apptest.Setup(s.T())
	s.Require().NoError(other.App.AdjudicationKeeper.InitGenesis(other.Ctx, gs))
	again, err := other.App.AdjudicationKeeper.ExportGenesis(other.Ctx)
	s.Require().NoError(err)
	a, _ := json.Marshal(gs)
	b, _ := json.Marshal(again)
	s.Require().JSONEq(string(a), string(b))
}
