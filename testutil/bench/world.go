package bench

import (
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"github.com/stretchr/testify/require"

	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

const (
	claimsPerMember   = 10
	claimsPerProvider = 1_000
	claimsPerBlock    = 100
	// batchClaims stored claims are written between commits, so IAVL flushes.
	batchClaims = 50_000
)

// provider is an admitted provider: its operator, member id and NPI (also
// the rendering NPI of its lines).
type provider struct {
	op  apptest.Account
	id  uint64
	npi string
}

// world is a committed app state: providers, members enrolled in the gold
// plan, reference tables and stored claims with their indexes, history lines,
// accumulators and counters. Benchmarks run each op in a fresh branch of it,
// as a tx would.
type world struct {
	tb        testing.TB
	app       *app.App
	db        dbm.DB
	providers []provider
	members   []string // sorted pseudonyms, each enrolled in the gold plan
	claims    int      // stored claims
	ptpRows   int
	ptpPairs  int // next PTP pair to write
	plan      *adjtypes.PlanVersion
	header    cmtproto.Header // of the block the benchmarks run in
	attSrv    attestationtypes.MsgServer
	claimSrv  claimstypes.MsgServer
}

// newWorld admits providers, publishes the gold plan, loads the reference
// tables (ptp PTP rows), stores claims and commits.
func newWorld(tb testing.TB, claims, ptp int) *world {
	tb.Helper()
	start := time.Now()
	f, db := onDisk(tb, apptest.Setup(tb))
	w := &world{
		tb: tb, app: f.App, db: db,
		header:   cmtproto.Header{ChainID: apptest.ChainID, Height: int64(3 + claims/claimsPerBlock), Time: apptest.GenesisTime.Add(time.Hour)},
		attSrv:   attestationkeeper.NewMsgServerImpl(f.App.AttestationKeeper),
		claimSrv: claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper),
	}
	for i := range max(10, claims/claimsPerProvider) {
		npi := npiOf(2_000_000 + 7919*i)
		op, id := f.AdmitProvider(fmt.Sprintf("Clinic %d", i), npi)
		w.providers = append(w.providers, provider{op: op, id: id, npi: npi})
	}
	f.PublishGoldPlan()
	loadReference(f)
	plan, err := f.App.AdjudicationKeeper.VersionInForce(f.Ctx, apptest.GoldPlanID, "2025-06-01")
	require.NoError(tb, err)
	require.NotNil(tb, plan)
	w.plan = plan
	// Persist the fixture's block, then write in bulk straight into the stores.
	f.Ctx.MultiStore().(storetypes.CacheMultiStore).Write()
	w.app.CommitMultiStore().Commit()
	gc := debug.SetGCPercent(-1) // collect only near the limit while building: the heap is mostly garbage
	limit := debug.SetMemoryLimit(4 << 30)
	w.storeClaims(claims)
	w.growPTP(ptp)
	debug.SetGCPercent(gc)
	debug.SetMemoryLimit(limit)
	// Free the build's garbage now: at 1e6 claims it is gigabytes, and the
	// collector would otherwise sweep it during the first measured ops
	// (cpu-ns/op twice ns/op at claims=1e6/ptp=1k).
	runtime.GC()
	debug.FreeOSMemory()
	tb.Logf("world of %d claims, %d members, %d providers, %d PTP rows: built in %s",
		claims, len(w.members), len(w.providers), ptp, time.Since(start).Round(time.Millisecond))
	return w
}

// bulkCtx writes into a branch of the stores; flush writes the branch (each
// store's keys in order, so IAVL inserts along neighbouring paths) and commits.
func (w *world) bulkCtx() (sdk.Context, func()) {
	cms := w.app.CommitMultiStore()
	branch := cms.CacheMultiStore()
	ctx := sdk.NewContext(branch, w.header, false, log.NewNopLogger())
	return ctx, func() {
		branch.Write()
		cms.Commit()
	}
}

// branch is a fresh branch of the committed state in the benchmarks' block, as a tx gets.
func (w *world) branch() sdk.Context {
	return sdk.NewContext(w.app.CommitMultiStore().CacheMultiStore(), w.header, false, log.NewNopLogger()).
		WithGasMeter(storetypes.NewInfiniteGasMeter())
}

// submit attests lines and bills them on one claim in ctx, returning the claim response.
func (w *world) submit(ctx sdk.Context, att *attestationtypes.MsgAttestTreatment, lines []line) (*claimstypes.MsgSubmitClaimResponse, error) {
	a, err := w.attSrv.AttestTreatment(ctx, att)
	if err != nil {
		return nil, err
	}
	return w.claimSrv.SubmitClaim(ctx, claimMsg(att, a.Id, lines))
}

// visit is the i-th claim of the normal workload: a member's visit to a
// provider on a day none of the member's stored claims uses (so no duplicate).
func (w *world) visit(i int) (*attestationtypes.MsgAttestTreatment, []line) {
	mi := (i * 7919) % len(w.members)
	p := w.providers[(i*104729)%len(w.providers)]
	lines := visits[i%len(visits)]
	date := serviceDate(memberDay(mi, i%claimsPerMember) + 16)
	return attestMsg(p.op, w.members[mi], date, p.npi, lines, diagnoses[:1]), lines
}

// memberDay is the day (from serviceStart) of a member's k-th stored claim:
// 33 days apart, so day+16 is never one of them.
func memberDay(mi, k int) int { return (mi*7 + 33*k) % 330 }

// loadReference loads small tables through the refdata msgs, in force from
// 2025-01-01: MUE, add-on, age/sex, OIG exclusions, typical minutes and E/M
// levels for the workload's codes.
func loadReference(f *apptest.Fixture) {
	codes := map[string]bool{}
	for _, v := range visits {
		for _, l := range v {
			codes[l.code] = true
		}
	}
	var mue []refdatatypes.MueRow
	var minutes []refdatatypes.TypicalMinutesRow
	for _, l := range longClaim {
		codes[l.code] = true
	}
	for c := range codes {
		mue = append(mue, refdatatypes.MueRow{Code: c, Units: 4, AdjudicationIndicator: 3})
		minutes = append(minutes, refdatatypes.TypicalMinutesRow{Code: c, Minutes: 15})
	}
	var excluded []refdatatypes.ExclusionRow
	for i := range 1000 {
		excluded = append(excluded, refdatatypes.ExclusionRow{Npi: npiOf(5_000_000 + 13*i), ExclusionDate: "2019-06-01"})
	}
	tables := []struct {
		kind refdatatypes.TableKind
		rows refdatatypes.ChunkRows
	}{
		{refdatatypes.TABLE_KIND_MUE, refdatatypes.ChunkRows{Mue: mue}},
		{refdatatypes.TABLE_KIND_ADD_ON, refdatatypes.ChunkRows{AddOn: []refdatatypes.AddOnRow{{AddOnCode: "88185", PrimaryCodes: []string{"88184"}, Type: 1}}}},
		{refdatatypes.TABLE_KIND_AGE_SEX, refdatatypes.ChunkRows{AgeSex: []refdatatypes.AgeSexRow{{Code: "99381", MinAge: 0, MaxAge: 1}}}},
		{refdatatypes.TABLE_KIND_EXCLUSION, refdatatypes.ChunkRows{Exclusion: excluded}},
		{refdatatypes.TABLE_KIND_TYPICAL_MINUTES, refdatatypes.ChunkRows{TypicalMinutes: minutes}},
		{refdatatypes.TABLE_KIND_EM_LEVEL, refdatatypes.ChunkRows{EmLevel: []refdatatypes.EmLevelRow{
			{Code: "99212", Family: "office-established", Level: 2}, {Code: "99213", Family: "office-established", Level: 3},
			{Code: "99214", Family: "office-established", Level: 4}, {Code: "99215", Family: "office-established", Level: 5},
		}}},
	}
	for _, t := range tables {
		f.LoadReference(t.kind, 1, "2025-01-01", t.rows)
	}
}

// growPTP adds PTP rows to version 1 of the PTP table until it holds n, as
// x/refdata/keeper/lookup_bench_test.go does: pairs of synthetic codes, every
// tenth with an older deleted window too; it activates the version (record
// and in-force index) and commits.
func (w *world) growPTP(n int) {
	w.tb.Helper()
	if n <= w.ptpRows {
		return
	}
	ctx, flush := w.bulkCtx()
	k := w.app.RefdataKeeper
	rows, p := w.ptpRows, w.ptpPairs
	for ; rows < n; p++ {
		c1, c2 := fmt.Sprintf("%05d", 10000+p/50), fmt.Sprintf("%05d", 60000+p%50)
		if p%10 == 0 && rows+2 <= n {
			old := refdatatypes.PtpRow{Column1: c1, Column2: c2, EffectiveDate: "2010-01-01", DeletionDate: "2016-01-01"}
			require.NoError(w.tb, k.SetPtpRow(ctx, 1, old))
			rows++
		}
		row := refdatatypes.PtpRow{Column1: c1, Column2: c2, EffectiveDate: "2018-01-01", ModifierIndicator: 1}
		require.NoError(w.tb, k.SetPtpRow(ctx, 1, row))
		rows++
	}
	kind := int32(refdatatypes.TABLE_KIND_PTP)
	require.NoError(w.tb, k.Versions.Set(ctx, collections.Join(kind, uint32(1)), refdatatypes.TableVersion{
		Kind: refdatatypes.TABLE_KIND_PTP, Version: 1, Status: refdatatypes.VERSION_STATUS_ACTIVE, Source: "synthetic",
		Chunks: uint32((rows + 1999) / 2000), Rows: uint64(rows), ContentHash: refdatatypes.EmptyHash, AppliesFrom: "2000-01-01",
	}))
	require.NoError(w.tb, k.InForce.Set(ctx, kind, refdatatypes.InForce{Entries: []refdatatypes.InForceEntry{{Version: 1, AppliesFrom: "2000-01-01"}}}))
	w.ptpRows, w.ptpPairs = rows, p
	flush()
	settle(w.tb, w.db)
}

// sizes reads a comma-separated list of counts from env, or def.
func sizes(tb testing.TB, env, def string) []int {
	tb.Helper()
	s := os.Getenv(env)
	if s == "" {
		s = def
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		require.NoError(tb, err, "%s=%q", env, s)
		out = append(out, n)
	}
	return out
}
