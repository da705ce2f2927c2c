package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis is empty: every insurer starts with the default thresholds.
func DefaultGenesis() *GenesisState { return &GenesisState{} }

// Validate checks every record and that no key appears twice.
func (gs GenesisState) Validate() error {
	seen := map[string]bool{}
	once := func(kind string, key ...any) error {
		k := fmt.Sprint(kind, key)
		if seen[k] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate %s %v", kind, key)
		}
		seen[k] = true
		return nil
	}
	invalid := func(format string, args ...any) error { return errorsmod.Wrapf(ErrInvalidGenesis, format, args...) }
	for _, t := range gs.Thresholds {
		if err := t.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if err := once("thresholds", t.InsurerId); err != nil {
			return err
		}
	}
	for _, f := range gs.Flags {
		if f.ClaimId == "" || !KnownRule(f.RuleId) {
			return invalid("flag %q %q: want a claim id and a known rule", f.ClaimId, f.RuleId)
		}
		if err := once("flag", f.ClaimId, f.RuleId); err != nil {
			return err
		}
	}
	for _, d := range gs.DayTotals {
		if d.Npi == "" || d.Date == "" {
			return invalid("day total without NPI or date")
		}
		if err := once("day total", d.Npi, d.Date); err != nil {
			return err
		}
	}
	for _, c := range gs.EmCounters {
		if c.Npi == "" || c.Family == "" || c.High > c.Total {
			return invalid("E/M counter %q %q: want an NPI, a family and high <= total", c.Npi, c.Family)
		}
		if err := once("E/M counter", c.Npi, c.Family); err != nil {
			return err
		}
	}
	for _, c := range gs.PeerEmCounters {
		if c.InsurerId == 0 || c.Family == "" || c.Bucket >= 16 || c.High > c.Total {
			return invalid("peer E/M counter %d %q %d: want an insurer, a family, a bucket below 16 and high <= total",
				c.InsurerId, c.Family, c.Bucket)
		}
		if err := once("peer E/M counter", c.InsurerId, c.Family, c.Bucket); err != nil {
			return err
		}
	}
	for _, w := range gs.WeekCounts {
		if err := once("week count", w.ProviderId, w.Week); err != nil {
			return err
		}
	}
	for _, s := range gs.ProviderStats {
		if err := s.Billed.Validate(); err != nil {
			return invalid("provider %d billed: %s", s.ProviderId, err)
		}
		if err := s.Approved.Validate(); err != nil {
			return invalid("provider %d approved: %s", s.ProviderId, err)
		}
		if err := once("provider stats", s.ProviderId); err != nil {
			return err
		}
	}
	for _, c := range gs.Contributions {
		if c.ClaimId == "" || (c.Counted && c.Voided) {
			return invalid("contribution of claim %q: want a claim id, counted or voided", c.ClaimId)
		}
		if err := once("contribution", c.ClaimId); err != nil {
			return err
		}
	}
	for _, s := range gs.Screenings {
		if s.ClaimId == "" || s.Bucket >= 16 {
			return invalid("screening of claim %q: want a claim id and a bucket below 16", s.ClaimId)
		}
		if err := once("screening", s.ClaimId); err != nil {
			return err
		}
	}
	return nil
}
