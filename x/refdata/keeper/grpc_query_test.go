package keeper_test

import (
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/claimchain/claimchain/x/refdata/keeper"
	"github.com/claimchain/claimchain/x/refdata/types"
)

func (s *RefdataSuite) TestQueries() {
	q := keeper.NewQueryServerImpl(s.k)
	ctx := s.f.Ctx
	code := func(err error) codes.Code { return status.Code(err) }

	// Nothing in force yet: NotFound, not an empty answer that looks like "no edit".
	_, err := q.Ptp(ctx, &types.QueryPtpRequest{Column1: "29880", Column2: "29870", Date: "2026-03-02"})
	s.Require().Equal(codes.NotFound, code(err))

	s.load(ptp, 1, "2025-01-01", ptpRows(ptpRow("29880", "29870", "2015-01-01", "", 1)))
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3)))
	s.load(addOn, 1, "2025-01-01", types.ChunkRows{AddOn: []types.AddOnRow{{AddOnCode: "99417", Type: 2}}})
	s.load(exclusion, 1, "2025-01-01", types.ChunkRows{Exclusion: []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2020-01-01"}}})
	s.load(ageSex, 1, "2025-01-01", types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}}})
	s.load(minutes, 1, "2025-01-01", minutesRows(minutesRow("27447", 120)))
	s.load(emLevel, 1, "2025-01-01", emRows(emRow("99214", "office-established", 4)))
	s.Require().NoError(s.stage(ptp, 2, 0, ptpRows(ptpRow("29880", "29870", "2015-01-01", "", 0))))

	ptpRes, err := q.Ptp(ctx, &types.QueryPtpRequest{Column1: "29880", Column2: "29870", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryPtpResponse{Version: 1, Found: true, Row: ptpRow("29880", "29870", "2015-01-01", "", 1)}, ptpRes)
	ptpRes, err = q.Ptp(ctx, &types.QueryPtpRequest{Column1: "29870", Column2: "29880", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryPtpResponse{Version: 1}, ptpRes, "no edit, under the cited version")

	mueRes, err := q.Mue(ctx, &types.QueryMueRequest{Code: "99213", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().True(mueRes.Found)
	s.Require().Equal(uint32(4), mueRes.Row.Units)
	aocRes, err := q.AddOn(ctx, &types.QueryAddOnRequest{Code: "99417", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(uint32(2), aocRes.Row.Type)
	exRes, err := q.Exclusion(ctx, &types.QueryExclusionRequest{Npi: "1234567893", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().True(exRes.Excluded)
	asRes, err := q.AgeSex(ctx, &types.QueryAgeSexRequest{Code: "59400", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(uint32(64), asRes.Row.MaxAge)
	tmRes, err := q.TypicalMinutes(ctx, &types.QueryTypicalMinutesRequest{Code: "27447", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryTypicalMinutesResponse{Version: 1, Found: true, Row: minutesRow("27447", 120)}, tmRes)
	tmRes, err = q.TypicalMinutes(ctx, &types.QueryTypicalMinutesRequest{Code: "99213", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryTypicalMinutesResponse{Version: 1}, tmRes, "no row, under the cited version")
	emRes, err := q.EmLevel(ctx, &types.QueryEmLevelRequest{Code: "99214", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryEmLevelResponse{Version: 1, Found: true, Row: emRow("99214", "office-established", 4)}, emRes)
	emRes, err = q.EmLevel(ctx, &types.QueryEmLevelRequest{Code: "97110", Date: "2026-03-02"})
	s.Require().NoError(err)
	s.Require().Equal(&types.QueryEmLevelResponse{Version: 1}, emRes)
	emVersions, err := q.TableVersions(ctx, &types.QueryTableVersionsRequest{Kind: emLevel})
	s.Require().NoError(err)
	s.Require().Len(emVersions.Versions, 1)

	versions, err := q.TableVersions(ctx, &types.QueryTableVersionsRequest{Kind: ptp})
	s.Require().NoError(err)
	s.Require().Len(versions.Versions, 2)
	s.Require().Equal(types.VERSION_STATUS_ACTIVE, versions.Versions[0].Status)
	s.Require().Equal(types.VERSION_STATUS_STAGING, versions.Versions[1].Status)
	one, err := q.TableVersion(ctx, &types.QueryTableVersionRequest{Kind: ptp, Version: 2})
	s.Require().NoError(err)
	s.Require().Equal(uint64(1), one.Version.Rows)
	params, err := q.Params(ctx, &types.QueryParamsRequest{})
	s.Require().NoError(err)
	s.Require().Equal(s.loader.String(), params.Params.Loader)

	cases := []struct {
		name string
		call func() error
		want codes.Code
	}{
		{"no request", func() error { _, err := q.Ptp(ctx, nil); return err }, codes.InvalidArgument},
		{"bad date", func() error {
			_, err := q.Ptp(ctx, &types.QueryPtpRequest{Column1: "29880", Column2: "29870", Date: "20260302"})
			return err
		}, codes.InvalidArgument},
		{"bad code", func() error {
			_, err := q.Mue(ctx, &types.QueryMueRequest{Code: "9921", Date: "2026-03-02"})
			return err
		}, codes.InvalidArgument},
		{"bad NPI", func() error {
			_, err := q.Exclusion(ctx, &types.QueryExclusionRequest{Npi: "1234567890", Date: "2026-03-02"})
			return err
		}, codes.InvalidArgument},
		{"bad kind", func() error { _, err := q.TableVersions(ctx, &types.QueryTableVersionsRequest{}); return err }, codes.InvalidArgument},
		{"unknown version", func() error {
			_, err := q.TableVersion(ctx, &types.QueryTableVersionRequest{Kind: mue, Version: 9})
			return err
		}, codes.NotFound},
		{"before any version applies", func() error {
			_, err := q.AgeSex(ctx, &types.QueryAgeSexRequest{Code: "59400", Date: "2024-12-31"})
			return err
		}, codes.NotFound},
		{"no minutes request", func() error { _, err := q.TypicalMinutes(ctx, nil); return err }, codes.InvalidArgument},
		{"minutes of a bad code", func() error {
			_, err := q.TypicalMinutes(ctx, &types.QueryTypicalMinutesRequest{Code: "2744", Date: "2026-03-02"})
			return err
		}, codes.InvalidArgument},
		{"minutes before any version applies", func() error {
			_, err := q.TypicalMinutes(ctx, &types.QueryTypicalMinutesRequest{Code: "27447", Date: "2024-12-31"})
			return err
		}, codes.NotFound},
		{"no E/M request", func() error { _, err := q.EmLevel(ctx, nil); return err }, codes.InvalidArgument},
		{"E/M level on a bad date", func() error {
			_, err := q.EmLevel(ctx, &types.QueryEmLevelRequest{Code: "99214", Date: "2026-3-2"})
			return err
		}, codes.InvalidArgument},
		{"E/M level before any version applies", func() error {
			_, err := q.EmLevel(ctx, &types.QueryEmLevelRequest{Code: "99214", Date: "2024-12-31"})
			return err
		}, codes.NotFound},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() { s.Require().Equal(tc.want, code(tc.call())) })
	}
}
