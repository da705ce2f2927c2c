package app_test

import (
	"math/big"
	"math/rand"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"
	govv1 "github.com/cosmos/cosmos-sdk/x/gov/types/v1"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

const (
	checkTxGas = 50_000_000
	pseudonym  = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
)

// claim is a claim of n lines billed amount each, by provider.
func claim(provider string, n int, amount math.Int) *claimstypes.MsgSubmitClaim {
	m := &claimstypes.MsgSubmitClaim{Provider: provider, InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM, Member: pseudonym,
		DiagnosisCodes: []string{"E11.9"}}
	for i := 0; i < n; i++ {
		m.Lines = append(m.Lines, claimstypes.SubmittedLine{AttestationId: "ATT-3-1", AttestationLine: uint32(i + 1), Code: "99213",
			Units: 1, ServiceDate: "2026-01-05", Billed: sdk.NewCoin("usd", amount)})
	}
	return m
}

// checkTx signs msgs as the founding insurer's operator (sequence 0) and runs CheckTx.
func checkTx(t *testing.T, f *apptest.Fixture, msgs ...sdk.Msg) *abci.ResponseCheckTx {
	t.Helper()
	acc := f.App.AccountKeeper.GetAccount(f.App.NewContext(true), f.Validator.Address)
	require.NotNil(t, acc)
	tx, err := simtestutil.GenSignedMockTx(rand.New(rand.NewSource(1)), f.App.TxConfig(), msgs,
		sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 50_000)), checkTxGas, apptest.ChainID,
		[]uint64{acc.GetAccountNumber()}, []uint64{acc.GetSequence()}, f.Validator.Priv)
	require.NoError(t, err)
	bz, err := f.App.TxConfig().TxEncoder()(tx)
	require.NoError(t, err)
	res, err := f.App.CheckTx(&abci.RequestCheckTx{Tx: bz, Type: abci.CheckTxType_New})
	require.NoError(t, err)
	return res
}

// A signed tx over a size limit is refused by CheckTx with the limit's own
// code, so it never enters the mempool or a block; one at the limits passes.
func TestCheckTxRefusesTxsOverTheLimits(t *testing.T) {
	f := apptest.Setup(t)
	signer := f.Validator.String()
	maxAmount := math.NewInt(limits.MaxAmount)

	atLimit := checkTx(t, f, claim(signer, limits.MaxLines, maxAmount))
	require.Zero(t, atLimit.Code, "a claim at the limits passes CheckTx: %s", atLimit.Log)

	overLimit := func(name string, want string, msgs ...sdk.Msg) {
		t.Run(name, func(t *testing.T) {
			res := checkTx(t, f, msgs...)
			require.Equal(t, limits.Codespace, res.Codespace, res.Log)
			require.Equal(t, limits.ErrOverLimit.ABCICode(), res.Code, res.Log)
			require.Contains(t, res.Log, want)
		})
	}
	overLimit("MaxLines+1 lines", "lines has 51 entries, at most 50", claim(signer, limits.MaxLines+1, math.OneInt()))
	long := claim(signer, 1, math.OneInt())
	long.Member = strings.Repeat("a", limits.MaxMemberLength+1)
	overLimit("an over-long member id", "member is 65 bytes, at most 64", long)
	huge := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255))
	overLimit("a billed amount near math.Int's 256 bits", "line billed", claim(signer, 2, huge))
	overLimit("a chunk of MaxRowsPerChunk+1 rows", "rows has 10001 entries",
		&refdatatypes.MsgStageChunk{Loader: signer, Kind: refdatatypes.TABLE_KIND_MUE, Version: 1, Source: "CMS",
			Rows: refdatatypes.ChunkRows{Mue: make([]refdatatypes.MueRow, limits.MaxRowsPerChunk+1)}})
	overLimit("the second msg of a tx", "member is 65 bytes", claim(signer, 1, math.OneInt()), long)

	// Nested msgs are checked too, not first when they execute in a block.
	exec := authz.NewMsgExec(f.Validator.Address, []sdk.Msg{claim(signer, limits.MaxLines+1, math.OneInt())})
	overLimit("inside an authz MsgExec", "lines has 51 entries", &exec)
	admit := &membershiptypes.MsgAdmitMember{Authority: f.Gov, Kind: membershiptypes.MEMBER_KIND_PROVIDER,
		Name: strings.Repeat("n", limits.MaxNameLength+1), Npi: "1234567893", Operator: signer, AgreementHash: apptest.AgreementHash("a")}
	proposal, err := govv1.NewMsgSubmitProposal([]sdk.Msg{admit}, sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1)), signer,
		"", "admit", "admit a clinic", false)
	require.NoError(t, err)
	overLimit("inside a governance proposal", "name is 129 bytes", proposal)

	t.Run("an oversized tx", func(t *testing.T) {
		var msgs []sdk.Msg
		for size := 0; size <= limits.MaxTxBytes; size += claim(signer, limits.MaxLines, maxAmount).Size() {
			msgs = append(msgs, claim(signer, limits.MaxLines, maxAmount)) // each msg within the limits
		}
		res := checkTx(t, f, msgs...)
		require.Equal(t, sdkerrors.ErrTxTooLarge.Codespace(), res.Codespace, res.Log)
		require.Equal(t, sdkerrors.ErrTxTooLarge.ABCICode(), res.Code, res.Log)
		require.Contains(t, res.Log, "at most 1048576")
	})
}

// In a block (a proposer is not bound by anyone's CheckTx) the msg service
// router runs ValidateBasic before the handler; and the handler itself refuses
// amounts whose sum would overflow math.Int, which once panicked there.
func TestOverflowingClaimIsAnErrorNotAPanic(t *testing.T) {
	f := apptest.Setup(t)
	provider, _ := f.AdmitProvider("Riverside Clinic", "1234567893")
	huge := math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 255)) // two of them overflow 256 bits
	msg := claim(provider.String(), 2, huge)
	msg.Use = claimstypes.CLAIM_USE_PREAUTHORIZATION // no attestation to look up: straight to the total
	for i := range msg.Lines {
		msg.Lines[i].AttestationId, msg.Lines[i].AttestationLine = "", 0
	}

	handler := f.App.MsgServiceRouter().Handler(msg)
	require.NotNil(t, handler)
	err := f.Exec(func(ctx sdk.Context) error {
		_, err := handler(ctx, msg)
		return err
	})
	require.ErrorIs(t, err, limits.ErrOverLimit)

	require.NotPanics(t, func() {
		err = f.Exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).SubmitClaim(ctx, msg)
			return err
		})
	})
	require.ErrorIs(t, err, claimstypes.ErrInvalidLine)
	require.ErrorContains(t, err, "is above 1000000000000000 minor units")
}

// Every msg of every claimchain module has a ValidateBasic, so CheckTx
// enforces its limits.
func TestEveryClaimchainMsgHasValidateBasic(t *testing.T) {
	f := apptest.Setup(t)
	reg := f.App.InterfaceRegistry()
	n := 0
	for _, url := range reg.ListImplementations(sdk.MsgInterfaceProtoName) {
		if !strings.HasPrefix(url, "/claimchain.") {
			continue
		}
		msg, err := reg.Resolve(url)
		require.NoError(t, err)
		_, ok := msg.(sdk.HasValidateBasic)
		require.True(t, ok, "%s has no ValidateBasic", url)
		n++
	}
	require.Equal(t, 26, n, "claimchain msg types: membership 5, attestation 3, claims 5, adjudication 4, integrity 1, settlement 4, refdata 4")
}
