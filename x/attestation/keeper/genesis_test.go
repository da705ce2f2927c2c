package keeper_test

import (
	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/attestation"
	"github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

func (s *KeeperSuite) TestGenesisRoundTrip() {
	other, _ := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiHillside)
	first, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	amend := s.validMsg()
	amend.Supersedes = first
	_, err = s.attest(amend)
	s.Require().NoError(err)
	byOther := s.validMsg()
	byOther.Provider, byOther.Member = other.String(), memberB
	_, err = s.attest(byOther)
	s.Require().NoError(err)

	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	s.Require().Equal([]string{"ATT-2-1", "ATT-2-2", "ATT-3-1"}, attIDs(gs.Attestations))
	s.Require().Equal([]types.ProviderSequence{{ProviderId: 2, Sequence: 2}, {ProviderId: 3, Sequence: 1}}, gs.Sequences)

	// Through JSON, as `claimchaind export` and InitChain do.
	cdc := s.f.App.AppCodec()
	am := attestation.NewAppModule(s.k)
	bz := am.ExportGenesis(s.f.Ctx, cdc)
	s.Require().NoError(am.ValidateGenesis(cdc, nil, bz))

	f2 := apptest.Setup(s.T())
	k2 := f2.App.AttestationKeeper
	attestation.NewAppModule(k2).InitGenesis(f2.Ctx, cdc, bz)
	gs2, err := k2.ExportGenesis(f2.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs, gs2)

	// The imported chain keeps counting where the provider left off, and the
	// member index was rebuilt.
	s.setupOn(f2)
	id, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-3", id)
	atts, _, index := s.stored()
	s.Require().Equal(4, atts)
	s.Require().Equal(4, index)
}

func (s *KeeperSuite) TestInitGenesisRefusesInvalid() {
	gs := types.GenesisState{
		Attestations: []types.Attestation{{Id: "ATT-2-5", ProviderId: 2}},
		Sequences:    []types.ProviderSequence{{ProviderId: 2, Sequence: 5}},
	}
	s.Require().ErrorIs(s.k.InitGenesis(s.f.Ctx, &gs), types.ErrInvalidGenesis)
	atts, seqs, _ := s.stored()
	s.Require().Zero(atts + seqs)
}

func (s *KeeperSuite) TestDefaultGenesis() {
	s.Require().NoError(types.DefaultGenesis().Validate())
	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().Empty(gs.Attestations)
	s.Require().Empty(gs.Sequences)
}
