package apptest

import (
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	refdatakeeper "github.com/claimchain/claimchain/x/refdata/keeper"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// LoadReference appoints the founding insurer's operator as the reference-data
// loader (as governance would), stages rows as version `version` of a table in
// one chunk and activates it from appliesFrom.
func (f *Fixture) LoadReference(kind refdatatypes.TableKind, version uint32, appliesFrom string, rows refdatatypes.ChunkRows) {
	f.T.Helper()
	srv := refdatakeeper.NewMsgServerImpl(f.App.RefdataKeeper)
	params := refdatatypes.DefaultParams()
	params.Loader = f.Validator.String()
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		_, err := srv.UpdateParams(ctx, &refdatatypes.MsgUpdateParams{Authority: f.Gov, Params: params})
		return err
	}))
	hash, err := refdatatypes.ChunkHash(refdatatypes.EmptyHash, rows)
	require.NoError(f.T, err)
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		if _, err := srv.StageChunk(ctx, &refdatatypes.MsgStageChunk{Loader: f.Validator.String(), Kind: kind, Version: version,
			Index: 0, Source: "test fixture", Rows: rows}); err != nil {
			return err
		}
		_, err := srv.ActivateVersion(ctx, &refdatatypes.MsgActivateVersion{Loader: f.Validator.String(), Kind: kind, Version: version,
			AppliesFrom: appliesFrom, ExpectedChunks: 1, ExpectedRows: uint64(rows.Len()), ExpectedHash: hash})
		return err
	}))
}
