package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// MembershipKeeper tells which insurer signs.
type MembershipKeeper interface {
	ActiveInsurer(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
}
