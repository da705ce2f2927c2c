// Package scenarios_test runs the analyst-readable adjudication scenarios in
// this folder (*.yaml, described in README.md) against a real in-process
// chain: every file starts from a fresh app, publishes its plan, enrols its
// member, admits one provider, and submits its claims through the same msg
// servers a transaction would use. The decision the chain stored, and the
// member's accumulators, are compared with the file's `then:` blocks, and
// mismatches are reported in the file's own terms ("line 1 payable: want
// $65.00, got $60.00").
//
//	go test ./x/adjudication/scenarios/ -v
//	go test ./x/adjudication/scenarios/ -run TestScenarios/copay-and-fee-schedule -v
package scenarios_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

const (
	// providerNPI is the one provider every scenario bills from.
	providerNPI  = "1234567893"
	providerName = "Riverside Family Clinic"
	// insurerID is the test chain's founding insurer.
	insurerID = 1
	// defaultEffective is the first version's effective date when a file gives none.
	defaultEffective = Date("2026-01-01")
)

// planDirs are searched in order for plan files.
var planDirs = []string{"plans", filepath.Join("..", "..", "..", "examples", "plans")}

func TestScenarios(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files, "no scenario files found")
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			sc, err := LoadScenario(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("Scenario: %s", sc.Scenario)
			newRun(t, name, sc).run(t)
		})
	}
}

// runner holds one file's chain and what its steps produced.
type runner struct {
	f      *apptest.Fixture
	sc     *Scenario
	planID string
	member string
	// memberAccount is the account enrolled for the member: it signs
	// confirmations and disputes of the attested care.
	memberAccount apptest.Account
	provider      apptest.Account
	// providerID is the provider's member id (its statistics' key).
	providerID uint64
	// claims maps a step name to the claim id the chain gave it.
	claims map[string]string
	// lastYear is the plan year of the latest claim, for accumulator checks.
	lastYear int32
}

func newRun(t *testing.T, fileName string, sc *Scenario) *runner {
	f := apptest.Setup(t)
	r := &runner{f: f, sc: sc, claims: map[string]string{}, memberAccount: apptest.NewAccount()}
	r.planID = sc.Given.PlanID
	if r.planID == "" {
		r.planID = strings.ToUpper(sc.Given.Plan)
	}
	// A fresh pseudonym per scenario, reproducible from the file name.
	sum := sha256.Sum256([]byte("claimchain scenario " + fileName))
	r.member = hex.EncodeToString(sum[:])
	r.setup(t)
	return r
}

// setup publishes the plan and its amendments, enrols the member and admits
// the provider, at the test chain's first block time.
func (r *runner) setup(t *testing.T) {
	g := r.sc.Given
	insurer := r.f.Validator.String()
	adj := adjkeeper.NewMsgServerImpl(r.f.App.AdjudicationKeeper)

	terms, err := loadPlan(g.Plan)
	require.NoError(t, err)
	effective := g.Effective
	if effective == "" {
		effective = defaultEffective
	}
	require.NoError(t, r.exec(func(ctx sdk.Context) error {
		_, err := adj.CreatePlan(ctx, &adjtypes.MsgCreatePlan{
			Insurer: insurer, PlanId: r.planID, Name: "Scenario plan " + g.Plan, EffectiveDate: string(effective), Terms: terms,
		})
		return err
	}), "given plan %s", g.Plan)
	for _, a := range g.Amendments {
		terms, err := loadPlan(a.Plan)
		require.NoError(t, err)
		require.NoError(t, r.exec(func(ctx sdk.Context) error {
			_, err := adj.AmendPlan(ctx, &adjtypes.MsgAmendPlan{
				Insurer: insurer, PlanId: r.planID, EffectiveDate: string(a.Effective), Terms: terms,
			})
			return err
		}), "given amendment %s effective %s", a.Plan, a.Effective)
	}

	if m := g.Member; !m.None {
		sex, err := parseSex(m.Sex)
		require.NoError(t, err)
		enrolled := m.Enrolled
		if enrolled == "" {
			enrolled = effective
		}
		birth := m.BirthYear
		if birth == 0 {
			birth = 1980
		}
		require.NoError(t, r.exec(func(ctx sdk.Context) error {
			_, err := adj.EnrollMember(ctx, &adjtypes.MsgEnrollMember{
				Insurer: insurer, Member: r.member, PlanId: r.planID, StartDate: string(enrolled), EndDate: string(m.Ends),
				Sex: sex, BirthYear: birth, MemberAccount: r.memberAccount.String(),
			})
			return err
		}), "given member")
	}

	if g.Reference != nil {
		r.loadReference(*g.Reference)
	}

	r.provider = apptest.NewAccount()
	require.NoError(t, r.exec(func(ctx sdk.Context) error {
		res, err := membershipkeeper.NewMsgServerImpl(r.f.App.MembershipKeeper).AdmitMember(ctx, &membershiptypes.MsgAdmitMember{
			Authority: r.f.Gov, Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: providerName, Npi: providerNPI,
			Operator: r.provider.String(), AgreementHash: apptest.AgreementHash(providerName),
		})
		if err == nil {
			r.providerID = res.MemberId
		}
		return err
	}), "admit the provider")

	if g.Thresholds != nil {
		require.NoError(t, r.setThresholds(*g.Thresholds), "given thresholds")
	}

	if g.Today != "" {
		require.NoError(t, r.moveTo(g.Today), "given today")
	}
}

// loadReference loads each reference table that has rows as its version 1,
// activated from the file's applies_from.
func (r *runner) loadReference(ref Reference) {
	from := ref.AppliesFrom
	if from == "" {
		from = defaultEffective
	}
	var ptp refdatatypes.ChunkRows
	for _, p := range ref.PTP {
		ptp.Ptp = append(ptp.Ptp, refdatatypes.PtpRow{Column1: string(p.Column1), Column2: string(p.Column2),
			EffectiveDate: string(p.Effective), DeletionDate: string(p.Deleted), ModifierIndicator: p.ModifierIndicator})
	}
	var mue refdatatypes.ChunkRows
	for _, m := range ref.MUE {
		mue.Mue = append(mue.Mue, refdatatypes.MueRow{Code: string(m.Code), Units: m.Units, AdjudicationIndicator: m.MAI})
	}
	var addOn refdatatypes.ChunkRows
	for _, a := range ref.AddOn {
		var primaries []string
		for _, p := range a.Primaries {
			primaries = append(primaries, string(p))
		}
		addOn.AddOn = append(addOn.AddOn, refdatatypes.AddOnRow{AddOnCode: string(a.Code), PrimaryCodes: primaries, Type: a.Type})
	}
	var excl refdatatypes.ChunkRows
	for _, e := range ref.Exclusions {
		excl.Exclusion = append(excl.Exclusion, refdatatypes.ExclusionRow{Npi: e.NPI, ExclusionDate: string(e.Excluded),
			ReinstatementDate: string(e.Reinstated), WaiverDate: string(e.Waived), WaiverState: e.WaiverState})
	}
	var ageSex refdatatypes.ChunkRows
	for _, a := range ref.AgeSex {
		ageSex.AgeSex = append(ageSex.AgeSex, refdatatypes.AgeSexRow{Code: string(a.Code), MinAge: a.MinAge, MaxAge: a.MaxAge, Sex: a.Sex})
	}
	var minutes refdatatypes.ChunkRows
	for _, m := range ref.TypicalMinutes {
		minutes.TypicalMinutes = append(minutes.TypicalMinutes, refdatatypes.TypicalMinutesRow{Code: string(m.Code), Minutes: m.Minutes})
	}
	var em refdatatypes.ChunkRows
	for _, e := range ref.EmLevels {
		em.EmLevel = append(em.EmLevel, refdatatypes.EmLevelRow{Code: string(e.Code), Family: e.Family, Level: e.Level})
	}
	for _, tbl := range []struct {
		kind refdatatypes.TableKind
		rows refdatatypes.ChunkRows
	}{
		{refdatatypes.TABLE_KIND_PTP, ptp}, {refdatatypes.TABLE_KIND_MUE, mue}, {refdatatypes.TABLE_KIND_ADD_ON, addOn},
		{refdatatypes.TABLE_KIND_EXCLUSION, excl}, {refdatatypes.TABLE_KIND_AGE_SEX, ageSex},
		{refdatatypes.TABLE_KIND_TYPICAL_MINUTES, minutes}, {refdatatypes.TABLE_KIND_EM_LEVEL, em},
	} {
		if tbl.rows.Len() > 0 {
			r.f.LoadReference(tbl.kind, 1, string(from), tbl.rows)
		}
	}
}

// renderingNPI is the line's rendering NPI: the file's, else the provider's.
func renderingNPI(l Line) string {
	if l.RenderingNPI != "" {
		return l.RenderingNPI
	}
	return providerNPI
}

func (r *runner) run(t *testing.T) {
	for i, st := range r.sc.When {
		t.Run(fmt.Sprintf("%02d %s", i+1, st.Name()), func(t *testing.T) {
			if st.Arrives != "" {
				if err := r.moveTo(st.Arrives); err != nil {
					t.Fatalf("arrives: %v", err)
				}
			}
			switch st.Kind() {
			case "claim":
				r.claim(t, st)
			case "void":
				r.void(t, st)
			case "terminate":
				r.terminate(t, st)
			case "review":
				r.review(t, st)
			case "appeal":
				r.appeal(t, st)
			case "decide_appeal":
				r.decideAppeal(t, st)
			case "dispute", "confirm":
				r.respond(t, st)
			case "thresholds":
				r.thresholds(t, st)
			}
			r.recount(t)
		})
	}
}

// exec runs fn like a transaction: its writes are kept only if it succeeds.
func (r *runner) exec(fn func(ctx sdk.Context) error) error { return r.f.Exec(fn) }

// moveTo sets the block time to noon UTC of a date, one block later. Steps
// must move forward in time, and not before the test chain's first block.
// The block ends first with x/integrity's EndBlocker, which folds the peer
// E/M counts the next block's claims compare against (no other EndBlocker
// runs in the scenarios: nothing is paid).
func (r *runner) moveTo(d Date) error {
	if err := r.f.App.IntegrityKeeper.EndBlocker(r.f.Ctx); err != nil {
		return err
	}
	now := r.f.Ctx.BlockTime()
	next := d.Time()
	if next.Before(now) {
		if next.Format(time.DateOnly) == now.UTC().Format(time.DateOnly) {
			next = now // same day as the chain already is: keep its time
		} else {
			return fmt.Errorf("%s is before the chain's current date %s: steps go forward in time, from %s at the earliest",
				d, now.UTC().Format(time.DateOnly), apptest.GenesisTime.Format(time.DateOnly))
		}
	}
	r.f.Ctx = r.f.Ctx.WithBlockTime(next).WithBlockHeight(r.f.Ctx.BlockHeight() + 1)
	return nil
}

func (r *runner) claim(t *testing.T, st Step) {
	use := claimstypes.CLAIM_USE_CLAIM
	switch st.Use {
	case "predetermination":
		use = claimstypes.CLAIM_USE_PREDETERMINATION
	case "preauthorization":
		use = claimstypes.CLAIM_USE_PREAUTHORIZATION
	}
	denom := st.Currency
	if denom == "" {
		denom = "usd"
	}
	msg := &claimstypes.MsgSubmitClaim{
		Provider: r.provider.String(), InsurerId: insurerID, Use: use, Member: r.member, DiagnosisCodes: st.Diagnoses,
	}
	for i, l := range st.Lines {
		units := l.Units
		if units == 0 {
			units = 1
		}
		ref := l.PreauthRef
		if l.Preauth != "" {
			id, ok := r.claims[l.Preauth]
			if !ok {
				t.Fatalf("line %d: preauthorization %q was not submitted (see its step)", i+1, l.Preauth)
			}
			ref = id
		}
		msg.Lines = append(msg.Lines, claimstypes.SubmittedLine{
			Code: string(l.Code), Modifiers: l.Modifiers, Units: units, ServiceDate: string(l.Date),
			Billed: sdk.Coin{Denom: denom, Amount: l.Billed.Cents}, PreauthRef: ref,
		})
	}

	// A request before care (predetermination, preauthorization) must leave
	// the accumulators as they were, whatever the file expects.
	year := earliestYear(st.Lines)
	before, beforeErr := r.accumulator(year)

	err := r.exec(func(ctx sdk.Context) error {
		if use == claimstypes.CLAIM_USE_CLAIM {
			// The provider attests the care first; the claim bills the attested lines.
			att, err := r.attest(ctx, st, msg.Lines)
			if err != nil {
				return fmt.Errorf("attesting the treatment: %w", err)
			}
			for i := range msg.Lines {
				msg.Lines[i].AttestationId, msg.Lines[i].AttestationLine = att, uint32(i+1)
			}
		}
		res, err := claimskeeper.NewMsgServerImpl(r.f.App.ClaimsKeeper).SubmitClaim(ctx, msg)
		if err == nil {
			r.claims[st.Claim] = res.Id
		}
		return err
	})
	then := st.Then
	if then != nil && then.Error != "" {
		switch {
		case err == nil:
			t.Errorf("want the chain to refuse the %s (%q), but it was accepted as %s", useWord(st.Use), then.Error, r.claims[st.Claim])
		case !strings.Contains(err.Error(), then.Error):
			t.Errorf("want the chain to refuse the %s with %q, got: %v", useWord(st.Use), then.Error, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("the chain refused the %s: %v", useWord(st.Use), err)
	}
	id := r.claims[st.Claim]
	d, err := r.f.App.AdjudicationKeeper.Decisions.Get(r.f.Ctx, id)
	if err != nil {
		t.Fatalf("claim %s has no stored decision: %v", id, err)
	}
	r.lastYear = d.PlanYear
	if r.lastYear == 0 {
		r.lastYear = year
	}
	r.explain(t, id, d)
	checkInvariants(t, d)
	if use != claimstypes.CLAIM_USE_CLAIM {
		after, err := r.accumulator(year)
		switch {
		case d.Accumulated:
			t.Errorf("a %s must not update accumulators, but its decision is marked accumulated", st.Use)
		case beforeErr != nil || err != nil:
			t.Errorf("reading accumulators: %v %v", beforeErr, err)
		case !before.DeductibleMet.Equal(after.DeductibleMet) || !before.OutOfPocketSpent.Equal(after.OutOfPocketSpent) ||
			limitsText(limitMap(before)) != limitsText(limitMap(after)):
			t.Errorf("a %s must not change accumulators: deductible met %s -> %s, out of pocket %s -> %s, limits %s -> %s", st.Use,
				FormatDollars(before.DeductibleMet), FormatDollars(after.DeductibleMet),
				FormatDollars(before.OutOfPocketSpent), FormatDollars(after.OutOfPocketSpent),
				limitsText(limitMap(before)), limitsText(limitMap(after)))
		}
	}
	if then == nil {
		return
	}
	r.checkDecision(t, then, st, id, d)
	r.checkAccumulators(t, then.Accumulators)
	r.checkIntegrity(t, then, id)
}

// attest records the care the claim bills: one attestation with every line.
func (r *runner) attest(ctx sdk.Context, st Step, lines []claimstypes.SubmittedLine) (string, error) {
	enc := ""
	var svc []attestationtypes.ServiceLine
	for i, l := range lines {
		if enc == "" || l.ServiceDate < enc {
			enc = l.ServiceDate
		}
		svc = append(svc, attestationtypes.ServiceLine{
			Sequence: uint32(i + 1), Code: l.Code, Modifiers: l.Modifiers, Units: l.Units, ServiceDate: l.ServiceDate,
			RenderingNpi: renderingNPI(st.Lines[i]),
		})
	}
	res, err := attestationkeeper.NewMsgServerImpl(r.f.App.AttestationKeeper).AttestTreatment(ctx, &attestationtypes.MsgAttestTreatment{
		Provider: r.provider.String(), InsurerId: insurerID, Member: r.member, EncounterDate: enc, PlaceOfService: "11",
		DiagnosisCodes: st.Diagnoses, Lines: svc, RecordHash: apptest.AgreementHash("record of " + st.Claim),
	})
	if err != nil {
		return "", err
	}
	return res.Id, nil
}

func (r *runner) void(t *testing.T, st Step) {
	id, ok := r.claims[st.Void]
	if !ok {
		t.Fatalf("claim %q was not submitted (see its step)", st.Void)
	}
	reason := st.Reason
	if reason == "" {
		reason = "billed in error"
	}
	err := r.exec(func(ctx sdk.Context) error {
		_, err := claimskeeper.NewMsgServerImpl(r.f.App.ClaimsKeeper).VoidClaim(ctx, &claimstypes.MsgVoidClaim{
			Provider: r.provider.String(), ClaimId: id, Reason: reason,
		})
		return err
	})
	if st.Then != nil && st.Then.Error != "" {
		if err == nil || !strings.Contains(err.Error(), st.Then.Error) {
			t.Errorf("want the void refused with %q, got: %v", st.Then.Error, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("the chain refused to void %s: %v", id, err)
	}
	d, err := r.f.App.AdjudicationKeeper.Decisions.Get(r.f.Ctx, id)
	if err == nil {
		if !d.Released {
			t.Errorf("after the void, the decision of %s should be marked released (its accumulator use given back)", id)
		}
		if d.PlanYear != 0 {
			r.lastYear = d.PlanYear
		}
	}
	if st.Then != nil {
		r.checkAccumulators(t, st.Then.Accumulators)
		r.checkIntegrity(t, st.Then, id)
	}
}

func (r *runner) terminate(t *testing.T, st Step) {
	reason := adjtypes.TERMINATION_REASON_VOLUNTARY
	switch st.Terminate.Reason {
	case "", "voluntary":
	case "non_payment":
		reason = adjtypes.TERMINATION_REASON_NON_PAYMENT
	case "deceased":
		reason = adjtypes.TERMINATION_REASON_DECEASED
	case "other":
		reason = adjtypes.TERMINATION_REASON_OTHER
	default:
		t.Fatalf("terminate reason %q: voluntary, non_payment, deceased or other", st.Terminate.Reason)
	}
	err := r.exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(r.f.App.AdjudicationKeeper).TerminateCoverage(ctx, &adjtypes.MsgTerminateCoverage{
			Insurer: r.f.Validator.String(), Member: r.member, EndDate: string(st.Terminate.Ends), Reason: reason,
		})
		return err
	})
	if st.Then != nil && st.Then.Error != "" {
		if err == nil || !strings.Contains(err.Error(), st.Then.Error) {
			t.Errorf("want the termination refused with %q, got: %v", st.Then.Error, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("the chain refused the termination: %v", err)
	}
	if st.Then != nil {
		r.checkAccumulators(t, st.Then.Accumulators)
		r.checkIntegrity(t, st.Then, "")
	}
}

// explain logs the chain's own explanation of the decision (visible with -v,
// and next to any mismatch).
func (r *runner) explain(t *testing.T, id string, d adjtypes.Decision) {
	claim, err := r.f.App.ClaimsKeeper.GetClaim(r.f.Ctx, id)
	if err != nil {
		t.Logf("claim %s: %v", id, err)
		return
	}
	t.Logf("%s", strings.Join(adjtypes.ExplainDecision(claim, d), "\n"))
	r.explainIntegrity(t, claim)
}

// checkInvariants holds for every decision, whatever the file expects: every
// line's billed amount is the payable amount plus its adjustments, and the
// member's share is the sum of the PR adjustments.
func checkInvariants(t *testing.T, d adjtypes.Decision) {
	total, pr := math.ZeroInt(), math.ZeroInt()
	for _, l := range d.Lines {
		sum := nz(l.Benefit)
		for _, a := range l.Adjustments {
			sum = sum.Add(nz(a.Amount))
			if a.Group == adjtypes.GROUP_CODE_PR {
				pr = pr.Add(nz(a.Amount))
			}
		}
		if !sum.Equal(nz(l.Submitted)) {
			t.Errorf("line %d: billed %s is not payable %s plus adjustments (%s)", l.Sequence,
				FormatDollars(l.Submitted), FormatDollars(l.Benefit), FormatDollars(sum.Sub(nz(l.Benefit))))
		}
		if nz(l.Benefit).IsNegative() {
			t.Errorf("line %d: payable %s is negative", l.Sequence, FormatDollars(l.Benefit))
		}
		total = total.Add(nz(l.Benefit))
	}
	if !total.Equal(nz(d.TotalBenefit)) {
		t.Errorf("claim payable %s is not the sum of the lines' %s", FormatDollars(d.TotalBenefit), FormatDollars(total))
	}
	if !pr.Equal(nz(d.PatientResponsibility)) {
		t.Errorf("member pays %s, but the PR adjustments add up to %s", FormatDollars(d.PatientResponsibility), FormatDollars(pr))
	}
}

// checkDecision compares a claim's decision with a then block: the one of the
// claim step st itself, or of a later step acting on it.
func (r *runner) checkDecision(t *testing.T, then *Then, st Step, id string, d adjtypes.Decision) {
	if then.Decision != "" {
		want, err := parseDecision(then.Decision)
		if err != nil {
			t.Error(err)
		} else if d.Decision != want {
			t.Errorf("decision: want %s, got %s", adjtypes.DecisionWords(want), adjtypes.DecisionWords(d.Decision))
		}
	}
	if then.Status != "" {
		c, err := r.f.App.ClaimsKeeper.GetClaim(r.f.Ctx, id)
		switch {
		case err != nil:
			t.Errorf("claim %s: %v", id, err)
		case strings.TrimPrefix(c.Status.String(), "CLAIM_STATUS_") != strings.ToUpper(then.Status):
			t.Errorf("claim status: want %s, got %s", strings.ToUpper(then.Status), strings.TrimPrefix(c.Status.String(), "CLAIM_STATUS_"))
		}
	}
	if then.PendedBy != nil {
		var got []string
		for _, p := range d.PendReasons {
			got = append(got, p.RuleId)
		}
		if strings.Join(got, ",") != strings.Join(*then.PendedBy, ",") {
			t.Errorf("pended by: want %v, got %v", *then.PendedBy, got)
		}
	}
	if then.PlanVersion != nil && d.PlanVersion != *then.PlanVersion {
		t.Errorf("plan version: want %d, got %d", *then.PlanVersion, d.PlanVersion)
	}
	money(t, "claim payable", then.Payable, d.TotalBenefit)
	money(t, "member pays", then.MemberPays, d.PatientResponsibility)
	if then.Lines == nil {
		return
	}
	if len(then.Lines) != len(d.Lines) {
		t.Errorf("lines: want %d, got %d", len(then.Lines), len(d.Lines))
	}
	for i, want := range then.Lines {
		if i >= len(d.Lines) {
			break
		}
		got := d.Lines[i]
		p := fmt.Sprintf("line %d", i+1)
		if k, err := parseDecision(want.Decision); err != nil {
			t.Errorf("%s: %v", p, err)
		} else if got.Decision != k {
			t.Errorf("%s decision: want %s, got %s", p, adjtypes.DecisionWords(k), adjtypes.DecisionWords(got.Decision))
		}
		if want.Category != nil && *want.Category != got.CategoryId {
			t.Errorf("%s category: want %q, got %q", p, *want.Category, got.CategoryId)
		}
		money(t, p+" allowed", want.Allowed, got.Allowed)
		money(t, p+" deductible", want.Deductible, got.Deductible)
		money(t, p+" copay", want.Copay, got.Copay)
		money(t, p+" coinsurance", want.Coinsurance, got.Coinsurance)
		money(t, p+" payable", want.Payable, got.Benefit)
		if want.Adjustments != nil {
			var w, g []string
			for _, a := range *want.Adjustments {
				c, _ := canonicalAdjustment(a) // checked when the file was loaded
				w = append(w, c)
			}
			for _, a := range got.Adjustments {
				g = append(g, formatAdjustment(adjtypes.GroupCodeLetters(a.Group), a.Carc, a.Rarc, nz(a.Amount)))
			}
			if !slices.Equal(w, g) {
				t.Errorf("%s adjustments: want [%s], got [%s]", p, strings.Join(w, ", "), strings.Join(g, ", "))
			}
		}
		if want.Authorization != nil {
			r.checkAuthorization(t, p, st, id, got, *want.Authorization)
		}
	}
}

func (r *runner) checkAuthorization(t *testing.T, p string, st Step, id string, got adjtypes.LineDecision, want ThenAuthorization) {
	authID := got.AuthorizationId
	switch {
	case st.Use == "preauthorization":
		authID = fmt.Sprintf("%s#%d", id, got.Sequence)
	case authID == "" && st.Use == "predetermination":
		// An estimate reads the authorization without consuming it: check
		// the one its preauthorization created for this code.
		authID = r.authorizationFor(st.Lines[got.Sequence-1])
	}
	if authID == "" {
		t.Errorf("%s: want an authorization consumed, but the line used none", p)
		return
	}
	a, err := r.f.App.AdjudicationKeeper.Authorizations.Get(r.f.Ctx, authID)
	if err != nil {
		t.Errorf("%s: authorization %s: %v", p, authID, err)
		return
	}
	if want.Approved != nil && a.UnitsApproved != *want.Approved {
		t.Errorf("%s authorization %s units approved: want %d, got %d", p, authID, *want.Approved, a.UnitsApproved)
	}
	if want.Used != nil && a.UnitsUsed != *want.Used {
		t.Errorf("%s authorization %s units used: want %d, got %d", p, authID, *want.Used, a.UnitsUsed)
	}
	if want.ValidFrom != "" && a.ValidFrom != string(want.ValidFrom) {
		t.Errorf("%s authorization %s valid from: want %s, got %s", p, authID, want.ValidFrom, a.ValidFrom)
	}
	if want.ValidTo != "" && a.ValidTo != string(want.ValidTo) {
		t.Errorf("%s authorization %s valid to: want %s, got %s", p, authID, want.ValidTo, a.ValidTo)
	}
}

// authorizationFor finds the authorization a line's preauthorization created
// for the line's code, or "".
func (r *runner) authorizationFor(l Line) string {
	ref := l.PreauthRef
	if l.Preauth != "" {
		ref = r.claims[l.Preauth]
	}
	if ref == "" {
		return ""
	}
	found := ""
	rng := new(collections.Range[string]).StartInclusive(ref + "#").EndExclusive(ref + "$")
	_ = r.f.App.AdjudicationKeeper.Authorizations.Walk(r.f.Ctx, rng, func(id string, a adjtypes.Authorization) (bool, error) {
		if a.Code == string(l.Code) {
			found = id
			return true, nil
		}
		return false, nil
	})
	return found
}

// checkAccumulators compares the member's accumulator for a plan year with
// the file; a year with no accumulator yet reads as all zero.
func (r *runner) checkAccumulators(t *testing.T, want *ThenAccumulators) {
	if want == nil {
		return
	}
	year := want.Year
	if year == 0 {
		year = r.lastYear
	}
	acc, err := r.accumulator(year)
	if err != nil {
		t.Fatalf("accumulators %d: %v", year, err)
	}
	p := fmt.Sprintf("accumulators %d", year)
	money(t, p+" deductible met", want.DeductibleMet, acc.DeductibleMet)
	money(t, p+" out of pocket spent", want.OutOfPocketSpent, acc.OutOfPocketSpent)
	if want.Limits != nil {
		got := limitMap(acc)
		w := map[string]uint32{}
		for k, v := range want.Limits {
			if v > 0 {
				w[k] = v
			}
		}
		if !mapsEqual(w, got) {
			t.Errorf("%s benefit limits used: want %s, got %s", p, limitsText(w), limitsText(got))
		}
	}
}

// accumulator reads the member's accumulator for a plan year of the
// scenario's plan; a year with none yet reads as all zero.
func (r *runner) accumulator(year int32) (adjtypes.Accumulator, error) {
	acc, err := r.f.App.AdjudicationKeeper.Accumulators.Get(r.f.Ctx, collections.Join3(r.member, r.planID, year))
	if errors.Is(err, collections.ErrNotFound) {
		return adjtypes.Accumulator{DeductibleMet: math.ZeroInt(), OutOfPocketSpent: math.ZeroInt()}, nil
	}
	return acc, err
}

// limitMap is the benefit-limit units used, leaving out zero entries.
func limitMap(acc adjtypes.Accumulator) map[string]uint32 {
	got := map[string]uint32{}
	for _, u := range acc.LimitUses {
		if u.Units > 0 {
			got[u.LimitId] += u.Units
		}
	}
	return got
}

func earliestYear(lines []Line) int32 {
	earliest := lines[0].Date
	for _, l := range lines {
		if l.Date < earliest {
			earliest = l.Date
		}
	}
	return yearOf(earliest)
}

func money(t *testing.T, what string, want *Dollars, got math.Int) {
	t.Helper()
	if want == nil {
		return
	}
	if !want.Cents.Equal(nz(got)) {
		t.Errorf("%s: want %s, got %s", what, want, FormatDollars(nz(got)))
	}
}

func nz(x math.Int) math.Int {
	if x.IsNil() {
		return math.ZeroInt()
	}
	return x
}

func mapsEqual(a, b map[string]uint32) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func limitsText(m map[string]uint32) string {
	if len(m) == 0 {
		return "none"
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}

func parseDecision(s string) (adjtypes.DecisionKind, error) {
	switch strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", "_")) {
	case "APPROVED":
		return adjtypes.DECISION_KIND_APPROVED, nil
	case "PARTIALLY_APPROVED":
		return adjtypes.DECISION_KIND_PARTIALLY_APPROVED, nil
	case "DENIED":
		return adjtypes.DECISION_KIND_DENIED, nil
	}
	return 0, fmt.Errorf("decision %q: APPROVED, PARTIALLY_APPROVED or DENIED", s)
}

func parseSex(s string) (adjtypes.Sex, error) {
	switch strings.ToLower(s) {
	case "female":
		return adjtypes.SEX_FEMALE, nil
	case "male":
		return adjtypes.SEX_MALE, nil
	case "", "unknown":
		return adjtypes.SEX_UNKNOWN, nil
	}
	return 0, fmt.Errorf("sex %q: female, male or unknown", s)
}

func useWord(u string) string {
	if u == "" {
		return "claim"
	}
	return u
}

func yearOf(d Date) int32 {
	if len(d) < 4 {
		return 0
	}
	var y int32
	fmt.Sscanf(string(d)[:4], "%d", &y) //nolint:errcheck // a checked YYYY-MM-DD date
	return y
}

// loadPlan reads a plan version's terms from plans/<name>.json (or .yaml)
// here, or from examples/plans/<name>.json.
func loadPlan(name string) (adjtypes.PlanTerms, error) {
	for _, dir := range planDirs {
		for _, ext := range []string{".json", ".yaml"} {
			path := filepath.Join(dir, name+ext)
			b, err := os.ReadFile(path)
			if errors.Is(err, os.ErrNotExist) {
				continue
			} else if err != nil {
				return adjtypes.PlanTerms{}, err
			}
			js, err := yaml.YAMLToJSON(b)
			if err != nil {
				return adjtypes.PlanTerms{}, fmt.Errorf("%s: %w", path, err)
			}
			dec := json.NewDecoder(strings.NewReader(string(js)))
			dec.DisallowUnknownFields()
			var terms adjtypes.PlanTerms
			if err := dec.Decode(&terms); err != nil {
				return adjtypes.PlanTerms{}, fmt.Errorf("%s: %w", path, err)
			}
			return terms, terms.Validate()
		}
	}
	return adjtypes.PlanTerms{}, fmt.Errorf("plan %q: no plans/%s.json here and no examples/plans/%s.json", name, name, name)
}
