package app_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// The simulated consortium: everything is derived from the seed, so that two
// runs of one seed start from byte-identical genesis files (keys included).

// simActor is an account that signs transactions.
type simActor struct {
	name string
	priv cryptotypes.PrivKey
	addr sdk.AccAddress
	// memberID is the membership id of a member's operator (0 otherwise).
	memberID uint64
	// npi of a provider.
	npi string
	// cons is the consensus key of a genesis validator (nil when the member runs none).
	cons cryptotypes.PrivKey
}

func (a *simActor) String() string { return a.addr.String() }

// simPatient is a member pseudonym; insurer is the index of the insurer that
// enrolled it (-1: never enrolled, so its claims are denied for no coverage)
// and account, when set, may confirm or dispute its attestations.
type simPatient struct {
	pseudonym string
	insurer   int
	account   *simActor
}

type simWorld struct {
	seed      int64
	insurers  []*simActor
	providers []*simActor
	patients  []simPatient
	// outsider is funded but no member: its attestations must be refused.
	outsider *simActor
	// goldTerms are examples/plans/gold.json, the plan both insurers sell.
	goldTerms adjtypes.PlanTerms
}

// simUSD is the currency of plans, escrows and payments (minor units).
const simUSD = "usd"

func simKey(seed int64, role string, i int) cryptotypes.PrivKey {
	return secp256k1.GenPrivKeyFromSecret(fmt.Appendf(nil, "claimchain-sim/%d/%s/%d", seed, role, i))
}

func simNewActor(seed int64, role string, i int) *simActor {
	priv := simKey(seed, role, i)
	return &simActor{name: fmt.Sprintf("%s-%d", role, i), priv: priv, addr: sdk.AccAddress(priv.PubKey().Address())}
}

// simNPI returns a valid NPI (Luhn check digit over 80840 + the first nine digits).
func simNPI(body int) string {
	nine := fmt.Sprintf("1%08d", body%100_000_000)
	for d := 0; d <= 9; d++ {
		npi := nine + string(rune('0'+d))
		if membershiptypes.ValidateNPI(npi) == nil {
			return npi
		}
	}
	panic("unreachable: one check digit always fits")
}

// newSimWorld draws the consortium of a seed: two insurers and three
// providers (founding members; all but the last provider run a validator),
// ten member pseudonyms (eight enrolled, six of those with an account) and an
// outsider.
func newSimWorld(t testing.TB, cdc codec.JSONCodec, seed int64) *simWorld {
	t.Helper()
	r := rand.New(rand.NewSource(seed))
	w := &simWorld{seed: seed}
	var id uint64
	for i := range 2 {
		a := simNewActor(seed, "insurer", i)
		id++
		a.memberID = id
		a.cons = ed25519.GenPrivKeyFromSecret(fmt.Appendf(nil, "claimchain-sim/%d/cons/insurer/%d", seed, i))
		w.insurers = append(w.insurers, a)
	}
	for i := range 3 {
		a := simNewActor(seed, "provider", i)
		id++
		a.memberID = id
		a.npi = simNPI(1_000*i + r.Intn(1_000)) // distinct per provider
		if i < 2 {
			a.cons = ed25519.GenPrivKeyFromSecret(fmt.Appendf(nil, "claimchain-sim/%d/cons/provider/%d", seed, i))
		}
		w.providers = append(w.providers, a)
	}
	for i := range 10 {
		sum := sha256.Sum256(fmt.Appendf(nil, "claimchain-sim/%d/pseudonym/%d/%d", seed, i, r.Int63()))
		p := simPatient{pseudonym: hex.EncodeToString(sum[:]), insurer: -1}
		if i < 8 {
			p.insurer = i % 2
			if i%4 != 3 {
				p.account = simNewActor(seed, "patient", i)
			}
		}
		w.patients = append(w.patients, p)
	}
	w.outsider = simNewActor(seed, "outsider", 0)

	raw, err := os.ReadFile(filepath.Join("..", "examples", "plans", "gold.json"))
	require.NoError(t, err)
	require.NoError(t, cdc.UnmarshalJSON(raw, &w.goldTerms))
	return w
}

// accounts returns every account the genesis funds, in a fixed order.
func (w *simWorld) accounts() []*simActor {
	out := append(append([]*simActor{}, w.insurers...), w.providers...)
	for _, p := range w.patients {
		if p.account != nil {
			out = append(out, p.account)
		}
	}
	return append(out, w.outsider)
}

func (w *simWorld) members() []*simActor {
	return append(append([]*simActor{}, w.insurers...), w.providers...)
}

// simFeeFunds is every account's fee balance; insurers also hold simInsurerUSD.
var (
	simFeeFunds   = sdk.NewInt64Coin(app.FeeDenom, 10_000_000_000)
	simInsurerUSD = sdk.NewInt64Coin(simUSD, 500_000_000)
)

// genesis is the chain's genesis: claimchain's defaults (ConsortiumGenesis)
// with the founding members in x/membership and, in x/staking, one validator
// for each member that runs one, self-delegating exactly the membership
// validator bond. x/staking's genesis hooks and the InitChainer's
// CheckGenesisValidators admit these validators because their operators are
// ACTIVE members. They start unbonded, as gentx validators do, so that
// x/staking bonds them in InitGenesis and x/slashing starts their signing info.
func (w *simWorld) genesis(t testing.TB, a *app.App) []byte {
	t.Helper()
	cdc := a.AppCodec()
	genesis := a.DefaultGenesis()
	bond := sdk.NewCoin(app.BondDenom, membershiptypes.DefaultValidatorBond)

	var auth authtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[authtypes.ModuleName], &auth)
	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[banktypes.ModuleName], &bank)
	for _, acc := range w.accounts() {
		accAny, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccount(acc.addr, nil, 0, 0))
		require.NoError(t, err)
		auth.Accounts = append(auth.Accounts, accAny)
		coins := sdk.NewCoins(simFeeFunds)
		if acc.memberID != 0 && acc.npi == "" {
			coins = coins.Add(simInsurerUSD)
		}
		bank.Balances = append(bank.Balances, banktypes.Balance{Address: acc.String(), Coins: coins})
	}

	var staking stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[stakingtypes.ModuleName], &staking)
	var membership membershiptypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[membershiptypes.ModuleName], &membership)
	bonded := math.ZeroInt()
	for _, m := range w.members() {
		member := membershiptypes.Member{
			Id: m.memberID, Name: "Sim " + m.name, Operator: m.String(), Status: membershiptypes.MEMBER_STATUS_ACTIVE,
			AgreementHash: apptest.AgreementHash("agreement " + m.name),
		}
		if m.npi != "" {
			member.Kind, member.Npi = membershiptypes.MEMBER_KIND_PROVIDER, m.npi
		} else {
			member.Kind, member.PayerId = membershiptypes.MEMBER_KIND_INSURER, fmt.Sprintf("SIM%02d", m.memberID)
		}
		membership.Members = append(membership.Members, member)
		if m.cons == nil {
			continue
		}
		pk, err := codectypes.NewAnyWithValue(m.cons.PubKey())
		require.NoError(t, err)
		valAddr := sdk.ValAddress(m.addr).String()
		staking.Validators = append(staking.Validators, stakingtypes.Validator{
			OperatorAddress: valAddr, ConsensusPubkey: pk, Status: stakingtypes.Unbonded,
			Tokens: bond.Amount, DelegatorShares: math.LegacyNewDecFromInt(bond.Amount),
			Description:       stakingtypes.NewDescription(m.name, "", "", "", ""),
			Commission:        stakingtypes.NewCommission(math.LegacyNewDecWithPrec(int64(m.memberID), 2), math.LegacyOneDec(), math.LegacyZeroDec()),
			MinSelfDelegation: math.OneInt(),
		})
		staking.Delegations = append(staking.Delegations,
			stakingtypes.NewDelegation(m.String(), valAddr, math.LegacyNewDecFromInt(bond.Amount)))
		bonded = bonded.Add(bond.Amount)
	}
	bank.Balances = append(bank.Balances, banktypes.Balance{
		Address: authtypes.NewModuleAddress(stakingtypes.NotBondedPoolName).String(),
		Coins:   sdk.NewCoins(sdk.NewCoin(app.BondDenom, bonded)),
	})
	genesis[authtypes.ModuleName] = cdc.MustMarshalJSON(&auth)
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)
	genesis[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)
	genesis[membershiptypes.ModuleName] = cdc.MustMarshalJSON(&membership)
	state, err := json.Marshal(genesis)
	require.NoError(t, err)
	return state
}
