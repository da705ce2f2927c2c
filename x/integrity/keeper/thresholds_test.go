package keeper_test

import (
	"github.com/claimchain/claimchain/x/integrity/types"
)

// TestThresholds: the insurer sets its own; a provider cannot; bad values are refused.
func (s *IntegritySuite) TestThresholds() {
	q := s.query()
	res, err := q.Thresholds(s.f.Ctx, &types.QueryThresholdsRequest{InsurerId: 1})
	s.Require().NoError(err)
	s.Require().True(res.IsDefault)
	s.Require().Equal(types.DefaultThresholds(1), res.Thresholds)

	s.Require().NoError(s.setThresholds(s.f.Validator, 70, 12, 2500, 30, 40000))
	res, err = q.Thresholds(s.f.Ctx, &types.QueryThresholdsRequest{InsurerId: 1})
	s.Require().NoError(err)
	s.Require().False(res.IsDefault)
	s.Require().Equal(types.Thresholds{InsurerId: 1, PendScore: 70, EmMinServices: 12, EmExcessBps: 2500,
		VolumeMinClaims: 30, VolumeFactorBps: 40000}, res.Thresholds)

	s.Require().ErrorIs(s.setThresholds(s.clinic, 70, 12, 2500, 30, 40000), types.ErrNotInsurer)
	for _, bad := range [][5]uint32{
		{0, 10, 2000, 20, 30000}, {1001, 10, 2000, 20, 30000}, {50, 0, 2000, 20, 30000},
		{50, 10, 0, 20, 30000}, {50, 10, 10001, 20, 30000}, {50, 10, 2000, 0, 30000}, {50, 10, 2000, 20, 10000},
	} {
		s.Require().ErrorIs(s.setThresholds(s.f.Validator, bad[0], bad[1], bad[2], bad[3], bad[4]), types.ErrInvalidThresholds, "%v", bad)
	}
	// Still the thresholds set before.
	res, err = q.Thresholds(s.f.Ctx, &types.QueryThresholdsRequest{InsurerId: 1})
	s.Require().NoError(err)
	s.Require().Equal(uint32(70), res.Thresholds.PendScore)
}
