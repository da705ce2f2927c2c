package engine

import (
	"fmt"
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

func priorAuthNotApplicable(claimstypes.ClaimUse) string {
	return "Prior authorization is not checked on a preauthorization request: the request is for one."
}

func checkPriorAuth(c *claimRun, l *lineRun) error {
	line := l.line
	if findCode(line.Code, c.terms.PriorAuthCodes) < 0 {
		l.step(RuleAuthAbsent, fmt.Sprintf("Code %s needs no prior authorization.", line.Code))
		return nil
	}
	if line.PreauthRef == "" {
		l.deny(RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "",
			fmt.Sprintf("Code %s needs prior authorization and the line references none: precertification/authorization absent (CO-197).", line.Code))
		return nil
	}
	prefix := line.PreauthRef + "#"
	var matched []*adjtypes.Authorization
	firstMismatch := ""
	for _, id := range c.authIDs { // sorted
		if !strings.HasPrefix(id, prefix) {
			continue
		}
		a := c.auths[id]
		if why := c.authMismatch(a, line); why != "" {
			if firstMismatch == "" {
				firstMismatch = " (" + a.Id + " " + why + ")"
			}
			continue
		}
		matched = append(matched, a)
	}
	if len(matched) == 0 {
		l.deny(RuleAuthAbsent, adjtypes.GROUP_CODE_CO, "197", "",
			fmt.Sprintf("Code %s needs prior authorization and preauthorization %s has none for this member, provider, code and date of service%s: precertification/authorization absent (CO-197).",
				line.Code, line.PreauthRef, firstMismatch))
		return nil
	}
	for _, a := range matched {
		left := unitsLeft(a)
		if left >= uint64(line.Units) {
			l.authID = a.Id
			verb := "uses"
			if c.use != claimstypes.CLAIM_USE_CLAIM {
				verb = "would use"
			}
			l.step(RuleAuthExceeded, fmt.Sprintf("Authorized by %s: %d of %d units left; this line %s %d.",
				a.Id, left, a.UnitsApproved, verb, line.Units))
			return nil
		}
	}
	a := matched[0]
	l.deny(RuleAuthExceeded, adjtypes.GROUP_CODE_CO, "198", "",
		fmt.Sprintf("Authorization %s approved %d units and %d are used; this line needs %d: precertification/authorization exceeded (CO-198).",
			a.Id, a.UnitsApproved, a.UnitsUsed, line.Units))
	return nil
}

// authMismatch says why an authorization does not cover a line, or "".
func (c *claimRun) authMismatch(a *adjtypes.Authorization, line *claimstypes.ClaimLine) string {
	switch {
	case a.Code != line.Code:
		return "is for code " + a.Code
	case a.Member != c.in.Claim.Member:
		return "is for another member"
	case a.ProviderId != c.in.Claim.ProviderId:
		return fmt.Sprintf("is for provider %d", a.ProviderId)
	case line.ServiceDate < a.ValidFrom || line.ServiceDate > a.ValidTo:
		return "is valid from " + a.ValidFrom + " to " + a.ValidTo
	}
	return ""
}

// unitsLeft is units_approved - units_used, or 0 when more were used.
func unitsLeft(a *adjtypes.Authorization) uint64 {
	if a.UnitsUsed >= a.UnitsApproved {
		return 0
	}
	return uint64(a.UnitsApproved - a.UnitsUsed)
}
