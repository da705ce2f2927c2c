package keeper_test

import (
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// An appeal holds its attested line: after a denied line was re-billed on a
// claim that was then voided, the original claim's appeal takes the line back;
// no other claim can bill it while the appeal is open; and the holder survives
// export and import.
func (s *SettlementSuite) TestAppealHoldsTheLineThroughExport() {
	var att string
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(s.f.App.AttestationKeeper).AttestTreatment(ctx, &attestationtypes.MsgAttestTreatment{
			Provider: s.clinic.String(), InsurerId: 1, Member: member, EncounterDate: dos, PlaceOfService: "11",
			DiagnosisCodes: []string{"E11.9"}, RecordHash: apptest.AgreementHash("mri record"),
			Lines: []attestationtypes.ServiceLine{{Sequence: 1, Code: "70551", Units: 1, ServiceDate: dos, RenderingNpi: "1234567893"}}})
		if err == nil {
			att = res.Id
		}
		return err
	}))
	bill := func() (string, error) {
		var id string
		err := s.f.Exec(func(ctx sdk.Context) error {
			res, err := s.claimsMsg().SubmitClaim(ctx, &claimstypes.MsgSubmitClaim{Provider: s.clinic.String(), InsurerId: 1,
				Use: claimstypes.CLAIM_USE_CLAIM, Member: member, DiagnosisCodes: []string{"E11.9"},
				Lines: []claimstypes.SubmittedLine{{AttestationId: att, AttestationLine: 1, Code: "70551", Units: 1, ServiceDate: dos, Billed: usd(100000)}}})
			if err == nil {
				id = res.Id
			}
			return err
		})
		return id, err
	}
	first, err := bill() // denied CO-197: the line may be billed again
	s.Require().NoError(err)
	second, err := bill()
	s.Require().NoError(err)
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().VoidClaim(ctx, &claimstypes.MsgVoidClaim{Provider: s.clinic.String(), ClaimId: second, Reason: "billed in error"})
		return err
	}))
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.claimsMsg().AppealClaim(ctx, &claimstypes.MsgAppealClaim{Provider: s.clinic.String(), ClaimId: first, Lines: []uint32{1},
			ReasonHash: apptest.AgreementHash("letter")})
		return err
	}))
	_, err = bill()
	s.Require().ErrorIs(err, claimstypes.ErrAlreadyBilled, "an open appeal holds the line")

	gs, err := s.f.App.ClaimsKeeper.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	var holder string
	for _, b := range gs.BilledLines {
		if b.AttestationId == att && b.AttestationLine == 1 {
			holder = b.ClaimId
		}
	}
	s.Require().Equal(first, holder, "exported as stored, not rebuilt from the claims")
	s.Require().NoError(gs.Validate())
}
