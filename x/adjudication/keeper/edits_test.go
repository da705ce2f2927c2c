package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// TestCodingEditsUseActivatedReferenceTables runs claims through the real
// keepers against reference tables loaded and activated in x/refdata: each
// edit denies its line with its CARC, rule id and the table version cited.
func TestCodingEditsUseActivatedReferenceTables(t *testing.T) {
	const day = "2025-12-15"
	cases := []struct {
		name   string
		kind   refdatatypes.TableKind
		rows   refdatatypes.ChunkRows
		lines  []apptest.BillLine
		denied uint32 // line sequence
		carc   string
		rarc   string
		rule   string
		cites  string
	}{
		{
			name: "excluded rendering provider (OIG LEIE)", kind: refdatatypes.TABLE_KIND_EXCLUSION,
			rows:   refdatatypes.ChunkRows{Exclusion: []refdatatypes.ExclusionRow{{Npi: "1543210987", ExclusionDate: "2025-01-01"}}},
			lines:  []apptest.BillLine{{Code: "99213", Units: 1, Date: day, Billed: 12550, RenderingNPI: "1543210987"}},
			denied: 1, carc: "185", rule: "R-EXCL-185", cites: "version 1",
		},
		{
			name: "NCCI PTP pair, modifier indicator 0", kind: refdatatypes.TABLE_KIND_PTP,
			rows: refdatatypes.ChunkRows{Ptp: []refdatatypes.PtpRow{{Column1: "99214", Column2: "99213", EffectiveDate: "2020-01-01", ModifierIndicator: 0}}},
			lines: []apptest.BillLine{
				{Code: "99214", Units: 1, Date: day, Billed: 15000},
				{Code: "99213", Units: 1, Date: day, Billed: 12550},
			},
			denied: 2, carc: "97", rule: "R-NCCI-PTP", cites: "version 1",
		},
		{
			name: "MUE, adjudication indicator 1", kind: refdatatypes.TABLE_KIND_MUE,
			rows:   refdatatypes.ChunkRows{Mue: []refdatatypes.MueRow{{Code: "97110", Units: 4, AdjudicationIndicator: 1}}},
			lines:  []apptest.BillLine{{Code: "97110", Units: 6, Date: day, Billed: 24000}},
			denied: 1, carc: "151", rarc: "N362", rule: "R-MUE-151", cites: "version 1",
		},
		{
			name: "add-on code without its primary", kind: refdatatypes.TABLE_KIND_ADD_ON,
			rows:   refdatatypes.ChunkRows{AddOn: []refdatatypes.AddOnRow{{AddOnCode: "88185", PrimaryCodes: []string{"88184"}, Type: 1}}},
			lines:  []apptest.BillLine{{Code: "88185", Units: 1, Date: day, Billed: 5000}},
			denied: 1, carc: "107", rule: "R-AOC-107", cites: "version 1",
		},
		{
			// The gold-plan member in these tests is a woman born in 1980.
			name: "age/sex limit: a pediatric-only code", kind: refdatatypes.TABLE_KIND_AGE_SEX,
			rows:   refdatatypes.ChunkRows{AgeSex: []refdatatypes.AgeSexRow{{Code: "99213", MinAge: 0, MaxAge: 17}}},
			lines:  []apptest.BillLine{{Code: "99213", Units: 1, Date: day, Billed: 12550}},
			denied: 1, carc: "6", rule: "R-DEMO-6", cites: "version 1",
		},
		{
			name: "age/sex limit: a male-only code", kind: refdatatypes.TABLE_KIND_AGE_SEX,
			rows:   refdatatypes.ChunkRows{AgeSex: []refdatatypes.AgeSexRow{{Code: "99213", Sex: "M"}}},
			lines:  []apptest.BillLine{{Code: "99213", Units: 1, Date: day, Billed: 12550}},
			denied: 1, carc: "7", rule: "R-DEMO-7", cites: "version 1",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := apptest.Setup(t)
			provider, _ := f.AdmitProvider("Riverside Family Clinic", "1234567893")
			f.PublishGoldPlan()
			f.Enroll(pseudonym)
			f.LoadReference(tc.kind, 1, "2025-01-01", tc.rows)

			claim := f.BillLines(provider, pseudonym, tc.lines...)
			d, err := f.App.AdjudicationKeeper.GetDecision(f.Ctx, claim)
			require.NoError(t, err)
			var line adjtypes.LineDecision
			for _, l := range d.Lines {
				if l.Sequence == tc.denied {
					line = l
				}
			}
			require.Equal(t, adjtypes.DECISION_KIND_DENIED, line.Decision, "line %d", tc.denied)
			require.True(t, line.Benefit.IsZero())
			require.Len(t, line.Adjustments, 1)
			a := line.Adjustments[0]
			require.Equal(t, tc.carc, a.Carc)
			require.Equal(t, tc.rarc, a.Rarc)
			require.Equal(t, tc.rule, a.RuleId)
			var cited bool
			for _, s := range line.Steps {
				cited = cited || (s.RuleId == tc.rule && strings.Contains(s.Render(), tc.cites))
			}
			require.True(t, cited, "the step of %s cites the table version", tc.rule)

			// Without the table in force on the date of service, the same claim passes the edit.
			f2 := apptest.Setup(t)
			p2, _ := f2.AdmitProvider("Riverside Family Clinic", "1234567893")
			f2.PublishGoldPlan()
			f2.Enroll(pseudonym)
			f2.LoadReference(tc.kind, 1, "2026-01-01", tc.rows) // applies only from next year
			claim2 := f2.BillLines(p2, pseudonym, tc.lines...)
			d2, err := f2.App.AdjudicationKeeper.GetDecision(f2.Ctx, claim2)
			require.NoError(t, err)
			for _, l := range d2.Lines {
				for _, adj := range l.Adjustments {
					require.NotEqual(t, tc.rule, adj.RuleId, "a version applies only from its applies_from date")
				}
			}
		})
	}
}
