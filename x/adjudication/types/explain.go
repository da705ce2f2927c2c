package types

import (
	"fmt"
	"strings"

	"cosmossdk.io/math"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// ReleasedNote is the explanation's line for a decision whose claim was voided
// after adjudication.
const ReleasedNote = "Voided later: its accumulator use was given back; decisions are not re-adjudicated."

// FinalityNote ends every explanation.
const FinalityNote = "Decisions are final for the claim as submitted: only the insurer's review or an appeal changes them (listed above when they did), never a later change of plans or accumulators."

// FormatMinor formats an amount in minor units (cents) as dollars with two
// decimals: 12550 → "$125.50", -5 → "-$0.05". A nil amount is $0.00. The
// conversion is done on the decimal digits, never in floating point.
func FormatMinor(amount math.Int) string {
	neg, digits := explainDigits(amount)
	if neg {
		return "-$" + digits
	}
	return "$" + digits
}

// explainDigits returns the sign of amount and its absolute value with two
// decimals ("125.50"); a nil amount is zero.
func explainDigits(amount math.Int) (neg bool, s string) {
	if amount.IsNil() {
		return false, "0.00"
	}
	b := amount.BigInt() // a copy
	if b.Sign() < 0 {
		neg = true
		b.Neg(b)
	}
	digits := b.String()
	if len(digits) < 3 {
		digits = strings.Repeat("0", 3-len(digits)) + digits
	}
	return neg, digits[:len(digits)-2] + "." + digits[len(digits)-2:]
}

// explainMoney formats amount in denom: "$125.50" for usd (and when the denom
// is unknown), "125.50 EUR" for any other denom.
func explainMoney(amount math.Int, denom string) string {
	if denom == "" || denom == "usd" {
		return FormatMinor(amount)
	}
	neg, digits := explainDigits(amount)
	if neg {
		digits = "-" + digits
	}
	return digits + " " + strings.ToUpper(denom)
}

// DecisionWords is a decision kind in words: "APPROVED", "PARTIALLY APPROVED",
// "DENIED", or "UNDECIDED" for an unspecified kind.
func DecisionWords(k DecisionKind) string {
	switch k {
	case DECISION_KIND_APPROVED:
		return "APPROVED"
	case DECISION_KIND_PARTIALLY_APPROVED:
		return "PARTIALLY APPROVED"
	case DECISION_KIND_DENIED:
		return "DENIED"
	}
	return "UNDECIDED"
}

func explainUse(u claimstypes.ClaimUse) string {
	switch u {
	case claimstypes.CLAIM_USE_CLAIM:
		return "claim"
	case claimstypes.CLAIM_USE_PREAUTHORIZATION:
		return "preauthorization"
	case claimstypes.CLAIM_USE_PREDETERMINATION:
		return "predetermination"
	}
	return "unspecified use"
}

func explainCount(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// explainCode is a line's code with its modifiers: "73721-RT".
func explainCode(l claimstypes.ClaimLine) string {
	if len(l.Modifiers) == 0 {
		return l.Code
	}
	return l.Code + "-" + strings.Join(l.Modifiers, "-")
}

// AdjustmentText is one adjustment in words: "CO-45 $40.50 (charge exceeds fee
// schedule)", with the RARC's meaning after a semicolon when there is one.
func AdjustmentText(a Adjustment, denom string) string {
	group := GroupCodeLetters(a.Group)
	if group == "" {
		group = a.Group.String()
	}
	var why []string
	if m, ok := CARCMeaning(a.Carc); ok {
		why = append(why, m)
	} else {
		why = append(why, fmt.Sprintf("CARC %s: see the X12 claim adjustment reason codes", a.Carc))
	}
	if a.Rarc != "" {
		if m, ok := RARCMeaning(a.Rarc); ok {
			why = append(why, a.Rarc+": "+m)
		} else {
			why = append(why, a.Rarc+": see the remittance advice remark codes")
		}
	}
	return fmt.Sprintf("%s-%s %s (%s)", group, a.Carc, explainMoney(a.Amount, denom), strings.Join(why, "; "))
}

// ExplainDecision renders a decision in plain English, one line of text per
// entry: a summary of the claim and the decision; for each line its amounts,
// the rules that applied and its adjustments with their CARC meanings; the
// totals; and notes on pre-service uses, voiding and finality. The last entry
// is always FinalityNote.
func ExplainDecision(claim claimstypes.Claim, d Decision) []string {
	denom := d.Denom
	if denom == "" {
		denom = claim.TotalBilled.Denom
	}
	money := func(a math.Int) string { return explainMoney(a, denom) }

	id := claim.Id
	if id == "" {
		id = d.ClaimId
	}
	billed := claim.TotalBilled.Amount
	if billed.IsNil() {
		billed = d.TotalSubmitted
	}
	head := fmt.Sprintf("Claim %s (%s, %s, billed %s) — %s", id, explainUse(claim.Use),
		explainCount(len(claim.Lines), "line", "lines"), money(billed), DecisionWords(d.Decision))
	if d.PlanId != "" {
		head += fmt.Sprintf(" under plan %s version %d", d.PlanId, d.PlanVersion)
	} else {
		head += " with no plan in force on the dates of service"
	}
	if d.PlanYear != 0 {
		head += fmt.Sprintf(", plan year %d", d.PlanYear)
	}
	out := []string{head + "."}
	if claim.Id != "" && d.ClaimId != "" && claim.Id != d.ClaimId {
		out = append(out, fmt.Sprintf("Warning: this decision is recorded for claim %s, not %s.", d.ClaimId, claim.Id))
	}
	out = append(out, explainHolds(claim, d)...)

	claimLines := make(map[uint32]claimstypes.ClaimLine, len(claim.Lines))
	for _, l := range claim.Lines {
		claimLines[l.Sequence] = l
	}
	decided := make(map[uint32]bool, len(d.Lines))
	for _, ld := range d.Lines {
		decided[ld.Sequence] = true
		amounts := fmt.Sprintf("→ allowed %s, deductible %s, coinsurance %s, copay %s, payable %s — %s",
			money(ld.Allowed), money(ld.Deductible), money(ld.Coinsurance), money(ld.Copay), money(ld.Benefit),
			DecisionWords(ld.Decision))
		if l, ok := claimLines[ld.Sequence]; ok {
			out = append(out, fmt.Sprintf("Line %d: %s x%d on %s, billed %s %s",
				ld.Sequence, explainCode(l), l.Units, l.ServiceDate, money(l.Billed.Amount), amounts))
		} else {
			out = append(out, fmt.Sprintf("Line %d: (not on the claim), billed %s %s", ld.Sequence, money(ld.Submitted), amounts))
		}
		for _, s := range ld.Steps {
			if s.RuleId != "" {
				out = append(out, fmt.Sprintf("  [%s] %s", s.RuleId, s.Render()))
			} else {
				out = append(out, "  "+s.Render())
			}
		}
		if ld.AuthorizationId != "" {
			out = append(out, fmt.Sprintf("  Used authorization %s.", ld.AuthorizationId))
		}
		for _, u := range ld.LimitUses {
			out = append(out, fmt.Sprintf("  Counted %s against benefit limit %s.", explainCount(int(u.Units), "unit", "units"), u.LimitId))
		}
		for _, a := range ld.Adjustments {
			out = append(out, "  "+AdjustmentText(a, denom))
		}
	}
	for _, l := range claim.Lines {
		if !decided[l.Sequence] {
			out = append(out, fmt.Sprintf("Line %d: %s x%d on %s, billed %s — no decision recorded for this line.",
				l.Sequence, explainCode(l), l.Units, l.ServiceDate, money(l.Billed.Amount)))
		}
	}

	out = append(out, fmt.Sprintf("Payable by the insurer %s; patient responsibility %s (sum of PR adjustments).",
		money(d.TotalBenefit), money(d.PatientResponsibility)))
	switch {
	case claim.Use == claimstypes.CLAIM_USE_PREAUTHORIZATION && d.Decision == DECISION_KIND_DENIED:
		out = append(out, "Preauthorization: nothing is paid and accumulators were not updated; no line was approved, so nothing is authorized.")
	case claim.Use == claimstypes.CLAIM_USE_PREAUTHORIZATION:
		out = append(out, fmt.Sprintf("Preauthorization: nothing is paid now and accumulators were not updated; "+
			"approved lines authorize later claims that give %s as their preauthorization reference.", id))
	case claim.Use == claimstypes.CLAIM_USE_PREDETERMINATION:
		out = append(out, "Predetermination: an estimate only; nothing is paid and accumulators were not updated.")
	case d.Accumulated:
		out = append(out, fmt.Sprintf("The member's plan year %d accumulators (deductible, out-of-pocket, benefit limits) were updated.", d.PlanYear))
	}
	for _, h := range claim.History {
		if strings.HasPrefix(h.Reason, "review ") || strings.HasPrefix(h.Reason, "appeal ") {
			out = append(out, fmt.Sprintf("Changed after adjudication (height %d): %s.", h.Height, h.Reason))
		}
	}
	if d.Released {
		out = append(out, ReleasedNote)
	}
	return append(out, FinalityNote)
}

// explainHolds says why a claim is (or was) held for review: the decision's
// pend reasons, or, for a claim pended by a fraud flag or a dispute, the
// reason recorded in its history.
func explainHolds(claim claimstypes.Claim, d Decision) []string {
	pended := claim.Status == claimstypes.CLAIM_STATUS_PENDED
	var out []string
	for _, p := range d.PendReasons {
		if pended {
			out = append(out, fmt.Sprintf("Held for review (nothing payable until the insurer decides): [%s] %s", p.RuleId, p.Render()))
		} else {
			out = append(out, fmt.Sprintf("Was held for review, released by the insurer's review: [%s] %s", p.RuleId, p.Render()))
		}
	}
	if pended && len(d.PendReasons) == 0 {
		for i := len(claim.History) - 1; i >= 0; i-- {
			if claim.History[i].Status == claimstypes.CLAIM_STATUS_PENDED {
				out = append(out, "Held for review (nothing payable until the insurer decides): "+claim.History[i].Reason)
				break
			}
		}
	}
	return out
}

// FormatMoney formats an amount of a denom for explanations: "$125.50" for
// usd, else the amount and the denom.
func FormatMoney(amount math.Int, denom string) string { return explainMoney(amount, denom) }
