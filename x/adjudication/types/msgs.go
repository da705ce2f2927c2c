package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

var (
	_ sdk.Msg = &MsgCreatePlan{}
	_ sdk.Msg = &MsgAmendPlan{}
	_ sdk.Msg = &MsgEnrollMember{}
	_ sdk.Msg = &MsgTerminateCoverage{}
)

func validateInsurerAddr(addr string) error {
	if _, err := sdk.AccAddressFromBech32(addr); err != nil {
		return errorsmod.Wrapf(ErrNotInsurer, "insurer %q: %s", addr, err)
	}
	return nil
}

// Validate runs the stateless checks.
func (m *MsgCreatePlan) Validate() error {
	if err := validateInsurerAddr(m.Insurer); err != nil {
		return err
	}
	if err := ValidatePlanID(m.PlanId); err != nil {
		return err
	}
	if err := membershiptypes.ValidateName(m.Name); err != nil {
		return errorsmod.Wrap(ErrInvalidPlan, err.Error())
	}
	if err := attestationtypes.ValidateDate("effective_date", m.EffectiveDate); err != nil {
		return err
	}
	return m.Terms.Validate()
}

// Validate runs the stateless checks.
func (m *MsgAmendPlan) Validate() error {
	if err := validateInsurerAddr(m.Insurer); err != nil {
		return err
	}
	if err := ValidatePlanID(m.PlanId); err != nil {
		return err
	}
	if err := attestationtypes.ValidateDate("effective_date", m.EffectiveDate); err != nil {
		return err
	}
	return m.Terms.Validate()
}

// Validate runs the stateless checks; the age rule needs the block year (see keeper).
func (m *MsgEnrollMember) Validate() error {
	if err := validateInsurerAddr(m.Insurer); err != nil {
		return err
	}
	if err := attestationtypes.ValidatePseudonym(m.Member); err != nil {
		return err
	}
	if err := ValidatePlanID(m.PlanId); err != nil {
		return err
	}
	if err := attestationtypes.ValidateDate("start_date", m.StartDate); err != nil {
		return err
	}
	if m.EndDate != "" {
		if err := attestationtypes.ValidateDate("end_date", m.EndDate); err != nil {
			return err
		}
		if m.EndDate < m.StartDate {
			return errorsmod.Wrapf(ErrInvalidCoverage, "end_date %s is before start_date %s", m.EndDate, m.StartDate)
		}
	}
	switch m.Sex {
	case SEX_FEMALE, SEX_MALE, SEX_UNKNOWN:
	default:
		return errorsmod.Wrap(ErrInvalidCoverage, "sex must be female, male or unknown")
	}
	if m.Aged_90Plus && m.BirthYear != 0 {
		return errorsmod.Wrap(ErrInvalidCoverage, "a member aged 90 or more is recorded as 90+, without a birth year")
	}
	if !m.Aged_90Plus && (m.BirthYear < 1900 || m.BirthYear > 2999) {
		return errorsmod.Wrapf(ErrInvalidCoverage, "birth_year %d: give the year of birth (or aged_90_plus)", m.BirthYear)
	}
	if m.MemberAccount != "" {
		if _, err := sdk.AccAddressFromBech32(m.MemberAccount); err != nil {
			return errorsmod.Wrapf(ErrInvalidCoverage, "member_account: %s", err)
		}
	}
	return nil
}

// Validate runs the stateless checks.
func (m *MsgTerminateCoverage) Validate() error {
	if err := validateInsurerAddr(m.Insurer); err != nil {
		return err
	}
	if err := attestationtypes.ValidatePseudonym(m.Member); err != nil {
		return err
	}
	if err := attestationtypes.ValidateDate("end_date", m.EndDate); err != nil {
		return err
	}
	switch m.Reason {
	case TERMINATION_REASON_VOLUNTARY, TERMINATION_REASON_NON_PAYMENT, TERMINATION_REASON_DECEASED, TERMINATION_REASON_OTHER:
		return nil
	}
	return errorsmod.Wrap(ErrInvalidCoverage, "reason must be voluntary, non_payment, deceased or other")
}

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server runs Validate.
func (m *MsgCreatePlan) ValidateBasic() error {
	if err := limits.CheckString("name", m.Name, limits.MaxNameLength); err != nil {
		return err
	}
	return planSize(m.Insurer, m.PlanId, m.EffectiveDate, m.Terms)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgAmendPlan) ValidateBasic() error {
	return planSize(m.Insurer, m.PlanId, m.EffectiveDate, m.Terms)
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgEnrollMember) ValidateBasic() error {
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"insurer", m.Insurer, limits.MaxAddressLength},
		{"member", m.Member, limits.MaxMemberLength},
		{"plan_id", m.PlanId, limits.MaxPlanIDLength},
		{"start_date", m.StartDate, limits.MaxDateLength},
		{"end_date", m.EndDate, limits.MaxDateLength},
		{"member_account", m.MemberAccount, limits.MaxAddressLength},
	} {
		if err := limits.CheckString(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

// ValidateBasic enforces the size limits of x/limits.
func (m *MsgTerminateCoverage) ValidateBasic() error {
	if err := limits.CheckAddress("insurer", m.Insurer); err != nil {
		return err
	}
	if err := limits.CheckString("member", m.Member, limits.MaxMemberLength); err != nil {
		return err
	}
	if err := limits.CheckString("end_date", m.EndDate, limits.MaxDateLength); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

func planSize(insurer, planID, effectiveDate string, terms PlanTerms) error {
	if err := limits.CheckAddress("insurer", insurer); err != nil {
		return err
	}
	if err := limits.CheckString("plan_id", planID, limits.MaxPlanIDLength); err != nil {
		return err
	}
	if err := limits.CheckString("effective_date", effectiveDate, limits.MaxDateLength); err != nil {
		return err
	}
	return terms.ValidateSize()
}
