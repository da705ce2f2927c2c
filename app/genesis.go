package app

import (
	"encoding/json"
	"slices"
	"time"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
)

// GenesisOptions are the chain-wide choices `claimchaind init` writes into genesis.
type GenesisOptions struct {
	// VotingPeriod of governance proposals (a short one for the localnet).
	VotingPeriod time.Duration
	// UnbondingTime of x/staking; a removed member's bond is burned after it.
	UnbondingTime time.Duration
	// MinDeposit of a governance proposal, in FeeDenom.
	MinDeposit math.Int
}

// DefaultGenesisOptions are production-minded defaults.
func DefaultGenesisOptions() GenesisOptions {
	return GenesisOptions{
		VotingPeriod:  48 * time.Hour,
		UnbondingTime: 14 * 24 * time.Hour,
		MinDeposit:    math.NewInt(10_000_000),
	}
}

// ConsortiumGenesis applies claimchain's choices to the modules' default genesis:
//   - staking bonds BondDenom; one validator per member; unbonding per opts;
//   - BondDenom cannot be sent with x/bank (only minted by x/membership and staked);
//   - gov deposits are in FeeDenom; voting period per opts;
//   - slashing never burns tokens: power comes from membership, not stake, so
//     downtime only jails (10 minutes) and double-signing tombstones; governance
//     then suspends or removes the member. Equal power is restored on readmission.
func ConsortiumGenesis(cdc codec.JSONCodec, genesis map[string]json.RawMessage, opts GenesisOptions) map[string]json.RawMessage {
	var staking stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[stakingtypes.ModuleName], &staking)
	staking.Params.BondDenom = BondDenom
	staking.Params.UnbondingTime = opts.UnbondingTime
	staking.Params.MaxValidators = 100
	genesis[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)

	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[banktypes.ModuleName], &bank)
	bank.SendEnabled = slices.DeleteFunc(bank.SendEnabled, func(s banktypes.SendEnabled) bool { return s.Denom == BondDenom })
	bank.SendEnabled = append(bank.SendEnabled, banktypes.SendEnabled{Denom: BondDenom, Enabled: false})
	bank.DenomMetadata = []banktypes.Metadata{
		denomMetadata(BondDenom, "bond", "Validator bond: minted by x/membership on admission, not transferable"),
		denomMetadata(FeeDenom, "fee", "Fee token: pays transaction fees and governance deposits"),
	}
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)

	var gov govv1.GenesisState
	cdc.MustUnmarshalJSON(genesis[govtypesModuleName], &gov)
	deposit := sdk.NewCoins(sdk.NewCoin(FeeDenom, opts.MinDeposit))
	gov.Params.MinDeposit = deposit
	gov.Params.ExpeditedMinDeposit = sdk.NewCoins(sdk.NewCoin(FeeDenom, opts.MinDeposit.MulRaw(5)))
	voting := opts.VotingPeriod
	expedited := voting / 2
	gov.Params.VotingPeriod = &voting
	gov.Params.ExpeditedVotingPeriod = &expedited
	gov.Params.MaxDepositPeriod = &voting
	genesis[govtypesModuleName] = cdc.MustMarshalJSON(&gov)

	var slashing slashingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[slashingtypes.ModuleName], &slashing)
	slashing.Params.SignedBlocksWindow = 100
	slashing.Params.MinSignedPerWindow = math.LegacyNewDecWithPrec(5, 1)
	slashing.Params.DowntimeJailDuration = 10 * time.Minute
	slashing.Params.SlashFractionDowntime = math.LegacyZeroDec()
	slashing.Params.SlashFractionDoubleSign = math.LegacyZeroDec()
	genesis[slashingtypes.ModuleName] = cdc.MustMarshalJSON(&slashing)
	return genesis
}

const govtypesModuleName = "gov"

func denomMetadata(base, display, description string) banktypes.Metadata {
	return banktypes.Metadata{
		Description: description,
		Base:        base,
		Display:     display,
		Name:        display,
		Symbol:      display,
		DenomUnits: []*banktypes.DenomUnit{
			{Denom: base, Exponent: 0},
			{Denom: display, Exponent: 6},
		},
	}
}
