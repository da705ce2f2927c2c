package rules

import (
	"fmt"
	"time"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// Volume is a provider's screened claims in the current week (after this
// claim) and in each of the BaselineWeeks weeks before, most recent first.
type Volume struct {
	Week     int64
	Current  uint64
	Previous [BaselineWeeks]uint64
}

// Baseline is the average of the previous weeks, rounded down.
func (v Volume) Baseline() uint64 {
	var sum uint64
	for _, c := range v.Previous {
		sum += c
	}
	return sum / BaselineWeeks
}

// VolumeSpike (R-FLAG-VOLUME) flags a claim that brings its provider's week
// to at least minClaims claims and above factorBps of the baseline
// (current × 10000 > baseline × factorBps). A provider without history
// (baseline 0) is flagged only from 2 × minClaims claims in the week.
func VolumeSpike(v Volume, minClaims, factorBps uint32) (Finding, bool) {
	baseline := v.Baseline()
	start := time.Unix(v.Week*7*86400, 0).UTC().Format("2006-01-02")
	var why string
	switch {
	case baseline == 0:
		if v.Current < 2*uint64(minClaims) {
			return Finding{}, false
		}
		why = fmt.Sprintf("no baseline (no claims in the %d weeks before), and at least twice the minimum of %d",
			BaselineWeeks, minClaims)
	case v.Current >= uint64(minClaims) && v.Current*Bps > baseline*uint64(factorBps):
		why = fmt.Sprintf("more than %d bps of the baseline of %d a week (%d, %d, %d, %d claims in the %d weeks before), and at least the minimum of %d",
			factorBps, baseline, v.Previous[0], v.Previous[1], v.Previous[2], v.Previous[3], BaselineWeeks, minClaims)
	default:
		return Finding{}, false
	}
	f := Finding{RuleID: types.RuleVolume, Points: types.PointsVolume,
		Evidence: fmt.Sprintf("the provider has %d claims in the week from %s: %s", v.Current, start, why),
		Figures: []types.Evidence{fig("week", v.Week), fig("week_start", start), fig("week_claims", v.Current),
			fig("baseline", baseline), fig("previous_weeks", fmt.Sprintf("%d,%d,%d,%d", v.Previous[0], v.Previous[1], v.Previous[2], v.Previous[3])),
			fig("volume_min_claims", minClaims), fig("volume_factor_bps", factorBps)},
	}
	return f, true
}
