package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the attestation Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

// AttestTreatment stores a new attestation under the provider's next sequence,
// and, for an amendment, marks the attestation it supersedes. The signer is the
// provider's operator: directly, or through an authz grant to a billing service
// (authz runs this handler with the granter as the msg's provider).
func (s msgServer) AttestTreatment(goCtx context.Context, msg *types.MsgAttestTreatment) (*types.MsgAttestTreatmentResponse, error) {
	k := s.k
	ctx := sdk.UnwrapSDKContext(goCtx)
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	for range msg.Lines {
		ctx.GasMeter().ConsumeGas(types.GasPerLine, "attestation line")
	}

	signer, err := sdk.AccAddressFromBech32(msg.Provider)
	if err != nil {
		return nil, err // unreachable: Validate checked it
	}
	provider, err := k.members.ActiveProvider(ctx, signer)
	if err != nil {
		return nil, errorsmod.Wrap(types.ErrNotProvider, err.Error())
	}
	if err := k.checkInsurer(ctx, msg.InsurerId); err != nil {
		return nil, err
	}
	if err := checkDates(ctx, msg); err != nil {
		return nil, err
	}
	var old types.Attestation
	if msg.Supersedes != "" {
		if old, err = k.supersedable(ctx, msg, provider.Id); err != nil {
			return nil, err
		}
	}

	seq, err := k.nextSequence(ctx, provider.Id)
	if err != nil {
		return nil, err
	}
	codes, _ := types.NormalizeDiagnosisCodes(msg.DiagnosisCodes) // Validate checked them
	a := types.Attestation{
		Id:             types.AttestationID(provider.Id, seq),
		ProviderId:     provider.Id,
		InsurerId:      msg.InsurerId,
		Member:         msg.Member,
		EncounterDate:  msg.EncounterDate,
		PlaceOfService: msg.PlaceOfService,
		DiagnosisCodes: codes,
		Lines:          msg.Lines,
		RecordHash:     msg.RecordHash,
		ResolverUri:    msg.ResolverUri,
		Supersedes:     msg.Supersedes,
		Signer:         msg.Provider,
		Height:         ctx.BlockHeight(),
		Time:           ctx.BlockTime().UTC(),
	}
	if err := k.Attestations.Set(ctx, collections.Join(provider.Id, seq), a); err != nil {
		return nil, err
	}
	if msg.Supersedes != "" {
		old.SupersededBy = a.Id
		oldProvider, oldSeq, _ := types.ParseAttestationID(old.Id)
		if err := k.Attestations.Set(ctx, collections.Join(oldProvider, oldSeq), old); err != nil {
			return nil, err
		}
		if err := ctx.EventManager().EmitTypedEvent(&types.EventAttestationSuperseded{
			Id: old.Id, SupersededBy: a.Id,
		}); err != nil {
			return nil, err
		}
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventTreatmentAttested{
		Id: a.Id, ProviderId: a.ProviderId, InsurerId: a.InsurerId, Member: a.Member,
		Lines: uint32(len(a.Lines)), Supersedes: a.Supersedes,
	}); err != nil {
		return nil, err
	}
	return &types.MsgAttestTreatmentResponse{Id: a.Id}, nil
}

// checkInsurer requires the named insurer to be an ACTIVE insurer member.
func (k *Keeper) checkInsurer(ctx context.Context, id uint64) error {
	m, err := k.members.GetMember(ctx, id)
	switch {
	case err != nil:
		return errorsmod.Wrapf(types.ErrUnknownInsurer, "insurer %d: %s", id, err)
	case m.Kind != membershiptypes.MEMBER_KIND_INSURER:
		return errorsmod.Wrapf(types.ErrUnknownInsurer, "member %d (%s) is a %s, not an insurer", id, m.Name, m.Kind)
	case m.Status != membershiptypes.MEMBER_STATUS_ACTIVE:
		return errorsmod.Wrapf(types.ErrUnknownInsurer, "insurer %d (%s) is %s", id, m.Name, m.Status)
	}
	return nil
}

// checkDates refuses care dated after the block's date (plus a day for time zones).
func checkDates(ctx sdk.Context, msg *types.MsgAttestTreatment) error {
	if err := types.ValidateNotFuture("encounter_date", msg.EncounterDate, ctx.BlockTime()); err != nil {
		return err
	}
	for _, l := range msg.Lines {
		if err := types.ValidateNotFuture("service_date", l.ServiceDate, ctx.BlockTime()); err != nil {
			return errorsmod.Wrapf(err, "line %d", l.Sequence)
		}
	}
	return nil
}

// supersedable returns the attestation msg amends, if the amendment may
// supersede it: the same provider, insurer and member, and not yet superseded.
func (k *Keeper) supersedable(ctx context.Context, msg *types.MsgAttestTreatment, providerID uint64) (types.Attestation, error) {
	old, err := k.GetAttestation(ctx, msg.Supersedes)
	if err != nil {
		return types.Attestation{}, err
	}
	switch {
	case old.ProviderId != providerID:
		return types.Attestation{}, errorsmod.Wrapf(types.ErrSupersedeMismatch,
			"%s belongs to provider %d; only its own provider may amend it", old.Id, old.ProviderId)
	case old.InsurerId != msg.InsurerId:
		return types.Attestation{}, errorsmod.Wrapf(types.ErrSupersedeMismatch,
			"%s is for insurer %d, the amendment for insurer %d", old.Id, old.InsurerId, msg.InsurerId)
	case old.Member != msg.Member:
		return types.Attestation{}, errorsmod.Wrapf(types.ErrSupersedeMismatch,
			"%s is about another member", old.Id)
	case old.SupersededBy != "":
		return types.Attestation{}, errorsmod.Wrapf(types.ErrSuperseded,
			"%s was already superseded by %s; amend that one instead", old.Id, old.SupersededBy)
	}
	return old, nil
}
