package keeper_test

import (
	"os"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/suite"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/keeper"
	"github.com/claimchain/claimchain/x/claims/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

const (
	memberA = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
	memberB = "0a9b8c7d6e5f40312233445566778899aabbccddeeff00112233445566778899"
	dos     = "2025-12-15"
)

type ClaimsSuite struct {
	suite.Suite
	f          *apptest.Fixture
	k          *keeper.Keeper
	insurer    uint64 // member 1, the fixture's founding insurer
	clinic     apptest.Account
	clinicID   uint64
	hospital   apptest.Account
	hospitalID uint64
}

func TestClaimsSuite(t *testing.T) { suite.Run(t, new(ClaimsSuite)) }

func (s *ClaimsSuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.ClaimsKeeper
	s.insurer = 1
	s.clinic, s.clinicID = s.admitProvider("Riverside Family Clinic", "1234567893")
	s.hospital, s.hospitalID = s.admitProvider("Lakeview General Hospital", "1987654328")
	s.enrollInGoldPlan(memberA, memberB)
}

// enrollInGoldPlan publishes examples/plans/gold.json for the founding insurer
// and enrols the members, so their claims are adjudicated and approved.
func (s *ClaimsSuite) enrollInGoldPlan(members ...string) {
	raw, err := os.ReadFile("../../../examples/plans/gold.json")
	s.Require().NoError(err)
	var terms adjtypes.PlanTerms
	s.Require().NoError(s.f.App.AppCodec().UnmarshalJSON(raw, &terms))
	srv := adjkeeper.NewMsgServerImpl(s.f.App.AdjudicationKeeper)
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := srv.CreatePlan(ctx, &adjtypes.MsgCreatePlan{Insurer: s.f.Validator.String(), PlanId: "NWHP-GOLD",
			Name: "Northwind Gold", EffectiveDate: "2025-01-01", Terms: terms})
		return err
	}))
	for _, m := range members {
		s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
			_, err := srv.EnrollMember(ctx, &adjtypes.MsgEnrollMember{Insurer: s.f.Validator.String(), Member: m,
				PlanId: "NWHP-GOLD", StartDate: "2025-01-01", Sex: adjtypes.SEX_FEMALE, BirthYear: 1980})
			return err
		}))
	}
}

func (s *ClaimsSuite) admitProvider(name, npi string) (apptest.Account, uint64) {
	op := apptest.NewAccount()
	var id uint64
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		res, err := membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).AdmitMember(ctx, &membershiptypes.MsgAdmitMember{
			Authority: s.f.Gov, Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: name, Npi: npi,
			Operator: op.String(), AgreementHash: apptest.AgreementHash(name),
		})
		if err == nil {
			id = res.MemberId
		}
		return err
	}))
	return op, id
}

// attest records an attestation of two lines (99213 x1, 85025 x1) by op about member.
func (s *ClaimsSuite) attest(op apptest.Account, member string) string {
	return s.attestMsg(&attestationtypes.MsgAttestTreatment{
		Provider: op.String(), InsurerId: s.insurer, Member: member, EncounterDate: dos, PlaceOfService: "11",
		DiagnosisCodes: []string{"E11.9"},
		Lines: []attestationtypes.ServiceLine{
			{Sequence: 1, Code: "99213", Units: 1, ServiceDate: dos, RenderingNpi: "1234567893"},
			{Sequence: 2, Code: "85025", Units: 1, ServiceDate: dos, RenderingNpi: "1234567893"},
		},
		RecordHash: apptest.AgreementHash("record"),
	})
}

func (s *ClaimsSuite) attestMsg(msg *attestationtypes.MsgAttestTreatment) string {
	var id string
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(s.f.App.AttestationKeeper).AttestTreatment(ctx, msg)
		if err == nil {
			id = res.Id
		}
		return err
	}))
	return id
}

func usd(cents int64) sdk.Coin { return sdk.NewCoin("usd", math.NewInt(cents)) }

// claimFor bills both lines of an attestation.
func (s *ClaimsSuite) claimFor(op apptest.Account, attID, member string) *types.MsgSubmitClaim {
	return &types.MsgSubmitClaim{
		Provider: op.String(), InsurerId: s.insurer, Use: types.CLAIM_USE_CLAIM, Member: member,
		DiagnosisCodes: []string{"E11.9"},
		Lines: []types.SubmittedLine{
			{AttestationId: attID, AttestationLine: 1, Code: "99213", Units: 1, ServiceDate: dos, Billed: usd(12500)},
			{AttestationId: attID, AttestationLine: 2, Code: "85025", Units: 1, ServiceDate: dos, Billed: usd(2050)},
		},
	}
}

func (s *ClaimsSuite) submit(msg *types.MsgSubmitClaim) (*types.MsgSubmitClaimResponse, error) {
	var res *types.MsgSubmitClaimResponse
	err := s.f.Exec(func(ctx sdk.Context) (err error) {
		res, err = keeper.NewMsgServerImpl(s.k).SubmitClaim(ctx, msg)
		return err
	})
	return res, err
}

func (s *ClaimsSuite) void(op apptest.Account, id, reason string) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := keeper.NewMsgServerImpl(s.k).VoidClaim(ctx, &types.MsgVoidClaim{Provider: op.String(), ClaimId: id, Reason: reason})
		return err
	})
}

func (s *ClaimsSuite) claimCount() int {
	n := 0
	s.Require().NoError(s.k.Claims.Walk(s.f.Ctx, nil, func(keeper.ClaimKey, types.Claim) (bool, error) { n++; return false, nil }))
	return n
}

func (s *ClaimsSuite) TestSubmitClaim() {
	att := s.attest(s.clinic, memberA)
	res, err := s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err)
	s.Require().Equal(attestationtypes.FormatID("CLM", s.clinicID, 1), res.Id)
	s.Require().Equal(types.CLAIM_STATUS_ADJUDICATED, res.Status, "adjudicated in the submission tx")
	s.Require().Equal(types.CLAIM_OUTCOME_COMPLETE, res.Outcome)

	c, err := s.k.GetClaim(s.f.Ctx, res.Id)
	s.Require().NoError(err)
	s.Require().Equal(usd(14550), c.TotalBilled)
	s.Require().Equal([]string{"E119"}, c.DiagnosisCodes, "stored in the X12 form")
	s.Require().Len(c.History, 2, "submitted, then adjudicated")
	s.Require().Equal(types.CLAIM_STATUS_ADJUDICATED, c.History[1].Status)
	s.Require().Contains(c.History[1].Reason, "NWHP-GOLD version 1")
	s.Require().Equal(s.clinic.String(), c.History[0].Actor)
	s.Require().Equal(s.f.Ctx.BlockHeight(), c.History[0].Height)
	s.Require().Equal(uint32(2), c.Lines[1].Sequence)

	var found bool
	for _, ev := range s.f.Ctx.EventManager().Events() {
		if ev.Type == "claimchain.claims.v1.EventClaimSubmitted" {
			found = true
		}
	}
	s.Require().True(found, "typed event emitted")

	second, err := s.submit(&types.MsgSubmitClaim{
		Provider: s.clinic.String(), InsurerId: s.insurer, Use: types.CLAIM_USE_PREAUTHORIZATION, Member: memberA,
		Lines: []types.SubmittedLine{{Code: "70551", Units: 1, ServiceDate: "2026-12-01", Billed: usd(90000)}},
	})
	s.Require().NoError(err)
	s.Require().Equal(attestationtypes.FormatID("CLM", s.clinicID, 2), second.Id, "provider-scoped sequence")
}

func (s *ClaimsSuite) TestSubmitClaimRejections() {
	att := s.attest(s.clinic, memberA)
	hospitalAtt := s.attest(s.hospital, memberA)
	otherMemberAtt := s.attest(s.clinic, memberB)
	amended := s.attest(s.clinic, memberA)
	amendment := s.attestMsg(&attestationtypes.MsgAttestTreatment{
		Provider: s.clinic.String(), InsurerId: s.insurer, Member: memberA, EncounterDate: dos, PlaceOfService: "11",
		DiagnosisCodes: []string{"E11.9"},
		Lines:          []attestationtypes.ServiceLine{{Sequence: 1, Code: "99214", Units: 1, ServiceDate: dos, RenderingNpi: "1234567893"}},
		RecordHash:     apptest.AgreementHash("record v2"), Supersedes: amended,
	})
	s.Require().NotEmpty(amendment)
	suspended, suspendedID := s.admitProvider("Harbor Urgent Care", "1543210987")
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).SuspendMember(ctx,
			&membershiptypes.MsgSuspendMember{Authority: s.f.Gov, MemberId: suspendedID, Reason: "audit"})
		return err
	}))

	cases := []struct {
		name  string
		edit  func(m *types.MsgSubmitClaim)
		errIs error
		msg   string
	}{
		{"signed by an insurer", func(m *types.MsgSubmitClaim) { m.Provider = s.f.Validator.String() }, types.ErrNotProvider, "INSURER"},
		{"signed by a suspended provider", func(m *types.MsgSubmitClaim) { m.Provider = suspended.String() }, types.ErrNotProvider, "SUSPENDED"},
		{"signed by a non-member", func(m *types.MsgSubmitClaim) { m.Provider = apptest.NewAccount().String() }, types.ErrNotProvider, "not a consortium member"},
		{"insurer unknown", func(m *types.MsgSubmitClaim) { m.InsurerId = 99 }, types.ErrUnknownInsurer, "member 99"},
		{"insurer id names a provider", func(m *types.MsgSubmitClaim) { m.InsurerId = s.hospitalID }, types.ErrUnknownInsurer, "not an ACTIVE insurer"},
		{"another provider's attestation", func(m *types.MsgSubmitClaim) {
			m.Lines[0].AttestationId, m.Lines[1].AttestationId = hospitalAtt, hospitalAtt
		}, types.ErrAttestationMismatch, "not by the submitting provider"},
		{"attestation about another member", func(m *types.MsgSubmitClaim) {
			m.Lines[0].AttestationId, m.Lines[1].AttestationId = otherMemberAtt, otherMemberAtt
		}, types.ErrAttestationMismatch, "another member"},
		{"mismatched code", func(m *types.MsgSubmitClaim) { m.Lines[0].Code = "99215" }, types.ErrAttestationMismatch, "attests 99213"},
		{"mismatched units", func(m *types.MsgSubmitClaim) { m.Lines[1].Units = 3 }, types.ErrAttestationMismatch, "3 units"},
		{"mismatched date", func(m *types.MsgSubmitClaim) { m.Lines[0].ServiceDate = "2025-12-16" }, types.ErrAttestationMismatch, "date of service"},
		{"attestation line out of range", func(m *types.MsgSubmitClaim) { m.Lines[1].AttestationLine = 7 }, types.ErrAttestationMismatch, "no line 7"},
		{"unknown attestation", func(m *types.MsgSubmitClaim) { m.Lines[0].AttestationId = "ATT-9-9" }, types.ErrAttestationNotFound, "ATT-9-9"},
		{"superseded attestation", func(m *types.MsgSubmitClaim) {
			m.Lines = m.Lines[:1]
			m.Lines[0].AttestationId = amended
		}, types.ErrAttestationSuperseded, "bill the amendment"},
		{"PHI-looking pseudonym", func(m *types.MsgSubmitClaim) { m.Member = "John Smith 1970-01-01" }, attestationtypes.ErrInvalidPseudonym, "64"},
		{"upper-case pseudonym", func(m *types.MsgSubmitClaim) {
			m.Member = "6F1C2A9E4B7D3F08A5C1E6B2D9F4A7C3E8B1D5F2A6C9E3B7D4F1A8C5E2B9D6F3"
		}, attestationtypes.ErrInvalidPseudonym, "0-9 and a-f"},
		{"same line twice", func(m *types.MsgSubmitClaim) { m.Lines[1] = m.Lines[0] }, types.ErrInvalidLine, "billed twice"},
		{"two currencies", func(m *types.MsgSubmitClaim) { m.Lines[1].Billed = sdk.NewCoin("eur", math.NewInt(5)) }, types.ErrInvalidLine, "one currency"},
		{"zero amount", func(m *types.MsgSubmitClaim) { m.Lines[1].Billed = usd(0) }, types.ErrInvalidLine, "positive"},
		{"no lines", func(m *types.MsgSubmitClaim) { m.Lines = nil }, types.ErrInvalidClaim, "1 to 50 lines"},
		{"claim line without attestation", func(m *types.MsgSubmitClaim) { m.Lines[0].AttestationId = "" }, types.ErrInvalidLine, "must reference an attestation"},
		{"preauthorization referencing an attestation", func(m *types.MsgSubmitClaim) { m.Use = types.CLAIM_USE_PREAUTHORIZATION }, types.ErrInvalidLine, "precedes care"},
		{"unknown use", func(m *types.MsgSubmitClaim) { m.Use = 9 }, types.ErrInvalidClaim, "use must be"},
		{"malformed ICD-10 code", func(m *types.MsgSubmitClaim) { m.DiagnosisCodes = []string{"diabetes"} }, attestationtypes.ErrInvalidCode, "diagnosis code"},
		{"malformed procedure code", func(m *types.MsgSubmitClaim) { m.Lines[0].Code = "9921" }, attestationtypes.ErrInvalidCode, "5 characters"},
		{"free-text preauth reference", func(m *types.MsgSubmitClaim) { m.Lines[0].PreauthRef = "approved by Dr Jones" }, types.ErrInvalidLine, "preauth_ref"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.claimFor(s.clinic, att, memberA)
			tc.edit(msg)
			before := s.claimCount()
			_, err := s.submit(msg)
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.msg)
			s.Require().Equal(before, s.claimCount(), "a refused claim stores nothing")
			_, err = s.k.ClaimSeq.Get(s.f.Ctx, s.clinicID)
			s.Require().Error(err, "and draws no id")
		})
	}
}

func (s *ClaimsSuite) TestAttestedLineIsBilledOnce() {
	att := s.attest(s.clinic, memberA)
	first, err := s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err)

	_, err = s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().ErrorIs(err, types.ErrAlreadyBilled)
	s.Require().ErrorContains(err, first.Id)

	// A preauthorization is not billing: it never blocks a line.
	_, err = s.submit(&types.MsgSubmitClaim{
		Provider: s.clinic.String(), InsurerId: s.insurer, Use: types.CLAIM_USE_PREDETERMINATION, Member: memberA,
		Lines: []types.SubmittedLine{{Code: "99213", Units: 1, ServiceDate: dos, Billed: usd(12500)}},
	})
	s.Require().NoError(err)

	s.Require().NoError(s.void(s.clinic, first.Id, "billed in error"))
	again, err := s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err, "a voided claim releases its lines")
	s.Require().NotEqual(first.Id, again.Id)
}

func (s *ClaimsSuite) TestDeniedLineMayBeBilledAgain() {
	notEnrolled := "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90"
	att := s.attest(s.clinic, notEnrolled)
	first, err := s.submit(s.claimFor(s.clinic, att, notEnrolled))
	s.Require().NoError(err)
	d, err := s.f.App.AdjudicationKeeper.Decisions.Get(s.f.Ctx, first.Id)
	s.Require().NoError(err)
	s.Require().Equal(adjtypes.DECISION_KIND_DENIED, d.Decision, "not our insured: CO-31")

	s.enrollInGoldPlanMember(notEnrolled)
	again, err := s.submit(s.claimFor(s.clinic, att, notEnrolled))
	s.Require().NoError(err, "a denied line frees its attested line")
	d, err = s.f.App.AdjudicationKeeper.Decisions.Get(s.f.Ctx, again.Id)
	s.Require().NoError(err)
	s.Require().Equal(adjtypes.DECISION_KIND_APPROVED, d.Decision)
}

func (s *ClaimsSuite) enrollInGoldPlanMember(member string) {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(s.f.App.AdjudicationKeeper).EnrollMember(ctx, &adjtypes.MsgEnrollMember{
			Insurer: s.f.Validator.String(), Member: member, PlanId: "NWHP-GOLD", StartDate: "2025-01-01",
			Sex: adjtypes.SEX_MALE, BirthYear: 1975})
		return err
	}))
}

func (s *ClaimsSuite) TestVoidClaim() {
	att := s.attest(s.clinic, memberA)
	res, err := s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err)

	s.Require().ErrorIs(s.void(s.hospital, res.Id, "not mine"), types.ErrNotSubmitter)
	s.Require().ErrorIs(s.void(s.clinic, res.Id, ""), membershiptypes.ErrInvalidReason)
	s.Require().ErrorIs(s.void(s.clinic, "CLM-9-9", "x"), types.ErrClaimNotFound)
	s.Require().ErrorIs(s.void(s.clinic, "claim 1", "x"), attestationtypes.ErrInvalidID)

	s.f.AdvanceTime(time.Minute)
	s.Require().NoError(s.void(s.clinic, res.Id, "duplicate submission"))
	c, err := s.k.GetClaim(s.f.Ctx, res.Id)
	s.Require().NoError(err)
	s.Require().Equal(types.CLAIM_STATUS_VOIDED, c.Status)
	s.Require().Len(c.History, 3)
	s.Require().Equal("duplicate submission", c.History[2].Reason)
	s.Require().Equal(s.f.Ctx.BlockTime(), c.History[2].Time)

	s.Require().ErrorIs(s.void(s.clinic, res.Id, "again"), types.ErrCannotVoid)
}

func (s *ClaimsSuite) TestBillingServiceSubmitsThroughAuthz() {
	att := s.attest(s.clinic, memberA)
	billing := apptest.NewAccount()
	exp := s.f.Ctx.BlockTime().Add(24 * time.Hour)
	s.Require().NoError(s.f.App.AuthzKeeper.SaveGrant(s.f.Ctx, billing.Address, s.clinic.Address,
		authz.NewGenericAuthorization(sdk.MsgTypeURL(&types.MsgSubmitClaim{})), &exp))

	exec := authz.NewMsgExec(billing.Address, []sdk.Msg{s.claimFor(s.clinic, att, memberA)})
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := authzkeeper.Keeper.Exec(s.f.App.AuthzKeeper, ctx, &exec)
		return err
	}))
	c, err := s.k.GetClaim(s.f.Ctx, attestationtypes.FormatID("CLM", s.clinicID, 1))
	s.Require().NoError(err)
	s.Require().Equal(s.clinic.String(), c.Submitter, "the claim is the provider's")

	stranger := apptest.NewAccount()
	exec = authz.NewMsgExec(stranger.Address, []sdk.Msg{s.claimFor(s.clinic, att, memberA)})
	s.Require().Error(s.f.Exec(func(ctx sdk.Context) error {
		_, err := authzkeeper.Keeper.Exec(s.f.App.AuthzKeeper, ctx, &exec)
		return err
	}), "no grant, no submission")
}

func (s *ClaimsSuite) TestQueries() {
	q := keeper.NewQueryServerImpl(s.k)
	var ids []string
	for i, who := range []apptest.Account{s.clinic, s.hospital, s.clinic} {
		member := memberA
		if i == 1 {
			member = memberB
		}
		att := s.attest(who, member)
		res, err := s.submit(s.claimFor(who, att, member))
		s.Require().NoError(err)
		ids = append(ids, res.Id)
		s.f.AdvanceTime(time.Second) // a new block height per claim
	}
	s.Require().NoError(s.void(s.hospital, ids[1], "wrong member"))

	idsOf := func(res *types.QueryClaimsResponse, err error) []string {
		s.Require().NoError(err)
		out := []string{}
		for _, c := range res.Claims {
			out = append(out, c.Id)
		}
		return out
	}
	ctx := s.f.Ctx
	s.Require().Equal([]string{ids[0], ids[2]}, idsOf(q.ClaimsByProvider(ctx, &types.QueryClaimsByProviderRequest{ProviderId: s.clinicID})))
	s.Require().Equal([]string{ids[2], ids[1], ids[0]}, idsOf(q.ClaimsByInsurer(ctx, &types.QueryClaimsByInsurerRequest{
		InsurerId: s.insurer, Pagination: &query.PageRequest{Reverse: true},
	})), "newest first across providers")
	s.Require().Equal([]string{ids[0], ids[2]}, idsOf(q.ClaimsByMember(ctx, &types.QueryClaimsByMemberRequest{Member: memberA})))
	s.Require().Equal([]string{ids[0], ids[2]}, idsOf(q.ClaimsByStatus(ctx, &types.QueryClaimsByStatusRequest{Status: types.CLAIM_STATUS_ADJUDICATED})))
	s.Require().Equal([]string{ids[1]}, idsOf(q.ClaimsByStatus(ctx, &types.QueryClaimsByStatusRequest{Status: types.CLAIM_STATUS_VOIDED})),
		"the status index follows a void")

	page, err := q.ClaimsByInsurer(ctx, &types.QueryClaimsByInsurerRequest{InsurerId: s.insurer, Pagination: &query.PageRequest{Limit: 2}})
	s.Require().NoError(err)
	s.Require().Len(page.Claims, 2)
	rest, err := q.ClaimsByInsurer(ctx, &types.QueryClaimsByInsurerRequest{InsurerId: s.insurer, Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	s.Require().NoError(err)
	s.Require().Len(rest.Claims, 1)
	s.Require().Equal(ids[2], rest.Claims[0].Id)

	one, err := q.Claim(ctx, &types.QueryClaimRequest{Id: ids[0]})
	s.Require().NoError(err)
	s.Require().Equal(memberA, one.Claim.Member)
	_, err = q.Claim(ctx, &types.QueryClaimRequest{Id: "CLM-1-99"})
	s.Require().Error(err)
	_, err = q.ClaimsByMember(ctx, &types.QueryClaimsByMemberRequest{Member: "Jane Doe"})
	s.Require().Error(err)
	_, err = q.ClaimsByStatus(ctx, &types.QueryClaimsByStatusRequest{Status: 42})
	s.Require().Error(err)
}

func (s *ClaimsSuite) TestGenesisRoundTrip() {
	att := s.attest(s.clinic, memberA)
	first, err := s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err)
	s.Require().NoError(s.void(s.clinic, first.Id, "resubmitting"))
	_, err = s.submit(s.claimFor(s.clinic, att, memberA))
	s.Require().NoError(err)

	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	s.Require().Len(gs.Claims, 2)

	other := apptest.Setup(s.T())
	s.Require().NoError(other.App.ClaimsKeeper.InitGenesis(other.Ctx, gs))
	again, err := other.App.ClaimsKeeper.ExportGenesis(other.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs, again)
	holder, err := other.App.ClaimsKeeper.BilledLines.Get(other.Ctx, keeperBilledKey(s.clinicID, 1, 1))
	s.Require().NoError(err)
	s.Require().Equal(attestationtypes.FormatID("CLM", s.clinicID, 2), holder, "billed lines rebuilt from live claims only")
}
