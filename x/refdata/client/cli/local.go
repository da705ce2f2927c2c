package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// maxAge bounds the ages of the age/sex layout (the Medicare Code Editor's
// adult band ends at 124).
const maxAge = 150

// ParseAddOn reads add-on code edits in claimchain's CSV layout (CMS publishes
// add-on codes in layouts that change between releases; convert to this one):
//
//	add_on_code,type,primary_codes
//	99417,1,99205 99215
//
// type is the AOC edit type 1, 2 or 3; primary_codes are space-separated
// procedure codes: the listed primaries for types 1 and 3 (type 3's list is the
// part CMS publishes; payers may accept others), empty for type 2.
// The header record is optional and lines starting with # are comments. An
// add-on code may appear on several records with the same type (one record per
// primary, as in CMS's pair listings): their primaries are merged. Rows come
// back sorted by add-on code, primaries sorted.
func ParseAddOn(r io.Reader) ([]types.AddOnRow, error) {
	byCode := map[string]*types.AddOnRow{}
	first := map[string]int{}
	records := 0
	err := readRecords(r, '#', func(line int, f []string) error {
		records++
		if !isProcedureCode(f[0]) {
			if records == 1 && strings.EqualFold(f[0], "add_on_code") {
				return nil
			}
			return lineError(line, "add-on code %q is not a procedure code", f[0])
		}
		if len(f) < 2 || len(f) > 3 {
			return lineError(line, "%d fields, want add_on_code,type,primary_codes", len(f))
		}
		typ, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil || typ < 1 || typ > 3 {
			return lineError(line, "type %q: want 1, 2 or 3", f[1])
		}
		var primaries []string
		if len(f) == 3 {
			primaries = strings.Fields(f[2])
		}
		for _, p := range primaries {
			if !isProcedureCode(p) {
				return lineError(line, "primary code %q is not a procedure code", p)
			}
			if p == f[0] {
				return lineError(line, "add-on code %s lists itself as a primary", p)
			}
		}
		switch {
		case typ != 2 && len(primaries) == 0:
			return lineError(line, "type %d add-on code %s needs its primary codes", typ, f[0])
		case typ == 2 && len(primaries) > 0:
			return lineError(line, "type 2 add-on code %s has no primary codes defined: leave primary_codes empty", f[0])
		}
		row, ok := byCode[f[0]]
		if !ok {
			row = &types.AddOnRow{AddOnCode: f[0], Type: uint32(typ)}
			byCode[f[0]] = row
			first[f[0]] = line
		} else if row.Type != uint32(typ) {
			return lineError(line, "add-on code %s has type %d here and type %d on line %d", f[0], typ, row.Type, first[f[0]])
		}
		row.PrimaryCodes = append(row.PrimaryCodes, primaries...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(byCode) == 0 {
		return nil, errors.New("no add-on code found: want records add_on_code,type,primary_codes")
	}
	rows := make([]types.AddOnRow, 0, len(byCode))
	for _, row := range byCode {
		sort.Strings(row.PrimaryCodes)
		row.PrimaryCodes = slices.Compact(row.PrimaryCodes)
		rows = append(rows, *row)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].AddOnCode < rows[j].AddOnCode })
	for _, row := range rows { // the chain refuses a longer list mid-import
		if len(row.PrimaryCodes) > types.MaxPrimaryCodes {
			return nil, lineError(first[row.AddOnCode], "add-on code %s lists %d primary codes, at most %d",
				row.AddOnCode, len(row.PrimaryCodes), types.MaxPrimaryCodes)
		}
	}
	return rows, nil
}

// ParseAgeSex reads age and sex limits per procedure code in claimchain's CSV
// layout:
//
//	code,min_age,max_age,sex
//	99387,65,0,
//	55700,0,0,M
//
// Ages are whole years at the date of service; max_age 0 means no upper limit;
// sex is F, M or empty for either. The header record is optional and lines
// starting with # are comments. A code listed twice is an error. Rows come back
// sorted by code.
func ParseAgeSex(r io.Reader) ([]types.AgeSexRow, error) {
	return parseCodeRows(r, "code,min_age,max_age,sex", "age/sex limit", func(line int, f []string) (types.AgeSexRow, error) {
		lo, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil || lo > maxAge {
			return types.AgeSexRow{}, lineError(line, "min_age %q: want whole years 0-%d", f[1], maxAge)
		}
		hi, err := strconv.ParseUint(f[2], 10, 32)
		if err != nil || hi > maxAge {
			return types.AgeSexRow{}, lineError(line, "max_age %q: want whole years 0-%d (0 = no upper limit)", f[2], maxAge)
		}
		if hi != 0 && hi < lo {
			return types.AgeSexRow{}, lineError(line, "max_age %d is below min_age %d", hi, lo)
		}
		sex := strings.ToUpper(f[3])
		if sex != "" && sex != "F" && sex != "M" {
			return types.AgeSexRow{}, lineError(line, "sex %q: want F, M or empty", f[3])
		}
		if lo == 0 && hi == 0 && sex == "" {
			return types.AgeSexRow{}, lineError(line, "code %s has no limit (min_age 0, no max_age, either sex): leave it out", f[0])
		}
		return types.AgeSexRow{Code: f[0], MinAge: uint32(lo), MaxAge: uint32(hi), Sex: sex}, nil
	})
}

// ParseTypicalMinutes reads the typical practitioner minutes of one unit of
// each procedure code in claimchain's CSV layout:
//
//	code,minutes
//	99213,20
//	27447,120
//
// minutes are whole minutes, 1 to 1440 (a unit longer than a day is a data
// error). The header record is optional and lines starting with # are
// comments. A code listed twice is an error. Rows come back sorted by code.
func ParseTypicalMinutes(r io.Reader) ([]types.TypicalMinutesRow, error) {
	return parseCodeRows(r, "code,minutes", "typical minutes", func(line int, f []string) (types.TypicalMinutesRow, error) {
		minutes, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil || minutes < 1 || minutes > types.MaxTypicalMinutes {
			return types.TypicalMinutesRow{}, lineError(line, "minutes %q: want whole minutes 1-%d", f[1], types.MaxTypicalMinutes)
		}
		return types.TypicalMinutesRow{Code: f[0], Minutes: uint32(minutes)}, nil
	})
}

// ParseEMLevels reads evaluation-and-management codes with their family and
// level in claimchain's CSV layout:
//
//	code,family,level
//	99213,office-established,3
//	99204,office-new,4
//
// family is 1 to 40 characters a-z, 0-9 and "-" (the codes whose levels are
// compared with each other); level is 1 to 5 within the family. The header
// record is optional and lines starting with # are comments. A code listed
// twice is an error (a code belongs to one family). Rows come back sorted by
// code.
func ParseEMLevels(r io.Reader) ([]types.EmLevelRow, error) {
	return parseCodeRows(r, "code,family,level", "E/M level", func(line int, f []string) (types.EmLevelRow, error) {
		if err := types.ValidateEmFamily(f[1]); err != nil {
			return types.EmLevelRow{}, lineError(line, "%v", err)
		}
		level, err := strconv.ParseUint(f[2], 10, 32)
		if err != nil || level < 1 || level > types.MaxEmLevel {
			return types.EmLevelRow{}, lineError(line, "level %q: want 1-%d", f[2], types.MaxEmLevel)
		}
		return types.EmLevelRow{Code: f[0], Family: f[1], Level: uint32(level)}, nil
	})
}

// parseCodeRows reads a CSV of one row per procedure code in the given layout
// ("code,minutes"): an optional header record, # comments, the field count of
// the layout, no code twice; row builds each record's row. Rows come back
// sorted by code (the first field).
func parseCodeRows[T any](r io.Reader, layout, what string, row func(line int, f []string) (T, error)) ([]T, error) {
	type keyed struct {
		code string
		row  T
	}
	fields := len(strings.Split(layout, ","))
	var rows []keyed
	seen := map[string]int{}
	records := 0
	err := readRecords(r, '#', func(line int, f []string) error {
		records++
		if !isProcedureCode(f[0]) {
			if records == 1 && strings.EqualFold(f[0], "code") {
				return nil
			}
			return lineError(line, "code %q is not a procedure code", f[0])
		}
		if len(f) != fields {
			return lineError(line, "%d fields, want %s", len(f), layout)
		}
		if prev, dup := seen[f[0]]; dup {
			return lineError(line, "code %s is listed again (first on line %d)", f[0], prev)
		}
		seen[f[0]] = line
		v, err := row(line, f)
		if err != nil {
			return err
		}
		rows = append(rows, keyed{f[0], v})
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("no %s found: want records %s", what, layout)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].code < rows[j].code })
	out := make([]T, len(rows))
	for i, k := range rows {
		out[i] = k.row
	}
	return out, nil
}
