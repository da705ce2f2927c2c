package types

import (
	"strings"

	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis has no plans, coverage or decisions.
func DefaultGenesis() *GenesisState { return &GenesisState{} }

// Validate checks plans against their versions and coverage against plans.
func (gs GenesisState) Validate() error {
	plans := map[string]Plan{}
	for _, p := range gs.Plans {
		if err := ValidatePlanID(p.Id); err != nil {
			return err
		}
		if _, dup := plans[p.Id]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "plan %s appears twice", p.Id)
		}
		plans[p.Id] = p
	}
	versions := map[string]uint32{}
	for _, v := range gs.PlanVersions {
		p, ok := plans[v.PlanId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "version of unknown plan %s", v.PlanId)
		}
		if v.Version == 0 || v.Version > p.Versions {
			return errorsmod.Wrapf(ErrInvalidGenesis, "plan %s has no version %d", v.PlanId, v.Version)
		}
		if err := v.Terms.Validate(); err != nil {
			return err
		}
		versions[v.PlanId]++
	}
	for _, p := range gs.Plans {
		if versions[p.Id] != p.Versions {
			return errorsmod.Wrapf(ErrInvalidGenesis, "plan %s lists %d versions, genesis has %d", p.Id, p.Versions, versions[p.Id])
		}
	}
	members := map[string]bool{}
	for _, c := range gs.Coverages {
		if _, ok := plans[c.PlanId]; !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "coverage under unknown plan %s", c.PlanId)
		}
		if members[c.Member] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "member %s enrolled twice", c.Member)
		}
		members[c.Member] = true
	}
	for _, h := range gs.History {
		if h.ClaimId == "" || h.Sequence == 0 || h.Member == "" || h.ServiceDate == "" ||
			strings.Contains(h.Member+h.RenderingNpi+h.ServiceDate, "|") {
			return errorsmod.Wrapf(ErrInvalidGenesis, "malformed history line %s#%d", h.ClaimId, h.Sequence)
		}
	}
	return nil
}
