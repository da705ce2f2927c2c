package keeper

import (
	"context"
	"encoding/hex"
	"fmt"
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// changeStatus records a step of the claim's history (status, actor, reason),
// stores the claim, emits EventClaimStatusChanged when the status moved, and
// reports the change to the statistics.
func (k *Keeper) changeStatus(ctx context.Context, claim *types.Claim, to types.ClaimStatus, outcome types.ClaimOutcome, actor, reason string) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	from := claim.Status
	claim.Status, claim.Outcome = to, outcome
	claim.History = append(claim.History, types.StatusChange{
		Status: to, Actor: actor, Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(), Reason: reason,
	})
	if err := k.saveClaim(ctx, *claim, nil); err != nil {
		return err
	}
	if from != to {
		if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventClaimStatusChanged{
			Id: claim.Id, From: from, To: to, Outcome: outcome, Reason: reason,
		}); err != nil {
			return err
		}
	}
	return nil
}

// saveClaim stores a claim and reports it to the statistics, with its
// decision when the caller has it (nil: the statistics read it).
func (k *Keeper) saveClaim(ctx context.Context, claim types.Claim, d *types.DecisionSummary) error {
	pk, err := claimKey(claim.Id)
	if err != nil {
		return err
	}
	if err := k.Claims.Set(ctx, pk, claim); err != nil {
		return err
	}
	if k.integrity != nil {
		return k.integrity.ClaimChanged(ctx, claim, d)
	}
	return nil
}

// claimInsurer checks that the signer operates the claim's insurer and that
// the insurer is ACTIVE.
func (k *Keeper) claimInsurer(ctx context.Context, claim types.Claim, signer string) error {
	m, err := k.members.GetMember(ctx, claim.InsurerId)
	if err != nil {
		return err
	}
	if m.Operator != signer {
		return errorsmod.Wrapf(types.ErrNotInsurer, "%s is billed to insurer %d (%s)", claim.Id, m.Id, m.Name)
	}
	if m.Status != membershiptypes.MEMBER_STATUS_ACTIVE {
		return errorsmod.Wrapf(types.ErrNotInsurer, "insurer %d is %s", m.Id, m.Status)
	}
	return nil
}

// claimProvider checks that the signer operates the provider that submitted the
// claim and that the provider is ACTIVE.
func (k *Keeper) claimProvider(ctx context.Context, claim types.Claim, signer string) error {
	m, err := k.members.GetMember(ctx, claim.ProviderId)
	if err != nil {
		return err
	}
	if m.Operator != signer {
		return errorsmod.Wrapf(types.ErrNotSubmitter, "%s was submitted by provider %d (%s)", claim.Id, m.Id, m.Name)
	}
	if m.Status != membershiptypes.MEMBER_STATUS_ACTIVE {
		// Asking for more money is new business: a suspended provider may still
		// void its claims (that only withdraws them), but not appeal.
		return errorsmod.Wrapf(types.ErrNotProvider, "provider %d (%s) is %s", m.Id, m.Name, m.Status)
	}
	return nil
}

// pendReasonText joins pend reasons for the claim's history.
func pendReasonText(reasons []types.PendReason) string {
	parts := make([]string, 0, len(reasons))
	for _, r := range reasons {
		parts = append(parts, "["+r.RuleID+"] "+r.Text)
	}
	return "pended for review: " + strings.Join(parts, "; ")
}

// hashText shows a content hash in a history entry: "sha256:<hex>".
func hashText(h membershiptypes.ContentHash) string {
	return "sha256:" + hex.EncodeToString(h.Digest)
}

// moneyText shows a payable amount in a history entry: "$105.00" for usd
// (cents), else the coin ("105000ueur").
func moneyText(c sdk.Coin) string {
	if c.Denom != "usd" || c.Amount.IsNil() {
		return c.String()
	}
	a := c.Amount
	sign := ""
	if a.IsNegative() {
		sign, a = "-", a.Neg()
	}
	cents := a.ModRaw(100).Int64()
	return fmt.Sprintf("%s$%s.%02d", sign, a.QuoRaw(100).String(), cents)
}
