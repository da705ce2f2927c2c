package engine

import (
	"testing"

	"github.com/stretchr/testify/require"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

func TestCodeInRange(t *testing.T) {
	cases := []struct {
		code string
		r    adjtypes.CodeRange
		want bool
	}{
		{"99213", cr("99213", ""), true},
		{"99214", cr("99213", ""), false},
		{"99213", cr("99213", "99213"), true},
		{"99202", cr("99202", "99215"), true},
		{"99215", cr("99202", "99215"), true},
		{"99213", cr("99202", "99215"), true},
		{"99216", cr("99202", "99215"), false},
		{"9921", cr("99202", "99215"), false},
		{"992130", cr("99202", "99215"), false},
		{"G0101", cr("G0100", "G0199"), true},
		{"H0101", cr("G0100", "G0199"), false},
		{"9920", cr("99202", "9921"), false}, // ranges of unequal length hold nothing
		{"", cr("", ""), true},
		{"99213", cr("99215", "99202"), false}, // reversed range
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, codeInRange(tc.code, tc.r), "%s in %+v", tc.code, tc.r)
	}
	require.Equal(t, 1, findCode("97112", []adjtypes.CodeRange{cr("97110", ""), cr("97112", "")}))
	require.Equal(t, -1, findCode("97113", []adjtypes.CodeRange{cr("97110", ""), cr("97112", "")}))
	require.Equal(t, "99202–99215", describeRange(cr("99202", "99215")))
	require.Equal(t, "27447", describeRange(cr("27447", "")))
}
