package bench

import storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"

// gasLog is a gas meter that also sums the gas by descriptor.
type gasLog struct {
	storetypes.GasMeter
	by map[string]uint64
}

func (g *gasLog) ConsumeGas(amount storetypes.Gas, descriptor string) {
	g.GasMeter.ConsumeGas(amount, descriptor)
	g.by[descriptor] += amount
}
