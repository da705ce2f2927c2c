package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/refdata/types"
)

func TestRowValidation(t *testing.T) {
	ptp := func(f func(*types.PtpRow)) types.ChunkRows {
		r := types.PtpRow{Column1: "29880", Column2: "29870", EffectiveDate: "2015-01-01", ModifierIndicator: 1}
		f(&r)
		return types.ChunkRows{Ptp: []types.PtpRow{r}}
	}
	mue := func(f func(*types.MueRow)) types.ChunkRows {
		r := types.MueRow{Code: "99213", Units: 4, AdjudicationIndicator: 3}
		f(&r)
		return types.ChunkRows{Mue: []types.MueRow{r}}
	}
	aoc := func(f func(*types.AddOnRow)) types.ChunkRows {
		r := types.AddOnRow{AddOnCode: "11045", PrimaryCodes: []string{"11042"}, Type: 1}
		f(&r)
		return types.ChunkRows{AddOn: []types.AddOnRow{r}}
	}
	excl := func(f func(*types.ExclusionRow)) types.ChunkRows {
		r := types.ExclusionRow{Npi: "1234567893", ExclusionDate: "2020-01-01"}
		f(&r)
		return types.ChunkRows{Exclusion: []types.ExclusionRow{r}}
	}
	ageSex := func(f func(*types.AgeSexRow)) types.ChunkRows {
		r := types.AgeSexRow{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}
		f(&r)
		return types.ChunkRows{AgeSex: []types.AgeSexRow{r}}
	}
	minutes := func(f func(*types.TypicalMinutesRow)) types.ChunkRows {
		r := types.TypicalMinutesRow{Code: "99213", Minutes: 20}
		f(&r)
		return types.ChunkRows{TypicalMinutes: []types.TypicalMinutesRow{r}}
	}
	em := func(f func(*types.EmLevelRow)) types.ChunkRows {
		r := types.EmLevelRow{Code: "99213", Family: "office-established", Level: 3}
		f(&r)
		return types.ChunkRows{EmLevel: []types.EmLevelRow{r}}
	}
	same := func(*types.PtpRow) {}
	cases := []struct {
		name string
		kind types.TableKind
		rows types.ChunkRows
		err  error
	}{
		{"ptp ok", types.TABLE_KIND_PTP, ptp(same), nil},
		{"ptp HCPCS and open", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.Column2 = "J1100"; r.ModifierIndicator = 9 }), nil},
		{"ptp deleted the day it started", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.DeletionDate = r.EffectiveDate }), nil},
		{"ptp modifier 2", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.ModifierIndicator = 2 }), types.ErrInvalidRow},
		{"ptp self pair", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.Column2 = r.Column1 }), types.ErrInvalidRow},
		{"ptp bad column1", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.Column1 = "2988" }), types.ErrInvalidRow},
		{"ptp CMS date layout", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.EffectiveDate = "20150101" }), types.ErrInvalidRow},
		{"ptp '*' deletion", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.DeletionDate = "*" }), types.ErrInvalidRow},
		{"ptp deleted before effective", types.TABLE_KIND_PTP, ptp(func(r *types.PtpRow) { r.DeletionDate = "2014-12-31" }), types.ErrInvalidRow},
		{"mue ok", types.TABLE_KIND_MUE, mue(func(*types.MueRow) {}), nil},
		{"mue of zero units", types.TABLE_KIND_MUE, mue(func(r *types.MueRow) { r.Units = 0 }), nil},
		{"mue MAI 4", types.TABLE_KIND_MUE, mue(func(r *types.MueRow) { r.AdjudicationIndicator = 4 }), types.ErrInvalidRow},
		{"mue MAI 0", types.TABLE_KIND_MUE, mue(func(r *types.MueRow) { r.AdjudicationIndicator = 0 }), types.ErrInvalidRow},
		{"aoc ok", types.TABLE_KIND_ADD_ON, aoc(func(*types.AddOnRow) {}), nil},
		{"aoc type 2 without primaries", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.Type = 2; r.PrimaryCodes = nil }), nil},
		{"aoc type 2 with primaries", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.Type = 2 }), types.ErrInvalidRow},
		{"aoc type 1 without primaries", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.PrimaryCodes = nil }), types.ErrInvalidRow},
		{"aoc type 4", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.Type = 4 }), types.ErrInvalidRow},
		{"aoc primary twice", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.PrimaryCodes = []string{"11042", "11042"} }), types.ErrInvalidRow},
		{"aoc bad primary", types.TABLE_KIND_ADD_ON, aoc(func(r *types.AddOnRow) { r.PrimaryCodes = []string{"x"} }), types.ErrInvalidRow},
		{"exclusion ok", types.TABLE_KIND_EXCLUSION, excl(func(*types.ExclusionRow) {}), nil},
		{"exclusion reinstated and waived", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) {
			r.ReinstatementDate, r.WaiverDate, r.WaiverState = "2022-01-01", "2021-01-01", "NY"
		}), nil},
		{"exclusion placeholder NPI", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) { r.Npi = "0000000000" }), types.ErrInvalidRow},
		{"exclusion check digit", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) { r.Npi = "1234567890" }), types.ErrInvalidRow},
		{"exclusion reinstated the same day", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) { r.ReinstatementDate = r.ExclusionDate }), types.ErrInvalidRow},
		{"exclusion placeholder date", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) { r.ReinstatementDate = "00000000" }), types.ErrInvalidRow},
		{"exclusion waiver state", types.TABLE_KIND_EXCLUSION, excl(func(r *types.ExclusionRow) { r.WaiverState = "ny" }), types.ErrInvalidRow},
		{"age-sex ok", types.TABLE_KIND_AGE_SEX, ageSex(func(*types.AgeSexRow) {}), nil},
		{"age-sex no upper limit", types.TABLE_KIND_AGE_SEX, ageSex(func(r *types.AgeSexRow) { r.MinAge, r.MaxAge, r.Sex = 65, 0, "" }), nil},
		{"age-sex min above max", types.TABLE_KIND_AGE_SEX, ageSex(func(r *types.AgeSexRow) { r.MinAge, r.MaxAge = 18, 17 }), types.ErrInvalidRow},
		{"age-sex sex U", types.TABLE_KIND_AGE_SEX, ageSex(func(r *types.AgeSexRow) { r.Sex = "U" }), types.ErrInvalidRow},
		{"minutes ok", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(*types.TypicalMinutesRow) {}), nil},
		{"minutes 1", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Minutes = 1 }), nil},
		{"minutes 1440", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Minutes = 1440 }), nil},
		{"minutes HCPCS", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Code = "G0283" }), nil},
		{"minutes 0", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Minutes = 0 }), types.ErrInvalidRow},
		{"minutes 1441", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Minutes = 1441 }), types.ErrInvalidRow},
		{"minutes bad code", types.TABLE_KIND_TYPICAL_MINUTES, minutes(func(r *types.TypicalMinutesRow) { r.Code = "" }), types.ErrInvalidRow},
		{"em ok", types.TABLE_KIND_EM_LEVEL, em(func(*types.EmLevelRow) {}), nil},
		{"em level 1 and 5", types.TABLE_KIND_EM_LEVEL, types.ChunkRows{EmLevel: []types.EmLevelRow{
			{Code: "99211", Family: "office-established", Level: 1}, {Code: "99215", Family: "office-established", Level: 5},
		}}, nil},
		{"em family of digits and 40 characters", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = strings.Repeat("9-", 20) }), nil},
		{"em level 0", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Level = 0 }), types.ErrInvalidRow},
		{"em level 6", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Level = 6 }), types.ErrInvalidRow},
		{"em no family", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = "" }), types.ErrInvalidRow},
		{"em family of 41", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = strings.Repeat("a", 41) }), types.ErrInvalidRow},
		{"em family upper-case", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = "Office" }), types.ErrInvalidRow},
		{"em family underscore", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = "office_new" }), types.ErrInvalidRow},
		{"em family non-ASCII", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Family = "bür" }), types.ErrInvalidRow},
		{"em bad code", types.TABLE_KIND_EM_LEVEL, em(func(r *types.EmLevelRow) { r.Code = "E/M" }), types.ErrInvalidRow},
		{"minutes rows in an em chunk", types.TABLE_KIND_EM_LEVEL, minutes(func(*types.TypicalMinutesRow) {}), types.ErrInvalidChunk},
		{"em rows in a minutes chunk", types.TABLE_KIND_TYPICAL_MINUTES, em(func(*types.EmLevelRow) {}), types.ErrInvalidChunk},
		{"rows of another kind", types.TABLE_KIND_MUE, ptp(same), types.ErrInvalidChunk},
		{"no kind", types.TABLE_KIND_UNSPECIFIED, ptp(same), types.ErrInvalidKind},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.rows.Validate(tc.kind)
			if tc.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.err)
		})
	}
}

func TestWindows(t *testing.T) {
	edit := types.PtpRow{EffectiveDate: "2015-01-01", DeletionDate: "2022-01-01"}
	require.False(t, edit.Covers("2014-12-31"))
	require.True(t, edit.Covers("2015-01-01"))
	require.True(t, edit.Covers("2021-12-31"))
	require.False(t, edit.Covers("2022-01-01"))
	edit.DeletionDate = ""
	require.True(t, edit.Covers("2999-12-31"))

	bar := types.ExclusionRow{ExclusionDate: "2020-01-01", ReinstatementDate: "2024-01-01", WaiverDate: "2022-01-01"}
	require.False(t, bar.Excludes("2019-12-31"))
	require.True(t, bar.Excludes("2020-01-01"))
	require.False(t, bar.Excludes("2022-01-01"), "waived")
	bar.WaiverDate = ""
	require.True(t, bar.Excludes("2023-12-31"))
	require.False(t, bar.Excludes("2024-01-01"), "reinstated")
}

func TestMsgValidation(t *testing.T) {
	loader := sdk.AccAddress([]byte("refdata-loader-addr.")).String()
	stage := func(f func(*types.MsgStageChunk)) *types.MsgStageChunk {
		m := &types.MsgStageChunk{Loader: loader, Kind: types.TABLE_KIND_MUE, Version: 1, Index: 0, Source: "CMS MUE 2026Q2",
			Rows: types.ChunkRows{Mue: []types.MueRow{{Code: "99213", Units: 4, AdjudicationIndicator: 3}}}}
		f(m)
		return m
	}
	many := make([]types.MueRow, types.MaxRowsPerChunkLimit+1)
	for i := range many {
		many[i] = types.MueRow{Code: "99213", Units: 1, AdjudicationIndicator: 1}
	}
	cases := []struct {
		name string
		msg  interface{ Validate() error }
		err  error
	}{
		{"stage ok", stage(func(*types.MsgStageChunk) {}), nil},
		{"later chunk without source", stage(func(m *types.MsgStageChunk) { m.Index, m.Source = 3, "" }), nil},
		{"chunk 0 without source", stage(func(m *types.MsgStageChunk) { m.Source = " " }), types.ErrInvalidSource},
		{"source too long", stage(func(m *types.MsgStageChunk) { m.Source = strings.Repeat("s", 257) }), types.ErrInvalidSource},
		{"bad loader", stage(func(m *types.MsgStageChunk) { m.Loader = "loader" }), types.ErrInvalidAddress},
		{"version 0", stage(func(m *types.MsgStageChunk) { m.Version = 0 }), types.ErrVersionNotFound},
		{"empty chunk", stage(func(m *types.MsgStageChunk) { m.Rows = types.ChunkRows{} }), types.ErrInvalidChunk},
		{"oversized chunk", stage(func(m *types.MsgStageChunk) { m.Rows = types.ChunkRows{Mue: many} }), types.ErrInvalidChunk},
		{"activate ok", &types.MsgActivateVersion{Loader: loader, Kind: types.TABLE_KIND_PTP, Version: 2, AppliesFrom: "2026-04-01",
			ExpectedChunks: 1, ExpectedRows: 1, ExpectedHash: types.EmptyHash}, nil},
		{"activate without date", &types.MsgActivateVersion{Loader: loader, Kind: types.TABLE_KIND_PTP, Version: 2,
			ExpectedHash: types.EmptyHash}, types.ErrInvalidDate},
		{"activate without hash", &types.MsgActivateVersion{Loader: loader, Kind: types.TABLE_KIND_PTP, Version: 2,
			AppliesFrom: "2026-04-01"}, types.ErrIncomplete},
		{"revoke ok", &types.MsgRevokeVersion{Kind: types.TABLE_KIND_PTP, Version: 2, Reason: "wrong file"}, nil},
		{"revoke without reason", &types.MsgRevokeVersion{Kind: types.TABLE_KIND_PTP, Version: 2}, types.ErrInvalidReason},
		{"revoke without kind", &types.MsgRevokeVersion{Version: 2, Reason: "x"}, types.ErrInvalidKind},
		{"params ok", &types.MsgUpdateParams{Params: types.DefaultParams()}, nil},
		{"params of no chunk size", &types.MsgUpdateParams{}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.Validate()
			if tc.err == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.err)
		})
	}
}
