package cli

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/claimchain/claimchain/x/refdata/types"
)

// DefaultChunkSize is the import's rows per chunk unless --chunk-size says
// otherwise (or the chain's max_rows_per_chunk is smaller).
const DefaultChunkSize = 1000

// Table is a parsed reference table: its kind and all its rows, sorted, in the
// field of ChunkRows that belongs to the kind.
type Table struct {
	Kind    types.TableKind
	Rows    types.ChunkRows
	Skipped Skipped
}

// Len is the number of rows in the table.
func (t Table) Len() int { return t.Rows.Len() }

// splitRows cuts rows into chunks of at most size rows.
func splitRows[T any](rows []T, size int, wrap func([]T) types.ChunkRows) []types.ChunkRows {
	var out []types.ChunkRows
	for i := 0; i < len(rows); i += size {
		j := min(i+size, len(rows))
		out = append(out, wrap(rows[i:j:j]))
	}
	return out
}

// Chunks cuts a table into chunks of at most size rows, in row order.
func (t Table) Chunks(size int) ([]types.ChunkRows, error) {
	if size <= 0 {
		return nil, fmt.Errorf("chunk size %d: want at least 1", size)
	}
	r := t.Rows
	var chunks []types.ChunkRows
	switch t.Kind {
	case types.TABLE_KIND_PTP:
		chunks = splitRows(r.Ptp, size, func(s []types.PtpRow) types.ChunkRows { return types.ChunkRows{Ptp: s} })
	case types.TABLE_KIND_MUE:
		chunks = splitRows(r.Mue, size, func(s []types.MueRow) types.ChunkRows { return types.ChunkRows{Mue: s} })
	case types.TABLE_KIND_ADD_ON:
		chunks = splitRows(r.AddOn, size, func(s []types.AddOnRow) types.ChunkRows { return types.ChunkRows{AddOn: s} })
	case types.TABLE_KIND_EXCLUSION:
		chunks = splitRows(r.Exclusion, size, func(s []types.ExclusionRow) types.ChunkRows { return types.ChunkRows{Exclusion: s} })
	case types.TABLE_KIND_AGE_SEX:
		chunks = splitRows(r.AgeSex, size, func(s []types.AgeSexRow) types.ChunkRows { return types.ChunkRows{AgeSex: s} })
	case types.TABLE_KIND_TYPICAL_MINUTES:
		chunks = splitRows(r.TypicalMinutes, size, func(s []types.TypicalMinutesRow) types.ChunkRows {
			return types.ChunkRows{TypicalMinutes: s}
		})
	case types.TABLE_KIND_EM_LEVEL:
		chunks = splitRows(r.EmLevel, size, func(s []types.EmLevelRow) types.ChunkRows { return types.ChunkRows{EmLevel: s} })
	default:
		return nil, fmt.Errorf("unknown table kind %s", t.Kind)
	}
	total := 0
	for _, c := range chunks {
		total += c.Len()
	}
	if total != t.Len() {
		return nil, fmt.Errorf("table of kind %s holds rows of another kind", t.Kind)
	}
	if len(chunks) == 0 {
		return nil, errors.New("the table has no rows: nothing to stage")
	}
	return chunks, nil
}

// Plan is a table cut into chunks, with the running content hash and row
// count the chain will store after each chunk.
type Plan struct {
	Kind      types.TableKind
	ChunkSize int
	Chunks    []types.ChunkRows
	// hashes[k] and rows[k] are the running hash and row count after k chunks
	// (hashes[0] is types.EmptyHash).
	hashes [][]byte
	rows   []uint64
}

// NewPlan cuts t into chunks of at most size rows and computes the running
// content hash exactly as the chain does (types.ChunkHash over each chunk).
func NewPlan(t Table, size int) (Plan, error) {
	chunks, err := t.Chunks(size)
	if err != nil {
		return Plan{}, err
	}
	p := Plan{Kind: t.Kind, ChunkSize: size, Chunks: chunks, hashes: [][]byte{types.EmptyHash}, rows: []uint64{0}}
	for i, c := range chunks {
		h, err := types.ChunkHash(p.hashes[i], c)
		if err != nil {
			return Plan{}, fmt.Errorf("chunk %d: %w", i, err)
		}
		p.hashes = append(p.hashes, h)
		p.rows = append(p.rows, p.rows[i]+uint64(c.Len()))
	}
	return p, nil
}

// N is the number of chunks.
func (p Plan) N() int { return len(p.Chunks) }

// Rows is the number of rows in all chunks.
func (p Plan) Rows() uint64 { return p.rows[p.N()] }

// Hash is the content hash after the last chunk: the value activation checks.
func (p Plan) Hash() []byte { return p.hashes[p.N()] }

// HashAfter is the running content hash after the first k chunks.
func (p Plan) HashAfter(k int) []byte { return p.hashes[k] }

// RowsAfter is the number of rows in the first k chunks.
func (p Plan) RowsAfter(k int) uint64 { return p.rows[k] }

// ErrAlreadyActive says the version is already in force with exactly the
// local content: there is nothing to stage or activate.
var ErrAlreadyActive = errors.New("already active with this content")

// ResumePoint decides where an import of p as a version starts, given what the
// chain stores for that version (nil when the version does not exist yet): the
// index of the first chunk to send (0 for a new version, k when k chunks are
// staged, N when all are staged and only activation is left). It refuses to
// continue when the staged chunks are not the local chunks 0..k-1 (same row
// count and same running content hash), when the version is revoked, or when
// it is active with other content; an active version with the same content
// gives ErrAlreadyActive.
func ResumePoint(stored *types.TableVersion, p Plan) (int, error) {
	if stored == nil {
		return 0, nil
	}
	if stored.Kind != p.Kind {
		return 0, fmt.Errorf("version %d is a %s table, not %s", stored.Version, stored.Kind, p.Kind)
	}
	k := int(stored.Chunks)
	same := func(k int) bool {
		return k <= p.N() && stored.Rows == p.RowsAfter(k) && bytes.Equal(stored.ContentHash, p.HashAfter(k))
	}
	switch stored.Status {
	case types.VERSION_STATUS_STAGING:
	case types.VERSION_STATUS_ACTIVE:
		if k == p.N() && same(k) {
			return 0, fmt.Errorf("version %d (applies from %s): %w", stored.Version, stored.AppliesFrom, ErrAlreadyActive)
		}
		return 0, fmt.Errorf("version %d is already active with other content (%d chunks, %d rows, hash %X); import into a new version",
			stored.Version, stored.Chunks, stored.Rows, stored.ContentHash)
	case types.VERSION_STATUS_REVOKED:
		return 0, fmt.Errorf("version %d was revoked (%s); import into a new version", stored.Version, stored.RevokeReason)
	default:
		return 0, fmt.Errorf("version %d has status %s", stored.Version, stored.Status)
	}
	if k > p.N() {
		return 0, fmt.Errorf("the chain has %d chunks staged for version %d but the local data makes only %d: it was staged from other data or another --chunk-size",
			k, stored.Version, p.N())
	}
	if stored.Rows != p.RowsAfter(k) {
		return 0, fmt.Errorf("the chain's %d staged chunks of version %d hold %d rows, the local chunks 0..%d hold %d: it was staged from other data or another --chunk-size (was %d?)",
			k, stored.Version, stored.Rows, k-1, p.RowsAfter(k), guessChunkSize(stored))
	}
	if !same(k) {
		return 0, fmt.Errorf("the chain's content hash after %d chunks of version %d is %X, the local one is %X: someone staged other data; import into a new version",
			k, stored.Version, stored.ContentHash, p.HashAfter(k))
	}
	return k, nil
}

// guessChunkSize is the chunk size the staged chunks suggest (exact unless the
// last staged chunk was short).
func guessChunkSize(v *types.TableVersion) uint64 {
	if v.Chunks == 0 {
		return 0
	}
	return (v.Rows + uint64(v.Chunks) - 1) / uint64(v.Chunks)
}

// FormatProgress draws a progress bar of width cells, rounded to the nearest
// cell but full only when every chunk is sent:
// "[#####.....] 12/25 chunks, 12000/24817 rows".
func FormatProgress(chunks, totalChunks int, rows, totalRows uint64, width int) string {
	width = max(width, 1)
	filled := width
	if totalChunks > 0 {
		filled = max(0, min(width, (2*chunks*width+totalChunks)/(2*totalChunks)))
		if chunks < totalChunks && filled == width {
			filled = width - 1
		}
	}
	return fmt.Sprintf("[%s%s] %d/%d chunks, %d/%d rows",
		strings.Repeat("#", filled), strings.Repeat(".", width-filled), chunks, totalChunks, rows, totalRows)
}
