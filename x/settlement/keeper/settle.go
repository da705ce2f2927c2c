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
func (k *Keeper) ScheduleClaim(ctx context.Context, claim claimstypes.Claim, d claimstypes.DecisionSummary) error {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil // requests before care are never paid
	}
	settings, err := k.holdPeriod(ctx, claim.InsurerId)
	if err != nil {
		return err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	due := sdkCtx.BlockTime().Add(settings.HoldPeriod).UTC()
	status := uint32(types.StatusProcessed)
	if d.Denied {
		status = types.StatusDenied
	}
	p := types.ScheduledPayment{
		ClaimId: claim.Id, InsurerId: claim.InsurerId, ProviderId: claim.ProviderId,
		Amount: d.Benefit, Due: due, ClaimStatusCode: status, Member: claim.Member,
		PreviouslyPaid: math.ZeroInt(),
	}
	return k.enqueue(ctx, p)
}

// enqueue commits a scheduled payment's cash in the insurer's escrow (in
// the claim's commitment bucket, not the escrow record every claim of the
// insurer would share) and queues it in due order.
func (k *Keeper) enqueue(ctx context.Context, p types.ScheduledPayment) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	due := p.Due
	if err := k.commit(ctx, p, false); err != nil {
		return err
	}
	if err := k.Queue.Set(ctx, collections.Join3(p.InsurerId, due.Unix(), p.ClaimId), p); err != nil {
		return err
	}
	if err := k.QueueByClaim.Set(ctx, p.ClaimId, due.Unix()); err != nil {
		return err
	}
	// Read before writing: the insurer is usually listed already, and a write
	// would make every claim of the insurer write the same key.
	listed, err := k.QueueInsurers.Has(ctx, p.InsurerId)
	if err != nil {
		return err
	}
	if !listed {
		if err := k.QueueInsurers.Set(ctx, p.InsurerId); err != nil {
			return err
		}
	}
	return sdkCtx.EventManager().EmitTypedEvent(&types.EventPaymentScheduled{
		ClaimId: p.ClaimId, InsurerId: p.InsurerId, Amount: p.Amount.String(), Due: due.Format(time.RFC3339),
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
	return k.unschedule(ctx, claim, "claim voided")
}

// unschedule drops a claim's queued payment, if any, and releases its
// commitment in escrow.
func (k *Keeper) unschedule(ctx context.Context, claim claimstypes.Claim, reason string) error {
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
	if err := k.commit(ctx, p, true); err != nil {
		return err
	}
	if err := k.dequeue(ctx, key, claim.Id); err != nil {
		return err
	}
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventPaymentCancelled{ClaimId: claim.Id, Reason: reason})
}

// ReviseClaim settles a claim whose decision a review or an appeal changed.
// Not yet paid: its queued payment (if any) is dropped and, when the claim is
// ADJUDICATED, scheduled again at the new amount after the hold period. Paid:
// a correction is queued, due at once, for the new payable against what was
// paid; the payment run pays the difference or records it as owed by the
// provider (recouped from later payments), and the remittance shows a
// reversal (CLP02 22) of the claim as last reported and the corrected claim.
func (k *Keeper) ReviseClaim(ctx context.Context, claim claimstypes.Claim) error {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil
	}
	if err := k.unschedule(ctx, claim, "claim revised"); err != nil {
		return err
	}
	cp, err := k.ClaimPayments.Get(ctx, claim.Id)
	if err != nil && !isNotFound(err) {
		return err
	}
	paid := err == nil
	if !paid && claim.Status != claimstypes.CLAIM_STATUS_ADJUDICATED {
		return nil
	}
	d, err := k.decisions.GetDecision(ctx, claim.Id)
	if err != nil {
		return err
	}
	if !paid {
		return k.ScheduleClaim(ctx, claim, d.Summary())
	}
	if d.TotalBenefit.Equal(cp.Paid.Amount) && d.Denom == cp.Paid.Denom {
		return nil // paid what it now pays
	}
	status := uint32(types.StatusProcessed)
	if d.Decision == adjtypes.DECISION_KIND_DENIED {
		status = types.StatusDenied
	}
	return k.enqueue(ctx, types.ScheduledPayment{
		ClaimId: claim.Id, InsurerId: claim.InsurerId, ProviderId: claim.ProviderId,
		Amount: sdk.NewCoin(d.Denom, d.TotalBenefit), Due: sdk.UnwrapSDKContext(ctx).BlockTime().UTC(),
		ClaimStatusCode: status, Member: claim.Member, Correction: true, PreviouslyPaid: cp.Paid.Amount,
	})
}

func nz(x math.Int) math.Int {
	if x.IsNil() {
		return math.ZeroInt()
	}
	return x
}

func (k *Keeper) dequeue(ctx context.Context, key QueueKey, claimID string) error {
	if err := k.Queue.Remove(ctx, key); err != nil {
		return err
	}
	return k.QueueByClaim.Remove(ctx, claimID)
}
