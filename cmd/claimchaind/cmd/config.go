package cmd

import (
	"time"

	cmtcfg "github.com/cometbft/cometbft/config"

	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/claimchain/claimchain/app"
)

// initCometBFTConfig sets about one block per second.
func initCometBFTConfig() *cmtcfg.Config {
	cfg := cmtcfg.DefaultConfig()
	cfg.Consensus.TimeoutCommit = time.Second
	return cfg
}

// initAppConfig writes a minimum gas price in the fee denom, so a fresh node
// never accepts free transactions.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = app.DefaultMinGasPrices
	return serverconfig.DefaultConfigTemplate, cfg
}
