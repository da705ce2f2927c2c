package engine

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// testedTemplates records the step templates that the engine's tests see in
// decisions (through adjudicate), so that TestMain can check that every
// wording of the template table is exercised by some test.
var testedTemplates = &templateSet{seen: map[adjtypes.StepTemplate]bool{}}

type templateSet struct {
	mu   sync.Mutex
	seen map[adjtypes.StepTemplate]bool
}

func (s *templateSet) add(steps []adjtypes.Step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, st := range steps {
		s.seen[adjtypes.StepTemplate(st.Template)] = true
	}
}

// notFromEngineTests are the templates no engine test produces, and where
// they are tested instead.
var notFromEngineTests = map[adjtypes.StepTemplate]string{
	adjtypes.StepDeniedOnReview:   "keeper/revise.go; x/settlement/keeper/revise_test.go",
	adjtypes.StepReducedOnReview:  "keeper/revise.go; x/settlement/keeper/revise_test.go",
	adjtypes.StepAdjudicatedAgain: "keeper/revise.go; x/settlement/keeper/revise_test.go",
}

// TestMain runs the tests and then, when all of them ran, fails if a
// template is neither produced by an engine test nor listed in
// notFromEngineTests, or is listed there but produced after all.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && allTestsRan() {
		if err := checkTemplatesTested(); err != nil {
			fmt.Fprintln(os.Stderr, "FAIL: step templates:", err)
			code = 1
		}
	}
	os.Exit(code)
}

func allTestsRan() bool {
	for _, name := range []string{"test.run", "test.skip"} {
		if f := flag.Lookup(name); f != nil && f.Value.String() != "" {
			return false
		}
	}
	return true
}

func checkTemplatesTested() error {
	var untested, listed []string
	for _, t := range adjtypes.StepTemplates() {
		_, excused := notFromEngineTests[t]
		switch seen := testedTemplates.seen[t]; {
		case !seen && !excused:
			format, _, _ := t.Format()
			untested = append(untested, fmt.Sprintf("%d %q", t, format))
		case seen && excused:
			listed = append(listed, fmt.Sprint(t))
		}
	}
	var errs []string
	if len(untested) > 0 {
		errs = append(errs, "no engine test produces:\n  "+strings.Join(untested, "\n  "))
	}
	if len(listed) > 0 {
		errs = append(errs, "listed in notFromEngineTests but produced by a test: "+strings.Join(listed, ", "))
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}
