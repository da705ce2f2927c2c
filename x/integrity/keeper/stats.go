package keeper

import (
	"context"
	"errors"
	"sort"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/types"
)

// ClaimChanged replaces the claim's previous contribution to its provider's
// statistics with its current one (idempotent), and when the claim is voided
// gives back what its screening added to the rule counters. Claims for other
// uses than care given contribute nothing.
func (k *Keeper) ClaimChanged(ctx context.Context, claim claimstypes.Claim, d *claimstypes.DecisionSummary) error {
	old, err := k.Contributions.Get(ctx, claim.Id)
	existed := err == nil
	if err != nil && !isNotFound(err) {
		return err
	}
	next, err := k.contribution(ctx, claim, d)
	if err != nil {
		return err
	}
	if !existed && !next.Counted && !next.Voided {
		return nil
	}
	counterGas(ctx, 4, "integrity provider statistics")
	if existed {
		if err := k.applyContribution(ctx, old, true); err != nil {
			return err
		}
	}
	if err := k.applyContribution(ctx, next, false); err != nil {
		return err
	}
	if err := k.Contributions.Set(ctx, claim.Id, next); err != nil {
		return err
	}
	if next.Voided {
		return k.release(ctx, claim.Id)
	}
	return nil
}

// contribution is what a claim adds to its provider's statistics now: a
// claim for care given counts unless voided, with its billed total, whether
// it is denied or pended, and its current decision's total benefit as
// approved unless it is pended (a pended claim's amount is not approved until
// the insurer's review releases it).
func (k *Keeper) contribution(ctx context.Context, claim claimstypes.Claim, d *claimstypes.DecisionSummary) (types.ClaimContribution, error) {
	c := types.ClaimContribution{
		ClaimId: claim.Id, ProviderId: claim.ProviderId,
		Billed: sdk.Coin{Denom: claim.TotalBilled.Denom, Amount: math.ZeroInt()}, Approved: sdk.Coin{Amount: math.ZeroInt()},
	}
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return c, nil
	}
	if claim.Status == claimstypes.CLAIM_STATUS_VOIDED {
		c.Voided = true
		return c, nil
	}
	c.Counted = true
	if !claim.TotalBilled.Amount.IsNil() {
		c.Billed = claim.TotalBilled
	}
	c.Pended = claim.Status == claimstypes.CLAIM_STATUS_PENDED
	if d == nil && k.decisions != nil {
		stored, err := k.decisions.GetDecision(ctx, claim.Id)
		switch {
		case errors.Is(err, adjtypes.ErrDecisionNotFound): // not adjudicated (yet)
		case err != nil:
			return c, err
		default:
			s := stored.Summary()
			d = &s
		}
	}
	if d == nil {
		return c, nil
	}
	if !c.Pended {
		c.Approved = d.Benefit
	}
	c.Denied = d.Denied
	return c, nil
}

// applyContribution adds a contribution to its provider's statistics, or
// takes it away (sub). A count or sum never goes below zero.
func (k *Keeper) applyContribution(ctx context.Context, c types.ClaimContribution, sub bool) error {
	s, err := k.providerStats(ctx, c.ProviderId)
	if err != nil {
		return err
	}
	what := "statistics of provider"
	for _, f := range []struct {
		n  *uint64
		on bool
	}{{&s.Claims, c.Counted}, {&s.Voided, c.Voided}, {&s.Denied, c.Denied}, {&s.Pended, c.Pended}} {
		if f.on {
			if *f.n, err = addSub(*f.n, 1, sub, what); err != nil {
				return err
			}
		}
	}
	if s.Billed, err = addSubCoin(s.Billed, c.Billed, sub); err != nil {
		return err
	}
	if s.Approved, err = addSubCoin(s.Approved, c.Approved, sub); err != nil {
		return err
	}
	return k.ProviderStats.Set(ctx, c.ProviderId, s)
}

func addSubCoin(coins sdk.Coins, c sdk.Coin, sub bool) (sdk.Coins, error) {
	if c.Amount.IsNil() || !c.Amount.IsPositive() {
		return coins, nil
	}
	if !sub {
		return coins.Add(c), nil
	}
	out, neg := coins.SafeSub(c)
	if neg {
		return nil, errorsmod.Wrapf(types.ErrInconsistent, "cannot take %s from %s", c, coins)
	}
	return out, nil
}

// countFlag adds one flag of a rule to the provider's counts (sorted by rule id).
func (k *Keeper) countFlag(ctx context.Context, provider uint64, rule string) error {
	counterGas(ctx, 2, "integrity flag count")
	s, err := k.providerStats(ctx, provider)
	if err != nil {
		return err
	}
	i := sort.Search(len(s.Flags), func(i int) bool { return s.Flags[i].RuleId >= rule })
	if i < len(s.Flags) && s.Flags[i].RuleId == rule {
		s.Flags[i].Count++
	} else {
		s.Flags = append(s.Flags, types.RuleCount{})
		copy(s.Flags[i+1:], s.Flags[i:])
		s.Flags[i] = types.RuleCount{RuleId: rule, Count: 1}
	}
	return k.ProviderStats.Set(ctx, provider, s)
}
