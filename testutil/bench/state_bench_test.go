package bench

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/store/v2/cachemulti"
	"github.com/cosmos/cosmos-sdk/store/v2/listenkv"
	"github.com/cosmos/cosmos-sdk/store/v2/rootmulti"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// BenchmarkStateBytes measures the state one claim writes: a visit's
// AttestTreatment + SubmitClaim in a branch whose writes are recorded on their
// way to the committed stores. bytes/claim sums the key and value bytes of
// every key written (a delete counts its key); writes/claim counts the keys.
// TestClaimWriteSet lists them.
func BenchmarkStateBytes(b *testing.B) {
	w := newWorld(b, 1_000, 1_000)
	var size, writes int
	i := 0
	for b.Loop() {
		pairs, _ := w.writeSet(b, i)
		i++
		for _, p := range pairs {
			size += len(p.Key) + len(p.Value)
		}
		writes += len(pairs)
	}
	b.ReportMetric(float64(size)/float64(b.N), "bytes/claim")
	b.ReportMetric(float64(writes)/float64(b.N), "writes/claim")
}

// TestClaimWriteSet logs (go test -v) what two visits of different providers,
// members and dates write, by store and collection: SHARED marks a key both
// write, so every claim of the insurer does (a hot key). It logs the gas of
// the first by descriptor. Every write lands in the claim path's modules.
func TestClaimWriteSet(t *testing.T) {
	w := newWorld(t, 1_000, 1_000)
	first, gas := w.writeSet(t, 0)
	second, _ := w.writeSet(t, 1)
	t.Log(w.describeWrites(first, second))
	t.Logf("gas of the first by descriptor: %v", gas.by)
	for _, p := range append(first, second...) {
		require.Contains(t, []string{"attestation", "claims", "adjudication", "integrity", "settlement"}, p.StoreKey)
	}
}

// writeSet submits visit i in a branch of every store wrapped by a listener
// and returns what the branch writes when it is written, and the gas by descriptor.
func (w *world) writeSet(tb testing.TB, i int) ([]*storetypes.StoreKVPair, *gasLog) {
	outer := w.app.CommitMultiStore().CacheMultiStore()
	l := storetypes.NewMemoryListener()
	stores := map[storetypes.StoreKey]storetypes.CacheWrapper{}
	for _, k := range w.app.CommitMultiStore().(*rootmulti.Store).StoreKeysByName() {
		if _, obj := k.(*storetypes.ObjectStoreKey); obj {
			continue // bank's fee accumulator: the ante handler's, not the msg's
		}
		stores[k] = listenkv.NewStore(outer.GetKVStore(k), k, l)
	}
	inner := cachemulti.NewStore(stores)
	g := &gasLog{GasMeter: storetypes.NewInfiniteGasMeter(), by: map[string]uint64{}}
	ctx := sdk.NewContext(inner, w.header, false, log.NewNopLogger()).WithGasMeter(g)
	att, lines := w.visit(i)
	res, err := w.submit(ctx, att, lines)
	require.NoError(tb, err)
	require.Equal(tb, claimstypes.CLAIM_STATUS_ADJUDICATED, res.Status)
	inner.Write()
	return l.PopStateCache(), g
}

// describeWrites lists a's writes sorted by store, collection and key, marking
// those b writes too.
func (w *world) describeWrites(a, b []*storetypes.StoreKVPair) string {
	schemas := map[string]collections.Schema{
		"attestation": w.app.AttestationKeeper.Schema, "claims": w.app.ClaimsKeeper.Schema,
		"adjudication": w.app.AdjudicationKeeper.Schema, "settlement": w.app.SettlementKeeper.Schema,
		"integrity": w.app.IntegrityKeeper.Schema, "refdata": w.app.RefdataKeeper.Schema,
		"membership": w.app.MembershipKeeper.Schema,
	}
	var rows []string
	total := 0
	for _, p := range a {
		name, rest := p.StoreKey, p.Key
		if s, ok := schemas[p.StoreKey]; ok {
			for _, c := range s.ListCollections() {
				if bytes.HasPrefix(p.Key, c.GetPrefix()) {
					name, rest = p.StoreKey+"/"+c.GetName(), p.Key[len(c.GetPrefix()):]
				}
			}
		}
		shared := ""
		if slices.ContainsFunc(b, func(q *storetypes.StoreKVPair) bool { return q.StoreKey == p.StoreKey && bytes.Equal(q.Key, p.Key) }) {
			shared = "  SHARED"
		}
		op := "set"
		if p.Delete {
			op = "delete"
		}
		total += len(p.Key) + len(p.Value)
		rows = append(rows, fmt.Sprintf("  %-40s %-6s key %3d B, value %5d B  %q%s", name, op, len(p.Key), len(p.Value), rest, shared))
	}
	slices.Sort(rows)
	return fmt.Sprintf("write set of one claim: %d keys, %d bytes\n%s", len(a), total, strings.Join(rows, "\n"))
}
