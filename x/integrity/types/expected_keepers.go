package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// MembershipKeeper tells whether the signer of thresholds is an active insurer.
type MembershipKeeper interface {
	ActiveInsurer(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
}

// ReferenceData looks up the rows in force on a date of service (x/refdata);
// each answer carries the table version to cite (0 when none is in force).
type ReferenceData interface {
	TypicalMinutes(ctx context.Context, code, date string) (uint32, refdatatypes.TypicalMinutesRow, bool, error)
	EMLevel(ctx context.Context, code, date string) (uint32, refdatatypes.EmLevelRow, bool, error)
}

// Decisions reads a claim's current adjudication decision (x/adjudication).
type Decisions interface {
	GetDecision(ctx context.Context, claimID string) (adjtypes.Decision, error)
}
