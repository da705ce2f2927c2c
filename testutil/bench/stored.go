package bench

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/adjudication/engine"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/rules"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// pseudonyms draws n member pseudonyms, sorted: members are written in key
// order, so each batch extends the member-keyed trees at one end.
func pseudonyms(n int) []string {
	out := make([]string, n)
	for i := range out {
		sum := sha256.Sum256(fmt.Appendf(nil, "bench member %d", i))
		out[i] = hex.EncodeToString(sum[:])
	}
	slices.Sort(out)
	return out
}

// counters are the integrity and settlement aggregates of the stored claims,
// written once at the end.
type counters struct {
	dayMinutes map[collections.Pair[string, string]]uint64
	em         map[collections.Pair[string, string]]integritytypes.EmCounter
	peer       map[collections.Triple[uint64, string, uint32]]integritytypes.PeerEmCounter
	weeks      map[collections.Pair[uint64, int64]]uint64
	stats      map[uint64]integritytypes.ProviderStats
	attSeq     map[uint64]uint64
	claimSeq   map[uint64]uint64
	paid       math.Int
}

// storeClaims writes n adjudicated claims, ten per member, straight into the
// keepers' collections, committing every batchClaims claims: the members'
// coverage and accumulators, each claim with its indexes and history lines,
// and the aggregates the claim path reads and rewrites (sequences, integrity
// counters, the insurer's escrow). Amounts are the engine's decisions of the
// visit templates.
//
// Records the submit path never reads for another claim (attestations,
// decisions, billed lines, integrity contributions and screenings, payments)
// are left out: they would double the IAVL writes of the build (17 keys a
// claim instead of 8) and add ~6 kB a claim (a decision alone is ~5.3 kB).
func (w *world) storeClaims(n int) {
	tb := w.tb
	tb.Helper()
	w.claims = n
	w.members = pseudonyms(max(1, n/claimsPerMember))
	decisions := w.decisionTemplates()
	c := counters{
		dayMinutes: map[collections.Pair[string, string]]uint64{}, em: map[collections.Pair[string, string]]integritytypes.EmCounter{},
		peer: map[collections.Triple[uint64, string, uint32]]integritytypes.PeerEmCounter{}, weeks: map[collections.Pair[uint64, int64]]uint64{},
		stats: map[uint64]integritytypes.ProviderStats{}, attSeq: map[uint64]uint64{}, claimSeq: map[uint64]uint64{}, paid: math.ZeroInt(),
	}
	ctx, flush := w.bulkCtx()
	var acc adjtypes.Accumulator
	for i := range n {
		mi := min(i/claimsPerMember, len(w.members)-1)
		k := i - mi*claimsPerMember
		member := w.members[mi]
		if k == 0 {
			require.NoError(tb, w.app.AdjudicationKeeper.Coverages.Set(ctx, member, adjtypes.Coverage{
				Member: member, InsurerId: 1, PlanId: apptest.GoldPlanID, StartDate: "2025-01-01",
				Sex: adjtypes.SEX_FEMALE, BirthYear: uint32(1960 + mi%40), EnrolledHeight: 2,
			}))
			acc = adjtypes.Accumulator{Member: member, PlanId: apptest.GoldPlanID, Year: 2025, DeductibleMet: math.ZeroInt(), OutOfPocketSpent: math.ZeroInt()}
		}
		t := (mi + k) % len(visits)
		d := decisions[t]
		w.storeClaim(ctx, &c, w.providers[(i*2654435761)%len(w.providers)], member, memberDay(mi, k), int64(2+i/claimsPerBlock), t, d)
		addToAccumulator(&acc, d, w.plan.Terms)
		if k == claimsPerMember-1 || i == n-1 {
			require.NoError(tb, w.app.AdjudicationKeeper.Accumulators.Set(ctx, collections.Join3(member, acc.PlanId, acc.Year), acc))
		}
		if (i+1)%batchClaims == 0 {
			flush()
		}
	}
	w.storeCounters(ctx, &c)
	flush()
}

// storeClaim writes one adjudicated claim of visit template t: the claim
// (its four indexes follow) and its history lines, and adds it to the counters.
func (w *world) storeClaim(ctx sdk.Context, c *counters, p provider, member string, day int, height int64, t int, d adjtypes.Decision) {
	tb := w.tb
	c.attSeq[p.id]++
	c.claimSeq[p.id]++
	attID := attestationtypes.AttestationID(p.id, c.attSeq[p.id])
	claimID := attestationtypes.FormatID(claimstypes.IDPrefix, p.id, c.claimSeq[p.id])
	date := serviceDate(day)
	at := serviceStart.AddDate(0, 0, day%330+3).Add(10 * time.Hour)
	claim := claimstypes.Claim{
		Id: claimID, ProviderId: p.id, InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM, Member: member, DiagnosisCodes: []string{"E119"},
		TotalBilled: usd(0), Status: claimstypes.CLAIM_STATUS_ADJUDICATED, Outcome: claimstypes.CLAIM_OUTCOME_COMPLETE,
		Submitter: p.op.String(), SubmittedHeight: height, SubmittedTime: at,
		History: []claimstypes.StatusChange{
			{Status: claimstypes.CLAIM_STATUS_SUBMITTED, Actor: p.op.String(), Height: height, Time: at, Reason: "submitted"},
			{Status: claimstypes.CLAIM_STATUS_ADJUDICATED, Actor: p.op.String(), Height: height, Time: at,
				Reason: fmt.Sprintf("adjudicated: %s under plan %s version 1", d.Decision, apptest.GoldPlanID)},
		},
	}
	minutes := uint64(0)
	var em []integritytypes.EmCounter
	for j, l := range visits[t] {
		seq := uint32(j + 1)
		claim.Lines = append(claim.Lines, claimstypes.ClaimLine{Sequence: seq, AttestationId: attID, AttestationLine: seq, Code: l.code,
			Modifiers: l.mods, Units: l.units, ServiceDate: date, Billed: usd(l.billed), RenderingNpi: p.npi})
		claim.TotalBilled = claim.TotalBilled.Add(usd(l.billed))
		if d.Lines[j].Decision != adjtypes.DECISION_KIND_DENIED {
			h := adjtypes.HistoryLine{ClaimId: claimID, Sequence: seq, Code: l.code, Modifiers: l.mods, Units: l.units,
				Billed: math.NewInt(l.billed), RenderingNpi: p.npi, ServiceDate: date, Member: member}
			// The key of x/adjudication/keeper/history.go historyKey.
			require.NoError(tb, w.app.AdjudicationKeeper.History.Set(ctx,
				collections.Join(member+"|"+p.npi+"|"+date, fmt.Sprintf("%s#%03d", claimID, seq)), h))
		}
		minutes += 15 * uint64(l.units) // loadReference: 15 typical minutes a unit for every code
		if l.code == "99213" || l.code == "99214" {
			high := uint64(0)
			if l.code == "99214" {
				high = 1
			}
			em = append(em, integritytypes.EmCounter{Npi: p.npi, Family: "office-established", Total: 1, High: high})
		}
	}
	require.NoError(tb, w.app.ClaimsKeeper.Claims.Set(ctx, collections.Join(p.id, c.claimSeq[p.id]), claim))

	c.dayMinutes[collections.Join(p.npi, date)] += minutes
	bucket := rules.Bucket(claimID)
	for _, e := range em {
		key := collections.Join(e.Npi, e.Family)
		ec := c.em[key]
		ec.Npi, ec.Family, ec.Total, ec.High = e.Npi, e.Family, ec.Total+e.Total, ec.High+e.High
		c.em[key] = ec
		pk := collections.Join3(uint64(1), e.Family, bucket)
		pc := c.peer[pk]
		pc.InsurerId, pc.Family, pc.Bucket, pc.Total, pc.High = 1, e.Family, bucket, pc.Total+e.Total, pc.High+e.High
		c.peer[pk] = pc
	}
	c.weeks[collections.Join(p.id, rules.Week(at.Unix()))]++
	s := c.stats[p.id]
	s.ProviderId, s.Claims = p.id, s.Claims+1
	s.Billed, s.Approved = s.Billed.Add(claim.TotalBilled), s.Approved.Add(usd(d.TotalBenefit.Int64()))
	c.stats[p.id] = s
	c.paid = c.paid.Add(d.TotalBenefit)
}

// storeCounters writes the aggregates: sequences, integrity counters and the insurer's escrow.
func (w *world) storeCounters(ctx sdk.Context, c *counters) {
	tb, ik := w.tb, w.app.IntegrityKeeper
	for p, s := range c.attSeq {
		require.NoError(tb, w.app.AttestationKeeper.ProviderSeqs.Set(ctx, p, s))
	}
	for p, s := range c.claimSeq {
		require.NoError(tb, w.app.ClaimsKeeper.ClaimSeq.Set(ctx, p, s))
	}
	for k, v := range c.dayMinutes {
		require.NoError(tb, ik.DayMinutes.Set(ctx, k, v))
	}
	for k, v := range c.em {
		require.NoError(tb, ik.EmCounters.Set(ctx, k, v))
	}
	for k, v := range c.peer {
		require.NoError(tb, ik.PeerEmCounters.Set(ctx, k, v))
	}
	for k, v := range c.weeks {
		require.NoError(tb, ik.WeekCounts.Set(ctx, k, v))
	}
	for k, v := range c.stats {
		require.NoError(tb, ik.ProviderStats.Set(ctx, k, v))
	}
	funded := c.paid.Add(math.NewInt(1_000_000_000_00)) // a billion dollars left
	require.NoError(tb, w.app.SettlementKeeper.Escrows.Set(ctx, collections.Join(uint64(1), "usd"), settlementtypes.Escrow{
		InsurerId: 1, Denom: "usd", Funded: funded, Balance: funded.Sub(c.paid), Paid: c.paid, Withdrawn: math.ZeroInt(), Committed: math.ZeroInt(),
	}))
}

// decisionTemplates adjudicates each visit template with the engine, as the
// keeper would for a member with nothing used yet.
func (w *world) decisionTemplates() []adjtypes.Decision {
	out := make([]adjtypes.Decision, len(visits))
	for t, lines := range visits {
		in := engineInput(w.plan, lines)
		o, err := engine.Adjudicate(in)
		require.NoError(w.tb, err)
		out[t] = o.Decision
	}
	return out
}

// addToAccumulator adds what a decision's lines used, capped by the plan.
func addToAccumulator(a *adjtypes.Accumulator, d adjtypes.Decision, terms adjtypes.PlanTerms) {
	for _, l := range d.Lines {
		a.DeductibleMet = math.MinInt(a.DeductibleMet.Add(l.Deductible), terms.AnnualDeductible)
		a.OutOfPocketSpent = math.MinInt(a.OutOfPocketSpent.Add(l.Deductible).Add(l.Copay).Add(l.Coinsurance), terms.OutOfPocketMax)
		for _, u := range l.LimitUses {
			i := slices.IndexFunc(a.LimitUses, func(x adjtypes.LimitUse) bool { return x.LimitId == u.LimitId })
			if i < 0 {
				a.LimitUses = append(a.LimitUses, u)
			} else {
				a.LimitUses[i].Units += u.Units
			}
		}
	}
}
