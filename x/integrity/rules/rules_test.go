package rules_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/integrity/rules"
	"github.com/claimchain/claimchain/x/integrity/types"
)

func TestImpossibleDay(t *testing.T) {
	cases := []struct {
		name string
		uses []rules.DayUse
		flag bool
		want []string
	}{
		{"exactly a day", []rules.DayUse{{NPI: "1", Date: "2025-12-20", Prior: 1380, Claim: 60, Version: 2}}, false, nil},
		{"one minute over", []rules.DayUse{{NPI: "1", Date: "2025-12-20", Prior: 1381, Claim: 60, Version: 2}}, true,
			[]string{"1441 typical minutes on 2025-12-20 (60 on this claim)", "version 2"}},
		{"this claim alone", []rules.DayUse{{NPI: "7", Date: "2025-12-21", Claim: 1500, Version: 1}}, true,
			[]string{"rendering NPI 7 has 1500"}},
		{"second pair only", []rules.DayUse{{NPI: "1", Date: "d1", Claim: 10}, {NPI: "2", Date: "d1", Prior: 1440, Claim: 5, Version: 3}}, true,
			[]string{"rendering NPI 2 has 1445"}},
		{"nothing", nil, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := rules.ImpossibleDay(c.uses)
			require.Equal(t, c.flag, ok)
			if !ok {
				return
			}
			require.Equal(t, types.RuleDay, f.RuleID)
			require.Equal(t, types.PointsDay, f.Points)
			for _, w := range c.want {
				require.Contains(t, f.Evidence, w)
			}
			require.Len(t, f.Figures, 5)
		})
	}
}

func TestEMMix(t *testing.T) {
	cases := []struct {
		name string
		use  rules.EMUse
		flag bool
	}{
		// 9/10 high (9000 bps) vs peers 30/100 (3000 bps): excess 6000 >= 2000.
		{"upcoder", rules.EMUse{NPI: "1", Family: "office-established", Total: 10, High: 9, PeerTotal: 100, PeerHigh: 30, Version: 1}, true},
		{"too few services", rules.EMUse{NPI: "1", Family: "f", Total: 9, High: 9, PeerTotal: 100, PeerHigh: 30}, false},
		{"normal mix", rules.EMUse{NPI: "1", Family: "f", Total: 10, High: 4, PeerTotal: 100, PeerHigh: 30}, false},
		// 5000 vs 3000: exactly the 2000 bps allowed flags (>=).
		{"at the excess", rules.EMUse{NPI: "1", Family: "f", Total: 10, High: 5, PeerTotal: 100, PeerHigh: 30}, true},
		{"just under", rules.EMUse{NPI: "1", Family: "f", Total: 10, High: 5, PeerTotal: 1000, PeerHigh: 301}, false},
		// No peer services before this block: no peer share to compare with.
		{"no peers yet", rules.EMUse{NPI: "1", Family: "f", Total: 10, High: 10}, false},
		{"peers all low", rules.EMUse{NPI: "1", Family: "f", Total: 10, High: 2, PeerTotal: 1}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := rules.EMMix([]rules.EMUse{c.use}, 10, 2000)
			require.Equal(t, c.flag, ok)
			if ok {
				require.Equal(t, types.RuleEM, f.RuleID)
				require.Equal(t, c.use.NPI, f.NPI)
				require.Contains(t, f.Evidence, "bps")
			}
		})
	}
}

func TestVolumeSpike(t *testing.T) {
	cases := []struct {
		name string
		v    rules.Volume
		flag bool
	}{
		{"below the minimum", rules.Volume{Current: 19, Previous: [4]uint64{1, 1, 1, 1}}, false},
		{"spike", rules.Volume{Current: 31, Previous: [4]uint64{10, 10, 10, 10}}, true},
		{"exactly 3x is not more", rules.Volume{Current: 30, Previous: [4]uint64{10, 10, 10, 10}}, false},
		{"steady", rules.Volume{Current: 25, Previous: [4]uint64{20, 25, 22, 24}}, false},
		{"no history below 2x min", rules.Volume{Current: 39}, false},
		{"no history at 2x min", rules.Volume{Current: 40}, true},
		// 3/4 rounds down to a baseline of 0: treated as no history.
		{"baseline rounds to 0", rules.Volume{Current: 39, Previous: [4]uint64{3, 0, 0, 0}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, ok := rules.VolumeSpike(c.v, 20, 30000)
			require.Equal(t, c.flag, ok)
			if ok {
				require.Equal(t, types.RuleVolume, f.RuleID)
				require.Equal(t, types.PointsVolume, f.Points)
			}
		})
	}
}

func TestDisputeAndHelpers(t *testing.T) {
	f := rules.Dispute("ATT-3-1", "1234567893", []uint32{1, 2})
	require.Equal(t, types.PointsDispute, f.Points)
	require.Equal(t, "the member disputed attestation ATT-3-1, billed on claim lines 1, 2", f.Evidence)

	require.Equal(t, uint64(0), rules.ShareBps(5, 0))
	require.Equal(t, uint64(3333), rules.ShareBps(1, 3))
	require.Equal(t, rules.Bucket("CLM-3-1"), rules.Bucket("CLM-3-1"))
	seen := map[uint32]bool{}
	for _, id := range []string{"CLM-3-1", "CLM-3-2", "CLM-3-3", "CLM-3-4", "CLM-3-5", "CLM-3-6", "CLM-3-7", "CLM-3-8"} {
		b := rules.Bucket(id)
		require.Less(t, b, uint32(rules.PeerBuckets))
		seen[b] = true
	}
	require.Greater(t, len(seen), 1, "claims spread over buckets")
	require.Equal(t, int64(0), rules.Week(6*86400))
	require.Equal(t, int64(1), rules.Week(7*86400))
	require.Equal(t, int64(-1), rules.Week(-1))
	require.Equal(t, uint64(90), rules.Score([]types.Flag{{Points: 60}, {Points: 30}}))
	require.True(t, strings.HasSuffix(rules.PendText("x", 90, 50), "; risk score 90 >= threshold 50"))
}
