package scenarios_test

// The steps after a claim arrives: the insurer's review, the provider's
// appeal and the insurer's decision on it, the member's confirmation or
// dispute of the attested care, and the insurer's payment-integrity
// thresholds; and the checks of x/integrity (flags, risk score, provider
// statistics) with the recount of the statistics run after every step.

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritykeeper "github.com/claimchain/claimchain/x/integrity/keeper"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
)

// claimStep is the claim step of the file that submitted a claim name.
func (r *runner) claimStep(name string) Step {
	for _, st := range r.sc.When {
		if st.Claim == name {
			return st
		}
	}
	return Step{}
}

// act runs a step that acts on an earlier claim (fn sends the msg for the
// claim id), handles then.error, and checks the claim afterwards as after a
// claim step.
func (r *runner) act(t *testing.T, st Step, what string, fn func(ctx sdk.Context, id string) error) {
	t.Helper()
	id, ok := r.claims[st.Target()]
	if !ok {
		t.Fatalf("claim %q was not submitted (see its step)", st.Target())
	}
	err := r.exec(func(ctx sdk.Context) error { return fn(ctx, id) })
	if st.Then != nil && st.Then.Error != "" {
		switch {
		case err == nil:
			t.Errorf("want the chain to refuse the %s of %s (%q), but it was accepted", what, id, st.Then.Error)
		case !strings.Contains(err.Error(), st.Then.Error):
			t.Errorf("want the chain to refuse the %s of %s with %q, got: %v", what, id, st.Then.Error, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("the chain refused the %s of %s: %v", what, id, err)
	}
	d, err := r.f.App.AdjudicationKeeper.Decisions.Get(r.f.Ctx, id)
	if err != nil {
		t.Fatalf("claim %s has no stored decision: %v", id, err)
	}
	if d.PlanYear != 0 {
		r.lastYear = d.PlanYear
	}
	r.explain(t, id, d)
	checkInvariants(t, d)
	if st.Then == nil {
		return
	}
	r.checkDecision(t, st.Then, r.claimStep(st.Target()), id, d)
	r.checkAccumulators(t, st.Then.Accumulators)
	r.checkIntegrity(t, st.Then, id)
}

func (r *runner) review(t *testing.T, st Step) {
	action := map[string]claimstypes.ReviewAction{
		"approve": claimstypes.REVIEW_ACTION_APPROVE, "adjust": claimstypes.REVIEW_ACTION_ADJUST, "deny": claimstypes.REVIEW_ACTION_DENY,
	}[st.Action]
	r.act(t, st, "review", func(ctx sdk.Context, id string) error {
		msg := &claimstypes.MsgReviewClaim{
			Insurer: r.f.Validator.String(), ClaimId: id, Action: action, Group: st.Group, Carc: st.Carc, Rarc: st.Rarc,
			NotesHash: apptest.AgreementHash(orDefault(st.Notes, "review notes on "+st.Review)),
		}
		for _, l := range st.ReviewLines {
			msg.Lines = append(msg.Lines, claimstypes.LineReview{Sequence: l.Line, Payable: l.Payable.Cents})
		}
		_, err := claimskeeper.NewMsgServerImpl(r.f.App.ClaimsKeeper).ReviewClaim(ctx, msg)
		return err
	})
}

func (r *runner) appeal(t *testing.T, st Step) {
	r.act(t, st, "appeal", func(ctx sdk.Context, id string) error {
		_, err := claimskeeper.NewMsgServerImpl(r.f.App.ClaimsKeeper).AppealClaim(ctx, &claimstypes.MsgAppealClaim{
			Provider: r.provider.String(), ClaimId: id, Lines: st.AppealLines,
			ReasonHash: apptest.AgreementHash(orDefault(st.Reason, "appeal letter for "+st.Appeal)),
		})
		return err
	})
}

func (r *runner) decideAppeal(t *testing.T, st Step) {
	n := st.AppealNumber
	if n == 0 {
		n = 1
	}
	r.act(t, st, fmt.Sprintf("decision on appeal %d", n), func(ctx sdk.Context, id string) error {
		_, err := claimskeeper.NewMsgServerImpl(r.f.App.ClaimsKeeper).DecideAppeal(ctx, &claimstypes.MsgDecideAppeal{
			Insurer: r.f.Validator.String(), ClaimId: id, Appeal: n, Overturn: *st.Overturn,
			NotesHash: apptest.AgreementHash(orDefault(st.Notes, "appeal decision notes on "+st.DecideAppeal)),
		})
		return err
	})
}

// respond sends the member's confirmation or dispute of every attestation
// the claim's lines bill (the runner attests each claim's care once).
func (r *runner) respond(t *testing.T, st Step) {
	what := st.Kind()
	r.act(t, st, what, func(ctx sdk.Context, id string) error {
		claim, err := r.f.App.ClaimsKeeper.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		var atts []string
		for _, l := range claim.Lines {
			if l.AttestationId != "" && !slices.Contains(atts, l.AttestationId) {
				atts = append(atts, l.AttestationId)
			}
		}
		if len(atts) == 0 {
			return fmt.Errorf("%s bills no attested care", id)
		}
		srv := attestationkeeper.NewMsgServerImpl(r.f.App.AttestationKeeper)
		for _, att := range atts {
			if what == "dispute" {
				_, err = srv.DisputeTreatment(ctx, &attestationtypes.MsgDisputeTreatment{
					MemberAccount: r.memberAccount.String(), AttestationId: att,
					ReasonHash: apptest.AgreementHash(orDefault(st.Reason, "member statement on "+st.Dispute)),
				})
			} else {
				_, err = srv.ConfirmTreatment(ctx, &attestationtypes.MsgConfirmTreatment{
					MemberAccount: r.memberAccount.String(), AttestationId: att,
				})
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// thresholds is a step where the insurer changes its thresholds.
func (r *runner) thresholds(t *testing.T, st Step) {
	err := r.setThresholds(*st.Thresholds)
	if st.Then != nil && st.Then.Error != "" {
		if err == nil || !strings.Contains(err.Error(), st.Then.Error) {
			t.Errorf("want the thresholds refused with %q, got: %v", st.Then.Error, err)
		}
		return
	}
	if err != nil {
		t.Fatalf("the chain refused the thresholds: %v", err)
	}
	th, _, _ := r.f.App.IntegrityKeeper.GetThresholds(r.f.Ctx, insurerID)
	t.Logf("Thresholds of insurer %d now: pend_score %d, em_min_services %d, em_excess_bps %d, volume_min_claims %d, volume_factor_bps %d",
		insurerID, th.PendScore, th.EmMinServices, th.EmExcessBps, th.VolumeMinClaims, th.VolumeFactorBps)
	if st.Then != nil {
		r.checkAccumulators(t, st.Then.Accumulators)
		r.checkIntegrity(t, st.Then, "")
	}
}

// setThresholds sends the insurer's thresholds: the fields given, the
// current values (at first the defaults) for the others.
func (r *runner) setThresholds(want Thresholds) error {
	cur, _, err := r.f.App.IntegrityKeeper.GetThresholds(r.f.Ctx, insurerID)
	if err != nil {
		return err
	}
	msg := &integritytypes.MsgSetThresholds{
		Insurer: r.f.Validator.String(), PendScore: cur.PendScore, EmMinServices: cur.EmMinServices,
		EmExcessBps: cur.EmExcessBps, VolumeMinClaims: cur.VolumeMinClaims, VolumeFactorBps: cur.VolumeFactorBps,
	}
	for _, f := range []struct {
		want *uint32
		to   *uint32
	}{
		{want.PendScore, &msg.PendScore}, {want.EmMinServices, &msg.EmMinServices}, {want.EmExcessBps, &msg.EmExcessBps},
		{want.VolumeMinClaims, &msg.VolumeMinClaims}, {want.VolumeFactorBps, &msg.VolumeFactorBps},
	} {
		if f.want != nil {
			*f.to = *f.want
		}
	}
	return r.exec(func(ctx sdk.Context) error {
		_, err := integritykeeper.NewMsgServerImpl(r.f.App.IntegrityKeeper).SetThresholds(ctx, msg)
		return err
	})
}

// checkIntegrity compares the claim's flags and risk score (id "" for a step
// without a claim) and the provider's statistics with the file.
func (r *runner) checkIntegrity(t *testing.T, then *Then, id string) {
	t.Helper()
	if then == nil {
		return
	}
	q := integritykeeper.NewQueryServerImpl(r.f.App.IntegrityKeeper)
	if id != "" && (then.Flags != nil || then.RiskScore != nil) {
		res, err := q.ClaimFlags(r.f.Ctx, &integritytypes.QueryClaimFlagsRequest{ClaimId: id})
		if err != nil {
			t.Fatalf("flags of %s: %v", id, err)
		}
		got := []string{}
		for _, f := range res.Flags {
			got = append(got, f.RuleId)
		}
		if then.Flags != nil {
			want := slices.Clone(*then.Flags)
			sort.Strings(want)
			if !slices.Equal(want, got) {
				t.Errorf("flags: want %v, got %v", want, got)
			}
		}
		if then.RiskScore != nil && *then.RiskScore != res.RiskScore {
			t.Errorf("risk score: want %d, got %d (flags %v)", *then.RiskScore, res.RiskScore, got)
		}
	}
	want := then.ProviderStats
	if want == nil {
		return
	}
	s := r.providerStats(t)
	for _, c := range []struct {
		what string
		want *uint64
		got  uint64
	}{
		{"claims", want.Claims, s.Claims}, {"denied", want.Denied, s.Denied}, {"pended", want.Pended, s.Pended},
		{"voided", want.Voided, s.Voided},
	} {
		if c.want != nil && *c.want != c.got {
			t.Errorf("provider statistics %s: want %d, got %d", c.what, *c.want, c.got)
		}
	}
	money(t, "provider statistics billed", want.Billed, s.Billed.AmountOf("usd"))
	money(t, "provider statistics approved", want.Approved, s.Approved.AmountOf("usd"))
	if want.Flags != nil {
		got := map[string]uint64{}
		for _, f := range s.Flags {
			got[f.RuleId] = f.Count
		}
		if countsText(want.Flags) != countsText(got) {
			t.Errorf("provider statistics flags: want %s, got %s", countsText(want.Flags), countsText(got))
		}
	}
}

func (r *runner) providerStats(t *testing.T) integritytypes.ProviderStats {
	t.Helper()
	res, err := integritykeeper.NewQueryServerImpl(r.f.App.IntegrityKeeper).ProviderStats(r.f.Ctx,
		&integritytypes.QueryProviderStatsRequest{ProviderId: r.providerID})
	if err != nil {
		t.Fatalf("provider statistics: %v", err)
	}
	return res.Stats
}

// recount checks, after every step, that the provider's statistics (kept
// incrementally by x/integrity) equal a recount over the claims this file
// submitted: their status, billed total and current decision, and their flags.
func (r *runner) recount(t *testing.T) {
	t.Helper()
	var want integritytypes.ProviderStats
	flags := map[string]uint64{}
	ids := make([]string, 0, len(r.claims))
	for _, id := range r.claims {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		claim, err := r.f.App.ClaimsKeeper.GetClaim(r.f.Ctx, id)
		if err != nil {
			t.Errorf("recount: claim %s: %v", id, err)
			return
		}
		fl, err := r.f.App.IntegrityKeeper.ClaimFlags(r.f.Ctx, id)
		if err != nil {
			t.Errorf("recount: flags of %s: %v", id, err)
			return
		}
		for _, f := range fl {
			flags[f.RuleId]++
		}
		if claim.Use != claimstypes.CLAIM_USE_CLAIM {
			continue
		}
		if claim.Status == claimstypes.CLAIM_STATUS_VOIDED {
			want.Voided++
			continue
		}
		want.Claims++
		if claim.TotalBilled.Amount.IsPositive() {
			want.Billed = want.Billed.Add(claim.TotalBilled)
		}
		if claim.Status == claimstypes.CLAIM_STATUS_PENDED {
			want.Pended++
		}
		d, err := r.f.App.AdjudicationKeeper.Decisions.Get(r.f.Ctx, id)
		if err != nil {
			continue // not adjudicated
		}
		// A pended claim's amount is not approved until the review releases it.
		if nz(d.TotalBenefit).IsPositive() && claim.Status != claimstypes.CLAIM_STATUS_PENDED {
			want.Approved = want.Approved.Add(sdk.NewCoin(d.Denom, d.TotalBenefit))
		}
		if d.Decision == adjtypes.DECISION_KIND_DENIED {
			want.Denied++
		}
	}
	got := r.providerStats(t)
	var diffs []string
	for _, c := range []struct {
		what      string
		want, got uint64
	}{
		{"claims", want.Claims, got.Claims}, {"voided", want.Voided, got.Voided}, {"denied", want.Denied, got.Denied},
		{"pended", want.Pended, got.Pended},
	} {
		if c.want != c.got {
			diffs = append(diffs, fmt.Sprintf("%s: recount %d, statistics %d", c.what, c.want, c.got))
		}
	}
	if !want.Billed.Equal(got.Billed) {
		diffs = append(diffs, fmt.Sprintf("billed: recount %s, statistics %s", want.Billed, got.Billed))
	}
	if !want.Approved.Equal(got.Approved) {
		diffs = append(diffs, fmt.Sprintf("approved: recount %s, statistics %s", want.Approved, got.Approved))
	}
	gotFlags := map[string]uint64{}
	for _, f := range got.Flags {
		gotFlags[f.RuleId] = f.Count
	}
	if countsText(flags) != countsText(gotFlags) {
		diffs = append(diffs, fmt.Sprintf("flags: recount %s, statistics %s", countsText(flags), countsText(gotFlags)))
	}
	if len(diffs) > 0 {
		t.Errorf("provider %d statistics disagree with a recount of this file's claims: %s", r.providerID, strings.Join(diffs, "; "))
	}
}

// explainIntegrity logs what the claim's status history and flags say (the
// decision's explanation does not): why it is pended, reviewed or appealed.
func (r *runner) explainIntegrity(t *testing.T, claim claimstypes.Claim) {
	t.Helper()
	if n := len(claim.History); n > 0 {
		h := claim.History[n-1]
		t.Logf("Status %s: %s", strings.TrimPrefix(claim.Status.String(), "CLAIM_STATUS_"), h.Reason)
	}
	for _, a := range claim.Appeals {
		t.Logf("Appeal %d of lines %v: %s", a.Number, a.Lines, strings.TrimPrefix(a.Status.String(), "APPEAL_STATUS_"))
	}
	flags, err := r.f.App.IntegrityKeeper.ClaimFlags(r.f.Ctx, claim.Id)
	if err != nil || len(flags) == 0 {
		return
	}
	score := uint64(0)
	for _, f := range flags {
		score += uint64(f.Points)
		t.Logf("Flag %s (%d points): %s", f.RuleId, f.Points, f.Evidence)
	}
	th, _, _ := r.f.App.IntegrityKeeper.GetThresholds(r.f.Ctx, claim.InsurerId)
	t.Logf("Risk score %d (pend_score %d)", score, th.PendScore)
}

func countsText(m map[string]uint64) string {
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if v > 0 {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return "none"
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
