package engine

import (
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Prior authorization: codes in terms.prior_auth_codes are paid only with an
// approved preauthorization.
//
//	R-PA-197  CO-197  no authorization covers the line
//	R-PA-198  CO-198  an authorization covers it, but too few units are left
//
// A line is covered by an authorization when its preauth_ref names the
// preauthorization (authorization id "<preauth_ref>#<line>") and the
// authorization has the line's code, the claim's member, the claim's provider,
// and valid_from <= date of service <= valid_to. Several may match (a
// preauthorization with two lines for one code): they are tried in id order
// and the first with units_approved - units_used >= line units is used; if
// none has enough, CO-198 cites the first. When the line is approved the
// authorization's units_used grows by the line's units, so a later line of the
// same claim sees what earlier lines consumed.
//
// use=claim consumes: the authorization is returned in
// Output.UsedAuthorizations and named in LineDecision.authorization_id.
// use=predetermination runs the same check on working copies and consumes
// nothing (an estimate should say an authorization is missing). use=
// preauthorization does not run the rule: it is the request for one.
// A preauth_ref on a line whose code needs no authorization is ignored.
//
// Scenarios (prior_auth_test.go):
//
//	code needs PA  preauth_ref  authorization           units  → result
//	no             -            -                       1      → passes
//	yes            -            -                       1      → DENIED CO-197
//	yes            PA-1         PA-1#1 other code       1      → DENIED CO-197
//	yes            PA-1         PA-1#1 other provider   1      → DENIED CO-197
//	yes            PA-1         PA-1#1 expired          1      → DENIED CO-197
//	yes            PA-1         PA-1#1 2 of 3 used      2      → DENIED CO-198
//	yes            PA-1         PA-1#1 0 of 3 used      2      → passes, PA-1#1 now 2 of 3 used
//	two lines      PA-1         PA-1#1 0 of 3 used      2 + 2  → first passes, second DENIED CO-198

// Rule ids of prior_auth.go.
const (
	RuleAuthAbsent   = "R-PA-197"
	RuleAuthExceeded = "R-PA-198"
)

func priorAuthApplies(use claimstypes.ClaimUse) bool {
	return use != claimstypes.CLAIM_USE_PREAUTHORIZATION
}

func priorAuthNotApplicable(claimstypes.ClaimUse) (adjtypes.StepTemplate, []string) {
	return adjtypes.StepPriorAuthNotApplicable, nil
}

func checkPriorAuth(c *claimRun, l *lineRun) error {
	line := l.line
	if findCode(line.Code, c.terms.PriorAuthCodes) < 0 {
		l.step(RuleAuthAbsent, adjtypes.StepNoPriorAuthNeeded, line.Code)
		return nil
	}
	if line.PreauthRef == "" {
		l.deny(RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "", adjtypes.StepNoPreauthRef, line.Code)
		return nil
	}
	prefix := line.PreauthRef + "#"
	var matched []*adjtypes.Authorization
	// The denial's words: no authorization of the preauthorization, or why
	// the first one does not cover the line.
	absent, absentArgs := adjtypes.StepNoAuthorization, []string{line.Code, line.PreauthRef}
	mismatch := false
	for _, id := range c.authIDs { // sorted
		if !strings.HasPrefix(id, prefix) {
			continue
		}
		a := c.auths[id]
		if t, why := c.authMismatch(a, line); t != 0 {
			if !mismatch {
				mismatch = true
				absent = t
				absentArgs = append(append(absentArgs, a.Id), why...)
			}
			continue
		}
		matched = append(matched, a)
	}
	if len(matched) == 0 {
		l.deny(RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "", absent, absentArgs...)
		return nil
	}
	for _, a := range matched {
		left := unitsLeft(a)
		if left >= uint64(line.Units) {
			l.authID = a.Id
			t := adjtypes.StepAuthorized
			if c.use != claimstypes.CLAIM_USE_CLAIM {
				t = adjtypes.StepWouldBeAuthorized
			}
			l.step(RuleAuthExceeded, t, a.Id, itoa(left), itoa(a.UnitsApproved), itoa(line.Units))
			return nil
		}
	}
	a := matched[0]
	l.deny(RuleAuthExceeded, adjtypes.GROUP_CODE_CO, "198", "", adjtypes.StepAuthorizationExceeded,
		a.Id, itoa(a.UnitsApproved), itoa(a.UnitsUsed), itoa(line.Units))
	return nil
}

// authMismatch says why an authorization does not cover a line: the CO-197
// template that says so and its arguments after the authorization id, or 0
// when it covers the line.
func (c *claimRun) authMismatch(a *adjtypes.Authorization, line *claimstypes.ClaimLine) (adjtypes.StepTemplate, []string) {
	switch {
	case a.Code != line.Code:
		return adjtypes.StepAuthorizationOtherCode, []string{a.Code}
	case a.Member != c.in.Claim.Member:
		return adjtypes.StepAuthorizationOtherMember, nil
	case a.ProviderId != c.in.Claim.ProviderId:
		return adjtypes.StepAuthorizationOtherProvider, []string{itoa(a.ProviderId)}
	case line.ServiceDate < a.ValidFrom || line.ServiceDate > a.ValidTo:
		return adjtypes.StepAuthorizationNotValid, []string{a.ValidFrom, a.ValidTo}
	}
	return 0, nil
}

// unitsLeft is units_approved - units_used, or 0 when more were used.
func unitsLeft(a *adjtypes.Authorization) uint64 {
	if a.UnitsUsed >= a.UnitsApproved {
		return 0
	}
	return uint64(a.UnitsApproved - a.UnitsUsed)
}
