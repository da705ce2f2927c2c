package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/x/settlement/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the settlement Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Escrow(ctx context.Context, req *types.QueryEscrowRequest) (*types.QueryEscrowResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	e, err := q.k.escrowWithCommitted(ctx, req.InsurerId, req.Denom)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryEscrowResponse{Escrow: e}, nil
}

func (q queryServer) InsurerSettings(ctx context.Context, req *types.QueryInsurerSettingsRequest) (*types.QueryInsurerSettingsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	s, err := q.k.holdPeriod(ctx, req.InsurerId)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryInsurerSettingsResponse{Settings: s}, nil
}

func (q queryServer) ScheduledPayments(ctx context.Context, req *types.QueryScheduledPaymentsRequest) (*types.QueryScheduledPaymentsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	// The queue is keyed (insurer, due, claim): walk the insurer's prefix in due
	// order, up to the page limit (default 100, at most 1000).
	limit := uint64(100)
	if req.Pagination != nil && req.Pagination.Limit > 0 {
		limit = min(req.Pagination.Limit, 1000)
	}
	res := &types.QueryScheduledPaymentsResponse{}
	err := q.k.Queue.Walk(ctx, collections.NewPrefixedTripleRange[uint64, int64, string](req.InsurerId),
		func(_ QueueKey, p types.ScheduledPayment) (bool, error) {
			res.Payments = append(res.Payments, p)
			return uint64(len(res.Payments)) >= limit, nil
		})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return res, nil
}

func (q queryServer) ClaimPayment(ctx context.Context, req *types.QueryClaimPaymentRequest) (*types.QueryClaimPaymentResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	p, err := q.k.ClaimPayments.Get(ctx, req.ClaimId)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "claim %q is not paid", req.ClaimId)
	}
	return &types.QueryClaimPaymentResponse{Payment: p}, nil
}

func (q queryServer) Remittance(ctx context.Context, req *types.QueryRemittanceRequest) (*types.QueryRemittanceResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	r, err := q.k.Remittances.Get(ctx, req.TraceNumber)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "no remittance %q", req.TraceNumber)
	}
	return &types.QueryRemittanceResponse{Remittance: r}, nil
}

func (q queryServer) RemittancesByProvider(ctx context.Context, req *types.QueryRemittancesByProviderRequest) (*types.QueryRemittancesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return q.byIndex(ctx, req.ProviderId, req.Pagination, true)
}

func (q queryServer) RemittancesByInsurer(ctx context.Context, req *types.QueryRemittancesByInsurerRequest) (*types.QueryRemittancesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	return q.byIndex(ctx, req.InsurerId, req.Pagination, false)
}

func (q queryServer) byIndex(ctx context.Context, ref uint64, page *query.PageRequest, byProvider bool) (*types.QueryRemittancesResponse, error) {
	idx := q.k.Remittances.Indexes.Insurer
	if byProvider {
		idx = q.k.Remittances.Indexes.Provider
	}
	list, res, err := query.CollectionPaginate(ctx, idx, page,
		func(key collections.Pair[uint64, string], _ collections.NoValue) (types.Remittance, error) {
			return q.k.Remittances.Get(ctx, key.K2())
		}, query.WithCollectionPaginationPairPrefix[uint64, string](ref))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryRemittancesResponse{Remittances: list, Pagination: res}, nil
}

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
