package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/x/membership/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the membership Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Member(ctx context.Context, req *types.QueryMemberRequest) (*types.QueryMemberResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	m, err := q.k.GetMember(ctx, req.Id)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryMemberResponse{Member: m}, nil
}

func (q queryServer) MemberByOperator(ctx context.Context, req *types.QueryMemberByOperatorRequest) (*types.QueryMemberByOperatorResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	addr, err := q.k.addressCodec.StringToBytes(req.Operator)
	if err != nil {
		return nil, status.Errorf(codes.InvalidArgument, "operator %q: %s", req.Operator, err)
	}
	m, err := q.k.MemberByOperator(ctx, addr)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	return &types.QueryMemberByOperatorResponse{Member: m}, nil
}

// Members pages through the index that matches the filter, so the cost of a
// page never depends on how many members do not match.
func (q queryServer) Members(ctx context.Context, req *types.QueryMembersRequest) (*types.QueryMembersResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, ok := types.MemberKind_name[int32(req.Kind)]; !ok {
		return nil, status.Errorf(codes.InvalidArgument, "unknown kind %d", req.Kind)
	}
	if _, ok := types.MemberStatus_name[int32(req.Status)]; !ok {
		return nil, status.Errorf(codes.InvalidArgument, "unknown status %d", req.Status)
	}
	k := q.k
	load := func(id uint64) (types.Member, error) { return k.Members.Get(ctx, id) }
	var (
		members []types.Member
		page    *query.PageResponse
		err     error
	)
	kind, st := int32(req.Kind), int32(req.Status)
	switch {
	case kind != 0 && st != 0:
		members, page, err = query.CollectionPaginate(ctx, k.Members.Indexes.KindStatus, req.Pagination,
			func(key collections.Pair[collections.Pair[int32, int32], uint64], _ collections.NoValue) (types.Member, error) {
				return load(key.K2())
			}, query.WithCollectionPaginationPairPrefix[collections.Pair[int32, int32], uint64](collections.Join(kind, st)))
	case kind != 0:
		members, page, err = query.CollectionPaginate(ctx, k.Members.Indexes.Kind, req.Pagination,
			func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.Member, error) {
				return load(key.K2())
			},
			query.WithCollectionPaginationPairPrefix[int32, uint64](kind))
	case st != 0:
		members, page, err = query.CollectionPaginate(ctx, k.Members.Indexes.Status, req.Pagination,
			func(key collections.Pair[int32, uint64], _ collections.NoValue) (types.Member, error) {
				return load(key.K2())
			},
			query.WithCollectionPaginationPairPrefix[int32, uint64](st))
	default:
		members, page, err = query.CollectionPaginate(ctx, k.Members, req.Pagination,
			func(_ uint64, m types.Member) (types.Member, error) { return m, nil })
	}
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryMembersResponse{Members: members, Pagination: page}, nil
}

func (q queryServer) PendingBurns(ctx context.Context, req *types.QueryPendingBurnsRequest) (*types.QueryPendingBurnsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	burns, page, err := query.CollectionPaginate(ctx, q.k.PendingBurns, req.Pagination,
		func(_ uint64, b types.PendingBurn) (types.PendingBurn, error) { return b, nil })
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryPendingBurnsResponse{PendingBurns: burns, Pagination: page}, nil
}

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryParamsResponse{Params: p}, nil
}
