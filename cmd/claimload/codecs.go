package main

import (
	"context"
	"os"

	"cosmossdk.io/log/v2"

	dbm "github.com/cosmos/cosmos-db"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsign "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/claimchain/claimchain/app"
)

type codecs struct {
	cdc      codec.Codec
	txConfig client.TxConfig
}

// newCodecs takes the codecs from a throwaway app, as claimchaind's CLI does.
func newCodecs() codecs {
	dir, err := os.MkdirTemp("", "claimload")
	if err != nil {
		dir = os.TempDir()
	}
	defer func() { _ = os.RemoveAll(dir) }()
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), false, simtestutil.NewAppOptionsWithFlagHome(dir))
	return codecs{cdc: a.AppCodec(), txConfig: a.TxConfig()}
}

// account is a signing account of the load with its next sequence.
type account struct {
	key    *secp256k1.PrivKey
	addr   sdk.AccAddress
	number uint64
	seq    uint64
}

// sign builds and signs (SIGN_MODE_DIRECT) a tx of msgs at the account's next
// sequence and advances it.
func (c codecs) sign(chainID string, acc *account, gas uint64, msgs ...sdk.Msg) ([]byte, error) {
	b := c.txConfig.NewTxBuilder()
	if err := b.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	b.SetGasLimit(gas)
	fee := (gas + 999) / 1000 // min-gas-prices 0.001ufee
	b.SetFeeAmount(sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, int64(fee))))
	sig := signing.SignatureV2{PubKey: acc.key.PubKey(), Data: &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT}, Sequence: acc.seq}
	if err := b.SetSignatures(sig); err != nil {
		return nil, err
	}
	signerData := authsign.SignerData{Address: acc.addr.String(), ChainID: chainID, AccountNumber: acc.number, Sequence: acc.seq, PubKey: acc.key.PubKey()}
	bz, err := authsign.GetSignBytesAdapter(context.Background(), c.txConfig.SignModeHandler(), signing.SignMode_SIGN_MODE_DIRECT, signerData, b.GetTx())
	if err != nil {
		return nil, err
	}
	if sig.Data.(*signing.SingleSignatureData).Signature, err = acc.key.Sign(bz); err != nil {
		return nil, err
	}
	if err := b.SetSignatures(sig); err != nil {
		return nil, err
	}
	acc.seq++
	return c.txConfig.TxEncoder()(b.GetTx())
}
