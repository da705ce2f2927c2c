package keeper_test

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/suite"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/keeper"
	"github.com/claimchain/claimchain/x/integrity/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

const (
	member = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
	dos    = "2025-12-20"
	npiA   = "1234567893"
	npiB   = "1245319599"
)

type IntegritySuite struct {
	suite.Suite
	f        *apptest.Fixture
	k        *keeper.Keeper
	clinic   apptest.Account
	clinicID uint64
	seq      map[uint64]int
}

func TestIntegritySuite(t *testing.T) { suite.Run(t, new(IntegritySuite)) }

// SetupTest loads version 1 of the typical-minutes table (97110: 15 minutes a
// unit, 99213: 20, 99215: 40) and of the E/M table (office-established 99212
// to 99215 at levels 2 to 5), in force from 2025-01-01.
func (s *IntegritySuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.IntegrityKeeper
	s.clinic, s.clinicID = s.f.AdmitProvider("Riverside Family Clinic", npiA)
	s.seq = map[uint64]int{}
	s.f.LoadReference(refdatatypes.TABLE_KIND_TYPICAL_MINUTES, 1, "2025-01-01", refdatatypes.ChunkRows{
		TypicalMinutes: []refdatatypes.TypicalMinutesRow{{Code: "97110", Minutes: 15}, {Code: "99213", Minutes: 20}, {Code: "99215", Minutes: 40}},
	})
	s.f.LoadReference(refdatatypes.TABLE_KIND_EM_LEVEL, 1, "2025-01-01", refdatatypes.ChunkRows{
		EmLevel: []refdatatypes.EmLevelRow{
			{Code: "99212", Family: "office-established", Level: 2}, {Code: "99213", Family: "office-established", Level: 3},
			{Code: "99214", Family: "office-established", Level: 4}, {Code: "99215", Family: "office-established", Level: 5},
		},
	})
}

// line is a billed line: code, units, rendering NPI, on dos.
type line struct {
	code  string
	units uint32
	npi   string
}

// claim builds a claim for care given by provider, billed to insurer 1.
func (s *IntegritySuite) claim(provider uint64, lines ...line) claimstypes.Claim {
	s.seq[provider]++
	c := claimstypes.Claim{
		Id: fmt.Sprintf("CLM-%d-%d", provider, s.seq[provider]), ProviderId: provider, InsurerId: 1,
		Use: claimstypes.CLAIM_USE_CLAIM, Member: member, Status: claimstypes.CLAIM_STATUS_ADJUDICATED,
		TotalBilled: sdk.NewCoin("usd", math.ZeroInt()),
	}
	for i, l := range lines {
		billed := sdk.NewCoin("usd", math.NewInt(10_000))
		c.Lines = append(c.Lines, claimstypes.ClaimLine{Sequence: uint32(i + 1), AttestationId: "ATT-1", AttestationLine: uint32(i + 1),
			Code: l.code, Units: l.units, ServiceDate: dos, RenderingNpi: l.npi, Billed: billed})
		c.TotalBilled = c.TotalBilled.Add(billed)
	}
	return c
}

// screen runs ScreenClaim as the claims module would, in a tx.
func (s *IntegritySuite) screen(c claimstypes.Claim) []claimstypes.PendReason {
	var out []claimstypes.PendReason
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) (err error) {
		out, err = s.k.ScreenClaim(ctx, c, claimstypes.DecisionSummary{}) // no line denied
		return err
	}))
	return out
}

func (s *IntegritySuite) changed(c claimstypes.Claim) {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error { return s.k.ClaimChanged(ctx, c, nil) }))
}

func (s *IntegritySuite) hasFlag(claimID, rule string) bool {
	has, err := s.k.Flags.Has(s.f.Ctx, collections.Join(claimID, rule))
	s.Require().NoError(err)
	return has
}

// nextBlock ends the block (the EndBlockers run: integrity folds the peer
// E/M totals) and starts the next one a second later.
func (s *IntegritySuite) nextBlock() {
	s.f.EndBlock()
	s.f.AdvanceTime(time.Second)
}

// changedBuckets lists the peer E/M buckets marked changed in this block.
func (s *IntegritySuite) changedBuckets() []keeper.PeerBucketKey {
	var out []keeper.PeerBucketKey
	s.Require().NoError(s.k.PeerEmChanged.Walk(s.f.Ctx, nil, func(key keeper.PeerBucketKey) (bool, error) {
		out = append(out, key)
		return false, nil
	}))
	return out
}

// requireTotalsAreBucketSums checks, between blocks, that every peer E/M
// total is the sum of its buckets and that no non-empty family lacks one.
func (s *IntegritySuite) requireTotalsAreBucketSums() {
	var sums []types.PeerEmTotal
	s.Require().NoError(s.k.PeerEmCounters.Walk(s.f.Ctx, nil, func(key keeper.PeerBucketKey, c types.PeerEmCounter) (bool, error) {
		if n := len(sums); n > 0 && sums[n-1].InsurerId == key.K1() && sums[n-1].Family == key.K2() {
			sums[n-1].Total += c.Total
			sums[n-1].High += c.High
		} else {
			sums = append(sums, types.PeerEmTotal{InsurerId: key.K1(), Family: key.K2(), Total: c.Total, High: c.High})
		}
		return false, nil
	}))
	var totals []types.PeerEmTotal
	s.Require().NoError(s.k.PeerEmTotals.Walk(s.f.Ctx, nil, func(_ collections.Pair[uint64, string], t types.PeerEmTotal) (bool, error) {
		totals = append(totals, t)
		return false, nil
	}))
	s.Require().Equal(sums, totals)
}

func (s *IntegritySuite) query() types.QueryServer { return keeper.NewQueryServerImpl(s.k) }

func (s *IntegritySuite) stats(provider uint64) *types.QueryProviderStatsResponse {
	res, err := s.query().ProviderStats(s.f.Ctx, &types.QueryProviderStatsRequest{ProviderId: provider})
	s.Require().NoError(err)
	return res
}

func (s *IntegritySuite) setThresholds(signer apptest.Account, pend, emMin, emExcess, volMin, volFactor uint32) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := keeper.NewMsgServerImpl(s.k).SetThresholds(ctx, &types.MsgSetThresholds{Insurer: signer.String(),
			PendScore: pend, EmMinServices: emMin, EmExcessBps: emExcess, VolumeMinClaims: volMin, VolumeFactorBps: volFactor})
		return err
	})
}

// TestGenesisRoundTrip exports after screening and imports the same state again.
func (s *IntegritySuite) TestGenesisRoundTrip() {
	s.Require().NoError(s.setThresholds(s.f.Validator, 40, 5, 1000, 10, 20000))
	s.screen(s.claim(7, line{"97110", 100, npiA}, line{"99215", 1, npiB}))
	c := s.claim(7, line{"99213", 1, npiA})
	s.screen(c)
	c.Status = claimstypes.CLAIM_STATUS_VOIDED
	s.changed(c)
	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	s.Require().Len(gs.Thresholds, 1)
	s.Require().Len(gs.Flags, 2) // R-FLAG-DAY on both claims: 1500, then 1520 minutes
	s.Require().Len(gs.Screenings, 2)
	s.Require().NotEmpty(gs.DayTotals)
	s.Require().NotEmpty(gs.EmCounters)
	s.Require().NotEmpty(gs.PeerEmCounters)
	s.Require().NotEmpty(gs.WeekCounts)
	s.Require().Len(gs.Contributions, 1)

	fresh := apptest.Setup(s.T())
	s.Require().NoError(fresh.App.IntegrityKeeper.InitGenesis(fresh.Ctx, gs))
	again, err := fresh.App.IntegrityKeeper.ExportGenesis(fresh.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs, again)

	// The peer E/M totals are not exported: the import computes them from
	// the buckets, as the original's EndBlocker does at the end of the block.
	s.nextBlock()
	s.requireTotalsAreBucketSums()
	var want, got []types.PeerEmTotal
	s.Require().NoError(s.k.PeerEmTotals.Walk(s.f.Ctx, nil, func(_ collections.Pair[uint64, string], t types.PeerEmTotal) (bool, error) {
		want = append(want, t)
		return false, nil
	}))
	s.Require().NoError(fresh.App.IntegrityKeeper.PeerEmTotals.Walk(fresh.Ctx, nil, func(_ collections.Pair[uint64, string], t types.PeerEmTotal) (bool, error) {
		got = append(got, t)
		return false, nil
	}))
	s.Require().NotEmpty(want)
	s.Require().Equal(want, got)

	dup := *gs
	dup.Flags = append(dup.Flags, gs.Flags[0])
	s.Require().ErrorIs(dup.Validate(), types.ErrInvalidGenesis)
}
