package keeper_test

import (
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/settlement/keeper"
	"github.com/claimchain/claimchain/x/settlement/types"
)

func (s *SettlementSuite) claimsMsg() claimstypes.MsgServer {
	return claimskeeper.NewMsgServerImpl(s.f.App.ClaimsKeeper)
}

func (s *SettlementSuite) review(msg *claimstypes.MsgReviewClaim) error {
	msg.Insurer = s.insurerAcc.String()
	msg.NotesHash = apptest.AgreementHash("review notes")
	return s.f.Exec(func(ctx sdk.Context) error { _, err := s.claimsMsg().ReviewClaim(ctx, msg); return err })
}

func (s *SettlementSuite) remittanceOf(claimID string) types.Remittance {
	p, err := s.k.ClaimPayments.Get(s.f.Ctx, claimID)
	s.Require().NoError(err)
	r, err := s.k.Remittances.Get(s.f.Ctx, p.TraceNumber)
	s.Require().NoError(err)
	return r
}

// requireRemittanceTotals checks sum of claims' paid = total_paid + recouped - carried_forward.
func (s *SettlementSuite) requireRemittanceTotals(r types.Remittance) {
	sum := math.ZeroInt()
	for _, c := range r.Claims {
		sum = sum.Add(c.Paid)
	}
	s.Require().Equal(sum.String(), r.TotalPaid.Amount.Add(r.Recouped).Sub(r.CarriedForward).String(), "remittance %s totals", r.TraceNumber)
}

// A review after payment lowers a paid claim: the next run shows a reversal
// (CLP02 22) and the corrected claim; the $25.00 difference is owed by the
// provider and taken from its next payment.
func (s *SettlementSuite) TestReviewAfterPaymentRecoups() {
	s.Require().NoError(s.fund(usd(100_000)))
	claim := s.f.BillOfficeVisit(s.clinic, member, dos, 12550)
	s.endBlock(11 * time.Second)
	s.Require().Equal(math.NewInt(6500), s.balance(s.clinic))

	s.Require().NoError(s.review(&claimstypes.MsgReviewClaim{ClaimId: claim, Action: claimstypes.REVIEW_ACTION_ADJUST,
		Lines: []claimstypes.LineReview{{Sequence: 1, Payable: math.NewInt(4000)}}, Group: "CO", Carc: "150"}))
	d, err := s.f.App.AdjudicationKeeper.GetDecision(s.f.Ctx, claim)
	s.Require().NoError(err)
	steps := d.Lines[0].Steps
	s.Require().Equal("Reduced on review by the insurer by $25.00 to $40.00 (CO-150).", steps[len(steps)-1].Render())
	s.endBlock(time.Second)
	r := s.remittanceOf(claim)
	s.Require().Len(r.Claims, 2)
	s.Require().Equal(uint32(types.StatusReversal), r.Claims[0].ClaimStatusCode)
	s.Require().Equal("-6500", r.Claims[0].Paid.String())
	s.Require().Equal("-12550", r.Claims[0].Billed.String())
	s.Require().Equal(uint32(types.StatusProcessed), r.Claims[1].ClaimStatusCode)
	s.Require().Equal("4000", r.Claims[1].Paid.String())
	s.Require().True(r.TotalPaid.IsZero())
	s.Require().Equal("2500", r.CarriedForward.String())
	s.requireRemittanceTotals(r)
	owed, err := s.k.Recoupments.Get(s.f.Ctx, collectionsJoin3(1, s.clinicID, "usd"))
	s.Require().NoError(err)
	s.Require().Equal("2500", owed.Outstanding.String())
	s.Require().Equal(math.NewInt(6500), s.balance(s.clinic), "nothing is taken back from the provider's account")

	next := s.f.BillOfficeVisit(s.clinic, member, "2025-12-21", 12550)
	s.endBlock(11 * time.Second)
	r = s.remittanceOf(next)
	s.Require().Equal("4000", r.TotalPaid.Amount.String(), "$65.00 less the $25.00 owed")
	s.Require().Equal("2500", r.Recouped.String())
	s.requireRemittanceTotals(r)
	s.Require().Equal(math.NewInt(6500+4000), s.balance(s.clinic))
	has, _ := s.k.Recoupments.Has(s.f.Ctx, collectionsJoin3(1, s.clinicID, "usd"))
	s.Require().False(has, "the debt is settled")
	e := s.escrow()
	s.Require().NoError(e.CheckInvariant())
	s.Require().Equal(math.NewInt(6500+4000), e.Paid)
}

// An MRI without prior authorization is denied CO-197 and the rest of the
// claim is paid; the provider appeals, the insurer overturns the denial after
// payment: the line is adjudicated again without R-PA-197 and the difference
// is paid with a reversal and the corrected claim on the remittance.
func (s *SettlementSuite) TestOverturnedAppealAfterPayment() {
	s.Require().NoError(s.fund(usd(1_000_000)))
	claim := s.f.BillLines(s.clinic, member,
		apptest.BillLine{Code: "99213", Units: 1, Date: dos, Billed: 12550},
		apptest.BillLine{Code: "70551", Units: 2, Date: dos, Billed: 200000})
	d, err := s.f.App.AdjudicationKeeper.GetDecision(s.f.Ctx, claim)
	s.Require().NoError(err)
	s.Require().Equal(adjtypes.DECISION_KIND_DENIED, d.Lines[1].Decision)
	s.Require().Equal("197", d.Lines[1].Adjustments[0].Carc)
	s.endBlock(11 * time.Second)
	s.Require().Equal(math.NewInt(6500), s.balance(s.clinic))

	hash := apptest.AgreementHash("appeal letter")
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().AppealClaim(ctx, &claimstypes.MsgAppealClaim{Provider: s.clinic.String(), ClaimId: claim, Lines: []uint32{2}, ReasonHash: hash})
		return err
	}))
	// Appealing an approved line, or the same line twice, is refused.
	err = s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().AppealClaim(ctx, &claimstypes.MsgAppealClaim{Provider: s.clinic.String(), ClaimId: claim, Lines: []uint32{1}, ReasonHash: hash})
		return err
	})
	s.Require().ErrorIs(err, claimstypes.ErrCannotAppeal)
	err = s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().AppealClaim(ctx, &claimstypes.MsgAppealClaim{Provider: s.clinic.String(), ClaimId: claim, Lines: []uint32{2}, ReasonHash: hash})
		return err
	})
	s.Require().ErrorContains(err, "already on appeal 1")
	// Only the insurer decides.
	err = s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().DecideAppeal(ctx, &claimstypes.MsgDecideAppeal{Insurer: s.clinic.String(), ClaimId: claim, Appeal: 1, Overturn: true, NotesHash: hash})
		return err
	})
	s.Require().ErrorIs(err, claimstypes.ErrNotInsurer)

	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().DecideAppeal(ctx, &claimstypes.MsgDecideAppeal{Insurer: s.insurerAcc.String(), ClaimId: claim, Appeal: 1, Overturn: true, NotesHash: hash})
		return err
	}))
	d, err = s.f.App.AdjudicationKeeper.GetDecision(s.f.Ctx, claim)
	s.Require().NoError(err)
	s.Require().Equal(adjtypes.DECISION_KIND_APPROVED, d.Lines[1].Decision, "overturned: %v", d.Lines[1].Steps)
	s.Require().Equal("Adjudicated again after the denial was overturned on appeal 1.", d.Lines[1].Steps[0].Render())
	var setAside string
	for _, st := range d.Lines[1].Steps {
		if st.RuleId == "R-PA-197" {
			setAside = st.Render()
		}
	}
	s.Require().Equal("Set aside (denial overturned on appeal 1): Code 70551 needs prior authorization and the line references none: "+
		"precertification/authorization absent (CO-197).", setAside)
	extra := d.Lines[1].Benefit
	s.Require().True(extra.IsPositive(), "%v", d.Lines[1])
	c, err := s.f.App.ClaimsKeeper.GetClaim(s.f.Ctx, claim)
	s.Require().NoError(err)
	s.Require().Equal(claimstypes.APPEAL_STATUS_OVERTURNED, c.Appeals[0].Status)

	s.endBlock(time.Second)
	s.Require().Equal(math.NewInt(6500).Add(extra), s.balance(s.clinic), "the overturned line is paid")
	r := s.remittanceOf(claim)
	s.Require().Len(r.Claims, 2)
	s.Require().Equal(uint32(types.StatusReversal), r.Claims[0].ClaimStatusCode)
	s.Require().Equal("-6500", r.Claims[0].Paid.String())
	s.Require().Equal(math.NewInt(6500).Add(extra).String(), r.Claims[1].Paid.String())
	s.Require().Equal(extra.String(), r.TotalPaid.Amount.String())
	s.requireRemittanceTotals(r)
	s.Require().NoError(s.escrow().CheckInvariant())
}

// A pended claim pays nothing until the insurer approves it; a review that
// denies an unpaid claim cancels its payment.
func (s *SettlementSuite) TestReviewBeforePayment() {
	s.Require().NoError(s.fund(usd(100_000)))
	claim := s.f.BillOfficeVisit(s.clinic, member, dos, 12550)
	s.Require().NoError(s.review(&claimstypes.MsgReviewClaim{ClaimId: claim, Action: claimstypes.REVIEW_ACTION_DENY, Group: "CO", Carc: "50"}))
	denied, derr := s.f.App.AdjudicationKeeper.GetDecision(s.f.Ctx, claim)
	s.Require().NoError(derr)
	steps := denied.Lines[0].Steps
	s.Require().Equal("Denied on review by the insurer: the whole billed amount is adjusted (CO-50).", steps[len(steps)-1].Render())
	s.Require().True(s.escrow().Committed.IsZero(), "a denied claim commits nothing")
	s.endBlock(11 * time.Second)
	s.Require().True(s.balance(s.clinic).IsZero())
	r := s.remittanceOf(claim)
	s.Require().Equal(uint32(types.StatusDenied), r.Claims[0].ClaimStatusCode)
	s.Require().Equal("CO", r.Claims[0].Adjustments[0].Group.String()[len("GROUP_CODE_"):])

	// APPROVE applies only to a pended claim.
	err := s.review(&claimstypes.MsgReviewClaim{ClaimId: claim, Action: claimstypes.REVIEW_ACTION_APPROVE})
	s.Require().ErrorIs(err, claimstypes.ErrCannotReview)
	// Another account is not the insurer.
	err = s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().ReviewClaim(ctx, &claimstypes.MsgReviewClaim{Insurer: s.clinic.String(), ClaimId: claim,
			Action: claimstypes.REVIEW_ACTION_DENY, Group: "CO", Carc: "50", NotesHash: apptest.AgreementHash("x")})
		return err
	})
	s.Require().ErrorIs(err, claimstypes.ErrNotInsurer)
	// A review never bills the patient.
	err = s.review(&claimstypes.MsgReviewClaim{ClaimId: claim, Action: claimstypes.REVIEW_ACTION_DENY, Group: "PR", Carc: "50"})
	s.Require().ErrorIs(err, claimstypes.ErrInvalidClaim)
}

func collectionsJoin3(insurer, provider uint64, denom string) keeper.RecoupmentKey {
	return collections.Join3(insurer, provider, denom)
}

func collectionsJoin(a, b string) collections.Pair[string, string] { return collections.Join(a, b) }
