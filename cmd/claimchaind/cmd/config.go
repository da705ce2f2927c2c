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
// never accepts free transactions, and the events it indexes.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = app.DefaultMinGasPrices
	cfg.IndexEvents = IndexedEvents
	return serverconfig.DefaultConfigTemplate, cfg
}
