package engine

import (
	"bytes"
	"fmt"
	"math/big"
	"testing"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/limits"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// fuzzBytes turns fuzz input into choices. Past the end of the input every
// choice is 0, so a short input is a small, ordinary claim and each further
// byte makes it richer or odder.
type fuzzBytes struct{ b []byte }

func (r *fuzzBytes) next() byte {
	if len(r.b) == 0 {
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// intn is a choice in [0, n).
func (r *fuzzBytes) intn(n int) int {
	if n <= 1 {
		return 0
	}
	if n <= 256 {
		return int(r.next()) % n
	}
	return (int(r.next())<<8 | int(r.next())) % n
}

func (r *fuzzBytes) bool() bool { return r.next()&1 == 1 }

// odd is true for about one byte in sixteen: the rare, malformed choices.
func (r *fuzzBytes) odd() bool { return r.next() >= 240 }

func pick[T any](r *fuzzBytes, xs []T) T { return xs[r.intn(len(xs))] }

var (
	fuzzNPIs      = []string{"1234567893", "1245319599", ""}
	fuzzOddCodes  = []string{"", "9", "992130", "99213 ", "ZZZZZ"}
	fuzzOddDates  = []string{"", "2024-02-30", "2024-1-01", "0001-01-01", "9999-12-31", "banana"}
	fuzzBigAmount = []math.Int{
		{}, // nil
		math.NewInt(-1), math.NewInt(limits.MaxAmount), math.NewInt(limits.MaxAmount + 1),
		math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 127)),
		math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 128)),
		math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))), // the largest math.Int
		math.NewIntFromBigInt(new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 255))),
	}
)

// amount is mostly up to $1,677.72, sometimes nil, negative, at or over
// limits.MaxAmount, or as large as math.Int goes.
func (r *fuzzBytes) amount() math.Int {
	if r.odd() {
		return pick(r, fuzzBigAmount)
	}
	return math.NewInt(int64(r.intn(1 << 16))).MulRaw(int64(1 + r.intn(256)))
}

func (r *fuzzBytes) date(from int) string {
	if r.odd() {
		return pick(r, fuzzOddDates)
	}
	return addDays(propBase, from+r.intn(60))
}

func (r *fuzzBytes) code() string {
	if r.odd() {
		return pick(r, fuzzOddCodes)
	}
	return pick(r, propCodes)
}

func (r *fuzzBytes) ranges(max int) []adjtypes.CodeRange {
	out := make([]adjtypes.CodeRange, r.intn(max+1))
	for i := range out {
		if r.bool() {
			out[i] = cr(r.code(), "")
		} else {
			out[i] = pick(r, propRanges)
		}
	}
	return out
}

func (r *fuzzBytes) plan() *adjtypes.PlanVersion {
	t := adjtypes.PlanTerms{Denom: "usd", AnnualDeductible: r.amount(), OutOfPocketMax: r.amount(),
		TimelyFilingDays: pick(r, []uint32{0, 30, 90, 365, limits.MaxTimelyFilingDays, 1<<32 - 1})}
	if r.odd() {
		t.Denom = pick(r, []string{"eur", ""})
	}
	for i, n := 0, r.intn(4); i < n; i++ {
		t.Categories = append(t.Categories, adjtypes.ServiceCategory{Id: fmt.Sprintf("cat-%d", i), Codes: r.ranges(3),
			CostSharing: adjtypes.CostSharing{Copay: r.amount(), CoinsuranceBps: uint32(r.intn(10_001))}})
		if r.odd() {
			t.Categories[i].CostSharing.CoinsuranceBps = 1<<32 - 1
		}
	}
	if !r.odd() { // most claims' codes are covered by a catch-all category
		t.Categories = append(t.Categories, adjtypes.ServiceCategory{Id: "all", Codes: []adjtypes.CodeRange{cr("00100", "V9999")},
			CostSharing: adjtypes.CostSharing{Copay: math.ZeroInt(), CoinsuranceBps: 2000}})
	}
	for i, n := 0, r.intn(6); i < n; i++ {
		mod := ""
		if r.bool() {
			mod = pick(r, propModifiers)
		}
		t.FeeSchedule = append(t.FeeSchedule, adjtypes.FeeScheduleEntry{Code: r.code(), Modifier: mod, Allowed: r.amount()})
	}
	t.NonCoveredCodes = r.ranges(2)
	for i, n := 0, r.intn(3); i < n; i++ {
		t.NonCoveredDiagnoses = append(t.NonCoveredDiagnoses, pick(r, propExcluded))
	}
	for i, n := 0, r.intn(3); i < n; i++ {
		t.BenefitLimits = append(t.BenefitLimits, adjtypes.BenefitLimit{Id: pick(r, propLimitIDs), Codes: r.ranges(2),
			MaxServices: uint32(r.intn(40))})
	}
	t.PriorAuthCodes = r.ranges(2)
	return &adjtypes.PlanVersion{PlanId: "GOLD", Version: uint32(1 + r.intn(5)), EffectiveDate: "2023-01-01", Terms: t}
}

// fuzzInput builds a claim, its member's coverage, plan, accumulator,
// authorizations, history, overrides and reference tables from fuzz bytes.
func fuzzInput(data []byte) Input {
	r := &fuzzBytes{b: data}
	use := claimstypes.CLAIM_USE_CLAIM
	switch b := r.next(); {
	case b >= 240:
		use = claimstypes.ClaimUse(b - 240) // unspecified and unknown uses too
	case b >= 200:
		use = claimstypes.CLAIM_USE_PREDETERMINATION
	case b >= 160:
		use = claimstypes.CLAIM_USE_PREAUTHORIZATION
	}
	n := 1 + r.intn(6)
	if r.odd() {
		n = r.intn(limits.MaxLines + 2) // no lines, or up to one over the limit
	}
	first := r.intn(380)
	lines := make([]claimstypes.ClaimLine, n)
	total := new(big.Int)
	for i := range lines {
		l := claimstypes.ClaimLine{
			Sequence: uint32(i + 1), Code: r.code(), Units: uint32(1 + r.intn(12)), ServiceDate: r.date(first),
			Billed: sdk.Coin{Denom: "usd", Amount: r.amount()}, RenderingNpi: pick(r, fuzzNPIs),
		}
		for k, m := 0, r.intn(3); k < m; k++ {
			l.Modifiers = append(l.Modifiers, pick(r, propModifiers))
		}
		if r.bool() {
			l.PreauthRef = pick(r, propRefs)
		}
		if r.odd() {
			l.Sequence = uint32(r.intn(4)) // zero or repeated
		}
		if r.odd() {
			l.Units = pick(r, []uint32{0, limits.MaxUnits, 1<<32 - 1})
		}
		if r.odd() {
			l.Billed.Denom = "eur"
		}
		if !l.Billed.Amount.IsNil() {
			total.Add(total, l.Billed.Amount.BigInt())
		}
		lines[i] = l
	}
	totalBilled := sdk.Coin{Denom: "usd", Amount: math.ZeroInt()}
	if total.BitLen() <= math.MaxBitLen {
		totalBilled.Amount = math.NewIntFromBigInt(total)
	}
	claim := claimstypes.Claim{Id: "CLM-7-9", ProviderId: testProvider, InsurerId: 3, Use: use, Member: testMember,
		Lines: lines, TotalBilled: totalBilled}
	for k, m := 0, r.intn(4); k < m; k++ {
		claim.DiagnosisCodes = append(claim.DiagnosisCodes, pick(r, propDx))
	}
	in := Input{Claim: claim, ReceivedDate: r.date(first + 10), BillingNPI: pick(r, fuzzNPIs)}

	if !r.odd() {
		in.Coverage = &adjtypes.Coverage{Member: testMember, InsurerId: 3, PlanId: "GOLD", StartDate: r.date(-100),
			Sex: adjtypes.Sex(r.intn(4)), BirthYear: uint32(1900 + r.intn(130)), Aged_90Plus: r.odd()}
		if r.bool() {
			in.Coverage.EndDate = r.date(first + r.intn(200))
		}
		if !r.odd() {
			in.Plan = r.plan()
		}
	}
	in.Accumulator = adjtypes.Accumulator{DeductibleMet: r.amount(), OutOfPocketSpent: r.amount()}
	if r.bool() {
		in.Accumulator.Member, in.Accumulator.PlanId = testMember, "GOLD"
	}
	if r.odd() {
		in.Accumulator.Year = int32(r.intn(2100))
	}
	for k, m := 0, r.intn(3); k < m; k++ {
		units := uint32(r.intn(40))
		if r.odd() {
			units = 1<<32 - 1
		}
		in.Accumulator.LimitUses = append(in.Accumulator.LimitUses, adjtypes.LimitUse{LimitId: pick(r, propLimitIDs), Units: units})
	}
	for k, m := 0, r.intn(4); k < m; k++ {
		a := adjtypes.Authorization{Id: fmt.Sprintf("%s#%d", pick(r, propRefs), 1+r.intn(3)), Member: testMember, ProviderId: testProvider,
			Code: lines0Code(lines, r), UnitsApproved: uint32(r.intn(20)), UnitsUsed: uint32(r.intn(20)),
			ValidFrom: r.date(first - 30), ValidTo: r.date(first + 20)}
		if r.odd() {
			a.UnitsApproved = 1<<32 - 1
		}
		in.Authorizations = append(in.Authorizations, a)
	}
	for k, m := 0, r.intn(4); k < m; k++ {
		in.History = append(in.History, adjtypes.HistoryLine{ClaimId: pick(r, []string{"CLM-7-1", "CLM-7-2", "CLM-7-9"}),
			Sequence: uint32(1 + r.intn(3)), Code: lines0Code(lines, r), Units: uint32(r.intn(12)), Billed: r.amount(),
			RenderingNpi: pick(r, fuzzNPIs), ServiceDate: r.date(first), Member: testMember})
	}
	for k, m := 0, r.intn(3); k < m; k++ {
		in.Overrides = append(in.Overrides, Override{Sequence: uint32(1 + r.intn(4)), RuleID: pick(r, append(Overridable, RuleNotInsured)),
			Reason: "appeal 1 overturned"})
	}

	ref := &in.Reference
	for k, m := 0, r.intn(4); k < m; k++ {
		ref.PTP = append(ref.PTP, PTPEdit{Date: r.date(first), Version: 1, Row: refdatatypes.PtpRow{
			Column1: lines0Code(lines, r), Column2: lines0Code(lines, r), EffectiveDate: "2020-01-01",
			ModifierIndicator: pick(r, []uint32{0, 1, 9, 5})}})
	}
	for k, m := 0, r.intn(4); k < m; k++ {
		ref.MUE = append(ref.MUE, MUEEdit{Date: r.date(first), Version: 2, Row: refdatatypes.MueRow{
			Code: lines0Code(lines, r), Units: uint32(r.intn(5)), AdjudicationIndicator: pick(r, []uint32{1, 2, 3, 0, 7})}})
	}
	for k, m := 0, r.intn(3); k < m; k++ {
		ref.AddOn = append(ref.AddOn, AddOnEdit{Date: r.date(first), Version: 3, Row: refdatatypes.AddOnRow{
			AddOnCode: lines0Code(lines, r), Type: uint32(r.intn(5)), PrimaryCodes: []string{lines0Code(lines, r)}}})
	}
	for k, m := 0, r.intn(3); k < m; k++ {
		npi := pick(r, fuzzNPIs)
		ref.Exclusions = append(ref.Exclusions, ExclusionCheck{NPI: npi, Date: r.date(first), Version: 4, Excluded: r.bool(),
			Row: refdatatypes.ExclusionRow{Npi: npi, ExclusionDate: "2020-01-01"}})
	}
	for k, m := 0, r.intn(3); k < m; k++ {
		ref.AgeSex = append(ref.AgeSex, AgeSexEdit{Date: r.date(first), Version: 5, Row: refdatatypes.AgeSexRow{
			Code: lines0Code(lines, r), MinAge: uint32(r.intn(100)), MaxAge: uint32(r.intn(120)), Sex: pick(r, []string{"", "F", "M", "X"})}})
	}
	return in
}

// lines0Code is the code of one of the claim's lines (so that edits apply), or any code.
func lines0Code(lines []claimstypes.ClaimLine, r *fuzzBytes) string {
	if len(lines) == 0 || r.odd() {
		return r.code()
	}
	return lines[r.intn(len(lines))].Code
}

func marshalled(t *testing.T, ms ...interface{ Marshal() ([]byte, error) }) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, m := range ms {
		bz, err := m.Marshal()
		if err != nil {
			t.Fatalf("marshal %T: %v", m, err)
		}
		b.Write(bz)
		b.WriteByte('|')
	}
	return b.Bytes()
}

func fuzzOutputBytes(t *testing.T, out Output) []byte {
	ms := []interface{ Marshal() ([]byte, error) }{&out.Decision, &out.Accumulator}
	for i := range out.UsedAuthorizations {
		ms = append(ms, &out.UsedAuthorizations[i])
	}
	for i := range out.NewAuthorizations {
		ms = append(ms, &out.NewAuthorizations[i])
	}
	return append(marshalled(t, ms...), fmt.Sprintf("%d/%d/%d", len(out.UsedAuthorizations), len(out.NewAuthorizations), out.RulesEvaluated)...)
}

func fuzzInputBytes(t *testing.T, in Input) []byte {
	ms := []interface{ Marshal() ([]byte, error) }{&in.Claim, &in.Accumulator}
	if in.Coverage != nil {
		ms = append(ms, in.Coverage)
	}
	if in.Plan != nil {
		ms = append(ms, in.Plan)
	}
	for i := range in.Authorizations {
		ms = append(ms, &in.Authorizations[i])
	}
	return marshalled(t, ms...)
}

// FuzzAdjudicate adjudicates claims, plans, accumulators and reference tables
// built from fuzz bytes. The engine never panics; the same input gives the
// same decision byte for byte; the input is not changed; and every decision
// keeps the money invariant: for each line, submitted = benefit +
// adjustments and allowed = benefit + deductible + copay + coinsurance
// (checkInvariant), no amount is negative, and the claim's totals are the sums
// of its lines.
func FuzzAdjudicate(f *testing.F) {
	f.Add([]byte{})
	f.Add(bytes.Repeat([]byte{0}, 64))
	f.Add([]byte("an office visit, a therapy session and an MRI under the gold plan"))
	f.Add(bytes.Repeat([]byte{7, 250, 3, 160, 41}, 60))
	f.Add(bytes.Repeat([]byte{255}, 300))
	f.Add(bytes.Repeat([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, 40))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzInput(data)
		before := fuzzInputBytes(t, in)
		out, err := Adjudicate(in)
		again, err2 := Adjudicate(in)
		if fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("same input, different errors: %v, then %v", err, err2)
		}
		if !bytes.Equal(before, fuzzInputBytes(t, in)) {
			t.Fatalf("the engine changed its input")
		}
		if err != nil {
			return
		}
		if !bytes.Equal(fuzzOutputBytes(t, out), fuzzOutputBytes(t, again)) {
			t.Fatalf("same input, different decisions")
		}
		d := out.Decision
		if len(d.Lines) != len(in.Claim.Lines) {
			t.Fatalf("%d line decisions for %d lines", len(d.Lines), len(in.Claim.Lines))
		}
		submitted, benefit, patient := math.ZeroInt(), math.ZeroInt(), math.ZeroInt()
		for i := range d.Lines {
			ld := &d.Lines[i]
			if err := checkInvariant(ld); err != nil {
				t.Fatalf("line %d: %v", ld.Sequence, err)
			}
			for _, x := range []math.Int{ld.Allowed, ld.Deductible, ld.Copay, ld.Coinsurance, ld.Benefit} {
				if x.IsNil() || x.IsNegative() {
					t.Fatalf("line %d: a negative or missing amount in %+v", ld.Sequence, ld)
				}
			}
			if ld.Allowed.GT(ld.Submitted) {
				t.Fatalf("line %d: allowed %s above billed %s", ld.Sequence, ld.Allowed, ld.Submitted)
			}
			submitted, benefit = submitted.Add(ld.Submitted), benefit.Add(ld.Benefit)
			for _, a := range ld.Adjustments {
				if a.Group == adjtypes.GROUP_CODE_PR {
					patient = patient.Add(a.Amount)
				}
			}
		}
		if !d.TotalSubmitted.Equal(submitted) || !d.TotalBenefit.Equal(benefit) || !d.PatientResponsibility.Equal(patient) {
			t.Fatalf("totals do not add up: submitted %s/%s, benefit %s/%s, patient %s/%s",
				d.TotalSubmitted, submitted, d.TotalBenefit, benefit, d.PatientResponsibility, patient)
		}
		for _, a := range []math.Int{out.Accumulator.DeductibleMet, out.Accumulator.OutOfPocketSpent} {
			if !a.IsNil() && a.IsNegative() {
				t.Fatalf("negative accumulator %+v", out.Accumulator)
			}
		}
	})
}
