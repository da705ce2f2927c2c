package keeper

import (
	"context"

	"github.com/claimchain/claimchain/x/adjudication/engine"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// gatherReference looks up, in x/refdata, the reference rows the coding edits
// need for this claim: PTP edits between pairs of its lines on the same date,
// MUE, add-on and age/sex rows per code and date, and the OIG exclusion status of each
// rendering NPI and of the billing NPI per date. The work is bounded by the
// claim's lines (pairs of at most 50 lines) times a point read each; one
// Lookup reads each table's in-force versions once for the whole claim.
func (k *Keeper) gatherReference(ctx context.Context, claim claimstypes.Claim, in *engine.Input) error {
	if k.refdata == nil {
		return nil
	}
	tables := k.refdata.NewLookup(ctx)
	if billing, err := k.members.GetMember(ctx, claim.ProviderId); err == nil {
		in.BillingNPI = billing.Npi
	}
	ref := &in.Reference
	type npiDate struct{ npi, date string }
	var checked []npiDate
	exclusion := func(npi, date string) error {
		if npi == "" {
			return nil
		}
		for _, c := range checked {
			if c.npi == npi && c.date == date {
				return nil
			}
		}
		checked = append(checked, npiDate{npi, date})
		v, row, excluded, err := tables.Exclusion(npi, date)
		if err != nil {
			return err
		}
		if v > 0 {
			ref.Exclusions = append(ref.Exclusions, engine.ExclusionCheck{NPI: npi, Date: date, Version: v, Excluded: excluded, Row: row})
		}
		return nil
	}
	type codeDate struct{ code, date string }
	var seen []codeDate
	for i, l := range claim.Lines {
		if err := exclusion(l.RenderingNpi, l.ServiceDate); err != nil {
			return err
		}
		if err := exclusion(in.BillingNPI, l.ServiceDate); err != nil {
			return err
		}
		first := true
		for _, s := range seen {
			if s.code == l.Code && s.date == l.ServiceDate {
				first = false
			}
		}
		if first {
			seen = append(seen, codeDate{l.Code, l.ServiceDate})
			if v, row, ok, err := tables.MUE(l.Code, l.ServiceDate); err != nil {
				return err
			} else if ok {
				ref.MUE = append(ref.MUE, engine.MUEEdit{Date: l.ServiceDate, Version: v, Row: row})
			}
			if v, row, ok, err := tables.AddOn(l.Code, l.ServiceDate); err != nil {
				return err
			} else if ok {
				ref.AddOn = append(ref.AddOn, engine.AddOnEdit{Date: l.ServiceDate, Version: v, Row: row})
			}
			if v, row, ok, err := tables.AgeSex(l.Code, l.ServiceDate); err != nil {
				return err
			} else if ok {
				ref.AgeSex = append(ref.AgeSex, engine.AgeSexEdit{Date: l.ServiceDate, Version: v, Row: row})
			}
		}
		for j, m := range claim.Lines {
			if i == j || m.ServiceDate != l.ServiceDate || m.Code == l.Code {
				continue
			}
			// Is there an edit with m in column 1 and l in column 2?
			if v, row, ok, err := tables.PTP(m.Code, l.Code, l.ServiceDate); err != nil {
				return err
			} else if ok && !hasPTP(ref.PTP, row.Column1, row.Column2, l.ServiceDate) {
				ref.PTP = append(ref.PTP, engine.PTPEdit{Date: l.ServiceDate, Version: v, Row: row})
			}
		}
	}
	return nil
}

func hasPTP(edits []engine.PTPEdit, col1, col2, date string) bool {
	for _, e := range edits {
		if e.Row.Column1 == col1 && e.Row.Column2 == col2 && e.Date == date {
			return true
		}
	}
	return false
}
