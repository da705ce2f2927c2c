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

// CoverageKeeper is what attestation needs of x/adjudication: the account
// enrolled for a member, which alone may confirm or dispute care about them.
type CoverageKeeper interface {
	// MemberAccount returns the bech32 account enrolled for the member's
	// coverage with insurerID, or "" (and no error) when the insurer enrolled
	// the member without an account. It returns an error when the member has no
	// coverage with that insurer.
	MemberAccount(ctx context.Context, member string, insurerID uint64) (string, error)
}

// TreatmentHooks are called by the attestation keeper after a member's
// response; x/claims implements them. An error aborts the msg, so the
// response is not recorded either.
type TreatmentHooks interface {
	// AfterTreatmentDisputed is called once, after a dispute of att is stored.
	AfterTreatmentDisputed(ctx context.Context, att Attestation) error
}
