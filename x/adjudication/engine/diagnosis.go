package engine

import (
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// Diagnosis: the plan excludes some diagnoses (e.g. cosmetic surgery, Z41).
//
//	R-DX-167  CO-167  a claim diagnosis equals or starts with an entry of
//	                  terms.non_covered_diagnoses
//
// Codes are compared upper-case and without the dot, so "Z41" excludes Z41.1
// ("Z411"). Claims carry their diagnoses at claim level (no per-line
// diagnosis pointers), so an excluded diagnosis denies every line. Empty
// entries in the plan's list are ignored (they would exclude everything).
//
// Scenarios (diagnosis_test.go):
//
//	claim diagnoses  plan excludes  → result
//	J069             Z41            → passes
//	Z411             Z41            → DENIED CO-167 (prefix)
//	J069, Z41.1      Z411           → DENIED CO-167 (exact, dot ignored)
//	Z4               Z41            → passes (a prefix of the entry is not excluded)

// RuleDiagnosis is the rule id of diagnosis.go.
const RuleDiagnosis = "R-DX-167"

func checkDiagnoses(c *claimRun, l *lineRun) error {
	for _, dx := range c.diagnoses {
		for _, ex := range c.excludedDx {
			if strings.HasPrefix(dx, ex) {
				l.deny(RuleDiagnosis, adjtypes.GROUP_CODE_CO, "167", "", adjtypes.StepDiagnosisExcluded, dx, ex)
				return nil
			}
		}
	}
	l.step(RuleDiagnosis, adjtypes.StepNoDiagnosisExcluded)
	return nil
}
