package bench

import (
	"slices"

	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/adjudication/engine"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

// engineMember is the member of engine-only claims.
const engineMember = "3f9a0c1e7b2d4c6a8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f"

// enginePTP are NCCI PTP edits between the long claim's codes (column 1,
// column 2, modifier indicator): 80048 is bundled into 80053; 97110 and 97140
// into 97530 unless a modifier (59) bypasses it.
var enginePTP = []refdatatypes.PtpRow{
	{Column1: "80053", Column2: "80048", EffectiveDate: "2018-01-01", ModifierIndicator: 0},
	{Column1: "97530", Column2: "97110", EffectiveDate: "2018-01-01", ModifierIndicator: 1},
	{Column1: "97530", Column2: "97140", EffectiveDate: "2018-01-01", ModifierIndicator: 1},
}

// engineInput is what the keeper gathers for a claim of lines on one date by
// one rendering NPI (x/adjudication/keeper/adjudicator.go gatherInputs): the
// coverage and the plan version in force, a fresh accumulator, the reference
// rows the tables of loadReference give (MUE per code, the NPI's exclusion
// check, PTP edits between its lines) and one earlier line of that day.
func engineInput(plan *adjtypes.PlanVersion, lines []line) engine.Input {
	const date, npi = "2025-06-02", "1234567893"
	claim := claimstypes.Claim{Id: "CLM-7-1001", ProviderId: 7, InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM,
		Member: engineMember, DiagnosisCodes: []string{"E119"}, TotalBilled: usd(0)}
	in := engine.Input{
		Claim: claim, ReceivedDate: "2026-01-05", Plan: plan, BillingNPI: npi,
		Coverage: &adjtypes.Coverage{Member: engineMember, InsurerId: 1, PlanId: apptest.GoldPlanID, StartDate: "2025-01-01",
			Sex: adjtypes.SEX_FEMALE, BirthYear: 1980},
		Accumulator: adjtypes.Accumulator{Member: engineMember, PlanId: apptest.GoldPlanID, Year: 2025,
			DeductibleMet: math.ZeroInt(), OutOfPocketSpent: math.ZeroInt()},
		History: []adjtypes.HistoryLine{{ClaimId: "CLM-9-77", Sequence: 1, Code: "36415", Units: 1, Billed: math.NewInt(1000),
			RenderingNpi: npi, ServiceDate: date, Member: engineMember}},
	}
	in.Reference.Exclusions = []engine.ExclusionCheck{{NPI: npi, Date: date, Version: 1}}
	var codes []string
	for i, l := range lines {
		in.Claim.Lines = append(in.Claim.Lines, claimstypes.ClaimLine{Sequence: uint32(i + 1), AttestationId: "ATT-7-1001",
			AttestationLine: uint32(i + 1), Code: l.code, Modifiers: l.mods, Units: l.units, ServiceDate: date,
			Billed: usd(l.billed), RenderingNpi: npi})
		in.Claim.TotalBilled = in.Claim.TotalBilled.Add(usd(l.billed))
		codes = append(codes, l.code)
		in.Reference.MUE = append(in.Reference.MUE, engine.MUEEdit{Date: date, Version: 1,
			Row: refdatatypes.MueRow{Code: l.code, Units: 4, AdjudicationIndicator: 3}})
	}
	for _, r := range enginePTP {
		if slices.Contains(codes, r.Column1) && slices.Contains(codes, r.Column2) {
			in.Reference.PTP = append(in.Reference.PTP, engine.PTPEdit{Date: date, Version: 1, Row: r})
		}
	}
	return in
}
