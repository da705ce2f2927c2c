package types

import "crypto/sha256"

// EmptyHash is the running content hash of a version with no chunks.
var EmptyHash = make([]byte, sha256.Size)

// ChunkHash extends a version's running content hash with one chunk:
// h_n = sha256(h_{n-1} || sha256(rows)), over the chunk's deterministic
// protobuf encoding. The chain stores h_n after every chunk, and the import
// tool computes the same locally, so activation compares two stored values.
func ChunkHash(prev []byte, rows ChunkRows) ([]byte, error) {
	bz, err := rows.Marshal()
	if err != nil {
		return nil, err
	}
	inner := sha256.Sum256(bz)
	h := sha256.New()
	h.Write(prev)
	h.Write(inner[:])
	return h.Sum(nil), nil
}

// Len is the number of rows in a chunk.
func (r ChunkRows) Len() int {
	return len(r.Ptp) + len(r.Mue) + len(r.AddOn) + len(r.Exclusion) + len(r.AgeSex) + len(r.TypicalMinutes) + len(r.EmLevel)
}
