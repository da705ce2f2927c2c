package bench

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/app"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/rules"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// worstCodes are attestation.MaxLines distinct covered codes without prior
// authorization: office E/M visits (new and established) and labs.
var worstCodes = strings.Fields(`99202 99203 99204 99205 99211 99212 99213 99214 99215
	80047 80048 80050 80051 80053 80055 80061 80069 80074 80076 80081 81000 81001 81002 81003 81005
	82040 82043 82247 82310 82374 82435 82465 82550 82565 82947 82950 83036 83540 83550 83615 83718
	84075 84100 84132 84153 84443 84450 84460 84520 85025`)

// worstCases: every line by one practitioner (every line pair an NCCI PTP
// edit within the encounter), or each line by its own practitioner (fifty
// history days of MaxHistoryPerDay lines each).
var worstCases = []struct {
	name string
	npis int
}{{"npis=1", 1}, {"npis=50", attestationtypes.MaxLines}}

// prepareWorst makes the most expensive valid claim for member mi: MaxLines
// lines on one date, MaxModifiers NCCI-associated modifiers each (so PTP
// edits are bypassed, not denied), MaxDiagnosisCodes diagnoses; a PTP row for
// every ordered pair of its codes, MUE rows (MAI 3, not exceeded), typical
// minutes and E/M levels for every code; MaxHistoryPerDay earlier lines of
// the same codes, billed differently (near duplicates: the claim pends) for
// each practitioner's day; integrity counters that raise all three flags.
func prepareWorst(w *world, mi, npis int) (*attestationtypes.MsgAttestTreatment, []line) {
	tb := w.tb
	tb.Helper()
	p, member := w.providers[mi%len(w.providers)], w.members[mi]
	date := serviceDate(memberDay(mi, 0) + 16)
	lines := make([]line, len(worstCodes))
	for i, c := range worstCodes {
		lines[i] = line{code: c, mods: []string{"59", "XE", "XS", "XU"}, units: 1, billed: 20_000 + int64(i)}
	}
	att := attestMsg(p.op, member, date, p.npi, lines, diagnoses)
	if npis > 1 {
		for i := range att.Lines {
			att.Lines[i].RenderingNpi = npiOf(3_000_000 + 10*mi + 100*i)
		}
	}

	ctx, flush := w.bulkCtx()
	rk, ak, ik := w.app.RefdataKeeper, w.app.AdjudicationKeeper, w.app.IntegrityKeeper
	for _, c1 := range worstCodes {
		for _, c2 := range worstCodes {
			if c1 != c2 {
				row := refdatatypes.PtpRow{Column1: c1, Column2: c2, EffectiveDate: "2018-01-01", ModifierIndicator: 1}
				require.NoError(tb, rk.SetPtpRow(ctx, 1, row))
			}
		}
		require.NoError(tb, rk.MueRows.Set(ctx, collections.Join(uint32(1), c1), refdatatypes.MueRow{Code: c1, Units: 10, AdjudicationIndicator: 3}))
		require.NoError(tb, rk.TypicalMinutesRows.Set(ctx, collections.Join(uint32(1), c1), refdatatypes.TypicalMinutesRow{Code: c1, Minutes: 30}))
		if family, level := emLevel(c1); family != "" {
			require.NoError(tb, rk.EmLevelRows.Set(ctx, collections.Join(uint32(1), c1), refdatatypes.EmLevelRow{Code: c1, Family: family, Level: level}))
		}
	}
	seen := map[string]bool{}
	for _, l := range att.Lines {
		npi := l.RenderingNpi
		if seen[npi] {
			continue
		}
		seen[npi] = true
		for k := range adjtypes.MaxHistoryPerDay {
			claimID := fmt.Sprintf("CLM-%d-%d", p.id, 900_000+k/4)
			h := adjtypes.HistoryLine{ClaimId: claimID, Sequence: uint32(k%4 + 1), Code: worstCodes[k%len(worstCodes)], Units: 1,
				Billed: math.NewInt(5_000), RenderingNpi: npi, ServiceDate: date, Member: member}
			require.NoError(tb, ak.History.Set(ctx, collections.Join(member+"|"+npi+"|"+date, fmt.Sprintf("%s#%03d", claimID, h.Sequence)), h))
		}
		require.NoError(tb, ik.DayMinutes.Set(ctx, collections.Join(npi, date), rules.MaxDayMinutes))
		for _, family := range []string{"office-new", "office-established"} {
			require.NoError(tb, ik.EmCounters.Set(ctx, collections.Join(npi, family),
				integritytypes.EmCounter{Npi: npi, Family: family, Total: 1_000, High: 1_000}))
		}
	}
	require.NoError(tb, ik.WeekCounts.Set(ctx, collections.Join(p.id, rules.Week(w.header.Time.Unix())), 10_000))
	flush()
	return att, lines
}

// emLevel is the E/M family and level of an office visit code.
func emLevel(code string) (string, uint32) {
	level, _ := strconv.Atoi(code[4:])
	switch code[:4] {
	case "9920":
		return "office-new", uint32(level)
	case "9921":
		return "office-established", uint32(level)
	}
	return "", 0
}

type worstClaim struct {
	att   *attestationtypes.MsgAttestTreatment
	lines []line
}

// worstWorld is a world of 1,000 stored claims with every worst case prepared.
func worstWorld(tb testing.TB) (*world, []worstClaim) {
	w := newWorld(tb, 1_000, 1_000)
	var out []worstClaim
	for i, c := range worstCases {
		att, lines := prepareWorst(w, i, c.npis)
		out = append(out, worstClaim{att, lines})
	}
	return w, out
}

// submitWorst attests and submits the worst claim in a fresh branch and
// returns the gas of each msg; the claim must be accepted and pended.
func submitWorst(tb testing.TB, w *world, att *attestationtypes.MsgAttestTreatment, lines []line) (attestGas, claimGas uint64) {
	ctx := w.branch()
	a, err := w.attSrv.AttestTreatment(ctx, att)
	require.NoError(tb, err)
	attestGas = ctx.GasMeter().GasConsumed()
	res, err := w.claimSrv.SubmitClaim(ctx, claimMsg(att, a.Id, lines))
	require.NoError(tb, err)
	require.Equal(tb, claimstypes.CLAIM_STATUS_PENDED, res.Status)
	d, err := w.app.AdjudicationKeeper.GetDecision(ctx, res.Id)
	require.NoError(tb, err)
	require.Len(tb, d.Lines, len(lines))
	for _, l := range d.Lines {
		require.NotEqual(tb, adjtypes.DECISION_KIND_DENIED, l.Decision, "line %d: every rule must run", l.Sequence)
	}
	return attestGas, ctx.GasMeter().GasConsumed() - attestGas
}

// BenchmarkWorstCaseClaim times attesting and submitting the most expensive
// valid claim: of the worst cases, the one that uses the most gas.
func BenchmarkWorstCaseClaim(b *testing.B) {
	w, cases := worstWorld(b)
	worst, most := 0, uint64(0)
	for i, c := range worstCases {
		ag, cg := submitWorst(b, w, cases[i].att, cases[i].lines)
		b.Logf("%s: %d gas", c.name, ag+cg)
		if ag+cg > most {
			worst, most = i, ag+cg
		}
	}
	var gas uint64
	cpu := cpuTime()
	for b.Loop() {
		ag, cg := submitWorst(b, w, cases[worst].att, cases[worst].lines)
		gas += ag + cg
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(gas)/float64(b.N), "gas/op")
}

// TestWorstCaseClaimFitsInABlock: attesting and submitting the most expensive
// valid claim, with a conservative allowance for the tx around the msgs, uses
// at most half the block gas limit.
func TestWorstCaseClaimFitsInABlock(t *testing.T) {
	w, cases := worstWorld(t)
	for i, c := range worstCases {
		att, lines := cases[i].att, cases[i].lines
		t.Run(c.name, func(t *testing.T) {
			ag, cg := submitWorst(t, w, att, lines)
			sub := claimMsg(att, "ATT-1-1", lines)
			// Tx size at 10 gas a byte, plus signature check, fee and account reads.
			tx := 10*uint64(att.Size()+sub.Size()+1_000) + 100_000
			total := ag + cg + tx
			t.Logf("attest %d gas, submit %d gas, tx allowance %d: %d of the block's %d (%.1f%%)",
				ag, cg, tx, total, app.DefaultBlockMaxGas, 100*float64(total)/app.DefaultBlockMaxGas)
			require.Less(t, total, uint64(app.DefaultBlockMaxGas/2))
		})
	}
}
