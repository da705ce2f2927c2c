package types

import (
	"context"

	"cosmossdk.io/math"

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
	// GetTreatmentResponse returns the member's confirmation or dispute of an
	// attestation (collections.ErrNotFound when none).
	GetTreatmentResponse(ctx context.Context, attestationID string) (attestationtypes.TreatmentResponse, error)
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
	// ReviseClaim changes a decided claim after a review or an appeal
	// decision: lines denied or reduced with the reviewer's codes, or denied
	// lines re-adjudicated without the rule that denied them. Accumulators
	// and the duplicate history follow the change.
	ReviseClaim(ctx context.Context, claim Claim, rev Revision) (Revised, error)
}

// Revision is a change to a decided claim.
type Revision struct {
	// Source names the change ("review", "appeal 1"): the rule id of the
	// adjustments it makes and the reason cited in the explanation.
	Source string
	// Group, CARC and RARC of the adjustments a review makes.
	Group, CARC, RARC string
	// Deny lists lines to deny (their whole billed amount adjusted).
	Deny []uint32
	// Reduce lists lines whose payable is lowered.
	Reduce []LineReview
	// Overturn lists denied lines to adjudicate again, setting aside the rule
	// that denied them.
	Overturn []uint32
}

// Revised is a revision's effect on what the claim pays.
type Revised struct {
	Denom         string
	Before, After math.Int
	// Denied reports that every line is now denied.
	Denied bool
}

// Settler pays adjudicated claims; the claims module owns this seam and
// x/settlement implements it.
type Settler interface {
	// ScheduleClaim queues an adjudicated claim for payment after the insurer's
	// hold period, for what its decision pays.
	ScheduleClaim(ctx context.Context, claim Claim, d DecisionSummary) error
	// CancelClaim drops a voided claim's scheduled payment; it refuses once the claim is paid.
	CancelClaim(ctx context.Context, claim Claim) error
	// IsPaid reports whether the claim was paid (its payment ran).
	IsPaid(ctx context.Context, claimID string) (bool, error)
	// ReviseClaim settles a changed decision: a payment not yet made is
	// scheduled again at the new amount; a paid claim gets a correction (an
	// additional payment, or a recoupment) recorded as a reversal and a
	// corrected claim on the next remittance advice.
	ReviseClaim(ctx context.Context, claim Claim) error
}

// AdjudicationResult is what the adjudicator decided for the whole claim; the
// per-line decisions are kept by the adjudicator itself.
type AdjudicationResult struct {
	Status  ClaimStatus
	Outcome ClaimOutcome
	// Reason is recorded in the claim's history (a rule or decision reference).
	Reason string
	// Decision is what the decision pays and denies, handed on to screening,
	// statistics and settlement in the same tx so none of them reads the
	// stored decision back.
	Decision DecisionSummary
}

// DecisionSummary is what the other modules need of a claim's decision.
type DecisionSummary struct {
	// Benefit is what the insurer pays, in the claim's currency.
	Benefit sdk.Coin
	// Denied reports that every line is denied.
	Denied bool
	// DeniedLines are the sequences of the denied lines.
	DeniedLines []uint32
}

// Integrity screens claims for patterns a human must judge (fraud flags with
// their evidence and a risk score) and keeps the analysts' per-provider
// statistics; the claims module owns this seam and x/integrity implements it.
type Integrity interface {
	// ScreenClaim runs the flag rules on a claim for care given that was just
	// adjudicated (or pended by a rule), stores the flags it raises, and
	// returns pend reasons when the claim's risk score reaches the insurer's
	// threshold (none otherwise).
	ScreenClaim(ctx context.Context, claim Claim, d DecisionSummary) ([]PendReason, error)
	// FlagDispute records that the member disputed the attested treatment
	// (attestationID) a claim bills and returns the pend reason: a dispute
	// pends every claim that is not yet paid.
	FlagDispute(ctx context.Context, claim Claim, attestationID string) ([]PendReason, error)
	// ClaimChanged updates the statistics after any change of a claim
	// (submission, pend, review, appeal decision, void). It is idempotent: it
	// replaces the claim's previous contribution with the current one. d is
	// the claim's decision when the caller has it, nil to read it.
	ClaimChanged(ctx context.Context, claim Claim, d *DecisionSummary) error
}

// PendReason says why a claim is held for review: a rule id and the evidence
// in words (numbers and table versions).
type PendReason struct {
	RuleID string
	Text   string
}
