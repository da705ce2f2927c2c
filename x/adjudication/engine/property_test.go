package engine

import (
	"bytes"
	"fmt"
	"math/big"
	"testing"
	"time"

	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"pgregory.net/rapid"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Property tests over random plans, coverages, accumulators, authorizations
// and claims drawn from small pools of codes, so that rules actually fire.

var (
	propCodes     = []string{"99202", "99213", "99215", "97110", "97112", "27447", "15780", "70450", "80053", "G0101"}
	propRanges    = []adjtypes.CodeRange{cr("99202", "99215"), cr("97110", "97112"), cr("80047", "80099"), cr("G0100", "G0199"), cr("70450", "70470")}
	propModifiers = []string{"26", "TC", "GT", "59"}
	propDx        = []string{"J069", "Z411", "E119", "F17210", "M545"}
	propExcluded  = []string{"Z41", "F17", "E1", "", "M5451"}
	propLimitIDs  = []string{"physio", "imaging", "visits"}
	propRefs      = []string{"CLM-7-2", "CLM-7-3"}
	propBase      = time.Date(2023, 6, 1, 0, 0, 0, 0, time.UTC)
)

// rare is true about once in n draws. It compares with a middle value
// because rapid favours the ends of a range.
func rare(t *rapid.T, label string, n int) bool {
	return rapid.IntRange(0, n-1).Draw(t, label) == n/2
}

func drawAmount(t *rapid.T, label string, max int64) math.Int {
	return math.NewInt(rapid.Int64Range(0, max).Draw(t, label))
}

func drawDate(t *rapid.T, label string, fromDay, toDay int) string {
	return addDays(propBase, rapid.IntRange(fromDay, toDay).Draw(t, label))
}

func drawRanges(t *rapid.T, label string, max int) []adjtypes.CodeRange {
	n := rapid.IntRange(0, max).Draw(t, label+" n")
	out := make([]adjtypes.CodeRange, 0, n)
	for i := 0; i < n; i++ {
		if rapid.Bool().Draw(t, label+" single") {
			out = append(out, cr(rapid.SampledFrom(propCodes).Draw(t, label+" code"), ""))
		} else {
			out = append(out, rapid.SampledFrom(propRanges).Draw(t, label+" range"))
		}
	}
	return out
}

func drawPlan(t *rapid.T) *adjtypes.PlanVersion {
	terms := adjtypes.PlanTerms{
		Denom:            "usd",
		AnnualDeductible: drawAmount(t, "deductible", 200000),
		OutOfPocketMax:   drawAmount(t, "oop max", 1000000),
		TimelyFilingDays: rapid.SampledFrom([]uint32{0, 30, 90, 365}).Draw(t, "timely filing"),
	}
	if rare(t, "other denom", 10) {
		terms.Denom = "eur"
	}
	for i, n := 0, rapid.IntRange(0, 4).Draw(t, "categories"); i < n; i++ {
		cs := adjtypes.CostSharing{Copay: math.ZeroInt(), CoinsuranceBps: rapid.Uint32Range(0, 10000).Draw(t, "bps")}
		if rapid.Bool().Draw(t, "has copay") {
			cs.Copay = drawAmount(t, "copay", 10000)
		}
		terms.Categories = append(terms.Categories, adjtypes.ServiceCategory{
			Id: fmt.Sprintf("cat-%d", i), Codes: drawRanges(t, "category codes", 3), CostSharing: cs,
		})
	}
	for i, n := 0, rapid.IntRange(0, 8).Draw(t, "fees"); i < n; i++ {
		mod := ""
		if rapid.Bool().Draw(t, "fee has modifier") {
			mod = rapid.SampledFrom(propModifiers).Draw(t, "fee modifier")
		}
		terms.FeeSchedule = append(terms.FeeSchedule, adjtypes.FeeScheduleEntry{
			Code: rapid.SampledFrom(propCodes).Draw(t, "fee code"), Modifier: mod, Allowed: drawAmount(t, "rate", 200000),
		})
	}
	terms.NonCoveredCodes = drawRanges(t, "non-covered", 2)
	if rare(t, "excludes dx", 4) {
		terms.NonCoveredDiagnoses = rapid.SliceOfN(rapid.SampledFrom(propExcluded), 0, 2).Draw(t, "excluded dx")
	}
	for i, n := 0, rapid.IntRange(0, 3).Draw(t, "limits"); i < n; i++ {
		terms.BenefitLimits = append(terms.BenefitLimits, adjtypes.BenefitLimit{
			Id: rapid.SampledFrom(propLimitIDs).Draw(t, "limit id"), Codes: drawRanges(t, "limit codes", 2),
			MaxServices: rapid.Uint32Range(0, 40).Draw(t, "max services"),
		})
	}
	terms.PriorAuthCodes = drawRanges(t, "prior auth", 2)
	return &adjtypes.PlanVersion{PlanId: "GOLD", Version: rapid.Uint32Range(1, 5).Draw(t, "version"), EffectiveDate: "2023-01-01", Terms: terms}
}

func drawInput(t *rapid.T) Input {
	use := rapid.SampledFrom([]claimstypes.ClaimUse{
		claimstypes.CLAIM_USE_CLAIM, claimstypes.CLAIM_USE_CLAIM, claimstypes.CLAIM_USE_PREAUTHORIZATION, claimstypes.CLAIM_USE_PREDETERMINATION,
	}).Draw(t, "use")
	n := rapid.IntRange(1, 8).Draw(t, "lines")
	firstDay := rapid.IntRange(0, 380).Draw(t, "first day of service")
	lines := make([]claimstypes.ClaimLine, n)
	total := math.ZeroInt()
	for i := range lines {
		l := claimstypes.ClaimLine{
			Sequence:    uint32(i + 1),
			Code:        rapid.SampledFrom(propCodes).Draw(t, "code"),
			Modifiers:   rapid.SliceOfN(rapid.SampledFrom(propModifiers), 0, 2).Draw(t, "modifiers"),
			Units:       rapid.Uint32Range(1, 12).Draw(t, "units"),
			ServiceDate: drawDate(t, "service date", firstDay, firstDay+20),
			Billed:      sdk.Coin{Denom: "usd", Amount: drawAmount(t, "billed", 500000)},
		}
		if !rare(t, "no preauth ref", 4) {
			l.PreauthRef = rapid.SampledFrom(propRefs).Draw(t, "preauth ref")
		}
		total = total.Add(l.Billed.Amount)
		lines[i] = l
	}
	claim := claimstypes.Claim{
		Id: "CLM-7-9", ProviderId: testProvider, InsurerId: 3, Use: use, Member: testMember,
		DiagnosisCodes: rapid.SliceOfN(rapid.SampledFrom(propDx), 0, 3).Draw(t, "diagnoses"),
		Lines:          lines, TotalBilled: sdk.Coin{Denom: "usd", Amount: total},
	}
	// Mostly received soon after the latest date of service, sometimes late or early.
	latest := 0
	for _, l := range lines {
		d, _ := time.Parse(dateLayout, l.ServiceDate)
		latest = max(latest, int(daysBetween(propBase, d)))
	}
	in := Input{Claim: claim, ReceivedDate: drawDate(t, "received", latest-10, latest+120)}
	if !rare(t, "no coverage", 10) {
		in.Coverage = &adjtypes.Coverage{Member: testMember, InsurerId: 3, PlanId: "GOLD", StartDate: drawDate(t, "start", -100, 0)}
		if rare(t, "late start", 5) {
			in.Coverage.StartDate = drawDate(t, "late start date", 0, 300)
		}
		if rare(t, "has end", 4) {
			in.Coverage.EndDate = drawDate(t, "end", 150, 450)
		}
		if !rare(t, "no plan", 10) {
			in.Plan = drawPlan(t)
			// Steer towards the later rules: often the claim's codes are covered
			// by a last catch-all category, and its first code needs authorization.
			if !rare(t, "no catch-all category", 3) {
				all := adjtypes.ServiceCategory{Id: "all", CostSharing: adjtypes.CostSharing{Copay: math.ZeroInt(), CoinsuranceBps: 2000}}
				for _, l := range lines {
					all.Codes = append(all.Codes, cr(l.Code, ""))
				}
				in.Plan.Terms.Categories = append(in.Plan.Terms.Categories, all)
			}
			if !rare(t, "first code needs no authorization", 3) {
				in.Plan.Terms.PriorAuthCodes = append(in.Plan.Terms.PriorAuthCodes, cr(lines[0].Code, ""))
			}
		}
	}
	in.Accumulator = adjtypes.Accumulator{
		DeductibleMet:    drawAmount(t, "deductible met", 250000),
		OutOfPocketSpent: drawAmount(t, "oop spent", 1100000),
	}
	if rapid.Bool().Draw(t, "accumulator keyed") {
		in.Accumulator.Member, in.Accumulator.PlanId = testMember, "GOLD"
	}
	for i, k := 0, rapid.IntRange(0, 3).Draw(t, "limit uses"); i < k; i++ {
		in.Accumulator.LimitUses = append(in.Accumulator.LimitUses, adjtypes.LimitUse{
			LimitId: rapid.SampledFrom(propLimitIDs).Draw(t, "use id"), Units: rapid.Uint32Range(0, 40).Draw(t, "use units"),
		})
	}
	seen := map[string]bool{}
	for i, k := 0, rapid.IntRange(0, 6).Draw(t, "authorizations"); i < k; i++ {
		id := rapid.SampledFrom(propRefs).Draw(t, "auth ref") + "#" + fmt.Sprint(rapid.IntRange(1, 3).Draw(t, "auth line"))
		if seen[id] {
			continue
		}
		seen[id] = true
		a := adjtypes.Authorization{
			Id: id, Member: testMember, ProviderId: testProvider,
			Code:          lines[0].Code, // the code steered to need authorization
			UnitsApproved: rapid.Uint32Range(0, 20).Draw(t, "approved"),
			UnitsUsed:     rapid.Uint32Range(0, 20).Draw(t, "used"),
			ValidFrom:     drawDate(t, "valid from", firstDay-30, firstDay),
			ValidTo:       drawDate(t, "valid to", firstDay+20, firstDay+120),
		}
		if rare(t, "auth expired", 6) {
			a.ValidTo = drawDate(t, "expired", firstDay-60, firstDay+10)
		}
		if rare(t, "auth other code", 6) {
			a.Code = rapid.SampledFrom(propCodes).Draw(t, "auth code")
		}
		if rare(t, "auth other member", 6) {
			a.Member = otherMember
		}
		if rare(t, "auth other provider", 6) {
			a.ProviderId = 8
		}
		in.Authorizations = append(in.Authorizations, a)
	}
	return in
}

func mustMarshal(t *rapid.T, m interface{ Marshal() ([]byte, error) }) []byte {
	bz, err := m.Marshal()
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return bz
}

// outputBytes serialises everything an Output carries, for byte comparison.
func outputBytes(t *rapid.T, out Output) []byte {
	var b bytes.Buffer
	b.Write(mustMarshal(t, &out.Decision))
	b.Write(mustMarshal(t, &out.Accumulator))
	for _, a := range out.UsedAuthorizations {
		b.WriteString("|used|")
		b.Write(mustMarshal(t, &a))
	}
	for _, a := range out.NewAuthorizations {
		b.WriteString("|new|")
		b.Write(mustMarshal(t, &a))
	}
	fmt.Fprintf(&b, "|%d", out.RulesEvaluated)
	return b.Bytes()
}

// inputBytes serialises an Input, to check the engine does not change it.
func inputBytes(t *rapid.T, in Input) []byte {
	var b bytes.Buffer
	b.Write(mustMarshal(t, &in.Claim))
	b.WriteString(in.ReceivedDate)
	if in.Coverage != nil {
		b.Write(mustMarshal(t, in.Coverage))
	}
	if in.Plan != nil {
		b.Write(mustMarshal(t, in.Plan))
	}
	b.Write(mustMarshal(t, &in.Accumulator))
	for _, a := range in.Authorizations {
		b.Write(mustMarshal(t, &a))
	}
	return b.Bytes()
}

func TestPropertyAdjudication(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		inBefore := inputBytes(t, in)
		out, err := Adjudicate(in)
		if err != nil {
			t.Fatalf("valid-shaped input refused: %v", err)
		}
		if !bytes.Equal(inBefore, inputBytes(t, in)) {
			t.Fatalf("the input was changed")
		}

		// Deterministic: a second run gives the same bytes.
		again, err := Adjudicate(in)
		if err != nil || !bytes.Equal(outputBytes(t, out), outputBytes(t, again)) {
			t.Fatalf("second run differs (err %v)", err)
		}

		d := out.Decision
		if len(d.Lines) != len(in.Claim.Lines) {
			t.Fatalf("%d line decisions for %d lines", len(d.Lines), len(in.Claim.Lines))
		}
		sumSubmitted, sumBenefit, sumPR := math.ZeroInt(), math.ZeroInt(), math.ZeroInt()
		sumDed, sumShare := math.ZeroInt(), math.ZeroInt()
		approved := 0
		for i, ld := range d.Lines {
			line := in.Claim.Lines[i]
			if ld.Sequence != line.Sequence || !ld.Submitted.Equal(line.Billed.Amount) {
				t.Fatalf("line %d: sequence or submitted amount not the claim's", i+1)
			}
			// Invariant: submitted = benefit + sum(adjustments), benefit >= 0.
			sum := ld.Benefit
			for _, a := range ld.Adjustments {
				if a.Amount.IsNegative() {
					t.Fatalf("line %d: negative adjustment %+v", i+1, a)
				}
				sum = sum.Add(a.Amount)
				if a.Group == adjtypes.GROUP_CODE_PR {
					sumPR = sumPR.Add(a.Amount)
				}
			}
			if !sum.Equal(ld.Submitted) || ld.Benefit.IsNegative() {
				t.Fatalf("line %d: invariant violated: submitted %s, benefit %s, adjustments %v", i+1, ld.Submitted, ld.Benefit, ld.Adjustments)
			}
			share := ld.Deductible.Add(ld.Copay).Add(ld.Coinsurance)
			if !ld.Benefit.Add(share).Equal(ld.Allowed) || ld.Allowed.GT(ld.Submitted) {
				t.Fatalf("line %d: allowed %s does not split into benefit and member share", i+1, ld.Allowed)
			}
			switch ld.Decision {
			case adjtypes.DECISION_KIND_DENIED:
				if len(ld.Adjustments) != 1 || !ld.Benefit.IsZero() || !share.IsZero() {
					t.Fatalf("line %d: a denied line has one adjustment and pays nothing", i+1)
				}
			case adjtypes.DECISION_KIND_APPROVED:
				approved++
				for _, a := range ld.Adjustments {
					if !a.Amount.IsPositive() {
						t.Fatalf("line %d: zero adjustment recorded", i+1)
					}
				}
			default:
				t.Fatalf("line %d: decision %s", i+1, ld.Decision)
			}
			if len(ld.Steps) == 0 {
				t.Fatalf("line %d: no explanation", i+1)
			}
			sumSubmitted = sumSubmitted.Add(ld.Submitted)
			sumBenefit = sumBenefit.Add(ld.Benefit)
			sumDed = sumDed.Add(ld.Deductible)
			sumShare = sumShare.Add(share)
		}
		if !d.TotalSubmitted.Equal(sumSubmitted) || !d.TotalBenefit.Equal(sumBenefit) || !d.PatientResponsibility.Equal(sumPR) {
			t.Fatalf("totals: submitted %s/%s benefit %s/%s patient %s/%s",
				d.TotalSubmitted, sumSubmitted, d.TotalBenefit, sumBenefit, d.PatientResponsibility, sumPR)
		}
		wantKind := adjtypes.DECISION_KIND_PARTIALLY_APPROVED
		if approved == len(d.Lines) {
			wantKind = adjtypes.DECISION_KIND_APPROVED
		} else if approved == 0 {
			wantKind = adjtypes.DECISION_KIND_DENIED
		}
		if d.Decision != wantKind {
			t.Fatalf("claim decision %s, want %s", d.Decision, wantKind)
		}
		if out.RulesEvaluated < uint64(len(d.Lines)) || out.RulesEvaluated > uint64(len(d.Lines)*len(rules)) {
			t.Fatalf("rules evaluated %d for %d lines", out.RulesEvaluated, len(d.Lines))
		}

		// Uses.
		if in.Claim.Use == claimstypes.CLAIM_USE_CLAIM {
			if d.Accumulated != (in.Plan != nil && in.Coverage != nil) {
				t.Fatalf("a claim accumulates exactly when the member is covered under a plan")
			}
			acc := out.Accumulator
			if !acc.DeductibleMet.Equal(in.Accumulator.DeductibleMet.Add(sumDed)) ||
				!acc.OutOfPocketSpent.Equal(in.Accumulator.OutOfPocketSpent.Add(sumShare)) {
				t.Fatalf("accumulator does not add up the lines")
			}
			if in.Plan != nil && in.Coverage != nil {
				if max := in.Plan.Terms.OutOfPocketMax; in.Accumulator.OutOfPocketSpent.LTE(max) && acc.OutOfPocketSpent.GT(max) {
					t.Fatalf("out-of-pocket %s above the maximum %s", acc.OutOfPocketSpent, max)
				}
				if ded := in.Plan.Terms.AnnualDeductible; in.Accumulator.DeductibleMet.LTE(ded) && acc.DeductibleMet.GT(ded) {
					t.Fatalf("deductible met %s above the deductible %s", acc.DeductibleMet, ded)
				}
			}
			for i := 1; i < len(acc.LimitUses); i++ {
				if acc.LimitUses[i-1].LimitId >= acc.LimitUses[i].LimitId {
					t.Fatalf("limit uses not sorted and merged: %v", acc.LimitUses)
				}
			}
			for _, a := range out.UsedAuthorizations {
				if a.UnitsUsed > a.UnitsApproved {
					t.Fatalf("authorization %s over-consumed", a.Id)
				}
			}
			if len(out.NewAuthorizations) != 0 {
				t.Fatalf("a claim creates no authorization")
			}
		} else {
			if d.Accumulated || !bytes.Equal(mustMarshal(t, &out.Accumulator), mustMarshal(t, &in.Accumulator)) || len(out.UsedAuthorizations) != 0 {
				t.Fatalf("a %s changed state", in.Claim.Use)
			}
			wantNew := 0
			if in.Claim.Use == claimstypes.CLAIM_USE_PREAUTHORIZATION {
				wantNew = approved
			}
			if len(out.NewAuthorizations) != wantNew {
				t.Fatalf("%d new authorizations, want %d", len(out.NewAuthorizations), wantNew)
			}
		}
	})
}

// Arbitrary, often malformed input: the engine returns an error or a
// decision that keeps the invariant, and never panics.
func TestPropertyNoPanic(t *testing.T) {
	oddAmount := rapid.Custom(func(t *rapid.T) math.Int {
		switch rapid.IntRange(0, 5).Draw(t, "kind") {
		case 0:
			return math.Int{} // nil
		case 1:
			return math.NewInt(-rapid.Int64Range(1, 1000).Draw(t, "negative"))
		case 2:
			return math.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), uint(rapid.IntRange(100, 255).Draw(t, "bits"))))
		default:
			return math.NewInt(rapid.Int64Range(0, 1<<40).Draw(t, "amount"))
		}
	})
	oddDate := rapid.SampledFrom([]string{"", "2024-02-30", "2024-1-01", "0001-01-01", "9999-12-31", "2024-03-01", "2023-12-31", "banana"})
	rapid.Check(t, func(t *rapid.T) {
		in := drawInput(t)
		in.Claim.Use = claimstypes.ClaimUse(rapid.Int32Range(-1, 4).Draw(t, "use"))
		for i := range in.Claim.Lines {
			l := &in.Claim.Lines[i]
			if rapid.IntRange(0, 3).Draw(t, "odd line") == 0 {
				l.Units = rapid.Uint32Range(0, 1<<32-1).Draw(t, "odd units")
				l.Billed.Amount = oddAmount.Draw(t, "odd billed")
				l.ServiceDate = oddDate.Draw(t, "odd date")
				l.Sequence = rapid.Uint32Range(0, 3).Draw(t, "odd sequence")
				l.Code = rapid.SampledFrom([]string{"", "9", "992130"}).Draw(t, "odd code")
			}
		}
		if rapid.Bool().Draw(t, "odd received") {
			in.ReceivedDate = oddDate.Draw(t, "received")
		}
		if in.Plan != nil && rapid.Bool().Draw(t, "odd plan") {
			in.Plan.Terms.AnnualDeductible = oddAmount.Draw(t, "odd deductible")
			in.Plan.Terms.OutOfPocketMax = oddAmount.Draw(t, "odd oop")
			for i := range in.Plan.Terms.FeeSchedule {
				in.Plan.Terms.FeeSchedule[i].Allowed = oddAmount.Draw(t, "odd rate")
			}
			for i := range in.Plan.Terms.Categories {
				in.Plan.Terms.Categories[i].CostSharing.Copay = oddAmount.Draw(t, "odd copay")
				in.Plan.Terms.Categories[i].CostSharing.CoinsuranceBps = rapid.Uint32Range(0, 20000).Draw(t, "odd bps")
			}
		}
		if rapid.Bool().Draw(t, "odd accumulator") {
			in.Accumulator.DeductibleMet = oddAmount.Draw(t, "odd met")
			in.Accumulator.OutOfPocketSpent = oddAmount.Draw(t, "odd spent")
			in.Accumulator.Year = rapid.Int32Range(0, 2025).Draw(t, "odd year")
			in.Accumulator.LimitUses = append(in.Accumulator.LimitUses, adjtypes.LimitUse{LimitId: "physio", Units: 1<<32 - 1})
		}
		for i := range in.Authorizations {
			if rapid.Bool().Draw(t, "odd auth") {
				in.Authorizations[i].UnitsApproved = 1<<32 - 1
				in.Authorizations[i].ValidTo = oddDate.Draw(t, "odd valid to")
			}
		}
		out, err := Adjudicate(in)
		if err != nil {
			return
		}
		for _, ld := range out.Decision.Lines {
			sum := ld.Benefit
			for _, a := range ld.Adjustments {
				sum = sum.Add(a.Amount)
			}
			if !sum.Equal(ld.Submitted) || ld.Benefit.IsNegative() {
				t.Fatalf("invariant violated on accepted input")
			}
		}
	})
}
