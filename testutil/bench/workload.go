package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// line is one billed service.
type line struct {
	code   string
	mods   []string
	units  uint32
	billed int64 // cents of usd
}

// visits are the normal workload: an office visit with labs or therapy, three
// lines each, all in the gold plan's categories and fee schedule.
var visits = [][]line{
	{{"99213", nil, 1, 12500}, {"85025", nil, 1, 2800}, {"80053", nil, 1, 3900}},
	{{"99214", []string{"25"}, 1, 17500}, {"97110", nil, 2, 9000}, {"85025", nil, 1, 2800}},
	{{"97110", nil, 3, 13500}, {"99213", []string{"25"}, 1, 12500}, {"80053", nil, 1, 3900}},
}

// longClaim lists 20 distinct services for the engine benchmark: E/M, labs,
// imaging and therapy from examples/plans/gold.json's categories.
var longClaim = []line{
	{"99213", []string{"25"}, 1, 12500}, {"85025", nil, 1, 2800}, {"80053", nil, 1, 3900}, {"97110", nil, 2, 9000},
	{"80048", nil, 1, 2500}, {"80061", nil, 1, 3200}, {"81001", nil, 1, 900}, {"82947", nil, 1, 700},
	{"83036", nil, 1, 2100}, {"84443", nil, 1, 3000}, {"85610", nil, 1, 900}, {"86803", nil, 1, 2600},
	{"87880", nil, 1, 2200}, {"71046", nil, 1, 9500}, {"73030", []string{"RT"}, 1, 8700}, {"74177", nil, 1, 52000},
	{"97140", []string{"59"}, 2, 8400}, {"97530", nil, 2, 9600}, {"97112", nil, 1, 4400}, {"97010", nil, 1, 1500},
}

// Dates: block time is apptest.GenesisTime (2026-01-05); care is given in the
// 330 days from serviceStart, inside the gold plan's 365-day timely filing.
var serviceStart = time.Date(2025, 1, 10, 0, 0, 0, 0, time.UTC)

func serviceDate(day int) string {
	return serviceStart.AddDate(0, 0, day%330).Format(attestationtypes.DateLayout)
}

// npiOf returns a valid NPI (Luhn check digit over 80840 + the first nine digits).
func npiOf(body int) string {
	nine := fmt.Sprintf("1%08d", body%100_000_000)
	for d := 0; d <= 9; d++ {
		if npi := nine + string(rune('0'+d)); membershiptypes.ValidateNPI(npi) == nil {
			return npi
		}
	}
	panic("unreachable: one check digit always fits")
}

// diagnoses are 12 valid ICD-10-CM codes (the CMS-1500 maximum); claims use the first.
var diagnoses = []string{"E11.9", "I10", "E78.5", "J45.909", "M54.5", "K21.9", "F41.1", "N39.0", "R51", "G47.33", "M17.11", "E03.9"}

// msgs builds the attestation and the claim that bills it (attestation id
// filled in later by bill) for member's care on date by a provider's operator.
func attestMsg(op apptest.Account, member, date, npi string, lines []line, dx []string) *attestationtypes.MsgAttestTreatment {
	att := &attestationtypes.MsgAttestTreatment{
		Provider: op.String(), InsurerId: 1, Member: member, EncounterDate: date, PlaceOfService: "11",
		DiagnosisCodes: dx, RecordHash: apptest.AgreementHash("record " + member + date),
	}
	for i, l := range lines {
		att.Lines = append(att.Lines, attestationtypes.ServiceLine{Sequence: uint32(i + 1), Code: l.code, Modifiers: l.mods,
			Units: l.units, ServiceDate: date, RenderingNpi: npi})
	}
	return att
}

func claimMsg(att *attestationtypes.MsgAttestTreatment, attID string, lines []line) *claimstypes.MsgSubmitClaim {
	sub := &claimstypes.MsgSubmitClaim{
		Provider: att.Provider, InsurerId: att.InsurerId, Use: claimstypes.CLAIM_USE_CLAIM, Member: att.Member,
		DiagnosisCodes: att.DiagnosisCodes,
	}
	for i, l := range lines {
		sub.Lines = append(sub.Lines, claimstypes.SubmittedLine{AttestationId: attID, AttestationLine: uint32(i + 1), Code: l.code,
			Modifiers: l.mods, Units: l.units, ServiceDate: att.Lines[i].ServiceDate, Billed: usd(l.billed)})
	}
	return sub
}

func usd(cents int64) sdk.Coin { return sdk.NewCoin("usd", math.NewInt(cents)) }

// goldTerms reads examples/plans/gold.json, the plan apptest.PublishGoldPlan publishes.
func goldTerms() (adjtypes.PlanTerms, error) {
	_, here, _, _ := runtime.Caller(0)
	raw, err := os.ReadFile(filepath.Join(filepath.Dir(here), "..", "..", "examples", "plans", "gold.json"))
	if err != nil {
		return adjtypes.PlanTerms{}, err
	}
	var terms adjtypes.PlanTerms
	err = codec.NewProtoCodec(codectypes.NewInterfaceRegistry()).UnmarshalJSON(raw, &terms)
	return terms, err
}
