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

// ReferenceData looks up the CMS/OIG rows in force on a date of service
// (x/refdata); each answer carries the table version to cite.
type ReferenceData interface {
	PTP(ctx context.Context, column1, column2, date string) (uint32, refdatatypes.PtpRow, bool, error)
	MUE(ctx context.Context, code, date string) (uint32, refdatatypes.MueRow, bool, error)
	AddOn(ctx context.Context, code, date string) (uint32, refdatatypes.AddOnRow, bool, error)
	Exclusion(ctx context.Context, npi, date string) (uint32, refdatatypes.ExclusionRow, bool, error)
	AgeSex(ctx context.Context, code, date string) (uint32, refdatatypes.AgeSexRow, bool, error)
}
