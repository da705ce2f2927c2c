package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// testLoader is a well-formed account address (the msgs' Validate checks it).
var testLoader = sdk.AccAddress(bytes.Repeat([]byte{1}, 20)).String()

// fakeChain keeps table versions in memory and applies messages the way the
// keeper does: chunks in order, the running content hash, activation against
// the stated chunks, rows and hash.
type fakeChain struct {
	params   types.Params
	versions map[uint32]*types.TableVersion
	sent     []sdk.Msg
	failAt   int // the stage of this chunk index fails once, before it reaches the chain (-1: never)
}

func newFakeChain() *fakeChain {
	return &fakeChain{
		params:   types.Params{Loader: testLoader, MaxRowsPerChunk: 1000},
		versions: map[uint32]*types.TableVersion{},
		failAt:   -1,
	}
}

func (c *fakeChain) Params(context.Context) (types.Params, error) { return c.params, nil }

func (c *fakeChain) Versions(_ context.Context, kind types.TableKind) ([]types.TableVersion, error) {
	var out []types.TableVersion
	for _, v := range c.versions {
		if v.Kind == kind {
			out = append(out, *v)
		}
	}
	return out, nil
}

func (c *fakeChain) Version(_ context.Context, kind types.TableKind, ver uint32) (types.TableVersion, error) {
	v, ok := c.versions[ver]
	if !ok || v.Kind != kind {
		return types.TableVersion{}, fmt.Errorf("version %d not found", ver)
	}
	return *v, nil
}

func (c *fakeChain) Send(ctx context.Context, msg sdk.Msg, committed func(context.Context) (bool, error)) error {
	if err := c.apply(msg); err != nil {
		return err
	}
	c.sent = append(c.sent, msg)
	if committed != nil {
		if ok, err := committed(ctx); err != nil || !ok {
			return fmt.Errorf("committed() = %v, %w after the msg was applied", ok, err)
		}
	}
	return nil
}

func (c *fakeChain) apply(msg sdk.Msg) error {
	switch m := msg.(type) {
	case *types.MsgStageChunk:
		if int(m.Index) == c.failAt {
			c.failAt = -1
			return errors.New("connection reset by peer")
		}
		if m.Loader != c.params.Loader {
			return errors.New("not the loader")
		}
		if m.Rows.Len() == 0 || m.Rows.Len() > int(c.params.MaxRowsPerChunk) {
			return fmt.Errorf("chunk of %d rows", m.Rows.Len())
		}
		v, ok := c.versions[m.Version]
		if !ok {
			if m.Index != 0 || m.Source == "" {
				return errors.New("chunk 0 with a source opens a version")
			}
			v = &types.TableVersion{Kind: m.Kind, Version: m.Version, Status: types.VERSION_STATUS_STAGING, Source: m.Source, ContentHash: types.EmptyHash}
			c.versions[m.Version] = v
		}
		if v.Status != types.VERSION_STATUS_STAGING || m.Index != v.Chunks || m.Kind != v.Kind {
			return fmt.Errorf("chunk %d out of order (version has %d, status %s)", m.Index, v.Chunks, v.Status)
		}
		h, err := types.ChunkHash(v.ContentHash, m.Rows)
		if err != nil {
			return err
		}
		v.ContentHash, v.Chunks, v.Rows = h, v.Chunks+1, v.Rows+uint64(m.Rows.Len())
	case *types.MsgActivateVersion:
		v, ok := c.versions[m.Version]
		if !ok || v.Status != types.VERSION_STATUS_STAGING {
			return errors.New("no staging version")
		}
		if m.ExpectedChunks != v.Chunks || m.ExpectedRows != v.Rows || !bytes.Equal(m.ExpectedHash, v.ContentHash) {
			return errors.New("expected values differ")
		}
		v.Status, v.AppliesFrom = types.VERSION_STATUS_ACTIVE, m.AppliesFrom
	default:
		return fmt.Errorf("unexpected %T", msg)
	}
	return nil
}

// stageCount is the number of MsgStageChunk sent, and the indexes.
func (c *fakeChain) stageIndexes() []uint32 {
	var out []uint32
	for _, m := range c.sent {
		if s, ok := m.(*types.MsgStageChunk); ok {
			out = append(out, s.Index)
		}
	}
	return out
}

func newTestImporter(c *fakeChain, tbl Table, out, log *bytes.Buffer) *importer {
	return &importer{
		chain: c, table: tbl, version: 1, source: "CMS NCCI PTP practitioner 2026Q1", loader: testLoader,
		appliesFrom: "2026-01-01", activate: true, chunkSize: 5, chunkSizeSet: true,
		activateHint: func(size int) string {
			return activateCommand("ptp", []string{"ptp.txt"}, nil, 1, "2026-01-01", size, "loader")
		},
		out: out, log: log,
	}
}

func TestImportStagesVerifiesAndActivates(t *testing.T) {
	c := newFakeChain()
	var out, log bytes.Buffer
	im := newTestImporter(c, ptpTable(t), &out, &log)
	require.NoError(t, im.run(context.Background()))

	p, err := NewPlan(ptpTable(t), 5)
	require.NoError(t, err)
	v := c.versions[1]
	require.Equal(t, types.VERSION_STATUS_ACTIVE, v.Status)
	require.Equal(t, "2026-01-01", v.AppliesFrom)
	require.Equal(t, "CMS NCCI PTP practitioner 2026Q1", v.Source)
	require.Equal(t, p.Hash(), v.ContentHash)
	require.Equal(t, []uint32{0, 1, 2, 3}, c.stageIndexes())
	require.Equal(t, "", c.sent[1].(*types.MsgStageChunk).Source, "the source goes with chunk 0 only")
	act := c.sent[4].(*types.MsgActivateVersion)
	require.Equal(t, types.MsgActivateVersion{
		Loader: testLoader, Kind: types.TABLE_KIND_PTP, Version: 1, AppliesFrom: "2026-01-01",
		ExpectedChunks: 4, ExpectedRows: 19, ExpectedHash: p.Hash(),
	}, *act)

	require.Contains(t, log.String(), "ptp version 1: 19 rows in 4 chunks of at most 5 rows, content hash "+fmt.Sprintf("%X", p.Hash()))
	require.Contains(t, log.String(), "[..............................] 0/4 chunks, 0/19 rows\n")
	require.Contains(t, log.String(), "[########......................] 1/4 chunks, 5/19 rows\n")
	require.Contains(t, log.String(), "[##############################] 4/4 chunks, 19/19 rows\n")
	require.Contains(t, out.String(), "activated ptp version 1 from 2026-01-01: 19 rows")

	// Running it again finds the version active with the same content.
	out.Reset()
	c.sent = nil
	require.NoError(t, newTestImporter(c, ptpTable(t), &out, &log).run(context.Background()))
	require.Empty(t, c.sent)
	require.Contains(t, out.String(), "ptp version 1 is already active from 2026-01-01 with this content")
}

func TestImportResumesAfterInterruption(t *testing.T) {
	c := newFakeChain()
	c.failAt = 2
	var out, log bytes.Buffer
	err := newTestImporter(c, ptpTable(t), &out, &log).run(context.Background())
	require.ErrorContains(t, err, "chunk 2 of 4: connection reset by peer")
	require.ErrorContains(t, err, "run the same command again")
	require.Equal(t, uint32(2), c.versions[1].Chunks)
	require.Equal(t, types.VERSION_STATUS_STAGING, c.versions[1].Status)

	c.sent = nil
	log.Reset()
	require.NoError(t, newTestImporter(c, ptpTable(t), &out, &log).run(context.Background()))
	require.Equal(t, []uint32{2, 3}, c.stageIndexes(), "only the missing chunks are sent")
	require.Contains(t, log.String(), "the chain holds chunks 0..1 (10 rows, same content hash): resuming at chunk 2")
	require.Contains(t, log.String(), "2/4 chunks, 10/19 rows")
	require.Equal(t, types.VERSION_STATUS_ACTIVE, c.versions[1].Status)
}

func TestImportWithoutActivate(t *testing.T) {
	c := newFakeChain()
	var out, log bytes.Buffer
	im := newTestImporter(c, ptpTable(t), &out, &log)
	im.activate = false
	require.NoError(t, im.run(context.Background()))
	require.Equal(t, types.VERSION_STATUS_STAGING, c.versions[1].Status)
	require.Contains(t, out.String(), "staged ptp version 1: 4 chunks, 19 rows")
	require.Contains(t, out.String(), "tx refdata import ptp ptp.txt --table-version 1 --chunk-size 5 --applies-from 2026-01-01 --activate --from loader")
	require.Contains(t, out.String(), fmt.Sprintf("tx refdata activate ptp 1 2026-01-01 --expected-chunks 4 --expected-rows 19 --expected-hash %X --from <loader>", c.versions[1].ContentHash))

	// The later --activate run sends only the activation.
	c.sent = nil
	require.NoError(t, newTestImporter(c, ptpTable(t), &out, &log).run(context.Background()))
	require.Len(t, c.sent, 1)
	require.IsType(t, &types.MsgActivateVersion{}, c.sent[0])
}

func TestImportRefusals(t *testing.T) {
	run := func(setup func(c *fakeChain, im *importer)) (*fakeChain, error) {
		c := newFakeChain()
		var out, log bytes.Buffer
		im := newTestImporter(c, ptpTable(t), &out, &log)
		setup(c, im)
		return c, im.run(context.Background())
	}

	c, err := run(func(c *fakeChain, _ *importer) {
		// Someone staged one chunk of other data as version 1.
		other := Table{Kind: types.TABLE_KIND_PTP, Rows: types.ChunkRows{Ptp: []types.PtpRow{{Column1: "99213", Column2: "99211", EffectiveDate: "2010-01-01"}}}}
		p, err := NewPlan(other, 5)
		require.NoError(t, err)
		require.NoError(t, c.apply(&types.MsgStageChunk{Loader: testLoader, Kind: types.TABLE_KIND_PTP, Version: 1, Source: "x", Rows: p.Chunks[0]}))
	})
	require.ErrorContains(t, err, "other data or another --chunk-size")
	require.Empty(t, c.sent)

	c, err = run(func(c *fakeChain, im *importer) {
		// Version 1 was staged with chunks of 10 rows.
		p, err := NewPlan(im.table, 10)
		require.NoError(t, err)
		require.NoError(t, c.apply(&types.MsgStageChunk{Loader: testLoader, Kind: types.TABLE_KIND_PTP, Version: 1, Source: "x", Rows: p.Chunks[0]}))
	})
	require.ErrorContains(t, err, "another --chunk-size (was 10?)")
	require.Empty(t, c.sent)

	_, err = run(func(c *fakeChain, _ *importer) { c.params.Loader = "" })
	require.ErrorContains(t, err, "no loader is appointed")
	other := sdk.AccAddress(bytes.Repeat([]byte{2}, 20)).String()
	_, err = run(func(c *fakeChain, _ *importer) { c.params.Loader = other })
	require.ErrorContains(t, err, testLoader+" is not the loader: governance appointed "+other)
	_, err = run(func(c *fakeChain, _ *importer) {
		c.versions[3] = &types.TableVersion{Kind: types.TABLE_KIND_PTP, Version: 3, Status: types.VERSION_STATUS_ACTIVE}
	})
	require.ErrorContains(t, err, "version 1 must be newer than the latest ptp version, 3")
	_, err = run(func(_ *fakeChain, im *importer) { im.source = "" })
	require.ErrorContains(t, err, "--source is required to open version 1")
	_, err = run(func(c *fakeChain, _ *importer) { c.params.MaxRowsPerChunk = 4 })
	require.ErrorContains(t, err, "--chunk-size 5 exceeds the chain's max_rows_per_chunk 4")

	// Without an explicit --chunk-size the chain's maximum is used.
	c, err = run(func(c *fakeChain, im *importer) { c.params.MaxRowsPerChunk = 4; im.chunkSizeSet = false })
	require.NoError(t, err)
	require.Equal(t, uint32(5), c.versions[1].Chunks)

	// Declining the confirmation sends nothing.
	c, err = run(func(_ *fakeChain, im *importer) { im.confirm = func() (bool, error) { return false, nil } })
	require.NoError(t, err)
	require.Empty(t, c.sent)
}

// The exclusion fixtures go through the same import, one chunk.
func TestImportExclusionFixtures(t *testing.T) {
	tbl, err := ReadTable(types.TABLE_KIND_EXCLUSION, []string{filepath.Join(fixtures, "leie-full.csv")}, []string{
		filepath.Join(fixtures, "leie-exclusions-2026-02.csv"), filepath.Join(fixtures, "leie-reinstatements-2026-02.csv"),
	}, &bytes.Buffer{})
	require.NoError(t, err)
	c := newFakeChain()
	var out, log bytes.Buffer
	im := newTestImporter(c, tbl, &out, &log)
	im.chunkSize = DefaultChunkSize
	require.NoError(t, im.run(context.Background()))
	require.Equal(t, uint64(9), c.versions[1].Rows)
	require.Equal(t, types.TABLE_KIND_EXCLUSION, c.versions[1].Kind)
}

// A row the chain would refuse stops the import before anything is sent.
func TestImportValidatesEveryChunkFirst(t *testing.T) {
	tbl := ptpTable(t)
	tbl.Rows.Ptp = append(tbl.Rows.Ptp, types.PtpRow{Column1: "99213", Column2: "99211", EffectiveDate: "2010-01-01", ModifierIndicator: 2})
	c := newFakeChain()
	var out, log bytes.Buffer
	err := newTestImporter(c, tbl, &out, &log).run(context.Background())
	require.ErrorContains(t, err, "chunk 3: ")
	require.ErrorContains(t, err, "modifier_indicator 2")
	require.Empty(t, c.sent)
	require.Empty(t, c.versions)
}

// A quarter's PTP edits split over several files make one table; an MUE code
// in two files is an error; the other tables take one file.
func TestReadTableSeveralFiles(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "ptp-practitioner-2026q1.txt"))
	require.NoError(t, err)
	lines := strings.SplitAfter(string(data), "\n")
	header, body := strings.Join(lines[:6], ""), lines[6:]
	dir := t.TempDir()
	f1, f2 := filepath.Join(dir, "f1.txt"), filepath.Join(dir, "f2.txt")
	require.NoError(t, os.WriteFile(f1, []byte(header+strings.Join(body[:12], "")), 0o600))
	require.NoError(t, os.WriteFile(f2, []byte(header+strings.Join(body[10:], "")), 0o600)) // lines 10 and 11 in both
	var log bytes.Buffer
	split, err := ReadTable(types.TABLE_KIND_PTP, []string{f2, f1}, nil, &log)
	require.NoError(t, err)
	require.Equal(t, ptpTable(t).Rows, split.Rows)
	require.Equal(t, Skipped{SkipNeverInForce: 1, SkipDuplicate: 3}, split.Skipped)
	require.Contains(t, log.String(), "f1.txt: 11 rows")

	mue := filepath.Join(fixtures, "mue-practitioner-2026q1.csv")
	_, err = ReadTable(types.TABLE_KIND_MUE, []string{mue, mue}, nil, &log)
	require.ErrorContains(t, err, "code 11042 is in both")
	addOn := filepath.Join(fixtures, "add-on-2026.csv")
	_, err = ReadTable(types.TABLE_KIND_ADD_ON, []string{addOn, addOn}, nil, &log)
	require.ErrorContains(t, err, "the add-on table is imported from one file, not 2")
	minutes := filepath.Join(fixtures, "typical-minutes.csv")
	_, err = ReadTable(types.TABLE_KIND_TYPICAL_MINUTES, []string{minutes, minutes}, nil, &log)
	require.ErrorContains(t, err, "the typical-minutes table is imported from one file, not 2")

	// The two code-keyed tables of claimchain's own layouts read into their own field only.
	tm, err := ReadTable(types.TABLE_KIND_TYPICAL_MINUTES, []string{minutes}, nil, &log)
	require.NoError(t, err)
	require.Len(t, tm.Rows.TypicalMinutes, 20)
	require.Equal(t, 20, tm.Len())
	em, err := ReadTable(types.TABLE_KIND_EM_LEVEL, []string{filepath.Join(fixtures, "em-levels.csv")}, nil, &log)
	require.NoError(t, err)
	require.Len(t, em.Rows.EmLevel, 12)
	require.Equal(t, 12, em.Len())
	p, err := NewPlan(em, 5)
	require.NoError(t, err)
	require.Equal(t, 3, p.N())
	for _, c := range p.Chunks {
		require.Equal(t, c.Len(), len(c.EmLevel))
		require.NoError(t, c.Validate(types.TABLE_KIND_EM_LEVEL))
	}
}

// runCmd runs the import command with args and returns stdout and stderr.
func runCmd(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	cmd := TxCmd()
	var out, errOut bytes.Buffer
	cmd.SetOut(&out)
	cmd.SetErr(&errOut)
	cmd.SetArgs(append([]string{"import"}, args...))
	err := cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestImportCmdPrintHash(t *testing.T) {
	out, log, err := runCmd(t, "ptp", filepath.Join(fixtures, "ptp-practitioner-2026q1.txt"), "--print-hash", "--chunk-size", "5")
	require.NoError(t, err)
	p, err := NewPlan(ptpTable(t), 5)
	require.NoError(t, err)
	require.Equal(t, fmt.Sprintf("table: ptp\nrows: 19\nchunks: 4 (at most 5 rows each)\ncontent_hash: %X\ncontent_hash_base64: ", p.Hash()), out[:strings.Index(out, "content_hash_base64: ")+len("content_hash_base64: ")])
	require.Contains(t, out, "skipped: 2 (1 deletion date not after effective date (never in force), 1 exact duplicate of another row)\n")
	require.Contains(t, log, "ptp-practitioner-2026q1.txt: 19 rows, skipped 2")

	// The same file always prints the same hash.
	again, _, err := runCmd(t, "ptp", filepath.Join(fixtures, "ptp-practitioner-2026q1.txt"), "--print-hash", "--chunk-size", "5")
	require.NoError(t, err)
	require.Equal(t, out, again)
}

func TestImportCmdArgs(t *testing.T) {
	ptp := filepath.Join(fixtures, "ptp-practitioner-2026q1.txt")
	for name, tc := range map[string]struct {
		args []string
		err  string
	}{
		"unknown table":            {[]string{"cpt", ptp, "--print-hash"}, `unknown table "cpt": want one of ptp, mue, add-on, exclusion, age-sex, typical-minutes, em-level`},
		"wrong layout for minutes": {[]string{"typical-minutes", filepath.Join(fixtures, "em-levels.csv"), "--print-hash"}, "3 fields, want code,minutes"},
		"wrong layout for levels":  {[]string{"em-level", filepath.Join(fixtures, "typical-minutes.csv"), "--print-hash"}, "2 fields, want code,family,level"},
		"missing file":             {[]string{"ptp", "nope.txt", "--print-hash"}, "nope.txt"},
		"wrong layout":             {[]string{"mue", ptp, "--print-hash"}, "no MUE record found"},
		"no version":               {[]string{"ptp", ptp}, "--table-version is required"},
		"activate without date":    {[]string{"ptp", ptp, "--table-version", "1", "--activate"}, "--activate requires --applies-from"},
		"bad date":                 {[]string{"ptp", ptp, "--table-version", "1", "--applies-from", "2026-13-01"}, "--applies-from \"2026-13-01\""},
		"bad chunk size":           {[]string{"ptp", ptp, "--chunk-size", "0", "--print-hash"}, "--chunk-size 0"},
		"supplement on ptp":        {[]string{"ptp", ptp, "--supplement", ptp, "--print-hash"}, "--supplement applies to the exclusion table only"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := runCmd(t, tc.args...)
			require.ErrorContains(t, err, tc.err)
		})
	}
}

// examples/refdata/README.md states each fixture's rows and content hash at
// the default chunk size: keep it in step with the parsers.
func TestReadmeHashes(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(fixtures, "README.md"))
	require.NoError(t, err)
	for _, tc := range []struct {
		args []string
		rows int
	}{
		{[]string{"ptp", "ptp-practitioner-2026q1.txt"}, 19},
		{[]string{"mue", "mue-practitioner-2026q1.csv"}, 14},
		{[]string{"exclusion", "leie-full.csv", "--supplement", "leie-reinstatements-2026-02.csv", "--supplement", "leie-exclusions-2026-02.csv"}, 9},
		{[]string{"add-on", "add-on-2026.csv"}, 7},
		{[]string{"age-sex", "age-sex-2026.csv"}, 8},
		{[]string{"typical-minutes", "typical-minutes.csv"}, 20},
		{[]string{"em-level", "em-levels.csv"}, 12},
	} {
		args := append([]string{}, tc.args...)
		for i, a := range args {
			if strings.HasSuffix(a, ".csv") || strings.HasSuffix(a, ".txt") {
				args[i] = filepath.Join(fixtures, a)
			}
		}
		out, _, err := runCmd(t, append(args, "--print-hash")...)
		require.NoError(t, err)
		require.Contains(t, out, fmt.Sprintf("rows: %d\n", tc.rows))
		hash := strings.TrimPrefix(strings.Split(out, "\n")[3], "content_hash: ")
		require.Len(t, hash, 64)
		require.Contains(t, string(readme), fmt.Sprintf("| %d | `%s` |", tc.rows, hash), "README row of %s", tc.args[1])
	}
}

// The command's own checks of the tx flags, before any node is contacted.
func TestImportCmdTxFlags(t *testing.T) {
	ptp := filepath.Join(fixtures, "ptp-practitioner-2026q1.txt")
	base := []string{"ptp", ptp, "--table-version", "1", "--keyring-backend", "memory"}
	for name, tc := range map[string]struct {
		args []string
		err  string
	}{
		"no signer":               {nil, "--from is required"},
		"dry run":                 {[]string{"--dry-run"}, "--dry-run is not supported here: use --print-hash"},
		"offline":                 {[]string{"--offline"}, "--offline works only with --generate-only"},
		"generate-only, auto gas": {[]string{"--generate-only"}, "--generate-only needs a fixed --gas"},
		"generate-only, gas auto": {[]string{"--generate-only", "--gas", "auto"}, "--generate-only needs a fixed --gas"},
		"applies-from not a date": {[]string{"--applies-from", "20260101"}, "want YYYY-MM-DD"},
		"activate without date":   {[]string{"--activate"}, "--activate requires --applies-from"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := runCmd(t, append(append([]string{}, base...), tc.args...)...)
			require.ErrorContains(t, err, tc.err)
		})
	}
}

func TestActivateCommand(t *testing.T) {
	require.Equal(t,
		"claimchaind tx refdata import exclusion leie-full.csv --supplement 'my dir/rein.csv' --table-version 4 --chunk-size 2000 --applies-from <YYYY-MM-DD> --activate --from <loader>",
		strings.Replace(activateCommand("exclusion", []string{"leie-full.csv"}, []string{"my dir/rein.csv"}, 4, "", 2000, ""), version.AppName, "claimchaind", 1))
	require.Equal(t, `'it'\''s'`, shellQuote("it's"))
	require.Equal(t, "''", shellQuote(""))
	require.Equal(t, "a/b-c_1.csv", shellQuote("a/b-c_1.csv"))
}
