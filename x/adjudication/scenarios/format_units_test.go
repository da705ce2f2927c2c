package scenarios_test

import (
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
