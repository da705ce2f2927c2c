package keeper

import (
	"context"
	"fmt"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/claims/types"
)

// ReviewClaim is the insurer's decision on one of its claims for care given:
//   - APPROVE releases a PENDED claim as it was decided: it becomes payable
//     after the hold period;
//   - ADJUST lowers the payable of some lines (0 denies a line) with the
//     reviewer's group code and CARC;
//   - DENY denies every line.
//
// ADJUST and DENY apply to a PENDED or ADJUDICATED claim, paid or not: before
// payment the payment is scheduled again at the new amount; after payment the
// difference is recouped and the remittance shows a reversal. The claim ends
// ADJUDICATED. Every review is kept in the claim's history with a hash of the
// reviewer's notes.
func (s msgServer) ReviewClaim(ctx context.Context, msg *types.MsgReviewClaim) (*types.MsgReviewClaimResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	claim, err := k.GetClaim(ctx, msg.ClaimId)
	if err != nil {
		return nil, err
	}
	if err := k.claimInsurer(ctx, claim, msg.Insurer); err != nil {
		return nil, err
	}
	if claim.Use != types.CLAIM_USE_CLAIM || k.adjudicator == nil {
		return nil, errorsmod.Wrapf(types.ErrCannotReview, "%s is a %s request: only claims for care given are reviewed", claim.Id, claim.Use)
	}
	switch claim.Status {
	case types.CLAIM_STATUS_PENDED:
	case types.CLAIM_STATUS_ADJUDICATED:
		if msg.Action == types.REVIEW_ACTION_APPROVE {
			return nil, errorsmod.Wrapf(types.ErrCannotReview, "%s is not pended: it is already payable as decided", claim.Id)
		}
	default:
		return nil, errorsmod.Wrapf(types.ErrCannotReview, "%s is %s", claim.Id, claim.Status)
	}

	rev := types.Revision{Source: "review", Group: msg.Group, CARC: msg.Carc, RARC: msg.Rarc}
	switch msg.Action {
	case types.REVIEW_ACTION_DENY:
		for _, l := range claim.Lines {
			rev.Deny = append(rev.Deny, l.Sequence)
		}
	case types.REVIEW_ACTION_ADJUST:
		for _, l := range msg.Lines {
			if l.Payable.IsZero() {
				rev.Deny = append(rev.Deny, l.Sequence)
			} else {
				rev.Reduce = append(rev.Reduce, l)
			}
		}
	}
	var before, after sdk.Coin
	res, err := k.adjudicator.ReviseClaim(ctx, claim, rev)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrCannotReview, err.Error())
	}
	before, after = sdk.Coin{Denom: res.Denom, Amount: res.Before}, sdk.Coin{Denom: res.Denom, Amount: res.After}

	reason := fmt.Sprintf("review %s by the insurer (notes %s): payable %s -> %s", actionWord(msg.Action), hashText(msg.NotesHash), moneyText(before), moneyText(after))
	if msg.Action != types.REVIEW_ACTION_APPROVE {
		reason = fmt.Sprintf("review %s %s-%s by the insurer (notes %s): payable %s -> %s", actionWord(msg.Action), msg.Group, msg.Carc, hashText(msg.NotesHash), moneyText(before), moneyText(after))
	}
	if err := k.changeStatus(ctx, &claim, types.CLAIM_STATUS_ADJUDICATED, types.CLAIM_OUTCOME_COMPLETE, msg.Insurer, reason); err != nil {
		return nil, err
	}
	if k.settler != nil {
		if err := k.settler.ReviseClaim(ctx, claim); err != nil {
			return nil, err
		}
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventClaimReviewed{
		Id: claim.Id, Action: msg.Action, Status: claim.Status, PayableBefore: before.String(), PayableAfter: after.String(),
	}); err != nil {
		return nil, err
	}
	return &types.MsgReviewClaimResponse{Status: claim.Status, Payable: after}, nil
}

func actionWord(a types.ReviewAction) string {
	switch a {
	case types.REVIEW_ACTION_APPROVE:
		return "APPROVE"
	case types.REVIEW_ACTION_ADJUST:
		return "ADJUST"
	case types.REVIEW_ACTION_DENY:
		return "DENY"
	}
	return a.String()
}
