package bench

import (
	"fmt"
	"runtime"
	"slices"
	"testing"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// BenchmarkSubmitClaim times AttestTreatment + SubmitClaim of a three-line
// visit through the real keepers, each in a fresh branch of committed state
// holding BENCH_CLAIMS stored claims and BENCH_PTP PTP rows. The target: the
// cost at 1e6 claims and 700k PTP rows is at most 1.3× the cost at 1e3 and 1k.
func BenchmarkSubmitClaim(b *testing.B) {
	ptp := sizes(b, "BENCH_PTP", "1000,700000")
	slices.Sort(ptp) // one world per claim count; its PTP table only grows
	for _, claims := range sizes(b, "BENCH_CLAIMS", "1000,1000000") {
		var w *world
		for _, rows := range ptp {
			if w == nil {
				w = newWorld(b, claims, rows)
			} else {
				w.growPTP(rows)
			}
			b.Run(fmt.Sprintf("claims=%d/ptp=%d", claims, rows), func(b *testing.B) { benchSubmit(b, w) })
		}
		w = nil
		runtime.GC() // free one world before building the next
	}
}

// warmUpOps claims, from visit warmUpFrom on, run before each measured size.
const warmUpOps, warmUpFrom = 200, 1 << 20

// benchSubmit reports gas/op and cpu-ns/op: the process's CPU time per op,
// which the other processes of a shared machine do not inflate as they do ns/op.
func benchSubmit(b *testing.B, w *world) {
	// Warm the caches as a running node's are: the tree's upper levels and
	// the tables every claim reads. The warm-up visits other members than
	// the measured ops, so each measured op still reads its member's paths
	// cold. (A later size in the same world re-visits the first size's
	// members and finds their paths cached: compare sizes measured first in
	// their worlds with each other, see docs/performance.md.)
	for i := range warmUpOps {
		ctx := w.branch()
		att, lines := w.visit(warmUpFrom + i)
		if _, err := w.submit(ctx, att, lines); err != nil {
			b.Fatalf("warm-up claim %d: %v", i, err)
		}
	}
	var gas uint64
	i := 0
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		ctx := w.branch()
		att, lines := w.visit(i)
		i++
		res, err := w.submit(ctx, att, lines)
		if err != nil || res.Status != claimstypes.CLAIM_STATUS_ADJUDICATED {
			b.Fatalf("claim %d: %v (response %v)", i, err, res)
		}
		gas += ctx.GasMeter().GasConsumed()
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(gas)/float64(b.N), "gas/op")
}
