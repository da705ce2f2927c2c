package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// MembershipKeeper finds insurers and providers (and the provider's payee account).
type MembershipKeeper interface {
	ActiveInsurer(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
	GetMember(ctx context.Context, id uint64) (membershiptypes.Member, error)
}

// BankKeeper moves escrow in and out of the settlement module account.
type BankKeeper interface {
	SendCoinsFromAccountToModule(ctx context.Context, senderAddr sdk.AccAddress, recipientModule string, amt sdk.Coins) error
	SendCoinsFromModuleToAccount(ctx context.Context, senderModule string, recipientAddr sdk.AccAddress, amt sdk.Coins) error
}

// DecisionReader reads adjudication decisions (amounts and adjustments for remittances).
type DecisionReader interface {
	GetDecision(ctx context.Context, claimID string) (adjtypes.Decision, error)
}
