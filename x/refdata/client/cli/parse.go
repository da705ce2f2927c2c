// Package cli holds the refdata commands autocli cannot generate: the import
// tool that turns CMS and OIG files into staged table versions.
package cli

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/refdata/types"
)

// Reasons a parser leaves an input row out of a table.
const (
	SkipNeverInForce    = "deletion date not after effective date (never in force)"
	SkipDuplicate       = "exact duplicate of another row"
	SkipNonNumericMUE   = "non-numeric MUE value (confidential or not published)"
	SkipNoNPI           = "no NPI (0000000000 or empty)"
	SkipInvalidNPI      = "NPI fails the check digit"
	SkipNoExclusionDate = "no exclusion date"
	SkipReinBeforeExcl  = "reinstatement date not after exclusion date"
	SkipMergedExclusion = "same NPI and exclusion date as another row (merged)"
)

// Skipped counts the input rows a parser left out of a table, by reason.
type Skipped map[string]int

func (s Skipped) add(reason string) { s[reason]++ }

// Add adds the counts of o to s.
func (s Skipped) Add(o Skipped) {
	for r, n := range o {
		s[r] += n
	}
}

// Total is the number of rows skipped for any reason.
func (s Skipped) Total() int {
	n := 0
	for _, c := range s {
		n += c
	}
	return n
}

// String reads "3 (2 no NPI (0000000000 or empty), 1 NPI fails the check digit)", reasons in
// a fixed order, or "0".
func (s Skipped) String() string {
	if s.Total() == 0 {
		return "0"
	}
	reasons := make([]string, 0, len(s))
	for r, n := range s {
		if n > 0 {
			reasons = append(reasons, r)
		}
	}
	sort.Strings(reasons)
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%d %s", s[r], r)
	}
	return fmt.Sprintf("%d (%s)", s.Total(), strings.Join(parts, ", "))
}

// lineError locates a parse error in its input.
func lineError(line int, format string, args ...any) error {
	return fmt.Errorf("line %d: %s", line, fmt.Sprintf(format, args...))
}

// isProcedureCode reports whether s is a CPT-format or HCPCS level II code, by
// the rule the chain applies to attested codes.
func isProcedureCode(s string) bool {
	return attestationtypes.ValidateProcedureCode(s) == nil
}

// cmsDate converts a CMS/OIG date YYYYMMDD to the chain's YYYY-MM-DD. An empty
// field and the placeholder 00000000 give "".
func cmsDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "00000000" {
		return "", nil
	}
	t, err := time.Parse("20060102", s)
	if err != nil || len(s) != 8 {
		return "", fmt.Errorf("date %q: want YYYYMMDD", s)
	}
	if t.Year() < 1900 || t.Year() > 2999 {
		return "", fmt.Errorf("date %q: year out of range", s)
	}
	return t.Format(attestationtypes.DateLayout), nil
}

// trimBOM drops a UTF-8 byte-order mark that spreadsheet exports put first.
func trimBOM(s string) string { return strings.TrimPrefix(s, "\ufeff") }

// ParsePTP reads an NCCI procedure-to-procedure edit file in CMS's layout:
// tab-delimited text whose copyright line and multi-line column header come
// before the first data line (the first line whose first two fields are
// procedure codes). Columns: Column 1, Column 2, "*" = in existence prior to
// 1996 (ignored), Effective Date YYYYMMDD, Deletion Date YYYYMMDD or "*",
// Modifier indicator 0/1/9, PTP Edit Rationale (ignored). Dates become
// YYYY-MM-DD and a "*" deletion date becomes "". Rows that were never in force
// (deleted on or before their effective date) and exact duplicates are
// skipped and counted. Rows come back sorted by column 1, column 2 and
// effective date.
func ParsePTP(r io.Reader) ([]types.PtpRow, Skipped, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	skipped := Skipped{}
	var rows []types.PtpRow
	inData := false
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimRight(sc.Text(), "\r")
		if line == 1 {
			text = trimBOM(text)
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		isData := len(f) >= 2 && isProcedureCode(f[0]) && isProcedureCode(f[1])
		if !isData {
			if inData {
				return nil, nil, lineError(line, "want a PTP edit (column 1 and column 2 procedure codes, tab-separated), got %q", text)
			}
			continue // copyright and header lines
		}
		inData = true
		if len(f) < 6 {
			return nil, nil, lineError(line, "%d tab-separated fields, want at least 6 (column 1, column 2, prior-1996 flag, effective date, deletion date, modifier indicator)", len(f))
		}
		if f[0] == f[1] {
			return nil, nil, lineError(line, "column 1 and column 2 are both %s", f[0])
		}
		eff, err := cmsDate(f[3])
		if err == nil && eff == "" {
			err = errors.New("effective date is missing")
		}
		if err != nil {
			return nil, nil, lineError(line, "effective date: %v", err)
		}
		del := ""
		if f[4] != "*" {
			if del, err = cmsDate(f[4]); err != nil {
				return nil, nil, lineError(line, "deletion date: %v", err)
			}
		}
		var mi uint32
		switch f[5] {
		case "0", "1", "9":
			mi = uint32(f[5][0] - '0')
		default:
			return nil, nil, lineError(line, "modifier indicator %q: want 0, 1 or 9", f[5])
		}
		if del != "" && del <= eff {
			skipped.add(SkipNeverInForce)
			continue
		}
		rows = append(rows, types.PtpRow{
			Column1: f[0], Column2: f[1], EffectiveDate: eff, DeletionDate: del, ModifierIndicator: mi,
		})
	}
	if err := sc.Err(); err != nil {
		return nil, nil, err
	}
	if !inData {
		return nil, nil, errors.New("no PTP edit found: want tab-separated lines starting with two procedure codes")
	}
	rows, err := sortPTP(rows, skipped)
	if err != nil {
		return nil, nil, err
	}
	return rows, skipped, nil
}

// sortPTP sorts PTP rows by column 1, column 2 and window and drops exact
// duplicates, counting them in skipped. Two rows of one pair and window that
// differ (in the modifier indicator) are an error: the chain keys a PTP row by
// its pair and window and would refuse the second one mid-import.
func sortPTP(rows []types.PtpRow, skipped Skipped) ([]types.PtpRow, error) {
	sort.Slice(rows, func(i, j int) bool { return ptpLess(rows[i], rows[j]) })
	rows = slices.CompactFunc(rows, func(a, b types.PtpRow) bool {
		if a == b {
			skipped.add(SkipDuplicate)
			return true
		}
		return false
	})
	for i := 1; i < len(rows); i++ {
		a, b := rows[i-1], rows[i]
		if a.Column1 == b.Column1 && a.Column2 == b.Column2 && a.EffectiveDate == b.EffectiveDate && a.DeletionDate == b.DeletionDate {
			return nil, fmt.Errorf("pair %s/%s effective %s (deletion %q) is listed with modifier indicators %d and %d",
				a.Column1, a.Column2, a.EffectiveDate, a.DeletionDate, a.ModifierIndicator, b.ModifierIndicator)
		}
	}
	return rows, nil
}

func ptpLess(a, b types.PtpRow) bool {
	if a.Column1 != b.Column1 {
		return a.Column1 < b.Column1
	}
	if a.Column2 != b.Column2 {
		return a.Column2 < b.Column2
	}
	if a.EffectiveDate != b.EffectiveDate {
		return a.EffectiveDate < b.EffectiveDate
	}
	if a.DeletionDate != b.DeletionDate {
		return a.DeletionDate < b.DeletionDate
	}
	return a.ModifierIndicator < b.ModifierIndicator
}

// newCSVReader reads comma-separated records of varying length, tolerant of
// the stray quotes in CMS's copyright lines.
func newCSVReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.TrimLeadingSpace = true
	cr.ReuseRecord = false
	return cr
}

// readRecords calls fn with every record, its trimmed fields and its line.
func readRecords(r io.Reader, comment rune, fn func(line int, f []string) error) error {
	cr := newCSVReader(r)
	cr.Comment = comment
	for first := true; ; first = false {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		line, _ := cr.FieldPos(0)
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		if first && len(rec) > 0 {
			rec[0] = trimBOM(rec[0])
		}
		if len(rec) == 1 && rec[0] == "" {
			continue
		}
		if err := fn(line, rec); err != nil {
			return err
		}
	}
}

// ParseMUE reads a medically-unlikely-edit table in CMS's CSV layout: a
// copyright line and a header come before the first data record (the first
// record whose first field is a procedure code). Columns: HCPCS/CPT Code, MUE
// Value, MUE Adjudication Indicator (text such as "2 Date of Service Edit:
// Policy": the leading digit is the MAI), MUE Rationale (ignored). Records
// whose MUE value is not a number (confidential values) are skipped and
// counted. A code listed twice is an error. Rows come back sorted by code.
func ParseMUE(r io.Reader) ([]types.MueRow, Skipped, error) {
	skipped := Skipped{}
	var rows []types.MueRow
	seen := map[string]int{}
	inData := false
	err := readRecords(r, 0, func(line int, f []string) error {
		if !isProcedureCode(f[0]) {
			if inData {
				return lineError(line, "want an MUE record starting with a procedure code, got %q", strings.Join(f, ","))
			}
			return nil // copyright and header records
		}
		inData = true
		if len(f) < 3 {
			return lineError(line, "%d fields, want at least 3 (code, MUE value, MUE adjudication indicator)", len(f))
		}
		mai := strings.TrimSpace(f[2])
		if mai == "" || mai[0] < '1' || mai[0] > '3' {
			return lineError(line, "MUE adjudication indicator %q: want text starting with 1, 2 or 3", f[2])
		}
		if prev, dup := seen[f[0]]; dup {
			return lineError(line, "code %s is listed again (first on line %d)", f[0], prev)
		}
		seen[f[0]] = line
		units, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			skipped.add(SkipNonNumericMUE)
			return nil
		}
		rows = append(rows, types.MueRow{Code: f[0], Units: uint32(units), AdjudicationIndicator: uint32(mai[0] - '0')})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if !inData {
		return nil, nil, errors.New("no MUE record found: want CSV records starting with a procedure code")
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Code < rows[j].Code })
	return rows, skipped, nil
}
