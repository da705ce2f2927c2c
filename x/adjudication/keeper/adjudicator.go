package keeper

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/engine"
	"github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

var _ claimstypes.Adjudicator = (*Keeper)(nil)

// Adjudicate decides a claim inside its submission tx: it gathers the
// coverage, the plan version in force, the accumulators and the referenced
// authorizations, runs the pure engine, and stores the decision and the state
// it changes. Gas is charged per rule evaluated.
func (k *Keeper) Adjudicate(ctx context.Context, claim claimstypes.Claim) (claimstypes.AdjudicationResult, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	in, err := k.gatherInputs(ctx, claim)
	if err != nil {
		return claimstypes.AdjudicationResult{}, err
	}
	out, err := engine.Adjudicate(in)
	if err != nil {
		return claimstypes.AdjudicationResult{}, err
	}
	sdkCtx.GasMeter().ConsumeGas(types.GasPerRule*out.RulesEvaluated, "adjudication rules")

	d := out.Decision
	d.Height = sdkCtx.BlockHeight()
	if err := k.Decisions.Set(ctx, claim.Id, d); err != nil {
		return claimstypes.AdjudicationResult{}, err
	}
	if d.Accumulated && d.PlanId != "" { // no accumulator without coverage (CO-31)
		if err := k.Accumulators.Set(ctx, accumulatorKey(out.Accumulator), out.Accumulator); err != nil {
			return claimstypes.AdjudicationResult{}, err
		}
	}
	if err := k.recordHistory(ctx, claim, d); err != nil {
		return claimstypes.AdjudicationResult{}, err
	}
	for _, a := range append(slices.Clone(out.UsedAuthorizations), out.NewAuthorizations...) {
		if err := k.Authorizations.Set(ctx, a.Id, a); err != nil {
			return claimstypes.AdjudicationResult{}, err
		}
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventClaimAdjudicated{
		ClaimId: claim.Id, Decision: d.Decision, PlanId: d.PlanId, PlanVersion: d.PlanVersion,
		TotalBenefit: sdk.NewCoin(d.Denom, d.TotalBenefit).String(), PatientResponsibility: sdk.NewCoin(d.Denom, d.PatientResponsibility).String(),
		RuleIds: ruleIDs(d),
	}); err != nil {
		return claimstypes.AdjudicationResult{}, err
	}
	res := resultOf(d)
	res.Decision = d.Summary()
	return res, nil
}

// resultOf is what a decision means for the claim's status: PENDED (nothing
// payable until the insurer's review) when a rule held it, else ADJUDICATED.
func resultOf(d types.Decision) claimstypes.AdjudicationResult {
	under := ""
	if d.PlanId != "" {
		under = fmt.Sprintf(" under plan %s version %d", d.PlanId, d.PlanVersion)
	}
	if len(d.PendReasons) > 0 {
		var rules []string
		for _, p := range d.PendReasons {
			if !slices.Contains(rules, p.RuleId) {
				rules = append(rules, p.RuleId)
			}
		}
		return claimstypes.AdjudicationResult{
			Status: claimstypes.CLAIM_STATUS_PENDED, Outcome: claimstypes.CLAIM_OUTCOME_QUEUED,
			Reason: fmt.Sprintf("pended for review by %s (lines decided %s%s)", strings.Join(rules, ", "), d.Decision, under),
		}
	}
	return claimstypes.AdjudicationResult{
		Status: claimstypes.CLAIM_STATUS_ADJUDICATED, Outcome: claimstypes.CLAIM_OUTCOME_COMPLETE,
		Reason: fmt.Sprintf("adjudicated: %s%s", d.Decision, under),
	}
}

// gatherInputs reads what the engine needs; the work is bounded by the claim's
// lines and the plan's version count, never by the size of state.
func (k *Keeper) gatherInputs(ctx context.Context, claim claimstypes.Claim) (engine.Input, error) {
	in := engine.Input{Claim: claim, ReceivedDate: sdk.UnwrapSDKContext(ctx).BlockTime().UTC().Format(attestationtypes.DateLayout)}
	earliest := ""
	for _, l := range claim.Lines {
		if earliest == "" || l.ServiceDate < earliest {
			earliest = l.ServiceDate
		}
	}
	year := int32(0)
	if len(earliest) >= 4 {
		y, _ := parseYear(earliest)
		year = y
	}
	cov, err := k.Coverages.Get(ctx, claim.Member)
	switch {
	case err == nil && cov.InsurerId == claim.InsurerId:
		in.Coverage = &cov
		pv, err := k.VersionInForce(ctx, cov.PlanId, earliest)
		if err != nil {
			return engine.Input{}, err
		}
		if pv != nil {
			lines := make([]lineCode, len(claim.Lines))
			for i, l := range claim.Lines {
				lines[i] = lineCode{code: l.Code, modifiers: l.Modifiers}
			}
			if pv.Terms.FeeSchedule, err = k.feesFor(ctx, pv, lines); err != nil {
				return engine.Input{}, err
			}
		}
		in.Plan = pv
		acc, err := k.accumulator(ctx, claim.Member, cov.PlanId, year)
		if err != nil {
			return engine.Input{}, err
		}
		in.Accumulator = acc
	case err != nil && !isNotFound(err):
		return engine.Input{}, err
	default:
		in.Accumulator = types.Accumulator{Member: claim.Member, Year: year, DeductibleMet: math.ZeroInt(), OutOfPocketSpent: math.ZeroInt()}
	}
	if err := k.gatherReference(ctx, claim, &in); err != nil {
		return engine.Input{}, err
	}
	if in.History, err = k.gatherHistory(ctx, claim); err != nil {
		return engine.Input{}, err
	}
	seen := map[string]bool{}
	for _, l := range claim.Lines {
		if l.PreauthRef == "" || seen[l.PreauthRef] {
			continue
		}
		seen[l.PreauthRef] = true
		auths, err := k.authorizationsOf(ctx, l.PreauthRef)
		if err != nil {
			return engine.Input{}, err
		}
		in.Authorizations = append(in.Authorizations, auths...)
	}
	return in, nil
}

// authorizationsOf returns the authorizations created by one preauthorization
// (ids "<ref>#<line>"), at most one per line of that request.
func (k *Keeper) authorizationsOf(ctx context.Context, ref string) ([]types.Authorization, error) {
	rng := new(collections.Range[string]).StartInclusive(ref + "#").EndExclusive(ref + "$")
	var out []types.Authorization
	err := k.Authorizations.Walk(ctx, rng, func(_ string, a types.Authorization) (bool, error) {
		out = append(out, a)
		return len(out) >= attestationtypes.MaxLines, nil
	})
	return out, err
}

// ReleaseClaim gives back what a voided claim used: its deductible,
// out-of-pocket and benefit-limit use, and the authorization units it
// consumed; a voided preauthorization's authorizations are withdrawn. The
// decision is kept (marked released); nothing is re-adjudicated.
func (k *Keeper) ReleaseClaim(ctx context.Context, claim claimstypes.Claim) error {
	d, err := k.Decisions.Get(ctx, claim.Id)
	if isNotFound(err) {
		return nil
	} else if err != nil {
		return err
	}
	if d.Released {
		return nil
	}
	for _, l := range claim.Lines {
		if err := k.forgetHistory(ctx, claim, l); err != nil && !isNotFound(err) {
			return err
		}
	}
	if claim.Use == claimstypes.CLAIM_USE_PREAUTHORIZATION {
		for _, l := range d.Lines {
			if err := k.Authorizations.Remove(ctx, fmt.Sprintf("%s#%d", claim.Id, l.Sequence)); err != nil && !isNotFound(err) {
				return err
			}
		}
	}
	if d.Accumulated && d.PlanId != "" {
		key := collections.Join3(claim.Member, d.PlanId, d.PlanYear)
		acc, err := k.Accumulators.Get(ctx, key)
		if err != nil {
			return err
		}
		for i, l := range d.Lines {
			share := l.Deductible.Add(l.Coinsurance).Add(l.Copay)
			acc.DeductibleMet = floorZero(acc.DeductibleMet.Sub(l.Deductible))
			acc.OutOfPocketSpent = floorZero(acc.OutOfPocketSpent.Sub(share))
			acc.LimitUses = subtractLimitUses(acc.LimitUses, l.LimitUses)
			if l.AuthorizationId != "" {
				if a, err := k.Authorizations.Get(ctx, l.AuthorizationId); err == nil {
					units := claim.Lines[i].Units
					if a.UnitsUsed >= units {
						a.UnitsUsed -= units
					} else {
						a.UnitsUsed = 0
					}
					if err := k.Authorizations.Set(ctx, a.Id, a); err != nil {
						return err
					}
				}
			}
		}
		if err := k.Accumulators.Set(ctx, key, acc); err != nil {
			return err
		}
	}
	d.Released = true
	if err := k.Decisions.Set(ctx, claim.Id, d); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventAccumulatorsReleased{
		ClaimId: claim.Id, Member: claim.Member, Year: d.PlanYear,
	})
}

// LineDenied reports whether a decided claim's line was denied.
func (k *Keeper) LineDenied(ctx context.Context, claimID string, sequence uint32) (bool, error) {
	d, err := k.Decisions.Get(ctx, claimID)
	if isNotFound(err) {
		return false, nil
	} else if err != nil {
		return false, err
	}
	for _, l := range d.Lines {
		if l.Sequence == sequence {
			return l.Decision == types.DECISION_KIND_DENIED, nil
		}
	}
	return false, nil
}

func accumulatorKey(a types.Accumulator) AccumulatorKey {
	return collections.Join3(a.Member, a.PlanId, a.Year)
}

func floorZero(v math.Int) math.Int {
	if v.IsNegative() {
		return math.ZeroInt()
	}
	return v
}

func subtractLimitUses(have, minus []types.LimitUse) []types.LimitUse {
	out := make([]types.LimitUse, 0, len(have))
	for _, h := range have {
		for _, m := range minus {
			if m.LimitId == h.LimitId {
				if h.Units >= m.Units {
					h.Units -= m.Units
				} else {
					h.Units = 0
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// ruleIDs lists the rules that adjusted any line, sorted and unique.
func ruleIDs(d types.Decision) []string {
	var ids []string
	for _, l := range d.Lines {
		for _, a := range l.Adjustments {
			if !slices.Contains(ids, a.RuleId) {
				ids = append(ids, a.RuleId)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

func parseYear(date string) (int32, error) {
	var y int32
	_, err := fmt.Sscanf(date[:4], "%d", &y)
	return y, err
}
