package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/adjudication/types"
)

// FeeKey is (plan id, version, "<code>/<modifier>"): one fee schedule entry of
// a plan version ("99213/" is the entry without a modifier).
type FeeKey = collections.Triple[string, uint32, string]

func feeKey(planID string, version uint32, code, modifier string) FeeKey {
	return collections.Join3(planID, version, code+"/"+modifier)
}

// A plan version is stored without its fee schedule; each fee schedule entry
// is stored on its own. Adjudication then reads only the entries of the
// claim's codes (a few point reads) instead of decoding a schedule of up to
// MaxFeeSchedule entries for every claim.

// setPlanVersion stores a plan version and its fee schedule entries.
func (k *Keeper) setPlanVersion(ctx context.Context, pv types.PlanVersion) error {
	for _, e := range pv.Terms.FeeSchedule {
		if err := k.FeeSchedule.Set(ctx, feeKey(pv.PlanId, pv.Version, e.Code, e.Modifier), e); err != nil {
			return err
		}
	}
	pv.Terms.FeeSchedule = nil
	return k.PlanVersions.Set(ctx, collections.Join(pv.PlanId, pv.Version), pv)
}

// GetPlanVersion returns a plan version with its whole fee schedule (in code
// and modifier order), for queries and export.
func (k *Keeper) GetPlanVersion(ctx context.Context, planID string, version uint32) (types.PlanVersion, error) {
	pv, err := k.PlanVersions.Get(ctx, collections.Join(planID, version))
	if err != nil {
		return pv, err
	}
	err = k.FeeSchedule.Walk(ctx, collections.NewSuperPrefixedTripleRange[string, uint32, string](planID, version),
		func(_ FeeKey, e types.FeeScheduleEntry) (bool, error) {
			pv.Terms.FeeSchedule = append(pv.Terms.FeeSchedule, e)
			return false, nil
		})
	return pv, err
}

// feesFor reads the fee schedule entries of a plan version that can price
// the given lines: per code, the entry without a modifier and the entries of
// the line's modifiers. At most 1 + MaxModifiers point reads per distinct
// code and modifier set, never a walk of the schedule.
func (k *Keeper) feesFor(ctx context.Context, pv *types.PlanVersion, lines []lineCode) ([]types.FeeScheduleEntry, error) {
	var out []types.FeeScheduleEntry
	var tried []string
	get := func(code, modifier string) error {
		key := code + "/" + modifier
		for _, t := range tried {
			if t == key {
				return nil
			}
		}
		tried = append(tried, key)
		e, err := k.FeeSchedule.Get(ctx, feeKey(pv.PlanId, pv.Version, code, modifier))
		switch {
		case err == nil:
			out = append(out, e)
		case !isNotFound(err):
			return err
		}
		return nil
	}
	for _, l := range lines {
		for _, m := range l.modifiers {
			if m == "" {
				continue
			}
			if err := get(l.code, m); err != nil {
				return nil, err
			}
		}
		if err := get(l.code, ""); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lineCode is what prices a line: its code and modifiers.
type lineCode struct {
	code      string
	modifiers []string
}
