package engine

import (
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// newClaimRun validates the input defensively and sets up the running
// totals. The keeper and the claims module validate most of this already; the
// engine checks again because a wrong input must end in an error, not a panic
// or a wrong decision on chain. Nil amounts count as zero.
func newClaimRun(in *Input) (*claimRun, error) {
	cl := &in.Claim
	switch cl.Use {
	case claimstypes.CLAIM_USE_CLAIM, claimstypes.CLAIM_USE_PREAUTHORIZATION, claimstypes.CLAIM_USE_PREDETERMINATION:
	default:
		return nil, fmt.Errorf("claim %s: unknown use %s", cl.Id, cl.Use)
	}
	if cl.Id == "" {
		return nil, errors.New("claim has no id")
	}
	if len(cl.Lines) == 0 {
		return nil, fmt.Errorf("claim %s has no lines", cl.Id)
	}
	received, err := parseDate("received date", in.ReceivedDate)
	if err != nil {
		return nil, err
	}
	c := &claimRun{
		in:        in,
		use:       cl.Use,
		received:  received,
		denom:     cl.TotalBilled.Denom,
		limitUsed: map[string]uint64{},
		auths:     map[string]*adjtypes.Authorization{},
		consumed:  map[string]bool{},
	}
	if c.denom == "" {
		c.denom = cl.Lines[0].Billed.Denom
	}

	// Lines: positive unique sequences, units, dates, amounts, one currency.
	seqs := map[uint32]bool{}
	for i := range cl.Lines {
		l := &cl.Lines[i]
		if l.Sequence == 0 {
			return nil, fmt.Errorf("claim %s line %d: sequence must be positive", cl.Id, i+1)
		}
		if seqs[l.Sequence] {
			return nil, fmt.Errorf("claim %s: line sequence %d appears twice", cl.Id, l.Sequence)
		}
		seqs[l.Sequence] = true
		if l.Units == 0 {
			return nil, fmt.Errorf("claim %s line %d: zero units", cl.Id, l.Sequence)
		}
		if _, err := parseDate(fmt.Sprintf("line %d service_date", l.Sequence), l.ServiceDate); err != nil {
			return nil, fmt.Errorf("claim %s: %w", cl.Id, err)
		}
		if _, err := checkAmount(fmt.Sprintf("line %d billed amount", l.Sequence), l.Billed.Amount); err != nil {
			return nil, fmt.Errorf("claim %s: %w", cl.Id, err)
		}
		if l.Billed.Denom != c.denom {
			return nil, fmt.Errorf("claim %s line %d: billed in %q, the claim in %q: one currency per claim", cl.Id, l.Sequence, l.Billed.Denom, c.denom)
		}
		if c.earliest == "" || l.ServiceDate < c.earliest {
			c.earliest = l.ServiceDate
		}
	}
	earliest, _ := parseDate("service_date", c.earliest) // validated above
	c.planYear = int32(earliest.Year())                  // 1..9999

	// Accumulator: the member's, for the plan year; amounts in range.
	acc := &in.Accumulator
	if acc.Member != "" && acc.Member != cl.Member {
		return nil, fmt.Errorf("accumulator is for member %s, the claim for %s", acc.Member, cl.Member)
	}
	if acc.Year != 0 && acc.Year != c.planYear {
		return nil, fmt.Errorf("accumulator is for plan year %d, the claim's is %d", acc.Year, c.planYear)
	}
	if c.deductibleMet, err = checkAmount("accumulator deductible_met", acc.DeductibleMet); err != nil {
		return nil, err
	}
	if c.oopSpent, err = checkAmount("accumulator out_of_pocket_spent", acc.OutOfPocketSpent); err != nil {
		return nil, err
	}
	for _, u := range acc.LimitUses {
		// Duplicate entries of one limit are added up (and merged on output).
		c.limitUsed[u.LimitId] += uint64(u.Units)
		if c.limitUsed[u.LimitId] > math.MaxUint32 {
			return nil, fmt.Errorf("accumulator limit %s: units overflow", u.LimitId)
		}
	}

	// Coverage and plan, when the member is covered.
	if cov := in.Coverage; cov != nil {
		if _, err := parseDate("coverage start_date", cov.StartDate); err != nil {
			return nil, err
		}
		if cov.EndDate != "" {
			if _, err := parseDate("coverage end_date", cov.EndDate); err != nil {
				return nil, err
			}
		}
		if in.Plan != nil {
			if err := validateTerms(&in.Plan.Terms); err != nil {
				return nil, fmt.Errorf("plan %s version %d: %w", in.Plan.PlanId, in.Plan.Version, err)
			}
			c.terms = &in.Plan.Terms
			for _, dx := range cl.DiagnosisCodes {
				c.diagnoses = append(c.diagnoses, normalizeDiagnosis(dx))
			}
			for _, dx := range c.terms.NonCoveredDiagnoses {
				if n := normalizeDiagnosis(dx); n != "" {
					c.excludedDx = append(c.excludedDx, n)
				}
			}
		}
	}

	// Authorizations: working copies, unique ids, valid dates.
	for i := range in.Authorizations {
		a := in.Authorizations[i] // a copy: the input is never changed
		if _, ok := c.auths[a.Id]; ok {
			return nil, fmt.Errorf("authorization %s appears twice", a.Id)
		}
		if _, err := parseDate("authorization "+a.Id+" valid_from", a.ValidFrom); err != nil {
			return nil, err
		}
		if _, err := parseDate("authorization "+a.Id+" valid_to", a.ValidTo); err != nil {
			return nil, err
		}
		c.auths[a.Id] = &a
		c.authIDs = append(c.authIDs, a.Id)
	}
	sort.Strings(c.authIDs)
	return c, nil
}

// validateTerms checks the plan amounts the engine computes with.
func validateTerms(t *adjtypes.PlanTerms) error {
	if _, err := checkAmount("annual_deductible", t.AnnualDeductible); err != nil {
		return err
	}
	if _, err := checkAmount("out_of_pocket_max", t.OutOfPocketMax); err != nil {
		return err
	}
	for _, cat := range t.Categories {
		if _, err := checkAmount("category "+cat.Id+" copay", cat.CostSharing.Copay); err != nil {
			return err
		}
		if cat.CostSharing.CoinsuranceBps > bpsDenominator {
			return fmt.Errorf("category %s coinsurance %d bps is above 10000", cat.Id, cat.CostSharing.CoinsuranceBps)
		}
	}
	for _, e := range t.FeeSchedule {
		if _, err := checkAmount("fee schedule "+e.Code+" allowed", e.Allowed); err != nil {
			return err
		}
	}
	return nil
}

// normalizeDiagnosis writes an ICD-10-CM code as the plan lists it: upper
// case, without the dot ("z41.1" → "Z411").
func normalizeDiagnosis(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), ".", ""))
}
