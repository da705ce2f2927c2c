package bench

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/adjudication/engine"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// BenchmarkEngine times the pure engine on claims of 1, 5 and 20 lines.
// gas/op is what the keeper charges for it (GasPerRule per rule evaluated).
func BenchmarkEngine(b *testing.B) {
	terms, err := goldTerms()
	require.NoError(b, err)
	plan := &adjtypes.PlanVersion{PlanId: apptest.GoldPlanID, Version: 1, EffectiveDate: "2025-01-01", Terms: terms}
	for _, n := range []int{1, 5, 20} {
		in := engineInput(plan, longClaim[:n])
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			var gas uint64
			b.ReportAllocs()
			for b.Loop() {
				out, err := engine.Adjudicate(in)
				if err != nil || len(out.Decision.Lines) != n || out.Decision.TotalBenefit.IsZero() {
					b.Fatalf("adjudicate %d lines: %d lines decided, benefit %s, err %v", n, len(out.Decision.Lines), out.Decision.TotalBenefit, err)
				}
				gas += adjtypes.GasPerRule * out.RulesEvaluated
			}
			b.ReportMetric(float64(gas)/float64(b.N), "gas/op")
		})
	}
}
