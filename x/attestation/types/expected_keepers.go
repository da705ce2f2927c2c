package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// MembershipKeeper is what attestation needs of x/membership: who may attest,
// and which insurers exist.
type MembershipKeeper interface {
	// ActiveProvider returns the ACTIVE provider member operated by addr, or an error.
	ActiveProvider(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
	// GetMember returns a member by id, whatever its kind and status.
	GetMember(ctx context.Context, id uint64) (membershiptypes.Member, error)
}
