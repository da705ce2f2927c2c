package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"time"
)

// phaseReport holds the figures of one phase.
type phaseReport struct {
	Mode       string  `json:"mode"`
	Batch      int     `json:"batch"`
	Accounts   int     `json:"accounts"`
	TargetRate float64 `json:"target_rate"`
	SendingS   float64 `json:"sending_s"`

	TxsSigned, TxsSent, TxsAccepted, TxsRefused int
	TxsCommitted, TxsFailed, TxsLost            int
	Items                                       int            `json:"items_committed"`
	Attestations                                int            `json:"attestations_committed"`
	Statuses                                    map[string]int `json:"claim_statuses,omitempty"`
	Failures                                    map[string]int `json:"failures,omitempty"`
	GasLimit                                    map[string]uint64

	FirstBlock, LastBlock int64
	WindowS               float64 `json:"window_s"`
	ItemsPerS             float64 `json:"items_per_s"`
	TxPerS                float64 `json:"tx_per_s"`      // every load tx committed successfully
	ItemTxPerS            float64 `json:"item_tx_per_s"` // claim txs (or send txs) only
	P50, P90, P99, MaxLat float64 // seconds, submission to commit of item txs

	Blocks                           int
	IntervalMean, IntervalMax        float64 // seconds between block times
	TxsPerBlockMean, TxsPerBlockMax  float64
	BytesPerBlockMean, BytesBlockMax float64
	GasPerBlockMean, GasPerBlockMax  float64
}

func summarize(lp *loadPhase, o runOpts, sending time.Duration, blocks []blockInfo, results map[string]*result) *phaseReport {
	r := &phaseReport{Mode: lp.mode, Accounts: len(lp.perAccount), TargetRate: o.rate, SendingS: sending.Seconds(),
		Statuses: map[string]int{}, Failures: map[string]int{}, GasLimit: map[string]uint64{}}
	r.Batch = o.batch
	if lp.mode == "bank" {
		r.Batch = o.bankBatch
	}
	for k, g := range lp.gas {
		r.GasLimit[k.String()] = g
	}
	var lat []float64
	itemKind := kindClaim
	if lp.mode == "bank" {
		itemKind = kindSend
	}
	for _, units := range lp.perAccount {
		for _, u := range units {
			for _, tx := range u.txs {
				r.TxsSigned++
				if !tx.sent {
					continue
				}
				r.TxsSent++
				if tx.refused != "" {
					r.TxsRefused++
					r.Failures["refused at CheckTx: "+tx.refused]++
					continue
				}
				r.TxsAccepted++
				res, ok := results[tx.hash]
				switch {
				case !ok:
					r.TxsLost++
					r.Failures["accepted but not in a block by the end of the run"]++
				case res.code != 0:
					r.TxsFailed++
					r.Failures["failed in block: "+res.reason]++
				default:
					r.TxsCommitted++
					switch tx.kind {
					case kindAttest:
						r.Attestations += tx.items
					case itemKind:
						r.Items += tx.items
						lat = append(lat, res.commit.Sub(tx.submitted).Seconds())
						for s, n := range res.status {
							r.Statuses[s] += n
						}
					}
				}
			}
		}
	}
	first, last := -1, -1
	for i, b := range blocks {
		if b.loadTxs > 0 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		load := blocks[first : last+1]
		r.FirstBlock, r.LastBlock, r.Blocks = load[0].height, load[len(load)-1].height, len(load)
		r.WindowS = load[len(load)-1].commit.Sub(load[0].time).Seconds()
		var txs, bytes, gas, intervals []float64
		for _, b := range load {
			txs = append(txs, float64(b.txs))
			bytes = append(bytes, float64(b.bytes))
			gas = append(gas, float64(b.gasUsed))
			intervals = append(intervals, b.commit.Sub(b.time).Seconds())
		}
		r.TxsPerBlockMean, r.TxsPerBlockMax = mean(txs), slices.Max(txs)
		r.BytesPerBlockMean, r.BytesBlockMax = mean(bytes), slices.Max(bytes)
		r.GasPerBlockMean, r.GasPerBlockMax = mean(gas), slices.Max(gas)
		r.IntervalMean, r.IntervalMax = mean(intervals), slices.Max(intervals)
		if r.WindowS > 0 {
			r.ItemsPerS = float64(r.Items) / r.WindowS
			r.TxPerS = float64(r.TxsCommitted) / r.WindowS
			itemTxs := r.TxsCommitted
			if lp.mode == "claims" {
				itemTxs = r.TxsCommitted / 2
			}
			r.ItemTxPerS = float64(itemTxs) / r.WindowS
		}
	}
	sort.Float64s(lat)
	r.P50, r.P90, r.P99 = percentile(lat, 50), percentile(lat, 90), percentile(lat, 99)
	if len(lat) > 0 {
		r.MaxLat = lat[len(lat)-1]
	}
	return r
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// percentile of sorted xs (nearest rank).
func percentile(xs []float64, p int) float64 {
	if len(xs) == 0 {
		return 0
	}
	i := (p*len(xs)+99)/100 - 1
	return xs[max(0, min(i, len(xs)-1))]
}

func writeReports(w io.Writer, reports []*phaseReport, o runOpts) error {
	var b strings.Builder
	fmt.Fprintf(&b, "\n## claimload report (%s)\n\n", time.Now().UTC().Format(time.RFC3339))
	row := func(name string, f func(r *phaseReport) string) {
		fmt.Fprintf(&b, "| %s |", name)
		for _, r := range reports {
			fmt.Fprintf(&b, " %s |", f(r))
		}
		b.WriteString("\n")
	}
	row("phase", func(r *phaseReport) string { return fmt.Sprintf("**%s** (batch %d)", r.Mode, r.Batch) })
	b.WriteString("|---|" + strings.Repeat("---|", len(reports)) + "\n")
	row("accounts × rate", func(r *phaseReport) string { return fmt.Sprintf("%d × %s", r.Accounts, rateText(r.TargetRate)) })
	row("items committed (claims or sends)", func(r *phaseReport) string { return fmt.Sprint(r.Items) })
	row("attestations committed", func(r *phaseReport) string { return fmt.Sprint(r.Attestations) })
	row("**items/s committed**", func(r *phaseReport) string { return fmt.Sprintf("**%.0f**", r.ItemsPerS) })
	row("tx/s committed (all load txs)", func(r *phaseReport) string { return fmt.Sprintf("%.0f", r.TxPerS) })
	row("claim or send tx/s", func(r *phaseReport) string { return fmt.Sprintf("%.0f", r.ItemTxPerS) })
	row("latency p50 / p90 / p99 / max (s)", func(r *phaseReport) string {
		return fmt.Sprintf("%.2f / %.2f / %.2f / %.2f", r.P50, r.P90, r.P99, r.MaxLat)
	})
	row("txs signed / sent / accepted", func(r *phaseReport) string {
		return fmt.Sprintf("%d / %d / %d", r.TxsSigned, r.TxsSent, r.TxsAccepted)
	})
	row("txs committed ok / failed in block / lost", func(r *phaseReport) string {
		return fmt.Sprintf("%d / %d / %d", r.TxsCommitted, r.TxsFailed, r.TxsLost)
	})
	row("claim statuses", func(r *phaseReport) string { return counts(r.Statuses) })
	row("gas limit per tx", (*phaseReport).gasLimits)
	row("blocks (heights)", func(r *phaseReport) string {
		return fmt.Sprintf("%d (%d–%d), window %.1f s", r.Blocks, r.FirstBlock, r.LastBlock, r.WindowS)
	})
	row("block interval mean / max (s)", func(r *phaseReport) string { return fmt.Sprintf("%.2f / %.2f", r.IntervalMean, r.IntervalMax) })
	row("txs per block mean / max", func(r *phaseReport) string { return fmt.Sprintf("%.0f / %.0f", r.TxsPerBlockMean, r.TxsPerBlockMax) })
	row("block size mean / max (kB)", func(r *phaseReport) string {
		return fmt.Sprintf("%.0f / %.0f", r.BytesPerBlockMean/1e3, r.BytesBlockMax/1e3)
	})
	row("gas used per block mean / max (M)", func(r *phaseReport) string {
		return fmt.Sprintf("%.1f / %.1f", r.GasPerBlockMean/1e6, r.GasPerBlockMax/1e6)
	})
	for _, r := range reports {
		if len(r.Failures) > 0 {
			fmt.Fprintf(&b, "\nFailures (%s): %s\n", r.Mode, counts(r.Failures))
		}
	}
	if bank, claims := find(reports, "bank"), find(reports, "claims"); bank != nil && claims != nil && bank.ItemTxPerS > 0 {
		fmt.Fprintf(&b, "\nclaim tx/s ÷ bank-send tx/s = %.2f; with the attestation txs (attest + claim tx/s ÷ bank-send tx/s) = %.2f (claims batch %d)\n",
			claims.ItemTxPerS/bank.ItemTxPerS, claims.TxPerS/bank.TxPerS, claims.Batch)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	if o.out != "" {
		if err := os.WriteFile(o.out, []byte(b.String()), 0o600); err != nil {
			return err
		}
	}
	if o.jsonOut != "" {
		bz, err := json.MarshalIndent(reports, "", "  ")
		if err != nil {
			return err
		}
		return os.WriteFile(o.jsonOut, bz, 0o600)
	}
	return nil
}

func find(reports []*phaseReport, mode string) *phaseReport {
	for _, r := range reports {
		if r.Mode == mode {
			return r
		}
	}
	return nil
}

func counts(m map[string]int) string {
	if len(m) == 0 {
		return "–"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s × %d", k, m[k]))
	}
	return strings.Join(parts, "; ")
}

// gasLimits is the gas limit the load signed each kind of tx with, sorted by kind.
func (r *phaseReport) gasLimits() string {
	parts := make([]string, 0, len(r.GasLimit))
	for k, g := range r.GasLimit {
		parts = append(parts, fmt.Sprintf("%s %d", k, g))
	}
	sort.Strings(parts)
	return strings.Join(parts, ", ")
}
