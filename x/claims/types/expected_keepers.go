package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// MembershipKeeper tells who may submit and who is billed.
type MembershipKeeper interface {
	ActiveProvider(ctx context.Context, addr sdk.AccAddress) (membershiptypes.Member, error)
	GetMember(ctx context.Context, id uint64) (membershiptypes.Member, error)
}

// AttestationKeeper finds the attested service lines that claim lines bill.
type AttestationKeeper interface {
	GetAttestation(ctx context.Context, id string) (attestationtypes.Attestation, error)
}

// Adjudicator decides a newly submitted claim in the same transaction. The
// claims module owns this seam; x/adjudication implements it. Without one, a
// claim stays SUBMITTED with the FHIR outcome "queued".
type Adjudicator interface {
	Adjudicate(ctx context.Context, claim Claim) (AdjudicationResult, error)
	// ReleaseClaim gives back what a voided claim used (accumulators,
	// authorizations), going forward; decided claims are not re-adjudicated.
	ReleaseClaim(ctx context.Context, claim Claim) error
	// LineDenied reports whether a line of a decided claim was denied, which
	// frees its attested line to be billed again.
	LineDenied(ctx context.Context, claimID string, sequence uint32) (bool, error)
}

// Settler pays adjudicated claims; the claims module owns this seam and
// x/settlement implements it.
type Settler interface {
	// ScheduleClaim queues an adjudicated claim for payment after the insurer's hold period.
	ScheduleClaim(ctx context.Context, claim Claim) error
	// CancelClaim drops a voided claim's scheduled payment; it refuses once the claim is paid.
	CancelClaim(ctx context.Context, claim Claim) error
}

// AdjudicationResult is what the adjudicator decided for the whole claim; the
// per-line decisions are kept by the adjudicator itself.
type AdjudicationResult struct {
	Status  ClaimStatus
	Outcome ClaimOutcome
	// Reason is recorded in the claim's history (a rule or decision reference).
	Reason string
}
