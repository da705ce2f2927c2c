package phiscan

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"

	abci "github.com/cometbft/cometbft/abci/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
)

// MinRun is the shortest printable run taken from binary keys and values.
const MinRun = 4

// KVStats counts what ScanStores read.
type KVStats struct {
	// Entries and Strings per store name.
	Entries map[string]int
	Strings map[string]int
}

// ScanStores iterates every entry of every KV store in keys (transient and
// memory stores are skipped) and checks the strings in its key and value.
// Raw entries carry no field names, so every string is checked as
// ClassGeneral: this pass is the backstop for state the export leaves out
// (indexes, sequences, stores of modules without genesis).
func (s *Scanner) ScanStores(ms storetypes.MultiStore, keys map[string]storetypes.StoreKey) ([]Hit, KVStats) {
	stats := KVStats{Entries: map[string]int{}, Strings: map[string]int{}}
	names := make([]string, 0, len(keys))
	for name, k := range keys {
		if _, ok := k.(*storetypes.KVStoreKey); ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var hits []Hit
	for _, name := range names {
		it := ms.GetKVStore(keys[name]).Iterator(nil, nil)
		for ; it.Valid(); it.Next() {
			stats.Entries[name]++
			h, n := s.ScanKV(name, it.Key(), it.Value())
			hits = append(hits, h...)
			stats.Strings[name] += n
		}
		_ = it.Close()
	}
	return hits, stats
}

// ScanKV checks one raw entry of store: the printable runs of its key, and
// the strings of its value, decoded as protobuf where it parses as one (so
// each string is seen whole, without its length byte) and as printable runs
// otherwise. Organisation names the export pass saw are skipped. It returns
// the hits and how many strings it checked.
func (s *Scanner) ScanKV(store string, key, value []byte) ([]Hit, int) {
	label := keyLabel(key)
	general := Rule{Class: ClassGeneral}
	var hits []Hit
	n := 0
	for _, str := range printableRuns(key, MinRun) {
		hits = append(hits, s.scan(fmt.Sprintf("kv/%s/%s#key", store, label), str, general)...)
		n++
	}
	for _, str := range ValueStrings(value) {
		if s.organisations[str] {
			continue
		}
		hits = append(hits, s.scan(fmt.Sprintf("kv/%s/%s", store, label), str, general)...)
		n++
	}
	return hits, n
}

// ValueStrings returns the strings in a stored value: every printable
// length-delimited field of it as a protobuf message (recursively), or its
// printable runs when it is not one.
func ValueStrings(value []byte) []string {
	var out []string
	if protoStrings(value, 0, &out) {
		return out
	}
	return printableRuns(value, MinRun)
}

// protoStrings appends the printable strings of a protobuf message and
// reports whether b parsed as one.
func protoStrings(b []byte, depth int, out *[]string) bool {
	var found []string
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 || num <= 0 {
			return false
		}
		b = b[n:]
		switch typ {
		case protowire.VarintType:
			_, n = protowire.ConsumeVarint(b)
		case protowire.Fixed32Type:
			_, n = protowire.ConsumeFixed32(b)
		case protowire.Fixed64Type:
			_, n = protowire.ConsumeFixed64(b)
		case protowire.BytesType:
			var v []byte
			v, n = protowire.ConsumeBytes(b)
			if n < 0 {
				return false
			}
			switch {
			case len(v) == 0:
			case printable(v):
				found = append(found, string(v))
			case depth < 16 && protoStrings(v, depth+1, &found):
			default:
				found = append(found, printableRuns(v, MinRun)...)
			}
		default:
			return false
		}
		if n < 0 {
			return false
		}
		b = b[n:]
	}
	*out = append(*out, found...)
	return true
}

// printableRuns returns the runs of at least min printable ASCII characters.
func printableRuns(b []byte, minLen int) []string {
	var out []string
	start := -1
	for i := 0; i <= len(b); i++ {
		if i < len(b) && b[i] >= 0x20 && b[i] < 0x7f {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start >= minLen {
			out = append(out, string(b[start:i]))
		}
		start = -1
	}
	return out
}

// keyLabel shows a key with its non-printable bytes as '.', for hit paths.
func keyLabel(key []byte) string {
	var b strings.Builder
	for _, c := range key {
		if c >= 0x20 && c < 0x7f && c != '/' {
			b.WriteByte(c)
		} else {
			b.WriteByte('.')
		}
	}
	return shorten(b.String())
}

// ScanEvents checks every attribute of events; a typed event's attribute is
// JSON and is walked as such.
func (s *Scanner) ScanEvents(events []abci.Event) []Hit {
	var hits []Hit
	for _, e := range events {
		for _, a := range e.Attributes {
			path := "event/" + e.Type + "." + a.Key
			dec := json.NewDecoder(strings.NewReader(a.Value))
			dec.UseNumber()
			var v any
			if err := dec.Decode(&v); err == nil && !dec.More() {
				hits = append(hits, s.ScanValue(path, v)...)
				continue
			}
			hits = append(hits, s.ScanString(path, a.Value)...)
		}
	}
	return hits
}
