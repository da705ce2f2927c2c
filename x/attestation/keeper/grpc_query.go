package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/x/attestation/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the attestation Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Attestation(ctx context.Context, req *types.QueryAttestationRequest) (*types.QueryAttestationResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	a, err := q.k.GetAttestation(ctx, req.Id)
	switch {
	case errors.Is(err, types.ErrInvalidID):
		return nil, status.Error(codes.InvalidArgument, err.Error())
	case errors.Is(err, types.ErrNotFound):
		return nil, status.Error(codes.NotFound, err.Error())
	case err != nil:
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryAttestationResponse{Attestation: a}, nil
}

// AttestationsByProvider pages through the provider's range of the primary
// store, in sequence order (pagination.reverse for newest first).
func (q queryServer) AttestationsByProvider(ctx context.Context, req *types.QueryAttestationsByProviderRequest) (*types.QueryAttestationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if req.ProviderId == 0 {
		return nil, status.Error(codes.InvalidArgument, "provider_id is required")
	}
	atts, page, err := query.CollectionPaginate(ctx, q.k.Attestations, req.Pagination,
		func(_ AttestationKey, a types.Attestation) (types.Attestation, error) { return a, nil },
		query.WithCollectionPaginationPairPrefix[uint64, uint64](req.ProviderId))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryAttestationsResponse{Attestations: atts, Pagination: page}, nil
}

// AttestationsByMember pages through the member index, ordered by provider id
// and then sequence.
func (q queryServer) AttestationsByMember(ctx context.Context, req *types.QueryAttestationsByMemberRequest) (*types.QueryAttestationsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidatePseudonym(req.Member); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	k := q.k
	atts, page, err := query.CollectionPaginate(ctx, k.Attestations.Indexes.Member, req.Pagination,
		func(key collections.Pair[string, AttestationKey], _ collections.NoValue) (types.Attestation, error) {
			return k.Attestations.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[string, AttestationKey](req.Member))
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryAttestationsResponse{Attestations: atts, Pagination: page}, nil
}

// TreatmentResponse returns the member's confirmation or dispute of an
// attestation; NotFound when the attestation does not exist or the member has
// not responded.
func (q queryServer) TreatmentResponse(ctx context.Context, req *types.QueryTreatmentResponseRequest) (*types.QueryTreatmentResponseResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if _, _, err := types.ParseAttestationID(req.AttestationId); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	r, found, err := q.k.response(ctx, req.AttestationId)
	switch {
	case err != nil:
		return nil, status.Error(codes.Internal, err.Error())
	case !found:
		if _, err := q.k.GetAttestation(ctx, req.AttestationId); err != nil {
			return nil, status.Error(codes.NotFound, err.Error())
		}
		return nil, status.Errorf(codes.NotFound, "the member has not responded to %s", req.AttestationId)
	}
	return &types.QueryTreatmentResponseResponse{Response: r}, nil
}
