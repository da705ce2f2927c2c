package keeper

import (
	"context"
	"slices"
	"strings"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/engine"
	"github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// ReviseClaim changes a decided claim after a review or an appeal decision.
// Denied lines give back what they used (accumulators, authorization units)
// and leave the duplicate history; reduced lines keep their cost sharing and
// pay less (an adjustment with the reviewer's codes); overturned lines are
// adjudicated again by the engine with the rule that denied them set aside,
// against the accumulators as they stand now. The claim's totals and decision
// kind are recomputed; the pend reasons stay on record.
func (k *Keeper) ReviseClaim(ctx context.Context, claim claimstypes.Claim, rev claimstypes.Revision) (claimstypes.Revised, error) {
	d, err := k.Decisions.Get(ctx, claim.Id)
	if err != nil {
		return claimstypes.Revised{}, errorsmod.Wrapf(types.ErrDecisionNotFound, "%s", claim.Id)
	}
	if d.Released {
		return claimstypes.Revised{}, errorsmod.Wrapf(types.ErrInvalidRevision, "%s was voided", claim.Id)
	}
	before := d.TotalBenefit
	var group types.GroupCode
	if len(rev.Deny)+len(rev.Reduce) > 0 {
		g, ok := types.GroupCode_value["GROUP_CODE_"+rev.Group]
		if !ok || rev.Group == "PR" || rev.CARC == "" {
			return claimstypes.Revised{}, errorsmod.Wrapf(types.ErrInvalidRevision, "group %q and CARC %q", rev.Group, rev.CARC)
		}
		group = types.GroupCode(g)
	}
	for _, seq := range rev.Deny {
		i, err := lineIndex(d, seq)
		if err != nil {
			return claimstypes.Revised{}, err
		}
		if d.Lines[i].Decision == types.DECISION_KIND_DENIED {
			continue // already denied: its first reason stands
		}
		if err := k.releaseLine(ctx, claim, &d, i); err != nil {
			return claimstypes.Revised{}, err
		}
		ld := &d.Lines[i]
		zero := math.ZeroInt()
		ld.Decision = types.DECISION_KIND_DENIED
		ld.Allowed, ld.Deductible, ld.Copay, ld.Coinsurance, ld.Benefit = zero, zero, zero, zero, zero
		ld.LimitUses, ld.AuthorizationId, ld.CategoryId = []types.LimitUse{}, "", ""
		ld.Adjustments = []types.Adjustment{{Group: group, Carc: rev.CARC, Rarc: rev.RARC, Amount: ld.Submitted, RuleId: rev.Source}}
		ld.Steps = append(ld.Steps, types.NewStep(rev.Source, types.StepDeniedOnReview, rev.Source, rev.Group, rev.CARC))
	}
	for _, r := range rev.Reduce {
		i, err := lineIndex(d, r.Sequence)
		if err != nil {
			return claimstypes.Revised{}, err
		}
		ld := &d.Lines[i]
		if ld.Decision == types.DECISION_KIND_DENIED || !r.Payable.LT(ld.Benefit) {
			return claimstypes.Revised{}, errorsmod.Wrapf(types.ErrInvalidRevision,
				"line %d pays %s: a review can only lower an approved line's payable (raise it through an appeal)", r.Sequence, ld.Benefit)
		}
		cut := ld.Benefit.Sub(r.Payable)
		ld.Benefit, ld.Allowed = r.Payable, ld.Allowed.Sub(cut)
		ld.Adjustments = append(ld.Adjustments, types.Adjustment{Group: group, Carc: rev.CARC, Rarc: rev.RARC, Amount: cut, RuleId: rev.Source})
		ld.Steps = append(ld.Steps, types.NewStep(rev.Source, types.StepReducedOnReview, rev.Source,
			types.FormatMoney(cut, d.Denom), types.FormatMoney(r.Payable, d.Denom), rev.Group, rev.CARC))
	}
	if len(rev.Overturn) > 0 {
		if err := k.overturn(ctx, claim, &d, rev); err != nil {
			return claimstypes.Revised{}, err
		}
	}
	retotal(&d)
	if err := k.Decisions.Set(ctx, claim.Id, d); err != nil {
		return claimstypes.Revised{}, err
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventClaimRevised{
		ClaimId: claim.Id, Source: rev.Source, Decision: d.Decision,
		TotalBenefitBefore: sdk.NewCoin(d.Denom, before).String(), TotalBenefitAfter: sdk.NewCoin(d.Denom, d.TotalBenefit).String(),
	}); err != nil {
		return claimstypes.Revised{}, err
	}
	return claimstypes.Revised{Denom: d.Denom, Before: before, After: d.TotalBenefit, Denied: d.Decision == types.DECISION_KIND_DENIED}, nil
}

// overturn adjudicates denied lines again, setting aside the rule that denied
// each (which must be one an appeal may set aside), and merges the result.
func (k *Keeper) overturn(ctx context.Context, claim claimstypes.Claim, d *types.Decision, rev claimstypes.Revision) error {
	sub := claim
	sub.Lines = nil
	var overrides []engine.Override
	for _, seq := range rev.Overturn {
		i, err := lineIndex(*d, seq)
		if err != nil {
			return err
		}
		ld := d.Lines[i]
		if ld.Decision != types.DECISION_KIND_DENIED || len(ld.Adjustments) == 0 {
			return errorsmod.Wrapf(types.ErrInvalidRevision, "line %d is not denied", seq)
		}
		// A clinical or coding edit is set aside; any other denial (a review's,
		// eligibility, currency, exclusion) is simply adjudicated again on
		// today's data, e.g. after the insurer corrected the coverage.
		if rule := ld.Adjustments[0].RuleId; slices.Contains(engine.Overridable, rule) {
			overrides = append(overrides, engine.Override{Sequence: seq, RuleID: rule, Reason: "denial overturned on " + rev.Source})
		}
		for _, l := range claim.Lines {
			if l.Sequence == seq {
				sub.Lines = append(sub.Lines, l)
			}
		}
	}
	in, err := k.gatherInputs(ctx, sub)
	if err != nil {
		return err
	}
	in.Overrides = overrides
	out, err := engine.Adjudicate(in)
	if err != nil {
		return err
	}
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.GasPerRule*out.RulesEvaluated, "adjudication rules")
	for _, nl := range out.Decision.Lines {
		if nl.Decision == types.DECISION_KIND_DENIED {
			a := nl.Adjustments[0]
			return errorsmod.Wrapf(types.ErrInvalidRevision,
				"line %d is still denied by %s (%s-%s) when adjudicated again: an appeal cannot set that rule aside; uphold the appeal, or correct the data (e.g. the coverage) first",
				nl.Sequence, a.RuleId, strings.TrimPrefix(a.Group.String(), "GROUP_CODE_"), a.Carc)
		}
	}
	for _, nl := range out.Decision.Lines {
		i, _ := lineIndex(*d, nl.Sequence)
		nl.Steps = append([]types.Step{types.NewStep(rev.Source, types.StepAdjudicatedAgain, rev.Source)}, nl.Steps...)
		d.Lines[i] = nl
		if nl.Decision != types.DECISION_KIND_DENIED {
			for _, l := range sub.Lines {
				if l.Sequence == nl.Sequence {
					if err := k.setHistory(ctx, claim, l); err != nil {
						return err
					}
				}
			}
		}
	}
	if out.Decision.Accumulated && out.Decision.PlanId != "" {
		d.Accumulated = true
		if err := k.Accumulators.Set(ctx, accumulatorKey(out.Accumulator), out.Accumulator); err != nil {
			return err
		}
	}
	for _, a := range out.UsedAuthorizations {
		if err := k.Authorizations.Set(ctx, a.Id, a); err != nil {
			return err
		}
	}
	return nil
}

// releaseLine gives back what one approved line used: deductible,
// out-of-pocket, benefit-limit units and authorization units, and removes it
// from the duplicate history.
func (k *Keeper) releaseLine(ctx context.Context, claim claimstypes.Claim, d *types.Decision, i int) error {
	l := d.Lines[i]
	for _, cl := range claim.Lines {
		if cl.Sequence == l.Sequence {
			if err := k.forgetHistory(ctx, claim, cl); err != nil && !isNotFound(err) {
				return err
			}
			if l.AuthorizationId != "" {
				if a, err := k.Authorizations.Get(ctx, l.AuthorizationId); err == nil {
					a.UnitsUsed -= min(a.UnitsUsed, cl.Units)
					if err := k.Authorizations.Set(ctx, a.Id, a); err != nil {
						return err
					}
				}
			}
		}
	}
	if !d.Accumulated || d.PlanId == "" {
		return nil
	}
	key := collections.Join3(claim.Member, d.PlanId, d.PlanYear)
	acc, err := k.Accumulators.Get(ctx, key)
	if err != nil {
		return err
	}
	share := l.Deductible.Add(l.Coinsurance).Add(l.Copay)
	acc.DeductibleMet = floorZero(acc.DeductibleMet.Sub(l.Deductible))
	acc.OutOfPocketSpent = floorZero(acc.OutOfPocketSpent.Sub(share))
	acc.LimitUses = subtractLimitUses(acc.LimitUses, l.LimitUses)
	return k.Accumulators.Set(ctx, key, acc)
}

// retotal recomputes a decision's totals and kind from its lines.
func retotal(d *types.Decision) {
	d.TotalBenefit, d.PatientResponsibility = math.ZeroInt(), math.ZeroInt()
	approved, denied := 0, 0
	for _, l := range d.Lines {
		d.TotalBenefit = d.TotalBenefit.Add(l.Benefit)
		for _, a := range l.Adjustments {
			if a.Group == types.GROUP_CODE_PR {
				d.PatientResponsibility = d.PatientResponsibility.Add(a.Amount)
			}
		}
		if l.Decision == types.DECISION_KIND_DENIED {
			denied++
		} else {
			approved++
		}
	}
	switch {
	case denied == 0:
		d.Decision = types.DECISION_KIND_APPROVED
	case approved == 0:
		d.Decision = types.DECISION_KIND_DENIED
	default:
		d.Decision = types.DECISION_KIND_PARTIALLY_APPROVED
	}
}

func lineIndex(d types.Decision, seq uint32) (int, error) {
	for i, l := range d.Lines {
		if l.Sequence == seq {
			return i, nil
		}
	}
	return 0, errorsmod.Wrapf(types.ErrInvalidRevision, "claim %s has no line %d", d.ClaimId, seq)
}
