package keeper

import (
	"context"
	"fmt"
	"slices"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

// AfterTreatmentDisputed is called by x/attestation when the member disputes
// an attestation of care: every claim that bills one of its lines is flagged
// (x/integrity), and each that is not yet paid is PENDED, its scheduled
// payment cancelled, until the insurer reviews it. A paid claim keeps its
// status: the flag tells the insurer to review it (a review after payment
// recoups). The work is bounded by the attestation's lines.
func (k *Keeper) AfterTreatmentDisputed(ctx context.Context, att attestationtypes.Attestation) error {
	var ids []string
	for _, l := range att.Lines {
		key, err := billedLineKey(att.Id, l.Sequence)
		if err != nil {
			return err
		}
		id, err := k.BilledLines.Get(ctx, key)
		if errorsIsNotFound(err) {
			continue
		} else if err != nil {
			return err
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		claim, err := k.GetClaim(ctx, id)
		if err != nil {
			return err
		}
		if claim.Status == types.CLAIM_STATUS_VOIDED || claim.Use != types.CLAIM_USE_CLAIM {
			continue
		}
		reasons := []types.PendReason{{RuleID: "R-FLAG-DISPUTE", Text: fmt.Sprintf("the member disputed attestation %s", att.Id)}}
		if k.integrity != nil {
			if reasons, err = k.integrity.FlagDispute(ctx, claim, att.Id); err != nil {
				return err
			}
		}
		paid := false
		if k.settler != nil {
			if paid, err = k.settler.IsPaid(ctx, claim.Id); err != nil {
				return err
			}
		}
		nothingPayable, err := k.allLinesDenied(ctx, claim)
		if err != nil {
			return err
		}
		if paid || nothingPayable || claim.Status == types.CLAIM_STATUS_PENDED || len(reasons) == 0 {
			// Recorded as a flag; the status does not change.
			if err := k.changeStatus(ctx, &claim, claim.Status, claim.Outcome, "", fmt.Sprintf("member disputed attestation %s", att.Id)); err != nil {
				return err
			}
			continue
		}
		if k.settler != nil {
			if err := k.settler.CancelClaim(ctx, claim); err != nil {
				return err
			}
		}
		if err := k.changeStatus(ctx, &claim, types.CLAIM_STATUS_PENDED, types.CLAIM_OUTCOME_QUEUED, "", pendReasonText(reasons)); err != nil {
			return err
		}
	}
	return nil
}

// disputeReasons flags a new claim that bills an attestation the member has
// already disputed: such a claim is pended at once.
func (k *Keeper) disputeReasons(ctx context.Context, claim types.Claim) ([]types.PendReason, error) {
	var seen []string
	var out []types.PendReason
	for _, l := range claim.Lines {
		if l.AttestationId == "" || slices.Contains(seen, l.AttestationId) {
			continue
		}
		seen = append(seen, l.AttestationId)
		r, err := k.attestations.GetTreatmentResponse(ctx, l.AttestationId)
		if errorsIsNotFound(err) {
			continue
		} else if err != nil {
			return nil, err
		}
		if r.Kind != attestationtypes.RESPONSE_KIND_DISPUTED {
			continue
		}
		reasons, err := k.integrity.FlagDispute(ctx, claim, l.AttestationId)
		if err != nil {
			return nil, err
		}
		out = append(out, reasons...)
	}
	return out, nil
}

// allLinesDenied reports whether a decided claim pays nothing because every
// line is denied (pending it would hold nothing).
func (k *Keeper) allLinesDenied(ctx context.Context, claim types.Claim) (bool, error) {
	if k.adjudicator == nil {
		return false, nil
	}
	for _, l := range claim.Lines {
		denied, err := k.adjudicator.LineDenied(ctx, claim.Id, l.Sequence)
		if err != nil || !denied {
			return false, err
		}
	}
	return true, nil
}
