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
	"slices"
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
	// Thresholds are the insurer's payment-integrity thresholds (x/integrity),
	// set before the first step; fields left out keep the chain's defaults.
	Thresholds *Thresholds `json:"thresholds"`
}

// Thresholds are an insurer's x/integrity settings (MsgSetThresholds). A
// field left out keeps its current value (at first, the chain's default).
type Thresholds struct {
	PendScore       *uint32 `json:"pend_score"`
	EmMinServices   *uint32 `json:"em_min_services"`
	EmExcessBps     *uint32 `json:"em_excess_bps"`
	VolumeMinClaims *uint32 `json:"volume_min_claims"`
	VolumeFactorBps *uint32 `json:"volume_factor_bps"`
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
	// TypicalMinutes feed the impossible-day flag (R-FLAG-DAY).
	TypicalMinutes []TypicalMinutesRow `json:"typical_minutes"`
	// EmLevels feed the E/M level-mix flag (R-FLAG-EM).
	EmLevels []EmLevelRow `json:"em_levels"`
}

// TypicalMinutesRow is the typical minutes one unit of a code takes.
type TypicalMinutesRow struct {
	Code    Code   `json:"code"`
	Minutes uint32 `json:"minutes"`
}

// EmLevelRow places an E/M code in a family at a level (1 to 5; 4 and 5 are high).
type EmLevelRow struct {
	Code   Code   `json:"code"`
	Family string `json:"family"`
	Level  uint32 `json:"level"`
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
// predetermination) arrives, an earlier claim is voided, reviewed, appealed
// or disputed, coverage is terminated, or the insurer changes its
// thresholds.
type Step struct {
	stepFields
	// Appeal names the claim of an appeal step (appeal: <claim name>).
	Appeal string
	// AppealNumber is the appeal a decide_appeal step decides (appeal: 1).
	AppealNumber uint32
	// Lines of a claim step.
	Lines []Line
	// ReviewLines of a review step (action adjust): lines: [{line: 2, payable: "30.00"}].
	ReviewLines []ReviewLine
	// AppealLines of an appeal step: lines: [2].
	AppealLines []uint32
}

// stepFields are the fields of a step whose shape does not depend on its kind.
type stepFields struct {
	// Exactly one of these names the step (Step.Appeal is the eighth).
	Claim        string       `json:"claim"`
	Void         string       `json:"void"`
	Terminate    *Termination `json:"terminate"`
	Review       string       `json:"review"`
	DecideAppeal string       `json:"decide_appeal"`
	Dispute      string       `json:"dispute"`
	Confirm      string       `json:"confirm"`
	Thresholds   *Thresholds  `json:"thresholds"`

	// Arrives is the block date of the step (default: the previous step's).
	Arrives Date `json:"arrives"`
	// Use is claim (default), predetermination or preauthorization.
	Use       string   `json:"use"`
	Diagnoses []string `json:"diagnoses"`
	// Currency of the billed amounts (default usd).
	Currency string `json:"currency"`
	// Reason for a void (default "billed in error"), an appeal or a dispute;
	// only its hash goes on chain for an appeal or a dispute.
	Reason string `json:"reason"`

	// Review: approve, adjust or deny, with the group code, CARC and RARC of
	// an adjustment or a denial.
	Action string `json:"action"`
	Group  string `json:"group"`
	Carc   string `json:"carc"`
	Rarc   string `json:"rarc"`
	// Notes of a review or an appeal decision (only their hash goes on chain).
	Notes string `json:"notes"`
	// Overturn: decide_appeal reverses the denial (true) or upholds it (false).
	Overturn *bool `json:"overturn"`

	Then *Then `json:"then"`
}

// ReviewLine is a reviewer's new payable amount for one line (0 denies it).
type ReviewLine struct {
	Line    uint32   `json:"line"`
	Payable *Dollars `json:"payable"`
}

// UnmarshalJSON reads a step strictly. `lines` and `appeal` take their shape
// from the kind of step: claim lines, review lines ({line, payable}) or the
// line numbers of an appeal; `appeal` is the claim name of an appeal step and
// the appeal number of a decide_appeal step.
func (s *Step) UnmarshalJSON(b []byte) error {
	var raw struct {
		stepFields
		Lines  json.RawMessage `json:"lines"`
		Appeal json.RawMessage `json:"appeal"`
	}
	if err := strictJSON(b, &raw); err != nil {
		return err
	}
	*s = Step{stepFields: raw.stepFields}
	s.Action = strings.ToLower(strings.TrimSpace(s.Action))
	if len(raw.Appeal) > 0 && string(raw.Appeal) != "null" {
		var name string
		var n uint32
		switch {
		case json.Unmarshal(raw.Appeal, &name) == nil:
			if name == "" {
				return fmt.Errorf("appeal: name the claim whose denied lines the provider appeals")
			}
			s.Appeal = name
		case json.Unmarshal(raw.Appeal, &n) == nil && n > 0:
			s.AppealNumber = n
		default:
			return fmt.Errorf("appeal %s: the claim name of an appeal step, or the appeal number (1, 2, ...) of a decide_appeal step", raw.Appeal)
		}
	}
	if len(raw.Lines) == 0 || string(raw.Lines) == "null" {
		return nil
	}
	switch {
	case s.Review != "":
		if err := strictJSON(raw.Lines, &s.ReviewLines); err != nil {
			return fmt.Errorf("review lines: write - {line: 2, payable: \"30.00\"}: %w", err)
		}
	case s.Appeal != "":
		if err := strictJSON(raw.Lines, &s.AppealLines); err != nil {
			return fmt.Errorf("appeal lines: write the line numbers, e.g. [2]: %w", err)
		}
	default:
		if err := strictJSON(raw.Lines, &s.Lines); err != nil {
			return err
		}
	}
	return nil
}

// strictJSON decodes b into v, refusing unknown fields.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// Kind is the step's kind: the name of the field that names it.
func (s Step) Kind() string {
	var kinds []string
	for _, k := range []struct {
		name string
		set  bool
	}{
		{"claim", s.Claim != ""}, {"void", s.Void != ""}, {"terminate", s.Terminate != nil}, {"review", s.Review != ""},
		{"appeal", s.Appeal != ""}, {"decide_appeal", s.DecideAppeal != ""}, {"dispute", s.Dispute != ""},
		{"confirm", s.Confirm != ""}, {"thresholds", s.Thresholds != nil},
	} {
		if k.set {
			kinds = append(kinds, k.name)
		}
	}
	if len(kinds) != 1 {
		return ""
	}
	return kinds[0]
}

// Target is the claim a step acts on (its own name for a claim step), or "".
func (s Step) Target() string {
	switch s.Kind() {
	case "claim":
		return s.Claim
	case "void":
		return s.Void
	case "review":
		return s.Review
	case "appeal":
		return s.Appeal
	case "decide_appeal":
		return s.DecideAppeal
	case "dispute":
		return s.Dispute
	case "confirm":
		return s.Confirm
	}
	return ""
}

// Name is the step's name for the subtest and messages.
func (s Step) Name() string {
	switch s.Kind() {
	case "claim":
		return s.Claim
	case "void":
		return "void " + s.Void
	case "terminate":
		return "terminate coverage " + string(s.Terminate.Ends)
	case "review":
		return "review " + s.Review
	case "appeal":
		return "appeal " + s.Appeal
	case "decide_appeal":
		n := s.AppealNumber
		if n == 0 {
			n = 1
		}
		return fmt.Sprintf("decide appeal %d of %s", n, s.DecideAppeal)
	case "dispute":
		return "dispute " + s.Dispute
	case "confirm":
		return "confirm " + s.Confirm
	case "thresholds":
		return "thresholds"
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
	Payable     *Dollars  `json:"payable"`
	MemberPays  *Dollars  `json:"member_pays"`
	// Lines, in order; when given, the decision must have exactly these lines.
	Lines        []ThenLine        `json:"lines"`
	Accumulators *ThenAccumulators `json:"accumulators"`

	// Flags are the x/integrity rule ids flagged on the claim, sorted
	// ([] for none): R-FLAG-DAY, R-FLAG-DISPUTE, R-FLAG-EM, R-FLAG-VOLUME.
	Flags *[]string `json:"flags"`
	// RiskScore is the sum of the claim's flags' points.
	RiskScore *uint64 `json:"risk_score"`
	// ProviderStats are the scenario provider's statistics after the step.
	ProviderStats *ThenStats `json:"provider_stats"`
}

// ThenStats are the provider's statistics (x/integrity ProviderStats):
// counts of claims for care given, amounts in dollars.
type ThenStats struct {
	Claims   *uint64  `json:"claims"`
	Billed   *Dollars `json:"billed"`
	Approved *Dollars `json:"approved"`
	Denied   *uint64  `json:"denied"`
	Pended   *uint64  `json:"pended"`
	Voided   *uint64  `json:"voided"`
	// Flags counts the flags raised on the provider's claims per rule ({} for none).
	Flags map[string]uint64 `json:"flags"`
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
		kind := st.Kind()
		if st.DecideAppeal != "" && st.Appeal != "" {
			return fmt.Errorf("%s: in a decide_appeal step, appeal is the appeal's number (1, 2, ...), not %q", where, st.Appeal)
		}
		if kind == "" {
			return fmt.Errorf("%s: a step is exactly one of claim:, void:, terminate:, review:, appeal:, decide_appeal:, dispute:, confirm: or thresholds:", where)
		}
		if err := st.checkFields(kind); err != nil {
			return fmt.Errorf("%s: %w", where, err)
		}
		if kind != "claim" && kind != "terminate" && kind != "thresholds" {
			if _, ok := names[st.Target()]; !ok {
				return fmt.Errorf("%s: %q is not an earlier claim in this file", where, st.Target())
			}
		}
		switch kind {
		case "claim":
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
		case "terminate":
			if st.Terminate.Ends == "" {
				return fmt.Errorf("%s: terminate needs ends: <last covered date>", where)
			}
			if s.Given.Member.None {
				return fmt.Errorf("%s: member is none: there is no coverage to terminate", where)
			}
		case "review":
			switch st.Action {
			case "approve", "deny":
			case "adjust":
				if len(st.ReviewLines) == 0 {
					return fmt.Errorf("%s: action adjust needs lines: [{line: 1, payable: \"30.00\"}] (payable \"0.00\" denies the line)", where)
				}
			default:
				return fmt.Errorf("%s: a review needs action: approve, adjust or deny, not %q", where, st.Action)
			}
			for j, l := range st.ReviewLines {
				if l.Line == 0 || l.Payable == nil {
					return fmt.Errorf("%s review line %d: line (its number on the claim, from 1) and payable are required", where, j+1)
				}
			}
		case "appeal":
			if len(st.AppealLines) == 0 {
				return fmt.Errorf("%s: an appeal needs lines: the numbers of the denied lines appealed, e.g. [2]", where)
			}
		case "decide_appeal":
			if st.Overturn == nil {
				return fmt.Errorf("%s: decide_appeal needs overturn: true (the denial is reversed) or false (it stands)", where)
			}
		case "dispute", "confirm":
			if s.Given.Member.None {
				return fmt.Errorf("%s: member is none: no member account to sign with", where)
			}
			if u := names[st.Target()].Use; u != "" && u != "claim" {
				return fmt.Errorf("%s: %q is a %s: only care given is attested", where, st.Target(), u)
			}
		}
		if st.Then != nil {
			if err := st.Then.check(kind); err != nil {
				return fmt.Errorf("%s: %w", where, err)
			}
		}
	}
	return nil
}

// stepFieldsAllowed lists, per kind of step, the fields it may have besides
// its name, arrives and then.
var stepFieldsAllowed = map[string][]string{
	"claim":         {"use", "diagnoses", "currency", "lines"},
	"void":          {"reason"},
	"terminate":     {},
	"review":        {"action", "group", "carc", "rarc", "lines", "notes"},
	"appeal":        {"lines", "reason"},
	"decide_appeal": {"appeal", "overturn", "notes"},
	"dispute":       {"reason"},
	"confirm":       {},
	"thresholds":    {},
}

// checkFields refuses fields that mean nothing for the step's kind.
func (st Step) checkFields(kind string) error {
	set := map[string]bool{
		"use": st.Use != "", "diagnoses": len(st.Diagnoses) > 0, "currency": st.Currency != "",
		"lines": len(st.Lines)+len(st.ReviewLines)+len(st.AppealLines) > 0, "reason": st.Reason != "",
		"action": st.Action != "", "group": st.Group != "", "carc": st.Carc != "", "rarc": st.Rarc != "",
		"notes": st.Notes != "", "appeal": st.AppealNumber != 0, "overturn": st.Overturn != nil,
	}
	var extra []string
	for _, f := range []string{"use", "diagnoses", "currency", "lines", "reason", "action", "group", "carc", "rarc", "notes", "appeal", "overturn"} {
		if set[f] && !slices.Contains(stepFieldsAllowed[kind], f) {
			extra = append(extra, f)
		}
	}
	if len(extra) > 0 {
		allowed := "nothing but arrives and then"
		if a := stepFieldsAllowed[kind]; len(a) > 0 {
			allowed = strings.Join(a, ", ") + ", arrives and then"
		}
		return fmt.Errorf("a %s step takes %s, not %s", kind, allowed, strings.Join(extra, ", "))
	}
	return nil
}

// check refuses expectations a kind of step cannot meet, and malformed ones.
func (then *Then) check(kind string) error {
	for j, l := range then.Lines {
		if l.Decision == "" || l.Payable == nil || l.Adjustments == nil {
			return fmt.Errorf("then line %d: decision, payable and adjustments are required (adjustments: [] when none)", j+1)
		}
		for _, a := range *l.Adjustments {
			if _, err := canonicalAdjustment(a); err != nil {
				return fmt.Errorf("then line %d: %w", j+1, err)
			}
		}
	}
	if then.Error != "" && (then.Decision != "" || len(then.Lines) > 0) {
		return fmt.Errorf("then.error expects the step to be refused; it cannot also have a decision")
	}
	claimChecks := then.Decision != "" || then.Status != "" || then.PendedBy != nil || then.PlanVersion != nil ||
		then.Payable != nil || then.MemberPays != nil || len(then.Lines) > 0
	switch kind {
	case "void":
		if claimChecks {
			return fmt.Errorf("a void step checks only accumulators, flags, risk_score and provider_stats (decisions are not re-adjudicated)")
		}
	case "terminate", "thresholds":
		if claimChecks || then.Flags != nil || then.RiskScore != nil {
			return fmt.Errorf("a %s step checks only accumulators and provider_stats", kind)
		}
	}
	return nil
}
