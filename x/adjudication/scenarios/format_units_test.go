package scenarios_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

func TestDollars(t *testing.T) {
	for _, tc := range []struct {
		in    string
		cents int64
	}{
		{"125.50", 12550}, {"$1,500.00", 150000}, {"0.05", 5}, {"7", 700}, {"7.5", 750}, {"12000.00", 1200000},
	} {
		got, err := ParseDollars(tc.in)
		require.NoError(t, err, tc.in)
		require.Equal(t, math.NewInt(tc.cents), got, tc.in)
	}
	for _, bad := range []string{"", "12.345", "-1.00", "1e3", "12.5.0", "abc", "$", ".50"} {
		_, err := ParseDollars(bad)
		require.Error(t, err, bad)
	}
	require.Equal(t, "$0.05", FormatDollars(math.NewInt(5)))
	require.Equal(t, "$1,234,567.89", FormatDollars(math.NewInt(123456789)))
	require.Equal(t, "-$35.50", FormatDollars(math.NewInt(-3550)))

	c, err := canonicalAdjustment("CO-96  N130 $2,400.00")
	require.NoError(t, err)
	require.Equal(t, "CO-96 N130 2400.00", c)
	_, err = canonicalAdjustment("CO 45 35.50")
	require.Error(t, err)
}

// TestEveryCARCHasAScenario keeps the promise of the scenario folder: at least
// one scenario shows each claim adjustment reason code the engine produces.
func TestEveryCARCHasAScenario(t *testing.T) {
	want := []string{"1", "2", "3", "6", "7", "13", "14", "16", "18", "26", "27", "29", "31", "45", "96", "97", "107", "119", "151", "167", "185", "197", "198", "204", "236", "B7"}
	files, err := filepath.Glob("*.yaml")
	require.NoError(t, err)
	shown := map[string][]string{}
	for _, path := range files {
		sc, err := LoadScenario(path)
		require.NoError(t, err)
		for _, st := range sc.When {
			if st.Then == nil {
				continue
			}
			for _, l := range st.Then.Lines {
				for _, a := range *l.Adjustments {
					c, _ := canonicalAdjustment(a)
					carc := strings.SplitN(strings.Fields(c)[0], "-", 2)[1]
					shown[carc] = append(shown[carc], path)
				}
			}
		}
	}
	var missing []string
	for _, c := range want {
		if len(shown[c]) == 0 {
			missing = append(missing, c)
		}
	}
	sort.Strings(missing)
	require.Empty(t, missing, "CARCs without a scenario")
}

// TestStepKinds reads the steps after a claim (review, appeal,
// decide_appeal, dispute, confirm, thresholds) and refuses fields that mean
// nothing for a step's kind.
func TestStepKinds(t *testing.T) {
	load := func(when string) (*Scenario, error) {
		path := filepath.Join(t.TempDir(), "s.yaml")
		body := "scenario: t\ngiven: {plan: gold, thresholds: {pend_score: 30}}\nwhen:\n" +
			"  - claim: visit\n    diagnoses: [I10]\n    lines: [{code: \"99213\", date: 2026-03-10, billed: \"125.50\"}]\n" + when
		require.NoError(t, os.WriteFile(path, []byte(body), 0o600))
		return LoadScenario(path)
	}
	sc, err := load(`  - review: visit
    action: Adjust
    group: CO
    carc: "150"
    lines: [{line: 1, payable: "30.00"}]
  - appeal: visit
    lines: [1]
  - decide_appeal: visit
    appeal: 2
    overturn: false
  - dispute: visit
  - confirm: visit
  - thresholds: {em_min_services: 3}
    then: {provider_stats: {claims: 1, billed: "125.50", flags: {}}}
`)
	require.NoError(t, err)
	require.NotNil(t, sc.Given.Thresholds.PendScore)
	require.Equal(t, uint32(30), *sc.Given.Thresholds.PendScore)
	require.Nil(t, sc.Given.Thresholds.EmMinServices)
	st := sc.When[1:]
	require.Equal(t, "review", st[0].Kind())
	require.Equal(t, "adjust", st[0].Action)
	require.Equal(t, []ReviewLine{{Line: 1, Payable: &Dollars{Cents: math.NewInt(3000)}}}, st[0].ReviewLines)
	require.Equal(t, "appeal", st[1].Kind())
	require.Equal(t, []uint32{1}, st[1].AppealLines)
	require.Equal(t, "decide appeal 2 of visit", st[2].Name())
	require.Equal(t, "dispute visit", st[3].Name())
	require.Equal(t, "confirm", st[4].Kind())
	require.Equal(t, "thresholds", st[5].Kind())

	for _, bad := range []struct{ when, err string }{
		{"  - review: visit\n    action: approve\n    diagnoses: [I10]\n", "a review step takes action, group, carc, rarc, lines, notes, arrives and then, not diagnoses"},
		{"  - review: visit\n    action: maybe\n", "action: approve, adjust or deny"},
		{"  - review: visit\n    action: adjust\n", "action adjust needs lines"},
		{"  - review: visit\n    action: adjust\n    lines: [{line: 1, payabel: \"1.00\"}]\n", "unknown field"},
		{"  - appeal: visit\n", "an appeal needs lines"},
		{"  - appeal: visit\n    lines: [{line: 1}]\n", "appeal lines"},
		{"  - decide_appeal: visit\n", "overturn: true"},
		{"  - decide_appeal: visit\n    appeal: first\n    overturn: true\n", "appeal is the appeal's number"},
		{"  - dispute: nothing\n", "is not an earlier claim"},
		{"  - dispute: visit\n    lines: [{code: \"99213\", date: 2026-03-10, billed: \"1.00\"}]\n", "a dispute step takes reason, arrives and then, not lines"},
		{"  - confirm: visit\n    void: visit\n", "exactly one of"},
		{"  - thresholds: {pend_scor: 3}\n", "unknown field"},
		{"  - thresholds: {pend_score: 30}\n    then: {flags: []}\n", "a thresholds step checks only accumulators and provider_stats"},
		{"  - void: visit\n    then: {status: VOIDED}\n", "a void step checks only"},
		{"  - review: visit\n    action: approve\n    then: {provider_stats: {claimz: 1}}\n", "unknown field"},
	} {
		_, err := load(bad.when)
		require.ErrorContains(t, err, bad.err, bad.when)
	}
}
