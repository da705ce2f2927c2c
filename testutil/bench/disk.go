package bench

import (
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/log/v2"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	store "github.com/cosmos/cosmos-sdk/store/v2"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
)

// dbBackend is the database of the benchmarks' apps.
var dbBackend = dbm.GoLevelDBBackend

// onDisk restarts the fixture's chain, from its export, on a database in a
// temporary directory, as a node keeps state. apptest's memdb would hold a
// million stored claims in the Go heap (~9 kB each with IAVL's nodes and
// fast nodes): more memory than the machine has, and garbage collection
// that grows with state, which a node does not have.
func onDisk(tb testing.TB, f *apptest.Fixture) (*apptest.Fixture, dbm.DB) {
	tb.Helper()
	exp, err := f.App.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(tb, err)
	db, err := app.OpenDB(tb.TempDir(), dbBackend) // the node's database settings
	require.NoError(tb, err)
	tb.Cleanup(func() { _ = db.Close() })
	// The store settings a node runs with (the app.toml that claimchaind init
	// writes): the inter-block cache, IAVL's node cache, no fast-node index.
	a := app.New(log.NewNopLogger(), db, true, simtestutil.NewAppOptionsWithFlagHome(tb.TempDir()), baseapp.SetChainID(apptest.ChainID),
		baseapp.SetInterBlockCache(store.NewCommitKVStoreCacheManager()), baseapp.SetIAVLCacheSize(781250),
		baseapp.SetIAVLDisableFastNode(true))
	var vals []abci.ValidatorUpdate
	for _, v := range exp.Validators {
		pk, err := cryptoenc.PubKeyToProto(v.PubKey)
		require.NoError(tb, err)
		vals = append(vals, abci.ValidatorUpdate{PubKey: pk, Power: v.Power})
	}
	t := apptest.GenesisTime
	_, err = a.InitChain(&abci.RequestInitChain{ChainId: apptest.ChainID, AppStateBytes: exp.AppState,
		ConsensusParams: &exp.ConsensusParams, InitialHeight: exp.Height, Time: t, Validators: vals})
	require.NoError(tb, err)
	_, err = a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: exp.Height, Time: t})
	require.NoError(tb, err)
	_, err = a.Commit()
	require.NoError(tb, err)
	return &apptest.Fixture{T: tb, App: a, Validator: f.Validator, Gov: f.Gov, Bond: f.Bond,
		Ctx: a.NewNextBlockContext(cmtproto.Header{Height: exp.Height + 1, Time: t.Add(time.Second), ChainID: apptest.ChainID})}, db
}

// compacter is a database that can compact a key range now (cosmos-db's goleveldb).
type compacter interface {
	ForceCompact(start, limit []byte) error
}

// settle compacts the whole database and then waits until its statistics
// stay still for a second, as on a node at rest, so that measurements do not
// share the CPU with the compactions of the bulk build. Waiting alone was not
// enough: a long compaction updates the statistics only when it ends, and at
// 1e6 claims it ran on into the measured ops (cpu-ns/op 1.7× ns/op).
func settle(tb testing.TB, db dbm.DB) {
	tb.Helper()
	if c, ok := db.(compacter); ok {
		require.NoError(tb, c.ForceCompact(nil, nil))
	}
	last := ""
	for still := 0; still < 4; {
		time.Sleep(250 * time.Millisecond)
		if s := fmt.Sprint(db.Stats()); s == last {
			still++
		} else {
			still, last = 0, s
		}
	}
}
