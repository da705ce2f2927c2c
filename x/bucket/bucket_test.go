package bucket

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOfSpreadsProvidersAndSequences(t *testing.T) {
	const n = 16
	require.Equal(t, Of("CLM-2-1", n), Of("CLM-2-1", n), "deterministic")
	same, counts := 0, make([]int, n)
	for seq := 1; seq <= 1000; seq++ {
		a, b := Of(fmt.Sprintf("CLM-2-%d", seq), n), Of(fmt.Sprintf("CLM-11-%d", seq), n)
		require.Less(t, a, uint32(n))
		if a == b {
			same++
		}
		counts[a]++
	}
	require.Less(t, same, 150, "two providers' claims of equal sequence share a bucket about 1 time in 16")
	for i, c := range counts {
		require.Greater(t, c, 20, "bucket %d is nearly empty", i)
	}
}
