package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the claims Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

// SubmitClaim checks a claim (stateless, then against members and
// attestations), stores it and, when an adjudicator is installed, adjudicates
// it in the same transaction.
func (s msgServer) SubmitClaim(ctx context.Context, msg *types.MsgSubmitClaim) (*types.MsgSubmitClaimResponse, error) {
	k := s.k
	diagnoses, err := msg.Validate()
	if err != nil {
		return nil, err
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerLine*uint64(len(msg.Lines)), "claim lines")

	signer, err := sdk.AccAddressFromBech32(msg.Provider)
	if err != nil {
		return nil, err
	}
	provider, err := k.members.ActiveProvider(ctx, signer)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrNotProvider, err.Error())
	}
	insurer, err := k.members.GetMember(ctx, msg.InsurerId)
	if err != nil || insurer.Kind != membershiptypes.MEMBER_KIND_INSURER || insurer.Status != membershiptypes.MEMBER_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrUnknownInsurer, "member %d is not an ACTIVE insurer", msg.InsurerId)
	}

	lines := make([]types.ClaimLine, len(msg.Lines))
	var billedKeys []BilledLineKey
	var atts attestationCache
	total := msg.Lines[0].Billed
	for i, l := range msg.Lines {
		if i > 0 {
			total = total.Add(l.Billed)
		}
		lines[i] = types.ClaimLine{
			Sequence: uint32(i + 1), AttestationId: l.AttestationId, AttestationLine: l.AttestationLine,
			Code: l.Code, Modifiers: l.Modifiers, Units: l.Units, ServiceDate: l.ServiceDate,
			Billed: l.Billed, PreauthRef: l.PreauthRef,
		}
		if msg.Use.IsPreService() {
			continue // requests before care bill no attested line
		}
		key, npi, err := k.checkAttestedLine(ctx, &atts, provider.Id, msg, l)
		if err != nil {
			return nil, errorsmod.Wrapf(err, "line %d", i+1)
		}
		lines[i].RenderingNpi = npi
		billedKeys = append(billedKeys, key)
	}

	_, id, err := k.nextClaimID(ctx, provider.Id)
	if err != nil {
		return nil, err
	}
	claim := types.Claim{
		Id: id, ProviderId: provider.Id, InsurerId: insurer.Id, Use: msg.Use, Member: msg.Member,
		DiagnosisCodes: diagnoses, Lines: lines, TotalBilled: total,
		Status: types.CLAIM_STATUS_SUBMITTED, Outcome: types.CLAIM_OUTCOME_QUEUED,
		Submitter: msg.Provider, SubmittedHeight: sdkCtx.BlockHeight(), SubmittedTime: sdkCtx.BlockTime(),
	}
	claim.History = []types.StatusChange{{
		Status: types.CLAIM_STATUS_SUBMITTED, Actor: msg.Provider, Height: claim.SubmittedHeight,
		Time: claim.SubmittedTime, Reason: "submitted",
	}}
	var decision *types.DecisionSummary
	if k.adjudicator != nil {
		res, err := k.adjudicator.Adjudicate(ctx, claim)
		if err != nil {
			return nil, err
		}
		decision = &res.Decision
		claim.Status, claim.Outcome = res.Status, res.Outcome
		claim.History = append(claim.History, types.StatusChange{
			Status: res.Status, Actor: msg.Provider, Height: claim.SubmittedHeight, Time: claim.SubmittedTime, Reason: res.Reason,
		})
	}
	if k.integrity != nil && claim.Use == types.CLAIM_USE_CLAIM && decision != nil {
		reasons, err := k.integrity.ScreenClaim(ctx, claim, *decision)
		if err != nil {
			return nil, err
		}
		disputed, err := k.disputeReasons(ctx, claim)
		if err != nil {
			return nil, err
		}
		reasons = append(reasons, disputed...)
		if len(reasons) > 0 {
			claim.Status, claim.Outcome = types.CLAIM_STATUS_PENDED, types.CLAIM_OUTCOME_QUEUED
			claim.History = append(claim.History, types.StatusChange{
				Status: claim.Status, Actor: msg.Provider, Height: claim.SubmittedHeight, Time: claim.SubmittedTime,
				Reason: pendReasonText(reasons),
			})
		}
	}
	if err := k.saveClaim(ctx, claim, decision); err != nil {
		return nil, err
	}
	for _, key := range billedKeys {
		if err := k.BilledLines.Set(ctx, key, id); err != nil {
			return nil, err
		}
	}
	if k.settler != nil && claim.Status == types.CLAIM_STATUS_ADJUDICATED {
		if err := k.settler.ScheduleClaim(ctx, claim, *decision); err != nil {
			return nil, err
		}
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventClaimSubmitted{
		Id: id, ProviderId: provider.Id, InsurerId: insurer.Id, Member: msg.Member, Use: msg.Use,
		Lines: uint32(len(lines)), TotalBilled: total.String(), Status: claim.Status, Outcome: claim.Outcome,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSubmitClaimResponse{Id: id, Status: claim.Status, Outcome: claim.Outcome}, nil
}

// checkAttestedLine verifies that a claim line bills an attested service line
// of the same provider, member and insurer, that still stands, matches the
// line's code, units and date, and is not billed on another live claim.
func (k *Keeper) checkAttestedLine(ctx context.Context, atts *attestationCache, providerID uint64, msg *types.MsgSubmitClaim, l types.SubmittedLine) (BilledLineKey, string, error) {
	att, err := atts.get(ctx, k.attestations, l.AttestationId)
	if err != nil {
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationNotFound, "%s: %s", l.AttestationId, err)
	}
	switch {
	case att.ProviderId != providerID:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch,
			"%s was attested by provider %d, not by the submitting provider %d", att.Id, att.ProviderId, providerID)
	case att.Member != msg.Member:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "%s is about another member", att.Id)
	case att.InsurerId != msg.InsurerId:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "%s names insurer %d, not %d", att.Id, att.InsurerId, msg.InsurerId)
	case att.SupersededBy != "":
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationSuperseded, "%s was superseded by %s; bill the amendment", att.Id, att.SupersededBy)
	case l.AttestationLine == 0 || int(l.AttestationLine) > len(att.Lines):
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "%s has no line %d", att.Id, l.AttestationLine)
	}
	attested := att.Lines[l.AttestationLine-1]
	switch {
	case attested.Code != l.Code:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "code %s, but %s line %d attests %s",
			l.Code, att.Id, l.AttestationLine, attested.Code)
	case attested.Units != l.Units:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "%d units, but %s line %d attests %d",
			l.Units, att.Id, l.AttestationLine, attested.Units)
	case attested.ServiceDate != l.ServiceDate:
		return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAttestationMismatch, "date of service %s, but %s line %d attests %s",
			l.ServiceDate, att.Id, l.AttestationLine, attested.ServiceDate)
	}
	key, err := billedLineKey(att.Id, l.AttestationLine)
	if err != nil {
		return BilledLineKey{}, "", err
	}
	if earlierID, err := k.BilledLines.Get(ctx, key); err == nil {
		earlier, err := k.GetClaim(ctx, earlierID)
		if err != nil {
			return BilledLineKey{}, "", err
		}
		released, err := k.releasesLine(ctx, earlier, key)
		if err != nil {
			return BilledLineKey{}, "", err
		}
		if !released {
			return BilledLineKey{}, "", errorsmod.Wrapf(types.ErrAlreadyBilled, "%s is billed on %s (%s); void that claim first",
				lineName(key), earlier.Id, earlier.Status)
		}
	} else if !errorsIsNotFound(err) {
		return BilledLineKey{}, "", err
	}
	return key, attested.RenderingNpi, nil
}

// attestationCache holds the attestations one claim bills, read once each:
// a claim's lines usually bill the lines of one attestation.
type attestationCache struct {
	ids  []string
	atts []attestationtypes.Attestation
}

func (c *attestationCache) get(ctx context.Context, k types.AttestationKeeper, id string) (attestationtypes.Attestation, error) {
	for i, have := range c.ids {
		if have == id {
			return c.atts[i], nil
		}
	}
	att, err := k.GetAttestation(ctx, id)
	if err != nil {
		return att, err
	}
	c.ids, c.atts = append(c.ids, id), append(c.atts, att)
	return att, nil
}

// releasesLine reports whether an earlier claim no longer holds an attested
// line, so it may be billed again: the claim was voided, or the line that
// billed it was denied and no open appeal holds it.
func (k *Keeper) releasesLine(ctx context.Context, earlier types.Claim, key BilledLineKey) (bool, error) {
	if earlier.Status == types.CLAIM_STATUS_VOIDED {
		return true, nil
	}
	if k.adjudicator == nil {
		return false, nil
	}
	for _, l := range earlier.Lines {
		// collections keys hold pointers: compare their parts, not the structs.
		if k2, err := billedLineKey(l.AttestationId, l.AttestationLine); err == nil &&
			k2.K1() == key.K1() && k2.K2() == key.K2() && k2.K3() == key.K3() {
			if openAppealOf(earlier, l.Sequence) {
				return false, nil
			}
			return k.adjudicator.LineDenied(ctx, earlier.Id, l.Sequence)
		}
	}
	return false, nil
}

// VoidClaim withdraws a claim that is not yet paid; only the provider that
// submitted it may. Its attested lines may then be billed again.
func (s msgServer) VoidClaim(ctx context.Context, msg *types.MsgVoidClaim) (*types.MsgVoidClaimResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	claim, err := k.GetClaim(ctx, msg.ClaimId)
	if err != nil {
		return nil, err
	}
	provider, err := k.members.GetMember(ctx, claim.ProviderId)
	if err != nil {
		return nil, err
	}
	if provider.Operator != msg.Provider {
		return nil, errorsmod.Wrapf(types.ErrNotSubmitter, "%s was submitted by provider %d (%s)", claim.Id, provider.Id, provider.Name)
	}
	if claim.Status == types.CLAIM_STATUS_VOIDED {
		return nil, errorsmod.Wrapf(types.ErrCannotVoid, "%s is already VOIDED", claim.Id)
	}
	if k.settler != nil {
		if err := k.settler.CancelClaim(ctx, claim); err != nil {
			return nil, errorsmod.Wrap(types.ErrCannotVoid, err.Error())
		}
	}
	from := claim.Status
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	claim.Status = types.CLAIM_STATUS_VOIDED
	claim.History = append(claim.History, types.StatusChange{
		Status: types.CLAIM_STATUS_VOIDED, Actor: msg.Provider, Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime(), Reason: msg.Reason,
	})
	if err := k.saveClaim(ctx, claim, nil); err != nil {
		return nil, err
	}
	for _, l := range claim.Lines {
		if l.AttestationId == "" {
			continue
		}
		key, err := billedLineKey(l.AttestationId, l.AttestationLine)
		if err != nil {
			return nil, err
		}
		if holder, err := k.BilledLines.Get(ctx, key); err == nil && holder == claim.Id {
			if err := k.BilledLines.Remove(ctx, key); err != nil {
				return nil, err
			}
		}
	}
	if k.adjudicator != nil {
		if err := k.adjudicator.ReleaseClaim(ctx, claim); err != nil {
			return nil, err
		}
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventClaimStatusChanged{
		Id: claim.Id, From: from, To: claim.Status, Outcome: claim.Outcome, Reason: msg.Reason,
	}); err != nil {
		return nil, err
	}
	return &types.MsgVoidClaimResponse{}, nil
}
