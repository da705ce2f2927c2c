package types

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// releasedTemplates lists every released template: number, argument count
// and wording. Stored decisions are rendered with these wordings, so a line
// of the file never changes and is never removed; new templates are appended.
const releasedTemplates = "testdata/step_templates.txt"

func templateLine(t StepTemplate) string {
	format, args, _ := t.Format()
	return fmt.Sprintf("%d\t%d\t%s", t, len(args), strconv.Quote(format))
}

func TestStepTemplateTable(t *testing.T) {
	for _, tp := range StepTemplates() {
		format, args, ok := tp.Format()
		require.True(t, ok)
		require.NotZero(t, tp, "0 means free text")
		verbs := 0
		for i := 0; i < len(format); i++ {
			if format[i] != '%' {
				continue
			}
			require.Less(t, i+1, len(format), "template %d ends in %%", tp)
			i++
			require.Contains(t, "s%", string(format[i]), "template %d: every verb is %%s", tp)
			if format[i] == 's' {
				verbs++
			}
		}
		require.Equal(t, len(args), verbs, "template %d: %%s count and argument names %v", tp, args)
		for _, a := range args {
			require.NotEmpty(t, a, "template %d: argument names", tp)
		}
		// Rendering its own argument names gives the wording with them in place.
		out := Step{Template: uint32(tp), Args: args}.Render()
		require.NotContains(t, out, "[template", "template %d", tp)
	}
}

// TestStepTemplatesReleased fails when a released wording changed or was
// removed, or when a template is not yet in the released list (append the
// line it prints).
func TestStepTemplatesReleased(t *testing.T) {
	f, err := os.Open(releasedTemplates)
	require.NoError(t, err)
	defer func() { _ = f.Close() }()
	released := map[StepTemplate]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		n, err := strconv.ParseUint(line[:strings.IndexByte(line, '\t')], 10, 32)
		require.NoError(t, err, line)
		tp := StepTemplate(n)
		_, _, ok := tp.Format()
		require.True(t, ok, "released template %d was removed from the table: numbers are never removed or reused", tp)
		require.Equal(t, line, templateLine(tp), "released template %d changed: give the new wording a new number", tp)
		released[tp] = true
	}
	require.NoError(t, sc.Err())
	var missing []string
	for _, tp := range StepTemplates() {
		if !released[tp] {
			missing = append(missing, templateLine(tp))
		}
	}
	require.Empty(t, missing, "append to %s:\n%s", releasedTemplates, strings.Join(missing, "\n"))
}

func TestStepRender(t *testing.T) {
	cases := []struct {
		name string
		step Step
		want string
	}{
		{"template", NewStep("R-ELIG-31", StepInsured, "GOLD", "2", "2024"), "Insured: plan GOLD version 2 applies (plan year 2024)."},
		{"no arguments", NewStep("R-TF-29", StepNoFilingDeadline), "The plan sets no filing deadline."},
		{"text wins", Step{RuleId: "R-X", Text: "free words", Template: uint32(StepInsured), Args: []string{"a"}}, "free words"},
		{"percent signs in arguments stay", NewStep("R-COINS-2", StepCoinsurance, "20%", "$10.01", "$2.00"),
			"Coinsurance 20% of $10.01 = $2.00 (PR-2)."},
		{"verbs in arguments are not expanded", NewStep("R-DENOM-16", StepDenomMatch, "%s%d"), "Billed in %s%d, the plan's currency."},
		{"unknown template", Step{Template: 99999, Args: []string{"a", "b"}}, "[template 99999: a, b]"},
		{"too few arguments", NewStep("R-ELIG-31", StepInsured, "GOLD"), "[template 3: GOLD]"},
		{"too many arguments", NewStep("R-TF-29", StepNoFilingDeadline, "x"), "[template 25: x]"},
		{"empty step", Step{}, "[template 0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, tc.step.Render())
		})
	}
}

func TestFillRejectsOtherVerbs(t *testing.T) {
	for _, format := range []string{"%d", "trailing %", "%s %s", "%v"} {
		_, ok := fill(format, []string{"a"})
		require.False(t, ok, format)
	}
	out, ok := fill("100%% of %s", []string{"it"})
	require.True(t, ok)
	require.Equal(t, "100% of it", out)
}

func TestDecisionRenderText(t *testing.T) {
	d := Decision{
		Lines: []LineDecision{{Steps: []Step{
			NewStep("R-DX-167", StepNoDiagnosisExcluded),
			{RuleId: "R-X", Text: "kept"},
		}}},
		PendReasons: []Step{NewStep("R-DUP-18", StepNearDuplicate, "2", "CLM-1", "1", "99213", "2024-03-01", "1234567893",
			"2 units, $240.00, no modifiers", "1 unit, $120.00, no modifiers")},
	}
	d.RenderText()
	require.Equal(t, "No diagnosis on the claim is excluded by the plan.", d.Lines[0].Steps[0].Text)
	require.Equal(t, uint32(StepNoDiagnosisExcluded), d.Lines[0].Steps[0].Template, "the template stays")
	require.Equal(t, "kept", d.Lines[0].Steps[1].Text)
	require.Equal(t, "Line 2: near duplicate of CLM-1 line 1 (99213 on 2024-03-01, rendering NPI 1234567893): "+
		"2 units, $240.00, no modifiers now, 1 unit, $120.00, no modifiers then, and no repeat modifier (76, 77, 91): held for review.",
		d.PendReasons[0].Text)
}
