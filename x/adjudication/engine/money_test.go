package engine

import (
	"math/big"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"
)

func TestFormatMinor(t *testing.T) {
	cases := map[int64]string{0: "0.00", 5: "0.05", 50: "0.50", 100: "1.00", 8500: "85.00", 123456: "1234.56", -150: "-1.50", -5: "-0.05"}
	for n, want := range cases {
		require.Equal(t, want, formatMinor(math.NewInt(n)))
	}
	require.Equal(t, "0.00", formatMinor(math.Int{}), "nil is zero")
	require.Equal(t, "$85.00", formatMoney("usd", amt(8500)))
	require.Equal(t, "$85.00", formatMoney("", amt(8500)))
	require.Equal(t, "85.00 eur", formatMoney("eur", amt(8500)))
}

func TestFormatBps(t *testing.T) {
	for bps, want := range map[uint32]string{0: "0%", 1: "0.01%", 2000: "20%", 2050: "20.5%", 3333: "33.33%", 10000: "100%"} {
		require.Equal(t, want, formatBps(bps))
	}
}

func TestCheckAmount(t *testing.T) {
	x, err := checkAmount("a", math.Int{})
	require.NoError(t, err)
	require.True(t, x.IsZero())
	_, err = checkAmount("a", math.NewInt(-1))
	require.Error(t, err)
	_, err = checkAmount("a", math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 128)))
	require.Error(t, err)
	_, err = checkAmount("a", math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 128), big.NewInt(1))))
	require.NoError(t, err)
	require.True(t, subFloor(amt(5), amt(7)).IsZero())
	require.True(t, minInt(math.Int{}, amt(3)).IsZero())
	require.Equal(t, int64(3), maxInt(math.Int{}, amt(3)).Int64())
}
