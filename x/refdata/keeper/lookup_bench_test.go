package keeper_test

import (
	"fmt"
	"math/rand"
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	"github.com/cosmos/cosmos-sdk/testutil"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/refdata/keeper"
	"github.com/claimchain/claimchain/x/refdata/types"
)

// ptpTable is a committed IAVL store holding one active PTP version of n rows.
type ptpTable struct {
	ctx   sdk.Context
	k     *keeper.Keeper
	pairs []types.PtpRow // one row per pair, to look up
}

// newPTPTable writes n PTP rows straight into the keeper's pairs (as staging
// would, without the msgs), activates the version and commits, so
// lookups read a real IAVL tree of n rows. Every tenth pair has two windows.
func newPTPTable(b *testing.B, n int) ptpTable {
	b.Helper()
	key := storetypes.NewKVStoreKey(types.StoreKey)
	tc := testutil.DefaultContextWithDB(b, key, storetypes.NewTransientStoreKey("transient_refdata"))
	k := keeper.NewKeeper(codec.NewProtoCodec(codectypes.NewInterfaceRegistry()), runtime.NewKVStoreService(key), "gov")
	ctx := tc.Ctx
	require.NoError(b, k.Params.Set(ctx, types.DefaultParams()))

	t := ptpTable{k: k}
	for p, rows := 0, 0; rows < n; p++ {
		c1, c2 := fmt.Sprintf("%05d", 10000+p/50), fmt.Sprintf("%05d", 60000+p%50)
		if p%10 == 0 && rows+2 <= n {
			old := types.PtpRow{Column1: c1, Column2: c2, EffectiveDate: "2010-01-01", DeletionDate: "2016-01-01"}
			require.NoError(b, k.SetPtpRow(ctx, 1, old))
			rows++
		}
		row := types.PtpRow{Column1: c1, Column2: c2, EffectiveDate: "2018-01-01", ModifierIndicator: 1}
		require.NoError(b, k.SetPtpRow(ctx, 1, row))
		rows++
		t.pairs = append(t.pairs, row)
	}
	require.NoError(b, k.Versions.Set(ctx, collections.Join(int32(types.TABLE_KIND_PTP), uint32(1)), types.TableVersion{
		Kind: types.TABLE_KIND_PTP, Version: 1, Status: types.VERSION_STATUS_ACTIVE, Source: "synthetic",
		Chunks: uint32((n + 1999) / 2000), Rows: uint64(n), ContentHash: types.EmptyHash, AppliesFrom: "2000-01-01",
	}))
	require.NoError(b, k.InForce.Set(ctx, int32(types.TABLE_KIND_PTP), types.InForce{
		Entries: []types.InForceEntry{{Version: 1, AppliesFrom: "2000-01-01"}},
	}))
	tc.CMS.Commit()
	t.ctx = ctx
	return t
}

// BenchmarkPTPLookup times one PTP lookup at a random existing pair, in a fresh
// branch of the committed store as a tx would, at 1,000 and 700,000 rows (the
// practitioner PTP table is ~475k–675k rows). Run it with
//
//	go test -run xxx -bench BenchmarkPTPLookup -benchtime 20000x ./x/refdata/keeper/
//
// gas/op is the store gas one lookup costs: it must not depend on the table size.
func BenchmarkPTPLookup(b *testing.B) {
	for _, n := range []int{1_000, 700_000} {
		table := newPTPTable(b, n) // built once per size, outside the timed sub-benchmark
		rng := rand.New(rand.NewSource(int64(n)))
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) {
			picks := make([]types.PtpRow, 4096)
			for i := range picks {
				picks[i] = table.pairs[rng.Intn(len(table.pairs))]
			}
			var gas uint64
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				want := picks[i%len(picks)]
				ctx, _ := table.ctx.CacheContext()
				ctx = ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
				version, row, found, err := table.k.PTP(ctx, want.Column1, want.Column2, "2026-03-02")
				if err != nil || !found || version != 1 || row.ModifierIndicator != 1 {
					b.Fatalf("lookup %s/%s: version %d found %v err %v", want.Column1, want.Column2, version, found, err)
				}
				gas += ctx.GasMeter().GasConsumed()
			}
			b.ReportMetric(float64(gas)/float64(b.N), "gas/op")
		})
	}
}
