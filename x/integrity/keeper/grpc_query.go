package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/x/integrity/rules"
	"github.com/claimchain/claimchain/x/integrity/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the integrity Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Flag(ctx context.Context, req *types.QueryFlagRequest) (*types.QueryFlagResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	f, err := q.k.Flags.Get(ctx, collections.Join(req.ClaimId, req.RuleId))
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "claim %q has no flag %q", req.ClaimId, req.RuleId)
	}
	return &types.QueryFlagResponse{Flag: f}, nil
}

func (q queryServer) ClaimFlags(ctx context.Context, req *types.QueryClaimFlagsRequest) (*types.QueryClaimFlagsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	flags, err := q.k.ClaimFlags(ctx, req.ClaimId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryClaimFlagsResponse{Flags: flags, RiskScore: rules.Score(flags)}, nil
}

func (q queryServer) FlagsByInsurer(ctx context.Context, req *types.QueryFlagsByInsurerRequest) (*types.QueryFlagsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return byIndex(ctx, q.k, q.k.Flags.Indexes.Insurer, req.InsurerId, req.Pagination)
}

func (q queryServer) FlagsByProvider(ctx context.Context, req *types.QueryFlagsByProviderRequest) (*types.QueryFlagsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return byIndex(ctx, q.k, q.k.Flags.Indexes.Provider, req.ProviderId, req.Pagination)
}

func (q queryServer) FlagsByRule(ctx context.Context, req *types.QueryFlagsByRuleRequest) (*types.QueryFlagsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return byIndex(ctx, q.k, q.k.Flags.Indexes.Rule, req.RuleId, req.Pagination)
}

// byIndex pages through one index's prefix (insurer, provider or rule), in
// (claim id, rule id) order.
func byIndex[R any](ctx context.Context, k *Keeper, idx *indexes.Multi[R, FlagKey, types.Flag],
	ref R, page *query.PageRequest,
) (*types.QueryFlagsResponse, error) {
	list, res, err := query.CollectionPaginate(ctx, idx, page,
		func(key collections.Pair[R, FlagKey], _ collections.NoValue) (types.Flag, error) {
			return k.Flags.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[R, FlagKey](ref))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryFlagsResponse{Flags: list, Pagination: res}, nil
}

func (q queryServer) ProviderStats(ctx context.Context, req *types.QueryProviderStatsRequest) (*types.QueryProviderStatsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.providerStats(ctx, req.ProviderId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryProviderStatsResponse{Stats: s,
		DenialRateBps: rules.ShareBps(s.Denied, s.Claims), PendRateBps: rules.ShareBps(s.Pended, s.Claims)}, nil
}

func (q queryServer) Thresholds(ctx context.Context, req *types.QueryThresholdsRequest) (*types.QueryThresholdsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	t, isDefault, err := q.k.GetThresholds(ctx, req.InsurerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryThresholdsResponse{Thresholds: t, IsDefault: isDefault}, nil
}
