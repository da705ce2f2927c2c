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

// initAppConfig writes a minimum gas price in the fee denom, so a fresh node
// never accepts free transactions.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = app.DefaultMinGasPrices
	return serverconfig.DefaultConfigTemplate, cfg
}
