package app_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	cryptoenc "github.com/cometbft/cometbft/crypto/encoding"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// newApp builds a fresh app on an empty database, as `claimchaind start` does.
func newApp(t *testing.T) *app.App {
	t.Helper()
	app.SetAddressPrefixes()
	return app.New(log.NewNopLogger(), dbm.NewMemDB(), true, simtestutil.NewAppOptionsWithFlagHome(t.TempDir()),
		baseapp.SetChainID(apptest.ChainID))
}

// admit admits a member with a fresh operator the way a governance proposal
// would, and returns the operator and the member id.
func admit(t *testing.T, f *apptest.Fixture, msg membershiptypes.MsgAdmitMember) (apptest.Account, uint64) {
	t.Helper()
	op := apptest.NewAccount()
	msg.Authority, msg.Operator, msg.AgreementHash = f.Gov, op.String(), apptest.AgreementHash(msg.Name)
	var res *membershiptypes.MsgAdmitMemberResponse
	require.NoError(t, f.Exec(func(ctx sdk.Context) (err error) {
		res, err = membershipkeeper.NewMsgServerImpl(f.App.MembershipKeeper).AdmitMember(ctx, &msg)
		return err
	}))
	f.Fund(op.Address, apptest.FeeFunds)
	return op, res.MemberId
}

// createValidator makes op's validator with the full bond and applies the set.
func createValidator(t *testing.T, f *apptest.Fixture, op apptest.Account) {
	t.Helper()
	msg, err := stakingtypes.NewMsgCreateValidator(sdk.ValAddress(op.Address).String(), ed25519.GenPrivKey().PubKey(),
		f.Bond, stakingtypes.NewDescription("v", "", "", "", ""),
		stakingtypes.NewCommissionRates(math.LegacyZeroDec(), math.LegacyOneDec(), math.LegacyZeroDec()), math.OneInt())
	require.NoError(t, err)
	require.NoError(t, f.Exec(func(ctx sdk.Context) error {
		_, err := stakingkeeper.NewMsgServerImpl(f.App.StakingKeeper).CreateValidator(ctx, msg)
		return err
	}))
	f.EndBlock()
}

// commit finishes the fixture's current block (f.Ctx writes into the
// finalize-block state) and commits it.
func commit(t *testing.T, f *apptest.Fixture) {
	t.Helper()
	_, err := f.App.FinalizeBlock(&abci.RequestFinalizeBlock{Height: f.Ctx.BlockHeight(), Time: f.Ctx.BlockTime()})
	require.NoError(t, err)
	_, err = f.App.Commit()
	require.NoError(t, err)
}

// validatorUpdates turns exported genesis validators into the ABCI form
// CometBFT sends to InitChain, so that baseapp checks them against staking.
func validatorUpdates(t *testing.T, exported []cmttypes.GenesisValidator) []abci.ValidatorUpdate {
	t.Helper()
	out := make([]abci.ValidatorUpdate, 0, len(exported))
	for _, v := range exported {
		pk, err := cryptoenc.PubKeyToProto(v.PubKey)
		require.NoError(t, err)
		out = append(out, abci.ValidatorUpdate{PubKey: pk, Power: v.Power})
	}
	return out
}

func membershipGenesis(t *testing.T, a *app.App, ctx sdk.Context) *membershiptypes.GenesisState {
	t.Helper()
	gs, err := a.MembershipKeeper.ExportGenesis(ctx)
	require.NoError(t, err)
	return gs
}

func TestExportAndRestart(t *testing.T) {
	f := apptest.Setup(t)
	srv := membershipkeeper.NewMsgServerImpl(f.App.MembershipKeeper)

	// Member 1 is the founding insurer. Member 2 stays, member 3 is removed
	// while its bond is staked (so a burn is pending), member 4 is suspended
	// (its validator is jailed for good until reinstated).
	stay, stayID := admit(t, f, membershiptypes.MsgAdmitMember{
		Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: "Riverside Clinic", Npi: "1234567893",
	})
	leave, leaveID := admit(t, f, membershiptypes.MsgAdmitMember{
		Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: "Hillside Clinic", Npi: "1987654328",
	})
	susp, suspID := admit(t, f, membershiptypes.MsgAdmitMember{
		Kind: membershiptypes.MEMBER_KIND_INSURER, Name: "Acme Health", PayerId: "ACME1",
	})
	require.Equal(t, []uint64{2, 3, 4}, []uint64{stayID, leaveID, suspID})
	for _, op := range []apptest.Account{stay, leave, susp} {
		createValidator(t, f, op)
	}
	require.NoError(t, f.Exec(func(ctx sdk.Context) error {
		_, err := srv.RemoveMember(ctx, &membershiptypes.MsgRemoveMember{Authority: f.Gov, MemberId: leaveID, Reason: "left"})
		return err
	}))
	require.NoError(t, f.Exec(func(ctx sdk.Context) error {
		_, err := srv.SuspendMember(ctx, &membershiptypes.MsgSuspendMember{Authority: f.Gov, MemberId: suspID, Reason: "audit"})
		return err
	}))
	f.EndBlock()
	commit(t, f)

	committed := f.App.NewContext(true)
	before := membershipGenesis(t, f.App, committed)
	require.Len(t, before.Members, 4)
	require.Len(t, before.PendingBurns, 1)
	burn := before.PendingBurns[0]
	require.Equal(t, leaveID, burn.MemberId)
	require.Equal(t, f.Bond.Amount, burn.Amount)

	_, err := f.App.ExportAppStateAndValidators(true, nil, nil)
	require.ErrorContains(t, err, "--for-zero-height is not supported")

	exported, err := f.App.ExportAppStateAndValidators(false, nil, nil)
	require.NoError(t, err)
	require.Equal(t, f.App.LastBlockHeight()+1, exported.Height)
	require.Len(t, exported.Validators, 2, "the founder and member 2; members 3 and 4 left the active set")

	// The exported genesis is valid as `claimchaind genesis validate` sees it.
	var genesis map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(exported.AppState, &genesis))
	b := newApp(t)
	require.NoError(t, b.BasicModuleManager.ValidateGenesis(b.AppCodec(), b.TxConfig(), genesis))

	// Restart from it at the next height, as `claimchaind start` after an export.
	restart := f.Ctx.BlockTime().Add(5 * time.Second)
	res, err := b.InitChain(&abci.RequestInitChain{
		ChainId: apptest.ChainID, AppStateBytes: exported.AppState, ConsensusParams: &exported.ConsensusParams,
		InitialHeight: exported.Height, Time: restart, Validators: validatorUpdates(t, exported.Validators),
	})
	require.NoError(t, err)
	require.Len(t, res.Validators, len(exported.Validators))
	_, err = b.FinalizeBlock(&abci.RequestFinalizeBlock{Height: exported.Height, Time: restart})
	require.NoError(t, err)
	_, err = b.Commit()
	require.NoError(t, err)
	ctx := b.NewContext(true)

	t.Run("membership registry", func(t *testing.T) {
		after := membershipGenesis(t, b, ctx)
		require.Equal(t, before, after)
		want := map[uint64]membershiptypes.MemberStatus{
			1: membershiptypes.MEMBER_STATUS_ACTIVE, stayID: membershiptypes.MEMBER_STATUS_ACTIVE,
			leaveID: membershiptypes.MEMBER_STATUS_REMOVED, suspID: membershiptypes.MEMBER_STATUS_SUSPENDED,
		}
		for id, st := range want {
			m, err := b.MembershipKeeper.GetMember(ctx, id)
			require.NoError(t, err)
			require.Equal(t, st, m.Status, "member %d", id)
		}
		got, err := b.MembershipKeeper.PendingBurns.Get(ctx, leaveID)
		require.NoError(t, err)
		require.Equal(t, burn, got)
		queued, err := b.MembershipKeeper.BurnQueue.Has(ctx, collections.Join(burn.MatureAt.Unix(), burn.MemberId))
		require.NoError(t, err)
		require.True(t, queued, "the burn queue is rebuilt from the pending burns")
		for key, id := range map[string]uint64{
			"npi:1234567893": stayID, "npi:1987654328": leaveID, "payer:ACME1": suspID, "payer:FHP01": 1,
		} {
			holder, err := b.MembershipKeeper.Identifiers.Get(ctx, key)
			require.NoError(t, err, key)
			require.Equal(t, id, holder, key)
		}
	})

	t.Run("validator set", func(t *testing.T) {
		vals, err := staking.WriteValidators(ctx, b.StakingKeeper)
		require.NoError(t, err)
		require.ElementsMatch(t, exported.Validators, vals)

		oldVals, err := f.App.StakingKeeper.GetAllValidators(committed)
		require.NoError(t, err)
		newVals, err := b.StakingKeeper.GetAllValidators(ctx)
		require.NoError(t, err)
		require.Len(t, newVals, len(oldVals))
		for _, old := range oldVals {
			valAddr, err := sdk.ValAddressFromBech32(old.OperatorAddress)
			require.NoError(t, err)
			v, err := b.StakingKeeper.GetValidator(ctx, valAddr)
			require.NoError(t, err)
			require.Equal(t, old.Status, v.Status, old.OperatorAddress)
			require.Equal(t, old.Jailed, v.Jailed, old.OperatorAddress)
			require.True(t, old.Tokens.Equal(v.Tokens), old.OperatorAddress)
		}

		// The suspended member's validator stays barred from unjailing.
		v, err := b.StakingKeeper.GetValidator(ctx, sdk.ValAddress(susp.Address))
		require.NoError(t, err)
		require.True(t, v.Jailed)
		consAddr, err := v.GetConsAddr()
		require.NoError(t, err)
		info, err := b.SlashingKeeper.GetValidatorSigningInfo(ctx, consAddr)
		require.NoError(t, err)
		require.True(t, info.JailedUntil.Equal(evidencetypes.DoubleSignJailEndTime))

		// The removed member's unbonding is still on its way to the burn.
		ubd, err := b.StakingKeeper.GetUnbondingDelegation(ctx, leave.Address, sdk.ValAddress(leave.Address))
		require.NoError(t, err)
		require.Len(t, ubd.Entries, 1)
		require.True(t, ubd.Entries[0].CompletionTime.Equal(burn.MatureAt))
	})

	t.Run("the restarted chain keeps enforcing the registry", func(t *testing.T) {
		next := b.NewNextBlockContext(cmtproto.Header{Height: exported.Height + 1, Time: restart.Add(time.Second), ChainID: apptest.ChainID})
		_, err := b.MembershipKeeper.ActiveProvider(next, stay.Address)
		require.NoError(t, err)
		_, err = b.MembershipKeeper.ActiveInsurer(next, susp.Address)
		require.ErrorIs(t, err, membershiptypes.ErrNotActiveMember)

		srv := membershipkeeper.NewMsgServerImpl(b.MembershipKeeper)
		admitOn := func(npi string) (*membershiptypes.MsgAdmitMemberResponse, error) {
			cache, _ := next.CacheContext()
			return srv.AdmitMember(cache, &membershiptypes.MsgAdmitMember{
				Authority: f.Gov, Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: "New Clinic", Npi: npi,
				Operator: apptest.NewAccount().String(), AgreementHash: apptest.AgreementHash("new"),
			})
		}
		res, err := admitOn("1543210987")
		require.NoError(t, err)
		require.Equal(t, uint64(5), res.MemberId, "the id sequence continues after the imported members")
		_, err = admitOn("1987654328")
		require.ErrorIs(t, err, membershiptypes.ErrDuplicateIdentifier, "a removed member keeps its NPI")
	})

	t.Run("a second export matches the first", func(t *testing.T) {
		again, err := b.ExportAppStateAndValidators(false, nil, nil)
		require.NoError(t, err)
		var genesisAgain map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(again.AppState, &genesisAgain))
		require.JSONEq(t, string(genesis[membershiptypes.ModuleName]), string(genesisAgain[membershiptypes.ModuleName]))
		require.ElementsMatch(t, exported.Validators, again.Validators)
	})
}

// foundingGenesis is apptest.Setup's genesis (one funded validator whose
// operator is op) with the membership members and staking delegations edit
// chooses.
func foundingGenesis(t *testing.T, a *app.App, op apptest.Account,
	members []membershiptypes.Member, delegators []sdk.AccAddress,
) []byte {
	t.Helper()
	cdc := a.AppCodec()
	genesis := a.DefaultGenesis()
	bond := sdk.NewCoin(app.BondDenom, membershiptypes.DefaultValidatorBond)
	valAddr := sdk.ValAddress(op.Address)
	pkAny, err := codectypes.NewAnyWithValue(ed25519.GenPrivKey().PubKey())
	require.NoError(t, err)

	var auth authtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[authtypes.ModuleName], &auth)
	accAny, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccount(op.Address, op.Priv.PubKey(), 0, 0))
	require.NoError(t, err)
	auth.Accounts = append(auth.Accounts, accAny)
	genesis[authtypes.ModuleName] = cdc.MustMarshalJSON(&auth)

	total := bond.Amount.MulRaw(int64(len(delegators)))
	var stakingGen stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[stakingtypes.ModuleName], &stakingGen)
	stakingGen.Validators = []stakingtypes.Validator{{
		OperatorAddress:   valAddr.String(),
		ConsensusPubkey:   pkAny,
		Status:            stakingtypes.Bonded,
		Tokens:            total,
		DelegatorShares:   math.LegacyNewDecFromInt(total),
		Description:       stakingtypes.NewDescription("founder", "", "", "", ""),
		Commission:        stakingtypes.NewCommission(math.LegacyZeroDec(), math.LegacyOneDec(), math.LegacyZeroDec()),
		MinSelfDelegation: math.OneInt(),
	}}
	for _, d := range delegators {
		stakingGen.Delegations = append(stakingGen.Delegations,
			stakingtypes.NewDelegation(d.String(), valAddr.String(), math.LegacyNewDecFromInt(bond.Amount)))
	}
	genesis[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&stakingGen)

	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[banktypes.ModuleName], &bank)
	bank.Balances = append(bank.Balances,
		banktypes.Balance{Address: op.String(), Coins: sdk.NewCoins(apptest.FeeFunds)},
		banktypes.Balance{
			Address: authtypes.NewModuleAddress(stakingtypes.BondedPoolName).String(),
			Coins:   sdk.NewCoins(sdk.NewCoin(app.BondDenom, total)),
		},
	)
	genesis[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)

	var membership membershiptypes.GenesisState
	cdc.MustUnmarshalJSON(genesis[membershiptypes.ModuleName], &membership)
	membership.Members = members
	genesis[membershiptypes.ModuleName] = cdc.MustMarshalJSON(&membership)

	stateBytes, err := json.Marshal(genesis)
	require.NoError(t, err)
	return stateBytes
}

// initChain runs InitChain and turns a panic (x/staking panics on a hook
// error during InitGenesis) into an error.
func initChain(a *app.App, stateBytes []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
				return
			}
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	_, err = a.InitChain(&abci.RequestInitChain{
		ChainId: apptest.ChainID, AppStateBytes: stateBytes, ConsensusParams: simtestutil.DefaultConsensusParams,
		InitialHeight: 1, Time: apptest.GenesisTime,
	})
	return err
}

func TestGenesisValidatorMustBeFoundingMember(t *testing.T) {
	app.SetAddressPrefixes()
	member := func(op apptest.Account, st membershiptypes.MemberStatus) membershiptypes.Member {
		return membershiptypes.Member{
			Id: 1, Kind: membershiptypes.MEMBER_KIND_INSURER, Name: "Founding Health Plan", PayerId: "FHP01",
			Operator: op.String(), Status: st, AgreementHash: apptest.AgreementHash("founding"),
		}
	}
	cases := []struct {
		name string
		// setup returns the genesis members and delegators for the validator of op.
		setup func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress)
		errIs error
		msg   string
	}{
		{"operator is an ACTIVE founding member", func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress) {
			return []membershiptypes.Member{member(op, membershiptypes.MEMBER_STATUS_ACTIVE)}, []sdk.AccAddress{op.Address}
		}, nil, ""},
		{"no founding members", func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress) {
			return nil, []sdk.AccAddress{op.Address}
		}, membershiptypes.ErrNotActiveMember, "only an admitted ACTIVE consortium member may create a validator"},
		{"operator is not the founding member", func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress) {
			return []membershiptypes.Member{member(apptest.NewAccount(), membershiptypes.MEMBER_STATUS_ACTIVE)}, []sdk.AccAddress{op.Address}
		}, membershiptypes.ErrNotActiveMember, "is not a consortium member"},
		{"operator is a SUSPENDED founding member", func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress) {
			return []membershiptypes.Member{member(op, membershiptypes.MEMBER_STATUS_SUSPENDED)}, []sdk.AccAddress{op.Address}
		}, membershiptypes.ErrNotActiveMember, "MEMBER_STATUS_SUSPENDED"},
		{"a non-operator delegates at genesis", func(op apptest.Account) ([]membershiptypes.Member, []sdk.AccAddress) {
			return []membershiptypes.Member{member(op, membershiptypes.MEMBER_STATUS_ACTIVE)},
				[]sdk.AccAddress{op.Address, apptest.NewAccount().Address}
		}, membershiptypes.ErrSelfDelegationOnly, "may not delegate"},
	}
	for _, tc := range cases {
		for _, exported := range []bool{false, true} {
			name := tc.name
			if exported {
				// x/staking runs no hooks for an exported genesis; the app's
				// InitChainer checks the imported validator set instead.
				name += " (exported genesis)"
			}
			t.Run(name, func(t *testing.T) {
				a := newApp(t)
				op := apptest.NewAccount()
				members, delegators := tc.setup(op)
				err := initChain(a, markExported(t, foundingGenesis(t, a, op, members, delegators), exported))
				if tc.errIs == nil {
					require.NoError(t, err)
					v, err := a.StakingKeeper.GetValidator(a.NewContext(false), sdk.ValAddress(op.Address))
					require.NoError(t, err)
					require.Equal(t, stakingtypes.Bonded, v.Status)
					return
				}
				require.ErrorIs(t, err, tc.errIs)
				if !exported {
					require.ErrorContains(t, err, tc.msg)
				}
			})
		}
	}
}

// markExported sets x/staking's "exported" flag in a genesis.
func markExported(t *testing.T, state []byte, exported bool) []byte {
	t.Helper()
	if !exported {
		return state
	}
	var gen map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(state, &gen))
	var staking map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(gen["staking"], &staking))
	staking["exported"] = json.RawMessage("true")
	// An export carries the last validator powers instead of recomputing them.
	var validators []struct {
		OperatorAddress string `json:"operator_address"`
	}
	require.NoError(t, json.Unmarshal(staking["validators"], &validators))
	powers := []map[string]any{}
	for _, v := range validators {
		powers = append(powers, map[string]any{"address": v.OperatorAddress, "power": "1"})
	}
	var err error
	staking["last_validator_powers"], err = json.Marshal(powers)
	require.NoError(t, err)
	staking["last_total_power"] = json.RawMessage(fmt.Sprintf(`"%d"`, len(powers)))
	gen["staking"], err = json.Marshal(staking)
	require.NoError(t, err)
	out, err := json.Marshal(gen)
	require.NoError(t, err)
	return out
}
