package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/integrity/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the integrity Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

// SetThresholds replaces the signing insurer's thresholds; they apply to
// claims screened from then on.
func (s msgServer) SetThresholds(ctx context.Context, msg *types.MsgSetThresholds) (*types.MsgSetThresholdsResponse, error) {
	insurer, err := s.k.activeInsurer(ctx, msg.Insurer)
	if err != nil {
		return nil, err
	}
	t := msg.Thresholds(insurer)
	if err := t.Validate(); err != nil {
		return nil, err
	}
	if err := s.k.Thresholds.Set(ctx, insurer, t); err != nil {
		return nil, err
	}
	return &types.MsgSetThresholdsResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventThresholdsSet{
		InsurerId: insurer, PendScore: t.PendScore, EmMinServices: t.EmMinServices, EmExcessBps: t.EmExcessBps,
		VolumeMinClaims: t.VolumeMinClaims, VolumeFactorBps: t.VolumeFactorBps,
	})
}
