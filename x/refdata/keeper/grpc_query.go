package keeper

import (
	"context"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	"github.com/claimchain/claimchain/x/refdata/types"
)

type queryServer struct{ k *Keeper }

// NewQueryServerImpl returns the refdata Query service.
func NewQueryServerImpl(k *Keeper) types.QueryServer { return queryServer{k: k} }

var _ types.QueryServer = queryServer{}

func (q queryServer) Params(ctx context.Context, _ *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	p, err := q.k.Params.Get(ctx)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryParamsResponse{Params: p}, nil
}

// TableVersions lists a kind's versions, oldest first (a handful: one per release).
func (q queryServer) TableVersions(ctx context.Context, req *types.QueryTableVersionsRequest) (*types.QueryTableVersionsResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidateKind(req.Kind); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	res := &types.QueryTableVersionsResponse{}
	err := q.k.Versions.Walk(ctx, collections.NewPrefixedPairRange[int32, uint32](int32(req.Kind)),
		func(_ VersionKey, v types.TableVersion) (bool, error) {
			res.Versions = append(res.Versions, v)
			return false, nil
		})
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return res, nil
}

func (q queryServer) TableVersion(ctx context.Context, req *types.QueryTableVersionRequest) (*types.QueryTableVersionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := types.ValidateKind(req.Kind); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	v, err := q.k.GetVersion(ctx, req.Kind, req.Version)
	if errorsmod.IsOf(err, types.ErrVersionNotFound) {
		return nil, status.Error(codes.NotFound, err.Error())
	} else if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryTableVersionResponse{Version: v}, nil
}

func (q queryServer) Ptp(ctx context.Context, req *types.QueryPtpRequest) (*types.QueryPtpResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Column1, req.Column2); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.PTP(ctx, req.Column1, req.Column2, req.Date)
	if err := lookupErr(types.TABLE_KIND_PTP, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryPtpResponse{Version: version, Found: found, Row: row}, nil
}

func (q queryServer) Mue(ctx context.Context, req *types.QueryMueRequest) (*types.QueryMueResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Code); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.MUE(ctx, req.Code, req.Date)
	if err := lookupErr(types.TABLE_KIND_MUE, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryMueResponse{Version: version, Found: found, Row: row}, nil
}

func (q queryServer) AddOn(ctx context.Context, req *types.QueryAddOnRequest) (*types.QueryAddOnResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Code); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.AddOn(ctx, req.Code, req.Date)
	if err := lookupErr(types.TABLE_KIND_ADD_ON, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryAddOnResponse{Version: version, Found: found, Row: row}, nil
}

func (q queryServer) Exclusion(ctx context.Context, req *types.QueryExclusionRequest) (*types.QueryExclusionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date); err != nil {
		return nil, err
	}
	if err := membershiptypes.ValidateNPI(req.Npi); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	version, row, excluded, err := q.k.Exclusion(ctx, req.Npi, req.Date)
	if err := lookupErr(types.TABLE_KIND_EXCLUSION, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryExclusionResponse{Version: version, Excluded: excluded, Row: row}, nil
}

func (q queryServer) AgeSex(ctx context.Context, req *types.QueryAgeSexRequest) (*types.QueryAgeSexResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Code); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.AgeSex(ctx, req.Code, req.Date)
	if err := lookupErr(types.TABLE_KIND_AGE_SEX, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryAgeSexResponse{Version: version, Found: found, Row: row}, nil
}

func (q queryServer) TypicalMinutes(ctx context.Context, req *types.QueryTypicalMinutesRequest) (*types.QueryTypicalMinutesResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Code); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.TypicalMinutes(ctx, req.Code, req.Date)
	if err := lookupErr(types.TABLE_KIND_TYPICAL_MINUTES, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryTypicalMinutesResponse{Version: version, Found: found, Row: row}, nil
}

func (q queryServer) EmLevel(ctx context.Context, req *types.QueryEmLevelRequest) (*types.QueryEmLevelResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := checkLookup(req.Date, req.Code); err != nil {
		return nil, err
	}
	version, row, found, err := q.k.EMLevel(ctx, req.Code, req.Date)
	if err := lookupErr(types.TABLE_KIND_EM_LEVEL, req.Date, version, err); err != nil {
		return nil, err
	}
	return &types.QueryEmLevelResponse{Version: version, Found: found, Row: row}, nil
}

// checkLookup refuses a bad date or procedure code with InvalidArgument.
func checkLookup(date string, procedureCodes ...string) error {
	if err := types.ValidateDate("date", date); err != nil {
		return status.Error(codes.InvalidArgument, err.Error())
	}
	for _, c := range procedureCodes {
		if err := attestationtypes.ValidateProcedureCode(c); err != nil {
			return status.Error(codes.InvalidArgument, err.Error())
		}
	}
	return nil
}

// lookupErr answers NotFound when no version of the table is in force on the
// date; a version in force without a matching row is an answer (found = false).
func lookupErr(kind types.TableKind, date string, version uint32, err error) error {
	switch {
	case err != nil:
		return status.Error(codes.Internal, err.Error())
	case version == 0:
		return status.Errorf(codes.NotFound, "no %s version is in force on %s", kind, date)
	}
	return nil
}
