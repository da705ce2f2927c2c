package engine

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	sdkmath "cosmossdk.io/math"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// StepSkipped is the rule id of the step that lists the rules a denied line
// did not reach.
const StepSkipped = "SKIPPED"

// AuthorizationValidityDays is how long after its date of service an
// authorization created by a preauthorization stays valid.
const AuthorizationValidityDays = 90

// rule is one entry of the rule table, evaluated per line in table order.
type rule struct {
	// id names the rule in the list of skipped rules ("R-PA-197/198").
	id string
	// name says what the rule checks, in plain words.
	name string
	// appliesTo reports whether the rule runs for a claim use; nil means every use.
	appliesTo func(claimstypes.ClaimUse) bool
	// notApplicable explains, as a step with rule id stepID, why the rule
	// does not run for a use: a template and its arguments.
	notApplicable func(claimstypes.ClaimUse) (adjtypes.StepTemplate, []string)
	stepID        string
	// eval checks or prices the line. It denies through lineRun.deny and
	// returns an error only for inputs it cannot process.
	eval func(c *claimRun, l *lineRun) error
}

// rules is the rule table, in evaluation order. The first rule that denies a
// line denies all of it and the rules after it are skipped. Fee schedule and
// cost sharing never deny: they price an approved line.
var rules = []rule{
	{id: RuleNotInsured, name: "eligibility", eval: checkInsured},
	{id: RuleBeforeCoverage, name: "coverage start", eval: checkCoverageStart},
	{id: RuleAfterCoverage, name: "coverage end", eval: checkCoverageEnd},
	{id: RuleDenom, name: "billing currency", eval: checkDenom},
	{id: RuleExclRendering + "/B7", name: "OIG exclusion", eval: checkExclusion},
	{id: RuleDuplicate, name: "duplicates", appliesTo: duplicatesApply, notApplicable: duplicatesNotApplicable, stepID: RuleDuplicate, eval: checkDuplicate},
	{id: RuleTimelyFiling, name: "timely filing", appliesTo: timelyFilingApplies, notApplicable: timelyFilingNotApplicable, stepID: RuleTimelyFiling, eval: checkTimelyFiling},
	{id: RuleDiagnosis, name: "diagnosis", eval: checkDiagnoses},
	{id: RuleNonCovered, name: "excluded codes", eval: checkNonCoveredCode},
	{id: RuleNotInPlan, name: "service category", eval: checkServiceCategory},
	{id: RuleBirthYear + "/" + RuleAge + "/" + RuleSex, name: "age and sex", eval: checkDemographics},
	{id: RulePTP, name: "NCCI PTP edits", appliesTo: codingEditsApply, notApplicable: codingEditNotApplicable(adjtypes.StepPTPNotApplicable), stepID: RulePTP, eval: checkPTP},
	{id: RuleMUE, name: "medically unlikely edits", appliesTo: codingEditsApply, notApplicable: codingEditNotApplicable(adjtypes.StepMUENotApplicable), stepID: RuleMUE, eval: checkMUE},
	{id: RuleAddOn, name: "add-on codes", appliesTo: codingEditsApply, notApplicable: codingEditNotApplicable(adjtypes.StepAddOnNotApplicable), stepID: RuleAddOn, eval: checkAddOn},
	{id: RuleAuthAbsent + "/198", name: "prior authorization", appliesTo: priorAuthApplies, notApplicable: priorAuthNotApplicable, stepID: RuleAuthAbsent, eval: checkPriorAuth},
	{id: RuleBenefitLimit, name: "benefit limits", eval: checkBenefitLimits},
	{id: RuleFeeSchedule, name: "fee schedule", eval: applyFeeSchedule},
	{id: RuleDeductible + "/" + RuleCoinsurance + "/" + RuleCopay + "/" + RuleOutOfPocket, name: "cost sharing", eval: applyCostSharing},
}

// claimRun is the state of one adjudication: the validated input and what the
// lines adjudicated so far have used. Later lines of a claim see the
// deductible, out-of-pocket, benefit-limit and authorization use of earlier
// approved lines, exactly as if they had been billed on separate claims.
type claimRun struct {
	in       *Input
	use      claimstypes.ClaimUse
	terms    *adjtypes.PlanTerms // nil when the member is not covered
	denom    string              // the claim's currency
	received time.Time
	earliest string // earliest date of service
	planYear int32

	// diagnoses are the claim's ICD-10-CM codes, upper-case and without dots;
	// excludedDx are the plan's excluded codes and prefixes, likewise.
	diagnoses  []string
	excludedDx []string

	// Running totals: the accumulator plus this claim's earlier approved lines.
	deductibleMet sdkmath.Int
	oopSpent      sdkmath.Int
	limitUsed     map[string]uint64

	// Working copies of the authorizations, by id, and their ids sorted.
	auths    map[string]*adjtypes.Authorization
	authIDs  []string
	consumed map[string]bool

	rulesEvaluated uint64

	// pends are the reasons to hold the claim for review (rule id, template
	// and arguments).
	pends []adjtypes.Step
}

// pend holds the whole claim for the insurer's review; the lines keep their
// decisions, and nothing is payable until the review.
func (c *claimRun) pend(ruleID string, t adjtypes.StepTemplate, args ...string) {
	c.pends = append(c.pends, adjtypes.NewStep(ruleID, t, args...))
}

// lineRun is the state of one line while the rules run.
type lineRun struct {
	line    *claimstypes.ClaimLine
	billed  sdkmath.Int
	service time.Time

	dec      adjtypes.LineDecision
	denied   bool
	deniedBy string
	// overrides are the rules set aside for this line (Input.Overrides).
	overrides []Override

	// Set by the rules for an approved line, applied when the line is done.
	category    *adjtypes.ServiceCategory
	allowed     sdkmath.Int
	deductible  sdkmath.Int
	copay       sdkmath.Int
	coinsurance sdkmath.Int
	authID      string
	limitUses   []adjtypes.LimitUse
}

// step adds an explanation to the line: a template of adjtypes and its
// arguments, rendered to words only when read.
func (l *lineRun) step(ruleID string, t adjtypes.StepTemplate, args ...string) {
	l.dec.Steps = append(l.dec.Steps, adjtypes.NewStep(ruleID, t, args...))
}

// deny denies the whole line: one adjustment of the billed amount carrying the
// denial's group code, CARC and RARC, explained by template t. The adjustment
// is kept even when the billed amount is zero, because it carries the reason.
// A denial set aside by an override keeps its words, rendered, inside the
// set-aside step: it is rare, and one template then covers every denial.
func (l *lineRun) deny(ruleID string, group adjtypes.GroupCode, carc, rarc string, t adjtypes.StepTemplate, args ...string) {
	for _, o := range l.overrides {
		if o.RuleID == ruleID {
			l.step(ruleID, adjtypes.StepSetAside, o.Reason, adjtypes.NewStep(ruleID, t, args...).Render())
			return
		}
	}
	l.dec.Adjustments = append(l.dec.Adjustments, adjtypes.Adjustment{
		Group: group, Carc: carc, Rarc: rarc, Amount: l.billed, RuleId: ruleID,
	})
	l.step(ruleID, t, args...)
	l.denied = true
	l.deniedBy = ruleID
}

// adjust records a pricing adjustment; zero amounts are not recorded.
func (l *lineRun) adjust(ruleID string, group adjtypes.GroupCode, carc string, amount sdkmath.Int) {
	if !amount.IsPositive() {
		return
	}
	l.dec.Adjustments = append(l.dec.Adjustments, adjtypes.Adjustment{
		Group: group, Carc: carc, Amount: amount, RuleId: ruleID,
	})
}

// money formats an amount in the claim's currency.
func (c *claimRun) money(x sdkmath.Int) string { return formatMoney(c.denom, x) }

// Adjudicate decides one claim. It is a pure function of its input: the same
// Input gives byte-identical Output on every validator.
//
// Semantics, beyond the rule table in the package doc:
//   - Plan year: the calendar year of the claim's earliest date of service; the
//     plan version in force then applies to every line.
//   - Lines are adjudicated in claim order. The first rule that denies a line
//     denies all of it (one adjustment of the billed amount) and the line gets
//     no benefit. An approved line may still pay nothing (deductible).
//   - A later line sees what earlier approved lines used: deductible,
//     out-of-pocket, benefit-limit units and authorization units.
//   - A rule may pend the claim (Decision.PendReasons) without denying a line:
//     the lines keep their decisions and the accumulators are updated as for
//     any claim, but the claims module holds the claim PENDED and nothing is
//     payable until the insurer reviews it.
//   - Claim decision: APPROVED when every line is, DENIED when every line is,
//     PARTIALLY_APPROVED otherwise. patient_responsibility is the sum of all PR
//     adjustments, including PR-26/27 denials (which do not count towards the
//     deductible or the out-of-pocket maximum: they are not covered care).
//   - use=claim updates the accumulator and consumes authorizations.
//     use=predetermination runs every rule except timely filing, reading (not
//     consuming) authorizations and accumulators. use=preauthorization skips
//     timely filing, the coding edits (NCCI PTP, MUE, add-on) and prior
//     authorization, reads accumulators, and creates one authorization per
//     approved line.
//   - The coding edits compare a line with the claim's other lines as billed
//     (iterated in claim order), so a line's result does not depend on what
//     other rules decided for the other lines. Without reference data
//     (Input.Reference empty) the exclusion and coding edits deny nothing.
//
// Errors are returned for inputs that cannot be adjudicated (unknown use, no
// lines, zero units, malformed dates, negative or out-of-range amounts, an
// accumulator of another member or year, duplicate line sequences or
// authorization ids) and if the line invariant ever fails. It never panics
// on such inputs.
func Adjudicate(in Input) (Output, error) {
	c, err := newClaimRun(&in)
	if err != nil {
		return Output{}, err
	}
	cl := &in.Claim
	dec := adjtypes.Decision{
		ClaimId:               cl.Id,
		Denom:                 c.denom,
		PlanYear:              c.planYear,
		Lines:                 make([]adjtypes.LineDecision, 0, len(cl.Lines)),
		TotalSubmitted:        sdkmath.ZeroInt(),
		TotalBenefit:          sdkmath.ZeroInt(),
		PatientResponsibility: sdkmath.ZeroInt(),
	}
	if in.Coverage != nil && in.Plan != nil {
		dec.PlanId = in.Plan.PlanId
		dec.PlanVersion = in.Plan.Version
	}
	var out Output
	approved, denied := 0, 0
	for i := range cl.Lines {
		line := &cl.Lines[i]
		ld, err := c.adjudicateLine(line)
		if err != nil {
			return Output{}, fmt.Errorf("claim %s line %d: %w", cl.Id, line.Sequence, err)
		}
		if ld.Decision == adjtypes.DECISION_KIND_APPROVED {
			approved++
			if c.use == claimstypes.CLAIM_USE_PREAUTHORIZATION {
				out.NewAuthorizations = append(out.NewAuthorizations, newAuthorization(cl, line, c.received))
			}
		} else {
			denied++
		}
		dec.TotalSubmitted = dec.TotalSubmitted.Add(ld.Submitted)
		dec.TotalBenefit = dec.TotalBenefit.Add(ld.Benefit)
		for _, a := range ld.Adjustments {
			if a.Group == adjtypes.GROUP_CODE_PR {
				dec.PatientResponsibility = dec.PatientResponsibility.Add(a.Amount)
			}
		}
		dec.Lines = append(dec.Lines, ld)
	}
	switch {
	case denied == 0:
		dec.Decision = adjtypes.DECISION_KIND_APPROVED
	case approved == 0:
		dec.Decision = adjtypes.DECISION_KIND_DENIED
	default:
		dec.Decision = adjtypes.DECISION_KIND_PARTIALLY_APPROVED
	}

	if c.use == claimstypes.CLAIM_USE_CLAIM {
		acc, err := c.accumulatorAfter()
		if err != nil {
			return Output{}, err
		}
		out.Accumulator = acc
		// Accumulators exist only under a plan: a claim for someone not covered
		// (CO-31) uses none.
		dec.Accumulated = in.Plan != nil && in.Coverage != nil
		for _, id := range c.authIDs {
			if c.consumed[id] {
				out.UsedAuthorizations = append(out.UsedAuthorizations, *c.auths[id])
			}
		}
	} else {
		out.Accumulator = copyAccumulator(in.Accumulator)
	}
	dec.PendReasons = c.pends
	out.Decision = dec
	out.RulesEvaluated = c.rulesEvaluated
	return out, nil
}

// adjudicateLine runs the rule table on one line, applies what an approved
// line used to the running totals, and checks the line invariant.
func (c *claimRun) adjudicateLine(line *claimstypes.ClaimLine) (adjtypes.LineDecision, error) {
	billed := nz(line.Billed.Amount)
	service, err := parseDate("service_date", line.ServiceDate)
	if err != nil {
		return adjtypes.LineDecision{}, err
	}
	l := &lineRun{
		line:        line,
		billed:      billed,
		service:     service,
		allowed:     sdkmath.ZeroInt(),
		deductible:  sdkmath.ZeroInt(),
		copay:       sdkmath.ZeroInt(),
		coinsurance: sdkmath.ZeroInt(),
		dec: adjtypes.LineDecision{
			Sequence:    line.Sequence,
			Submitted:   billed,
			Adjustments: []adjtypes.Adjustment{},
			Steps:       []adjtypes.Step{},
			LimitUses:   []adjtypes.LimitUse{},
		},
	}
	for _, o := range c.in.Overrides {
		if o.Sequence == line.Sequence && slices.Contains(Overridable, o.RuleID) {
			l.overrides = append(l.overrides, o)
		}
	}
	for i, r := range rules {
		if l.denied {
			if skipped := skippedRules(rules[i:], c.use); skipped != "" {
				l.step(StepSkipped, adjtypes.StepNotEvaluated, l.deniedBy, skipped)
			}
			break
		}
		if r.appliesTo != nil && !r.appliesTo(c.use) {
			t, args := r.notApplicable(c.use)
			l.step(r.stepID, t, args...)
			continue
		}
		c.rulesEvaluated++
		if err := r.eval(c, l); err != nil {
			return adjtypes.LineDecision{}, fmt.Errorf("%s: %w", r.id, err)
		}
	}

	d := &l.dec
	if l.denied {
		d.Decision = adjtypes.DECISION_KIND_DENIED
		d.Allowed, d.Deductible, d.Copay, d.Coinsurance, d.Benefit =
			sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt()
	} else {
		d.Decision = adjtypes.DECISION_KIND_APPROVED
		share := l.deductible.Add(l.copay).Add(l.coinsurance)
		d.Allowed, d.Deductible, d.Copay, d.Coinsurance = l.allowed, l.deductible, l.copay, l.coinsurance
		d.Benefit = l.allowed.Sub(share)
		if l.category != nil {
			d.CategoryId = l.category.Id
		}
		if len(l.limitUses) > 0 {
			d.LimitUses = l.limitUses
		}
		if err := c.apply(l, share); err != nil {
			return adjtypes.LineDecision{}, err
		}
	}
	if err := checkInvariant(d); err != nil {
		return adjtypes.LineDecision{}, err
	}
	return *d, nil
}

// apply adds what an approved line used to the running totals: deductible,
// out-of-pocket, benefit-limit units and authorization units.
func (c *claimRun) apply(l *lineRun, share sdkmath.Int) error {
	c.deductibleMet = c.deductibleMet.Add(l.deductible)
	c.oopSpent = c.oopSpent.Add(share)
	for _, u := range l.limitUses {
		total := c.limitUsed[u.LimitId] + uint64(u.Units)
		if total > math.MaxUint32 {
			return fmt.Errorf("benefit limit %s: units used overflow", u.LimitId)
		}
		c.limitUsed[u.LimitId] = total
	}
	if l.authID != "" {
		a := c.auths[l.authID]
		// checkPriorAuth made sure units_used + units <= units_approved.
		a.UnitsUsed += l.line.Units
		if c.use == claimstypes.CLAIM_USE_CLAIM {
			c.consumed[l.authID] = true
			l.dec.AuthorizationId = l.authID
		}
	}
	return nil
}

// checkInvariant enforces submitted = benefit + sum(adjustments), benefit >= 0,
// and that an approved line's allowed amount splits into benefit and the
// member's share.
func checkInvariant(d *adjtypes.LineDecision) error {
	sum := d.Benefit
	for _, a := range d.Adjustments {
		if nz(a.Amount).IsNegative() {
			return fmt.Errorf("invariant violated: adjustment %s-%s is negative", a.Group, a.Carc)
		}
		sum = sum.Add(nz(a.Amount))
	}
	if !sum.Equal(d.Submitted) {
		return fmt.Errorf("invariant violated: submitted %s != benefit %s + adjustments (%s)", d.Submitted, d.Benefit, sum.Sub(d.Benefit))
	}
	if d.Benefit.IsNegative() {
		return fmt.Errorf("invariant violated: benefit %s is negative", d.Benefit)
	}
	if !d.Benefit.Add(d.Deductible).Add(d.Copay).Add(d.Coinsurance).Equal(d.Allowed) {
		return fmt.Errorf("invariant violated: allowed %s != benefit + deductible + copay + coinsurance", d.Allowed)
	}
	return nil
}

// skippedRules lists the rules a denied line did not reach (those that would
// have run for this use), "" when there are none.
func skippedRules(rest []rule, use claimstypes.ClaimUse) string {
	var names []string
	for _, r := range rest {
		if r.appliesTo != nil && !r.appliesTo(use) {
			continue
		}
		names = append(names, r.name+" ("+r.id+")")
	}
	return strings.Join(names, ", ")
}

// integer is what itoa formats.
type integer interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64
}

// itoa formats an integer in decimal for a step's arguments, as %d does.
func itoa[T integer](v T) string {
	if v < 0 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatUint(uint64(v), 10)
}

// newAuthorization is the authorization an approved preauthorization line
// creates: the requested units for this member, provider and code, valid from
// the date the request was received until 90 days after the planned date of
// service.
func newAuthorization(cl *claimstypes.Claim, line *claimstypes.ClaimLine, received time.Time) adjtypes.Authorization {
	// The service date was validated by adjudicateLine.
	service, _ := time.Parse(dateLayout, line.ServiceDate)
	return adjtypes.Authorization{
		Id:            cl.Id + "#" + strconv.FormatUint(uint64(line.Sequence), 10),
		Member:        cl.Member,
		ProviderId:    cl.ProviderId,
		Code:          line.Code,
		UnitsApproved: line.Units,
		UnitsUsed:     0,
		ValidFrom:     received.Format(dateLayout),
		ValidTo:       addDays(service, AuthorizationValidityDays),
	}
}

// accumulatorAfter is the member's accumulator after this claim: deductible
// and out-of-pocket use added, limit uses merged (one entry per limit id,
// sorted by id). Member, plan and year are filled in when the input left them
// empty.
func (c *claimRun) accumulatorAfter() (adjtypes.Accumulator, error) {
	acc := adjtypes.Accumulator{
		Member:           c.in.Accumulator.Member,
		PlanId:           c.in.Accumulator.PlanId,
		Year:             c.planYear,
		DeductibleMet:    c.deductibleMet,
		OutOfPocketSpent: c.oopSpent,
		LimitUses:        []adjtypes.LimitUse{},
	}
	if acc.Member == "" {
		acc.Member = c.in.Claim.Member
	}
	if acc.PlanId == "" && c.in.Plan != nil && c.in.Coverage != nil {
		acc.PlanId = c.in.Plan.PlanId
	}
	ids := make([]string, 0, len(c.limitUsed))
	for id := range c.limitUsed {
		ids = append(ids, id)
	}
	sort.Strings(ids) // map order is random: sort before building state
	for _, id := range ids {
		units := c.limitUsed[id]
		if units > math.MaxUint32 {
			return adjtypes.Accumulator{}, fmt.Errorf("benefit limit %s: units used overflow", id)
		}
		acc.LimitUses = append(acc.LimitUses, adjtypes.LimitUse{LimitId: id, Units: uint32(units)})
	}
	return acc, nil
}

// copyAccumulator returns the accumulator unchanged, without sharing its slice.
func copyAccumulator(a adjtypes.Accumulator) adjtypes.Accumulator {
	out := a
	if a.LimitUses != nil {
		out.LimitUses = append([]adjtypes.LimitUse{}, a.LimitUses...)
	}
	return out
}

// useName is the FHIR claim-use word for a use.
func useName(use claimstypes.ClaimUse) string {
	switch use {
	case claimstypes.CLAIM_USE_CLAIM:
		return "claim"
	case claimstypes.CLAIM_USE_PREAUTHORIZATION:
		return "preauthorization"
	case claimstypes.CLAIM_USE_PREDETERMINATION:
		return "predetermination"
	default:
		return use.String()
	}
}
