package keeper

import (
	"context"
	"fmt"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// ClaimGetter lets the Explain query read the claim it explains.
type ClaimGetter interface {
	GetClaim(ctx context.Context, id string) (claimstypes.Claim, error)
}

type queryServer struct {
	k      *Keeper
	claims ClaimGetter
}

// NewQueryServerImpl returns the adjudication Query service; claims reads the
// claim a decision belongs to (for Explain).
func NewQueryServerImpl(k *Keeper, claims ClaimGetter) types.QueryServer {
	return queryServer{k: k, claims: claims}
}

var _ types.QueryServer = queryServer{}

func (q queryServer) Plan(ctx context.Context, req *types.QueryPlanRequest) (*types.QueryPlanResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	plan, err := q.k.GetPlan(ctx, req.PlanId)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	res := &types.QueryPlanResponse{Plan: plan}
	for v := uint32(1); v <= plan.Versions; v++ {
		pv, err := q.k.GetPlanVersion(ctx, plan.Id, v)
		if err != nil {
			return nil, status.Error(codes.Internal, err.Error())
		}
		res.Versions = append(res.Versions, pv)
	}
	return res, nil
}

func (q queryServer) PlanVersion(ctx context.Context, req *types.QueryPlanVersionRequest) (*types.QueryPlanVersionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	pv, err := q.k.GetPlanVersion(ctx, req.PlanId, req.Version)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "plan %s has no version %d", req.PlanId, req.Version)
	}
	return &types.QueryPlanVersionResponse{Version: pv}, nil
}

func (q queryServer) Plans(ctx context.Context, req *types.QueryPlansRequest) (*types.QueryPlansResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	plans, page, err := query.CollectionPaginate(ctx, q.k.Plans, req.Pagination,
		func(_ string, p types.Plan) (types.Plan, error) { return p, nil })
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	return &types.QueryPlansResponse{Plans: plans, Pagination: page}, nil
}

func (q queryServer) Coverage(ctx context.Context, req *types.QueryCoverageRequest) (*types.QueryCoverageResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	if err := attestationtypes.ValidatePseudonym(req.Member); err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	cov, err := q.k.Coverages.Get(ctx, req.Member)
	if err != nil {
		return nil, status.Error(codes.NotFound, "no coverage for this pseudonym")
	}
	return &types.QueryCoverageResponse{Coverage: cov}, nil
}

func (q queryServer) Accumulator(ctx context.Context, req *types.QueryAccumulatorRequest) (*types.QueryAccumulatorResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	cov, err := q.k.Coverages.Get(ctx, req.Member)
	if err != nil {
		return nil, status.Error(codes.NotFound, "no coverage for this pseudonym")
	}
	acc, err := q.k.accumulator(ctx, req.Member, cov.PlanId, req.Year)
	if err != nil {
		return nil, status.Error(codes.Internal, err.Error())
	}
	res := &types.QueryAccumulatorResponse{Accumulator: acc}
	if pv, err := q.k.VersionInForce(ctx, cov.PlanId, yearEnd(req.Year)); err == nil && pv != nil {
		res.DeductibleRemaining = floorZero(pv.Terms.AnnualDeductible.Sub(acc.DeductibleMet)).String()
		res.OutOfPocketRemaining = floorZero(pv.Terms.OutOfPocketMax.Sub(acc.OutOfPocketSpent)).String()
	}
	return res, nil
}

func (q queryServer) Decision(ctx context.Context, req *types.QueryDecisionRequest) (*types.QueryDecisionResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	d, err := q.k.Decisions.Get(ctx, req.ClaimId)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "no decision for claim %q", req.ClaimId)
	}
	// Stored steps are template numbers and arguments: answer in words too.
	d.RenderText()
	return &types.QueryDecisionResponse{Decision: d}, nil
}

func (q queryServer) Explain(ctx context.Context, req *types.QueryExplainRequest) (*types.QueryExplainResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	claim, err := q.claims.GetClaim(ctx, req.ClaimId)
	if err != nil {
		return nil, status.Error(codes.NotFound, err.Error())
	}
	d, err := q.k.Decisions.Get(ctx, req.ClaimId)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "claim %s has no decision (it is %s)", req.ClaimId, claim.Status)
	}
	return &types.QueryExplainResponse{Lines: types.ExplainDecision(claim, d)}, nil
}

func (q queryServer) Authorization(ctx context.Context, req *types.QueryAuthorizationRequest) (*types.QueryAuthorizationResponse, error) {
	if req == nil {
		return nil, status.Error(codes.InvalidArgument, "empty request")
	}
	a, err := q.k.Authorizations.Get(ctx, req.Id)
	if err != nil {
		return nil, status.Errorf(codes.NotFound, "no authorization %q", req.Id)
	}
	return &types.QueryAuthorizationResponse{Authorization: a}, nil
}

// yearEnd is the last date of a plan year.
func yearEnd(year int32) string { return fmt.Sprintf("%04d-12-31", year) }
