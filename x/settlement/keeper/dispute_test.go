package keeper_test

import (
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

const patientMember = "a1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f31"

// enrollWithAccount enrols patientMember with a member account that may
// confirm or dispute the care attested about them.
func (s *SettlementSuite) enrollWithAccount() apptest.Account {
	patient := apptest.NewAccount()
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(s.f.App.AdjudicationKeeper).EnrollMember(ctx, &adjtypes.MsgEnrollMember{
			Insurer: s.insurerAcc.String(), Member: patientMember, PlanId: apptest.GoldPlanID, StartDate: "2025-01-01",
			Sex: adjtypes.SEX_MALE, BirthYear: 1970, MemberAccount: patient.String()})
		return err
	}))
	return patient
}

func (s *SettlementSuite) dispute(patient apptest.Account, attestationID string) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := attestationkeeper.NewMsgServerImpl(s.f.App.AttestationKeeper).DisputeTreatment(ctx, &attestationtypes.MsgDisputeTreatment{
			MemberAccount: patient.String(), AttestationId: attestationID, ReasonHash: apptest.AgreementHash("statement")})
		return err
	})
}

func (s *SettlementSuite) claimStatus(id string) claimstypes.ClaimStatus {
	c, err := s.f.App.ClaimsKeeper.GetClaim(s.f.Ctx, id)
	s.Require().NoError(err)
	return c.Status
}

// A member's dispute during the hold period pends the claim: nothing is paid
// until the insurer's review approves it, then it is paid after a new hold.
func (s *SettlementSuite) TestDisputeDuringHoldPends() {
	s.Require().NoError(s.fund(usd(100_000)))
	patient := s.enrollWithAccount()
	claim := s.f.BillOfficeVisit(s.clinic, patientMember, dos, 12550)
	c, err := s.f.App.ClaimsKeeper.GetClaim(s.f.Ctx, claim)
	s.Require().NoError(err)
	s.f.AdvanceTime(5 * time.Second)
	// Only the enrolled account may dispute.
	s.Require().ErrorIs(s.dispute(s.clinic, c.Lines[0].AttestationId), attestationtypes.ErrNotMemberAccount)
	s.Require().NoError(s.dispute(patient, c.Lines[0].AttestationId))
	s.Require().Equal(claimstypes.CLAIM_STATUS_PENDED, s.claimStatus(claim))
	s.Require().True(s.escrow().Committed.IsZero(), "the payment is cancelled")

	s.endBlock(time.Minute)
	s.Require().True(s.balance(s.clinic).IsZero(), "nothing is paid while pended")
	flags, err := s.f.App.IntegrityKeeper.Flags.Get(s.f.Ctx, collectionsJoin(claim, "R-FLAG-DISPUTE"))
	s.Require().NoError(err, "the dispute is a flag on the claim")
	s.Require().Contains(flags.Evidence, c.Lines[0].AttestationId)

	s.Require().NoError(s.review(&claimstypes.MsgReviewClaim{ClaimId: claim, Action: claimstypes.REVIEW_ACTION_APPROVE}))
	s.Require().Equal(claimstypes.CLAIM_STATUS_ADJUDICATED, s.claimStatus(claim))
	s.endBlock(11 * time.Second)
	s.Require().Equal(math.NewInt(6500), s.balance(s.clinic))
}

// A claim billing care the member already disputed is pended on submission.
func (s *SettlementSuite) TestClaimForDisputedCarePendsOnSubmission() {
	patient := s.enrollWithAccount()
	var attID string
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(s.f.App.AttestationKeeper).AttestTreatment(ctx, &attestationtypes.MsgAttestTreatment{
			Provider: s.clinic.String(), InsurerId: 1, Member: patientMember, EncounterDate: dos, PlaceOfService: "11",
			DiagnosisCodes: []string{"E11.9"}, RecordHash: apptest.AgreementHash("record"),
			Lines: []attestationtypes.ServiceLine{{Sequence: 1, Code: "99213", Units: 1, ServiceDate: dos, RenderingNpi: "1234567893"}}})
		if err == nil {
			attID = res.Id
		}
		return err
	}))
	s.Require().NoError(s.dispute(patient, attID))
	var claim string
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		res, err := s.claimsMsg().SubmitClaim(ctx, &claimstypes.MsgSubmitClaim{Provider: s.clinic.String(), InsurerId: 1,
			Use: claimstypes.CLAIM_USE_CLAIM, Member: patientMember, DiagnosisCodes: []string{"E11.9"},
			Lines: []claimstypes.SubmittedLine{{AttestationId: attID, AttestationLine: 1, Code: "99213", Units: 1, ServiceDate: dos, Billed: usd(12550)}}})
		if err == nil {
			claim = res.Id
		}
		return err
	}))
	s.Require().Equal(claimstypes.CLAIM_STATUS_PENDED, s.claimStatus(claim))
	has, _ := s.k.QueueByClaim.Has(s.f.Ctx, claim)
	s.Require().False(has, "a pended claim is not scheduled")
}
