package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/claimchain/claimchain/x/refdata/client/cli"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

type tableSet struct {
	versions []refdatatypes.TableVersion
	rows     []refdatatypes.VersionRows
	summary  string
}

// loadTables reads the fixture tables of examples/refdata and pads the PTP table
// with synthetic pairs of surgery codes (10000-10999 × 20000-20999: none is billed
// by the load, so lookups walk a full-size table without denying every claim).
// Each becomes version 1 of its kind, active from appliesFrom, with the content
// hash staging would have recorded in chunks of the default size.
func loadTables(dir string, ptpRows int, appliesFrom string) (tableSet, error) {
	var ts tableSet
	ptp, _, err := parseFile(dir, "ptp-practitioner-2026q1.txt", cli.ParsePTP)
	if err != nil {
		return ts, err
	}
	for p := 0; len(ptp) < ptpRows; p++ {
		ptp = append(ptp, refdatatypes.PtpRow{
			Column1: fmt.Sprintf("%05d", 10000+p/1000), Column2: fmt.Sprintf("%05d", 20000+p%1000),
			EffectiveDate: "2018-01-01", ModifierIndicator: 1,
		})
	}
	slices.SortFunc(ptp, func(a, b refdatatypes.PtpRow) int {
		return strings.Compare(a.Column1+a.Column2+a.EffectiveDate, b.Column1+b.Column2+b.EffectiveDate)
	})
	mue, _, err := parseFile(dir, "mue-practitioner-2026q1.csv", cli.ParseMUE)
	if err != nil {
		return ts, err
	}
	leie, _, err := parseFile(dir, "leie-full.csv", cli.ParseLEIE)
	if err != nil {
		return ts, err
	}
	addOn, err := parseFile1(dir, "add-on-2026.csv", cli.ParseAddOn)
	if err != nil {
		return ts, err
	}
	ageSex, err := parseFile1(dir, "age-sex-2026.csv", cli.ParseAgeSex)
	if err != nil {
		return ts, err
	}
	minutes, err := parseFile1(dir, "typical-minutes.csv", cli.ParseTypicalMinutes)
	if err != nil {
		return ts, err
	}
	em, err := parseFile1(dir, "em-levels.csv", cli.ParseEMLevels)
	if err != nil {
		return ts, err
	}
	for _, t := range []struct {
		kind   refdatatypes.TableKind
		source string
		rows   []refdatatypes.ChunkRows
	}{
		{refdatatypes.TABLE_KIND_PTP, "claimload: fixture PTP + synthetic pairs", chunk(ptp, func(r []refdatatypes.PtpRow) refdatatypes.ChunkRows { return refdatatypes.ChunkRows{Ptp: r} })},
		{refdatatypes.TABLE_KIND_MUE, "claimload: examples/refdata MUE", chunk(mue, func(r []refdatatypes.MueRow) refdatatypes.ChunkRows { return refdatatypes.ChunkRows{Mue: r} })},
		{refdatatypes.TABLE_KIND_EXCLUSION, "claimload: examples/refdata LEIE", chunk(leie, func(r []refdatatypes.ExclusionRow) refdatatypes.ChunkRows {
			return refdatatypes.ChunkRows{Exclusion: r}
		})},
		{refdatatypes.TABLE_KIND_ADD_ON, "claimload: examples/refdata add-on", chunk(addOn, func(r []refdatatypes.AddOnRow) refdatatypes.ChunkRows { return refdatatypes.ChunkRows{AddOn: r} })},
		{refdatatypes.TABLE_KIND_AGE_SEX, "claimload: examples/refdata age/sex", chunk(ageSex, func(r []refdatatypes.AgeSexRow) refdatatypes.ChunkRows { return refdatatypes.ChunkRows{AgeSex: r} })},
		{refdatatypes.TABLE_KIND_TYPICAL_MINUTES, "claimload: examples/refdata typical minutes", chunk(minutes, func(r []refdatatypes.TypicalMinutesRow) refdatatypes.ChunkRows {
			return refdatatypes.ChunkRows{TypicalMinutes: r}
		})},
		{refdatatypes.TABLE_KIND_EM_LEVEL, "claimload: examples/refdata E/M levels", chunk(em, func(r []refdatatypes.EmLevelRow) refdatatypes.ChunkRows { return refdatatypes.ChunkRows{EmLevel: r} })},
	} {
		if err := ts.add(t.kind, t.source, t.rows, appliesFrom); err != nil {
			return ts, err
		}
	}
	ts.summary = fmt.Sprintf("reference tables (PTP %d rows, MUE %d, LEIE %d, add-on %d, age/sex %d, typical minutes %d, E/M levels %d)",
		len(ptp), len(mue), len(leie), len(addOn), len(ageSex), len(minutes), len(em))
	return ts, nil
}

func (ts *tableSet) add(kind refdatatypes.TableKind, source string, chunks []refdatatypes.ChunkRows, appliesFrom string) error {
	v := refdatatypes.TableVersion{Kind: kind, Version: 1, Status: refdatatypes.VERSION_STATUS_ACTIVE, Source: source,
		Chunks: uint32(len(chunks)), ContentHash: refdatatypes.EmptyHash, AppliesFrom: appliesFrom}
	var all refdatatypes.ChunkRows
	for _, c := range chunks {
		h, err := refdatatypes.ChunkHash(v.ContentHash, c)
		if err != nil {
			return err
		}
		v.ContentHash = h
		v.Rows += uint64(c.Len())
		all.Ptp, all.Mue, all.Exclusion = append(all.Ptp, c.Ptp...), append(all.Mue, c.Mue...), append(all.Exclusion, c.Exclusion...)
		all.AddOn, all.AgeSex = append(all.AddOn, c.AddOn...), append(all.AgeSex, c.AgeSex...)
		all.TypicalMinutes, all.EmLevel = append(all.TypicalMinutes, c.TypicalMinutes...), append(all.EmLevel, c.EmLevel...)
	}
	ts.versions = append(ts.versions, v)
	ts.rows = append(ts.rows, refdatatypes.VersionRows{Kind: kind, Version: 1, Rows: all})
	return nil
}

// chunk splits rows as the import tool stages them.
func chunk[R any](rows []R, wrap func([]R) refdatatypes.ChunkRows) []refdatatypes.ChunkRows {
	var out []refdatatypes.ChunkRows
	for len(rows) > 0 {
		n := min(len(rows), refdatatypes.DefaultMaxRowsPerChunk)
		out = append(out, wrap(rows[:n]))
		rows = rows[n:]
	}
	return out
}

func parseFile[R any](dir, name string, parse func(io.Reader) ([]R, cli.Skipped, error)) ([]R, cli.Skipped, error) {
	f, err := os.Open(filepath.Clean(filepath.Join(dir, name)))
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = f.Close() }()
	rows, skipped, err := parse(f)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return rows, skipped, nil
}

func parseFile1[R any](dir, name string, parse func(io.Reader) ([]R, error)) ([]R, error) {
	rows, _, err := parseFile(dir, name, func(r io.Reader) ([]R, cli.Skipped, error) {
		rows, err := parse(r)
		return rows, nil, err
	})
	return rows, err
}
