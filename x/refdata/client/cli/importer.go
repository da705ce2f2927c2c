package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// progressWidth is the number of cells of the progress bar.
const progressWidth = 30

// validateMsg runs the stateless checks a msg carries (Validate, or the older
// ValidateBasic), so a bad row is found before anything is broadcast.
func validateMsg(msg sdk.Msg) error {
	if m, ok := msg.(interface{ Validate() error }); ok {
		if err := m.Validate(); err != nil {
			return err
		}
	}
	if m, ok := msg.(sdk.HasValidateBasic); ok {
		return m.ValidateBasic()
	}
	return nil
}

// Chain is what an import needs from a node. rpcChain talks to a real one;
// tests use an in-memory chain.
type Chain interface {
	Params(ctx context.Context) (types.Params, error)
	// Versions lists every version of a table.
	Versions(ctx context.Context, kind types.TableKind) ([]types.TableVersion, error)
	Version(ctx context.Context, kind types.TableKind, version uint32) (types.TableVersion, error)
	// Send signs and broadcasts msg and returns once it is committed in a block
	// (with --generate-only it prints msg as an unsigned tx instead). committed
	// reports whether the chain's state already shows the msg's effect, for
	// nodes that do not index transactions.
	Send(ctx context.Context, msg sdk.Msg, committed func(context.Context) (bool, error)) error
}

// importer stages a table as a version, chunk by chunk, resuming where the
// chain's record of the version ends, and optionally activates it.
type importer struct {
	chain        Chain
	table        Table
	version      uint32
	source       string
	loader       string
	appliesFrom  string
	activate     bool
	chunkSize    int
	chunkSizeSet bool // --chunk-size given explicitly: never lowered silently
	offline      bool // no queries: stage from chunk 0 (only with generateOnly)
	generateOnly bool // print unsigned txs instead of broadcasting them
	// confirm asks whether to go ahead; nil goes ahead.
	confirm func() (bool, error)
	// activateHint is the command that activates the version later.
	activateHint func(chunkSize int) string
	out          io.Writer // results (stdout)
	log          io.Writer // summary and progress (stderr)
	redraw       bool      // log is a terminal: redraw the bar in place
	barOpen      bool
}

func (im *importer) logf(format string, args ...any) {
	im.endBar()
	_, _ = fmt.Fprintf(im.log, format, args...)
}

// bar draws the progress after k chunks.
func (im *importer) bar(k int, p Plan) {
	s := FormatProgress(k, p.N(), p.RowsAfter(k), p.Rows(), progressWidth)
	if !im.redraw {
		_, _ = fmt.Fprintln(im.log, s)
		return
	}
	_, _ = fmt.Fprintf(im.log, "\r%s", s)
	im.barOpen = true
	if k == p.N() {
		im.endBar()
	}
}

func (im *importer) endBar() {
	if im.barOpen {
		_, _ = fmt.Fprintln(im.log)
		im.barOpen = false
	}
}

// chunkSizeFor applies the chain's max_rows_per_chunk to the requested size.
func (im *importer) chunkSizeFor(maxRows uint32) (int, error) {
	m := int(maxRows)
	if m == 0 || im.chunkSize <= m {
		return im.chunkSize, nil
	}
	if im.chunkSizeSet {
		return 0, fmt.Errorf("--chunk-size %d exceeds the chain's max_rows_per_chunk %d", im.chunkSize, m)
	}
	im.logf("note: the chain allows at most %d rows per chunk; using --chunk-size %d\n", m, m)
	return m, nil
}

// run does the import.
func (im *importer) run(ctx context.Context) error {
	defer im.endBar()
	kind := im.table.Kind
	size := im.chunkSize
	if !im.offline {
		params, err := im.chain.Params(ctx)
		if err != nil {
			return fmt.Errorf("query refdata params: %w", err)
		}
		if params.Loader == "" {
			return errors.New("no loader is appointed: governance sets the refdata params' loader (update-params proposal) before tables can be staged")
		}
		if params.Loader != im.loader {
			return fmt.Errorf("%s is not the loader: governance appointed %s to stage and activate tables", im.loader, params.Loader)
		}
		if size, err = im.chunkSizeFor(params.MaxRowsPerChunk); err != nil {
			return err
		}
	}
	plan, err := NewPlan(im.table, size)
	if err != nil {
		return err
	}

	var stored *types.TableVersion
	if !im.offline {
		versions, err := im.chain.Versions(ctx, kind)
		if err != nil {
			return fmt.Errorf("query %s versions: %w", kindName(kind), err)
		}
		var latest uint32
		for i := range versions {
			if versions[i].Version == im.version {
				stored = &versions[i]
			}
			latest = max(latest, versions[i].Version)
		}
		if stored == nil && latest >= im.version {
			return fmt.Errorf("version %d must be newer than the latest %s version, %d", im.version, kindName(kind), latest)
		}
	}
	next, err := ResumePoint(stored, plan)
	if errors.Is(err, ErrAlreadyActive) {
		_, _ = fmt.Fprintf(im.out, "%s version %d is already active from %s with this content: %d chunks, %d rows, content hash %X\n",
			kindName(kind), im.version, stored.AppliesFrom, plan.N(), plan.Rows(), plan.Hash())
		return nil
	}
	if err != nil {
		return err
	}
	if next == 0 && im.source == "" {
		return fmt.Errorf("--source is required to open version %d (e.g. \"CMS NCCI PTP practitioner 2026Q1\")", im.version)
	}
	if stored != nil && im.source != "" && stored.Source != im.source {
		im.logf("note: version %d was opened with source %q; the chain keeps it\n", im.version, stored.Source)
	}

	stage := func(i int) *types.MsgStageChunk {
		msg := &types.MsgStageChunk{
			Loader: im.loader, Kind: kind, Version: im.version, Index: uint32(i), Rows: plan.Chunks[i],
		}
		if i == 0 {
			msg.Source = im.source
		}
		return msg
	}
	activate := &types.MsgActivateVersion{
		Loader: im.loader, Kind: kind, Version: im.version, AppliesFrom: im.appliesFrom,
		ExpectedChunks: uint32(plan.N()), ExpectedRows: plan.Rows(), ExpectedHash: plan.Hash(),
	}
	// Check every message before the first is sent: a bad row should stop the
	// import before the version is opened, not after half of it is staged.
	for i := next; i < plan.N(); i++ {
		if err := validateMsg(stage(i)); err != nil {
			return fmt.Errorf("chunk %d: %w", i, err)
		}
	}
	if im.activate {
		if err := validateMsg(activate); err != nil {
			return err
		}
	}

	im.logf("%s version %d: %d rows in %d chunks of at most %d rows, content hash %X\n",
		kindName(kind), im.version, plan.Rows(), plan.N(), plan.ChunkSize, plan.Hash())
	if next > 0 {
		im.logf("the chain holds chunks 0..%d (%d rows, same content hash): resuming at chunk %d\n", next-1, plan.RowsAfter(next), next)
	}
	if next < plan.N() || im.activate {
		todo := fmt.Sprintf("send %d MsgStageChunk", plan.N()-next)
		if im.activate {
			todo += fmt.Sprintf(" and MsgActivateVersion (applies from %s)", im.appliesFrom)
		}
		im.logf("will %s, signed by %s\n", todo, im.loader)
		if im.confirm != nil {
			ok, err := im.confirm()
			if err != nil {
				return err
			}
			if !ok {
				im.logf("canceled\n")
				return nil
			}
		}
	}

	im.bar(next, plan)
	for i := next; i < plan.N(); i++ {
		msg := stage(i)
		index := msg.Index
		err := im.chain.Send(ctx, msg, func(ctx context.Context) (bool, error) {
			v, err := im.chain.Version(ctx, kind, im.version)
			if err != nil {
				return false, nil //nolint:nilerr // the version does not exist until chunk 0 is committed
			}
			return v.Chunks > index, nil
		})
		if err != nil {
			return fmt.Errorf("chunk %d of %d: %w\nrun the same command again: it resumes from the chunks the chain holds", i, plan.N(), err)
		}
		if !im.generateOnly {
			v, err := im.chain.Version(ctx, kind, im.version)
			if err != nil {
				return fmt.Errorf("query version %d after chunk %d: %w", im.version, i, err)
			}
			if err := checkStaged(v, plan, i+1); err != nil {
				return err
			}
		}
		im.bar(i+1, plan)
	}

	if im.generateOnly {
		if im.activate {
			if err := im.chain.Send(ctx, activate, nil); err != nil {
				return err
			}
		}
		im.logf("printed the unsigned txs: sign and broadcast them in order, each once the previous one is committed\n")
		return nil
	}

	v, err := im.chain.Version(ctx, kind, im.version)
	if err != nil {
		return fmt.Errorf("query version %d: %w", im.version, err)
	}
	if err := checkStaged(v, plan, plan.N()); err != nil {
		return err
	}
	_, _ = fmt.Fprintf(im.out, "staged %s version %d: %d chunks, %d rows, content hash %X, as the chain stores them\n",
		kindName(kind), im.version, plan.N(), plan.Rows(), plan.Hash())
	if !im.activate {
		_, _ = fmt.Fprintf(im.out, "to activate it, run the import again with --activate (it checks the chain's chunks, rows and hash, then sends only the activation):\n  %s\n",
			im.activateHint(plan.ChunkSize))
		_, _ = fmt.Fprintf(im.out, "or activate it directly:\n  %s tx refdata activate %s %d %s --expected-chunks %d --expected-rows %d --expected-hash %X --from <loader>\n",
			version.AppName, kindName(kind), im.version, orPlaceholder(im.appliesFrom, "<YYYY-MM-DD>"), plan.N(), plan.Rows(), plan.Hash())
		return nil
	}
	err = im.chain.Send(ctx, activate, func(ctx context.Context) (bool, error) {
		v, err := im.chain.Version(ctx, kind, im.version)
		return err == nil && v.Status == types.VERSION_STATUS_ACTIVE, nil
	})
	if err != nil {
		return fmt.Errorf("activate version %d: %w", im.version, err)
	}
	_, _ = fmt.Fprintf(im.out, "activated %s version %d from %s: %d rows, content hash %X\n",
		kindName(kind), im.version, im.appliesFrom, plan.Rows(), plan.Hash())
	return nil
}

// checkStaged compares the chain's record of a staging version with the local
// plan after k chunks.
func checkStaged(v types.TableVersion, p Plan, k int) error {
	if v.Status != types.VERSION_STATUS_STAGING {
		return fmt.Errorf("version %d is %s, not staging", v.Version, v.Status)
	}
	if int(v.Chunks) != k || v.Rows != p.RowsAfter(k) || !bytes.Equal(v.ContentHash, p.HashAfter(k)) {
		return fmt.Errorf("version %d on chain: %d chunks, %d rows, content hash %X; local after %d chunks: %d rows, content hash %X",
			v.Version, v.Chunks, v.Rows, v.ContentHash, k, p.RowsAfter(k), p.HashAfter(k))
	}
	return nil
}

// orPlaceholder is s, or placeholder when s is empty.
func orPlaceholder(s, placeholder string) string {
	if s == "" {
		return placeholder
	}
	return s
}
