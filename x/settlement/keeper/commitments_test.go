package keeper_test

import (
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/settlement/keeper"
	"github.com/claimchain/claimchain/x/settlement/types"
)

// queuedCommitment is what the queued payments of insurer 1 commit in usd.
func (s *SettlementSuite) queuedCommitment() math.Int {
	sum := math.ZeroInt()
	s.Require().NoError(s.k.Queue.Walk(s.f.Ctx, nil, func(_ keeper.QueueKey, p types.ScheduledPayment) (bool, error) {
		if p.InsurerId == 1 && p.Amount.Denom == "usd" {
			sum = sum.Add(types.Commitment(p))
		}
		return false, nil
	}))
	return sum
}

// TestCommitmentsAreBucketed: a claim commits its payable in its own bucket
// and never rewrites the escrow record; the escrow's committed amount is the
// buckets' sum, which a withdrawal respects.
func (s *SettlementSuite) TestCommitmentsAreBucketed() {
	s.Require().NoError(s.fund(usd(100_000)))
	stored := func() types.Escrow {
		e, err := s.k.Escrows.Get(s.f.Ctx, collections.Join(uint64(1), "usd"))
		s.Require().NoError(err)
		return e
	}
	before := stored()
	var claims []string
	for i := 0; i < 6; i++ {
		claims = append(claims, s.f.BillOfficeVisit(s.clinic, member, time.Date(2025, 12, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), 12550))
	}
	s.Require().Equal(before, stored(), "scheduling a payment does not write the escrow record")
	s.Require().True(stored().Committed.IsZero(), "committed is derived, not stored")

	buckets := map[uint32]bool{}
	for _, id := range claims {
		buckets[types.CommitmentBucket(id)] = true
	}
	n := 0
	s.Require().NoError(s.k.Commitments.Walk(s.f.Ctx, nil, func(key keeper.CommitmentKey, v math.Int) (bool, error) {
		s.Require().True(buckets[key.K3()], "only the claims' buckets")
		s.Require().True(v.IsPositive())
		n++
		return false, nil
	}))
	s.Require().Equal(len(buckets), n)
	s.Require().Greater(n, 1, "claims spread over buckets")

	e := s.escrow()
	s.Require().Equal(math.NewInt(6*6500), e.Committed)
	s.Require().Equal(s.queuedCommitment(), e.Committed)
	s.Require().ErrorIs(s.withdraw(usd(100_000-6*6500+1)), types.ErrInsufficientFunds)
	s.Require().NoError(s.withdraw(usd(100_000 - 6*6500)))

	// Payment releases each claim's bucket; nothing stays committed.
	s.endBlock(time.Minute)
	s.Require().True(s.escrow().Committed.IsZero())
	has := false
	s.Require().NoError(s.k.Commitments.Walk(s.f.Ctx, nil, func(keeper.CommitmentKey, math.Int) (bool, error) {
		has = true
		return true, nil
	}))
	s.Require().False(has, "empty buckets are removed")
}

// TestGenesisRoundTrip exports with payments scheduled, imports into a fresh
// chain (the buckets are rebuilt from the queue) and exports the same again.
func (s *SettlementSuite) TestGenesisRoundTrip() {
	s.Require().NoError(s.fund(usd(100_000)))
	for i := 0; i < 4; i++ {
		s.f.BillOfficeVisit(s.clinic, member, time.Date(2025, 12, 1+i, 0, 0, 0, 0, time.UTC).Format(time.DateOnly), 12550)
	}
	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	s.Require().Len(gs.Scheduled, 4)
	s.Require().Len(gs.Escrows, 1)
	s.Require().Equal(math.NewInt(4*6500), gs.Escrows[0].Committed)

	bucketsOf := func(k *keeper.Keeper, f *apptest.Fixture) []string {
		var out []string
		s.Require().NoError(k.Commitments.Walk(f.Ctx, nil, func(key keeper.CommitmentKey, v math.Int) (bool, error) {
			out = append(out, key.K2()+"/"+v.String())
			return false, nil
		}))
		return out
	}
	fresh := apptest.Setup(s.T())
	s.Require().NoError(fresh.App.SettlementKeeper.InitGenesis(fresh.Ctx, gs))
	again, err := fresh.App.SettlementKeeper.ExportGenesis(fresh.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs, again)
	s.Require().Equal(bucketsOf(s.k, s.f), bucketsOf(fresh.App.SettlementKeeper, fresh))

	// A committed amount the queue does not account for is refused.
	bad := *gs
	bad.Escrows = append([]types.Escrow(nil), gs.Escrows...)
	bad.Escrows[0].Committed = bad.Escrows[0].Committed.AddRaw(1)
	s.Require().ErrorIs(bad.Validate(), types.ErrInvalidGenesis)
}
