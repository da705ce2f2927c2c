package apptest

import (
	"os"
	"path/filepath"
	"runtime"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// GoldPlanID is the id under which PublishGoldPlan publishes examples/plans/gold.json.
const GoldPlanID = "NWHP-GOLD"

// repoFile returns a path inside the repository.
func repoFile(parts ...string) string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(append([]string{filepath.Dir(here), "..", ".."}, parts...)...)
}

// AdmitProvider admits a provider through governance's msg and returns its operator and member id.
func (f *Fixture) AdmitProvider(name, npi string) (Account, uint64) {
	f.T.Helper()
	op := NewAccount()
	var id uint64
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		res, err := membershipkeeper.NewMsgServerImpl(f.App.MembershipKeeper).AdmitMember(ctx, &membershiptypes.MsgAdmitMember{
			Authority: f.Gov, Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: name, Npi: npi,
			Operator: op.String(), AgreementHash: AgreementHash(name),
		})
		if err == nil {
			id = res.MemberId
		}
		return err
	}))
	return op, id
}

// PublishGoldPlan publishes examples/plans/gold.json for the founding insurer, effective 2025-01-01.
func (f *Fixture) PublishGoldPlan() {
	f.T.Helper()
	raw, err := os.ReadFile(repoFile("examples", "plans", "gold.json"))
	require.NoError(f.T, err)
	var terms adjtypes.PlanTerms
	require.NoError(f.T, f.App.AppCodec().UnmarshalJSON(raw, &terms))
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).CreatePlan(ctx, &adjtypes.MsgCreatePlan{
			Insurer: f.Validator.String(), PlanId: GoldPlanID, Name: "Northwind Gold", EffectiveDate: "2025-01-01", Terms: terms})
		return err
	}))
}

// Enroll enrols a member pseudonym in the gold plan from 2025-01-01.
func (f *Fixture) Enroll(member string) {
	f.T.Helper()
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).EnrollMember(ctx, &adjtypes.MsgEnrollMember{
			Insurer: f.Validator.String(), Member: member, PlanId: GoldPlanID, StartDate: "2025-01-01",
			Sex: adjtypes.SEX_FEMALE, BirthYear: 1980})
		return err
	}))
}

// BillLine is one service to attest and bill.
type BillLine struct {
	Code      string
	Modifiers []string
	Units     uint32
	Date      string
	Billed    int64 // cents of usd
	// RenderingNPI defaults to 1234567893.
	RenderingNPI string
}

// BillOfficeVisit attests one 99213 visit on date by provider for member (insurer 1)
// and submits a claim billing it at billed cents; it returns the claim id. Under
// the gold plan the visit is allowed $90.00 with a $25.00 copay: $65.00 payable.
func (f *Fixture) BillOfficeVisit(provider Account, member, date string, billed int64) string {
	f.T.Helper()
	return f.BillLines(provider, member, BillLine{Code: "99213", Units: 1, Date: date, Billed: billed})
}

// BillLines attests the lines in one attestation (insurer 1, encounter date of
// the first line) and submits one claim billing them all; it returns the claim id.
func (f *Fixture) BillLines(provider Account, member string, lines ...BillLine) string {
	f.T.Helper()
	var attID, claimID string
	att := &attestationtypes.MsgAttestTreatment{
		Provider: provider.String(), InsurerId: 1, Member: member, EncounterDate: lines[0].Date, PlaceOfService: "11",
		DiagnosisCodes: []string{"E11.9"}, RecordHash: AgreementHash("record " + lines[0].Date),
	}
	sub := &claimstypes.MsgSubmitClaim{
		Provider: provider.String(), InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM, Member: member,
		DiagnosisCodes: []string{"E11.9"},
	}
	for i, l := range lines {
		npi := l.RenderingNPI
		if npi == "" {
			npi = "1234567893"
		}
		att.Lines = append(att.Lines, attestationtypes.ServiceLine{Sequence: uint32(i + 1), Code: l.Code, Modifiers: l.Modifiers,
			Units: l.Units, ServiceDate: l.Date, RenderingNpi: npi})
	}
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(f.App.AttestationKeeper).AttestTreatment(ctx, att)
		if err == nil {
			attID = res.Id
		}
		return err
	}))
	for i, l := range lines {
		sub.Lines = append(sub.Lines, claimstypes.SubmittedLine{AttestationId: attID, AttestationLine: uint32(i + 1), Code: l.Code,
			Modifiers: l.Modifiers, Units: l.Units, ServiceDate: l.Date, Billed: sdk.NewCoin("usd", math.NewInt(l.Billed))})
	}
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		res, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).SubmitClaim(ctx, sub)
		if err == nil {
			claimID = res.Id
		}
		return err
	}))
	return claimID
}
