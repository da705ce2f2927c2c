package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
)

// Size limits of a plan version, so a plan tx stays bounded (stated in x/limits).
const (
	MaxCategories     = limits.MaxCategories
	MaxCodeRanges     = limits.MaxCodeRanges
	MaxFeeSchedule    = limits.MaxFeeSchedule
	MaxDiagnosisRules = limits.MaxDiagnosisRules
	MaxBenefitLimits  = limits.MaxBenefitLimits
	MaxTimelyFiling   = limits.MaxTimelyFilingDays
	MaxPlanIDLength   = limits.MaxPlanIDLength
	MaxShortIDLength  = limits.MaxShortIDLength
)

// ValidatePlanID checks an insurer-chosen plan id: 3 to 32 upper-case letters, digits or '-'.
func ValidatePlanID(id string) error {
	if len(id) < 3 || len(id) > MaxPlanIDLength {
		return errorsmod.Wrapf(ErrInvalidPlan, "plan id %q: 3 to %d characters", id, MaxPlanIDLength)
	}
	for _, r := range id {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') && r != '-' {
			return errorsmod.Wrapf(ErrInvalidPlan, "plan id %q: upper-case letters, digits and '-' only", id)
		}
	}
	return nil
}

func validateShortID(what, id string) error {
	if id == "" || len(id) > MaxShortIDLength {
		return errorsmod.Wrapf(ErrInvalidPlan, "%s id %q: 1 to %d characters", what, id, MaxShortIDLength)
	}
	for _, r := range id {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return errorsmod.Wrapf(ErrInvalidPlan, "%s id %q: lower-case letters, digits and '-' only", what, id)
		}
	}
	return nil
}

// Validate checks a code range: valid codes of the same shape, from <= to.
func (r CodeRange) Validate() error {
	if err := attestationtypes.ValidateProcedureCode(r.From); err != nil {
		return err
	}
	if r.To == "" {
		return nil
	}
	if err := attestationtypes.ValidateProcedureCode(r.To); err != nil {
		return err
	}
	if r.From > r.To {
		return errorsmod.Wrapf(ErrInvalidPlan, "code range %s..%s is reversed", r.From, r.To)
	}
	return nil
}

func validateRanges(what string, ranges []CodeRange) error {
	if len(ranges) > MaxCodeRanges {
		return errorsmod.Wrapf(ErrInvalidPlan, "%s: %d code ranges, at most %d", what, len(ranges), MaxCodeRanges)
	}
	for _, r := range ranges {
		if err := r.Validate(); err != nil {
			return errorsmod.Wrap(err, what)
		}
	}
	return nil
}

func nonNegative(what string, v math.Int) error {
	if v.IsNil() || v.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidPlan, "%s must be zero or more minor units", what)
	}
	if v.GT(math.NewInt(limits.MaxAmount)) {
		return errorsmod.Wrapf(ErrInvalidPlan, "%s %s is above %d minor units", what, v, limits.MaxAmount)
	}
	return nil
}

// Validate checks the terms of a plan version.
func (t PlanTerms) Validate() error {
	if err := sdk.ValidateDenom(t.Denom); err != nil {
		return errorsmod.Wrapf(ErrInvalidPlan, "denom: %s", err)
	}
	if err := nonNegative("annual_deductible", t.AnnualDeductible); err != nil {
		return err
	}
	if err := nonNegative("out_of_pocket_max", t.OutOfPocketMax); err != nil {
		return err
	}
	if t.OutOfPocketMax.LT(t.AnnualDeductible) {
		return errorsmod.Wrap(ErrInvalidPlan, "out_of_pocket_max must be at least the annual_deductible")
	}
	if len(t.Categories) == 0 || len(t.Categories) > MaxCategories {
		return errorsmod.Wrapf(ErrInvalidPlan, "a plan has 1 to %d service categories", MaxCategories)
	}
	ids := map[string]bool{}
	for _, c := range t.Categories {
		if err := validateShortID("category", c.Id); err != nil {
			return err
		}
		if ids[c.Id] {
			return errorsmod.Wrapf(ErrInvalidPlan, "category id %q repeated", c.Id)
		}
		ids[c.Id] = true
		if len(c.Name) > limits.MaxNameLength {
			return errorsmod.Wrapf(ErrInvalidPlan, "category %q name is %d bytes, at most %d", c.Id, len(c.Name), limits.MaxNameLength)
		}
		if len(c.Codes) == 0 {
			return errorsmod.Wrapf(ErrInvalidPlan, "category %q has no codes", c.Id)
		}
		if err := validateRanges("category "+c.Id, c.Codes); err != nil {
			return err
		}
		if err := nonNegative("category "+c.Id+" copay", c.CostSharing.Copay); err != nil {
			return err
		}
		if c.CostSharing.CoinsuranceBps > 10_000 {
			return errorsmod.Wrapf(ErrInvalidPlan, "category %q coinsurance %d bps is above 10000 (100%%)", c.Id, c.CostSharing.CoinsuranceBps)
		}
		if c.CostSharing.Copay.IsPositive() && c.CostSharing.CoinsuranceBps > 0 {
			return errorsmod.Wrapf(ErrInvalidPlan, "category %q: either a flat copay or deductible-then-coinsurance, not both", c.Id)
		}
	}
	if len(t.FeeSchedule) > MaxFeeSchedule {
		return errorsmod.Wrapf(ErrInvalidPlan, "%d fee schedule entries, at most %d", len(t.FeeSchedule), MaxFeeSchedule)
	}
	fees := map[string]bool{}
	for _, f := range t.FeeSchedule {
		if err := attestationtypes.ValidateProcedureCode(f.Code); err != nil {
			return errorsmod.Wrap(err, "fee schedule")
		}
		if f.Modifier != "" {
			if err := attestationtypes.ValidateModifiers([]string{f.Modifier}); err != nil {
				return errorsmod.Wrap(err, "fee schedule")
			}
		}
		if f.Allowed.IsNil() || !f.Allowed.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidPlan, "fee schedule %s: allowed amount must be positive", f.Code)
		}
		if f.Allowed.GT(math.NewInt(limits.MaxAmount)) {
			return errorsmod.Wrapf(ErrInvalidPlan, "fee schedule %s: allowed amount %s is above %d minor units", f.Code, f.Allowed, limits.MaxAmount)
		}
		key := f.Code + "/" + f.Modifier
		if fees[key] {
			return errorsmod.Wrapf(ErrInvalidPlan, "fee schedule entry %s repeated", key)
		}
		fees[key] = true
	}
	if err := validateRanges("non_covered_codes", t.NonCoveredCodes); err != nil {
		return err
	}
	if len(t.NonCoveredDiagnoses) > MaxDiagnosisRules {
		return errorsmod.Wrapf(ErrInvalidPlan, "%d non-covered diagnoses, at most %d", len(t.NonCoveredDiagnoses), MaxDiagnosisRules)
	}
	for _, d := range t.NonCoveredDiagnoses {
		if n, err := attestationtypes.NormalizeDiagnosisCode(d); err != nil || n != d {
			return errorsmod.Wrapf(ErrInvalidPlan, "non-covered diagnosis %q: an ICD-10-CM code or prefix without the dot, upper case (e.g. Z41)", d)
		}
	}
	if len(t.BenefitLimits) > MaxBenefitLimits {
		return errorsmod.Wrapf(ErrInvalidPlan, "%d benefit limits, at most %d", len(t.BenefitLimits), MaxBenefitLimits)
	}
	limits := map[string]bool{}
	for _, l := range t.BenefitLimits {
		if err := validateShortID("benefit limit", l.Id); err != nil {
			return err
		}
		if limits[l.Id] {
			return errorsmod.Wrapf(ErrInvalidPlan, "benefit limit id %q repeated", l.Id)
		}
		limits[l.Id] = true
		if l.MaxServices == 0 || len(l.Codes) == 0 {
			return errorsmod.Wrapf(ErrInvalidPlan, "benefit limit %q needs codes and max_services >= 1", l.Id)
		}
		if err := validateRanges("benefit limit "+l.Id, l.Codes); err != nil {
			return err
		}
	}
	if err := validateRanges("prior_auth_codes", t.PriorAuthCodes); err != nil {
		return err
	}
	if t.TimelyFilingDays > MaxTimelyFiling {
		return errorsmod.Wrapf(ErrInvalidPlan, "timely_filing_days %d is above %d", t.TimelyFilingDays, MaxTimelyFiling)
	}
	return nil
}

// Items counts the entries of a plan version, for gas.
func (t PlanTerms) Items() uint64 {
	n := len(t.Categories) + len(t.FeeSchedule) + len(t.NonCoveredCodes) + len(t.NonCoveredDiagnoses) +
		len(t.BenefitLimits) + len(t.PriorAuthCodes)
	for _, c := range t.Categories {
		n += len(c.Codes)
	}
	for _, l := range t.BenefitLimits {
		n += len(l.Codes)
	}
	return uint64(n)
}

// ValidateSize enforces the size limits of x/limits on a plan version's terms:
// every list and string, and every amount.
func (t PlanTerms) ValidateSize() error {
	if err := limits.CheckString("denom", t.Denom, limits.MaxDenomLength); err != nil {
		return err
	}
	if err := limits.CheckAmount("annual_deductible", t.AnnualDeductible); err != nil {
		return err
	}
	if err := limits.CheckAmount("out_of_pocket_max", t.OutOfPocketMax); err != nil {
		return err
	}
	if err := limits.CheckList("categories", len(t.Categories), limits.MaxCategories); err != nil {
		return err
	}
	for _, c := range t.Categories {
		if err := limits.CheckString("category id", c.Id, limits.MaxShortIDLength); err != nil {
			return err
		}
		if err := limits.CheckString("category name", c.Name, limits.MaxNameLength); err != nil {
			return err
		}
		if err := rangesSize("category codes", c.Codes); err != nil {
			return err
		}
		if err := limits.CheckAmount("category copay", c.CostSharing.Copay); err != nil {
			return err
		}
	}
	if err := limits.CheckList("fee_schedule", len(t.FeeSchedule), limits.MaxFeeSchedule); err != nil {
		return err
	}
	for _, f := range t.FeeSchedule {
		if err := limits.CheckString("fee schedule code", f.Code, limits.MaxCodeLength); err != nil {
			return err
		}
		if err := limits.CheckString("fee schedule modifier", f.Modifier, limits.MaxCodeLength); err != nil {
			return err
		}
		if err := limits.CheckAmount("fee schedule allowed", f.Allowed); err != nil {
			return err
		}
	}
	if err := rangesSize("non_covered_codes", t.NonCoveredCodes); err != nil {
		return err
	}
	if err := limits.CheckStrings("non_covered_diagnoses", t.NonCoveredDiagnoses, limits.MaxDiagnosisRules, limits.MaxCodeLength); err != nil {
		return err
	}
	if err := limits.CheckList("benefit_limits", len(t.BenefitLimits), limits.MaxBenefitLimits); err != nil {
		return err
	}
	for _, l := range t.BenefitLimits {
		if err := limits.CheckString("benefit limit id", l.Id, limits.MaxShortIDLength); err != nil {
			return err
		}
		if err := rangesSize("benefit limit codes", l.Codes); err != nil {
			return err
		}
	}
	return rangesSize("prior_auth_codes", t.PriorAuthCodes)
}

func rangesSize(what string, ranges []CodeRange) error {
	if err := limits.CheckList(what, len(ranges), limits.MaxCodeRanges); err != nil {
		return err
	}
	for _, r := range ranges {
		if err := limits.CheckString(what+" from", r.From, limits.MaxCodeLength); err != nil {
			return err
		}
		if err := limits.CheckString(what+" to", r.To, limits.MaxCodeLength); err != nil {
			return err
		}
	}
	return nil
}
