package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// MembershipKeeper tells which insurer signs, and the billing provider's NPI.
type MembershipKeeper interface {
	ActiveInsurer(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
	GetMember(ctx context.Context, id uint64) (membershiptypes.Member, error)
}

// ReferenceData opens lookups of the CMS/OIG rows in force on a date of service
// (x/refdata); each answer carries the table version to cite. One Lookup serves
// one claim: it reads each table's in-force versions once.
type ReferenceData interface {
	NewLookup(ctx context.Context) refdatatypes.Lookup
}
