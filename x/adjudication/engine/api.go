package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Input is everything one adjudication needs; the keeper gathers it.
type Input struct {
	// Claim as submitted (lines, use, member, diagnosis codes, denom).
	Claim claimstypes.Claim
	// ReceivedDate is the block date of submission, YYYY-MM-DD (timely filing,
	// authorization validity).
	ReceivedDate string
	// Coverage of the claim's member with the claim's insurer; nil when the
	// member is not enrolled with that insurer.
	Coverage *adjtypes.Coverage
	// Plan is the plan version in force on the claim's earliest date of
	// service; nil when Coverage is nil or no version was in force.
	Plan *adjtypes.PlanVersion
	// Accumulator is what the member has used of the plan in the plan year of
	// the earliest date of service (zero amounts when nothing yet).
	Accumulator adjtypes.Accumulator
	// Authorizations referenced by the claim's lines through preauth_ref
	// (every authorization whose id starts with "<preauth_ref>#").
	Authorizations []adjtypes.Authorization
}

// Output is the decision and the state it changes.
type Output struct {
	Decision adjtypes.Decision
	// Accumulator after this claim (unchanged for pre-service uses).
	Accumulator adjtypes.Accumulator
	// Authorizations whose units_used changed (consumed by this claim).
	UsedAuthorizations []adjtypes.Authorization
	// NewAuthorizations created by an approved preauthorization's lines.
	NewAuthorizations []adjtypes.Authorization
	// RulesEvaluated counts rule evaluations, for gas.
	RulesEvaluated uint64
}
