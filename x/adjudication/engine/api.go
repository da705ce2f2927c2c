package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
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
	// BillingNPI is the NPI of the provider member that submitted the claim.
	BillingNPI string
	// Reference is the reference data in force for the claim's lines.
	Reference ReferenceSnapshot
	// History holds the lines of earlier claims for this member that are paid,
	// payable or pending, for every (rendering NPI, date of service) of the
	// claim's lines, in store order (duplicate and MUE edits).
	History []adjtypes.HistoryLine
	// Overrides set rules aside for some lines: an overturned appeal
	// re-adjudicates its lines without the rule that denied them. Only the
	// rules in Overridable may be set aside.
	Overrides []Override
}

// Override sets one rule aside for one line, with the reason cited in the step.
type Override struct {
	Sequence uint32
	RuleID   string
	Reason   string
}

// Overridable lists the rules an appeal may set aside: clinical and coding
// edits a human can judge otherwise. Eligibility, currency and OIG exclusion
// are facts an appeal cannot change (and the rules after them rely on them).
var Overridable = []string{
	RuleDuplicate, RuleTimelyFiling, RuleDiagnosis, RuleNonCovered, RuleBirthYear, RuleAge, RuleSex,
	RulePTP, RuleMUE, RuleAddOn, RuleAuthAbsent, RuleAuthExceeded, RuleBenefitLimit,
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

// ReferenceSnapshot is the reference data in force for this claim, looked up by
// the keeper in x/refdata for each line's date of service. Every entry carries
// the table version it came from, which the rules cite. Lookups that found
// nothing are simply absent.
type ReferenceSnapshot struct {
	// PTP edits between pairs of this claim's lines on the same date of service
	// and rendering NPI: one entry per (column1, column2, date) that has an edit.
	PTP []PTPEdit
	// MUE rows per (code, date of service) of the claim's lines.
	MUE []MUEEdit
	// Add-on code rows per (code, date) of the claim's lines that are add-on codes.
	AddOn []AddOnEdit
	// Exclusion lookups of every rendering NPI and of the billing NPI, per date of service.
	Exclusions []ExclusionCheck
	// Age/sex limits per (code, date of service) of the claim's lines.
	AgeSex []AgeSexEdit
}

// AgeSexEdit is an age/sex limit row in force on Date.
type AgeSexEdit struct {
	Date    string
	Version uint32
	Row     refdatatypes.AgeSexRow
}

// PTPEdit is an NCCI PTP row in force on Date.
type PTPEdit struct {
	Date    string
	Version uint32
	Row     refdatatypes.PtpRow
}

// MUEEdit is an MUE row in force on Date.
type MUEEdit struct {
	Date    string
	Version uint32
	Row     refdatatypes.MueRow
}

// AddOnEdit is an add-on code row in force on Date.
type AddOnEdit struct {
	Date    string
	Version uint32
	Row     refdatatypes.AddOnRow
}

// ExclusionCheck is the OIG exclusion lookup of one NPI on one date.
type ExclusionCheck struct {
	NPI      string
	Date     string
	Version  uint32
	Excluded bool
	Row      refdatatypes.ExclusionRow
}
