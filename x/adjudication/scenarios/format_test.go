package scenarios_test

// The scenario file format: the Go shape of x/adjudication/scenarios/*.yaml
// (README.md describes it for analysts). Files are read with
// sigs.k8s.io/yaml, which turns YAML into JSON, so the field names below are
// the JSON tags. Unknown fields are refused, so a misspelt field fails loudly
// instead of being ignored.

import (
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"regexp"
	"strings"
	"time"

	"cosmossdk.io/math"
	"sigs.k8s.io/yaml"
)

// Scenario is one file: a plan and a member (given), and the claims that
// arrive (when), each with what the chain must decide (then).
type Scenario struct {
	Scenario string `json:"scenario"`
	Given    Given  `json:"given"`
	When     []Step `json:"when"`
}

// Given is the situation before the first claim.
type Given struct {
	// Plan is the name of a plan file: plans/<name>.json here, else
	// examples/plans/<name>.json.
	Plan string `json:"plan"`
	// PlanID on chain; defaults to the plan name in upper case.
	PlanID string `json:"plan_id"`
	// Effective is the first date of service of the plan's first version.
	Effective Date `json:"effective"`
	// Amendments are later versions, each from its own file and date.
	Amendments []Amendment `json:"amendments"`
	Member     Member      `json:"member"`
	// Today is the block date before the first step (default: the test chain's
	// first block, 2026-01-05).
	Today Date `json:"today"`
	// Reference is reference data (x/refdata) loaded before the first step.
	Reference *Reference `json:"reference"`
}

// Reference lists rows per reference table; each table that has rows is
// loaded as its version 1 and activated from AppliesFrom.
type Reference struct {
	// AppliesFrom is the first date of service the tables apply to (default 2026-01-01).
	AppliesFrom Date           `json:"applies_from"`
	PTP         []PTPRow       `json:"ptp"`
	MUE         []MUERow       `json:"mue"`
	AddOn       []AddOnRow     `json:"add_on"`
	Exclusions  []ExclusionRow `json:"exclusions"`
	AgeSex      []AgeSexRow    `json:"age_sex"`
}

// PTPRow is an NCCI procedure-to-procedure edit: column2 is not paid with column1.
type PTPRow struct {
	Column1   Code `json:"column1"`
	Column2   Code `json:"column2"`
	Effective Date `json:"effective"`
	Deleted   Date `json:"deleted"`
	// ModifierIndicator: 0 never bypassable, 1 an NCCI-associated modifier bypasses, 9 not applicable.
	ModifierIndicator uint32 `json:"modifier_indicator"`
}

// MUERow is a medically unlikely edit: at most Units units of Code.
type MUERow struct {
	Code  Code   `json:"code"`
	Units uint32 `json:"units"`
	// MAI: 1 per line, 2 or 3 per date of service (the claim's lines summed).
	MAI uint32 `json:"mai"`
}

// AddOnRow is an add-on code and the primary codes that make it payable.
type AddOnRow struct {
	Code      Code   `json:"code"`
	Primaries []Code `json:"primaries"`
	Type      uint32 `json:"type"`
}

// ExclusionRow is an OIG exclusion of an NPI.
type ExclusionRow struct {
	NPI         string `json:"npi"`
	Excluded    Date   `json:"excluded"`
	Reinstated  Date   `json:"reinstated"`
	Waived      Date   `json:"waived"`
	WaiverState string `json:"waiver_state"`
}

// AgeSexRow limits a code to ages (max_age 0: no upper limit) and a sex ("F", "M" or "").
type AgeSexRow struct {
	Code   Code   `json:"code"`
	MinAge uint32 `json:"min_age"`
	MaxAge uint32 `json:"max_age"`
	Sex    string `json:"sex"`
}

// Amendment is a plan version that takes effect on a later date.
type Amendment struct {
	Plan      string `json:"plan"`
	Effective Date   `json:"effective"`
}

// Member is the patient's coverage, or "none" for someone the insurer has not
// enrolled.
type Member struct {
	None      bool
	Enrolled  Date   `json:"enrolled"`
	Ends      Date   `json:"ends"`
	Sex       string `json:"sex"`
	BirthYear uint32 `json:"birth_year"`
}

func (m *Member) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		if s != "none" {
			return fmt.Errorf(`member: write "none" or {enrolled: ..., sex: ..., birth_year: ...}, not %q`, s)
		}
		m.None = true
		return nil
	}
	type plain Member // no UnmarshalJSON: avoids recursion
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var p plain
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("member: %w", err)
	}
	*m = Member(p)
	return nil
}

// Step is one thing that happens: a claim (or preauthorization or
// predetermination) arrives, an earlier claim is voided, or coverage is
// terminated.
type Step struct {
	// Exactly one of these names the step.
	Claim     string       `json:"claim"`
	Void      string       `json:"void"`
	Terminate *Termination `json:"terminate"`

	// Arrives is the block date of the step (default: the previous step's).
	Arrives Date `json:"arrives"`
	// Use is claim (default), predetermination or preauthorization.
	Use       string   `json:"use"`
	Diagnoses []string `json:"diagnoses"`
	// Currency of the billed amounts (default usd).
	Currency string `json:"currency"`
	Lines    []Line `json:"lines"`
	// Reason for a void (default "billed in error").
	Reason string `json:"reason"`

	Then *Then `json:"then"`
}

// Name is the step's name for the subtest and messages.
func (s Step) Name() string {
	switch {
	case s.Claim != "":
		return s.Claim
	case s.Void != "":
		return "void " + s.Void
	case s.Terminate != nil:
		return "terminate coverage " + string(s.Terminate.Ends)
	}
	return "?"
}

// Termination ends the member's coverage.
type Termination struct {
	Ends Date `json:"ends"`
	// Reason: voluntary (default), non_payment, deceased or other.
	Reason string `json:"reason"`
}

// Line is one claim line.
type Line struct {
	Code      Code     `json:"code"`
	Modifiers []string `json:"modifiers"`
	// Units (default 1).
	Units  uint32  `json:"units"`
	Date   Date    `json:"date"`
	Billed Dollars `json:"billed"`
	// Preauth names an earlier preauthorization step of the file; the line
	// carries that preauthorization's claim id as its preauth_ref.
	Preauth string `json:"preauth"`
	// PreauthRef is a literal preauth_ref (e.g. one that matches nothing).
	PreauthRef string `json:"preauth_ref"`
	// RenderingNPI is the NPI that rendered the line, in the provider's
	// attestation (default: the billing provider's, 1234567893).
	RenderingNPI string `json:"rendering_npi"`
}

// Then is what the chain must have decided after the step. Every field left
// out is not checked.
type Then struct {
	// Error: the chain must refuse the step with an error containing this text.
	Error string `json:"error"`

	Decision string `json:"decision"`
	// Status of the claim afterwards: ADJUDICATED, PENDED (held for review:
	// nothing payable), VOIDED.
	Status string `json:"status"`
	// PendedBy lists the rule ids that held the claim for review, in order
	// ([] for none).
	PendedBy    *[]string `json:"pended_by"`
	PlanVersion *uint32   `json:"plan_version"`
	Payable     *Dollars `json:"payable"`
	MemberPays  *Dollars `json:"member_pays"`
	// Lines, in order; when given, the decision must have exactly these lines.
	Lines        []ThenLine        `json:"lines"`
	Accumulators *ThenAccumulators `json:"accumulators"`
}

// ThenLine is the expected decision of one line.
type ThenLine struct {
	Decision    string   `json:"decision"`
	Category    *string  `json:"category"`
	Allowed     *Dollars `json:"allowed"`
	Deductible  *Dollars `json:"deductible"`
	Copay       *Dollars `json:"copay"`
	Coinsurance *Dollars `json:"coinsurance"`
	Payable     *Dollars `json:"payable"`
	// Adjustments as "<group>-<CARC> [RARC] <amount>", in the order the rules
	// made them: "CO-45 35.50", "CO-96 N130 2400.00".
	Adjustments   *[]string          `json:"adjustments"`
	Authorization *ThenAuthorization `json:"authorization"`
}

// ThenAuthorization is the authorization a preauthorization line created, or
// the one a claim line consumed, as it stands after the step.
type ThenAuthorization struct {
	Approved  *uint32 `json:"approved"`
	Used      *uint32 `json:"used"`
	ValidFrom Date    `json:"valid_from"`
	ValidTo   Date    `json:"valid_to"`
}

// ThenAccumulators is the member's plan-year accumulator after the step.
type ThenAccumulators struct {
	// Year (default: the plan year of the step's claim).
	Year             int32             `json:"year"`
	DeductibleMet    *Dollars          `json:"deductible_met"`
	OutOfPocketSpent *Dollars          `json:"out_of_pocket_spent"`
	Limits           map[string]uint32 `json:"limits"`
}

// Date is a YYYY-MM-DD date.
type Date string

var dateRe = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("date %s: write dates as YYYY-MM-DD", b)
	}
	if _, err := time.Parse(time.DateOnly, s); err != nil || !dateRe.MatchString(s) {
		return fmt.Errorf("date %q: write dates as YYYY-MM-DD", s)
	}
	*d = Date(s)
	return nil
}

// Time is the date at noon UTC: the block time of a step that arrives that day.
func (d Date) Time() time.Time {
	t, _ := time.Parse(time.DateOnly, string(d))
	return t.Add(12 * time.Hour)
}

// Code is a procedure code. YAML reads an unquoted 00100 as the octal number
// 64, so only quoted codes and plain five-digit numbers (99213) are accepted.
type Code string

func (c *Code) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*c = Code(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		if i, err := n.Int64(); err == nil && i >= 10000 && i <= 99999 {
			*c = Code(n.String())
			return nil
		}
	}
	return fmt.Errorf("procedure code %s: write codes in quotes, e.g. \"99213\" or \"00100\"", b)
}

// Dollars is an amount written as dollars and cents ("125.50", "$1,500.00"),
// held exactly as integer cents. Amounts must be quoted: YAML would otherwise
// read 125.50 as a floating-point number.
type Dollars struct{ Cents math.Int }

var dollarsRe = regexp.MustCompile(`^(\d+)(?:\.(\d{1,2}))?$`)

// ParseDollars converts "125.50" to 12550 cents without floating point.
func ParseDollars(s string) (math.Int, error) {
	t := strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "$"), ",", "")
	m := dollarsRe.FindStringSubmatch(t)
	if m == nil {
		return math.Int{}, fmt.Errorf("amount %q: write dollars with up to two decimals, e.g. \"125.50\"", s)
	}
	cents := m[1] + (m[2] + "00")[:2]
	v, ok := new(big.Int).SetString(cents, 10)
	if !ok {
		return math.Int{}, fmt.Errorf("amount %q is not a number", s)
	}
	return math.NewIntFromBigInt(v), nil
}

func (d *Dollars) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("amount %s: write amounts in quotes with cents, e.g. \"125.50\"", b)
	}
	v, err := ParseDollars(s)
	if err != nil {
		return err
	}
	d.Cents = v
	return nil
}

func (d Dollars) String() string { return FormatDollars(d.Cents) }

// FormatDollars renders cents as "$1,500.00".
func FormatDollars(c math.Int) string {
	if c.IsNil() {
		c = math.ZeroInt()
	}
	sign := ""
	if c.IsNegative() {
		sign, c = "-", c.Neg()
	}
	digits := c.String()
	for len(digits) < 3 {
		digits = "0" + digits
	}
	whole, cents := digits[:len(digits)-2], digits[len(digits)-2:]
	var grouped []string
	for len(whole) > 3 {
		grouped = append([]string{whole[len(whole)-3:]}, grouped...)
		whole = whole[:len(whole)-3]
	}
	grouped = append([]string{whole}, grouped...)
	return sign + "$" + strings.Join(grouped, ",") + "." + cents
}

// plainDollars renders cents as "1500.00", the form adjustments are written in.
func plainDollars(c math.Int) string {
	return strings.ReplaceAll(strings.TrimPrefix(FormatDollars(c), "$"), ",", "")
}

var adjustmentRe = regexp.MustCompile(`^(CO|PR|OA|PI)-([A-Z0-9]{1,3})(?:\s+([A-Z]{1,2}\d{1,4}))?\s+(\S+)$`)

// canonicalAdjustment rewrites an expected adjustment in the form the runner
// prints actual ones: "CO-45 35.50", "CO-96 N130 2400.00".
func canonicalAdjustment(s string) (string, error) {
	m := adjustmentRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return "", fmt.Errorf("adjustment %q: write <group>-<CARC> [RARC] <amount>, e.g. \"CO-45 35.50\" or \"CO-96 N130 2400.00\"", s)
	}
	amt, err := ParseDollars(m[4])
	if err != nil {
		return "", fmt.Errorf("adjustment %q: %w", s, err)
	}
	return formatAdjustment(m[1], m[2], m[3], amt), nil
}

func formatAdjustment(group, carc, rarc string, amount math.Int) string {
	if rarc != "" {
		return fmt.Sprintf("%s-%s %s %s", group, carc, rarc, plainDollars(amount))
	}
	return fmt.Sprintf("%s-%s %s", group, carc, plainDollars(amount))
}

// LoadScenario reads and checks one scenario file.
func LoadScenario(path string) (*Scenario, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var s Scenario
	if err := yaml.UnmarshalStrict(b, &s); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &s, nil
}

// check catches mistakes in a file before anything runs.
func (s *Scenario) check() error {
	if strings.TrimSpace(s.Scenario) == "" {
		return fmt.Errorf("scenario: give the scenario a title")
	}
	if s.Given.Plan == "" {
		return fmt.Errorf("given.plan: name a plan file (e.g. gold)")
	}
	if len(s.When) == 0 {
		return fmt.Errorf("when: no steps")
	}
	names := map[string]Step{}
	for i, st := range s.When {
		where := fmt.Sprintf("when step %d (%s)", i+1, st.Name())
		n := 0
		for _, set := range []bool{st.Claim != "", st.Void != "", st.Terminate != nil} {
			if set {
				n++
			}
		}
		if n != 1 {
			return fmt.Errorf("%s: a step is exactly one of claim:, void: or terminate:", where)
		}
		switch {
		case st.Claim != "":
			if _, dup := names[st.Claim]; dup {
				return fmt.Errorf("%s: another claim is already called %q", where, st.Claim)
			}
			switch st.Use {
			case "", "claim", "predetermination", "preauthorization":
			default:
				return fmt.Errorf("%s: use must be claim, predetermination or preauthorization, not %q", where, st.Use)
			}
			if len(st.Lines) == 0 {
				return fmt.Errorf("%s: a claim needs lines", where)
			}
			if (st.Use == "" || st.Use == "claim") && len(st.Diagnoses) == 0 {
				return fmt.Errorf("%s: a claim needs diagnoses (the provider's attestation records them)", where)
			}
			for j, l := range st.Lines {
				if l.Code == "" || l.Date == "" || l.Billed.Cents.IsNil() {
					return fmt.Errorf("%s line %d: code, date and billed are required", where, j+1)
				}
				if l.RenderingNPI != "" && st.Use != "" && st.Use != "claim" {
					return fmt.Errorf("%s line %d: rendering_npi is attested care: only a claim has one", where, j+1)
				}
				if l.Preauth != "" {
					pre, ok := names[l.Preauth]
					if !ok || pre.Use != "preauthorization" {
						return fmt.Errorf("%s line %d: preauth %q is not an earlier preauthorization in this file", where, j+1, l.Preauth)
					}
					if l.PreauthRef != "" {
						return fmt.Errorf("%s line %d: give preauth or preauth_ref, not both", where, j+1)
					}
				}
			}
			names[st.Claim] = st
		case st.Void != "":
			if _, ok := names[st.Void]; !ok {
				return fmt.Errorf("%s: %q is not an earlier claim in this file", where, st.Void)
			}
			if len(st.Lines) > 0 || st.Use != "" || len(st.Diagnoses) > 0 {
				return fmt.Errorf("%s: a void takes no lines, use or diagnoses", where)
			}
		case st.Terminate != nil:
			if st.Terminate.Ends == "" {
				return fmt.Errorf("%s: terminate needs ends: <last covered date>", where)
			}
			if s.Given.Member.None {
				return fmt.Errorf("%s: member is none: there is no coverage to terminate", where)
			}
		}
		if st.Then != nil {
			for j, l := range st.Then.Lines {
				if l.Decision == "" || l.Payable == nil || l.Adjustments == nil {
					return fmt.Errorf("%s then line %d: decision, payable and adjustments are required (adjustments: [] when none)", where, j+1)
				}
				for _, a := range *l.Adjustments {
					if _, err := canonicalAdjustment(a); err != nil {
						return fmt.Errorf("%s then line %d: %w", where, j+1, err)
					}
				}
			}
			if st.Then.Error != "" && (st.Then.Decision != "" || len(st.Then.Lines) > 0) {
				return fmt.Errorf("%s: then.error expects the step to be refused; it cannot also have a decision", where)
			}
		}
	}
	return nil
}
