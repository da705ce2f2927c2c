package cli

import (
	"io"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/refdata/types"
)

func TestMergeLEIE(t *testing.T) {
	full := []types.ExclusionRow{
		{Npi: "1234567893", ExclusionDate: "2019-03-15"},
		{Npi: "1987654328", ExclusionDate: "2021-08-20", WaiverDate: "2022-01-01", WaiverState: "NY"},
	}
	exclusions := []types.ExclusionRow{
		{Npi: "1543210987", ExclusionDate: "2026-02-19"},
		{Npi: "1987654328", ExclusionDate: "2021-08-20"}, // already in the full file: kept once, waiver kept
	}
	reinstatements := []types.ExclusionRow{
		{Npi: "1234567893", ExclusionDate: "2019-03-15", ReinstatementDate: "2026-02-05"}, // closes a full-file window
		{Npi: "1000000079", ExclusionDate: "2020-01-01", ReinstatementDate: "2026-02-10"}, // dropped from the full file: added closed
	}
	fullCopy := append([]types.ExclusionRow(nil), full...)
	got := MergeLEIE(full, exclusions, reinstatements)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1000000079", ExclusionDate: "2020-01-01", ReinstatementDate: "2026-02-10"},
		{Npi: "1234567893", ExclusionDate: "2019-03-15", ReinstatementDate: "2026-02-05"},
		{Npi: "1543210987", ExclusionDate: "2026-02-19"},
		{Npi: "1987654328", ExclusionDate: "2021-08-20", WaiverDate: "2022-01-01", WaiverState: "NY"},
	}, got)
	require.Equal(t, fullCopy, full, "the full file's rows are not modified")

	// A later exclusion supplement that lists the window again does not reopen it.
	again := MergeLEIE(got, []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2019-03-15"}}, nil)
	require.Equal(t, "2026-02-05", again[1].ReinstatementDate)
	// A re-exclusion after reinstatement is a new window; the old one stays closed.
	again = MergeLEIE(got, []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2026-06-01"}}, nil)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1234567893", ExclusionDate: "2019-03-15", ReinstatementDate: "2026-02-05"},
		{Npi: "1234567893", ExclusionDate: "2026-06-01"},
	}, again[1:3])
	// A waiver published with a supplement replaces the stored one.
	again = MergeLEIE(got, nil, []types.ExclusionRow{{Npi: "1543210987", ExclusionDate: "2026-02-19", ReinstatementDate: "2026-03-01", WaiverDate: "2026-02-20", WaiverState: "CA"}})
	require.Equal(t, types.ExclusionRow{Npi: "1543210987", ExclusionDate: "2026-02-19", ReinstatementDate: "2026-03-01", WaiverDate: "2026-02-20", WaiverState: "CA"}, again[2])
}

func TestSplitSupplement(t *testing.T) {
	e, r := SplitSupplement([]types.ExclusionRow{
		{Npi: "1234567893", ExclusionDate: "2019-03-15", ReinstatementDate: "2026-02-05"},
		{Npi: "1543210987", ExclusionDate: "2026-02-19"},
	})
	require.Equal(t, []types.ExclusionRow{{Npi: "1543210987", ExclusionDate: "2026-02-19"}}, e)
	require.Equal(t, []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2019-03-15", ReinstatementDate: "2026-02-05"}}, r)
}

// The fixtures' full file plus both February supplements: GOLF's window in the
// full file is closed, MIKE's (not in the full file) is added closed, KILO and
// the DME supplier are added, DELTA keeps its waiver.
func TestReadTableExclusionFixtures(t *testing.T) {
	tbl, err := ReadTable(types.TABLE_KIND_EXCLUSION, []string{filepath.Join(fixtures, "leie-full.csv")}, []string{
		filepath.Join(fixtures, "leie-reinstatements-2026-02.csv"),
		filepath.Join(fixtures, "leie-exclusions-2026-02.csv"),
	}, io.Discard)
	require.NoError(t, err)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1000000004", ExclusionDate: "2019-03-15"},
		{Npi: "1000000012", ExclusionDate: "2021-08-20"},
		{Npi: "1000000020", ExclusionDate: "2023-01-10", WaiverDate: "2024-01-01", WaiverState: "NY"},
		{Npi: "1000000038", ExclusionDate: "2025-06-01", ReinstatementDate: "2026-02-05"},
		{Npi: "1000000046", ExclusionDate: "2015-11-05"},
		{Npi: "1000000053", ExclusionDate: "2026-01-15"},
		{Npi: "1000000061", ExclusionDate: "2026-02-19"},
		{Npi: "1000000079", ExclusionDate: "2020-01-01", ReinstatementDate: "2026-02-10"},
		{Npi: "1000000087", ExclusionDate: "2026-02-26"},
	}, tbl.Rows.Exclusion)
	require.Equal(t, Skipped{SkipNoNPI: 6, SkipInvalidNPI: 1}, tbl.Skipped)

	// The order of the supplements does not matter.
	other, err := ReadTable(types.TABLE_KIND_EXCLUSION, []string{filepath.Join(fixtures, "leie-full.csv")}, []string{
		filepath.Join(fixtures, "leie-exclusions-2026-02.csv"),
		filepath.Join(fixtures, "leie-reinstatements-2026-02.csv"),
	}, io.Discard)
	require.NoError(t, err)
	require.Equal(t, tbl.Rows, other.Rows)

	_, err = ReadTable(types.TABLE_KIND_PTP, []string{filepath.Join(fixtures, "ptp-practitioner-2026q1.txt")}, []string{"x.csv"}, io.Discard)
	require.ErrorContains(t, err, "--supplement applies to the exclusion table only")
}
