package types

import (
	"slices"
	"strconv"
	"strings"
)

// StepTemplate numbers the wording of an explanation step. A decision stores
// each step as its template number and arguments (Step.template, Step.args),
// not as a sentence: the sentence is rendered only when a person reads it
// (Step.Render, the explain output, the Decision query). That keeps the
// stored decision small and its gas low.
//
// Rules of the table, because stored decisions are rendered with it for as
// long as the chain lives:
//   - A number, once released, keeps its wording and the order and meaning of
//     its arguments forever.
//   - A new wording, or another argument, takes a new number; the old entry
//     stays for the decisions that use it.
//   - Numbers are never reused, not even those of entries no rule emits any
//     more. Numbers are explicit (not iota) so that no edit renumbers them.
//   - Every verb is %s (%% for a literal percent sign): arguments are text
//     formatted when the claim is adjudicated (money as "$85.00", counts in
//     decimal), so rendering never depends on the reader's locale or code.
type StepTemplate uint32

// The step templates, by the rule that emits them. Argument names are in the
// table (stepTemplates).
const (
	// Eligibility (R-ELIG-31, R-ELIG-26, R-ELIG-27, R-DEMO-13).
	StepNoCoverage                 StepTemplate = 1
	StepNoPlanInForce              StepTemplate = 2
	StepInsured                    StepTemplate = 3
	StepBeforeCoverage             StepTemplate = 4
	StepAfterCoverageStart         StepTemplate = 5
	StepNoCoverageEnd              StepTemplate = 6
	StepDeceased                   StepTemplate = 7
	StepAfterCoverage              StepTemplate = 8
	StepBeforeCoverageEnd          StepTemplate = 9
	StepDenomMismatch              StepTemplate = 10
	StepDenomMatch                 StepTemplate = 11
	StepRenderingExcluded          StepTemplate = 12
	StepRenderingNoExclusion       StepTemplate = 13
	StepRenderingNotExcluded       StepTemplate = 14
	StepBillingExcluded            StepTemplate = 15
	StepBillingNoExclusion         StepTemplate = 16
	StepBillingNotExcluded         StepTemplate = 17
	StepDuplicateNotApplicable     StepTemplate = 18
	StepDuplicate                  StepTemplate = 19
	StepNoDuplicate                StepTemplate = 20
	StepNoDuplicateByNPI           StepTemplate = 21
	StepRepeatProcedure            StepTemplate = 22
	StepNearDuplicate              StepTemplate = 23
	StepTimelyFilingNotApplicable  StepTemplate = 24
	StepNoFilingDeadline           StepTemplate = 25
	StepFiledLate                  StepTemplate = 26
	StepFiledInTime                StepTemplate = 27
	StepDiagnosisExcluded          StepTemplate = 28
	StepNoDiagnosisExcluded        StepTemplate = 29
	StepCodeExcluded               StepTemplate = 30
	StepCodeNotExcluded            StepTemplate = 31
	StepCategoryCopay              StepTemplate = 32
	StepCategoryDeductible         StepTemplate = 33
	StepCategoryCoinsurance        StepTemplate = 34
	StepNoCategory                 StepTemplate = 35
	StepBeforeBirthYear            StepTemplate = 36
	StepNoAgeSexLimit              StepTemplate = 37
	StepAgeOutsideBand             StepTemplate = 38
	StepAgeBelowMinimum            StepTemplate = 39
	StepSexMismatch                StepTemplate = 40
	StepAgeSexFit                  StepTemplate = 41
	StepPTPNotApplicable           StepTemplate = 42
	StepPTPIncluded                StepTemplate = 43
	StepPTPNoModifier              StepTemplate = 44
	StepPTPBypassed                StepTemplate = 45
	StepPTPEditNotApplicable       StepTemplate = 46
	StepPTPEdits                   StepTemplate = 47
	StepNoPTPEdit                  StepTemplate = 48
	StepMUENotApplicable           StepTemplate = 49
	StepNoMUE                      StepTemplate = 50
	StepMUEWithinLine              StepTemplate = 51
	StepMUEWithinClaim             StepTemplate = 52
	StepMUEWithinEarlier           StepTemplate = 53
	StepMUEExceededLine            StepTemplate = 54
	StepMUEExceededClaim           StepTemplate = 55
	StepMUEExceededEarlier         StepTemplate = 56
	StepAddOnNotApplicable         StepTemplate = 57
	StepNotAddOn                   StepTemplate = 58
	StepAddOnPrimaryBilled         StepTemplate = 59
	StepAddOnProcedureBilled       StepTemplate = 60
	StepAddOnNoPrimary             StepTemplate = 61
	StepAddOnNoProcedure           StepTemplate = 62
	StepPriorAuthNotApplicable     StepTemplate = 63
	StepNoPriorAuthNeeded          StepTemplate = 64
	StepNoPreauthRef               StepTemplate = 65
	StepNoAuthorization            StepTemplate = 66
	StepAuthorizationOtherCode     StepTemplate = 67
	StepAuthorizationOtherMember   StepTemplate = 68
	StepAuthorizationOtherProvider StepTemplate = 69
	StepAuthorizationNotValid      StepTemplate = 70
	StepAuthorized                 StepTemplate = 71
	StepWouldBeAuthorized          StepTemplate = 72
	StepAuthorizationExceeded      StepTemplate = 73
	StepLimitReached               StepTemplate = 74
	StepNoLimit                    StepTemplate = 75
	StepWithinLimit                StepTemplate = 76
	StepWithinLimits               StepTemplate = 77
	StepNoFee                      StepTemplate = 78
	StepFeeWriteOff                StepTemplate = 79
	StepFeeWriteOffModifier        StepTemplate = 80
	StepFeeInFull                  StepTemplate = 81
	StepFeeInFullModifier          StepTemplate = 82
	StepCopay                      StepTemplate = 83
	StepCopayLimited               StepTemplate = 84
	StepNoDeductible               StepTemplate = 85
	StepDeductibleMet              StepTemplate = 86
	StepDeductible                 StepTemplate = 87
	StepNoCoinsurance              StepTemplate = 88
	StepNothingForCoinsurance      StepTemplate = 89
	StepCoinsurance                StepTemplate = 90
	StepCoinsuranceRounded         StepTemplate = 91
	StepOutOfPocketReached         StepTemplate = 92
	StepOutOfPocket                StepTemplate = 93
	// The engine's own steps.
	StepNotEvaluated StepTemplate = 94
	StepSetAside     StepTemplate = 95
	// Revisions after a review or an appeal (keeper/revise.go).
	StepDeniedOnReview   StepTemplate = 96
	StepReducedOnReview  StepTemplate = 97
	StepAdjudicatedAgain StepTemplate = 98
)

// stepTemplate is a wording and the names of its arguments, in order.
type stepTemplate struct {
	format string
	args   []string
}

func tpl(format string, args ...string) stepTemplate { return stepTemplate{format: format, args: args} }

// Repeated parts of the wordings below.
const (
	notInsured  = ": patient cannot be identified as our insured (CO-31)."
	ptpEdit     = "NCCI PTP edit %s (column 1, line %s) / %s (column 2) on %s, modifier indicator %s (PTP table version %s)"
	mueCite     = "MUE for %s on %s is %s, MAI %s (MUE table version %s); %s units billed "
	mueExceeded = " exceed it: all units of the line are denied (CO-151, N362: units exceed our acceptable maximum)."
	mueClaim    = "on this claim's lines for this code, date and rendering NPI"
	mueEarlier  = "on this claim's lines and on earlier claims %s (their decisions stand) for this code, date and rendering NPI"
	addOnCite   = "Code %s is an add-on code of type %s (add-on code table version %s)"
	addOnDenied = ": related or qualifying service not identified on this claim (CO-107)."
	authNeeded  = "Code %s needs prior authorization and preauthorization %s has none for this member, provider, code and date of service"
	authAbsent  = ": precertification/authorization absent (CO-197)."
	feeWriteOff = " allows %s per unit × %s = %s; %s above the schedule is a contractual write-off (CO-45)."
	feeInFull   = " allows %s per unit × %s = %s; the billed %s is allowed in full."
	notChecked  = " are not checked on a preauthorization request: they apply to billed services."
)

// Argument names shared by many wordings.
const (
	aCode    = "code"
	aDate    = "date of service"
	aNPI     = "NPI"
	aVersion = "table version"
	aYear    = "plan year"
)

// stepTemplates is the table. Append only: see StepTemplate.
var stepTemplates = map[StepTemplate]stepTemplate{
	StepNoCoverage:         tpl("The member has no coverage with this insurer" + notInsured),
	StepNoPlanInForce:      tpl("No version of plan %s is in force on %s"+notInsured, "plan", "earliest date of service"),
	StepInsured:            tpl("Insured: plan %s version %s applies (plan year %s).", "plan", "plan version", aYear),
	StepBeforeCoverage:     tpl("Date of service %s is before coverage started on %s: expenses incurred before coverage (PR-26); the member owes %s.", aDate, "coverage start", "billed"),
	StepAfterCoverageStart: tpl("Date of service %s is on or after the coverage start %s.", aDate, "coverage start"),
	StepNoCoverageEnd:      tpl("Coverage has no end date."),
	StepDeceased: tpl("Date of service %s is after the member's coverage ended on %s because the member died: date of death precedes date of service (CO-13).",
		aDate, "coverage end"),
	StepAfterCoverage: tpl("Date of service %s is after coverage ended on %s: expenses incurred after coverage terminated (PR-27); the member owes %s.",
		aDate, "coverage end", "billed"),
	StepBeforeCoverageEnd: tpl("Date of service %s is on or before the coverage end %s.", aDate, "coverage end"),

	// The denoms are quoted (strconv.Quote), as they may be anything.
	StepDenomMismatch: tpl("Billed in %s but plan %s pays in %s: claim has a billing error (CO-16, MA130).", "billed denom, quoted", "plan", "plan denom, quoted"),
	StepDenomMatch:    tpl("Billed in %s, the plan's currency.", "denom"),

	StepRenderingExcluded: tpl("Rendering NPI %s is excluded by OIG on %s (excluded from %s; OIG exclusion table version %s): rendering provider not eligible to perform the service (CO-185).",
		aNPI, aDate, "exclusion date", aVersion),
	StepRenderingNoExclusion: tpl("Rendering NPI %s: no OIG exclusion on record for %s.", aNPI, aDate),
	StepRenderingNotExcluded: tpl("Rendering NPI %s is not excluded by OIG on %s (OIG exclusion table version %s).", aNPI, aDate, aVersion),
	StepBillingExcluded: tpl("Billing NPI %s is excluded by OIG on %s (excluded from %s; OIG exclusion table version %s): provider not eligible to be paid for this procedure on this date (CO-B7).",
		aNPI, aDate, "exclusion date", aVersion),
	StepBillingNoExclusion: tpl("Billing NPI %s: no OIG exclusion on record for %s.", aNPI, aDate),
	StepBillingNotExcluded: tpl("Billing NPI %s is not excluded by OIG on %s (OIG exclusion table version %s).", aNPI, aDate, aVersion),

	StepDuplicateNotApplicable: tpl("Duplicate lines are checked on claims for care given, not on requests before care."),
	StepDuplicate: tpl("Duplicate of %s line %s: same member, rendering NPI %s, date %s and code %s, billed the same (%s) (OA-18: exact duplicate claim/service).",
		"earlier claim", "earlier line", aNPI, aDate, aCode, "units, amount and modifiers"),
	StepNoDuplicate:      tpl("No earlier claim bills %s for this member on %s.", aCode, aDate),
	StepNoDuplicateByNPI: tpl("No earlier claim bills %s for this member on %s by rendering NPI %s.", aCode, aDate, aNPI),
	StepRepeatProcedure: tpl("%s line %s also bills %s on %s for rendering NPI %s; modifier %s marks this line as a repeat procedure: not a duplicate.",
		"earlier claim", "earlier line", aCode, aDate, aNPI, "modifier"),
	StepNearDuplicate: tpl("Line %s: near duplicate of %s line %s (%s on %s, rendering NPI %s): %s now, %s then, and no repeat modifier (76, 77, 91): held for review.",
		"line", "earlier claim", "earlier line", aCode, aDate, aNPI, "units, amount and modifiers now", "units, amount and modifiers then"),

	StepTimelyFilingNotApplicable: tpl("Timely filing applies to claims, not to a %s request.", "claim use"),
	StepNoFilingDeadline:          tpl("The plan sets no filing deadline."),
	StepFiledLate: tpl("Received %s, %s days after the date of service %s; the plan allows %s days: time limit for filing has expired (CO-29).",
		"received date", "days", aDate, "limit in days"),
	StepFiledInTime: tpl("Filed %s days after the date of service, within the plan's %s-day limit.", "days", "limit in days"),

	StepDiagnosisExcluded:   tpl("Diagnosis %s is excluded by the plan (%s): diagnosis not covered (CO-167).", "diagnosis", "excluded diagnosis or prefix"),
	StepNoDiagnosisExcluded: tpl("No diagnosis on the claim is excluded by the plan."),

	StepCodeExcluded: tpl("Code %s is excluded by plan %s (excluded codes %s): non-covered charge (CO-96, N130: see the plan's benefit documents).",
		aCode, "plan", "excluded code range"),
	StepCodeNotExcluded:     tpl("Code %s is not among the plan's excluded codes.", aCode),
	StepCategoryCopay:       tpl("Covered: service category %s (copay %s).", "category", "copay"),
	StepCategoryDeductible:  tpl("Covered: service category %s (deductible, no coinsurance).", "category"),
	StepCategoryCoinsurance: tpl("Covered: service category %s (deductible, then %s coinsurance).", "category", "coinsurance rate"),
	StepNoCategory: tpl("Code %s is in no service category of plan %s: service not covered under the patient's current benefit plan (CO-204).",
		aCode, "plan"),

	StepBeforeBirthYear: tpl("Date of service %s is in a year before the member's birth year %s: date of birth follows date of service (CO-14).", aDate, "birth year"),
	StepNoAgeSexLimit:   tpl("No age or sex limit applies to %s.", aCode),
	StepAgeOutsideBand: tpl("%s is limited to ages %s to %s (age/sex table version %s); the member is %s in %s: procedure inconsistent with the patient's age (CO-6).",
		aCode, "minimum age", "maximum age", aVersion, "age", "year of service"),
	StepAgeBelowMinimum: tpl("%s is limited to ages %s and over (age/sex table version %s); the member is %s in %s: procedure inconsistent with the patient's age (CO-6).",
		aCode, "minimum age", aVersion, "age", "year of service"),
	StepSexMismatch: tpl("%s is limited to sex %s (age/sex table version %s); the member is recorded as %s: procedure inconsistent with the patient's gender (CO-7).",
		aCode, "sex", aVersion, "member's sex"),
	StepAgeSexFit: tpl("%s: the member's age %s and sex fit the limits (age/sex table version %s).", aCode, "age", aVersion),

	StepPTPNotApplicable: tpl("NCCI PTP edits" + notChecked),
	StepPTPIncluded: tpl(ptpEdit+": the column 2 code is included in the column 1 service and no modifier bypasses the edit (CO-97).",
		"column 1 code", "column 1 line", "column 2 code", aDate, "modifier indicator", aVersion),
	StepPTPNoModifier: tpl(ptpEdit+": no NCCI-associated modifier on either line; procedure/modifier combination not compatible with another procedure on the same day (CO-236).",
		"column 1 code", "column 1 line", "column 2 code", aDate, "modifier indicator", aVersion),
	StepPTPBypassed: tpl(ptpEdit+": bypassed by modifier %s.",
		"column 1 code", "column 1 line", "column 2 code", aDate, "modifier indicator", aVersion, "modifier"),
	StepPTPEditNotApplicable: tpl(ptpEdit+": not applicable.",
		"column 1 code", "column 1 line", "column 2 code", aDate, "modifier indicator", aVersion),
	// Several edits that did not deny, each in the words of StepPTPBypassed or
	// StepPTPEditNotApplicable without the full stop, joined by "; ".
	StepPTPEdits:  tpl("%s.", "edits"),
	StepNoPTPEdit: tpl("No NCCI PTP edit makes code %s a column 2 code of another line on %s.", aCode, aDate),

	// The MUE value is a count with its unit word: "4 units", "1 unit".
	StepMUENotApplicable: tpl("Medically unlikely edits" + notChecked),
	StepNoMUE:            tpl("No MUE for code %s on %s.", aCode, aDate),
	StepMUEWithinLine:    tpl(mueCite+"on this line.", aCode, aDate, "MUE value", "MAI", aVersion, "units"),
	StepMUEWithinClaim:   tpl(mueCite+mueClaim+".", aCode, aDate, "MUE value", "MAI", aVersion, "units"),
	StepMUEWithinEarlier: tpl(mueCite+mueEarlier+".", aCode, aDate, "MUE value", "MAI", aVersion, "units", "earlier claims"),
	StepMUEExceededLine:  tpl(mueCite+"on this line"+mueExceeded, aCode, aDate, "MUE value", "MAI", aVersion, "units"),
	StepMUEExceededClaim: tpl(mueCite+mueClaim+mueExceeded, aCode, aDate, "MUE value", "MAI", aVersion, "units"),
	StepMUEExceededEarlier: tpl(mueCite+mueEarlier+mueExceeded,
		aCode, aDate, "MUE value", "MAI", aVersion, "units", "earlier claims"),

	StepAddOnNotApplicable: tpl("Add-on code edits" + notChecked),
	StepNotAddOn:           tpl("Code %s is not an add-on code on %s.", aCode, aDate),
	StepAddOnPrimaryBilled: tpl(addOnCite+"; its primary %s is billed on line %s.", aCode, "type", aVersion, "primary code", "line"),
	StepAddOnProcedureBilled: tpl(addOnCite+" with no primaries defined; primary procedure %s is billed on line %s.",
		aCode, "type", aVersion, "primary code", "line"),
	StepAddOnNoPrimary: tpl(addOnCite+"; no other line of this claim on %s by the same rendering provider bills one of its primary codes %s"+addOnDenied,
		aCode, "type", aVersion, aDate, "primary codes"),
	StepAddOnNoProcedure: tpl(addOnCite+"; no other line of this claim on %s by the same rendering provider bills a primary procedure that is not an add-on code"+addOnDenied,
		aCode, "type", aVersion, aDate),

	StepPriorAuthNotApplicable:     tpl("Prior authorization is not checked on a preauthorization request: the request is for one."),
	StepNoPriorAuthNeeded:          tpl("Code %s needs no prior authorization.", aCode),
	StepNoPreauthRef:               tpl("Code %s needs prior authorization and the line references none"+authAbsent, aCode),
	StepNoAuthorization:            tpl(authNeeded+authAbsent, aCode, "preauthorization"),
	StepAuthorizationOtherCode:     tpl(authNeeded+" (%s is for code %s)"+authAbsent, aCode, "preauthorization", "authorization", "its code"),
	StepAuthorizationOtherMember:   tpl(authNeeded+" (%s is for another member)"+authAbsent, aCode, "preauthorization", "authorization"),
	StepAuthorizationOtherProvider: tpl(authNeeded+" (%s is for provider %s)"+authAbsent, aCode, "preauthorization", "authorization", "its provider"),
	StepAuthorizationNotValid: tpl(authNeeded+" (%s is valid from %s to %s)"+authAbsent,
		aCode, "preauthorization", "authorization", "valid from", "valid to"),
	StepAuthorized:        tpl("Authorized by %s: %s of %s units left; this line uses %s.", "authorization", "units left", "units approved", "units"),
	StepWouldBeAuthorized: tpl("Authorized by %s: %s of %s units left; this line would use %s.", "authorization", "units left", "units approved", "units"),
	StepAuthorizationExceeded: tpl("Authorization %s approved %s units and %s are used; this line needs %s: precertification/authorization exceeded (CO-198).",
		"authorization", "units approved", "units used", "units"),

	StepLimitReached: tpl("Benefit limit %s allows %s services per plan year; %s are used and this line needs %s: benefit maximum for this period reached (CO-119).",
		"limit", "maximum services", "services used", "units"),
	StepNoLimit:     tpl("No benefit limit applies to code %s.", aCode),
	StepWithinLimit: tpl("Within benefit limits this plan year: %s %s of %s with this line.", "limit", "services used with this line", "maximum services"),
	// Several limits, each "<limit> <used> of <max> with this line", joined by "; ".
	StepWithinLimits: tpl("Within benefit limits this plan year: %s.", "limits"),

	StepNoFee:               tpl("No fee schedule entry for code %s: the billed %s is allowed.", aCode, "billed"),
	StepFeeWriteOff:         tpl("Fee schedule"+feeWriteOff, "rate", "units", "schedule amount", "write-off"),
	StepFeeWriteOffModifier: tpl("Fee schedule (modifier %s)"+feeWriteOff, "modifier", "rate", "units", "schedule amount", "write-off"),
	StepFeeInFull:           tpl("Fee schedule"+feeInFull, "rate", "units", "schedule amount", "billed"),
	StepFeeInFullModifier:   tpl("Fee schedule (modifier %s)"+feeInFull, "modifier", "rate", "units", "schedule amount", "billed"),

	StepCopay:         tpl("Copay %s for %s (PR-3); the deductible does not apply.", "copay", "category"),
	StepCopayLimited:  tpl("Copay %s for %s, limited to the allowed %s (PR-3); the deductible does not apply.", "copay", "category", "allowed"),
	StepNoDeductible:  tpl("The plan has no deductible."),
	StepDeductibleMet: tpl("The %s deductible is met for %s.", "annual deductible", aYear),
	StepDeductible: tpl("Deductible: %s of this line goes to the deductible (PR-1); %s of the %s deductible remains for %s.",
		"deductible", "deductible left", "annual deductible", aYear),
	StepNoCoinsurance:         tpl("No coinsurance in %s.", "category"),
	StepNothingForCoinsurance: tpl("Nothing is left after the deductible, so no %s coinsurance.", "coinsurance rate"),
	StepCoinsurance:           tpl("Coinsurance %s of %s = %s (PR-2).", "coinsurance rate", "base", "coinsurance"),
	StepCoinsuranceRounded:    tpl("Coinsurance %s of %s = %s (PR-2), rounded down to the cent.", "coinsurance rate", "base", "coinsurance"),
	StepOutOfPocketReached: tpl("Out-of-pocket maximum %s reached (%s already spent in %s): the member's share on this line is %s instead of %s. Plan pays %s; member pays %s.",
		"out-of-pocket maximum", "spent", aYear, "member share", "share before the cap", "plan pays", "member pays"),
	StepOutOfPocket: tpl("Plan pays %s; member pays %s (out-of-pocket %s of %s in %s).", "plan pays", "member pays", "out-of-pocket spent", "out-of-pocket maximum", aYear),

	// The rules a denied line did not reach: "<name> (<rule id>)", joined by ", ".
	StepNotEvaluated: tpl("Not evaluated because the line is denied by %s: %s.", "denying rule", "rules not evaluated"),
	// A denial set aside by an appeal: the reason, and the denial's own words
	// rendered when the line was adjudicated again.
	StepSetAside: tpl("Set aside (%s): %s", "reason", "denial"),

	StepDeniedOnReview:   tpl("Denied on %s by the insurer: the whole billed amount is adjusted (%s-%s).", "review or appeal", "group", "CARC"),
	StepReducedOnReview:  tpl("Reduced on %s by the insurer by %s to %s (%s-%s).", "review or appeal", "reduction", "payable", "group", "CARC"),
	StepAdjudicatedAgain: tpl("Adjudicated again after the denial was overturned on %s.", "appeal"),
}

// NewStep is a step in a template's words; args are its arguments, in the
// template's order, already formatted.
func NewStep(ruleID string, t StepTemplate, args ...string) Step {
	return Step{RuleId: ruleID, Template: uint32(t), Args: args}
}

// StepTemplates returns every template number, in increasing order.
func StepTemplates() []StepTemplate {
	out := make([]StepTemplate, 0, len(stepTemplates))
	for t := range stepTemplates {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// Format returns a template's wording and the names of its arguments; ok is
// false for a number that is not in the table.
func (t StepTemplate) Format() (format string, args []string, ok bool) {
	st, ok := stepTemplates[t]
	return st.format, st.args, ok
}

// Render returns the step in words: its text when it has one, else its
// template applied to its arguments. A template that is not in the table, or
// arguments that do not fit it, render as "[template 57: a, b]": never a
// panic, and never a sentence with the wrong words in it.
func (s Step) Render() string {
	if s.Text != "" {
		return s.Text
	}
	st, ok := stepTemplates[StepTemplate(s.Template)]
	if !ok || len(st.args) != len(s.Args) {
		return unrenderable(s)
	}
	out, ok := fill(st.format, s.Args)
	if !ok {
		return unrenderable(s)
	}
	return out
}

// unrenderable shows a step whose template cannot be applied.
func unrenderable(s Step) string {
	head := "[template " + strconv.FormatUint(uint64(s.Template), 10)
	if len(s.Args) == 0 {
		return head + "]"
	}
	return head + ": " + strings.Join(s.Args, ", ") + "]"
}

// fill replaces each %s of format with the next argument and each %% with a
// percent sign. It reports false for any other verb or a count of %s that is
// not len(args).
func fill(format string, args []string) (string, bool) {
	n := len(format)
	for _, a := range args {
		n += len(a)
	}
	var b strings.Builder
	b.Grow(n)
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b.WriteByte(c)
			continue
		}
		if i+1 >= len(format) {
			return "", false
		}
		i++
		switch format[i] {
		case '%':
			b.WriteByte('%')
		case 's':
			if next >= len(args) {
				return "", false
			}
			b.WriteString(args[next])
			next++
		default:
			return "", false
		}
	}
	return b.String(), next == len(args)
}

// RenderText fills in the text of every step and pend reason of a decision
// (Step.Render), for readers that do not know the template table: the
// Decision query returns decisions this way. It writes into the decision's
// own step slices; the template and arguments stay.
func (d *Decision) RenderText() {
	for i := range d.Lines {
		steps := d.Lines[i].Steps
		for j := range steps {
			steps[j].Text = steps[j].Render()
		}
	}
	for i := range d.PendReasons {
		d.PendReasons[i].Text = d.PendReasons[i].Render()
	}
}
