package app_test

// Determinism in simulation (issue 8, item 4).
//
// TestSimAppStateDeterminism runs the real application (ABCI InitChain,
// FinalizeBlock, Commit on IAVL stores, signed transactions through the ante
// handler) under a seeded pseudo-random claimchain workload (see
// sim_workload_test.go), several times per seed in fresh apps, and requires
// the same app hash and the same tx results hash after every block.
//
// TestSimExportImport exports the state after such a run, imports it into two
// fresh apps, and requires that the imports agree with each other (app hash),
// with the original (every store, key by key, bar documented exceptions) and
// with the first export (a second export is the same), and that the imported
// chain keeps running the workload deterministically.
//
// TestSimSDKAppStateDeterminism (sim_sdk_test.go) does the same with the SDK's
// own simulator: random genesis (its validators admitted as members), random
// SDK operations and claimchain's message factories, then the export and
// import checks on the state it reached.
//
// A short version runs in `go test ./app/...` (and so in `make test`); the long
// one with SIM_LONG=1 (`make test-sim`). SIM_SEEDS (comma-separated),
// SIM_BLOCKS and SIM_RUNS override either.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/log/v2"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// simConfig is how much to simulate.
type simConfig struct {
	seeds  []int64
	runs   int // fresh apps per seed
	blocks int // workload blocks after the setup blocks
	maxTxs int // per block
	// exportSeeds and exportBlocks size TestSimExportImport.
	exportSeeds  []int64
	exportBlocks int
	// sdkSeeds, sdkBlocks and sdkOps size TestSimSDKAppStateDeterminism
	// (operations per block; x/simulation also draws the accounts, up to
	// 2,500, and the validators, up to 299, from the seed).
	sdkSeeds          []int64
	sdkBlocks, sdkOps int
}

// simConfigFromEnv: the short version by default, the long one with
// SIM_LONG=1; SIM_SEEDS (comma-separated), SIM_BLOCKS and SIM_RUNS override
// either, for every test.
func simConfigFromEnv(t testing.TB) simConfig {
	t.Helper()
	cfg := simConfig{
		seeds: []int64{1, 7, 42}, runs: 2, blocks: 20, maxTxs: 8,
		exportSeeds: []int64{11}, exportBlocks: 25,
		sdkSeeds: []int64{7, 42}, sdkBlocks: 10, sdkOps: 25,
	}
	if os.Getenv("SIM_LONG") != "" {
		cfg = simConfig{
			seeds: []int64{1, 2, 7, 42, 99, 2020, 31337, 89182391}, runs: 3, blocks: 200, maxTxs: 12,
			exportSeeds: []int64{11, 12, 13}, exportBlocks: 200,
			sdkSeeds: []int64{1, 7, 42, 2020}, sdkBlocks: 50, sdkOps: 100,
		}
	}
	if s := os.Getenv("SIM_SEEDS"); s != "" {
		cfg.seeds = nil
		for _, f := range strings.Split(s, ",") {
			seed, err := strconv.ParseInt(strings.TrimSpace(f), 10, 64)
			require.NoError(t, err, "SIM_SEEDS")
			cfg.seeds = append(cfg.seeds, seed)
		}
		cfg.exportSeeds, cfg.sdkSeeds = cfg.seeds, cfg.seeds
	}
	if s := os.Getenv("SIM_BLOCKS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "SIM_BLOCKS")
		cfg.blocks, cfg.exportBlocks, cfg.sdkBlocks = n, n, n
	}
	if s := os.Getenv("SIM_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err, "SIM_RUNS")
		cfg.runs = n
	}
	require.GreaterOrEqual(t, cfg.runs, 2, "determinism needs at least two runs per seed")
	return cfg
}

// simGas is every transaction's gas limit (blocks allow 100M: 12 txs fit).
const simGas = 5_000_000

// simStoreNames are the application's stores (app.go mounts these keys).
var simStoreNames = []string{
	authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey, slashingtypes.StoreKey, distrtypes.StoreKey,
	govtypes.StoreKey, upgradetypes.StoreKey, evidencetypes.StoreKey, consensustypes.StoreKey, authzkeeper.StoreKey,
	feegrant.StoreKey, membershiptypes.StoreKey, attestationtypes.StoreKey, claimstypes.StoreKey, adjtypes.StoreKey,
	settlementtypes.StoreKey, refdatatypes.StoreKey, integritytypes.StoreKey,
}

func simNewApp(t testing.TB) *app.App {
	t.Helper()
	app.SetAddressPrefixes()
	return app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()),
		baseapp.SetChainID(apptest.ChainID))
}

// simRun is one chain driven block by block.
type simRun struct {
	t  testing.TB
	a  *app.App
	wl *simWorkload
	// height and time of the next block; lastTime is the time of the last one.
	height         int64
	time, lastTime time.Time
	// appHashes and resultHashes per block, from the first block this run executed.
	appHashes, resultHashes [][]byte
	// proposer of the last block.
	proposer []byte
}

// newSimRun starts a chain from the seed's genesis, executes an empty block 1
// and block 2 (the plans, hold periods, escrows and enrolments, which must all
// succeed).
func newSimRun(t testing.TB, seed int64) *simRun {
	t.Helper()
	a := simNewApp(t)
	w := newSimWorld(t, a.AppCodec(), seed)
	_, err := a.InitChain(&abci.RequestInitChain{
		ChainId: apptest.ChainID, AppStateBytes: w.genesis(t, a), ConsensusParams: simtestutil.DefaultConsensusParams,
		InitialHeight: 1, Time: apptest.GenesisTime,
	})
	require.NoError(t, err)
	r := &simRun{t: t, a: a, wl: newSimWorkload(a, w, seed), height: 1, time: apptest.GenesisTime}
	r.block(nil) // the genesis accounts are readable (to sign with) once block 1 is committed
	setup := r.wl.setup()
	res := r.block(setup)
	for i, tx := range res.TxResults {
		require.Zero(t, tx.Code, "setup tx %d (%s): %s", i, sdk.MsgTypeURL(setup[i].msg), tx.Log)
	}
	return r
}

// votes are the last commit's signatures: every bonded validator, one in ten
// (drawn from the seed) absent, so slashing counts missed blocks. The first
// block of a chain, or of an import, has no last commit. The proposer is the
// most powerful validator (the first by address among equals).
func (r *simRun) votes(ctx sdk.Context) (abci.CommitInfo, []byte) {
	vals, err := r.a.StakingKeeper.GetBondedValidatorsByPower(ctx)
	require.NoError(r.t, err)
	reduction := r.a.StakingKeeper.PowerReduction(ctx)
	var info abci.CommitInfo
	var proposer []byte
	for _, v := range vals {
		cons, err := v.GetConsAddr()
		require.NoError(r.t, err)
		if proposer == nil {
			proposer = cons
		}
		if len(r.appHashes) == 0 {
			continue
		}
		flag := cmtproto.BlockIDFlagCommit
		if r.wl.r.Intn(10) == 0 {
			flag = cmtproto.BlockIDFlagAbsent
		}
		info.Votes = append(info.Votes, abci.VoteInfo{
			Validator: abci.Validator{Address: cons, Power: v.ConsensusPower(reduction)}, BlockIdFlag: flag,
		})
	}
	return info, proposer
}

// firstHeight is the height of the first block this app executed (an
// imported chain starts at its export height).
func (r *simRun) firstHeight() int64 { return r.height - int64(len(r.appHashes)) }

// block signs txs (sequences from the committed state, counted up within the
// block), executes and commits them as the next block, and records results.
func (r *simRun) block(txs []simTx) *abci.ResponseFinalizeBlock {
	t := r.t
	ctx := r.a.NewContext(true)
	seqs := map[string]uint64{}
	raw := make([][]byte, 0, len(txs))
	for _, tx := range txs {
		acc := r.a.AccountKeeper.GetAccount(ctx, tx.signer.addr)
		require.NotNil(t, acc, tx.signer.name)
		key := tx.signer.addr.String()
		seq, ok := seqs[key]
		if !ok {
			seq = acc.GetSequence()
		}
		seqs[key] = seq + 1
		var fee sdk.Coins
		if r.wl.r.Intn(3) != 0 {
			fee = sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1+r.wl.r.Int63n(5_000)))
		}
		signed, err := simtestutil.GenSignedMockTx(r.wl.r, r.a.TxConfig(), []sdk.Msg{tx.msg}, fee, simGas, apptest.ChainID,
			[]uint64{acc.GetAccountNumber()}, []uint64{seq}, tx.signer.priv)
		require.NoError(t, err)
		bz, err := r.a.TxConfig().TxEncoder()(signed)
		require.NoError(t, err)
		raw = append(raw, bz)
	}
	commit, proposer := r.votes(ctx)
	if proposer == nil {
		proposer = r.proposer // an import's first block: the state is not readable before it
	}
	r.proposer = proposer
	res, err := r.a.FinalizeBlock(&abci.RequestFinalizeBlock{
		Height: r.height, Time: r.time, Txs: raw, DecidedLastCommit: commit, ProposerAddress: proposer,
	})
	require.NoError(t, err, "block %d", r.height)
	_, err = r.a.Commit()
	require.NoError(t, err, "commit %d", r.height)
	require.Len(t, res.TxResults, len(txs))

	for i, tx := range res.TxResults {
		r.wl.record(txs[i].msg, tx.Code, tx.Codespace)
		if tx.Code != 0 || txs[i].onOK == nil {
			continue
		}
		var data sdk.TxMsgData
		require.NoError(t, data.Unmarshal(tx.Data))
		require.Len(t, data.MsgResponses, 1)
		txs[i].onOK(data.MsgResponses[0].Value)
	}
	for _, e := range res.Events {
		if strings.HasPrefix(e.Type, "claimchain.") {
			r.wl.events[e.Type]++
		}
	}
	r.appHashes = append(r.appHashes, res.AppHash)
	r.resultHashes = append(r.resultHashes, cmttypes.NewResults(res.TxResults).Hash())
	r.height++
	r.lastTime = r.time
	r.time = r.time.Add(time.Duration(4+r.wl.r.Intn(4)) * time.Second)
	return res
}

// step executes one workload block.
func (r *simRun) step(maxTxs int) {
	r.block(r.wl.block(r.a.NewContext(true), maxTxs))
}

// quiet executes a block without transactions: the fees of the last busy
// block are distributed and nothing new is collected, so the state is ready
// to export.
func (r *simRun) quiet() { r.block(nil) }

// requireSameChain requires runs to agree on every block's app hash and tx
// results hash so far; on a mismatch it reports the first diverging block and
// the keys that differ between the stores of the first run and the other.
func requireSameChain(t testing.TB, runs []*simRun) {
	t.Helper()
	ref := runs[0]
	for i, r := range runs[1:] {
		require.Len(t, r.appHashes, len(ref.appHashes))
		for b := range ref.appHashes {
			h := ref.firstHeight() + int64(b)
			if !bytes.Equal(ref.appHashes[b], r.appHashes[b]) {
				t.Fatalf("run %d: app hash diverges at height %d: %X != %X\nstores of run 1 (A) and run %d (B) now:\n%s",
					i+2, h, r.appHashes[b], ref.appHashes[b], i+2, simDiffStores(ref.a, r.a, simSkipNothing, 20))
			}
			if !bytes.Equal(ref.resultHashes[b], r.resultHashes[b]) {
				t.Fatalf("run %d: tx results (code, data, gas) diverge at height %d: %X != %X", i+2, h, r.resultHashes[b], ref.resultHashes[b])
			}
		}
	}
}

func TestSimAppStateDeterminism(t *testing.T) {
	cfg := simConfigFromEnv(t)
	start := time.Now()
	for _, seed := range cfg.seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			began := time.Now()
			runs := make([]*simRun, cfg.runs)
			for i := range runs {
				runs[i] = newSimRun(t, seed)
			}
			requireSameChain(t, runs)
			for range cfg.blocks {
				for _, r := range runs {
					r.step(cfg.maxTxs)
				}
				requireSameChain(t, runs)
			}
			for _, r := range runs {
				r.quiet()
			}
			requireSameChain(t, runs)
			ref := runs[0]
			simRequireWorkloadRan(t, ref.wl)
			t.Logf("seed %d: %d runs x %d blocks (heights 1-%d) agree; final app hash %X (%s)\n%s",
				seed, cfg.runs, len(ref.appHashes), ref.height-1, ref.appHashes[len(ref.appHashes)-1],
				time.Since(began).Round(time.Millisecond), ref.wl.summary())
		})
	}
	t.Logf("%d seeds x %d runs x %d blocks in %s", len(cfg.seeds), cfg.runs, cfg.blocks+3, time.Since(start).Round(time.Millisecond))
}

// simRequireWorkloadRan keeps the test honest: the workload must have done
// real work (attested, billed, settled), not only failed.
func simRequireWorkloadRan(t testing.TB, wl *simWorkload) {
	t.Helper()
	require.Positive(t, wl.ok(&attestationtypes.MsgAttestTreatment{}), "no attestation succeeded\n%s", wl.summary())
	require.Positive(t, wl.ok(&claimstypes.MsgSubmitClaim{}), "no claim succeeded\n%s", wl.summary())
	require.Positive(t, wl.ok(&settlementtypes.MsgFundEscrow{}), "no escrow funding succeeded\n%s", wl.summary())
}

// simImport starts a fresh app from an export, at its height and at time at
// (the time of the exported chain's last block), and executes one empty block
// proposed by proposer (the exported chain's last proposer, so that
// x/distribution records the same previous proposer).
func simImport(t testing.TB, exported servertypes.ExportedApp, at time.Time, proposer []byte, wl *simWorkload, seed int64) *simRun {
	t.Helper()
	a := simNewApp(t)
	res, err := a.InitChain(&abci.RequestInitChain{
		ChainId: apptest.ChainID, AppStateBytes: exported.AppState, ConsensusParams: &exported.ConsensusParams,
		InitialHeight: exported.Height, Time: at, Validators: simValidatorUpdates(t, exported.Validators),
	})
	require.NoError(t, err)
	require.Len(t, res.Validators, len(exported.Validators))
	r := &simRun{t: t, a: a, wl: wl.clone(a, seed), height: exported.Height, time: at, proposer: proposer}
	r.block(nil)
	return r
}

func TestSimExportImport(t *testing.T) {
	cfg := simConfigFromEnv(t)
	for _, seed := range cfg.exportSeeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			began := time.Now()
			orig := newSimRun(t, seed)
			for range cfg.exportBlocks {
				orig.step(cfg.maxTxs)
			}
			orig.quiet()
			simRequireWorkloadRan(t, orig.wl)

			imports, exported := simRequireExportImport(t, orig, seed+1)

			// The imported chain runs on, deterministically, billing the
			// attestations and claims it imported.
			before := imports[0].wl.ok(&claimstypes.MsgSubmitClaim{}) + imports[0].wl.ok(&attestationtypes.MsgAttestTreatment{})
			for range max(10, cfg.exportBlocks/4) {
				for _, r := range imports {
					r.step(cfg.maxTxs)
				}
				requireSameChain(t, imports)
			}
			after := imports[0].wl.ok(&claimstypes.MsgSubmitClaim{}) + imports[0].wl.ok(&attestationtypes.MsgAttestTreatment{})
			require.Greater(t, after, before, "the imported chain accepts attestations and claims\n%s", imports[0].wl.summary())

			t.Logf("seed %d: %d blocks (final app hash %X), exported at height %d (%d bytes), imported twice (app hash %X at height %d), "+
				"ran %d more blocks on the imports (app hash %X) in %s\n%s",
				seed, len(orig.appHashes), orig.appHashes[len(orig.appHashes)-1], exported.Height, len(exported.AppState),
				imports[0].appHashes[0], exported.Height, len(imports[0].appHashes)-1, imports[0].appHashes[len(imports[0].appHashes)-1],
				time.Since(began).Round(time.Millisecond), orig.wl.summary())
		})
	}
}

// simRequireExportImport exports orig's committed state (which must have no
// collected fees left to distribute: end with a quiet block) and requires
//   - the export to be a valid genesis;
//   - two fresh imports of it (InitChain at the export height, one empty
//     block at the time of orig's last block, proposed by orig's last
//     proposer) to reach the same app hash;
//   - every store of the import to equal orig's, key by key and byte for byte,
//     but for what simImportSkip names;
//   - a second export, from the import, to equal the first.
//
// The app hash of an import cannot equal orig's: IAVL hashes the version at
// which each node was written, and the import writes everything at one height.
func simRequireExportImport(t testing.TB, orig *simRun, importSeed int64) ([]*simRun, servertypes.ExportedApp) {
	t.Helper()
	exported, err := orig.a.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Equal(t, orig.a.LastBlockHeight()+1, exported.Height)
	var genesis map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &genesis))
	check := simNewApp(t)
	require.NoError(t, check.BasicModuleManager.ValidateGenesis(check.AppCodec(), check.TxConfig(), genesis),
		"the export is a valid genesis")

	imports := []*simRun{
		simImport(t, exported, orig.lastTime, orig.proposer, orig.wl, importSeed),
		simImport(t, exported, orig.lastTime, orig.proposer, orig.wl, importSeed),
	}
	requireSameChain(t, imports)

	if diff := simDiffStores(orig.a, imports[0].a, simImportSkip, 20); diff != "" {
		t.Fatalf("stores differ after export and import (original at height %d (A), import at %d (B)):\n%s",
			orig.a.LastBlockHeight(), imports[0].a.LastBlockHeight(), diff)
	}

	again, err := imports[0].a.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	var genesisAgain map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(again.AppState, &genesisAgain))
	require.Equal(t, simSortedKeys(genesis), simSortedKeys(genesisAgain))
	for _, name := range simSortedKeys(genesis) {
		require.JSONEq(t, string(genesis[name]), string(genesisAgain[name]), "a second export differs in module %s", name)
	}
	require.ElementsMatch(t, exported.Validators, again.Validators)
	return imports, exported
}

// simValidatorUpdates is the validator set CometBFT sends to InitChain for an
// exported genesis (baseapp checks it against x/staking's).
func simValidatorUpdates(t testing.TB, exported []cmttypes.GenesisValidator) []abci.ValidatorUpdate {
	t.Helper()
	out := make([]abci.ValidatorUpdate, 0, len(exported))
	for _, v := range exported {
		pk, err := cryptoenc.PubKeyToProto(v.PubKey)
		require.NoError(t, err)
		out = append(out, abci.ValidatorUpdate{PubKey: pk, Power: v.Power})
	}
	return out
}

func simSortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// simImportSkip reports the entries an export does not carry (everything
// else must match key for key and byte for byte). All are the SDK's:
//   - x/staking's HistoricalInfo (0x50): one header per block, an import only
//     has those of its own blocks;
//   - x/staking's unbonding-id counter, index and type (0x37, 0x38, 0x39):
//     ExportGenesis does not write them (the validators and unbonding entries,
//     with their ids, are exported and match); they only serve the
//     UnbondingCanComplete hooks of interchain security, which claimchain has
//     none of;
//   - x/authz's grant queue (0x02) entries with an empty value: x/authz
//     empties, but does not delete, the queue entry of a grant that was
//     revoked or used up; the entry disappears when its expiry comes.
//
// And one of claimchain's: x/settlement's payment cursor when it is 0, which
// reads the same as no cursor (the export does not carry the cursor; a
// non-zero one, left when MaxPaymentsPerBlock cut a payment run short, is
// lost on export and still fails this check).
func simImportSkip(store string, key, value []byte) bool {
	switch store {
	case settlementtypes.StoreKey:
		return bytes.Equal(key, settlementtypes.CursorKey) && bytes.Equal(value, make([]byte, 8))
	case stakingtypes.StoreKey:
		return bytes.HasPrefix(key, stakingtypes.HistoricalInfoKey) || bytes.HasPrefix(key, stakingtypes.UnbondingIDKey) ||
			bytes.HasPrefix(key, stakingtypes.UnbondingIndexKey) || bytes.HasPrefix(key, stakingtypes.UnbondingTypeKey)
	case authzkeeper.StoreKey:
		return bytes.HasPrefix(key, authzkeeper.GrantQueuePrefix) && len(value) == 0
	}
	return false
}

// simSkipNothing compares every entry.
func simSkipNothing(string, []byte, []byte) bool { return false }

func simDiffStores(a, b *app.App, skip func(store string, key, value []byte) bool, limit int) string {
	ctxA, ctxB := a.NewContext(true), b.NewContext(true)
	var out strings.Builder
	for _, name := range simStoreNames {
		ka, kb := a.GetKey(name), b.GetKey(name)
		if ka == nil || kb == nil {
			fmt.Fprintf(&out, "store %s: not mounted\n", name)
			continue
		}
		onlyA, onlyB, changed := simDiffKV(ctxA.KVStore(ka), ctxB.KVStore(kb), func(k, v []byte) bool { return skip(name, k, v) })
		if len(onlyA)+len(onlyB)+len(changed) == 0 {
			continue
		}
		fmt.Fprintf(&out, "store %s: %d keys only in A, %d only in B, %d with other values (by key prefix: %s)\n",
			name, len(onlyA), len(onlyB), len(changed), simPrefixCounts(onlyA, onlyB, changed))
		for i, k := range onlyA {
			if i == limit {
				break
			}
			fmt.Fprintf(&out, "  only A  %s (%d-byte value)\n", simKeyText(k), len(ctxA.KVStore(ka).Get(k)))
		}
		for i, k := range onlyB {
			if i == limit {
				break
			}
			fmt.Fprintf(&out, "  only B  %s (%d-byte value)\n", simKeyText(k), len(ctxB.KVStore(kb).Get(k)))
		}
		for i, k := range changed {
			if i == limit {
				break
			}
			fmt.Fprintf(&out, "  changed %s\n", simKeyText(k))
		}
	}
	return out.String()
}

// simPrefixCounts counts differing keys by their first byte (a collection's prefix).
func simPrefixCounts(lists ...[][]byte) string {
	counts := map[byte][3]int{}
	for i, l := range lists {
		for _, k := range l {
			c := counts[k[0]]
			c[i]++
			counts[k[0]] = c
		}
	}
	var parts []string
	for _, p := range slices.Sorted(maps.Keys(counts)) {
		c := counts[p]
		parts = append(parts, fmt.Sprintf("0x%02x: %d/%d/%d", p, c[0], c[1], c[2]))
	}
	return strings.Join(parts, ", ")
}

func simKeyText(k []byte) string {
	printable := true
	for _, c := range k[1:] {
		if c < 0x20 || c > 0x7e {
			printable = false
			break
		}
	}
	if printable && len(k) > 1 {
		return fmt.Sprintf("%02x|%q", k[0], k[1:])
	}
	return hex.EncodeToString(k)
}

// simDiffKV merges two sorted iterations.
func simDiffKV(a, b storetypes.KVStore, skipped func(key, value []byte) bool) (onlyA, onlyB, changed [][]byte) {
	ia, ib := a.Iterator(nil, nil), b.Iterator(nil, nil)
	defer func() { _ = ia.Close() }()
	defer func() { _ = ib.Close() }()
	for ia.Valid() || ib.Valid() {
		switch {
		case ia.Valid() && skipped(ia.Key(), ia.Value()):
			ia.Next()
		case ib.Valid() && skipped(ib.Key(), ib.Value()):
			ib.Next()
		case !ib.Valid() || (ia.Valid() && bytes.Compare(ia.Key(), ib.Key()) < 0):
			onlyA = append(onlyA, bytes.Clone(ia.Key()))
			ia.Next()
		case !ia.Valid() || bytes.Compare(ia.Key(), ib.Key()) > 0:
			onlyB = append(onlyB, bytes.Clone(ib.Key()))
			ib.Next()
		default:
			if !bytes.Equal(ia.Value(), ib.Value()) {
				changed = append(changed, bytes.Clone(ia.Key()))
			}
			ia.Next()
			ib.Next()
		}
	}
	return onlyA, onlyB, changed
}
