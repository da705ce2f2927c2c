package keeper_test

import (
	"strings"
	"testing"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/suite"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/refdata/keeper"
	"github.com/claimchain/claimchain/x/refdata/types"
)

const (
	ptp       = types.TABLE_KIND_PTP
	mue       = types.TABLE_KIND_MUE
	addOn     = types.TABLE_KIND_ADD_ON
	exclusion = types.TABLE_KIND_EXCLUSION
	ageSex    = types.TABLE_KIND_AGE_SEX
	minutes   = types.TABLE_KIND_TYPICAL_MINUTES
	emLevel   = types.TABLE_KIND_EM_LEVEL
)

type RefdataSuite struct {
	suite.Suite
	f      *apptest.Fixture
	k      *keeper.Keeper
	loader apptest.Account
}

func TestRefdataSuite(t *testing.T) { suite.Run(t, new(RefdataSuite)) }

// SetupTest starts the app and has governance appoint a loader.
func (s *RefdataSuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.RefdataKeeper
	s.loader = apptest.NewAccount()
	s.Require().NoError(s.updateParams(s.f.Gov, types.Params{Loader: s.loader.String(), MaxRowsPerChunk: types.DefaultMaxRowsPerChunk}))
}

func (s *RefdataSuite) msg() types.MsgServer { return keeper.NewMsgServerImpl(s.k) }

func (s *RefdataSuite) updateParams(signer string, p types.Params) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().UpdateParams(ctx, &types.MsgUpdateParams{Authority: signer, Params: p})
		return err
	})
}

func (s *RefdataSuite) stageAs(signer string, kind types.TableKind, version, index uint32, source string, rows types.ChunkRows) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().StageChunk(ctx, &types.MsgStageChunk{
			Loader: signer, Kind: kind, Version: version, Index: index, Source: source, Rows: rows,
		})
		return err
	})
}

func (s *RefdataSuite) stage(kind types.TableKind, version, index uint32, rows types.ChunkRows) error {
	source := ""
	if index == 0 {
		source = "test " + kind.String()
	}
	return s.stageAs(s.loader.String(), kind, version, index, source, rows)
}

func (s *RefdataSuite) activateAs(signer string, kind types.TableKind, version uint32, appliesFrom string,
	chunks uint32, rows uint64, hash []byte,
) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().ActivateVersion(ctx, &types.MsgActivateVersion{
			Loader: signer, Kind: kind, Version: version, AppliesFrom: appliesFrom,
			ExpectedChunks: chunks, ExpectedRows: rows, ExpectedHash: hash,
		})
		return err
	})
}

func (s *RefdataSuite) revokeAs(signer string, kind types.TableKind, version uint32, reason string) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().RevokeVersion(ctx, &types.MsgRevokeVersion{Authority: signer, Kind: kind, Version: version, Reason: reason})
		return err
	})
}

// expect computes what the loader states at activation: chunks, rows and the running hash.
func (s *RefdataSuite) expect(chunks ...types.ChunkRows) (uint32, uint64, []byte) {
	hash, rows := types.EmptyHash, uint64(0)
	for _, c := range chunks {
		var err error
		hash, err = types.ChunkHash(hash, c)
		s.Require().NoError(err)
		rows += uint64(c.Len())
	}
	return uint32(len(chunks)), rows, hash
}

// load stages every chunk of a version and activates it from appliesFrom.
func (s *RefdataSuite) load(kind types.TableKind, version uint32, appliesFrom string, chunks ...types.ChunkRows) {
	for i, c := range chunks {
		s.Require().NoError(s.stage(kind, version, uint32(i), c))
	}
	n, rows, hash := s.expect(chunks...)
	s.Require().NoError(s.activateAs(s.loader.String(), kind, version, appliesFrom, n, rows, hash))
}

func (s *RefdataSuite) version(kind types.TableKind, version uint32) types.TableVersion {
	v, err := s.k.GetVersion(s.f.Ctx, kind, version)
	s.Require().NoError(err)
	return v
}

func (s *RefdataSuite) countVersions() int {
	n := 0
	s.Require().NoError(s.k.Versions.Walk(s.f.Ctx, nil, func(keeper.VersionKey, types.TableVersion) (bool, error) {
		n++
		return false, nil
	}))
	return n
}

func (s *RefdataSuite) params() types.Params {
	p, err := s.k.Params.Get(s.f.Ctx)
	s.Require().NoError(err)
	return p
}

func ptpRow(c1, c2, effective, deletion string, mi uint32) types.PtpRow {
	return types.PtpRow{Column1: c1, Column2: c2, EffectiveDate: effective, DeletionDate: deletion, ModifierIndicator: mi}
}

func ptpRows(rows ...types.PtpRow) types.ChunkRows { return types.ChunkRows{Ptp: rows} }

func mueRows(rows ...types.MueRow) types.ChunkRows { return types.ChunkRows{Mue: rows} }

func mueRow(code string, units, mai uint32) types.MueRow {
	return types.MueRow{Code: code, Units: units, AdjudicationIndicator: mai}
}

func minutesRows(rows ...types.TypicalMinutesRow) types.ChunkRows {
	return types.ChunkRows{TypicalMinutes: rows}
}

func minutesRow(code string, m uint32) types.TypicalMinutesRow {
	return types.TypicalMinutesRow{Code: code, Minutes: m}
}

func emRows(rows ...types.EmLevelRow) types.ChunkRows { return types.ChunkRows{EmLevel: rows} }

func emRow(code, family string, level uint32) types.EmLevelRow {
	return types.EmLevelRow{Code: code, Family: family, Level: level}
}

func (s *RefdataSuite) TestLoaderIsAppointedByGovernanceOnly() {
	appointed := s.loader.String()
	next := apptest.NewAccount()
	cases := []struct {
		name   string
		signer string
		params types.Params
		err    error
	}{
		{"a consortium member cannot appoint", s.f.Validator.String(), types.Params{Loader: next.String(), MaxRowsPerChunk: 100}, types.ErrUnauthorized},
		{"the loader cannot appoint", appointed, types.Params{Loader: next.String(), MaxRowsPerChunk: 100}, types.ErrUnauthorized},
		{"a loader must be an address", s.f.Gov, types.Params{Loader: "loader", MaxRowsPerChunk: 100}, types.ErrInvalidParams},
		{"chunks hold at least a row", s.f.Gov, types.Params{Loader: next.String()}, types.ErrInvalidParams},
		{"chunks are bounded", s.f.Gov, types.Params{Loader: next.String(), MaxRowsPerChunk: types.MaxRowsPerChunkLimit + 1}, types.ErrInvalidParams},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			s.Require().ErrorIs(s.updateParams(tc.signer, tc.params), tc.err)
			s.Require().Equal(appointed, s.params().Loader, "a refused msg changes nothing")
		})
	}

	s.Require().NoError(s.updateParams(s.f.Gov, types.Params{Loader: next.String(), MaxRowsPerChunk: 100}))
	s.Require().Equal(next.String(), s.params().Loader)
	rows := mueRows(mueRow("99213", 4, 3))
	s.Require().ErrorIs(s.stageAs(appointed, mue, 1, 0, "CMS MUE", rows), types.ErrNotLoader, "the replaced loader")
	s.Require().NoError(s.stageAs(next.String(), mue, 1, 0, "CMS MUE", rows))

	s.Require().NoError(s.updateParams(s.f.Gov, types.DefaultParams()))
	err := s.stageAs(next.String(), mue, 1, 1, "", rows)
	s.Require().ErrorIs(err, types.ErrNotLoader)
	s.Require().ErrorContains(err, "has not appointed a loader")
}

func (s *RefdataSuite) TestStageChunkRules() {
	s.Require().NoError(s.updateParams(s.f.Gov, types.Params{Loader: s.loader.String(), MaxRowsPerChunk: 3}))
	c0 := ptpRows(ptpRow("29880", "29870", "2015-01-01", "", 1), ptpRow("29880", "29874", "2015-01-01", "", 1))
	s.Require().NoError(s.stage(ptp, 1, 0, c0))
	s.Require().NoError(s.stage(mue, 5, 0, mueRows(mueRow("99213", 4, 3))))
	before := s.version(ptp, 1)
	s.Require().Equal(types.VERSION_STATUS_STAGING, before.Status)
	s.Require().Equal("test TABLE_KIND_PTP", before.Source)

	good := ptpRows(ptpRow("11042", "97597", "2016-01-01", "", 0))
	cases := []struct {
		name    string
		signer  string
		kind    types.TableKind
		version uint32
		index   uint32
		source  string
		rows    types.ChunkRows
		err     error
		msg     string
	}{
		{name: "not the loader", signer: s.f.Validator.String(), kind: ptp, version: 1, index: 1, rows: good, err: types.ErrNotLoader},
		{name: "chunk skipped", kind: ptp, version: 1, index: 2, rows: good, err: types.ErrChunkOrder, msg: "chunk 1 expected, got 2"},
		{name: "chunk repeated", kind: ptp, version: 1, index: 0, source: "again", rows: good, err: types.ErrChunkOrder, msg: "chunk 1 expected, got 0"},
		{name: "version not opened", kind: ptp, version: 2, index: 1, rows: good, err: types.ErrChunkOrder, msg: "chunk 0 expected, got 1"},
		{name: "version not newer", kind: mue, version: 4, index: 0, source: "old", rows: mueRows(mueRow("99213", 4, 3)), err: types.ErrVersionExists, msg: "the latest is 5"},
		{name: "version zero", kind: mue, version: 0, index: 0, source: "zero", rows: mueRows(mueRow("99213", 4, 3)), err: types.ErrVersionNotFound},
		{name: "no source on chunk 0", kind: ptp, version: 2, index: 0, rows: good, err: types.ErrInvalidSource},
		{name: "another source later", kind: ptp, version: 1, index: 1, source: "other file", rows: good, err: types.ErrInvalidSource},
		{name: "row staged in an earlier chunk", kind: ptp, version: 1, index: 1, rows: ptpRows(c0.Ptp[0]), err: types.ErrDuplicateRow},
		{name: "row twice in the chunk", kind: ptp, version: 1, index: 1, rows: ptpRows(good.Ptp[0], good.Ptp[0]), err: types.ErrDuplicateRow},
		{name: "rows of another kind", kind: ptp, version: 1, index: 1, rows: types.ChunkRows{Ptp: good.Ptp, Mue: []types.MueRow{mueRow("99213", 1, 1)}}, err: types.ErrInvalidChunk},
		{name: "no rows", kind: ptp, version: 1, index: 1, err: types.ErrInvalidChunk},
		{name: "more rows than params allow", kind: ptp, version: 1, index: 1, rows: ptpRows(
			ptpRow("11042", "97597", "2016-01-01", "", 0), ptpRow("11042", "97598", "2016-01-01", "", 0),
			ptpRow("11043", "97597", "2016-01-01", "", 0), ptpRow("11043", "97598", "2016-01-01", "", 0),
		), err: types.ErrInvalidChunk, msg: "at most 3"},
		{name: "bad modifier indicator", kind: ptp, version: 1, index: 1, rows: ptpRows(ptpRow("11042", "97597", "2016-01-01", "", 2)), err: types.ErrInvalidRow},
		{name: "bad code", kind: ptp, version: 1, index: 1, rows: ptpRows(ptpRow("1104", "97597", "2016-01-01", "", 0)), err: types.ErrInvalidRow},
		{name: "deleted before effective", kind: ptp, version: 1, index: 1, rows: ptpRows(ptpRow("11042", "97597", "2016-01-01", "2015-01-01", 0)), err: types.ErrInvalidRow},
		{name: "no such kind", kind: types.TABLE_KIND_UNSPECIFIED, version: 1, index: 1, rows: good, err: types.ErrInvalidKind},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			signer := tc.signer
			if signer == "" {
				signer = s.loader.String()
			}
			err := s.stageAs(signer, tc.kind, tc.version, tc.index, tc.source, tc.rows)
			s.Require().ErrorIs(err, tc.err)
			if tc.msg != "" {
				s.Require().ErrorContains(err, tc.msg)
			}
			s.Require().Equal(before, s.version(ptp, 1), "a refused chunk changes nothing")
			s.Require().Equal(2, s.countVersions(), "and opens no version")
		})
	}
	// The next chunk in order is accepted and extends the running values; gas grows with its rows.
	var res *types.MsgStageChunkResponse
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		gas := ctx.GasMeter().GasConsumed()
		var err error
		res, err = s.msg().StageChunk(ctx, &types.MsgStageChunk{Loader: s.loader.String(), Kind: ptp, Version: 1, Index: 1, Rows: good})
		s.Require().GreaterOrEqual(ctx.GasMeter().GasConsumed()-gas, uint64(types.GasPerRow))
		s.Require().Len(ctx.EventManager().Events(), 1)
		s.Require().Equal("claimchain.refdata.v1.EventChunkStaged", ctx.EventManager().Events()[0].Type)
		return err
	}))
	chunks, rows, hash := s.expect(c0, good)
	v := s.version(ptp, 1)
	s.Require().Equal(chunks, v.Chunks)
	s.Require().Equal(rows, v.Rows)
	s.Require().Equal(hash, v.ContentHash)
	s.Require().Equal(&types.MsgStageChunkResponse{Chunks: chunks, Rows: rows, ContentHash: hash}, res)

	// Versions are numbered per kind: another kind starts at 1.
	s.Require().NoError(s.stage(ageSex, 1, 0, types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}}}))
}

func (s *RefdataSuite) TestStagedRowsAreNeverInForce() {
	pair := ptpRow("29880", "29870", "2015-01-01", "", 1)
	s.Require().NoError(s.stage(ptp, 1, 0, ptpRows(pair)))

	_, ok, err := s.k.VersionInForce(s.f.Ctx, ptp, "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(ok)
	version, _, found, err := s.k.PTP(s.f.Ctx, "29880", "29870", "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(found, "staged rows are not in force")
	s.Require().Zero(version)

	n, rows, hash := s.expect(ptpRows(pair))
	s.Require().NoError(s.activateAs(s.loader.String(), ptp, 1, "2025-01-01", n, rows, hash))

	// Version 2 changes the edit and adds a pair, but is only staged.
	changed := ptpRow("29880", "29870", "2015-01-01", "", 0)
	added := ptpRow("11042", "97597", "2016-01-01", "", 0)
	s.Require().NoError(s.stage(ptp, 2, 0, ptpRows(changed, added)))
	version, row, found, err := s.k.PTP(s.f.Ctx, "29880", "29870", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version, "the active version is cited")
	s.Require().Equal(uint32(1), row.ModifierIndicator, "the staged change is not in force")
	_, _, found, err = s.k.PTP(s.f.Ctx, "11042", "97597", "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(found, "the staged pair is not in force")

	n, rows, hash = s.expect(ptpRows(changed, added))
	s.Require().NoError(s.activateAs(s.loader.String(), ptp, 2, "2026-01-01", n, rows, hash))
	version, row, found, err = s.k.PTP(s.f.Ctx, "29880", "29870", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(2), version)
	s.Require().Equal(uint32(0), row.ModifierIndicator)
}

func (s *RefdataSuite) TestActivationRefusesAnIncompleteVersion() {
	c0 := mueRows(mueRow("99213", 4, 3), mueRow("99214", 3, 3))
	c1 := mueRows(mueRow("97597", 1, 2), mueRow("97598", 8, 3))
	c2 := mueRows(mueRow("11042", 1, 2))
	s.Require().NoError(s.stage(mue, 1, 0, c0))
	s.Require().NoError(s.stage(mue, 1, 1, c1))
	// The loader sent three chunks; the third never landed.
	allChunks, allRows, allHash := s.expect(c0, c1, c2)
	chunks, rows, hash := s.expect(c0, c1)
	_, _, otherHash := s.expect(c0, mueRows(mueRow("97597", 1, 2), mueRow("97598", 9, 3)))

	cases := []struct {
		name        string
		signer      string
		version     uint32
		appliesFrom string
		chunks      uint32
		rows        uint64
		hash        []byte
		err         error
		msg         string
	}{
		{name: "a chunk is missing", chunks: allChunks, rows: allRows, hash: allHash, err: types.ErrIncomplete,
			msg: "staged 2 chunks, 4 rows"},
		{name: "chunk count differs", chunks: allChunks, rows: rows, hash: hash, err: types.ErrIncomplete, msg: "expected 3 chunks, 4 rows"},
		{name: "row count differs", chunks: chunks, rows: rows + 1, hash: hash, err: types.ErrIncomplete, msg: "expected 2 chunks, 5 rows"},
		{name: "content differs", chunks: chunks, rows: rows, hash: otherHash, err: types.ErrIncomplete},
		{name: "hash of the wrong size", chunks: chunks, rows: rows, hash: hash[:16], err: types.ErrIncomplete},
		{name: "not the loader", signer: s.f.Validator.String(), chunks: chunks, rows: rows, hash: hash, err: types.ErrNotLoader},
		{name: "no such version", version: 9, chunks: chunks, rows: rows, hash: hash, err: types.ErrVersionNotFound},
		{name: "bad applies-from", appliesFrom: "2026-02-30", chunks: chunks, rows: rows, hash: hash, err: types.ErrInvalidDate},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			signer, version, appliesFrom := tc.signer, tc.version, tc.appliesFrom
			if signer == "" {
				signer = s.loader.String()
			}
			if version == 0 {
				version = 1
			}
			if appliesFrom == "" {
				appliesFrom = "2026-01-01"
			}
			err := s.activateAs(signer, mue, version, appliesFrom, tc.chunks, tc.rows, tc.hash)
			s.Require().ErrorIs(err, tc.err)
			if tc.msg != "" {
				s.Require().ErrorContains(err, tc.msg)
			}
			s.Require().Equal(types.VERSION_STATUS_STAGING, s.version(mue, 1).Status)
			_, ok, err := s.k.VersionInForce(s.f.Ctx, mue, "2026-03-02")
			s.Require().NoError(err)
			s.Require().False(ok)
		})
	}

	// The missing chunk arrives; the same statement is now accepted.
	s.Require().NoError(s.stage(mue, 1, 2, c2))
	s.Require().NoError(s.activateAs(s.loader.String(), mue, 1, "2026-01-01", allChunks, allRows, allHash))
	v := s.version(mue, 1)
	s.Require().Equal(types.VERSION_STATUS_ACTIVE, v.Status)
	s.Require().Equal("2026-01-01", v.AppliesFrom)
	s.Require().Equal(s.f.Ctx.BlockHeight(), v.ActivatedHeight)
	version, row, found, err := s.k.MUE(s.f.Ctx, "11042", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version)
	s.Require().Equal(mueRow("11042", 1, 2), row)

	s.Require().ErrorIs(s.activateAs(s.loader.String(), mue, 1, "2026-01-01", allChunks, allRows, allHash), types.ErrNotStaging)
	s.Require().ErrorIs(s.stage(mue, 1, 3, mueRows(mueRow("11045", 1, 2))), types.ErrNotStaging, "an active version is closed")
}

func (s *RefdataSuite) TestAppliesFromChoosesTheVersion() {
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3), mueRow("97597", 1, 2)))
	s.load(mue, 2, "2026-01-01", mueRows(mueRow("99213", 2, 3)))
	cases := []struct {
		code, date string
		version    uint32
		found      bool
		units      uint32
	}{
		{"99213", "2024-12-31", 0, false, 0},
		{"99213", "2025-01-01", 1, true, 4},
		{"99213", "2025-12-31", 1, true, 4},
		{"99213", "2026-01-01", 2, true, 2},
		{"99213", "2030-06-15", 2, true, 2},
		{"97597", "2025-06-01", 1, true, 1},
		// A version is a whole table: a code it lacks has no MUE, whatever older versions said.
		{"97597", "2026-06-01", 2, false, 0},
	}
	for _, tc := range cases {
		s.Run(tc.code+" on "+tc.date, func() {
			version, row, found, err := s.k.MUE(s.f.Ctx, tc.code, tc.date)
			s.Require().NoError(err)
			s.Require().Equal(tc.version, version)
			s.Require().Equal(tc.found, found)
			s.Require().Equal(tc.units, row.Units)
		})
	}

	// A later-numbered version can apply from an earlier date; the highest number in force wins.
	s.load(mue, 3, "2025-07-01", mueRows(mueRow("99213", 3, 3)))
	version, row, _, err := s.k.MUE(s.f.Ctx, "99213", "2025-08-01")
	s.Require().NoError(err)
	s.Require().Equal(uint32(3), version)
	s.Require().Equal(uint32(3), row.Units)
	version, _, _, err = s.k.MUE(s.f.Ctx, "99213", "2026-08-01")
	s.Require().NoError(err)
	s.Require().Equal(uint32(3), version)

	// The other code-keyed tables choose the same way.
	s.load(addOn, 1, "2025-01-01", types.ChunkRows{AddOn: []types.AddOnRow{
		{AddOnCode: "11045", PrimaryCodes: []string{"11042"}, Type: 1}, {AddOnCode: "99417", Type: 2},
	}})
	s.load(ageSex, 1, "2025-01-01", types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}}})
	version, aoc, found, err := s.k.AddOn(s.f.Ctx, "11045", "2025-03-01")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version)
	s.Require().Equal([]string{"11042"}, aoc.PrimaryCodes)
	_, _, found, err = s.k.AddOn(s.f.Ctx, "11045", "2024-03-01")
	s.Require().NoError(err)
	s.Require().False(found)
	_, limits, found, err := s.k.AgeSex(s.f.Ctx, "59400", "2025-03-01")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal("F", limits.Sex)
	_, _, err = s.k.VersionInForce(s.f.Ctx, mue, "03/01/2025")
	s.Require().ErrorIs(err, types.ErrInvalidDate)
}

func (s *RefdataSuite) TestRevocationFallsBackToThePreviousVersion() {
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3)))
	s.load(mue, 2, "2026-01-01", mueRows(mueRow("99213", 2, 3)))
	units := func(date string) (uint32, uint32) {
		version, row, _, err := s.k.MUE(s.f.Ctx, "99213", date)
		s.Require().NoError(err)
		return version, row.Units
	}
	v, u := units("2026-03-02")
	s.Require().Equal([2]uint32{2, 2}, [2]uint32{v, u})

	s.Require().ErrorIs(s.revokeAs(s.loader.String(), mue, 2, "wrong quarter"), types.ErrUnauthorized, "the loader cannot revoke")
	s.Require().ErrorIs(s.revokeAs(s.f.Gov, mue, 2, ""), types.ErrInvalidReason)
	s.Require().ErrorIs(s.revokeAs(s.f.Gov, mue, 7, "typo"), types.ErrVersionNotFound)
	s.Require().Equal(types.VERSION_STATUS_ACTIVE, s.version(mue, 2).Status)

	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 2, "wrong quarter loaded"))
	rec := s.version(mue, 2)
	s.Require().Equal(types.VERSION_STATUS_REVOKED, rec.Status)
	s.Require().Equal("wrong quarter loaded", rec.RevokeReason)
	v, u = units("2026-03-02")
	s.Require().Equal([2]uint32{1, 4}, [2]uint32{v, u}, "version 1 is in force again")
	s.Require().ErrorIs(s.revokeAs(s.f.Gov, mue, 2, "again"), types.ErrNotStaging)

	// A staging version can be revoked too; it is closed for good and numbers move on.
	s.Require().NoError(s.stage(mue, 3, 0, mueRows(mueRow("99213", 1, 3))))
	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 3, "abandoned load"))
	s.Require().ErrorIs(s.stage(mue, 3, 1, mueRows(mueRow("99214", 1, 3))), types.ErrNotStaging)
	n, rows, hash := s.expect(mueRows(mueRow("99213", 1, 3)))
	s.Require().ErrorIs(s.activateAs(s.loader.String(), mue, 3, "2026-01-01", n, rows, hash), types.ErrNotStaging)
	s.Require().ErrorIs(s.stage(mue, 2, 0, mueRows(mueRow("99213", 1, 3))), types.ErrNotStaging)
	s.Require().NoError(s.stage(mue, 4, 0, mueRows(mueRow("99213", 1, 3))))

	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 1, "withdrawn"))
	v, _ = units("2026-03-02")
	s.Require().Zero(v, "no version is in force")
}

func (s *RefdataSuite) TestPTPWindows() {
	s.load(ptp, 1, "2000-01-01", ptpRows(
		ptpRow("29880", "29870", "2015-01-01", "2022-01-01", 1), // deleted pair
		ptpRow("11042", "97597", "2027-01-01", "", 0),           // not yet effective
		ptpRow("20610", "76942", "2010-01-01", "2016-01-01", 0), // two disjoint windows
		ptpRow("20610", "76942", "2018-01-01", "", 1),
		ptpRow("64450", "20552", "2019-01-01", "2019-01-01", 9), // a window that never opened
		ptpRow("64450", "20552", "2019-01-01", "", 1),
		ptpRow("27447", "27446", "2015-01-01", "", 1), // overlapping windows, staged out of order
		ptpRow("27447", "27446", "2019-01-01", "2025-01-01", 0),
		ptpRow("27447", "27446", "2010-01-01", "", 0),
		ptpRow("27447", "27446", "2019-01-01", "", 9),
	))
	cases := []struct {
		name, c1, c2, date string
		found              bool
		mi                 uint32
		effective          string
	}{
		{"deleted pair: before its effective date", "29880", "29870", "2014-12-31", false, 0, ""},
		{"deleted pair: in force", "29880", "29870", "2015-01-01", true, 1, "2015-01-01"},
		{"deleted pair: the day before deletion", "29880", "29870", "2021-12-31", true, 1, "2015-01-01"},
		{"deleted pair: on its deletion date", "29880", "29870", "2022-01-01", false, 0, ""},
		{"deleted pair: after deletion", "29880", "29870", "2026-03-02", false, 0, ""},
		{"future pair: not yet effective", "11042", "97597", "2026-12-31", false, 0, ""},
		{"future pair: effective", "11042", "97597", "2027-01-01", true, 0, "2027-01-01"},
		{"two windows: the first", "20610", "76942", "2012-05-05", true, 0, "2010-01-01"},
		{"two windows: the gap", "20610", "76942", "2016-01-01", false, 0, ""},
		{"two windows: end of the gap", "20610", "76942", "2017-12-31", false, 0, ""},
		{"two windows: the second", "20610", "76942", "2018-01-01", true, 1, "2018-01-01"},
		{"two windows: the open end", "20610", "76942", "2030-01-01", true, 1, "2018-01-01"},
		{"column order matters", "76942", "20610", "2018-01-01", false, 0, ""},
		{"an empty window is skipped", "64450", "20552", "2019-01-01", true, 1, "2019-01-01"},
		{"unknown pair", "99213", "99214", "2019-01-01", false, 0, ""},
		{"overlap: one window", "27447", "27446", "2012-01-01", true, 0, "2010-01-01"},
		{"overlap: the latest effective", "27447", "27446", "2016-01-01", true, 1, "2015-01-01"},
		{"overlap: same effective, the latest deletion", "27447", "27446", "2020-01-01", true, 0, "2019-01-01"},
		{"overlap: the open window after the deletion", "27447", "27446", "2025-01-01", true, 9, "2019-01-01"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			version, row, found, err := s.k.PTP(s.f.Ctx, tc.c1, tc.c2, tc.date)
			s.Require().NoError(err)
			s.Require().Equal(uint32(1), version, "the version in force is cited, found or not")
			s.Require().Equal(tc.found, found)
			if found {
				s.Require().Equal(tc.mi, row.ModifierIndicator)
				s.Require().Equal(tc.effective, row.EffectiveDate)
				s.Require().True(row.Covers(tc.date))
			}
		})
	}
}

func (s *RefdataSuite) TestExclusionWindows() {
	const reinstated, waived, clean = "1234567893", "9876543213", "1111111112"
	s.load(exclusion, 1, "2000-01-01", types.ChunkRows{Exclusion: []types.ExclusionRow{
		{Npi: reinstated, ExclusionDate: "2020-01-01", ReinstatementDate: "2022-01-01"},
		{Npi: reinstated, ExclusionDate: "2024-01-01"},
		{Npi: waived, ExclusionDate: "2021-01-01", WaiverDate: "2023-01-01", WaiverState: "NY"},
	}})
	cases := []struct {
		name, npi, date string
		excluded        bool
		rowFrom         string // exclusion date of the row returned; "" for none
	}{
		{"before the exclusion", reinstated, "2019-12-31", false, ""},
		{"on the exclusion date", reinstated, "2020-01-01", true, "2020-01-01"},
		{"the day before reinstatement", reinstated, "2021-12-31", true, "2020-01-01"},
		{"on reinstatement", reinstated, "2022-01-01", false, "2020-01-01"},
		{"between windows", reinstated, "2023-06-01", false, "2020-01-01"},
		{"excluded again", reinstated, "2024-01-01", true, "2024-01-01"},
		{"still excluded", reinstated, "2026-03-02", true, "2024-01-01"},
		{"before the waiver", waived, "2022-12-31", true, "2021-01-01"},
		{"waived", waived, "2023-01-01", false, "2021-01-01"},
		{"never excluded", clean, "2026-03-02", false, ""},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			version, row, excluded, err := s.k.Exclusion(s.f.Ctx, tc.npi, tc.date)
			s.Require().NoError(err)
			s.Require().Equal(uint32(1), version)
			s.Require().Equal(tc.excluded, excluded)
			s.Require().Equal(tc.rowFrom, row.ExclusionDate)
		})
	}
}

// A pair's windows and an NPI's windows are stored as one value each, sorted,
// so the stored state and the export do not depend on the order rows were
// staged in; a window already stored is refused whichever chunk it comes in.
func (s *RefdataSuite) TestWindowsAreStoredCanonically() {
	a := ptpRow("20610", "76942", "2010-01-01", "2016-01-01", 0)
	b := ptpRow("20610", "76942", "2018-01-01", "", 1)
	c := ptpRow("20610", "76942", "2018-01-01", "2020-01-01", 9)
	other := ptpRow("20610", "76940", "2018-01-01", "", 1)
	s.load(ptp, 1, "2025-01-01", ptpRows(a, b), ptpRows(other, c))
	s.load(ptp, 2, "2025-01-01", ptpRows(c, other, b), ptpRows(a))
	pair := func(version uint32) types.PtpPair {
		p, err := s.k.PtpPairs.Get(s.f.Ctx, collections.Join3(version, "20610", "76942"))
		s.Require().NoError(err)
		return p
	}
	s.Require().Equal(types.PtpPair{Rows: []types.PtpRow{a, b, c}}, pair(1))
	s.Require().Equal(pair(1), pair(2))

	x1 := types.ExclusionRow{Npi: "1234567893", ExclusionDate: "2020-01-01", ReinstatementDate: "2022-01-01"}
	x2 := types.ExclusionRow{Npi: "1234567893", ExclusionDate: "2024-01-01"}
	y := types.ExclusionRow{Npi: "1111111112", ExclusionDate: "2024-01-01"}
	s.load(exclusion, 1, "2025-01-01", types.ChunkRows{Exclusion: []types.ExclusionRow{x2, y}}, types.ChunkRows{Exclusion: []types.ExclusionRow{x1}})
	w, err := s.k.Exclusions.Get(s.f.Ctx, collections.Join(uint32(1), "1234567893"))
	s.Require().NoError(err)
	s.Require().Equal(types.ExclusionWindows{Rows: []types.ExclusionRow{x1, x2}}, w)

	exported, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	for _, vr := range exported.Rows {
		switch vr.Kind {
		case ptp:
			s.Require().Equal([]types.PtpRow{other, a, b, c}, vr.Rows.Ptp, "flat rows in key order, version %d", vr.Version)
		case exclusion:
			s.Require().Equal([]types.ExclusionRow{y, x1, x2}, vr.Rows.Exclusion)
		}
	}

	// Duplicates: the same window of a pair (whatever its modifier indicator),
	// the same exclusion date of an NPI (whatever its reinstatement).
	s.Require().NoError(s.stage(ptp, 3, 0, ptpRows(a)))
	again := a
	again.ModifierIndicator = 1
	err = s.stage(ptp, 3, 1, ptpRows(b, again))
	s.Require().ErrorIs(err, types.ErrDuplicateRow)
	s.Require().ErrorContains(err, "row 1: PTP 20610/76942 window 2010-01-01 to 2016-01-01 of version 3 is already stored")
	s.Require().NoError(s.stage(exclusion, 2, 0, types.ChunkRows{Exclusion: []types.ExclusionRow{x2}}))
	reinstated := x2
	reinstated.ReinstatementDate = "2025-01-01"
	err = s.stage(exclusion, 2, 1, types.ChunkRows{Exclusion: []types.ExclusionRow{reinstated}})
	s.Require().ErrorIs(err, types.ErrDuplicateRow)
	s.Require().ErrorContains(err, "already stored")
	s.Require().Equal(uint64(1), s.version(exclusion, 2).Rows, "the refused chunk counts no row")
}

// A Lookup answers as the keeper's one-shot lookups do, and reads each kind's
// in-force index once: a second lookup of a kind costs that read less.
func (s *RefdataSuite) TestLookupReadsInForceOnce() {
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3), mueRow("99214", 2, 3)))
	s.load(mue, 2, "2026-01-01", mueRows(mueRow("99213", 3, 3)))
	s.load(ptp, 1, "2025-01-01", ptpRows(ptpRow("29880", "29870", "2015-01-01", "", 1)))
	gas := func(ctx sdk.Context, f func()) uint64 {
		before := ctx.GasMeter().GasConsumed()
		f()
		return ctx.GasMeter().GasConsumed() - before
	}
	ctx := s.f.Ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	l := s.k.NewLookup(ctx)
	// saved is what each lookup through l costs less than the keeper's one-shot
	// lookup of the same row: nothing the first time, the index read after.
	var saved []uint64
	for _, q := range []struct{ code, date string }{{"99213", "2026-03-02"}, {"99214", "2026-03-02"}, {"99213", "2025-06-01"}, {"99215", "2025-06-01"}} {
		var want, got []any
		oneShot := gas(ctx, func() {
			v, row, found, err := s.k.MUE(ctx, q.code, q.date)
			s.Require().NoError(err)
			want = []any{v, row, found}
		})
		used := gas(ctx, func() {
			v, row, found, err := l.MUE(q.code, q.date)
			s.Require().NoError(err)
			got = []any{v, row, found}
		})
		s.Require().Equal(want, got, "%s on %s", q.code, q.date)
		saved = append(saved, oneShot-used)
	}
	s.Require().Zero(saved[0], "the first lookup of a kind reads its index")
	s.Require().GreaterOrEqual(saved[1], storetypes.KVGasConfig().ReadCostFlat, "later ones do not")
	s.Require().Equal([]uint64{saved[1], saved[1]}, saved[2:])

	// Each kind has its own memo.
	v, row, found, err := l.PTP("29880", "29870", "2026-03-02")
	s.Require().NoError(err)
	s.Require().Equal([]any{uint32(1), uint32(1), true}, []any{v, row.ModifierIndicator, found})
	v, _, excluded, err := l.Exclusion("1234567893", "2026-03-02")
	s.Require().NoError(err)
	s.Require().Equal([]any{uint32(0), false}, []any{v, excluded}, "no exclusion version is in force")
	_, _, _, err = l.MUE("99213", "03/02/2026")
	s.Require().ErrorIs(err, types.ErrInvalidDate)
}

func (s *RefdataSuite) TestGenesisRoundTrip() {
	s.load(ptp, 1, "2025-01-01",
		ptpRows(ptpRow("29880", "29870", "2015-01-01", "", 1)),
		ptpRows(ptpRow("20610", "76942", "2010-01-01", "2016-01-01", 0), ptpRow("20610", "76942", "2018-01-01", "", 1)))
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3)))
	s.load(mue, 2, "2026-01-01", mueRows(mueRow("99213", 2, 3)))
	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 2, "wrong quarter"))
	s.load(addOn, 1, "2025-01-01", types.ChunkRows{AddOn: []types.AddOnRow{{AddOnCode: "11045", PrimaryCodes: []string{"11042"}, Type: 1}}})
	s.load(ageSex, 1, "2025-01-01", types.ChunkRows{AgeSex: []types.AgeSexRow{{Code: "59400", MinAge: 9, MaxAge: 64, Sex: "F"}}})
	s.Require().NoError(s.stage(exclusion, 1, 0, types.ChunkRows{Exclusion: []types.ExclusionRow{{Npi: "1234567893", ExclusionDate: "2020-01-01"}}}))
	s.load(minutes, 1, "2025-01-01", minutesRows(minutesRow("99214", 30), minutesRow("27447", 120)), minutesRows(minutesRow("99213", 20)))
	s.load(emLevel, 1, "2025-01-01", emRows(emRow("99213", "office-established", 3), emRow("99204", "office-new", 4)))
	s.Require().NoError(s.stage(emLevel, 2, 0, emRows(emRow("99213", "office-established", 2))))

	exported, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(exported.Validate())
	s.Require().Len(exported.Versions, 9)
	s.Require().Len(exported.Rows, 9)

	// Through JSON, as `claimchaind export` writes it, into a fresh chain.
	cdc := s.f.App.AppCodec()
	var imported types.GenesisState
	s.Require().NoError(cdc.UnmarshalJSON(cdc.MustMarshalJSON(exported), &imported))
	g := apptest.Setup(s.T())
	s.Require().NoError(g.Exec(func(ctx sdk.Context) error { return g.App.RefdataKeeper.InitGenesis(ctx, &imported) }))
	again, err := g.App.RefdataKeeper.ExportGenesis(g.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(exported, again)

	version, row, found, err := g.App.RefdataKeeper.PTP(g.Ctx, "20610", "76942", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version)
	s.Require().Equal(uint32(1), row.ModifierIndicator)
	version, _, _, err = g.App.RefdataKeeper.MUE(g.Ctx, "99213", "2026-03-02")
	s.Require().NoError(err)
	s.Require().Equal(uint32(1), version, "the revoked version stays revoked")
	_, _, excluded, err := g.App.RefdataKeeper.Exclusion(g.Ctx, "1234567893", "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(excluded, "the staging version stays staging")
	version, tm, found, err := g.App.RefdataKeeper.TypicalMinutes(g.Ctx, "27447", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version)
	s.Require().Equal(minutesRow("27447", 120), tm)
	// Rows are exported in key order (by code), not staging order, and the version keeps its staged hash.
	for _, vr := range again.Rows {
		if vr.Kind == minutes {
			s.Require().Equal([]types.TypicalMinutesRow{minutesRow("27447", 120), minutesRow("99213", 20), minutesRow("99214", 30)}, vr.Rows.TypicalMinutes)
		}
	}
	_, _, mHash := s.expect(minutesRows(minutesRow("99214", 30), minutesRow("27447", 120)), minutesRows(minutesRow("99213", 20)))
	imp, err := g.App.RefdataKeeper.GetVersion(g.Ctx, minutes, 1)
	s.Require().NoError(err)
	s.Require().Equal(mHash, imp.ContentHash)
	version, em, found, err := g.App.RefdataKeeper.EMLevel(g.Ctx, "99213", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version, "the staging E/M version 2 stays staging")
	s.Require().Equal(emRow("99213", "office-established", 3), em)

	// A duplicated row key is refused at import, as it is when staging.
	dup := imported
	dup.Rows = append([]types.VersionRows(nil), imported.Rows...)
	for i, vr := range dup.Rows {
		if vr.Kind == mue && vr.Version == 1 {
			dup.Rows[i].Rows = mueRows(mueRow("99213", 4, 3), mueRow("99213", 5, 3))
		}
	}
	for i, v := range dup.Versions {
		if v.Kind == mue && v.Version == 1 {
			dup.Versions = append([]types.TableVersion(nil), dup.Versions...)
			dup.Versions[i].Rows = 2
		}
	}
	h := apptest.Setup(s.T())
	err = h.Exec(func(ctx sdk.Context) error { return h.App.RefdataKeeper.InitGenesis(ctx, &dup) })
	s.Require().ErrorIs(err, types.ErrInvalidGenesis)
	s.Require().ErrorContains(err, "already stored")
}

// Typical minutes and E/M levels are code-keyed tables like MUE: staged in
// chunks, hashed, activated by the loader's statement, never in force while
// staging, and chosen by applies_from.
func (s *RefdataSuite) TestTypicalMinutesAndEMLevels() {
	// Two chunks of typical minutes: the running hash covers both.
	m0 := minutesRows(minutesRow("99213", 20), minutesRow("99214", 30), minutesRow("99215", 40))
	m1 := minutesRows(minutesRow("27447", 120), minutesRow("97110", 15), minutesRow("G0283", 15))
	s.Require().NoError(s.stage(minutes, 1, 0, m0))
	s.Require().NoError(s.stage(minutes, 1, 1, m1))
	v := s.version(minutes, 1)
	s.Require().Equal(types.VERSION_STATUS_STAGING, v.Status)
	chunks, rows, hash := s.expect(m0, m1)
	s.Require().Equal([]any{chunks, rows, hash}, []any{v.Chunks, v.Rows, v.ContentHash})

	version, _, found, err := s.k.TypicalMinutes(s.f.Ctx, "99213", "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(found, "staged rows are not in force")
	s.Require().Zero(version)

	// A statement that misses the second chunk is refused; the full one activates.
	c1, r1, h1 := s.expect(m0)
	s.Require().ErrorIs(s.activateAs(s.loader.String(), minutes, 1, "2026-01-01", c1, r1, h1), types.ErrIncomplete)
	s.Require().NoError(s.activateAs(s.loader.String(), minutes, 1, "2026-01-01", chunks, rows, hash))

	// E/M levels: one chunk per version; version 2 regroups 99215 and drops 99211.
	s.load(emLevel, 1, "2025-01-01", emRows(
		emRow("99204", "office-new", 4), emRow("99211", "office-established", 1),
		emRow("99213", "office-established", 3), emRow("99215", "office-established", 5),
	))
	s.load(emLevel, 2, "2026-01-01", emRows(
		emRow("99204", "office-new", 4), emRow("99213", "office-established", 3), emRow("99215", "office-est", 5),
	))

	for _, tc := range []struct {
		code, date string
		version    uint32
		found      bool
		minutes    uint32
	}{
		{"99213", "2025-12-31", 0, false, 0},
		{"99213", "2026-01-01", 1, true, 20},
		{"27447", "2026-03-02", 1, true, 120},
		{"G0283", "2026-03-02", 1, true, 15},
		{"99205", "2026-03-02", 1, false, 0},
	} {
		s.Run("minutes of "+tc.code+" on "+tc.date, func() {
			version, row, found, err := s.k.TypicalMinutes(s.f.Ctx, tc.code, tc.date)
			s.Require().NoError(err)
			s.Require().Equal(tc.version, version)
			s.Require().Equal(tc.found, found)
			s.Require().Equal(tc.minutes, row.Minutes)
			if found {
				s.Require().Equal(tc.code, row.Code)
			}
		})
	}
	for _, tc := range []struct {
		code, date string
		version    uint32
		found      bool
		row        types.EmLevelRow
	}{
		{"99215", "2024-12-31", 0, false, types.EmLevelRow{}},
		{"99215", "2025-06-01", 1, true, emRow("99215", "office-established", 5)},
		{"99215", "2026-03-02", 2, true, emRow("99215", "office-est", 5)},
		{"99211", "2025-06-01", 1, true, emRow("99211", "office-established", 1)},
		// A version is a whole table: a code it lacks has no level, whatever older versions said.
		{"99211", "2026-03-02", 2, false, types.EmLevelRow{}},
		{"97110", "2026-03-02", 2, false, types.EmLevelRow{}},
	} {
		s.Run("E/M level of "+tc.code+" on "+tc.date, func() {
			version, row, found, err := s.k.EMLevel(s.f.Ctx, tc.code, tc.date)
			s.Require().NoError(err)
			s.Require().Equal(tc.version, version)
			s.Require().Equal(tc.found, found)
			s.Require().Equal(tc.row, row)
		})
	}
	_, _, _, err = s.k.EMLevel(s.f.Ctx, "99215", "2026/03/02")
	s.Require().ErrorIs(err, types.ErrInvalidDate)

	// Revoking E/M version 2 falls back to version 1.
	s.Require().NoError(s.revokeAs(s.f.Gov, emLevel, 2, "wrong families"))
	version, row, found, err := s.k.EMLevel(s.f.Ctx, "99215", "2026-03-02")
	s.Require().NoError(err)
	s.Require().True(found)
	s.Require().Equal(uint32(1), version)
	s.Require().Equal("office-established", row.Family)
}

func (s *RefdataSuite) TestTypicalMinutesAndEMLevelsRefuseBadRows() {
	s.Require().NoError(s.stage(minutes, 1, 0, minutesRows(minutesRow("99213", 20))))
	s.Require().NoError(s.stage(emLevel, 1, 0, emRows(emRow("99213", "office-established", 3))))
	beforeMinutes, beforeEM := s.version(minutes, 1), s.version(emLevel, 1)
	cases := []struct {
		name string
		kind types.TableKind
		rows types.ChunkRows
		err  error
		msg  string
	}{
		{"zero minutes", minutes, minutesRows(minutesRow("99214", 0)), types.ErrInvalidRow, "minutes 0: want 1 to 1440"},
		{"more than a day", minutes, minutesRows(minutesRow("27447", 1441)), types.ErrInvalidRow, "minutes 1441"},
		{"minutes of a bad code", minutes, minutesRows(minutesRow("9921", 20)), types.ErrInvalidRow, ""},
		{"minutes of a code already staged", minutes, minutesRows(minutesRow("99213", 25)), types.ErrDuplicateRow, "already stored"},
		{"minutes twice in the chunk", minutes, minutesRows(minutesRow("99214", 30), minutesRow("99214", 30)), types.ErrDuplicateRow, ""},
		{"E/M rows in a minutes chunk", minutes, emRows(emRow("99214", "office-established", 4)), types.ErrInvalidChunk, ""},
		{"level 0", emLevel, emRows(emRow("99211", "office-established", 0)), types.ErrInvalidRow, "level 0: want 1 to 5"},
		{"level 6", emLevel, emRows(emRow("99215", "office-established", 6)), types.ErrInvalidRow, "level 6"},
		{"no family", emLevel, emRows(emRow("99215", "", 5)), types.ErrInvalidRow, "family"},
		{"upper-case family", emLevel, emRows(emRow("99215", "Office", 5)), types.ErrInvalidRow, "a-z, 0-9 and -"},
		{"family with a space", emLevel, emRows(emRow("99215", "office est", 5)), types.ErrInvalidRow, ""},
		{"family of 41 characters", emLevel, emRows(emRow("99215", strings.Repeat("f", 41), 5)), types.ErrInvalidRow, "1 to 40"},
		{"E/M code already staged", emLevel, emRows(emRow("99213", "office-new", 3)), types.ErrDuplicateRow, ""},
		{"minutes rows in an E/M chunk", emLevel, types.ChunkRows{EmLevel: []types.EmLevelRow{emRow("99214", "office-established", 4)},
			TypicalMinutes: []types.TypicalMinutesRow{minutesRow("99214", 30)}}, types.ErrInvalidChunk, ""},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			err := s.stage(tc.kind, 1, 1, tc.rows)
			s.Require().ErrorIs(err, tc.err)
			if tc.msg != "" {
				s.Require().ErrorContains(err, tc.msg)
			}
			s.Require().Equal(beforeMinutes, s.version(minutes, 1), "a refused chunk changes nothing")
			s.Require().Equal(beforeEM, s.version(emLevel, 1))
		})
	}
	// The edges are accepted.
	s.Require().NoError(s.stage(minutes, 1, 1, minutesRows(minutesRow("36415", 1), minutesRow("27447", 1440))))
	s.Require().NoError(s.stage(emLevel, 1, 1, emRows(emRow("99211", "office-established", 1),
		emRow("99215", strings.Repeat("a-9", 13)+"z", 5))))
}

// The version in force follows activations and revocations: the highest active
// version whose applies_from is on or before the date of service.
func (s *RefdataSuite) TestVersionInForceFollowsActivationAndRevocation() {
	s.load(mue, 1, "2025-01-01", mueRows(mueRow("99213", 4, 3)))
	s.load(mue, 2, "2026-01-01", mueRows(mueRow("99213", 2, 3)))
	s.load(mue, 3, "2025-07-01", mueRows(mueRow("99213", 3, 3)))
	for _, tc := range []struct {
		date string
		want uint32
	}{{"2024-12-31", 0}, {"2025-03-01", 1}, {"2025-08-01", 3}, {"2026-03-02", 3}} {
		got, ok, err := s.k.VersionInForce(s.f.Ctx, mue, tc.date)
		s.Require().NoError(err)
		s.Require().Equal(tc.want != 0, ok, tc.date)
		s.Require().Equal(tc.want, got, tc.date)
	}
	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 3, "published too early"))
	got, _, err := s.k.VersionInForce(s.f.Ctx, mue, "2026-03-02")
	s.Require().NoError(err)
	s.Require().Equal(uint32(2), got, "revoking 3 puts 2 back in force")
	got, _, err = s.k.VersionInForce(s.f.Ctx, mue, "2025-08-01")
	s.Require().NoError(err)
	s.Require().Equal(uint32(1), got)
	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 2, "wrong quarter"))
	s.Require().NoError(s.revokeAs(s.f.Gov, mue, 1, "withdrawn"))
	_, ok, err := s.k.VersionInForce(s.f.Ctx, mue, "2026-03-02")
	s.Require().NoError(err)
	s.Require().False(ok, "no active version left")
}
