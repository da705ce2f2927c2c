package keeper

import (
	"context"
	"fmt"
	"slices"
	"strings"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/claims/types"
)

// AppealClaim is the provider's request that the insurer reconsider denied
// lines of an adjudicated claim. Each line must be denied, not already
// appealed, and not re-billed on another claim; while the appeal is open its
// attested lines cannot be billed again.
func (s msgServer) AppealClaim(ctx context.Context, msg *types.MsgAppealClaim) (*types.MsgAppealClaimResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	claim, err := k.GetClaim(ctx, msg.ClaimId)
	if err != nil {
		return nil, err
	}
	if err := k.claimProvider(ctx, claim, msg.Provider); err != nil {
		return nil, err
	}
	if claim.Use != types.CLAIM_USE_CLAIM || claim.Status != types.CLAIM_STATUS_ADJUDICATED || k.adjudicator == nil {
		return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "%s is %s (%s): only adjudicated claims for care given are appealed", claim.Id, claim.Status, claim.Use)
	}
	for _, seq := range msg.Lines {
		line, ok := claimLine(claim, seq)
		if !ok {
			return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "%s has no line %d", claim.Id, seq)
		}
		denied, err := k.adjudicator.LineDenied(ctx, claim.Id, seq)
		if err != nil {
			return nil, err
		}
		if !denied {
			return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "line %d of %s is not denied", seq, claim.Id)
		}
		if n := appealOf(claim, seq); n != 0 {
			return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "line %d of %s is already on appeal %d", seq, claim.Id, n)
		}
		key, err := billedLineKey(line.AttestationId, line.AttestationLine)
		if err != nil {
			return nil, err
		}
		if holder, err := k.BilledLines.Get(ctx, key); err == nil && holder != claim.Id {
			return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "line %d of %s was billed again on %s: appeal that claim, or void it first", seq, claim.Id, holder)
		} else if err != nil && !errorsIsNotFound(err) {
			return nil, err
		}
	}
	// The appealing claim holds its lines while the appeal is open: no other
	// claim bills or appeals them (a line freed by a void is taken back).
	for _, seq := range msg.Lines {
		line, _ := claimLine(claim, seq)
		key, err := billedLineKey(line.AttestationId, line.AttestationLine)
		if err != nil {
			return nil, err
		}
		if err := k.BilledLines.Set(ctx, key, claim.Id); err != nil {
			return nil, err
		}
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	n := uint32(len(claim.Appeals) + 1)
	claim.Appeals = append(claim.Appeals, types.Appeal{
		Number: n, Lines: msg.Lines, ReasonHash: msg.ReasonHash, Status: types.APPEAL_STATUS_OPEN, FiledHeight: sdkCtx.BlockHeight(),
	})
	reason := fmt.Sprintf("appeal %d filed for lines %v (letter %s)", n, msg.Lines, hashText(msg.ReasonHash))
	if err := k.changeStatus(ctx, &claim, claim.Status, claim.Outcome, msg.Provider, reason); err != nil {
		return nil, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventAppealFiled{Id: claim.Id, Appeal: n, Lines: msg.Lines}); err != nil {
		return nil, err
	}
	return &types.MsgAppealClaimResponse{Number: n}, nil
}

// DecideAppeal is the insurer's decision on an open appeal. Upheld: the
// denials stand and the lines may be billed again (corrected). Overturned: the
// lines are adjudicated again with the rule that denied them set aside, and
// what they now pay is paid (before payment, with the claim; after payment, as
// a correction on the next remittance).
func (s msgServer) DecideAppeal(ctx context.Context, msg *types.MsgDecideAppeal) (*types.MsgDecideAppealResponse, error) {
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
	if msg.Appeal > uint32(len(claim.Appeals)) {
		return nil, errorsmod.Wrapf(types.ErrAppealNotFound, "%s has %d appeals", claim.Id, len(claim.Appeals))
	}
	ap := &claim.Appeals[msg.Appeal-1]
	if ap.Status != types.APPEAL_STATUS_OPEN {
		return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "appeal %d of %s is already %s", ap.Number, claim.Id, strings.ToLower(strings.TrimPrefix(ap.Status.String(), "APPEAL_STATUS_")))
	}
	if claim.Status == types.CLAIM_STATUS_VOIDED {
		return nil, errorsmod.Wrapf(types.ErrCannotAppeal, "%s was voided", claim.Id)
	}
	source := fmt.Sprintf("appeal %d", ap.Number)
	var res types.Revised
	if msg.Overturn {
		res, err = k.adjudicator.ReviseClaim(ctx, claim, types.Revision{Source: source, Overturn: ap.Lines})
		if err != nil {
			return nil, err
		}
		ap.Status = types.APPEAL_STATUS_OVERTURNED
	} else {
		res, err = k.adjudicator.ReviseClaim(ctx, claim, types.Revision{Source: source})
		if err != nil {
			return nil, err
		}
		ap.Status = types.APPEAL_STATUS_UPHELD
	}
	ap.DecidedHeight, ap.DecisionHash = sdk.UnwrapSDKContext(ctx).BlockHeight(), msg.NotesHash
	before, after := sdk.Coin{Denom: res.Denom, Amount: res.Before}, sdk.Coin{Denom: res.Denom, Amount: res.After}
	word := "upheld (the denials stand)"
	if msg.Overturn {
		word = "overturned"
	}
	reason := fmt.Sprintf("appeal %d %s by the insurer (notes %s): payable %s -> %s", ap.Number, word, hashText(msg.NotesHash), moneyText(before), moneyText(after))
	if err := k.changeStatus(ctx, &claim, claim.Status, claim.Outcome, msg.Insurer, reason); err != nil {
		return nil, err
	}
	if msg.Overturn && k.settler != nil {
		if err := k.settler.ReviseClaim(ctx, claim); err != nil {
			return nil, err
		}
	}
	if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventAppealDecided{
		Id: claim.Id, Appeal: ap.Number, Status: ap.Status, PayableBefore: before.String(), PayableAfter: after.String(),
	}); err != nil {
		return nil, err
	}
	return &types.MsgDecideAppealResponse{Status: claim.Status, Payable: after}, nil
}

func claimLine(c types.Claim, seq uint32) (types.ClaimLine, bool) {
	for _, l := range c.Lines {
		if l.Sequence == seq {
			return l, true
		}
	}
	return types.ClaimLine{}, false
}

// appealOf returns the number of the appeal (open or decided) that covers a
// line, 0 when none.
func appealOf(c types.Claim, seq uint32) uint32 {
	for _, a := range c.Appeals {
		if slices.Contains(a.Lines, seq) {
			return a.Number
		}
	}
	return 0
}

// openAppealOf reports whether an open appeal covers a line.
func openAppealOf(c types.Claim, seq uint32) bool {
	for _, a := range c.Appeals {
		if a.Status == types.APPEAL_STATUS_OPEN && slices.Contains(a.Lines, seq) {
			return true
		}
	}
	return false
}
