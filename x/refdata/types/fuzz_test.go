package types_test

import (
	"testing"

	"github.com/claimchain/claimchain/testutil/msgfuzz"
	"github.com/claimchain/claimchain/x/refdata/types"
)

var fuzzTypes = []msgfuzz.Type{
	msgfuzz.Of(func() *types.MsgUpdateParams { return &types.MsgUpdateParams{} }, (*types.MsgUpdateParams).Validate),
	msgfuzz.Of(func() *types.MsgStageChunk { return &types.MsgStageChunk{} }, (*types.MsgStageChunk).Validate),
	msgfuzz.Of(func() *types.MsgActivateVersion { return &types.MsgActivateVersion{} }, (*types.MsgActivateVersion).Validate),
	msgfuzz.Of(func() *types.MsgRevokeVersion { return &types.MsgRevokeVersion{} }, (*types.MsgRevokeVersion).Validate),
}

// FuzzMsgs decodes bytes as a refdata msg: ValidateBasic and Validate return,
// never panic, and a msg within the limits round-trips unchanged.
func FuzzMsgs(f *testing.F) {
	msgfuzz.Seed(f, fuzzTypes,
		&types.MsgUpdateParams{Authority: loaderAddr, Params: types.Params{Loader: loaderAddr, MaxRowsPerChunk: 2000}},
		stageChunk(types.TABLE_KIND_MUE, types.ChunkRows{Mue: mueRows(3)}),
		stageChunk(types.TABLE_KIND_PTP, types.ChunkRows{Ptp: []types.PtpRow{
			{Column1: "99213", Column2: "99214", EffectiveDate: "2024-01-01", DeletionDate: "2025-01-01", ModifierIndicator: 1}}}),
		stageChunk(types.TABLE_KIND_ADD_ON, types.ChunkRows{AddOn: []types.AddOnRow{{AddOnCode: "99417", Type: 1, PrimaryCodes: primaries(3)}}}),
		stageChunk(types.TABLE_KIND_EXCLUSION, types.ChunkRows{Exclusion: []types.ExclusionRow{
			{Npi: "1234567893", ExclusionDate: "2024-01-01", ReinstatementDate: "2025-01-01", WaiverDate: "2024-06-01", WaiverState: "OR"}}}),
		stageChunk(types.TABLE_KIND_AGE_SEX, types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}}}),
		stageChunk(types.TABLE_KIND_TYPICAL_MINUTES, types.ChunkRows{TypicalMinutes: []types.TypicalMinutesRow{{Code: "99213", Minutes: 20}}}),
		stageChunk(types.TABLE_KIND_EM_LEVEL, types.ChunkRows{EmLevel: []types.EmLevelRow{{Code: "99213", Family: "office-established", Level: 3}}}),
		&types.MsgActivateVersion{Loader: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, AppliesFrom: "2026-01-01",
			ExpectedChunks: 1, ExpectedRows: 3, ExpectedHash: types.EmptyHash},
		&types.MsgRevokeVersion{Authority: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, Reason: "wrong file"},
	)
	f.Fuzz(func(t *testing.T, kind uint8, bz []byte) { msgfuzz.Check(t, fuzzTypes, kind, bz) })
}
