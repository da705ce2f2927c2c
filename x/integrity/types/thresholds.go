package types

import errorsmod "cosmossdk.io/errors"

// Defaults of an insurer that set no thresholds.
const (
	DefaultPendScore       = 50
	DefaultEmMinServices   = 10
	DefaultEmExcessBps     = 2_000
	DefaultVolumeMinClaims = 20
	DefaultVolumeFactorBps = 30_000

	MaxPendScore       = 1_000
	MaxEmMinServices   = 1_000_000
	MaxVolumeMinClaims = 1_000_000
	// MaxVolumeFactorBps is 100 times the baseline.
	MaxVolumeFactorBps = 1_000_000
)

// DefaultThresholds are the thresholds of an insurer that set none.
func DefaultThresholds(insurer uint64) Thresholds {
	return Thresholds{
		InsurerId: insurer, PendScore: DefaultPendScore, EmMinServices: DefaultEmMinServices,
		EmExcessBps: DefaultEmExcessBps, VolumeMinClaims: DefaultVolumeMinClaims, VolumeFactorBps: DefaultVolumeFactorBps,
	}
}

// Validate checks the ranges: pend_score 1..1000, em_min_services 1..1e6,
// em_excess_bps 1..10000, volume_min_claims 1..1e6, volume_factor_bps above
// 10000 (a spike is more than the baseline) up to 1e6.
func (t Thresholds) Validate() error {
	switch {
	case t.InsurerId == 0:
		return errorsmod.Wrap(ErrInvalidThresholds, "insurer_id is required")
	case t.PendScore < 1 || t.PendScore > MaxPendScore:
		return errorsmod.Wrapf(ErrInvalidThresholds, "pend_score %d: want 1 to %d", t.PendScore, MaxPendScore)
	case t.EmMinServices < 1 || t.EmMinServices > MaxEmMinServices:
		return errorsmod.Wrapf(ErrInvalidThresholds, "em_min_services %d: want 1 to %d", t.EmMinServices, MaxEmMinServices)
	case t.EmExcessBps < 1 || t.EmExcessBps > 10_000:
		return errorsmod.Wrapf(ErrInvalidThresholds, "em_excess_bps %d: want 1 to 10000", t.EmExcessBps)
	case t.VolumeMinClaims < 1 || t.VolumeMinClaims > MaxVolumeMinClaims:
		return errorsmod.Wrapf(ErrInvalidThresholds, "volume_min_claims %d: want 1 to %d", t.VolumeMinClaims, MaxVolumeMinClaims)
	case t.VolumeFactorBps <= 10_000 || t.VolumeFactorBps > MaxVolumeFactorBps:
		return errorsmod.Wrapf(ErrInvalidThresholds, "volume_factor_bps %d: want 10001 to %d", t.VolumeFactorBps, MaxVolumeFactorBps)
	}
	return nil
}

// Thresholds of a MsgSetThresholds for the given insurer.
func (m MsgSetThresholds) Thresholds(insurer uint64) Thresholds {
	return Thresholds{
		InsurerId: insurer, PendScore: m.PendScore, EmMinServices: m.EmMinServices, EmExcessBps: m.EmExcessBps,
		VolumeMinClaims: m.VolumeMinClaims, VolumeFactorBps: m.VolumeFactorBps,
	}
}
