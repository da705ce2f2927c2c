// Package bucket spreads per-claim writes to a shared counter over a few
// keys, so that claims in one block rarely write the same key (block-stm
// re-executes a tx that read a key an earlier tx of the block wrote).
package bucket

import "hash/fnv"

// Of is the bucket, in [0, n), of a claim (or any) id: fnv-32a of the id,
// mixed by murmur3's finalizer. The low bits of fnv-32a depend only on the
// low bits of each byte, so without the mix the ids of two providers could
// share a bucket at every equal sequence number (CLM-2-n and CLM-11-n do).
func Of(id string, n uint32) uint32 {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	x := h.Sum32()
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	x *= 0xc2b2ae35
	x ^= x >> 16
	return x % n
}
