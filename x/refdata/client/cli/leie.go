package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	"github.com/claimchain/claimchain/x/refdata/types"
)

// leieColumns are OIG's 18 LEIE columns, in file order. The full file and the
// monthly exclusion and reinstatement supplements share this layout.
var leieColumns = []string{
	"LASTNAME", "FIRSTNAME", "MIDNAME", "BUSNAME", "GENERAL", "SPECIALTY", "UPIN", "NPI", "DOB",
	"ADDRESS", "CITY", "STATE", "ZIP", "EXCLTYPE", "EXCLDATE", "REINDATE", "WAIVERDATE", "WVRSTATE",
}

// leieUsed are the only LEIE columns that reach the chain: an NPI and dates
// (plus the waiver's state). Names, addresses and birth dates never leave the file.
var leieUsed = []string{"NPI", "EXCLDATE", "REINDATE", "WAIVERDATE", "WVRSTATE"}

// leieIndex maps the used columns to their positions: from a header record
// when the file has one, else OIG's fixed order.
func leieIndex(header []string) (map[string]int, bool) {
	pos := map[string]int{}
	for i, h := range header {
		pos[strings.ToUpper(strings.TrimSpace(h))] = i
	}
	idx := map[string]int{}
	isHeader := true
	for _, c := range leieUsed {
		i, ok := pos[c]
		if !ok {
			isHeader = false
			break
		}
		idx[c] = i
	}
	if isHeader {
		return idx, true
	}
	for i, c := range leieColumns {
		idx[c] = i
	}
	return idx, false
}

// ParseLEIE reads an OIG List of Excluded Individuals/Entities CSV (the full
// file or a monthly supplement: the same 18 columns, LASTNAME … WVRSTATE, with or
// without the header record). Only rows with a real NPI become rows: an NPI of
// 0000000000 or one that fails the check digit (Luhn over 80840 + NPI), a row
// without an exclusion date and one whose reinstatement is not after its
// exclusion are skipped and counted. Dates become YYYY-MM-DD and the
// placeholder 00000000 becomes "". WAIVERDATE and WVRSTATE are kept. Rows with
// the same NPI and exclusion date are merged (a reinstatement or waiver on
// either is kept). Rows come back sorted by NPI and exclusion date.
func ParseLEIE(r io.Reader) ([]types.ExclusionRow, Skipped, error) {
	skipped := Skipped{}
	var rows []types.ExclusionRow
	var idx map[string]int
	need := 0
	err := readRecords(r, 0, func(line int, f []string) error {
		if idx == nil {
			var isHeader bool
			idx, isHeader = leieIndex(f)
			for _, i := range idx {
				need = max(need, i+1)
			}
			if isHeader {
				return nil
			}
		}
		if len(f) < need {
			return lineError(line, "%d fields, want the %d LEIE columns (%s)", len(f), len(leieColumns), strings.Join(leieColumns, ","))
		}
		row, reason, err := leieRow(f, idx)
		if err != nil {
			return lineError(line, "%v", err)
		}
		if reason != "" {
			skipped.add(reason)
			return nil
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	if idx == nil {
		return nil, nil, errors.New("empty LEIE file")
	}
	merged := mergeExclusions(nil, rows, func() { skipped.add(SkipMergedExclusion) })
	return merged, skipped, nil
}

// leieRow converts one LEIE record, or says why it is skipped.
func leieRow(f []string, idx map[string]int) (types.ExclusionRow, string, error) {
	npi := f[idx["NPI"]]
	if strings.Trim(npi, "0") == "" {
		return types.ExclusionRow{}, SkipNoNPI, nil
	}
	if membershiptypes.ValidateNPI(npi) != nil {
		return types.ExclusionRow{}, SkipInvalidNPI, nil
	}
	var row types.ExclusionRow
	row.Npi = npi
	var err error
	if row.ExclusionDate, err = cmsDate(f[idx["EXCLDATE"]]); err != nil {
		return row, "", fmt.Errorf("EXCLDATE: %w", err)
	}
	if row.ReinstatementDate, err = cmsDate(f[idx["REINDATE"]]); err != nil {
		return row, "", fmt.Errorf("REINDATE: %w", err)
	}
	if row.WaiverDate, err = cmsDate(f[idx["WAIVERDATE"]]); err != nil {
		return row, "", fmt.Errorf("WAIVERDATE: %w", err)
	}
	row.WaiverState = strings.ToUpper(f[idx["WVRSTATE"]])
	if s := row.WaiverState; s != "" && (len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z') {
		return row, "", fmt.Errorf("WVRSTATE %q: want a two-letter state code", s)
	}
	if row.ExclusionDate == "" {
		return row, SkipNoExclusionDate, nil
	}
	if row.ReinstatementDate != "" && row.ReinstatementDate <= row.ExclusionDate {
		return row, SkipReinBeforeExcl, nil
	}
	return row, "", nil
}

type exclusionKey struct{ npi, date string }

// mergeExclusions adds rows to base (which it does not modify) by (NPI,
// exclusion date): a row whose window is already present updates it — a
// non-empty reinstatement date closes the window, a non-empty waiver replaces
// the stored one — and any other row is added. onMerge is called for every
// row that updated an existing one. The result is sorted by NPI and exclusion date.
func mergeExclusions(base, rows []types.ExclusionRow, onMerge func()) []types.ExclusionRow {
	out := make([]types.ExclusionRow, len(base), len(base)+len(rows))
	copy(out, base)
	at := make(map[exclusionKey]int, len(out)+len(rows))
	for i, r := range out {
		at[exclusionKey{r.Npi, r.ExclusionDate}] = i
	}
	for _, r := range rows {
		k := exclusionKey{r.Npi, r.ExclusionDate}
		i, ok := at[k]
		if !ok {
			at[k] = len(out)
			out = append(out, r)
			continue
		}
		if onMerge != nil {
			onMerge()
		}
		if r.ReinstatementDate != "" {
			out[i].ReinstatementDate = r.ReinstatementDate
		}
		if r.WaiverDate != "" || r.WaiverState != "" {
			out[i].WaiverDate, out[i].WaiverState = r.WaiverDate, r.WaiverState
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Npi != out[j].Npi {
			return out[i].Npi < out[j].Npi
		}
		return out[i].ExclusionDate < out[j].ExclusionDate
	})
	return out
}

// MergeLEIE applies OIG's monthly supplements to the rows of a full LEIE file.
// Exclusion rows add windows (a window already present, same NPI and exclusion
// date, is kept once). Reinstatement rows close the matching (NPI, exclusion
// date) window by setting its reinstatement date: the row is never deleted, so
// claims for dates of service inside the window are still denied after the
// party is reinstated. A reinstated party is dropped from OIG's next full file,
// so when the window is not in full or in the exclusions, the reinstatement
// row itself is added as the closed window. A waiver (WAIVERDATE, WVRSTATE) on
// a supplement row replaces the stored one. Inputs are not modified; the
// result is sorted by NPI and exclusion date.
func MergeLEIE(full, exclusions, reinstatements []types.ExclusionRow) []types.ExclusionRow {
	out := mergeExclusions(full, exclusions, nil)
	return mergeExclusions(out, reinstatements, nil)
}

// SplitSupplement separates a supplement's rows into reinstatements (rows with
// a REINDATE) and exclusions (the rest), so a file can be passed with
// --supplement whichever of OIG's two monthly lists it is.
func SplitSupplement(rows []types.ExclusionRow) (exclusions, reinstatements []types.ExclusionRow) {
	for _, r := range rows {
		if r.ReinstatementDate != "" {
			reinstatements = append(reinstatements, r)
		} else {
			exclusions = append(exclusions, r)
		}
	}
	return exclusions, reinstatements
}
