package keeper_test

import (
	"errors"

	"context"
	"testing"

	"github.com/stretchr/testify/suite"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/membership/keeper"
	"github.com/claimchain/claimchain/x/membership/types"
)

// QuerySuite reads a registry of six members (ids in admission order):
//
//	1 insurer  ACTIVE    (founding member, the fixture's validator)
//	2 insurer  ACTIVE
//	3 provider ACTIVE
//	4 provider SUSPENDED
//	5 insurer  SUSPENDED
//	6 provider REMOVED   (never had a validator, so no pending burn)
//
// The tests only read, so the registry is built once for the suite.
type QuerySuite struct {
	suite.Suite
	f   *apptest.Fixture
	k   *keeper.Keeper
	q   types.QueryServer
	ops map[uint64]apptest.Account
}

func TestQuerySuite(t *testing.T) { suite.Run(t, new(QuerySuite)) }

func (s *QuerySuite) SetupSuite() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.MembershipKeeper
	s.q = keeper.NewQueryServerImpl(s.k)
	s.ops = map[uint64]apptest.Account{1: s.f.Validator}

	s.admit(2, types.MsgAdmitMember{Kind: types.MEMBER_KIND_INSURER, Name: "Acme Health", PayerId: "ACME1"})
	s.admit(3, types.MsgAdmitMember{Kind: types.MEMBER_KIND_PROVIDER, Name: "Riverside Clinic", Npi: "1234567893"})
	s.admit(4, types.MsgAdmitMember{Kind: types.MEMBER_KIND_PROVIDER, Name: "Hillside Clinic", Npi: "1987654328"})
	s.admit(5, types.MsgAdmitMember{Kind: types.MEMBER_KIND_INSURER, Name: "Acme Mutual", NaicCode: "12345"})
	s.admit(6, types.MsgAdmitMember{Kind: types.MEMBER_KIND_PROVIDER, Name: "Lakeside Clinic", Npi: "1543210987"})

	srv := keeper.NewMsgServerImpl(s.k)
	for _, id := range []uint64{4, 5} {
		s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
			_, err := srv.SuspendMember(ctx, &types.MsgSuspendMember{Authority: s.f.Gov, MemberId: id, Reason: "audit"})
			return err
		}))
	}
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := srv.RemoveMember(ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: 6, Reason: "left"})
		return err
	}))
}

// admit admits msg with a fresh operator through the Msg service, as a
// transaction would, and checks it got the expected id.
func (s *QuerySuite) admit(wantID uint64, msg types.MsgAdmitMember) {
	op := apptest.NewAccount()
	msg.Authority, msg.Operator, msg.AgreementHash = s.f.Gov, op.String(), apptest.AgreementHash(msg.Name)
	var res *types.MsgAdmitMemberResponse
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) (err error) {
		res, err = keeper.NewMsgServerImpl(s.k).AdmitMember(ctx, &msg)
		return err
	}))
	s.Require().Equal(wantID, res.MemberId)
	s.ops[wantID] = op
}

func ids(members []types.Member) []uint64 {
	out := make([]uint64, 0, len(members))
	for _, m := range members {
		out = append(out, m.Id)
	}
	return out
}

func (s *QuerySuite) requireCode(err error, code codes.Code) {
	s.T().Helper()
	s.Require().Error(err)
	st, ok := status.FromError(err)
	s.Require().True(ok, "not a gRPC status error: %v", err)
	s.Require().Equal(code, st.Code(), st.Message())
}

func (s *QuerySuite) TestMember() {
	cases := []struct {
		name   string
		id     uint64
		code   codes.Code
		kind   types.MemberKind
		status types.MemberStatus
	}{
		{"founding insurer", 1, codes.OK, types.MEMBER_KIND_INSURER, types.MEMBER_STATUS_ACTIVE},
		{"active provider", 3, codes.OK, types.MEMBER_KIND_PROVIDER, types.MEMBER_STATUS_ACTIVE},
		{"suspended provider", 4, codes.OK, types.MEMBER_KIND_PROVIDER, types.MEMBER_STATUS_SUSPENDED},
		{"removed provider", 6, codes.OK, types.MEMBER_KIND_PROVIDER, types.MEMBER_STATUS_REMOVED},
		{"unknown id", 99, codes.NotFound, 0, 0},
		{"id zero", 0, codes.NotFound, 0, 0},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.Member(s.f.Ctx, &types.QueryMemberRequest{Id: tc.id})
			if tc.code != codes.OK {
				s.requireCode(err, tc.code)
				s.Require().ErrorContains(err, "member not found")
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(tc.id, res.Member.Id)
			s.Require().Equal(tc.kind, res.Member.Kind)
			s.Require().Equal(tc.status, res.Member.Status)
			s.Require().Equal(s.ops[tc.id].String(), res.Member.Operator)
		})
	}
	s.Run("suspension reason is recorded", func() {
		res, err := s.q.Member(s.f.Ctx, &types.QueryMemberRequest{Id: 5})
		s.Require().NoError(err)
		s.Require().Equal("audit", res.Member.StatusReason)
		s.Require().Equal("12345", res.Member.NaicCode)
		s.Require().Empty(res.Member.PayerId)
	})
	s.Run("nil request", func() {
		_, err := s.q.Member(s.f.Ctx, nil)
		s.requireCode(err, codes.InvalidArgument)
	})
}

func (s *QuerySuite) TestMemberByOperator() {
	otherPrefix, err := bech32.ConvertAndEncode("cosmos", s.ops[3].Address)
	s.Require().NoError(err)
	cases := []struct {
		name     string
		operator string
		code     codes.Code
		wantID   uint64
	}{
		{"founding insurer", s.f.Validator.String(), codes.OK, 1},
		{"active provider", s.ops[3].String(), codes.OK, 3},
		{"suspended insurer", s.ops[5].String(), codes.OK, 5},
		{"removed provider", s.ops[6].String(), codes.OK, 6},
		{"unknown account", apptest.NewAccount().String(), codes.NotFound, 0},
		{"gov module account", s.f.Gov, codes.NotFound, 0},
		{"not bech32", "not-an-address", codes.InvalidArgument, 0},
		{"empty", "", codes.InvalidArgument, 0},
		{"other chain's prefix", otherPrefix, codes.InvalidArgument, 0},
		{"validator operator prefix", sdk.ValAddress(s.ops[3].Address).String(), codes.InvalidArgument, 0},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.MemberByOperator(s.f.Ctx, &types.QueryMemberByOperatorRequest{Operator: tc.operator})
			if tc.code != codes.OK {
				s.requireCode(err, tc.code)
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(tc.wantID, res.Member.Id)
			s.Require().Equal(tc.operator, res.Member.Operator)
		})
	}
	s.Run("nil request", func() {
		_, err := s.q.MemberByOperator(s.f.Ctx, nil)
		s.requireCode(err, codes.InvalidArgument)
	})
}

func (s *QuerySuite) TestMembersFilters() {
	var (
		insurer  = types.MEMBER_KIND_INSURER
		provider = types.MEMBER_KIND_PROVIDER
		active   = types.MEMBER_STATUS_ACTIVE
		susp     = types.MEMBER_STATUS_SUSPENDED
		removed  = types.MEMBER_STATUS_REMOVED
	)
	cases := []struct {
		name   string
		kind   types.MemberKind
		status types.MemberStatus
		want   []uint64
	}{
		{"no filter", 0, 0, []uint64{1, 2, 3, 4, 5, 6}},
		{"insurers", insurer, 0, []uint64{1, 2, 5}},
		{"providers", provider, 0, []uint64{3, 4, 6}},
		{"active", 0, active, []uint64{1, 2, 3}},
		{"suspended", 0, susp, []uint64{4, 5}},
		{"removed", 0, removed, []uint64{6}},
		{"active insurers", insurer, active, []uint64{1, 2}},
		{"active providers", provider, active, []uint64{3}},
		{"suspended insurers", insurer, susp, []uint64{5}},
		{"suspended providers", provider, susp, []uint64{4}},
		{"removed providers", provider, removed, []uint64{6}},
		{"removed insurers: none", insurer, removed, []uint64{}},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.Members(s.f.Ctx, &types.QueryMembersRequest{Kind: tc.kind, Status: tc.status})
			s.Require().NoError(err)
			s.Require().Equal(tc.want, ids(res.Members))
			for _, m := range res.Members {
				if tc.kind != 0 {
					s.Require().Equal(tc.kind, m.Kind)
				}
				if tc.status != 0 {
					s.Require().Equal(tc.status, m.Status)
				}
			}
			s.Require().NotNil(res.Pagination)
			s.Require().Empty(res.Pagination.NextKey, "everything fits in the default page")
		})
	}
}

func (s *QuerySuite) TestMembersInvalidArguments() {
	cases := []struct {
		name string
		req  *types.QueryMembersRequest
	}{
		{"nil request", nil},
		{"unknown kind", &types.QueryMembersRequest{Kind: types.MemberKind(3)}},
		{"negative kind", &types.QueryMembersRequest{Kind: types.MemberKind(-1)}},
		{"unknown status", &types.QueryMembersRequest{Status: types.MemberStatus(4)}},
		{"unknown status with a valid kind", &types.QueryMembersRequest{Kind: types.MEMBER_KIND_PROVIDER, Status: types.MemberStatus(42)}},
		{"unknown kind with a valid status", &types.QueryMembersRequest{Kind: types.MemberKind(42), Status: types.MEMBER_STATUS_ACTIVE}},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			_, err := s.q.Members(s.f.Ctx, tc.req)
			s.requireCode(err, codes.InvalidArgument)
		})
	}
}

// pageAll pages through a Members query with the given limit, following the
// next key, and returns the ids page by page.
func (s *QuerySuite) pageAll(req types.QueryMembersRequest, limit uint64) [][]uint64 {
	var pages [][]uint64
	var key []byte
	for range 20 {
		req.Pagination = &query.PageRequest{Key: key, Limit: limit}
		res, err := s.q.Members(s.f.Ctx, &req)
		s.Require().NoError(err)
		s.Require().LessOrEqual(uint64(len(res.Members)), limit)
		pages = append(pages, ids(res.Members))
		key = res.Pagination.NextKey
		if len(key) == 0 {
			return pages
		}
	}
	s.FailNow("pagination does not terminate")
	return nil
}

func (s *QuerySuite) TestMembersPagination() {
	cases := []struct {
		name   string
		kind   types.MemberKind
		status types.MemberStatus
		pages  [][]uint64
	}{
		{"no filter", 0, 0, [][]uint64{{1, 2}, {3, 4}, {5, 6}}},
		{"by kind", types.MEMBER_KIND_INSURER, 0, [][]uint64{{1, 2}, {5}}},
		{"by status", 0, types.MEMBER_STATUS_ACTIVE, [][]uint64{{1, 2}, {3}}},
		{"by kind and status", types.MEMBER_KIND_INSURER, types.MEMBER_STATUS_ACTIVE, [][]uint64{{1, 2}}},
		{"by kind and status, one page", types.MEMBER_KIND_PROVIDER, types.MEMBER_STATUS_SUSPENDED, [][]uint64{{4}}},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			pages := s.pageAll(types.QueryMembersRequest{Kind: tc.kind, Status: tc.status}, 2)
			s.Require().Equal(tc.pages, pages)
			seen := map[uint64]bool{}
			for _, page := range pages {
				for _, id := range page {
					s.Require().False(seen[id], "member %d returned twice", id)
					seen[id] = true
				}
			}
		})
	}

	s.Run("first page counts the total", func() {
		res, err := s.q.Members(s.f.Ctx, &types.QueryMembersRequest{Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
		s.Require().NoError(err)
		s.Require().Equal([]uint64{1, 2}, ids(res.Members))
		s.Require().EqualValues(6, res.Pagination.Total)
		s.Require().NotEmpty(res.Pagination.NextKey)
	})
	s.Run("offset", func() {
		res, err := s.q.Members(s.f.Ctx, &types.QueryMembersRequest{Pagination: &query.PageRequest{Offset: 4, Limit: 10}})
		s.Require().NoError(err)
		s.Require().Equal([]uint64{5, 6}, ids(res.Members))
	})
	s.Run("reverse", func() {
		res, err := s.q.Members(s.f.Ctx, &types.QueryMembersRequest{
			Status:     types.MEMBER_STATUS_ACTIVE,
			Pagination: &query.PageRequest{Limit: 2, Reverse: true},
		})
		s.Require().NoError(err)
		s.Require().Equal([]uint64{3, 2}, ids(res.Members))
	})
}

func (s *QuerySuite) TestParams() {
	res, err := s.q.Params(s.f.Ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal(types.DefaultParams(), res.Params)
}

func (s *QuerySuite) TestPendingBurnsEmpty() {
	res, err := s.q.PendingBurns(s.f.Ctx, &types.QueryPendingBurnsRequest{})
	s.Require().NoError(err)
	s.Require().Empty(res.PendingBurns, "member 6 had no validator, so its removal burned its bond at once")

	_, err = s.q.PendingBurns(s.f.Ctx, nil)
	s.requireCode(err, codes.InvalidArgument)
}

func (s *QuerySuite) TestActiveProviderAndInsurer() {
	type check func(context.Context, sdk.AccAddress) (types.Member, error)
	provider, insurer := check(s.k.ActiveProvider), check(s.k.ActiveInsurer)
	either := func(ctx context.Context, addr sdk.AccAddress) (types.Member, error) {
		return s.k.ActiveMember(ctx, addr, types.MEMBER_KIND_UNSPECIFIED)
	}
	cases := []struct {
		name   string
		check  check
		addr   sdk.AccAddress
		wantID uint64
		errIs  error
		msg    string
	}{
		{"provider is an active provider", provider, s.ops[3].Address, 3, nil, ""},
		{"insurer is an active insurer", insurer, s.ops[2].Address, 2, nil, ""},
		{"founding insurer is an active insurer", insurer, s.f.Validator.Address, 1, nil, ""},
		{"provider is not an insurer", insurer, s.ops[3].Address, 0, types.ErrKindMismatch, "is MEMBER_KIND_PROVIDER, not MEMBER_KIND_INSURER"},
		{"insurer is not a provider", provider, s.ops[2].Address, 0, types.ErrKindMismatch, "is MEMBER_KIND_INSURER, not MEMBER_KIND_PROVIDER"},
		{"suspended provider", provider, s.ops[4].Address, 0, types.ErrNotActiveMember, "MEMBER_STATUS_SUSPENDED"},
		{"suspended insurer", insurer, s.ops[5].Address, 0, types.ErrNotActiveMember, "MEMBER_STATUS_SUSPENDED"},
		{"suspended provider asked as insurer: status first", insurer, s.ops[4].Address, 0, types.ErrNotActiveMember, "SUSPENDED"},
		{"removed provider", provider, s.ops[6].Address, 0, types.ErrNotActiveMember, "MEMBER_STATUS_REMOVED"},
		{"unknown address as provider", provider, apptest.NewAccount().Address, 0, types.ErrNotActiveMember, "is not a consortium member"},
		{"unknown address as insurer", insurer, apptest.NewAccount().Address, 0, types.ErrNotActiveMember, "is not a consortium member"},
		{"any kind: provider", either, s.ops[3].Address, 3, nil, ""},
		{"any kind: insurer", either, s.ops[2].Address, 2, nil, ""},
		{"any kind: suspended", either, s.ops[5].Address, 0, types.ErrNotActiveMember, "SUSPENDED"},
		{"any kind: unknown", either, apptest.NewAccount().Address, 0, types.ErrNotActiveMember, "not a consortium member"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			m, err := tc.check(s.f.Ctx, tc.addr)
			if tc.errIs != nil {
				s.Require().ErrorIs(err, tc.errIs)
				s.Require().ErrorContains(err, tc.msg)
				s.Require().Zero(m.Id, "no member is returned with an error")
				if errors.Is(tc.errIs, types.ErrNotActiveMember) {
					s.Require().NotErrorIs(err, types.ErrKindMismatch)
				}
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(tc.wantID, m.Id)
			s.Require().Equal(types.MEMBER_STATUS_ACTIVE, m.Status)
		})
	}
}
