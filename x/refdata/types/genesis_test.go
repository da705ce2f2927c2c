package types_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/refdata/types"
)

func validGenesis(t *testing.T) types.GenesisState {
	rows := types.ChunkRows{Mue: []types.MueRow{{Code: "99213", Units: 4, AdjudicationIndicator: 3}, {Code: "99214", Units: 3, AdjudicationIndicator: 3}}}
	hash, err := types.ChunkHash(types.EmptyHash, rows)
	require.NoError(t, err)
	return types.GenesisState{
		Params: types.DefaultParams(),
		Versions: []types.TableVersion{
			{Kind: types.TABLE_KIND_MUE, Version: 1, Status: types.VERSION_STATUS_ACTIVE, Source: "CMS MUE 2026Q1",
				Chunks: 1, Rows: 2, ContentHash: hash, AppliesFrom: "2026-01-01", ActivatedHeight: 7},
		},
		Rows: []types.VersionRows{{Kind: types.TABLE_KIND_MUE, Version: 1, Rows: rows}},
	}
}

func TestGenesisValidate(t *testing.T) {
	require.NoError(t, types.DefaultGenesis().Validate())
	cases := []struct {
		name   string
		change func(*types.GenesisState)
		err    error
	}{
		{"valid", func(*types.GenesisState) {}, nil},
		{"bad params", func(gs *types.GenesisState) { gs.Params.MaxRowsPerChunk = 0 }, types.ErrInvalidParams},
		{"version twice", func(gs *types.GenesisState) { gs.Versions = append(gs.Versions, gs.Versions[0]) }, types.ErrInvalidGenesis},
		{"rows twice", func(gs *types.GenesisState) { gs.Rows = append(gs.Rows, gs.Rows[0]) }, types.ErrInvalidGenesis},
		{"rows of no version", func(gs *types.GenesisState) { gs.Rows[0].Version = 2 }, types.ErrInvalidGenesis},
		{"rows of another kind", func(gs *types.GenesisState) {
			gs.Rows[0].Rows.AgeSex = []types.AgeSexRow{{Code: "59400"}}
		}, types.ErrInvalidGenesis},
		{"row count differs", func(gs *types.GenesisState) { gs.Versions[0].Rows = 3 }, types.ErrInvalidGenesis},
		{"rows missing", func(gs *types.GenesisState) { gs.Rows = nil }, types.ErrInvalidGenesis},
		{"active without applies_from", func(gs *types.GenesisState) { gs.Versions[0].AppliesFrom = "" }, types.ErrInvalidGenesis},
		{"revoked without reason", func(gs *types.GenesisState) { gs.Versions[0].Status = types.VERSION_STATUS_REVOKED }, types.ErrInvalidGenesis},
		{"no status", func(gs *types.GenesisState) { gs.Versions[0].Status = types.VERSION_STATUS_UNSPECIFIED }, types.ErrInvalidGenesis},
		{"short hash", func(gs *types.GenesisState) { gs.Versions[0].ContentHash = []byte{1} }, types.ErrInvalidGenesis},
		{"invalid row", func(gs *types.GenesisState) { gs.Rows[0].Rows.Mue[0].AdjudicationIndicator = 9 }, types.ErrInvalidGenesis},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis(t)
			tc.change(&gs)
			err := gs.Validate()
			if tc.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.err)
		})
	}
}
