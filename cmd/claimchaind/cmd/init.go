package cmd

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"cosmossdk.io/math"

	cmtcfg "github.com/cometbft/cometbft/config"

	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutilcli "github.com/cosmos/cosmos-sdk/x/genutil/client/cli"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/claimchain/claimchain/app"
)

const (
	flagVotingPeriod  = "voting-period"
	flagUnbondingTime = "unbonding-time"
	flagMinDeposit    = "min-deposit"
	flagBlockMaxGas   = "block-max-gas"
)

// initCmd is the SDK's init plus claimchain's genesis choices: bond and fee
// denoms, non-transferable bonds, slashing without burns, gov timings, and a
// finite block max_gas (CometBFT's default, -1, is unlimited).
func initCmd(tempApp *app.App) *cobra.Command {
	cmd := genutilcli.InitCmd(tempApp.BasicModuleManager, app.DefaultNodeHome)
	defaults := app.DefaultGenesisOptions()
	cmd.Flags().Duration(flagVotingPeriod, defaults.VotingPeriod, "governance voting period")
	cmd.Flags().Duration(flagUnbondingTime, defaults.UnbondingTime, "staking unbonding time (a removed member's bond burns after it)")
	cmd.Flags().Int64(flagMinDeposit, defaults.MinDeposit.Int64(), "minimum governance deposit, in "+app.FeeDenom)
	cmd.Flags().Int64(flagBlockMaxGas, app.DefaultBlockMaxGas, "block gas limit (consensus param)")

	runInit := cmd.RunE
	cmd.RunE = func(cmd *cobra.Command, args []string) error {
		if err := runInit(cmd, args); err != nil {
			return err
		}
		home, _ := cmd.Flags().GetString(flags.FlagHome)
		opts := app.GenesisOptions{MinDeposit: math.NewInt(0)}
		opts.VotingPeriod, _ = cmd.Flags().GetDuration(flagVotingPeriod)
		opts.UnbondingTime, _ = cmd.Flags().GetDuration(flagUnbondingTime)
		deposit, _ := cmd.Flags().GetInt64(flagMinDeposit)
		opts.MinDeposit = math.NewInt(deposit)
		maxGas, _ := cmd.Flags().GetInt64(flagBlockMaxGas)
		if maxGas <= 0 || opts.VotingPeriod <= 0 || opts.UnbondingTime <= 0 {
			return fmt.Errorf("--%s, --%s and --%s must be positive", flagBlockMaxGas, flagVotingPeriod, flagUnbondingTime)
		}
		// The SDK replaces CometBFT's own 1 s default with 5 s when it first
		// writes config.toml, so set it here explicitly.
		cmtConfig := server.GetServerContextFromCmd(cmd).Config
		cmtConfig.Consensus.TimeoutCommit = app.DefaultTimeoutCommit
		cmtcfg.WriteConfigFile(filepath.Join(home, "config", "config.toml"), cmtConfig)
		return applyGenesisChoices(tempApp, filepath.Join(home, "config", "genesis.json"), opts, maxGas)
	}
	return cmd
}

func applyGenesisChoices(tempApp *app.App, genFile string, opts app.GenesisOptions, maxGas int64) error {
	appState, appGenesis, err := genutiltypes.GenesisStateFromGenFile(genFile)
	if err != nil {
		return err
	}
	appState = app.ConsortiumGenesis(tempApp.AppCodec(), appState, opts)
	appGenesis.AppState, err = json.MarshalIndent(appState, "", " ")
	if err != nil {
		return err
	}
	appGenesis.Consensus.Params.Block.MaxGas = maxGas
	appGenesis.Consensus.Params.Block.MaxBytes = app.DefaultBlockMaxBytes
	appGenesis.GenesisTime = appGenesis.GenesisTime.Round(time.Second)
	return genutil.ExportGenesisFile(appGenesis, genFile)
}
