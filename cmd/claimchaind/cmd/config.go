package cmd

import (
	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/claimchain/claimchain/app"
)

// initCometBFTConfig is CometBFT's default; init sets the block time.
func initCometBFTConfig() *cmtcfg.Config {
	return cmtcfg.DefaultConfig()
}

// IndexedEvents are the event attributes a fresh node indexes for tx search
// (the tx hash and height always are): who sent what, and the claims and
// attestations a tx created. Indexing every attribute of every typed event (the
// SDK default) keeps the node's database compacting under claim load (leveldb
// compaction was a quarter of the node's CPU) and nearly doubled the tx index
// (54 MB against 30 MB after one load run); nothing queries those attributes.
// Operators serving analysts can widen the list in app.toml.
var IndexedEvents = []string{
	"message.action", "message.sender",
	"claimchain.claims.v1.EventClaimSubmitted.id",
	"claimchain.attestation.v1.EventTreatmentAttested.id",
}

// initAppConfig writes a minimum gas price in the fee denom, so a fresh node
// never accepts free transactions, the events it indexes, and IAVL without its
// "fast node" index. The fast node index is a second copy of every live key
// and value, written beside the tree on every commit to speed up reads and
// iteration; under claim load it doubled the commit's writes (IAVL commit
// 2.0 s against 1.1 s of a 20 s profile) and the database compactions, while
// reads through the tree's node cache were no slower. The app hash does not
// depend on it; a node serving heavy queries can turn it back on.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = app.DefaultMinGasPrices
	cfg.IndexEvents = IndexedEvents
	cfg.IAVLDisableFastNode = true
	return serverconfig.DefaultConfigTemplate, cfg
}
