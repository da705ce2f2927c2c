package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the claims Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Claim(ctx context.Context, req *types.QueryClaimRequest) (*types.QueryClaimResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	c, err := q.k.GetClaim(ctx, req.Id)
	if err != nil {
		if _, _, perr := attestationtypes.ParseID(types.IDPrefix, req.Id); perr != nil {
			return nil, status.Error(codes.InvalidArgument, err.Error())
		}
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryClaimResponse{Claim: c}, nil
}

func (q queryServer) ClaimsByProvider(ctx context.Context, req *types.QueryClaimsByProviderRequest) (*types.QueryClaimsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageBy(ctx, q.k, q.k.Claims.Indexes.Provider, req.ProviderId, req.Pagination)
}

func (q queryServer) ClaimsByInsurer(ctx context.Context, req *types.QueryClaimsByInsurerRequest) (*types.QueryClaimsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return pageBy(ctx, q.k, q.k.Claims.Indexes.Insurer, req.InsurerId, req.Pagination)
}

func (q queryServer) ClaimsByMember(ctx context.Context, req *types.QueryClaimsByMemberRequest) (*types.QueryClaimsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := attestationtypes.ValidatePseudonym(req.Member); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return pageBy(ctx, q.k, q.k.Claims.Indexes.Member, req.Member, req.Pagination)
}

func (q queryServer) ClaimsByStatus(ctx context.Context, req *types.QueryClaimsByStatusRequest) (*types.QueryClaimsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, ok := types.ClaimStatus_name[int32(req.Status)]; !ok || req.Status == types.CLAIM_STATUS_UNSPECIFIED {
		return nil, status.Errorf(codes.InvalidArgument, "unknown status %d", req.Status)
	}
	return pageBy(ctx, q.k, q.k.Claims.Indexes.Status, int32(req.Status), req.Pagination)
}

// pageBy pages through one submission index; pagination.reverse gives newest first.
func pageBy[R any](ctx context.Context, k *Keeper, idx *submissionIndex[R], ref R, page *query.PageRequest) (*types.QueryClaimsResponse, error) {
	claims, res, err := query.CollectionPaginate(ctx, idx.Keys, page,
		func(key collections.Pair[R, OrderKey], _ collections.NoValue) (types.Claim, error) {
			return k.Claims.Get(ctx, collections.Join(key.K2().K2(), key.K2().K3()))
		}, query.WithCollectionPaginationPairPrefix[R, OrderKey](ref))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryClaimsResponse{Claims: claims, Pagination: res}, nil
}
