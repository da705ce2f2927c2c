package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/refdata/types"
)

func ptpTable(t *testing.T) Table {
	t.Helper()
	rows, skipped, err := ParsePTP(openFixture(t, "ptp-practitioner-2026q1.txt"))
	require.NoError(t, err)
	return Table{Kind: types.TABLE_KIND_PTP, Rows: types.ChunkRows{Ptp: rows}, Skipped: skipped}
}

func TestPlanChunksAndHash(t *testing.T) {
	tbl := ptpTable(t)
	p, err := NewPlan(tbl, 5)
	require.NoError(t, err)
	require.Equal(t, 4, p.N())
	require.Equal(t, uint64(19), p.Rows())

	// The chunks are the rows in order, 5 at a time, in the PTP field only, and
	// the plan's hash is types.ChunkHash applied chunk after chunk.
	var again []types.PtpRow
	h := types.EmptyHash
	for i, c := range p.Chunks {
		require.Empty(t, c.Mue)
		require.Empty(t, c.AddOn)
		require.Empty(t, c.Exclusion)
		require.Empty(t, c.AgeSex)
		require.Empty(t, c.TypicalMinutes)
		require.Empty(t, c.EmLevel)
		require.Equal(t, min(5, 19-5*i), len(c.Ptp))
		again = append(again, c.Ptp...)
		require.Equal(t, h, p.HashAfter(i))
		require.Equal(t, uint64(5*i), p.RowsAfter(i))
		h, err = types.ChunkHash(h, c)
		require.NoError(t, err)
	}
	require.Equal(t, tbl.Rows.Ptp, again)
	require.Equal(t, h, p.Hash())
	require.Len(t, p.Hash(), 32)

	// Another chunk size gives another hash: the hash covers the chunking.
	p1, err := NewPlan(tbl, DefaultChunkSize)
	require.NoError(t, err)
	require.Equal(t, 1, p1.N())
	require.NotEqual(t, p.Hash(), p1.Hash())

	_, err = NewPlan(tbl, 0)
	require.ErrorContains(t, err, "chunk size 0")
	_, err = NewPlan(Table{Kind: types.TABLE_KIND_MUE}, 5)
	require.ErrorContains(t, err, "no rows")
	_, err = NewPlan(Table{Kind: types.TABLE_KIND_MUE, Rows: tbl.Rows}, 5)
	require.ErrorContains(t, err, "rows of another kind")
}

// The same data gives the same chunks and hash however the file orders it.
func TestPlanDeterministic(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixtures, "ptp-practitioner-2026q1.txt"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	header, body := lines[:6], slices.Clone(lines[6:])
	slices.Reverse(body)
	reordered := strings.Join(append(header, body...), "\n") + "\n"

	hash := func(in string) []byte {
		rows, _, err := ParsePTP(strings.NewReader(in))
		require.NoError(t, err)
		p, err := NewPlan(Table{Kind: types.TABLE_KIND_PTP, Rows: types.ChunkRows{Ptp: rows}}, 7)
		require.NoError(t, err)
		return p.Hash()
	}
	require.Equal(t, hash(string(data)), hash(string(data)))
	require.Equal(t, hash(string(data)), hash(reordered))
	require.NotEqual(t, hash(string(data)), hash(strings.Replace(string(data), "20610\t99213\t\t20100101\t*\t1", "20610\t99213\t\t20100101\t*\t0", 1)))
}

func TestResumePoint(t *testing.T) {
	p, err := NewPlan(ptpTable(t), 5)
	require.NoError(t, err)
	staging := func(k int) *types.TableVersion {
		return &types.TableVersion{
			Kind: types.TABLE_KIND_PTP, Version: 2, Status: types.VERSION_STATUS_STAGING,
			Chunks: uint32(k), Rows: p.RowsAfter(k), ContentHash: p.HashAfter(k),
		}
	}

	k, err := ResumePoint(nil, p)
	require.NoError(t, err)
	require.Equal(t, 0, k)
	for _, staged := range []int{1, 3, 4} {
		k, err = ResumePoint(staging(staged), p)
		require.NoError(t, err)
		require.Equal(t, staged, k)
	}

	v := staging(2)
	v.ContentHash = bytes.Repeat([]byte{7}, 32)
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "someone staged other data")

	v = staging(2)
	v.Rows++
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "other data or another --chunk-size")

	v = staging(4)
	v.Chunks = 5
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "the chain has 5 chunks staged for version 2 but the local data makes only 4")

	v = staging(1)
	v.Kind = types.TABLE_KIND_MUE
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "is a TABLE_KIND_MUE table")

	v = staging(4)
	v.Status = types.VERSION_STATUS_ACTIVE
	v.AppliesFrom = "2026-01-01"
	_, err = ResumePoint(v, p)
	require.ErrorIs(t, err, ErrAlreadyActive)

	v.ContentHash = bytes.Repeat([]byte{7}, 32)
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "already active with other content")

	v = staging(4)
	v.Status = types.VERSION_STATUS_REVOKED
	v.RevokeReason = "wrong quarter"
	_, err = ResumePoint(v, p)
	require.ErrorContains(t, err, "revoked (wrong quarter)")
}

func TestFormatProgress(t *testing.T) {
	require.Equal(t, "[#####.....] 12/25 chunks, 12000/24817 rows", FormatProgress(12, 25, 12000, 24817, 10))
	require.Equal(t, "[..........] 0/25 chunks, 0/24817 rows", FormatProgress(0, 25, 0, 24817, 10))
	require.Equal(t, "[#########.] 24/25 chunks, 24000/24817 rows", FormatProgress(24, 25, 24000, 24817, 10), "full only when done")
	require.Equal(t, "[##########] 25/25 chunks, 24817/24817 rows", FormatProgress(25, 25, 24817, 24817, 10))
	require.Equal(t, "[##########] 0/0 chunks, 0/0 rows", FormatProgress(0, 0, 0, 0, 10))
	require.Equal(t, "[###.] 2/3 chunks, 10/12 rows", FormatProgress(2, 3, 10, 12, 4))
}
