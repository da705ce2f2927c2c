package keeper_test

import (
	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/claims/keeper"
)

func keeperBilledKey(provider, seq uint64, line uint32) keeper.BilledLineKey {
	return collections.Join3(provider, seq, line)
}
