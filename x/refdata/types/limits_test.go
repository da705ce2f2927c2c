package types_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
	"github.com/claimchain/claimchain/x/refdata/types"
)

var loaderAddr = sdk.AccAddress(bytes.Repeat([]byte{5}, 20)).String()

func x(n int) string { return strings.Repeat("x", n) }

func stageChunk(kind types.TableKind, rows types.ChunkRows) *types.MsgStageChunk {
	return &types.MsgStageChunk{Loader: loaderAddr, Kind: kind, Version: 1, Index: 0, Source: "CMS 2026Q1", Rows: rows}
}

func mueRows(n int) []types.MueRow {
	out := make([]types.MueRow, n)
	for i := range out {
		out[i] = types.MueRow{Code: fmt.Sprintf("%05d", 10000+i), Units: 1, AdjudicationIndicator: 1}
	}
	return out
}

func primaries(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%05d", 10000+i)
	}
	return out
}

// Each limit at its edge passes ValidateBasic and Validate; one over it fails
// ValidateBasic with limits.ErrOverLimit naming the field.
func TestLimits(t *testing.T) {
	exclusion := func(f func(r *types.ExclusionRow)) types.ChunkRows {
		r := types.ExclusionRow{Npi: "1234567893", ExclusionDate: "2024-01-01"}
		f(&r)
		return types.ChunkRows{Exclusion: []types.ExclusionRow{r}}
	}
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"rows at limit", stageChunk(types.TABLE_KIND_MUE, types.ChunkRows{Mue: mueRows(limits.MaxRowsPerChunk)}), true, ""},
		{"rows over", stageChunk(types.TABLE_KIND_MUE, types.ChunkRows{Mue: mueRows(limits.MaxRowsPerChunk + 1)}), false, "rows"},
		{"rows of two kinds over", stageChunk(types.TABLE_KIND_MUE, types.ChunkRows{Mue: mueRows(limits.MaxRowsPerChunk),
			Ptp: []types.PtpRow{{Column1: "99213", Column2: "99214", EffectiveDate: "2024-01-01"}}}), false, "rows"},
		{"primary codes at limit", stageChunk(types.TABLE_KIND_ADD_ON, types.ChunkRows{AddOn: []types.AddOnRow{
			{AddOnCode: "99417", Type: 1, PrimaryCodes: primaries(limits.MaxPrimaryCodes)}}}), true, ""},
		{"primary codes over", stageChunk(types.TABLE_KIND_ADD_ON, types.ChunkRows{AddOn: []types.AddOnRow{
			{AddOnCode: "99417", Type: 1, PrimaryCodes: primaries(limits.MaxPrimaryCodes + 1)}}}), false, "primary_codes"},
		{"primary code over", stageChunk(types.TABLE_KIND_ADD_ON, types.ChunkRows{AddOn: []types.AddOnRow{
			{AddOnCode: "99417", Type: 1, PrimaryCodes: []string{x(limits.MaxCodeLength + 1)}}}}), false, "primary_codes"},
		{"ptp code over", stageChunk(types.TABLE_KIND_PTP, types.ChunkRows{Ptp: []types.PtpRow{
			{Column1: x(limits.MaxCodeLength + 1), Column2: "99214", EffectiveDate: "2024-01-01"}}}), false, "ptp column1"},
		{"ptp date over", stageChunk(types.TABLE_KIND_PTP, types.ChunkRows{Ptp: []types.PtpRow{
			{Column1: "99213", Column2: "99214", EffectiveDate: "2024-01-01", DeletionDate: x(limits.MaxDateLength + 1)}}}), false, "deletion_date"},
		{"mue code over", stageChunk(types.TABLE_KIND_MUE, types.ChunkRows{Mue: []types.MueRow{{Code: x(limits.MaxCodeLength + 1)}}}), false, "mue code"},
		{"npi over", stageChunk(types.TABLE_KIND_EXCLUSION, exclusion(func(r *types.ExclusionRow) { r.Npi = x(limits.MaxCodeLength + 1) })), false, "npi"},
		{"waiver state over", stageChunk(types.TABLE_KIND_EXCLUSION, exclusion(func(r *types.ExclusionRow) { r.WaiverState = x(limits.MaxCodeLength + 1) })), false, "waiver_state"},
		{"waiver date over", stageChunk(types.TABLE_KIND_EXCLUSION, exclusion(func(r *types.ExclusionRow) { r.WaiverDate = x(limits.MaxDateLength + 1) })), false, "waiver_date"},
		{"sex over", stageChunk(types.TABLE_KIND_AGE_SEX, types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "99213", Sex: x(limits.MaxCodeLength + 1)}}}), false, "sex"},
		{"minutes code over", stageChunk(types.TABLE_KIND_TYPICAL_MINUTES, types.ChunkRows{TypicalMinutes: []types.TypicalMinutesRow{
			{Code: x(limits.MaxCodeLength + 1), Minutes: 1}}}), false, "typical-minutes code"},
		{"family at limit", stageChunk(types.TABLE_KIND_EM_LEVEL, types.ChunkRows{EmLevel: []types.EmLevelRow{
			{Code: "99213", Family: x(limits.MaxEmFamilyLength), Level: 3}}}), true, ""},
		{"family over", stageChunk(types.TABLE_KIND_EM_LEVEL, types.ChunkRows{EmLevel: []types.EmLevelRow{
			{Code: "99213", Family: x(limits.MaxEmFamilyLength + 1), Level: 3}}}), false, "family"},
		{"source at limit", &types.MsgStageChunk{Loader: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, Source: x(limits.MaxSourceLength),
			Rows: types.ChunkRows{Mue: mueRows(1)}}, true, ""},
		{"source over", &types.MsgStageChunk{Loader: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, Source: x(limits.MaxSourceLength + 1),
			Rows: types.ChunkRows{Mue: mueRows(1)}}, false, "source"},
		{"loader over", &types.MsgStageChunk{Loader: x(limits.MaxAddressLength + 1)}, false, "loader"},
		{"expected hash at limit", &types.MsgActivateVersion{Loader: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1,
			AppliesFrom: "2026-01-01", ExpectedHash: make([]byte, limits.MaxDigestLength)}, true, ""},
		{"expected hash over", &types.MsgActivateVersion{Loader: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1,
			AppliesFrom: "2026-01-01", ExpectedHash: make([]byte, limits.MaxDigestLength+1)}, false, "expected_hash"},
		{"applies from over", &types.MsgActivateVersion{Loader: loaderAddr, AppliesFrom: x(limits.MaxDateLength + 1)}, false, "applies_from"},
		{"reason at limit", &types.MsgRevokeVersion{Authority: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, Reason: x(limits.MaxReasonLength)}, true, ""},
		{"reason over", &types.MsgRevokeVersion{Authority: loaderAddr, Kind: types.TABLE_KIND_MUE, Version: 1, Reason: x(limits.MaxReasonLength + 1)}, false, "reason"},
		{"params loader over", &types.MsgUpdateParams{Authority: loaderAddr, Params: types.Params{Loader: x(limits.MaxAddressLength + 1)}}, false, "loader"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.ok {
				require.NoError(t, err)
				if _, isActivate := tc.msg.(*types.MsgActivateVersion); !isActivate { // a sha256 hash has 32 bytes
					require.NoError(t, tc.msg.(interface{ Validate() error }).Validate())
				}
				return
			}
			require.ErrorIs(t, err, limits.ErrOverLimit)
			require.ErrorContains(t, err, tc.field)
		})
	}
}
