package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/claimchain/claimchain/app"
)

func tableCmd() *cobra.Command {
	var dir string
	cmd := &cobra.Command{
		Use:   "table",
		Short: "print issue 9's targets beside the figures of a make bench run (reports in --dir)",
		RunE: func(cmd *cobra.Command, _ []string) error {
			t := newTargets(dir)
			_, err := fmt.Fprint(cmd.OutOrStdout(), t.markdown())
			return err
		},
	}
	cmd.Flags().StringVar(&dir, "dir", ".bench", "folder with gobench.txt and the load-*.json reports")
	return cmd
}

// benchLine is one go test -bench result: ns/op and the custom metrics by unit.
type benchLine map[string]float64

// parseGoBench reads `go test -bench` output: name (without the -N CPU suffix) → metrics.
func parseGoBench(path string) map[string]benchLine {
	out := map[string]benchLine{} // looked up by name only
	f, err := os.Open(filepath.Clean(path))
	if err != nil {
		return out
	}
	defer func() { _ = f.Close() }()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := fields[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		m := benchLine{}
		for i := 2; i+1 < len(fields); i += 2 {
			if v, err := strconv.ParseFloat(fields[i], 64); err == nil {
				m[fields[i+1]] = v
			}
		}
		out[name] = m
	}
	return out
}

func readReports(path string) []*phaseReport {
	bz, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return nil
	}
	var reports []*phaseReport
	if json.Unmarshal(bz, &reports) != nil {
		return nil
	}
	return reports
}

type targets struct {
	bench                      map[string]benchLine
	unbatched, batched, at1000 []*phaseReport
	low, blockSTM, testnet     []*phaseReport
}

func newTargets(dir string) targets {
	return targets{
		bench:     parseGoBench(filepath.Join(dir, "gobench.txt")),
		unbatched: readReports(filepath.Join(dir, "load-unbatched.json")),
		batched:   readReports(filepath.Join(dir, "load-batched.json")),
		at1000:    readReports(filepath.Join(dir, "load-1000.json")),
		low:       readReports(filepath.Join(dir, "load-low.json")),
		blockSTM:  readReports(filepath.Join(dir, "load-blockstm.json")),
		testnet:   readReports(filepath.Join(dir, "load-testnet.json")),
	}
}

// metric returns a go benchmark's metric, or false when that benchmark did not run.
func (t targets) metric(name, unit string) (float64, bool) {
	m, ok := t.bench[name]
	if !ok {
		return 0, false
	}
	v, ok := m[unit]
	return v, ok
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

func (t targets) markdown() string {
	var b strings.Builder
	b.WriteString("\n## issue 9 targets (this machine, one run)\n\n| target | figure reached | |\n|---|---|---|\n")
	row := func(target, figure, v string) { fmt.Fprintf(&b, "| %s | %s | %s |\n", target, figure, v) }
	missing := func(target, how string) { row(target, "not measured ("+how+")", "–") }

	if c := find(t.batched, "claims"); c != nil {
		row("≥ 2,500 claims/s, single validator, batched (10 claims per tx)",
			fmt.Sprintf("%.0f claims/s (%d claims, p50 %.2f s, p99 %.2f s)", c.ItemsPerS, c.Items, c.P50, c.P99), verdict(c.ItemsPerS >= 2500))
	} else {
		missing("≥ 2,500 claims/s, single validator, batched", "load phase 2")
	}
	bank, claims := find(t.unbatched, "bank"), find(t.unbatched, "claims")
	if bank != nil && claims != nil && bank.ItemTxPerS > 0 {
		ratio := claims.ItemTxPerS / bank.ItemTxPerS
		row("unbatched claim tx/s ≥ 0.8 × bank-send tx/s (same node, same run)",
			fmt.Sprintf("%.0f claim tx/s ÷ %.0f bank tx/s = %.2f", claims.ItemTxPerS, bank.ItemTxPerS, ratio), verdict(ratio >= 0.8))
		// Each claim also needs its attestation tx: the claim workload's own tx rate.
		all := claims.TxPerS / bank.TxPerS
		row("… counting each claim's attestation tx too (attest + claim tx/s ÷ bank tx/s)",
			fmt.Sprintf("%.0f ÷ %.0f = %.2f", claims.TxPerS, bank.TxPerS, all), verdict(all >= 0.8))
	} else {
		missing("unbatched claim tx/s ≥ 0.8 × bank-send tx/s", "load phase 1")
	}
	if c := find(t.at1000, "claims"); c != nil {
		row("submit → committed decision at 1,000 claims/s: p50 ≤ 1.5 s, p99 ≤ 3 s",
			fmt.Sprintf("p50 %.2f s, p99 %.2f s at %.0f claims/s committed", c.P50, c.P99, c.ItemsPerS),
			verdict(c.P50 <= 1.5 && c.P99 <= 3 && c.ItemsPerS >= 950))
	} else {
		missing("latency at 1,000 claims/s", "load phase 3")
	}
	if c := find(t.low, "claims"); c != nil {
		row(fmt.Sprintf("… the same latency at %.0f claims/s offered (below what the node carries)", c.TargetRate),
			fmt.Sprintf("p50 %.2f s, p99 %.2f s at %.0f claims/s committed", c.P50, c.P99, c.ItemsPerS),
			verdict(c.P50 <= 1.5 && c.P99 <= 3))
	}
	if s, q := find(t.blockSTM, "claims"), find(t.batched, "claims"); s != nil && q != nil && q.ItemsPerS > 0 {
		row("block-stm executor against sequential (batched, same node restarted)",
			fmt.Sprintf("%.0f against %.0f claims/s = %.2f×", s.ItemsPerS, q.ItemsPerS, s.ItemsPerS/q.ItemsPerS), "–")
	}
	small, okS := t.metric("BenchmarkSubmitClaim/claims=1000/ptp=1000", "ns/op")
	large, okL := t.metric("BenchmarkSubmitClaim/claims=1000000/ptp=700000", "ns/op")
	if okS && okL {
		row("msg-server cost at 10⁶ claims + 700k PTP ≤ 1.3 × at 10³ + 1k",
			fmt.Sprintf("%.0f µs vs %.0f µs per claim = %.2f×", large/1e3, small/1e3, large/small), verdict(large/small <= 1.3))
	} else {
		missing("msg-server cost at 10⁶ claims + 700k PTP ≤ 1.3 × at 10³ + 1k", "BenchmarkSubmitClaim at both sizes")
	}
	if ptp, ok := t.metric("BenchmarkSubmitClaim/claims=1000/ptp=700000", "ns/op"); ok && okS {
		row("… the PTP part alone: msg-server cost at 700k PTP ≤ 1.3 × at 1k (10³ claims)",
			fmt.Sprintf("%.0f µs vs %.0f µs per claim = %.2f×", ptp/1e3, small/1e3, ptp/small), verdict(ptp/small <= 1.3))
	}
	p1, ok1 := t.metric("BenchmarkPTPLookup/rows=1000", "ns/op")
	p7, ok7 := t.metric("BenchmarkPTPLookup/rows=700000", "ns/op")
	if ok1 && ok7 {
		row("PTP lookup at 700k rows ≤ 1.3 × at 1k", fmt.Sprintf("%.1f µs vs %.1f µs = %.2f×", p7/1e3, p1/1e3, p7/p1), verdict(p7/p1 <= 1.3))
	}
	if c := find(t.testnet, "claims"); c != nil {
		row("four-validator testnet (one machine): aim ≥ 600 claims/s",
			fmt.Sprintf("%.0f claims/s (p50 %.2f s, p99 %.2f s)", c.ItemsPerS, c.P50, c.P99), verdict(c.ItemsPerS >= 600))
	} else {
		missing("four-validator testnet: aim ≥ 600 claims/s", "make bench-testnet")
	}
	if ns, ok := t.metric("BenchmarkWorstCaseClaim", "ns/op"); ok {
		gas, _ := t.metric("BenchmarkWorstCaseClaim", "gas/op")
		row("most expensive valid claim executes well within one block time (1 s; we ask ≤ 25%)",
			fmt.Sprintf("%.1f ms, %.1f M gas (block max_gas %d M)", ns/1e6, gas/1e6, app.DefaultBlockMaxGas/1_000_000), verdict(ns <= 0.25e9))
	} else {
		missing("most expensive valid claim within one block time", "BenchmarkWorstCaseClaim")
	}
	b.WriteString("\nOther figures:\n\n")
	for _, lines := range []int{1, 5, 20} {
		if ns, ok := t.metric(fmt.Sprintf("BenchmarkEngine/lines=%d", lines), "ns/op"); ok {
			fmt.Fprintf(&b, "- engine, %d-line claim: %.1f µs\n", lines, ns/1e3)
		}
	}
	names := make([]string, 0, len(t.bench))
	for name := range t.bench {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		m := t.bench[name]
		if strings.HasPrefix(name, "BenchmarkSubmitClaim") || strings.HasPrefix(name, "BenchmarkStateBytes") {
			if v, ok := m["bytes/claim"]; ok {
				fmt.Fprintf(&b, "- %s: %.0f state bytes written per claim, %.0f writes\n", name, v, m["writes/claim"])
				break
			}
		}
	}
	for _, rs := range [][]*phaseReport{t.unbatched, t.batched} {
		if c := find(rs, "claims"); c != nil {
			fmt.Fprintf(&b, "- claims batch %d: gas limit per tx %s; blocks %d, mean %.0f txs, %.0f kB, %.1f M gas; interval mean %.2f s, max %.2f s\n",
				c.Batch, c.gasLimits(), c.Blocks, c.TxsPerBlockMean, c.BytesPerBlockMean/1e3, c.GasPerBlockMean/1e6, c.IntervalMean, c.IntervalMax)
		}
	}
	return b.String()
}
