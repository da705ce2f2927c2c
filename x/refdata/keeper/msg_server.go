package keeper

import (
	"bytes"
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/refdata/types"
)

type msgServer struct{ k *Keeper }

// NewMsgServerImpl returns the refdata Msg service.
func NewMsgServerImpl(k *Keeper) types.MsgServer { return msgServer{k: k} }

var _ types.MsgServer = msgServer{}

// UpdateParams replaces the params (governance): this is how the loader is appointed.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := s.k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, s.k.Params.Set(ctx, msg.Params)
}

// StageChunk adds chunk msg.Index to a staging version; chunk 0 opens the
// version. Work and gas grow with the chunk's rows, not with the table.
func (s msgServer) StageChunk(ctx context.Context, msg *types.MsgStageChunk) (*types.MsgStageChunkResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	params, err := k.checkLoader(ctx, msg.Loader)
	if err != nil {
		return nil, err
	}
	n := msg.Rows.Len()
	if n > int(params.MaxRowsPerChunk) {
		return nil, errorsmod.Wrapf(types.ErrInvalidChunk, "%d rows; params allow at most %d per chunk", n, params.MaxRowsPerChunk)
	}

	v, err := k.GetVersion(ctx, msg.Kind, msg.Version)
	switch {
	case err == nil:
		if v.Status != types.VERSION_STATUS_STAGING {
			return nil, errorsmod.Wrapf(types.ErrNotStaging, "%s version %d is %s", msg.Kind, msg.Version, v.Status)
		}
		if msg.Index != v.Chunks {
			return nil, errorsmod.Wrapf(types.ErrChunkOrder, "%s version %d: chunk %d expected, got %d",
				msg.Kind, msg.Version, v.Chunks, msg.Index)
		}
		if msg.Source != "" && msg.Source != v.Source {
			return nil, errorsmod.Wrapf(types.ErrInvalidSource, "%s version %d was opened with source %q, not %q",
				msg.Kind, msg.Version, v.Source, msg.Source)
		}
	case errorsmod.IsOf(err, types.ErrVersionNotFound):
		if msg.Index != 0 {
			return nil, errorsmod.Wrapf(types.ErrChunkOrder, "%s version %d is not open: chunk 0 expected, got %d",
				msg.Kind, msg.Version, msg.Index)
		}
		latest, found, err := k.latestVersion(ctx, msg.Kind)
		if err != nil {
			return nil, err
		}
		if found && latest >= msg.Version {
			return nil, errorsmod.Wrapf(types.ErrVersionExists, "%s version %d: the latest is %d; a new version must be newer",
				msg.Kind, msg.Version, latest)
		}
		v = types.TableVersion{Kind: msg.Kind, Version: msg.Version, Status: types.VERSION_STATUS_STAGING,
			Source: msg.Source, ContentHash: types.EmptyHash}
	default:
		return nil, err
	}

	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerRow*uint64(n), "refdata: stage rows")
	if err := k.storeRows(ctx, msg.Kind, msg.Version, msg.Rows); err != nil {
		return nil, errorsmod.Wrapf(err, "%s version %d chunk %d", msg.Kind, msg.Version, msg.Index)
	}
	hash, err := types.ChunkHash(v.ContentHash, msg.Rows)
	if err != nil {
		return nil, err
	}
	v.Chunks++
	v.Rows += uint64(n)
	v.ContentHash = hash
	if err := k.setVersion(ctx, v); err != nil {
		return nil, err
	}
	if err := sdkCtx.EventManager().EmitTypedEvent(&types.EventChunkStaged{
		Kind: msg.Kind, Version: msg.Version, Index: msg.Index, Rows: uint32(n),
	}); err != nil {
		return nil, err
	}
	return &types.MsgStageChunkResponse{Chunks: v.Chunks, Rows: v.Rows, ContentHash: v.ContentHash}, nil
}

// ActivateVersion puts a complete staging version in force from applies_from. The
// loader states what it sent; the chain compares it with its running values.
func (s msgServer) ActivateVersion(ctx context.Context, msg *types.MsgActivateVersion) (*types.MsgActivateVersionResponse, error) {
	k := s.k
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	if _, err := k.checkLoader(ctx, msg.Loader); err != nil {
		return nil, err
	}
	v, err := k.GetVersion(ctx, msg.Kind, msg.Version)
	if err != nil {
		return nil, err
	}
	if v.Status != types.VERSION_STATUS_STAGING {
		return nil, errorsmod.Wrapf(types.ErrNotStaging, "%s version %d is %s", msg.Kind, msg.Version, v.Status)
	}
	if msg.ExpectedChunks != v.Chunks || msg.ExpectedRows != v.Rows || !bytes.Equal(msg.ExpectedHash, v.ContentHash) {
		return nil, errorsmod.Wrapf(types.ErrIncomplete,
			"%s version %d: staged %d chunks, %d rows, hash %X; expected %d chunks, %d rows, hash %X",
			msg.Kind, msg.Version, v.Chunks, v.Rows, v.ContentHash, msg.ExpectedChunks, msg.ExpectedRows, msg.ExpectedHash)
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	v.Status = types.VERSION_STATUS_ACTIVE
	v.AppliesFrom = msg.AppliesFrom
	v.ActivatedHeight = sdkCtx.BlockHeight()
	if err := k.setVersion(ctx, v); err != nil {
		return nil, err
	}
	return &types.MsgActivateVersionResponse{}, sdkCtx.EventManager().EmitTypedEvent(&types.EventVersionActivated{
		Kind: v.Kind, Version: v.Version, AppliesFrom: v.AppliesFrom, Rows: v.Rows,
	})
}

// RevokeVersion withdraws a staging or active version (governance). Its rows
// stay in the store but are never used again.
func (s msgServer) RevokeVersion(ctx context.Context, msg *types.MsgRevokeVersion) (*types.MsgRevokeVersionResponse, error) {
	k := s.k
	if err := k.checkAuthority(ctx, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	v, err := k.GetVersion(ctx, msg.Kind, msg.Version)
	if err != nil {
		return nil, err
	}
	if v.Status != types.VERSION_STATUS_STAGING && v.Status != types.VERSION_STATUS_ACTIVE {
		return nil, errorsmod.Wrapf(types.ErrNotStaging, "%s version %d is already %s", msg.Kind, msg.Version, v.Status)
	}
	v.Status = types.VERSION_STATUS_REVOKED
	v.RevokeReason = msg.Reason
	if err := k.setVersion(ctx, v); err != nil {
		return nil, err
	}
	return &types.MsgRevokeVersionResponse{}, sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(
		&types.EventVersionRevoked{Kind: v.Kind, Version: v.Version, Reason: msg.Reason})
}
