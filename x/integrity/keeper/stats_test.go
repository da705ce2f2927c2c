package keeper_test

import (
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/types"
)

// TestStatsEqualRecount submits claims on the chain (adjudicated against the
// gold plan; one for a member without coverage is denied), replays changes
// through ClaimChanged (pend, review, void; some twice) and compares the
// incremental statistics with a recount from the claims' final state.
func (s *IntegritySuite) TestStatsEqualRecount() {
	s.f.PublishGoldPlan()
	s.f.Enroll(member)
	ids := []string{
		s.f.BillOfficeVisit(s.clinic, member, dos, 12_000),
		s.f.BillOfficeVisit(s.clinic, member, "2025-12-21", 15_000),
		s.f.BillOfficeVisit(s.clinic, member, "2025-12-22", 9_000),
		s.f.BillOfficeVisit(s.clinic, "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2", dos, 11_000),
		s.f.BillOfficeVisit(s.clinic, member, "2025-12-23", 13_000),
	}
	claims := make([]claimstypes.Claim, len(ids))
	for i, id := range ids {
		c, err := s.f.App.ClaimsKeeper.GetClaim(s.f.Ctx, id)
		s.Require().NoError(err)
		claims[i] = c
		s.changed(c) // submission
	}
	// Claim 1 is pended, then reviewed back; claim 2 is pended; claim 4 is voided.
	claims[1].Status = claimstypes.CLAIM_STATUS_PENDED
	s.changed(claims[1])
	claims[1].Status = claimstypes.CLAIM_STATUS_ADJUDICATED
	s.changed(claims[1])
	s.changed(claims[1])
	claims[2].Status = claimstypes.CLAIM_STATUS_PENDED
	s.changed(claims[2])
	claims[4].Status = claimstypes.CLAIM_STATUS_VOIDED
	s.changed(claims[4])
	s.changed(claims[4])
	// A preauthorization is not counted.
	pre := claims[0]
	pre.Id, pre.Use = "CLM-X-PRE", claimstypes.CLAIM_USE_PREAUTHORIZATION
	s.changed(pre)

	want := types.ProviderStats{ProviderId: s.clinicID}
	for _, c := range claims {
		if c.Status == claimstypes.CLAIM_STATUS_VOIDED {
			want.Voided++
			continue
		}
		want.Claims++
		want.Billed = want.Billed.Add(c.TotalBilled)
		d, err := s.f.App.AdjudicationKeeper.GetDecision(s.f.Ctx, c.Id)
		s.Require().NoError(err)
		if d.TotalBenefit.IsPositive() && c.Status != claimstypes.CLAIM_STATUS_PENDED {
			want.Approved = want.Approved.Add(sdk.NewCoin(d.Denom, d.TotalBenefit)) // not while held
		}
		if d.Decision == adjtypes.DECISION_KIND_DENIED {
			want.Denied++
		}
		if c.Status == claimstypes.CLAIM_STATUS_PENDED {
			want.Pended++
		}
	}
	got := s.stats(s.clinicID)
	s.Require().Equal(want, got.Stats)
	s.Require().Equal(uint64(4), got.Stats.Claims)
	s.Require().Equal(uint64(1), got.Stats.Voided)
	s.Require().Equal(uint64(1), got.Stats.Denied, "the claim for a member without coverage")
	s.Require().Equal(sdk.NewCoins(sdk.NewCoin("usd", math.NewInt(12_000+15_000+9_000+11_000))), got.Stats.Billed)
	s.Require().Equal(uint64(2500), got.DenialRateBps)
	s.Require().Equal(uint64(2500), got.PendRateBps)

	empty := s.stats(999)
	s.Require().Equal(uint64(0), empty.DenialRateBps)
	s.Require().Equal(uint64(0), empty.Stats.Claims)
}
