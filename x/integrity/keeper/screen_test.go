package keeper_test

import (
	"time"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/keeper"
	"github.com/claimchain/claimchain/x/integrity/types"
)

// TestImpossibleDay: 1440 typical minutes of one NPI on one date pass, 1455 flag.
func (s *IntegritySuite) TestImpossibleDay() {
	first := s.claim(7, line{"97110", 48, npiA}) // 720 minutes
	s.Require().Nil(s.screen(first))
	second := s.claim(7, line{"97110", 24, npiA}, line{"99213", 18, npiA}) // 360 + 360
	s.Require().Nil(s.screen(second))
	s.Require().False(s.hasFlag(second.Id, types.RuleDay), "exactly 1440 minutes is a full day, not more")
	other := s.claim(7, line{"97110", 4, npiB}) // another NPI's day
	s.Require().Nil(s.screen(other))
	s.Require().False(s.hasFlag(other.Id, types.RuleDay))

	third := s.claim(7, line{"97110", 1, npiA}, line{"80053", 1, npiA}) // +15; no row for 80053 adds 0
	reasons := s.screen(third)
	f, err := s.k.Flags.Get(s.f.Ctx, collections.Join(third.Id, types.RuleDay))
	s.Require().NoError(err)
	s.Require().Equal(types.PointsDay, f.Points)
	s.Require().Equal(npiA, f.RenderingNpi)
	s.Require().Equal(uint64(7), f.ProviderId)
	s.Require().Contains(f.Evidence, "rendering NPI 1234567893 has 1455 typical minutes on 2025-12-20 (15 on this claim)")
	s.Require().Contains(f.Evidence, "typical-minutes table version 1")
	s.Require().Equal([]types.TableCitation{{Kind: "TABLE_KIND_TYPICAL_MINUTES", Version: 1}}, f.Tables)
	s.Require().Contains(f.Figures, types.Evidence{Name: "total_minutes", Value: "1455"})

	// 60 points >= the default pend score 50: pended, with the evidence.
	s.Require().Len(reasons, 1)
	s.Require().Equal(types.RuleDay, reasons[0].RuleID)
	s.Require().Contains(reasons[0].Text, "1455 typical minutes")
	s.Require().Contains(reasons[0].Text, "risk score 60 >= threshold 50")

	// Screening again changes nothing (no double count, same answer).
	s.Require().Equal(reasons, s.screen(third))
	m, err := s.k.DayMinutes.Get(s.f.Ctx, collections.Join(npiA, dos))
	s.Require().NoError(err)
	s.Require().Equal(uint64(1455), m)

	// Voiding the first claim gives its 720 minutes back; its flag history stays.
	first.Status = claimstypes.CLAIM_STATUS_VOIDED
	s.changed(first)
	m, err = s.k.DayMinutes.Get(s.f.Ctx, collections.Join(npiA, dos))
	s.Require().NoError(err)
	s.Require().Equal(uint64(735), m)
	s.changed(first) // idempotent
	m, _ = s.k.DayMinutes.Get(s.f.Ctx, collections.Join(npiA, dos))
	s.Require().Equal(uint64(735), m)
	s.Require().True(s.hasFlag(third.Id, types.RuleDay))
}

// TestEMMix: four NPIs bill 2 of 10 office visits at level 4+, one bills all
// ten at level 5, one claim per block. Only the upcoder's tenth claim is
// flagged; 30 points alone stay below the pend score.
func (s *IntegritySuite) TestEMMix() {
	normal := []string{"1111111112", "2222222220", "3333333338", "4444444446"}
	var normalLast claimstypes.Claim
	for i, npi := range normal {
		provider := uint64(100 + i)
		for n := 0; n < 10; n++ {
			code := "99213"
			if n < 2 {
				code = "99214"
			}
			normalLast = s.claim(provider, line{code, 1, npi})
			s.Require().Nil(s.screen(normalLast))
			s.Require().False(s.hasFlag(normalLast.Id, types.RuleEM))
			s.nextBlock()
		}
	}
	upcoder := "5555555553"
	var last claimstypes.Claim
	for n := 0; n < 10; n++ {
		last = s.claim(200, line{"99215", 1, upcoder})
		s.Require().Nil(s.screen(last), "30 points < pend score 50")
		if n < 9 {
			s.Require().False(s.hasFlag(last.Id, types.RuleEM), "fewer than em_min_services")
			s.nextBlock()
		}
	}
	f, err := s.k.Flags.Get(s.f.Ctx, collections.Join(last.Id, types.RuleEM))
	s.Require().NoError(err)
	s.Require().Equal(upcoder, f.RenderingNpi)
	// NPI 10/10 = 10000 bps; peers as of the previous block, the upcoder's
	// first nine claims included and this one not: (8 + 9) / (40 + 9) = 3469 bps.
	s.Require().Contains(f.Evidence, "billed 10 of 10 office-established E/M services at level 4 or above (10000 bps) against 3469 bps for the insurer's peers before this block (17 of 49)")
	s.Require().Contains(f.Figures, types.Evidence{Name: "peer_high_share_bps", Value: "3469"})
	s.Require().Equal([]types.TableCitation{{Kind: "TABLE_KIND_EM_LEVEL", Version: 1}}, f.Tables)

	res, err := s.query().ClaimFlags(s.f.Ctx, &types.QueryClaimFlagsRequest{ClaimId: last.Id})
	s.Require().NoError(err)
	s.Require().Equal(uint64(30), res.RiskScore)

	// The peer counters are spread over buckets: no single hot key.
	n := 0
	s.Require().NoError(s.k.PeerEmCounters.Walk(s.f.Ctx, nil, func(keeper.PeerBucketKey, types.PeerEmCounter) (bool, error) {
		n++
		return false, nil
	}))
	s.Require().Greater(n, 4)

	// A normal NPI's next visit is still not flagged.
	s.nextBlock()
	c := s.claim(100, line{"99213", 1, normal[0]})
	s.screen(c)
	s.Require().False(s.hasFlag(c.Id, types.RuleEM))
}

// TestEMPeerTotalsPerBlock: claims compare against the peer total as of the
// end of the previous block; the EndBlocker folds the buckets the block
// changed (a void's too) and leaves no changed bucket behind.
func (s *IntegritySuite) TestEMPeerTotalsPerBlock() {
	s.Require().NoError(s.setThresholds(s.f.Validator, 50, 2, 2000, 20, 30000))
	total := func() types.PeerEmTotal {
		t, err := s.k.PeerEmTotals.Get(s.f.Ctx, collections.Join(uint64(1), "office-established"))
		if err != nil {
			s.Require().ErrorIs(err, collections.ErrNotFound)
		}
		return t
	}
	// Block 1: one NPI bills two level-5 visits, another one level-3 visit.
	// No peer services before the block: no peer share, nothing is judged.
	a1 := s.claim(7, line{"99215", 1, npiA}, line{"99215", 1, npiA})
	s.Require().Nil(s.screen(a1))
	b1 := s.claim(8, line{"99213", 1, npiB})
	s.screen(b1)
	s.Require().False(s.hasFlag(a1.Id, types.RuleEM), "no peers before this block")
	s.Require().Zero(total().Total, "the total moves only at the end of the block")
	s.Require().NotEmpty(s.changedBuckets())
	s.nextBlock()
	s.Require().Equal(types.PeerEmTotal{InsurerId: 1, Family: "office-established", Total: 3, High: 2}, total())
	s.Require().Empty(s.changedBuckets(), "the EndBlocker empties the set")
	s.requireTotalsAreBucketSums()

	// Block 2: A's next level-5 visit: 3 of 3 = 10000 bps against the peers'
	// 2 of 3 = 6666 bps as of block 1 (this claim not counted): 3334 >= 2000.
	a2 := s.claim(7, line{"99215", 1, npiA})
	s.screen(a2)
	fl, err := s.k.Flags.Get(s.f.Ctx, collections.Join(a2.Id, types.RuleEM))
	s.Require().NoError(err)
	s.Require().Contains(fl.Evidence, "against 6666 bps for the insurer's peers before this block (2 of 3)")
	// B's visit in the same block does not see A's: the peers are still 2 of 3.
	b2 := s.claim(8, line{"99213", 1, npiB})
	s.screen(b2)
	s.Require().Equal(uint64(3), total().Total)
	s.nextBlock()
	s.Require().Equal(types.PeerEmTotal{InsurerId: 1, Family: "office-established", Total: 5, High: 3}, total())

	// A void gives its services back at the end of its block.
	a1.Status = claimstypes.CLAIM_STATUS_VOIDED
	s.changed(a1)
	s.Require().Equal(uint64(5), total().Total)
	s.nextBlock()
	s.Require().Equal(types.PeerEmTotal{InsurerId: 1, Family: "office-established", Total: 3, High: 1}, total())
	s.requireTotalsAreBucketSums()

	// Once every bucket is empty the total is removed.
	for _, c := range []claimstypes.Claim{a2, b1, b2} {
		c.Status = claimstypes.CLAIM_STATUS_VOIDED
		s.changed(c)
	}
	s.nextBlock()
	has, err := s.k.PeerEmTotals.Has(s.f.Ctx, collections.Join(uint64(1), "office-established"))
	s.Require().NoError(err)
	s.Require().False(has)
	s.Require().Empty(s.changedBuckets())
}

// TestVolumeSpike: 5 claims a week for 4 weeks, then the week's 20th claim
// (20 > 3 × 5, and >= 20) is flagged, the 19th is not. A provider without
// history is flagged only from 40 claims in a week.
func (s *IntegritySuite) TestVolumeSpike() {
	for w := 0; w < 4; w++ {
		for n := 0; n < 5; n++ {
			s.screen(s.claim(7, line{"80053", 1, npiA}))
		}
		s.f.AdvanceTime(7 * 24 * time.Hour)
	}
	for n := 1; n <= 20; n++ {
		c := s.claim(7, line{"80053", 1, npiA})
		s.Require().Nil(s.screen(c), "20 points < pend score 50")
		s.Require().Equal(n == 20, s.hasFlag(c.Id, types.RuleVolume), "claim %d of the week", n)
	}
	f, err := s.k.Flags.Get(s.f.Ctx, collections.Join("CLM-7-40", types.RuleVolume))
	s.Require().NoError(err)
	s.Require().Contains(f.Evidence, "the provider has 20 claims in the week")
	s.Require().Contains(f.Evidence, "baseline of 5 a week (5, 5, 5, 5 claims")

	for n := 1; n <= 40; n++ {
		c := s.claim(8, line{"80053", 1, npiB})
		s.screen(c)
		s.Require().Equal(n == 40, s.hasFlag(c.Id, types.RuleVolume), "new provider, claim %d", n)
	}
}

// TestScoreThreshold: DAY (60) + VOLUME (20) reach an insurer's pend score of
// 80 together, DAY alone does not.
func (s *IntegritySuite) TestScoreThreshold() {
	s.Require().NoError(s.setThresholds(s.f.Validator, 80, 10, 2000, 2, 30000))
	c := s.claim(7, line{"97110", 100, npiA}) // 1500 minutes
	s.Require().Nil(s.screen(c), "60 < 80")
	s.Require().True(s.hasFlag(c.Id, types.RuleDay), "flags are stored below the threshold too")
	s.screen(s.claim(7, line{"80053", 1, npiB}))
	s.screen(s.claim(7, line{"80053", 1, npiB}))
	s.screen(s.claim(7, line{"80053", 1, npiB}))
	c = s.claim(7, line{"97110", 1, npiA}) // 5th claim of a provider without history (>= 2 × 2), and the day is over
	reasons := s.screen(c)
	s.Require().Len(reasons, 2)
	s.Require().Equal(types.RuleDay, reasons[0].RuleID)
	s.Require().Equal(types.RuleVolume, reasons[1].RuleID)
	s.Require().Contains(reasons[1].Text, "risk score 80 >= threshold 80")

	// Other uses are not screened.
	pre := s.claim(7, line{"97110", 100, npiA})
	pre.Use = claimstypes.CLAIM_USE_PREAUTHORIZATION
	s.Require().Nil(s.screen(pre))
	has, err := s.k.Screenings.Has(s.f.Ctx, pre.Id)
	s.Require().NoError(err)
	s.Require().False(has)
}

// TestDispute: a dispute always pends and is stored once.
func (s *IntegritySuite) TestDispute() {
	c := s.claim(7, line{"99213", 1, npiA}, line{"99213", 1, npiB})
	s.Require().Nil(s.screen(c))
	var reasons []claimstypes.PendReason
	for i := 0; i < 2; i++ {
		s.Require().NoError(s.f.Exec(func(ctx sdk.Context) (err error) {
			reasons, err = s.k.FlagDispute(ctx, c, "ATT-1")
			return err
		}))
	}
	s.Require().Len(reasons, 1)
	s.Require().Equal(types.RuleDispute, reasons[0].RuleID)
	s.Require().Contains(reasons[0].Text, "the member disputed attestation ATT-1, billed on claim lines 1, 2")
	s.Require().Contains(reasons[0].Text, "risk score 100 >= threshold 50")
	f, err := s.k.Flags.Get(s.f.Ctx, collections.Join(c.Id, types.RuleDispute))
	s.Require().NoError(err)
	s.Require().Equal(npiA, f.RenderingNpi)
	s.Require().Equal([]types.RuleCount{{RuleId: types.RuleDispute, Count: 1}}, s.stats(7).Stats.Flags)

	flagged := 0
	for _, e := range s.f.Ctx.EventManager().Events() {
		if e.Type == "claimchain.integrity.v1.EventClaimFlagged" {
			flagged++
		}
	}
	s.Require().Equal(1, flagged, "one event for the one flag stored")
}

// TestFlagQueries pages through flags by insurer, provider and rule.
func (s *IntegritySuite) TestFlagQueries() {
	for i := 0; i < 3; i++ {
		s.screen(s.claim(7, line{"97110", 100, npiA}))
	}
	s.screen(s.claim(8, line{"97110", 100, npiB}))
	q := s.query()
	res, err := q.FlagsByRule(s.f.Ctx, &types.QueryFlagsByRuleRequest{RuleId: types.RuleDay, Pagination: &query.PageRequest{Limit: 3}})
	s.Require().NoError(err)
	s.Require().Len(res.Flags, 3)
	s.Require().NotEmpty(res.Pagination.NextKey)
	res, err = q.FlagsByRule(s.f.Ctx, &types.QueryFlagsByRuleRequest{RuleId: types.RuleDay, Pagination: &query.PageRequest{Key: res.Pagination.NextKey}})
	s.Require().NoError(err)
	s.Require().Len(res.Flags, 1)
	res, err = q.FlagsByProvider(s.f.Ctx, &types.QueryFlagsByProviderRequest{ProviderId: 8})
	s.Require().NoError(err)
	s.Require().Len(res.Flags, 1)
	s.Require().Equal("CLM-8-1", res.Flags[0].ClaimId)
	res, err = q.FlagsByInsurer(s.f.Ctx, &types.QueryFlagsByInsurerRequest{InsurerId: 1})
	s.Require().NoError(err)
	s.Require().Len(res.Flags, 4)
	res, err = q.FlagsByInsurer(s.f.Ctx, &types.QueryFlagsByInsurerRequest{InsurerId: 2})
	s.Require().NoError(err)
	s.Require().Empty(res.Flags)
	one, err := q.Flag(s.f.Ctx, &types.QueryFlagRequest{ClaimId: "CLM-7-2", RuleId: types.RuleDay})
	s.Require().NoError(err)
	s.Require().Equal("CLM-7-2", one.Flag.ClaimId)
	_, err = q.Flag(s.f.Ctx, &types.QueryFlagRequest{ClaimId: "CLM-7-2", RuleId: types.RuleEM})
	s.Require().Error(err)
	s.Require().Equal([]types.RuleCount{{RuleId: types.RuleDay, Count: 3}}, s.stats(7).Stats.Flags)
}
