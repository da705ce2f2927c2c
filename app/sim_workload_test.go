package app_test

import (
	"fmt"
	"math/rand"
	"slices"
	"sort"
	"strings"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// The workload: a seeded, pseudo-random stream of claimchain transactions.
// It is a pure function of its seed and of the chain's committed state, which
// it reads between blocks (claim statuses, decisions, appeals): two runs of a
// deterministic chain therefore send byte-identical blocks. Many of its
// transactions are meant to fail (a line billed twice, a void by another
// provider, an appeal of a paid line, a withdrawal beyond the free escrow...):
// failures are state transitions too (fees, sequences) and must replay alike.

// simService is a billable service of the gold plan's world.
type simService struct {
	code  string
	units uint32
	price int64 // billed per unit, cents
}

// simServices: mostly payable care, plus an MRI and a knee arthroscopy that
// the gold plan denies without prior authorization (CO-197, appealable), and a
// non-covered cosmetic procedure (denied).
var simServices = []simService{
	{"99213", 1, 12550}, {"99213", 1, 12550}, {"99214", 1, 18000}, {"85025", 1, 2500}, {"80053", 1, 3000},
	{"97110", 2, 5000}, {"97110", 4, 5000}, {"70551", 1, 200000}, {"29881", 1, 300000}, {"15820", 1, 90000},
}

var simDiagnoses = [][]string{{"E11.9"}, {"I10"}, {"M54.5", "I10"}, {"J06.9"}, {"Z41.1"}}

// simAtt is an attestation the chain accepted.
type simAtt struct {
	id        string
	provider  int
	patient   int
	insurer   uint64
	diagnoses []string
	lines     []attestationtypes.ServiceLine
}

// simClaim is a claim the chain accepted.
type simClaim struct {
	id       string
	provider int
	insurer  uint64
}

// simTx is one transaction of a block: a msg, its signer and what to record
// when it succeeds (from the msg's response bytes).
type simTx struct {
	signer *simActor
	msg    sdk.Msg
	onOK   func(resp []byte)
}

type simStat struct{ ok, failed int }

type simWorkload struct {
	w *simWorld
	// a is the app whose committed state the workload reads.
	a      *app.App
	r      *rand.Rand
	atts   []simAtt
	claims []simClaim
	// stats counts outcomes by msg type; failures by msg type and ABCI error.
	stats    map[string]*simStat
	failures map[string]int
	// events counts the block-level (begin/end block) events of claimchain's modules.
	events map[string]int
}

func newSimWorkload(a *app.App, w *simWorld, seed int64) *simWorkload {
	return &simWorkload{
		a: a, w: w, r: rand.New(rand.NewSource(seed)),
		stats: map[string]*simStat{}, failures: map[string]int{}, events: map[string]int{},
	}
}

// clone copies the workload's knowledge of the chain (its ids) with a fresh
// random stream, to drive an imported copy of the chain.
func (wl *simWorkload) clone(a *app.App, seed int64) *simWorkload {
	c := newSimWorkload(a, wl.w, seed)
	c.atts = slices.Clone(wl.atts)
	c.claims = slices.Clone(wl.claims)
	return c
}

func (wl *simWorkload) insurerByID(id uint64) *simActor {
	for _, a := range wl.w.insurers {
		if a.memberID == id {
			return a
		}
	}
	return wl.w.insurers[0]
}

func simPlanID(i int) string { return fmt.Sprintf("SIM-GOLD-%d", i+1) }

// setup is block 1: each insurer publishes the gold plan, sets a hold period,
// funds its escrow and enrols its members. All of it must succeed.
func (wl *simWorkload) setup() []simTx {
	var txs []simTx
	for i, ins := range wl.w.insurers {
		txs = append(txs,
			simTx{signer: ins, msg: &adjtypes.MsgCreatePlan{Insurer: ins.String(), PlanId: simPlanID(i),
				Name: "Sim Gold " + ins.name, EffectiveDate: "2025-01-01", Terms: wl.w.goldTerms}},
			simTx{signer: ins, msg: &settlementtypes.MsgSetHoldPeriod{Insurer: ins.String(), HoldPeriod: wl.holdPeriod()}},
			simTx{signer: ins, msg: &settlementtypes.MsgFundEscrow{Insurer: ins.String(),
				Amount: sdk.NewInt64Coin(simUSD, 100_000+wl.r.Int63n(2_000_000))}},
		)
	}
	for _, p := range wl.w.patients {
		if p.insurer < 0 {
			continue
		}
		ins := wl.w.insurers[p.insurer]
		msg := &adjtypes.MsgEnrollMember{Insurer: ins.String(), Member: p.pseudonym, PlanId: simPlanID(p.insurer),
			StartDate: "2025-01-01", Sex: adjtypes.Sex(1 + wl.r.Intn(2)), BirthYear: uint32(1940 + wl.r.Intn(80))}
		if p.account != nil {
			msg.MemberAccount = p.account.String()
		}
		txs = append(txs, simTx{signer: ins, msg: msg})
	}
	return txs
}

func (wl *simWorkload) holdPeriod() time.Duration {
	return []time.Duration{0, 5 * time.Second, 15 * time.Second, 40 * time.Second}[wl.r.Intn(4)]
}

type simAction struct {
	weight int
	gen    func(ctx sdk.Context) *simTx
}

func (wl *simWorkload) actions() []simAction {
	return []simAction{
		{20, wl.attest}, {24, wl.submitClaim}, {6, wl.voidClaim}, {8, wl.reviewClaim}, {7, wl.appealClaim},
		{6, wl.decideAppeal}, {7, wl.respond}, {5, wl.fundEscrow}, {3, wl.withdrawEscrow}, {4, wl.sendFees},
		{2, wl.setHold}, {1, wl.outsiderAttests},
	}
}

// block draws up to maxTxs transactions from the committed state in ctx.
func (wl *simWorkload) block(ctx sdk.Context, maxTxs int) []simTx {
	acts := wl.actions()
	total := 0
	for _, a := range acts {
		total += a.weight
	}
	n := wl.r.Intn(maxTxs + 1)
	var txs []simTx
	for range n {
		pick := wl.r.Intn(total)
		for _, a := range acts {
			if pick < a.weight {
				if tx := a.gen(ctx); tx != nil {
					txs = append(txs, *tx)
				}
				break
			}
			pick -= a.weight
		}
	}
	return txs
}

func (wl *simWorkload) date() string {
	return time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, wl.r.Intn(200)).Format(attestationtypes.DateLayout)
}

func (wl *simWorkload) hash(what string) membershiptypes.ContentHash {
	return apptest.AgreementHash(fmt.Sprintf("%s %d", what, wl.r.Int63()))
}

// attest: a provider attests one to three services for a member; sometimes an
// amendment of its latest attestation for that member, sometimes for a member
// nobody enrolled (claims for it are denied).
func (wl *simWorkload) attest(_ sdk.Context) *simTx {
	pi := wl.r.Intn(len(wl.w.providers))
	prov := wl.w.providers[pi]
	patient := wl.r.Intn(len(wl.w.patients))
	insurer := wl.w.insurers[wl.r.Intn(len(wl.w.insurers))].memberID
	if p := wl.w.patients[patient]; p.insurer >= 0 {
		insurer = wl.w.insurers[p.insurer].memberID
	}
	date := wl.date()
	n := 1 + wl.r.Intn(3)
	msg := &attestationtypes.MsgAttestTreatment{
		Provider: prov.String(), InsurerId: insurer, Member: wl.w.patients[patient].pseudonym, EncounterDate: date,
		PlaceOfService: "11", DiagnosisCodes: simDiagnoses[wl.r.Intn(len(simDiagnoses))], RecordHash: wl.hash("record"),
	}
	for i := range n {
		s := simServices[wl.r.Intn(len(simServices))]
		msg.Lines = append(msg.Lines, attestationtypes.ServiceLine{Sequence: uint32(i + 1), Code: s.code, Units: s.units,
			ServiceDate: date, RenderingNpi: prov.npi})
	}
	if wl.r.Intn(10) == 0 {
		for i := len(wl.atts) - 1; i >= 0; i-- {
			if a := wl.atts[i]; a.provider == pi && a.patient == patient && a.insurer == insurer {
				msg.Supersedes = a.id
				break
			}
		}
	}
	return &simTx{signer: prov, msg: msg, onOK: func(resp []byte) {
		var r attestationtypes.MsgAttestTreatmentResponse
		if r.Unmarshal(resp) == nil {
			wl.atts = append(wl.atts, simAtt{id: r.Id, provider: pi, patient: patient, insurer: insurer,
				diagnoses: msg.DiagnosisCodes, lines: msg.Lines})
		}
	}}
}

func simPrice(code string) int64 {
	for _, s := range simServices {
		if s.code == code {
			return s.price
		}
	}
	return 10000
}

// submitClaim bills an attestation: usually a recent one, all or some of its
// lines; a fair share bill lines already billed (refused), and a few misstate
// the units or come from another provider (refused).
func (wl *simWorkload) submitClaim(_ sdk.Context) *simTx {
	if len(wl.atts) == 0 {
		return nil
	}
	var a simAtt
	if wl.r.Intn(10) < 7 {
		a = wl.atts[max(0, len(wl.atts)-1-wl.r.Intn(4))]
	} else {
		a = wl.atts[wl.r.Intn(len(wl.atts))]
	}
	prov := a.provider
	if wl.r.Intn(30) == 0 {
		prov = wl.r.Intn(len(wl.w.providers))
	}
	msg := &claimstypes.MsgSubmitClaim{
		Provider: wl.w.providers[prov].String(), InsurerId: a.insurer, Use: claimstypes.CLAIM_USE_CLAIM,
		Member: wl.w.patients[a.patient].pseudonym, DiagnosisCodes: a.diagnoses,
	}
	for _, l := range a.lines {
		if len(a.lines) > 1 && wl.r.Intn(4) == 0 {
			continue
		}
		units := l.Units
		if wl.r.Intn(25) == 0 {
			units++
		}
		msg.Lines = append(msg.Lines, claimstypes.SubmittedLine{AttestationId: a.id, AttestationLine: l.Sequence,
			Code: l.Code, Units: units, ServiceDate: l.ServiceDate,
			Billed: sdk.NewInt64Coin(simUSD, simPrice(l.Code)*int64(units))})
	}
	if len(msg.Lines) == 0 {
		l := a.lines[0]
		msg.Lines = []claimstypes.SubmittedLine{{AttestationId: a.id, AttestationLine: l.Sequence, Code: l.Code,
			Units: l.Units, ServiceDate: l.ServiceDate, Billed: sdk.NewInt64Coin(simUSD, simPrice(l.Code)*int64(l.Units))}}
	}
	return &simTx{signer: wl.w.providers[prov], msg: msg, onOK: func(resp []byte) {
		var r claimstypes.MsgSubmitClaimResponse
		if r.Unmarshal(resp) == nil {
			wl.claims = append(wl.claims, simClaim{id: r.Id, provider: prov, insurer: a.insurer})
		}
	}}
}

func (wl *simWorkload) anyClaim() (simClaim, bool) {
	if len(wl.claims) == 0 {
		return simClaim{}, false
	}
	return wl.claims[wl.r.Intn(len(wl.claims))], true
}

// recentClaims returns up to n of the latest claims whose committed state
// passes keep, newest first.
func (wl *simWorkload) recentClaims(ctx sdk.Context, n int, keep func(claimstypes.Claim) bool) []simClaim {
	var out []simClaim
	for i := len(wl.claims) - 1; i >= 0 && i >= len(wl.claims)-60 && len(out) < n; i-- {
		c, err := wl.a.ClaimsKeeper.GetClaim(ctx, wl.claims[i].id)
		if err == nil && keep(c) {
			out = append(out, wl.claims[i])
		}
	}
	return out
}

// voidClaim: the submitting provider withdraws a claim (sometimes another
// provider tries, or the claim is already paid or voided: refused).
func (wl *simWorkload) voidClaim(_ sdk.Context) *simTx {
	c, ok := wl.anyClaim()
	if !ok {
		return nil
	}
	prov := c.provider
	if wl.r.Intn(8) == 0 {
		prov = wl.r.Intn(len(wl.w.providers))
	}
	return &simTx{signer: wl.w.providers[prov], msg: &claimstypes.MsgVoidClaim{
		Provider: wl.w.providers[prov].String(), ClaimId: c.id, Reason: "billed in error"}}
}

// reviewClaim: the insurer approves, adjusts or denies a pended claim (or,
// now and then, a claim that is not pended).
func (wl *simWorkload) reviewClaim(ctx sdk.Context) *simTx {
	pended := wl.recentClaims(ctx, 5, func(c claimstypes.Claim) bool { return c.Status == claimstypes.CLAIM_STATUS_PENDED })
	var c simClaim
	switch {
	case len(pended) > 0 && wl.r.Intn(6) != 0:
		c = pended[wl.r.Intn(len(pended))]
	default:
		var ok bool
		if c, ok = wl.anyClaim(); !ok {
			return nil
		}
	}
	ins := wl.insurerByID(c.insurer)
	msg := &claimstypes.MsgReviewClaim{Insurer: ins.String(), ClaimId: c.id, NotesHash: wl.hash("notes")}
	switch wl.r.Intn(4) {
	case 0, 1:
		msg.Action = claimstypes.REVIEW_ACTION_APPROVE
	case 2:
		msg.Action, msg.Group, msg.Carc = claimstypes.REVIEW_ACTION_DENY, "CO", "50"
	default:
		msg.Action, msg.Group, msg.Carc = claimstypes.REVIEW_ACTION_ADJUST, "CO", "45"
		msg.Lines = []claimstypes.LineReview{{Sequence: 1, Payable: math.NewInt(wl.r.Int63n(6000))}}
	}
	return &simTx{signer: ins, msg: msg}
}

// appealClaim: the provider appeals the denied lines of an adjudicated claim
// (sometimes a line that was not denied: refused).
func (wl *simWorkload) appealClaim(ctx sdk.Context) *simTx {
	type cand struct {
		c      simClaim
		denied []uint32
	}
	var cands []cand
	for _, c := range wl.recentClaims(ctx, 40, func(c claimstypes.Claim) bool { return c.Status == claimstypes.CLAIM_STATUS_ADJUDICATED }) {
		d, err := wl.a.AdjudicationKeeper.GetDecision(ctx, c.id)
		if err != nil {
			continue
		}
		claim, err := wl.a.ClaimsKeeper.GetClaim(ctx, c.id)
		if err != nil {
			continue
		}
		var denied []uint32
		for _, l := range d.Lines {
			if l.Decision == adjtypes.DECISION_KIND_DENIED && !slices.ContainsFunc(claim.Appeals,
				func(a claimstypes.Appeal) bool { return slices.Contains(a.Lines, l.Sequence) }) {
				denied = append(denied, l.Sequence)
			}
		}
		if len(denied) > 0 {
			cands = append(cands, cand{c, denied})
		}
	}
	if len(cands) == 0 {
		return nil
	}
	pick := cands[wl.r.Intn(len(cands))]
	lines := pick.denied
	if wl.r.Intn(8) == 0 {
		lines = []uint32{1}
	}
	prov := wl.w.providers[pick.c.provider]
	return &simTx{signer: prov, msg: &claimstypes.MsgAppealClaim{Provider: prov.String(), ClaimId: pick.c.id,
		Lines: lines, ReasonHash: wl.hash("appeal letter")}}
}

// decideAppeal: the insurer upholds or overturns an open appeal.
func (wl *simWorkload) decideAppeal(ctx sdk.Context) *simTx {
	var open []simClaim
	var numbers []uint32
	for _, c := range wl.recentClaims(ctx, 60, func(claimstypes.Claim) bool { return true }) {
		claim, _ := wl.a.ClaimsKeeper.GetClaim(ctx, c.id)
		for _, a := range claim.Appeals {
			if a.Status == claimstypes.APPEAL_STATUS_OPEN {
				open, numbers = append(open, c), append(numbers, a.Number)
			}
		}
	}
	if len(open) == 0 {
		return nil
	}
	i := wl.r.Intn(len(open))
	ins := wl.insurerByID(open[i].insurer)
	return &simTx{signer: ins, msg: &claimstypes.MsgDecideAppeal{Insurer: ins.String(), ClaimId: open[i].id,
		Appeal: numbers[i], Overturn: wl.r.Intn(2) == 0, NotesHash: wl.hash("decision")}}
}

// respond: a member with an account confirms or disputes an attestation about
// them (a dispute pends the claims billing it).
func (wl *simWorkload) respond(_ sdk.Context) *simTx {
	var mine []simAtt
	for i := len(wl.atts) - 1; i >= 0 && len(mine) < 10; i-- {
		if wl.w.patients[wl.atts[i].patient].account != nil {
			mine = append(mine, wl.atts[i])
		}
	}
	if len(mine) == 0 {
		return nil
	}
	a := mine[wl.r.Intn(len(mine))]
	acc := wl.w.patients[a.patient].account
	if wl.r.Intn(5) < 3 {
		return &simTx{signer: acc, msg: &attestationtypes.MsgConfirmTreatment{MemberAccount: acc.String(), AttestationId: a.id}}
	}
	return &simTx{signer: acc, msg: &attestationtypes.MsgDisputeTreatment{MemberAccount: acc.String(), AttestationId: a.id,
		ReasonHash: wl.hash("statement")}}
}

func (wl *simWorkload) anyInsurer() *simActor { return wl.w.insurers[wl.r.Intn(len(wl.w.insurers))] }

func (wl *simWorkload) fundEscrow(_ sdk.Context) *simTx {
	ins := wl.anyInsurer()
	return &simTx{signer: ins, msg: &settlementtypes.MsgFundEscrow{Insurer: ins.String(),
		Amount: sdk.NewInt64Coin(simUSD, 10_000+wl.r.Int63n(500_000))}}
}

func (wl *simWorkload) withdrawEscrow(_ sdk.Context) *simTx {
	ins := wl.anyInsurer()
	return &simTx{signer: ins, msg: &settlementtypes.MsgWithdrawEscrow{Insurer: ins.String(),
		Amount: sdk.NewInt64Coin(simUSD, 1_000+wl.r.Int63n(400_000))}}
}

func (wl *simWorkload) setHold(_ sdk.Context) *simTx {
	ins := wl.anyInsurer()
	return &simTx{signer: ins, msg: &settlementtypes.MsgSetHoldPeriod{Insurer: ins.String(), HoldPeriod: wl.holdPeriod()}}
}

// sendFees: fee tokens change hands (bank).
func (wl *simWorkload) sendFees(_ sdk.Context) *simTx {
	accs := wl.w.accounts()
	from, to := accs[wl.r.Intn(len(accs))], accs[wl.r.Intn(len(accs))]
	return &simTx{signer: from, msg: banktypes.NewMsgSend(from.addr, to.addr,
		sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 1+wl.r.Int63n(1_000_000))))}
}

// outsiderAttests: an account that is no member attests care (refused).
func (wl *simWorkload) outsiderAttests(_ sdk.Context) *simTx {
	o := wl.w.outsider
	date := wl.date()
	return &simTx{signer: o, msg: &attestationtypes.MsgAttestTreatment{
		Provider: o.String(), InsurerId: wl.w.insurers[0].memberID, Member: wl.w.patients[0].pseudonym,
		EncounterDate: date, PlaceOfService: "11", DiagnosisCodes: []string{"E11.9"}, RecordHash: wl.hash("forged"),
		Lines: []attestationtypes.ServiceLine{{Sequence: 1, Code: "99213", Units: 1, ServiceDate: date, RenderingNpi: wl.w.providers[0].npi}},
	}}
}

// record counts a delivered tx's outcome.
func (wl *simWorkload) record(msg sdk.Msg, code uint32, codespace string) {
	name := strings.TrimPrefix(sdk.MsgTypeURL(msg), "/")
	s := wl.stats[name]
	if s == nil {
		s = &simStat{}
		wl.stats[name] = s
	}
	if code == 0 {
		s.ok++
		return
	}
	s.failed++
	wl.failures[fmt.Sprintf("%s: %s/%d", name, codespace, code)]++
}

// summary renders the outcome counts, msg types and failures in order.
func (wl *simWorkload) summary() string {
	var b strings.Builder
	names := make([]string, 0, len(wl.stats))
	for n := range wl.stats {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(&b, "    %-52s ok %4d  failed %4d\n", n, wl.stats[n].ok, wl.stats[n].failed)
	}
	fails := make([]string, 0, len(wl.failures))
	for f := range wl.failures {
		fails = append(fails, f)
	}
	sort.Strings(fails)
	for _, f := range fails {
		fmt.Fprintf(&b, "    refused %-62s x%d\n", f, wl.failures[f])
	}
	evs := make([]string, 0, len(wl.events))
	for e := range wl.events {
		evs = append(evs, e)
	}
	sort.Strings(evs)
	for _, e := range evs {
		fmt.Fprintf(&b, "    block event %-58s x%d\n", e, wl.events[e])
	}
	return b.String()
}

func (wl *simWorkload) ok(msg sdk.Msg) int {
	if s := wl.stats[strings.TrimPrefix(sdk.MsgTypeURL(msg), "/")]; s != nil {
		return s.ok
	}
	return 0
}
