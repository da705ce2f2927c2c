package app

import (
	"os"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// AppName is the name of the application and of its binary's home folder.
	AppName = "claimchain"
	// Bech32Prefix is the account address prefix: claim1...
	Bech32Prefix = "claim"

	// BondDenom is the validator bond: minted by x/membership on admission,
	// the same for every member, and not transferable with x/bank.
	BondDenom = "ubond"
	// FeeDenom pays transaction fees and governance deposits.
	FeeDenom = "ufee"
	// DefaultMinGasPrices is written to app.toml by `init`.
	DefaultMinGasPrices = "0.001" + FeeDenom
	// DefaultBlockMaxGas is the block gas limit written to genesis by `init`.
	// A 3-line claim with its attestation uses about 0.4 M gas (txs ask for
	// 1.3 times their use), so a full block holds about 1,000 claims: about a
	// second of execution on a 2-core machine (docs/performance.md). The most
	// expensive valid claim uses 21 M.
	DefaultBlockMaxGas = 500_000_000
	// DefaultTimeoutCommit is how long a node waits after a block before the
	// next one starts, written to config.toml by `init`: a block is decided
	// about every half second plus its execution time.
	DefaultTimeoutCommit = 500 * time.Millisecond
	// DefaultBlockMaxBytes is the block size limit written to genesis by `init` (4 MiB).
	DefaultBlockMaxBytes = 4 << 20
)

// SetAddressPrefixes configures the SDK's global bech32 prefixes. Called once
// from main and from tests, before any address is encoded.
func SetAddressPrefixes() {
	// sdk.GetConfig() keeps one config per scope. Without a named scope it
	// derives the scope from the host name, executable path and pid on every
	// call (an uname and a readlink syscall), and it is called for every
	// bech32 address parsed or checked: 10% of a node's CPU under claim load.
	// One process runs one chain: name its scope once, before the first call.
	_ = os.Setenv(sdk.EnvConfigScope, AppName)
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(Bech32Prefix, Bech32Prefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		Bech32Prefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
}
