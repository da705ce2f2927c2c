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

// BillOfficeVisit attests one 99213 visit on date by provider for member (insurer 1)
// and submits a claim billing it at billed cents; it returns the claim id. Under
// the gold plan the visit is allowed $90.00 with a $25.00 copay: $65.00 payable.
func (f *Fixture) BillOfficeVisit(provider Account, member, date string, billed int64) string {
	f.T.Helper()
	var attID, claimID string
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(f.App.AttestationKeeper).AttestTreatment(ctx, &attestationtypes.MsgAttestTreatment{
			Provider: provider.String(), InsurerId: 1, Member: member, EncounterDate: date, PlaceOfService: "11",
			DiagnosisCodes: []string{"E11.9"},
			Lines:          []attestationtypes.ServiceLine{{Sequence: 1, Code: "99213", Units: 1, ServiceDate: date, RenderingNpi: "1234567893"}},
			RecordHash:     AgreementHash("record " + date),
		})
		if err == nil {
			attID = res.Id
		}
		return err
	}))
	require.NoError(f.T, f.Exec(func(ctx sdk.Context) error {
		res, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).SubmitClaim(ctx, &claimstypes.MsgSubmitClaim{
			Provider: provider.String(), InsurerId: 1, Use: claimstypes.CLAIM_USE_CLAIM, Member: member,
			DiagnosisCodes: []string{"E11.9"},
			Lines: []claimstypes.SubmittedLine{{AttestationId: attID, AttestationLine: 1, Code: "99213", Units: 1,
				ServiceDate: date, Billed: sdk.NewCoin("usd", math.NewInt(billed))}},
		})
		if err == nil {
			claimID = res.Id
		}
		return err
	}))
	return claimID
}
