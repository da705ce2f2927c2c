// Package rules holds the pure payment-integrity rules: each takes the
// numbers the keeper read from state (counters after this claim; the E/M
// peer counts as of the previous block; reference table rows) and returns a
// finding with its evidence in words, or none.
// Integer arithmetic only; the keeper stores findings as flags.
package rules

import (
	"fmt"
	"strings"

	"github.com/claimchain/claimchain/x/bucket"
	"github.com/claimchain/claimchain/x/integrity/types"
)

const (
	// MaxDayMinutes is a day: no one practitioner renders more.
	MaxDayMinutes = 1440
	// PeerBuckets is how many counters an insurer's E/M peer statistics are spread over.
	PeerBuckets = 16
	// HighLevel is the lowest E/M level counted as high.
	HighLevel = 4
	// Bps is 100% in basis points.
	Bps = 10_000
	// BaselineWeeks is how many earlier weeks the volume baseline averages.
	BaselineWeeks = 4

	// Table kinds cited by the flags (x/refdata's TableKind names).
	TableTypicalMinutes = "TABLE_KIND_TYPICAL_MINUTES"
	TableEmLevel        = "TABLE_KIND_EM_LEVEL"
)

// Finding is a flag a rule raised on a claim, before it is stored.
type Finding struct {
	RuleID   string
	Points   uint32
	NPI      string
	Evidence string
	Figures  []types.Evidence
	Tables   []types.TableCitation
}

// Bucket is the peer-counter bucket a claim writes (x/bucket).
func Bucket(claimID string) uint32 { return bucket.Of(claimID, PeerBuckets) }

// Week is the week number of a unix time: whole days since 1970-01-01 over 7.
func Week(unixSeconds int64) int64 {
	days := unixSeconds / 86400
	if unixSeconds%86400 < 0 {
		days--
	}
	w := days / 7
	if days%7 < 0 {
		w--
	}
	return w
}

// ShareBps is part/total in basis points, rounded down; 0 when total is 0.
func ShareBps(part, total uint64) uint64 {
	if total == 0 {
		return 0
	}
	return part * Bps / total
}

// Score is the risk score of a claim: the sum of its flags' points.
func Score(flags []types.Flag) uint64 {
	var s uint64
	for _, f := range flags {
		s += uint64(f.Points)
	}
	return s
}

// PendText is a pend reason's text: the evidence and the score against the threshold.
func PendText(evidence string, score uint64, threshold uint32) string {
	return fmt.Sprintf("%s; risk score %d >= threshold %d", evidence, score, threshold)
}

func fig(name string, value any) types.Evidence {
	return types.Evidence{Name: name, Value: fmt.Sprint(value)}
}

// cite adds a table citation once; version 0 (no table in force) is not cited.
func cite(tables []types.TableCitation, kind string, version uint32) []types.TableCitation {
	if version == 0 {
		return tables
	}
	for _, t := range tables {
		if t.Kind == kind && t.Version == version {
			return tables
		}
	}
	return append(tables, types.TableCitation{Kind: kind, Version: version})
}

func join(sentences []string) string { return strings.Join(sentences, "; ") }
