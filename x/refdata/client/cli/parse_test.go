package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// fixtures is examples/refdata, relative to this package.
var fixtures = filepath.Join("..", "..", "..", "..", "examples", "refdata")

func openFixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join(fixtures, name))
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestParsePTPFixture(t *testing.T) {
	rows, skipped, err := ParsePTP(openFixture(t, "ptp-practitioner-2026q1.txt"))
	require.NoError(t, err)
	require.Len(t, rows, 19)
	require.Equal(t, Skipped{SkipNeverInForce: 1, SkipDuplicate: 1}, skipped)

	find := func(c1, c2 string) []types.PtpRow {
		var out []types.PtpRow
		for _, r := range rows {
			if r.Column1 == c1 && r.Column2 == c2 {
				out = append(out, r)
			}
		}
		return out
	}
	// Modifier indicators 0, 1 and 9; a "*" deletion date becomes "".
	require.Equal(t, []types.PtpRow{{Column1: "20610", Column2: "99213", EffectiveDate: "2010-01-01", ModifierIndicator: 1}}, find("20610", "99213"))
	require.Equal(t, []types.PtpRow{{Column1: "70553", Column2: "70551", EffectiveDate: "2001-01-01", ModifierIndicator: 0}}, find("70553", "70551"))
	require.Equal(t, []types.PtpRow{{Column1: "97140", Column2: "97018", EffectiveDate: "2000-01-01", DeletionDate: "2016-01-01", ModifierIndicator: 9}}, find("97140", "97018"))
	// A deleted pair keeps its closed window.
	require.Equal(t, "2020-01-01", find("97140", "97124")[0].DeletionDate)
	// Not yet in force on 2026-01-01.
	require.Equal(t, "2026-04-01", find("71046", "71045")[0].EffectiveDate)
	// Two disjoint windows of one pair, in date order.
	require.Equal(t, []types.PtpRow{
		{Column1: "29881", Column2: "29880", EffectiveDate: "2002-01-01", DeletionDate: "2018-01-01", ModifierIndicator: 1},
		{Column1: "29881", Column2: "29880", EffectiveDate: "2019-01-01", ModifierIndicator: 1},
	}, find("29881", "29880"))
	// Prior-1996 rows parse like the others; the duplicate is kept once.
	require.Len(t, find("80053", "80048"), 1)
	require.Len(t, find("85025", "85027"), 1)
	// Never in force (deleted on its effective date): skipped.
	require.Empty(t, find("11042", "97598"))
	// HCPCS level II codes.
	require.Len(t, find("G0283", "97032"), 1)
	requireSorted(t, len(rows), func(i int) bool { return ptpLess(rows[i-1], rows[i]) })
}

func requireSorted(t *testing.T, n int, less func(i int) bool) {
	t.Helper()
	for i := 1; i < n; i++ {
		require.True(t, less(i), "row %d is out of order", i)
	}
}

func TestParsePTPLayout(t *testing.T) {
	const header = "CPT only copyright notice line\nColumn 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale\n\t\tprior to 1996\tDate\tDate\t0=not allowed\t\n"
	t.Run("unsorted input, CRLF, no rationale column", func(t *testing.T) {
		rows, _, err := ParsePTP(strings.NewReader(header + "99213\t99211\t\t20100101\t*\t0\r\n11042\t97597\t\t20120101\t20300101\t1\tx\r\n"))
		require.NoError(t, err)
		require.Equal(t, []types.PtpRow{
			{Column1: "11042", Column2: "97597", EffectiveDate: "2012-01-01", DeletionDate: "2030-01-01", ModifierIndicator: 1},
			{Column1: "99213", Column2: "99211", EffectiveDate: "2010-01-01"},
		}, rows)
	})
	for name, tc := range map[string]struct{ in, err string }{
		"bad modifier":         {header + "99213\t99211\t\t20100101\t*\t2\tx\n", "line 4: modifier indicator \"2\""},
		"bad effective date":   {header + "99213\t99211\t\t2010-01-01\t*\t0\tx\n", "line 4: effective date"},
		"missing effective":    {header + "99213\t99211\t\t\t*\t0\tx\n", "effective date is missing"},
		"bad deletion date":    {header + "99213\t99211\t\t20100101\t20101301\t0\tx\n", "line 4: deletion date"},
		"too few fields":       {header + "99213\t99211\t\t20100101\n", "line 4: 4 tab-separated fields"},
		"garbage after data":   {header + "99213\t99211\t\t20100101\t*\t0\tx\nTOTAL\t1\n", "line 5: want a PTP edit"},
		"no data":              {header, "no PTP edit found"},
		"conflicting rows":     {header + "99213\t99211\t\t20100101\t*\t0\tx\n99213\t99211\t\t20100101\t*\t1\tx\n", "pair 99213/99211 effective 2010-01-01 (deletion \"\") is listed with modifier indicators 0 and 1"},
		"same code twice":      {header + "99213\t99213\t\t20100101\t*\t0\tx\n", "line 4: column 1 and column 2 are both 99213"},
		"comma-separated data": {"99213,99211,,20100101,*,0\n", "no PTP edit found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := ParsePTP(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseMUEFixture(t *testing.T) {
	rows, skipped, err := ParseMUE(openFixture(t, "mue-practitioner-2026q1.csv"))
	require.NoError(t, err)
	require.Len(t, rows, 14)
	require.Equal(t, Skipped{SkipNonNumericMUE: 1}, skipped)
	byCode := map[string]types.MueRow{}
	for _, r := range rows {
		byCode[r.Code] = r
	}
	require.Equal(t, types.MueRow{Code: "20610", Units: 2, AdjudicationIndicator: 1}, byCode["20610"])
	require.Equal(t, types.MueRow{Code: "99213", Units: 1, AdjudicationIndicator: 2}, byCode["99213"])
	require.Equal(t, types.MueRow{Code: "97110", Units: 6, AdjudicationIndicator: 3}, byCode["97110"])
	require.Equal(t, types.MueRow{Code: "J1100", Units: 120, AdjudicationIndicator: 3}, byCode["J1100"])
	require.NotContains(t, byCode, "0001U", "the confidential row is skipped")
	requireSorted(t, len(rows), func(i int) bool { return rows[i-1].Code < rows[i].Code })
}

func TestParseMUELayout(t *testing.T) {
	const header = "\ufeff\"CPT codes, descriptions and other data only are copyright\"\n\"HCPCS/CPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"\n"
	rows, skipped, err := ParseMUE(strings.NewReader(header + "99214,1,2 Date of Service Edit: Policy,x\n36415,2,3 Date of Service Edit: Clinical\n0002U,N/A,2 Date of Service Edit: Policy,x\n"))
	require.NoError(t, err)
	require.Equal(t, []types.MueRow{{Code: "36415", Units: 2, AdjudicationIndicator: 3}, {Code: "99214", Units: 1, AdjudicationIndicator: 2}}, rows)
	require.Equal(t, 1, skipped.Total())
	for name, tc := range map[string]struct{ in, err string }{
		"bad MAI":        {header + "99214,1,Line Edit,x\n", "line 3: MUE adjudication indicator"},
		"MAI 4":          {header + "99214,1,4 Something,x\n", "line 3: MUE adjudication indicator"},
		"duplicate code": {header + "99214,1,1 Line Edit\n99214,2,1 Line Edit\n", "line 4: code 99214 is listed again (first on line 3)"},
		"short record":   {header + "99214,1\n", "line 3: 2 fields"},
		"trailer":        {header + "99214,1,1 Line Edit\nEnd of file\n", "line 4: want an MUE record"},
		"no data":        {header, "no MUE record found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := ParseMUE(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseLEIEFixtures(t *testing.T) {
	full, skipped, err := ParseLEIE(openFixture(t, "leie-full.csv"))
	require.NoError(t, err)
	require.Equal(t, Skipped{SkipNoNPI: 4, SkipInvalidNPI: 1}, skipped)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1000000004", ExclusionDate: "2019-03-15"},
		{Npi: "1000000012", ExclusionDate: "2021-08-20"},
		{Npi: "1000000020", ExclusionDate: "2023-01-10", WaiverDate: "2024-01-01", WaiverState: "NY"},
		{Npi: "1000000038", ExclusionDate: "2025-06-01"},
		{Npi: "1000000046", ExclusionDate: "2015-11-05"},
		{Npi: "1000000053", ExclusionDate: "2026-01-15"},
	}, full)

	excl, skipped, err := ParseLEIE(openFixture(t, "leie-exclusions-2026-02.csv"))
	require.NoError(t, err)
	require.Equal(t, Skipped{SkipNoNPI: 1}, skipped)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1000000061", ExclusionDate: "2026-02-19"},
		{Npi: "1000000087", ExclusionDate: "2026-02-26"},
	}, excl)

	rein, skipped, err := ParseLEIE(openFixture(t, "leie-reinstatements-2026-02.csv"))
	require.NoError(t, err)
	require.Equal(t, Skipped{SkipNoNPI: 1}, skipped)
	require.Equal(t, []types.ExclusionRow{
		{Npi: "1000000038", ExclusionDate: "2025-06-01", ReinstatementDate: "2026-02-05"},
		{Npi: "1000000079", ExclusionDate: "2020-01-01", ReinstatementDate: "2026-02-10"},
	}, rein)
}

func TestParseLEIELayout(t *testing.T) {
	const header = "LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE\n"
	row := func(npi, excl, rein, waiver, state string) string {
		return "TESTPROVIDER,X,,,G,S,," + npi + ",19700101,\"1 EXAMPLE ST, STE 2\",C,IL,62701,1128b4," + excl + "," + rein + "," + waiver + "," + state + "\n"
	}
	t.Run("without header, merged duplicates", func(t *testing.T) {
		in := row("1234567893", "20200101", "00000000", "00000000", "") +
			row("1234567893", "20200101", "00000000", "20210101", "ny") +
			row("1987654328", "20190101", "20220101", "00000000", "") +
			row("1234567893", "20100101", "20120101", "", "") +
			row("", "20100101", "", "", "") +
			row("1987654328", "00000000", "00000000", "00000000", "") +
			row("1543210987", "20200101", "20200101", "00000000", "")
		rows, skipped, err := ParseLEIE(strings.NewReader(in))
		require.NoError(t, err)
		require.Equal(t, []types.ExclusionRow{
			{Npi: "1234567893", ExclusionDate: "2010-01-01", ReinstatementDate: "2012-01-01"},
			{Npi: "1234567893", ExclusionDate: "2020-01-01", WaiverDate: "2021-01-01", WaiverState: "NY"},
			{Npi: "1987654328", ExclusionDate: "2019-01-01", ReinstatementDate: "2022-01-01"},
		}, rows)
		require.Equal(t, Skipped{SkipMergedExclusion: 1, SkipNoNPI: 1, SkipNoExclusionDate: 1, SkipReinBeforeExcl: 1}, skipped)
	})
	t.Run("columns found by header name", func(t *testing.T) {
		in := "NPI,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE,LASTNAME\n1234567893,20200101,,,,TESTPROVIDER\n"
		rows, _, err := ParseLEIE(strings.NewReader(in))
		require.NoError(t, err)
		require.Equal(t, []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2020-01-01"}}, rows)
	})
	for name, tc := range map[string]struct{ in, err string }{
		"short record": {header + "TESTPROVIDER,X,,,G,S,,1234567893,19700101\n", "line 2: 9 fields, want the 18 LEIE columns"},
		"bad date":     {header + row("1234567893", "2020-01-01", "", "", ""), "line 2: EXCLDATE: date \"2020-01-01\""},
		"bad state":    {header + row("1234567893", "20200101", "", "20210101", "NEW YORK"), "line 2: WVRSTATE"},
		"empty":        {"", "empty LEIE file"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := ParseLEIE(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseAddOnFixture(t *testing.T) {
	rows, err := ParseAddOn(openFixture(t, "add-on-2026.csv"))
	require.NoError(t, err)
	require.Equal(t, []types.AddOnRow{
		{AddOnCode: "11045", Type: 1, PrimaryCodes: []string{"11042"}},
		{AddOnCode: "20985", Type: 3, PrimaryCodes: []string{"27445", "27447"}},
		{AddOnCode: "22552", Type: 1, PrimaryCodes: []string{"22551"}},
		{AddOnCode: "64484", Type: 1, PrimaryCodes: []string{"64483"}},
		{AddOnCode: "99153", Type: 2},
		{AddOnCode: "99292", Type: 1, PrimaryCodes: []string{"99291"}},
		{AddOnCode: "99417", Type: 1, PrimaryCodes: []string{"99205", "99215"}},
	}, rows)
}

func TestParseAddOnErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, err string }{
		"type 1 without primaries": {"99417,1,\n", "line 1: type 1 add-on code 99417 needs its primary codes"},
		"type 2 with primaries":    {"99153,2,99152\n", "line 1: type 2 add-on code 99153 has no primary codes"},
		"type 3 without primaries": {"20985,3,\n", "line 1: type 3 add-on code 20985 needs its primary codes"},
		"bad type":                 {"99417,4,99215\n", "line 1: type \"4\""},
		"bad primary":              {"99417,1,99215 E/M\n", "line 1: primary code \"E/M\""},
		"self primary":             {"99417,1,99417\n", "lists itself"},
		"conflicting types":        {"99417,1,99215\n99417,3,99205\n", "line 2: add-on code 99417 has type 3 here and type 1 on line 1"},
		"header not first":         {"99417,1,99215\nadd_on_code,type,primary_codes\n", "line 2: add-on code \"add_on_code\""},
		"empty":                    {"# nothing\n", "no add-on code found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAddOn(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseAgeSexFixture(t *testing.T) {
	rows, err := ParseAgeSex(openFixture(t, "age-sex-2026.csv"))
	require.NoError(t, err)
	require.Len(t, rows, 8)
	require.Equal(t, types.AgeSexRow{Code: "55700", Sex: "M"}, rows[0])
	byCode := map[string]types.AgeSexRow{}
	for _, r := range rows {
		byCode[r.Code] = r
	}
	require.Equal(t, types.AgeSexRow{Code: "76801", MinAge: 9, MaxAge: 64, Sex: "F"}, byCode["76801"])
	require.Equal(t, types.AgeSexRow{Code: "99387", MinAge: 65}, byCode["99387"])
	require.Equal(t, types.AgeSexRow{Code: "99384", MinAge: 12, MaxAge: 17}, byCode["99384"])
	requireSorted(t, len(rows), func(i int) bool { return rows[i-1].Code < rows[i].Code })
}

func TestParseAgeSexErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, err string }{
		"max below min":  {"99384,17,12,\n", "line 1: max_age 12 is below min_age 17"},
		"bad sex":        {"55700,0,0,male\n", "line 1: sex \"male\""},
		"bad age":        {"55700,-1,0,M\n", "line 1: min_age \"-1\""},
		"too old":        {"55700,0,200,M\n", "line 1: max_age \"200\""},
		"no limit":       {"99213,0,0,\n", "code 99213 has no limit"},
		"duplicate":      {"55700,0,0,M\n55700,18,0,M\n", "line 2: code 55700 is listed again"},
		"missing column": {"55700,0,0\n", "line 1: 3 fields"},
		"empty":          {"code,min_age,max_age,sex\n", "no age/sex limit found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseAgeSex(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseTypicalMinutesFixture(t *testing.T) {
	rows, err := ParseTypicalMinutes(openFixture(t, "typical-minutes.csv"))
	require.NoError(t, err)
	require.Len(t, rows, 20)
	byCode := map[string]uint32{}
	for _, r := range rows {
		byCode[r.Code] = r.Minutes
	}
	for code, minutes := range map[string]uint32{
		"99213": 20, "99214": 30, "99215": 40, "99204": 45, "99205": 60,
		"97110": 15, "20610": 10, "27447": 120, "G0283": 15, "36415": 3,
	} {
		require.Equal(t, minutes, byCode[code], code)
	}
	require.Equal(t, types.TypicalMinutesRow{Code: "20610", Minutes: 10}, rows[0])
	requireSorted(t, len(rows), func(i int) bool { return rows[i-1].Code < rows[i].Code })
	require.NoError(t, types.ChunkRows{TypicalMinutes: rows}.Validate(types.TABLE_KIND_TYPICAL_MINUTES))
}

func TestParseTypicalMinutesLayout(t *testing.T) {
	rows, err := ParseTypicalMinutes(strings.NewReader("\ufeffcode,minutes\r\n# a comment\r\n99214, 30\r\n99213,20\r\n\r\n27447,1440\r\n"))
	require.NoError(t, err)
	require.Equal(t, []types.TypicalMinutesRow{{Code: "27447", Minutes: 1440}, {Code: "99213", Minutes: 20}, {Code: "99214", Minutes: 30}}, rows)
	_, err = ParseTypicalMinutes(strings.NewReader("99213,20\n"))
	require.NoError(t, err, "the header is optional")
}

func TestParseTypicalMinutesErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, err string }{
		"zero minutes":     {"99213,0\n", "line 1: minutes \"0\": want whole minutes 1-1440"},
		"over a day":       {"27447,1441\n", "line 1: minutes \"1441\""},
		"fraction":         {"99213,20.5\n", "line 1: minutes \"20.5\""},
		"negative":         {"99213,-5\n", "line 1: minutes \"-5\""},
		"empty minutes":    {"99213,\n", "line 1: minutes \"\""},
		"missing column":   {"99213\n", "line 1: 1 fields, want code,minutes"},
		"extra column":     {"99213,20,x\n", "line 1: 3 fields, want code,minutes"},
		"bad code":         {"9921,20\n", "line 1: code \"9921\" is not a procedure code"},
		"duplicate":        {"99213,20\n99213,25\n", "line 2: code 99213 is listed again (first on line 1)"},
		"header not first": {"99213,20\ncode,minutes\n", "line 2: code \"code\" is not a procedure code"},
		"empty":            {"code,minutes\n", "no typical minutes found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseTypicalMinutes(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestParseEMLevelsFixture(t *testing.T) {
	rows, err := ParseEMLevels(openFixture(t, "em-levels.csv"))
	require.NoError(t, err)
	require.Equal(t, []types.EmLevelRow{
		{Code: "99202", Family: "office-new", Level: 2},
		{Code: "99203", Family: "office-new", Level: 3},
		{Code: "99204", Family: "office-new", Level: 4},
		{Code: "99205", Family: "office-new", Level: 5},
		{Code: "99211", Family: "office-established", Level: 1},
		{Code: "99212", Family: "office-established", Level: 2},
		{Code: "99213", Family: "office-established", Level: 3},
		{Code: "99214", Family: "office-established", Level: 4},
		{Code: "99215", Family: "office-established", Level: 5},
		{Code: "99221", Family: "hospital-initial", Level: 1},
		{Code: "99222", Family: "hospital-initial", Level: 2},
		{Code: "99223", Family: "hospital-initial", Level: 3},
	}, rows)
	require.NoError(t, types.ChunkRows{EmLevel: rows}.Validate(types.TABLE_KIND_EM_LEVEL))
}

func TestParseEMLevelsLayout(t *testing.T) {
	rows, err := ParseEMLevels(strings.NewReader("\ufeffcode,family,level\r\n# comment\r\n99215,office-established,5\r\n99205, office-new, 5\r\n"))
	require.NoError(t, err)
	require.Equal(t, []types.EmLevelRow{{Code: "99205", Family: "office-new", Level: 5}, {Code: "99215", Family: "office-established", Level: 5}}, rows)
}

func TestParseEMLevelsErrors(t *testing.T) {
	for name, tc := range map[string]struct{ in, err string }{
		"level 0":          {"99211,office-established,0\n", "line 1: level \"0\": want 1-5"},
		"level 6":          {"99215,office-established,6\n", "line 1: level \"6\""},
		"level not number": {"99215,office-established,five\n", "line 1: level \"five\""},
		"no family":        {"99215,,5\n", "line 1: family \"\": want 1 to 40 characters"},
		"family too long":  {"99215," + strings.Repeat("a", 41) + ",5\n", "want 1 to 40 characters"},
		"upper-case":       {"99215,Office-Established,5\n", "line 1: family \"Office-Established\": want only a-z, 0-9 and -"},
		"space in family":  {"99215,office established,5\n", "want only a-z, 0-9 and -"},
		"missing column":   {"99215,office-established\n", "line 1: 2 fields, want code,family,level"},
		"bad code":         {"E/M,office-established,5\n", "line 1: code \"E/M\" is not a procedure code"},
		"duplicate":        {"99215,office-established,5\n99215,office-new,5\n", "line 2: code 99215 is listed again (first on line 1)"},
		"empty":            {"# nothing\n", "no E/M level found"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := ParseEMLevels(strings.NewReader(tc.in))
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestSkippedString(t *testing.T) {
	require.Equal(t, "0", Skipped{}.String())
	require.Equal(t, "3 (1 NPI fails the check digit, 2 no NPI (0000000000 or empty))",
		Skipped{SkipNoNPI: 2, SkipInvalidNPI: 1}.String())
}
