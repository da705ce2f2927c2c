// Package engine is the adjudication engine: a pure function from a claim, the
// plan version in force, the member's coverage, accumulators and authorizations
// to a decision. It has no keeper, no SDK context, no clock, no randomness and
// no floats, so every validator computes byte-identical decisions.
//
// One file per rule; each rule has a rule id and the CARC it produces:
//
//	R-ELIG-31  eligibility.go      CO-31  patient cannot be identified as our insured
//	R-ELIG-26  eligibility.go      PR-26  expenses incurred before coverage
//	R-ELIG-27  eligibility.go      PR-27  expenses incurred after coverage ended
//	R-DENOM-16 denom.go            CO-16  billed in another currency than the plan's (RARC MA130)
//	R-EXCL-185 exclusion.go        CO-185 rendering provider excluded by OIG on the date of service
//	R-EXCL-B7  exclusion.go        CO-B7  billing provider excluded by OIG on the date of service
//	R-DUP-18   duplicate.go        OA-18  exact duplicate of an earlier claim's line; a near
//	                               duplicate pends the claim for review instead
//	R-TF-29    timely_filing.go    CO-29  time limit for filing has expired
//	R-DX-167   diagnosis.go        CO-167 diagnosis not covered
//	R-NC-96    noncovered.go       CO-96  non-covered charge (RARC N130)
//	R-NC-204   noncovered.go       CO-204 service not covered under the patient's benefit plan
//	R-NCCI-PTP ncci_ptp.go         CO-97  NCCI PTP column 2 code, modifier indicator 0
//	R-NCCI-PTP ncci_ptp.go         CO-236 NCCI PTP column 2 code, indicator 1, no NCCI-associated modifier
//	R-MUE-151  mue.go              CO-151 units exceed the MUE (RARC N362)
//	R-AOC-107  add_on.go           CO-107 add-on code without its primary on the claim
//	R-DEMO-13  eligibility.go      CO-13  service after coverage ended because the member died (instead of PR-27)
//	R-DEMO-14  demographic.go      CO-14  date of service in a year before the birth year
//	R-DEMO-6   demographic.go      CO-6   procedure inconsistent with the age (age/sex table)
//	R-DEMO-7   demographic.go      CO-7   procedure inconsistent with the sex (age/sex table)
//	R-PA-197   prior_auth.go       CO-197 precertification/authorization absent
//	R-PA-198   prior_auth.go       CO-198 precertification/authorization exceeded
//	R-LIM-119  benefit_limit.go    CO-119 benefit maximum for this period reached
//	R-FEE-45   fee_schedule.go     CO-45  charge exceeds fee schedule
//	R-DED-1    cost_sharing.go     PR-1   deductible
//	R-COINS-2  cost_sharing.go     PR-2   coinsurance
//	R-COPAY-3  cost_sharing.go     PR-3   co-payment
//	R-OOP      cost_sharing.go     (caps PR-1/2/3 at the out-of-pocket maximum)
//
// Money is integer minor units (math.Int). Rounding rule: coinsurance is
// floor((allowed - deductible) * bps / 10000) — the member's share is rounded
// down to the minor unit and the plan pays the remainder. Invariant on every
// line: submitted = benefit + sum of adjustments, and benefit >= 0.
package engine
