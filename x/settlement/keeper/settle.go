package keeper

import (
	"context"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/settlement/types"
)

var _ claimstypes.Settler = (*Keeper)(nil)

// ScheduleClaim queues an adjudicated claim for payment when the insurer's
// hold period has passed. Denied claims are queued too, with nothing to pay,
// so they appear on the remittance advice as an 835 does.
func (k *Keeper) ScheduleClaim(ctx context.Context, claim claimstypes.Claim) error {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil // requests before care are never paid
	}
	d, err := k.decisions.GetDecision(ctx, claim.Id)
	if err != nil {
		return err
	}
	settings, err := k.holdPeriod(ctx, claim.InsurerId)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	due := sdkCtx.BlockTime().Add(settings.HoldPeriod).UTC()
	status := uint32(types.StatusProcessed)
	if d.Decision == adjtypes.DECISION_KIND_DENIED {
		status = types.StatusDenied
	}
	p := types.ScheduledPayment{
		ClaimId: claim.Id, InsurerId: claim.InsurerId, ProviderId: claim.ProviderId,
		Amount: sdk.NewCoin(d.Denom, d.TotalBenefit), Due: due, ClaimStatusCode: status, Member: claim.Member,
	}
	e, err := k.escrow(ctx, claim.InsurerId, d.Denom)
	if err != nil {
		return err
	}
	e.Committed = e.Committed.Add(d.TotalBenefit)
	if err := k.Escrows.Set(ctx, collections.Join(e.InsurerId, e.Denom), e); err != nil {
		return err
	}
	if err := k.Queue.Set(ctx, collections.Join3(p.InsurerId, due.Unix(), claim.Id), p); err != nil {
		return err
	}
	if err := k.QueueByClaim.Set(ctx, claim.Id, due.Unix()); err != nil {
		return err
	}
	if err := k.QueueInsurers.Set(ctx, p.InsurerId); err != nil {
		return err
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventPaymentScheduled{
		ClaimId: claim.Id, InsurerId: p.InsurerId, Amount: p.Amount.String(), Due: due.Format(time.RFC3339),
	})
}

// CancelClaim removes an unpaid claim's scheduled payment (void); a paid claim
// cannot be voided: only a later review or appeal changes what was paid.
func (k *Keeper) CancelClaim(ctx context.Context, claim claimstypes.Claim) error {
	if paid, err := k.IsPaid(ctx, claim.Id); err != nil {
		return err
	} else if paid {
		return errorsmod.Wrapf(types.ErrAlreadyPaid, "%s was paid; a paid claim is changed only by review or appeal", claim.Id)
	}
	due, err := k.QueueByClaim.Get(ctx, claim.Id)
	if isNotFound(err) {
		return nil
	} else if err != nil {
		return err
	}
	key := collections.Join3(claim.InsurerId, due, claim.Id)
	p, err := k.Queue.Get(ctx, key)
	if err != nil {
		return err
	}
	if err := k.uncommit(ctx, p); err != nil {
		return err
	}
	if err := k.dequeue(ctx, key, claim.Id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPaymentCancelled{ClaimId: claim.Id, Reason: "claim voided"})
}

func (k *Keeper) uncommit(ctx context.Context, p types.ScheduledPayment) error {
	e, err := k.escrow(ctx, p.InsurerId, p.Amount.Denom)
	if err != nil {
		return err
	}
	e.Committed = e.Committed.Sub(p.Amount.Amount)
	if e.Committed.IsNegative() {
		e.Committed = math.ZeroInt()
	}
	return k.Escrows.Set(ctx, collections.Join(e.InsurerId, e.Denom), e)
}

func (k *Keeper) dequeue(ctx context.Context, key QueueKey, claimID string) error {
	if err := k.Queue.Remove(ctx, key); err != nil {
		return err
	}
	return k.QueueByClaim.Remove(ctx, claimID)
}
