package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the adjudication Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

func (k *Keeper) activeInsurer(ctx context.Context, addr string) (membershiptypes.Member, error) {
	acc, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return membershiptypes.Member{}, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	m, err := k.members.ActiveInsurer(ctx, acc)
	if err != nil {
		return membershiptypes.Member{}, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	return m, nil
}

// CreatePlan publishes a plan with its first version.
func (s msgServer) CreatePlan(ctx context.Context, msg *types.MsgCreatePlan) (*types.MsgCreatePlanResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	insurer, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	if has, err := k.Plans.Has(ctx, msg.PlanId); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrapf(types.ErrPlanExists, "%s", msg.PlanId)
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerPlanItem*msg.Terms.Items(), "plan items")
	plan := types.Plan{Id: msg.PlanId, InsurerId: insurer.Id, Name: msg.Name, Versions: 1}
	version := types.PlanVersion{PlanId: msg.PlanId, Version: 1, EffectiveDate: msg.EffectiveDate, Terms: msg.Terms,
		CreatedHeight: sdkCtx.BlockHeight()}
	if err := k.Plans.Set(ctx, plan.Id, plan); err != nil {
		return nil, err
	}
	if err := k.setPlanVersion(ctx, version); err != nil {
		return nil, err
	}
	return &types.MsgCreatePlanResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPlanPublished{
		PlanId: plan.Id, InsurerId: insurer.Id, Version: 1, EffectiveDate: msg.EffectiveDate,
	})
}

// AmendPlan adds a version effective from a later date.
func (s msgServer) AmendPlan(ctx context.Context, msg *types.MsgAmendPlan) (*types.MsgAmendPlanResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	insurer, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	plan, err := k.GetPlan(ctx, msg.PlanId)
	if err != nil {
		return nil, err
	}
	if plan.InsurerId != insurer.Id {
		return nil, errorsmod.Wrapf(types.ErrNotPlanOwner, "%s belongs to insurer %d", plan.Id, plan.InsurerId)
	}
	latest, err := k.PlanVersions.Get(ctx, collections.Join(plan.Id, plan.Versions))
	if err != nil {
		return nil, err
	}
	if msg.EffectiveDate <= latest.EffectiveDate {
		return nil, errorsmod.Wrapf(types.ErrInvalidEffective, "version %d takes effect %s; a new version must take effect later",
			latest.Version, latest.EffectiveDate)
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerPlanItem*msg.Terms.Items(), "plan items")
	plan.Versions++
	version := types.PlanVersion{PlanId: plan.Id, Version: plan.Versions, EffectiveDate: msg.EffectiveDate, Terms: msg.Terms,
		CreatedHeight: sdkCtx.BlockHeight()}
	if err := k.Plans.Set(ctx, plan.Id, plan); err != nil {
		return nil, err
	}
	if err := k.setPlanVersion(ctx, version); err != nil {
		return nil, err
	}
	return &types.MsgAmendPlanResponse{Version: plan.Versions}, sdkCtx.EventManager().EmitTypedEvent(&types.EventPlanPublished{
		PlanId: plan.Id, InsurerId: insurer.Id, Version: plan.Versions, EffectiveDate: msg.EffectiveDate,
	})
}

// EnrollMember records coverage under a fresh pseudonym drawn by the insurer.
func (s msgServer) EnrollMember(ctx context.Context, msg *types.MsgEnrollMember) (*types.MsgEnrollMemberResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	insurer, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	plan, err := k.GetPlan(ctx, msg.PlanId)
	if err != nil {
		return nil, err
	}
	if plan.InsurerId != insurer.Id {
		return nil, errorsmod.Wrapf(types.ErrNotPlanOwner, "%s belongs to insurer %d", plan.Id, plan.InsurerId)
	}
	if has, err := k.Coverages.Has(ctx, msg.Member); err != nil {
		return nil, err
	} else if has {
		return nil, errorsmod.Wrap(types.ErrPseudonymTaken, "draw a fresh random pseudonym for every enrolment")
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	if year := uint32(sdkCtx.BlockTime().UTC().Year()); !msg.Aged_90Plus && msg.BirthYear+90 <= year {
		return nil, errorsmod.Wrapf(types.ErrInvalidCoverage,
			"a member born in %d is 89+ this year: record the member as 90+ (aged_90_plus, no birth year), as HIPAA Safe Harbor asks",
			msg.BirthYear)
	} else if msg.BirthYear > year {
		return nil, errorsmod.Wrapf(types.ErrInvalidCoverage, "birth_year %d is in the future", msg.BirthYear)
	}
	cov := types.Coverage{
		Member: msg.Member, InsurerId: insurer.Id, PlanId: plan.Id, StartDate: msg.StartDate, EndDate: msg.EndDate,
		Sex: msg.Sex, BirthYear: msg.BirthYear, Aged_90Plus: msg.Aged_90Plus, MemberAccount: msg.MemberAccount,
		EnrolledHeight: sdkCtx.BlockHeight(),
	}
	if err := k.Coverages.Set(ctx, cov.Member, cov); err != nil {
		return nil, err
	}
	return &types.MsgEnrollMemberResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventMemberEnrolled{
		Member: cov.Member, InsurerId: insurer.Id, PlanId: plan.Id, StartDate: cov.StartDate,
	})
}

// TerminateCoverage ends coverage on a date with a reason.
func (s msgServer) TerminateCoverage(ctx context.Context, msg *types.MsgTerminateCoverage) (*types.MsgTerminateCoverageResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	insurer, err := k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	cov, err := k.Coverages.Get(ctx, msg.Member)
	if err != nil || cov.InsurerId != insurer.Id {
		return nil, errorsmod.Wrap(types.ErrCoverageNotFound, "no coverage of this member with the signing insurer")
	}
	if cov.TerminationReason != types.TERMINATION_REASON_UNSPECIFIED {
		return nil, errorsmod.Wrapf(types.ErrAlreadyTerminated, "terminated on %s (%s)", cov.EndDate, cov.TerminationReason)
	}
	if msg.EndDate < cov.StartDate {
		return nil, errorsmod.Wrapf(types.ErrInvalidCoverage, "end_date %s is before start_date %s", msg.EndDate, cov.StartDate)
	}
	cov.EndDate, cov.TerminationReason = msg.EndDate, msg.Reason
	if err := k.Coverages.Set(ctx, cov.Member, cov); err != nil {
		return nil, err
	}
	return &types.MsgTerminateCoverageResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(
		&types.EventCoverageTerminated{Member: cov.Member, EndDate: cov.EndDate, Reason: msg.Reason.String()})
}
