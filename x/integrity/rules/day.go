package rules

import (
	"fmt"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// DayUse is one rendering NPI's typical minutes on one date of service:
// before this claim (Prior) and added by it (Claim), with the version of the
// typical-minutes table in force on the date (0: none).
type DayUse struct {
	NPI     string
	Date    string
	Prior   uint64
	Claim   uint64
	Version uint32
}

// ImpossibleDay (R-FLAG-DAY) flags a claim after which a rendering NPI's
// typical minutes on a date exceed 1440: more than a day's work. One finding
// per claim cites every (NPI, date) over the limit, in the order given.
func ImpossibleDay(uses []DayUse) (Finding, bool) {
	f := Finding{RuleID: types.RuleDay, Points: types.PointsDay}
	var sentences []string
	for _, u := range uses {
		total := u.Prior + u.Claim
		if total <= MaxDayMinutes {
			continue
		}
		if f.NPI == "" {
			f.NPI = u.NPI
		}
		table := "no typical-minutes table in force"
		if u.Version > 0 {
			table = fmt.Sprintf("typical-minutes table version %d", u.Version)
		}
		sentences = append(sentences, fmt.Sprintf(
			"rendering NPI %s has %d typical minutes on %s (%d on this claim), more than the %d minutes of a day (%s)",
			u.NPI, total, u.Date, u.Claim, MaxDayMinutes, table))
		f.Figures = append(f.Figures, fig("npi", u.NPI), fig("date", u.Date), fig("total_minutes", total),
			fig("claim_minutes", u.Claim), fig("table_version", u.Version))
		f.Tables = cite(f.Tables, TableTypicalMinutes, u.Version)
	}
	if len(sentences) == 0 {
		return Finding{}, false
	}
	f.Evidence = join(sentences)
	return f, true
}
