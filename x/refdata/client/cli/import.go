package cli

import (
	"bufio"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/input"
	"github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/version"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/refdata/types"
)

// Flags of the import command.
const (
	FlagVersion       = "table-version" // not "version": the node config.toml has a top-level version key that viper would bind to it
	FlagSource        = "source"
	FlagAppliesFrom   = "applies-from"
	FlagSupplement    = "supplement"
	FlagChunkSize     = "chunk-size"
	FlagActivate      = "activate"
	FlagPrintHash     = "print-hash"
	FlagCommitTimeout = "commit-timeout"
)

// kindArgs are the table names the import command takes, in help order.
var kindArgs = []struct {
	name string
	kind types.TableKind
}{
	{"ptp", types.TABLE_KIND_PTP},
	{"mue", types.TABLE_KIND_MUE},
	{"add-on", types.TABLE_KIND_ADD_ON},
	{"exclusion", types.TABLE_KIND_EXCLUSION},
	{"age-sex", types.TABLE_KIND_AGE_SEX},
	{"typical-minutes", types.TABLE_KIND_TYPICAL_MINUTES},
	{"em-level", types.TABLE_KIND_EM_LEVEL},
}

// ParseKind maps a table name of the import command to its kind.
func ParseKind(name string) (types.TableKind, error) {
	names := make([]string, len(kindArgs))
	for i, k := range kindArgs {
		if strings.EqualFold(name, k.name) {
			return k.kind, nil
		}
		names[i] = k.name
	}
	return types.TABLE_KIND_UNSPECIFIED, fmt.Errorf("unknown table %q: want one of %s", name, strings.Join(names, ", "))
}

// kindName is the import command's name of a table kind.
func kindName(kind types.TableKind) string {
	for _, k := range kindArgs {
		if k.kind == kind {
			return k.name
		}
	}
	return kind.String()
}

// parseFile opens name and parses it with parse.
func parseFile[T any](name string, parse func(io.Reader) (T, error)) (T, error) {
	var zero T
	f, err := os.Open(filepath.Clean(name))
	if err != nil {
		return zero, err
	}
	defer f.Close() //nolint:errcheck // read-only file
	v, err := parse(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return zero, fmt.Errorf("%s: %w", name, err)
	}
	return v, nil
}

// withSkipped adapts a parser that counts nothing skipped.
func withSkipped[R any](parse func(io.Reader) ([]R, error)) func(io.Reader) ([]R, Skipped, error) {
	return func(r io.Reader) ([]R, Skipped, error) {
		rows, err := parse(r)
		return rows, Skipped{}, err
	}
}

type parsed[R any] struct {
	rows    []R
	skipped Skipped
}

func parseRows[R any](name string, parse func(io.Reader) ([]R, Skipped, error), log io.Writer) ([]R, Skipped, error) {
	p, err := parseFile(name, func(r io.Reader) (parsed[R], error) {
		rows, skipped, err := parse(r)
		return parsed[R]{rows, skipped}, err
	})
	if err != nil {
		return nil, nil, err
	}
	_, _ = fmt.Fprintf(log, "%s: %d rows, skipped %s\n", name, len(p.rows), p.skipped)
	return p.rows, p.skipped, nil
}

// ReadTable parses files in the layout of kind into one table. A PTP or MUE
// table may span several files (CMS splits a quarter's practitioner PTP edits
// over several); their rows are combined and sorted, and an MUE code listed in
// two files is an error. The other tables take one file; for the exclusion
// table it is OIG's full LEIE file, and supplements (OIG's monthly exclusion and
// reinstatement lists, in any order) are applied to it with MergeLEIE. It writes
// a line per file to log.
func ReadTable(kind types.TableKind, files, supplements []string, log io.Writer) (Table, error) {
	t := Table{Kind: kind, Skipped: Skipped{}}
	if len(files) == 0 {
		return t, errors.New("no file to import")
	}
	if len(supplements) > 0 && kind != types.TABLE_KIND_EXCLUSION {
		return t, fmt.Errorf("--%s applies to the exclusion table only", FlagSupplement)
	}
	if len(files) > 1 && kind != types.TABLE_KIND_PTP && kind != types.TABLE_KIND_MUE {
		return t, fmt.Errorf("the %s table is imported from one file, not %d", kindName(kind), len(files))
	}
	switch kind {
	case types.TABLE_KIND_PTP:
		for _, file := range files {
			rows, skipped, err := parseRows(file, ParsePTP, log)
			if err != nil {
				return t, err
			}
			t.Rows.Ptp = append(t.Rows.Ptp, rows...)
			t.Skipped.Add(skipped)
		}
		if len(files) > 1 {
			var err error
			if t.Rows.Ptp, err = sortPTP(t.Rows.Ptp, t.Skipped); err != nil {
				return t, err
			}
		}
	case types.TABLE_KIND_MUE:
		in := map[string]string{}
		for _, file := range files {
			rows, skipped, err := parseRows(file, ParseMUE, log)
			if err != nil {
				return t, err
			}
			for _, r := range rows {
				if other, dup := in[r.Code]; dup {
					return t, fmt.Errorf("code %s is in both %s and %s", r.Code, other, file)
				}
				in[r.Code] = file
			}
			t.Rows.Mue = append(t.Rows.Mue, rows...)
			t.Skipped.Add(skipped)
		}
		sort.Slice(t.Rows.Mue, func(i, j int) bool { return t.Rows.Mue[i].Code < t.Rows.Mue[j].Code })
	case types.TABLE_KIND_ADD_ON:
		rows, _, err := parseRows(files[0], withSkipped(ParseAddOn), log)
		if err != nil {
			return t, err
		}
		t.Rows.AddOn = rows
	case types.TABLE_KIND_AGE_SEX:
		rows, _, err := parseRows(files[0], withSkipped(ParseAgeSex), log)
		if err != nil {
			return t, err
		}
		t.Rows.AgeSex = rows
	case types.TABLE_KIND_TYPICAL_MINUTES:
		rows, _, err := parseRows(files[0], withSkipped(ParseTypicalMinutes), log)
		if err != nil {
			return t, err
		}
		t.Rows.TypicalMinutes = rows
	case types.TABLE_KIND_EM_LEVEL:
		rows, _, err := parseRows(files[0], withSkipped(ParseEMLevels), log)
		if err != nil {
			return t, err
		}
		t.Rows.EmLevel = rows
	case types.TABLE_KIND_EXCLUSION:
		full, skipped, err := parseRows(files[0], ParseLEIE, log)
		if err != nil {
			return t, err
		}
		t.Skipped.Add(skipped)
		var excl, rein []types.ExclusionRow
		for _, s := range supplements {
			rows, skipped, err := parseRows(s, ParseLEIE, log)
			if err != nil {
				return t, err
			}
			t.Skipped.Add(skipped)
			e, r := SplitSupplement(rows)
			excl, rein = append(excl, e...), append(rein, r...)
		}
		t.Rows.Exclusion = MergeLEIE(full, excl, rein)
		if len(supplements) > 0 {
			_, _ = fmt.Fprintf(log, "merged: %d exclusion windows after %d exclusion and %d reinstatement rows from supplements\n",
				len(t.Rows.Exclusion), len(excl), len(rein))
		}
	default:
		return t, fmt.Errorf("unknown table kind %s", kind)
	}
	if t.Len() == 0 {
		return t, fmt.Errorf("%s: no rows to import", strings.Join(files, ", "))
	}
	return t, nil
}

// TxCmd returns the refdata tx command with the hand-written import command;
// autocli adds the generated Msg commands to it (EnhanceCustomCommand).
func TxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Reference-data transactions: import CMS and OIG tables, stage and activate versions",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(ImportCmd())
	return cmd
}

// ImportCmd parses a CMS or OIG file, stages it as a table version chunk by
// chunk (resuming an interrupted import), and with --activate puts it in force.
func ImportCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "import <ptp|mue|add-on|exclusion|age-sex|typical-minutes|em-level> <file> [more ptp or mue files...]",
		Short: "Import a CMS NCCI/MUE, add-on, age/sex, typical-minutes, E/M level or OIG LEIE file as a new table version (staged in chunks, resumable)",
		Long: `Parse a reference file in its publisher's layout and stage it as version --table-version of the table,
one MsgStageChunk per chunk, each committed before the next is sent; a progress bar goes to stderr.

Layouts (see examples/refdata/README.md):
  ptp        CMS NCCI PTP tab-delimited text, after its copyright and header lines; a
             quarter split over several files (f1..f4) is imported as one version
  mue        CMS MUE CSV (code, MUE value, MAI text, rationale); confidential values are skipped
  exclusion  OIG LEIE CSV (18 columns); --supplement adds OIG's monthly exclusion and
             reinstatement supplements: a reinstatement closes the window, it never deletes it
  add-on     CSV add_on_code,type,primary_codes (space-separated)
  age-sex    CSV code,min_age,max_age,sex (max_age 0 = no limit; sex F, M or empty)
  typical-minutes
             CSV code,minutes (typical practitioner minutes of one unit, 1-1440)
  em-level   CSV code,family,level (E/M family a-z, 0-9, -; level 1-5 within the family)
Only codes, NPIs, dates, indicators, minutes and E/M families and levels go on chain:
names, addresses, descriptions and rationales stay in the file. Rows are sorted, so the same file always gives the same
chunks and content hash.

If the version is already staging, the import checks that the chain's chunks are the
local chunks 0..k-1 (row count and running content hash) and continues at chunk k; it
refuses data that differs. With --activate it then checks the chain's chunk count, row
count and content hash against the local ones and sends MsgActivateVersion. --print-hash
parses only and prints the rows, chunks and content hash (no node, no key).

The signer (--from) must be the loader appointed by governance (refdata params). --gas
defaults to auto here; pay with --gas-prices (or --fees).`,
		Example: fmt.Sprintf(`%[1]s tx refdata import ptp examples/refdata/ptp-practitioner-2026q1.txt --print-hash
%[1]s tx refdata import ptp ccipra-v321r0-f1.txt ccipra-v321r0-f2.txt ccipra-v321r0-f3.txt \
  ccipra-v321r0-f4.txt --table-version 1 --source "CMS NCCI PTP practitioner 2026Q1" \
  --applies-from 2026-01-01 --activate --from loader --gas-prices 0.001ufee -y
%[1]s tx refdata import exclusion leie-full.csv --supplement leie-reinstatements-2026-02.csv \
  --supplement leie-exclusions-2026-02.csv --table-version 4 --source "OIG LEIE 2026-02" \
  --applies-from 2026-02-01 --activate --from loader --gas-prices 0.001ufee -y`, version.AppName),
		Args: cobra.MinimumNArgs(2),
		RunE: runImport,
	}
	f := cmd.Flags()
	f.Uint32(FlagVersion, 0, "table version to stage (new versions must be newer than every existing one)")
	f.String(FlagSource, "", `human-readable source, sent with chunk 0 (e.g. "CMS NCCI PTP practitioner 2026Q1")`)
	f.String(FlagAppliesFrom, "", "first date of service the version applies to, YYYY-MM-DD (required with --activate)")
	f.StringArray(FlagSupplement, nil, "exclusion table only: an OIG monthly exclusion or reinstatement supplement (repeatable)")
	f.Int(FlagChunkSize, DefaultChunkSize, "rows per chunk (at most the chain's max_rows_per_chunk)")
	f.Bool(FlagActivate, false, "after staging, verify the chain's chunks, rows and content hash and activate the version")
	f.Bool(FlagPrintHash, false, "only parse and print rows, chunks and content hash")
	f.Duration(FlagCommitTimeout, 2*time.Minute, "how long to wait for each tx to be committed")
	flags.AddTxFlagsToCmd(cmd)
	// A chunk of 1000 rows needs far more than the default 200000 gas.
	setDefault(f, flags.FlagGas, flags.GasFlagAuto)
	setDefault(f, flags.FlagGasAdjustment, "1.5")
	return cmd
}

// setDefault changes a flag's default value.
func setDefault(f *pflag.FlagSet, name, value string) {
	if fl := f.Lookup(name); fl != nil && fl.Value.Set(value) == nil {
		fl.DefValue = value
	}
}

func runImport(cmd *cobra.Command, args []string) error {
	kind, err := ParseKind(args[0])
	if err != nil {
		return err
	}
	f := cmd.Flags()
	supplements, _ := f.GetStringArray(FlagSupplement)
	chunkSize, _ := f.GetInt(FlagChunkSize)
	if chunkSize <= 0 {
		return fmt.Errorf("--%s %d: want at least 1", FlagChunkSize, chunkSize)
	}
	files := args[1:]
	table, err := ReadTable(kind, files, supplements, cmd.ErrOrStderr())
	if err != nil {
		return err
	}
	if printHash, _ := f.GetBool(FlagPrintHash); printHash {
		return printPlan(cmd.OutOrStdout(), table, chunkSize)
	}

	ver, _ := f.GetUint32(FlagVersion)
	if ver == 0 {
		return fmt.Errorf("--%s is required (a version newer than every existing %s version)", FlagVersion, args[0])
	}
	source, _ := f.GetString(FlagSource)
	appliesFrom, _ := f.GetString(FlagAppliesFrom)
	activate, _ := f.GetBool(FlagActivate)
	if activate && appliesFrom == "" {
		return fmt.Errorf("--%s requires --%s YYYY-MM-DD", FlagActivate, FlagAppliesFrom)
	}
	if appliesFrom != "" {
		if err := attestationtypes.ValidateDate("--"+FlagAppliesFrom, appliesFrom); err != nil {
			return err
		}
	}
	timeout, _ := f.GetDuration(FlagCommitTimeout)

	clientCtx, err := client.GetClientTxContext(cmd)
	if err != nil {
		return err
	}
	if clientCtx.Simulate {
		return fmt.Errorf("--%s is not supported here: use --%s to see what would be staged", flags.FlagDryRun, FlagPrintHash)
	}
	if clientCtx.Offline && !clientCtx.GenerateOnly {
		return fmt.Errorf("--%s works only with --%s", flags.FlagOffline, flags.FlagGenerateOnly)
	}
	if clientCtx.GenerateOnly {
		if g, _ := f.GetString(flags.FlagGas); !f.Changed(flags.FlagGas) || g == flags.GasFlagAuto {
			return fmt.Errorf("--%s needs a fixed --%s: a chunk cannot be simulated before the previous one is committed", flags.FlagGenerateOnly, flags.FlagGas)
		}
	}
	loader := clientCtx.GetFromAddress()
	if loader.Empty() {
		return fmt.Errorf("--%s is required: the loader appointed by governance", flags.FlagFrom)
	}

	im := &importer{
		chain:        newRPCChain(clientCtx, f, timeout),
		table:        table,
		version:      ver,
		source:       source,
		loader:       loader.String(),
		appliesFrom:  appliesFrom,
		activate:     activate,
		chunkSize:    chunkSize,
		chunkSizeSet: f.Changed(FlagChunkSize),
		offline:      clientCtx.Offline,
		generateOnly: clientCtx.GenerateOnly,
		out:          cmd.OutOrStdout(),
		log:          cmd.ErrOrStderr(),
		redraw:       isTerminal(cmd.ErrOrStderr()),
		activateHint: func(size int) string {
			return activateCommand(args[0], files, supplements, ver, appliesFrom, size, clientCtx.FromName)
		},
	}
	if !clientCtx.SkipConfirm && !clientCtx.GenerateOnly {
		in := clientCtx.Input
		if in == nil {
			in = os.Stdin
		}
		im.confirm = func() (bool, error) {
			return input.GetConfirmation("proceed", bufio.NewReader(in), cmd.ErrOrStderr())
		}
	}
	return im.run(clientCtx.GetCmdContextWithFallback())
}

// activateCommand is the import command that activates a staged version.
func activateCommand(kind string, files, supplements []string, ver uint32, appliesFrom string, size int, from string) string {
	appliesFrom, from = orPlaceholder(appliesFrom, "<YYYY-MM-DD>"), orPlaceholder(from, "<loader>")
	var b strings.Builder
	fmt.Fprintf(&b, "%s tx refdata import %s", version.AppName, kind)
	for _, f := range files {
		fmt.Fprintf(&b, " %s", shellQuote(f))
	}
	for _, s := range supplements {
		fmt.Fprintf(&b, " --%s %s", FlagSupplement, shellQuote(s))
	}
	fmt.Fprintf(&b, " --%s %d --%s %d --%s %s --%s --from %s",
		FlagVersion, ver, FlagChunkSize, size, FlagAppliesFrom, appliesFrom, FlagActivate, from)
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it needs quoting.
func shellQuote(s string) string {
	safe := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:@+,", r)
	}
	if s != "" && strings.IndexFunc(s, func(r rune) bool { return !safe(r) }) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// printPlan prints what an import would stage: rows, chunks and content hash.
func printPlan(w io.Writer, t Table, size int) error {
	p, err := NewPlan(t, size)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "table: %s\nrows: %d\nchunks: %d (at most %d rows each)\ncontent_hash: %X\ncontent_hash_base64: %s\nskipped: %s\n",
		kindName(t.Kind), p.Rows(), p.N(), size, p.Hash(), base64.StdEncoding.EncodeToString(p.Hash()), t.Skipped)
	return err
}

// isTerminal reports whether w is a character device (a terminal), where the
// progress bar is redrawn in place; elsewhere it prints a line per chunk.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// rpcChain is a Chain on a node, through the client context of the command.
type rpcChain struct {
	clientCtx client.Context
	flags     *pflag.FlagSet
	query     types.QueryClient
	timeout   time.Duration
	poll      time.Duration
}

func newRPCChain(clientCtx client.Context, f *pflag.FlagSet, timeout time.Duration) *rpcChain {
	return &rpcChain{clientCtx: clientCtx, flags: f, query: types.NewQueryClient(clientCtx), timeout: timeout, poll: time.Second}
}

func (c *rpcChain) Params(ctx context.Context) (types.Params, error) {
	res, err := c.query.Params(ctx, &types.QueryParamsRequest{})
	if err != nil {
		return types.Params{}, err
	}
	return res.Params, nil
}

func (c *rpcChain) Versions(ctx context.Context, kind types.TableKind) ([]types.TableVersion, error) {
	res, err := c.query.TableVersions(ctx, &types.QueryTableVersionsRequest{Kind: kind})
	if err != nil {
		return nil, err
	}
	v := res.Versions
	sort.Slice(v, func(i, j int) bool { return v[i].Version < v[j].Version })
	return v, nil
}

func (c *rpcChain) Version(ctx context.Context, kind types.TableKind, ver uint32) (types.TableVersion, error) {
	res, err := c.query.TableVersion(ctx, &types.QueryTableVersionRequest{Kind: kind, Version: ver})
	if err != nil {
		return types.TableVersion{}, err
	}
	return res.Version, nil
}

// Send signs msg with --from, broadcasts it (sync) and polls until it is in a
// block: by its hash, or, on nodes that do not index transactions, by the
// state committed reports. The account's sequence is read afresh for every
// tx, which is right because the previous one is committed by then.
func (c *rpcChain) Send(ctx context.Context, msg sdk.Msg, committed func(context.Context) (bool, error)) error {
	if err := validateMsg(msg); err != nil {
		return err
	}
	txf, err := tx.NewFactoryCLI(c.clientCtx, c.flags)
	if err != nil {
		return err
	}
	if c.clientCtx.GenerateOnly {
		return txf.PrintUnsignedTx(c.clientCtx, msg)
	}
	if txf, err = txf.Prepare(c.clientCtx); err != nil {
		return err
	}
	if txf.SimulateAndExecute() {
		_, gas, err := tx.CalculateGas(c.clientCtx, txf, msg)
		if err != nil {
			return fmt.Errorf("simulate: %w", err)
		}
		txf = txf.WithGas(gas)
	}
	builder, err := txf.BuildUnsignedTx(msg)
	if err != nil {
		return err
	}
	if err := tx.Sign(ctx, txf, c.clientCtx.FromName, builder, true); err != nil {
		return err
	}
	bz, err := c.clientCtx.TxConfig.TxEncoder()(builder.GetTx())
	if err != nil {
		return err
	}
	res, err := c.clientCtx.BroadcastTxSync(bz)
	if err != nil {
		return err
	}
	if res.Code != 0 {
		return fmt.Errorf("tx %s refused (codespace %s, code %d): %s", res.TxHash, res.Codespace, res.Code, res.RawLog)
	}
	return c.wait(ctx, res.TxHash, committed)
}

// wait polls until the tx is committed or the timeout passes.
func (c *rpcChain) wait(ctx context.Context, hash string, committed func(context.Context) (bool, error)) error {
	deadline := time.Now().Add(c.timeout)
	for {
		if res, err := authtx.QueryTx(c.clientCtx, hash); err == nil {
			if res.Code != 0 {
				return fmt.Errorf("tx %s failed in block %d (codespace %s, code %d): %s", hash, res.Height, res.Codespace, res.Code, res.RawLog)
			}
			return nil
		}
		if committed != nil {
			if ok, err := committed(ctx); err == nil && ok {
				return nil
			}
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("tx %s not committed within %s (--%s)", hash, c.timeout, FlagCommitTimeout)
		}
		select {
		case <-ctx.Done():
			return errors.Join(ctx.Err(), fmt.Errorf("tx %s may still be committed", hash))
		case <-time.After(c.poll):
		}
	}
}
