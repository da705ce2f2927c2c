// Package apptest builds an in-process claimchain app for keeper and
// integration tests: real keepers, real hooks, one founding validator.
package apptest

import (
	"encoding/json"
	"testing"
	"time"

	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"

	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/app"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// ChainID of the test chain.
const ChainID = "claimchain-test-1"

// GenesisTime is the time of block 1.
var GenesisTime = time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)

// Account is a test account with its key.
type Account struct {
	Priv    cryptotypes.PrivKey
	Address sdk.AccAddress
}

// NewAccount makes a fresh secp256k1 account.
func NewAccount() Account {
	priv := secp256k1.GenPrivKey()
	return Account{Priv: priv, Address: sdk.AccAddress(priv.PubKey().Address())}
}

// String returns the bech32 address.
func (a Account) String() string { return a.Address.String() }

// Fixture is a running app after block 1 with one founding insurer whose
// operator runs the only validator.
type Fixture struct {
	T   testing.TB
	App *app.App
	Ctx sdk.Context
	// Validator is the founding insurer's operator account (member 1).
	Validator Account
	// Gov is the governance module account: the authority of membership msgs.
	Gov string
	// Bond is the membership validator bond.
	Bond sdk.Coin
}

// FeeFunds is what every funded test account gets of the fee denom.
var FeeFunds = sdk.NewInt64Coin(app.FeeDenom, 1_000_000_000)

// Setup starts the app from a genesis with one founding insurer-validator.
func Setup(t testing.TB) *Fixture {
	t.Helper()
	app.SetAddressPrefixes()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()),
		baseapp.SetChainID(ChainID))
	cdc := a.AppCodec()
	genesis := a.DefaultGenesis()

	op := NewAccount()
	bond := sdk.NewCoin(app.BondDenom, membershiptypes.DefaultValidatorBond)
	valAddr := sdk.ValAddress(op.Address)
	consKey := ed25519.GenPrivKey().PubKey()
	pkAny, err := codectypes.NewAnyWithValue(consKey)
	require.NoError(t, err)

	var auth authtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[authtypes.ModuleName], &auth)
	accAny, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccount(op.Address, op.Priv.PubKey(), 0, 0))
	require.NoError(t, err)
	auth.Accounts = append(auth.Accounts, accAny)
	genesis[authtypes.ModuleName] = cdc.MustMarshalJSON(&auth)

	var staking stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[stakingtypes.ModuleName], &staking)
	staking.Validators = []stakingtypes.Validator{{
		OperatorAddress:   valAddr.String(),
		ConsensusPubkey:   pkAny,
		Status:            stakingtypes.Bonded,
		Tokens:            bond.Amount,
		DelegatorShares:   math.LegacyNewDecFromInt(bond.Amount),
		Description:       stakingtypes.NewDescription("founding-insurer", "", "", "", ""),
		Commission:        stakingtypes.NewCommission(math.LegacyZeroDec(), math.LegacyOneDec(), math.LegacyZeroDec()),
		MinSelfDelegation: math.OneInt(),
	}}
	staking.Delegations = []stakingtypes.Delegation{
		stakingtypes.NewDelegation(op.String(), valAddr.String(), math.LegacyNewDecFromInt(bond.Amount)),
	}
	genesis[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)

	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[banktypes.ModuleName], &bank)
	bank.Balances = append(bank.Balances,
		banktypes.Balance{Address: op.String(), Coins: sdk.NewCoins(FeeFunds)},
		banktypes.Balance{Address: authtypes.NewModuleAddress(stakingtypes.BondedPoolName).String(), Coins: sdk.NewCoins(bond)},
	)
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)

	var membership membershiptypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[membershiptypes.ModuleName], &membership)
	membership.Members = []membershiptypes.Member{{
		Id: 1, Kind: membershiptypes.MEMBER_KIND_INSURER, Name: "Founding Health Plan", PayerId: "FHP01",
		Operator: op.String(), Status: membershiptypes.MEMBER_STATUS_ACTIVE, AgreementHash: AgreementHash("founding"),
	}}
	genesis[membershiptypes.ModuleName] = cdc.MustMarshalJSON(&membership)

	stateBytes, err := json.Marshal(genesis)
	require.NoError(t, err)
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId: ChainID, AppStateBytes: stateBytes, ConsensusParams: simtestutil.DefaultConsensusParams,
		InitialHeight: 1, Time: GenesisTime,
	})
	require.NoError(t, err)
	_, err = a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: 1, Time: GenesisTime})
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)

	f := &Fixture{
		T: t, App: a, Validator: op, Bond: bond,
		Gov: authtypes.NewModuleAddress(govtypes.ModuleName).String(),
	}
	f.Ctx = a.NewNextBlockContext(cmtproto.Header{Height: 2, Time: GenesisTime.Add(time.Second), ChainID: ChainID})
	return f
}

// AgreementHash returns a valid sha256 content hash of s.
func AgreementHash(s string) membershiptypes.ContentHash {
	return membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sha256Sum(s)}
}

// Fund gives an account fee tokens (minted through the membership module account).
func (f *Fixture) Fund(addr sdk.AccAddress, coins ...sdk.Coin) {
	f.T.Helper()
	amt := sdk.NewCoins(coins...)
	require.NoError(f.T, f.App.BankKeeper.MintCoins(f.Ctx, membershiptypes.ModuleName, amt))
	require.NoError(f.T, f.App.BankKeeper.SendCoinsFromModuleToAccount(f.Ctx, membershiptypes.ModuleName, addr, amt))
}

// AdvanceTime moves the context to a later block time and height.
func (f *Fixture) AdvanceTime(d time.Duration) {
	f.Ctx = f.Ctx.WithBlockTime(f.Ctx.BlockTime().Add(d)).WithBlockHeight(f.Ctx.BlockHeight() + 1)
}

// EndBlock runs every module's EndBlocker on the current context (staking
// applies validator-set changes, membership burns matured bonds).
// It returns the events the EndBlockers emitted.
func (f *Fixture) EndBlock() []abci.Event {
	f.T.Helper()
	res, err := f.App.ModuleManager.EndBlock(f.Ctx)
	require.NoError(f.T, err)
	return res.Events
}

// Exec runs fn like a transaction's msg: in a branch of the state that is
// written only if fn succeeds, so a refused msg changes nothing.
func (f *Fixture) Exec(fn func(ctx sdk.Context) error) error {
	cache, write := f.Ctx.CacheContext()
	if err := fn(cache); err != nil {
		return err
	}
	write()
	return nil
}
