package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/suite"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/attestation/keeper"
	"github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// QuerySuite reads seven attestations by two providers (members 2 and 3):
//
//	ATT-2-1 memberA
//	ATT-2-2 memberB
//	ATT-2-3 memberA  superseded by ATT-2-4
//	ATT-2-4 memberA  supersedes ATT-2-3
//	ATT-2-5 memberB
//	ATT-3-1 memberA
//	ATT-3-2 memberB
//
// The tests only read, so the attestations are made once for the suite.
type QuerySuite struct {
	attestationSuite
	q types.QueryServer
}

func TestQuerySuite(t *testing.T) { suite.Run(t, new(QuerySuite)) }

func (s *QuerySuite) SetupSuite() {
	s.setup()
	s.q = keeper.NewQueryServerImpl(s.k)
	other, otherID := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiHillside)
	s.Require().Equal(uint64(3), otherID)

	by := func(op apptest.Account, member, supersedes string) {
		m := s.validMsg()
		m.Provider, m.Member, m.Supersedes = op.String(), member, supersedes
		_, err := s.attest(m)
		s.Require().NoError(err)
	}
	by(s.provider, memberA, "")
	by(s.provider, memberB, "")
	by(s.provider, memberA, "")
	by(s.provider, memberA, "ATT-2-3")
	by(s.provider, memberB, "")
	by(other, memberA, "")
	by(other, memberB, "")
}

func attIDs(atts []types.Attestation) []string {
	out := make([]string, 0, len(atts))
	for _, a := range atts {
		out = append(out, a.Id)
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

func (s *QuerySuite) TestAttestation() {
	cases := []struct {
		name           string
		id             string
		code           codes.Code
		supersededBy   string
		wantSupersedes string
	}{
		{"current", "ATT-2-1", codes.OK, "", ""},
		{"superseded stays readable", "ATT-2-3", codes.OK, "ATT-2-4", ""},
		{"amendment", "ATT-2-4", codes.OK, "", "ATT-2-3"},
		{"other provider", "ATT-3-2", codes.OK, "", ""},
		{"unknown sequence", "ATT-2-6", codes.NotFound, "", ""},
		{"unknown provider", "ATT-9-1", codes.NotFound, "", ""},
		{"malformed", "ATT-2", codes.InvalidArgument, "", ""},
		{"empty", "", codes.InvalidArgument, "", ""},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.Attestation(s.f.Ctx, &types.QueryAttestationRequest{Id: tc.id})
			if tc.code != codes.OK {
				s.requireCode(err, tc.code)
				return
			}
			s.Require().NoError(err)
			s.Require().Equal(tc.id, res.Attestation.Id)
			s.Require().Equal(tc.supersededBy, res.Attestation.SupersededBy)
			s.Require().Equal(tc.wantSupersedes, res.Attestation.Supersedes)
		})
	}
	_, err := s.q.Attestation(s.f.Ctx, nil)
	s.requireCode(err, codes.InvalidArgument)
}

func (s *QuerySuite) TestAttestationsByProvider() {
	cases := []struct {
		name     string
		provider uint64
		page     *query.PageRequest
		want     []string
		total    uint64
	}{
		{"all, oldest first", 2, nil, []string{"ATT-2-1", "ATT-2-2", "ATT-2-3", "ATT-2-4", "ATT-2-5"}, 5},
		{"newest first", 2, &query.PageRequest{Reverse: true, CountTotal: true}, []string{"ATT-2-5", "ATT-2-4", "ATT-2-3", "ATT-2-2", "ATT-2-1"}, 5},
		{"limit with total", 2, &query.PageRequest{Limit: 2, CountTotal: true}, []string{"ATT-2-1", "ATT-2-2"}, 5},
		{"offset", 2, &query.PageRequest{Offset: 3, Limit: 10}, []string{"ATT-2-4", "ATT-2-5"}, 0},
		{"newest two", 2, &query.PageRequest{Limit: 2, Reverse: true}, []string{"ATT-2-5", "ATT-2-4"}, 0},
		{"other provider only sees its own", 3, nil, []string{"ATT-3-1", "ATT-3-2"}, 2},
		{"a provider with none", 1, nil, []string{}, 0},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.AttestationsByProvider(s.f.Ctx, &types.QueryAttestationsByProviderRequest{
				ProviderId: tc.provider, Pagination: tc.page,
			})
			s.Require().NoError(err)
			s.Require().Equal(tc.want, attIDs(res.Attestations))
			s.Require().Equal(tc.total, res.Pagination.Total)
		})
	}
	s.Run("next keys walk every page", func() {
		for _, reverse := range []bool{false, true} {
			pages := s.pageAll(func(p *query.PageRequest) ([]types.Attestation, *query.PageResponse) {
				res, err := s.q.AttestationsByProvider(s.f.Ctx, &types.QueryAttestationsByProviderRequest{ProviderId: 2, Pagination: p})
				s.Require().NoError(err)
				return res.Attestations, res.Pagination
			}, 2, reverse)
			want := [][]string{{"ATT-2-1", "ATT-2-2"}, {"ATT-2-3", "ATT-2-4"}, {"ATT-2-5"}}
			if reverse {
				want = [][]string{{"ATT-2-5", "ATT-2-4"}, {"ATT-2-3", "ATT-2-2"}, {"ATT-2-1"}}
			}
			s.Require().Equal(want, pages, "reverse=%v", reverse)
		}
	})
	s.Run("invalid", func() {
		_, err := s.q.AttestationsByProvider(s.f.Ctx, &types.QueryAttestationsByProviderRequest{})
		s.requireCode(err, codes.InvalidArgument)
		_, err = s.q.AttestationsByProvider(s.f.Ctx, nil)
		s.requireCode(err, codes.InvalidArgument)
	})
}

func (s *QuerySuite) TestAttestationsByMember() {
	cases := []struct {
		name   string
		member string
		page   *query.PageRequest
		want   []string
		total  uint64
	}{
		{"member A, across providers", memberA, nil, []string{"ATT-2-1", "ATT-2-3", "ATT-2-4", "ATT-3-1"}, 4},
		{"member B", memberB, &query.PageRequest{CountTotal: true}, []string{"ATT-2-2", "ATT-2-5", "ATT-3-2"}, 3},
		{"reverse", memberB, &query.PageRequest{Reverse: true, CountTotal: true}, []string{"ATT-3-2", "ATT-2-5", "ATT-2-2"}, 3},
		{"limit", memberA, &query.PageRequest{Limit: 1, Offset: 1}, []string{"ATT-2-3"}, 0},
		{"unknown member", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", nil, []string{}, 0},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			res, err := s.q.AttestationsByMember(s.f.Ctx, &types.QueryAttestationsByMemberRequest{
				Member: tc.member, Pagination: tc.page,
			})
			s.Require().NoError(err)
			s.Require().Equal(tc.want, attIDs(res.Attestations))
			s.Require().Equal(tc.total, res.Pagination.Total)
			for _, a := range res.Attestations {
				s.Require().Equal(tc.member, a.Member)
			}
		})
	}
	s.Run("next keys walk every page", func() {
		pages := s.pageAll(func(p *query.PageRequest) ([]types.Attestation, *query.PageResponse) {
			res, err := s.q.AttestationsByMember(s.f.Ctx, &types.QueryAttestationsByMemberRequest{Member: memberA, Pagination: p})
			s.Require().NoError(err)
			return res.Attestations, res.Pagination
		}, 3, false)
		s.Require().Equal([][]string{{"ATT-2-1", "ATT-2-3", "ATT-2-4"}, {"ATT-3-1"}}, pages)
	})
	s.Run("invalid", func() {
		for _, bad := range []string{"", memberA[:40], "John Smith 1970-01-01"} {
			_, err := s.q.AttestationsByMember(s.f.Ctx, &types.QueryAttestationsByMemberRequest{Member: bad})
			s.requireCode(err, codes.InvalidArgument)
		}
		_, err := s.q.AttestationsByMember(s.f.Ctx, nil)
		s.requireCode(err, codes.InvalidArgument)
	})
}

// pageAll follows next keys with the given page size and returns the ids of each page.
func (s *QuerySuite) pageAll(get func(*query.PageRequest) ([]types.Attestation, *query.PageResponse),
	limit uint64, reverse bool,
) [][]string {
	var pages [][]string
	var key []byte
	for {
		atts, page := get(&query.PageRequest{Key: key, Limit: limit, Reverse: reverse})
		pages = append(pages, attIDs(atts))
		if len(page.NextKey) == 0 {
			return pages
		}
		key = page.NextKey
		s.Require().Less(len(pages), 10, "paging does not end")
	}
}

// TestQueriesThroughRouter checks the Query service is wired into the app.
func (s *QuerySuite) TestQueriesThroughRouter() {
	const path = "/claimchain.attestation.v1.Query/Attestation"
	handler := s.f.App.GRPCQueryRouter().Route(path)
	s.Require().NotNil(handler, "query service registered")
	bz, err := (&types.QueryAttestationRequest{Id: "ATT-3-1"}).Marshal()
	s.Require().NoError(err)
	resp, err := handler(s.f.Ctx, &abci.RequestQuery{Path: path, Data: bz})
	s.Require().NoError(err)
	var res types.QueryAttestationResponse
	s.Require().NoError(res.Unmarshal(resp.Value))
	s.Require().Equal(memberA, res.Attestation.Member)
	s.Require().NotNil(s.f.App.MsgServiceRouter().HandlerByTypeURL(sdk.MsgTypeURL(&types.MsgAttestTreatment{})),
		"msg service registered")
}
