package keeper_test

import (
	"strings"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/suite"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/attestation/keeper"
	"github.com/claimchain/claimchain/x/attestation/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// Member pseudonyms as an insurer issues them: 32 random bytes, lower-case hex.
const (
	memberA = "3f9a1c27e5b8d04a6c2e9f71b3d58a0e4c7f2b96d1e8a35c0b7f4e2d9a6c1b85"
	memberB = "a0d4e8c2b6f19375e2c8a4d06b9f1e37c5a28d4f60e7b391c2d8f5a4e6b0c913"
)

// Valid NPIs (Luhn over 80840 + NPI).
const (
	npiClinic   = "1234567893"
	npiHillside = "1987654328"
	npiLakeside = "1543210987"
)

// foundingInsurer is the fixture's member 1, an ACTIVE insurer.
const foundingInsurer = 1

// attestationSuite holds the fixture and helpers both suites share; it has no
// tests of its own.
type attestationSuite struct {
	suite.Suite
	f   *apptest.Fixture
	k   *keeper.Keeper
	srv types.MsgServer

	// provider is an ACTIVE provider (member 2) admitted by setup.
	provider   apptest.Account
	providerID uint64
}

// KeeperSuite runs each test on a fresh app with one insurer (member 1) and
// one provider (member 2).
type KeeperSuite struct{ attestationSuite }

func TestKeeperSuite(t *testing.T) { suite.Run(t, new(KeeperSuite)) }

func (s *KeeperSuite) SetupTest() { s.setup() }

func (s *attestationSuite) setup() { s.setupOn(apptest.Setup(s.T())) }

// setupOn points the suite at f and admits the provider (member 2) there.
func (s *attestationSuite) setupOn(f *apptest.Fixture) {
	s.f = f
	s.k = s.f.App.AttestationKeeper
	s.srv = keeper.NewMsgServerImpl(s.k)
	s.provider, s.providerID = s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiClinic)
	s.Require().Equal(uint64(2), s.providerID)
}

// admit admits a member through the membership Msg service, as a governance
// proposal would. ident is the provider's NPI or the insurer's payer id.
func (s *attestationSuite) admit(kind membershiptypes.MemberKind, ident string) (apptest.Account, uint64) {
	op := apptest.NewAccount()
	msg := &membershiptypes.MsgAdmitMember{
		Authority: s.f.Gov, Kind: kind, Name: "Org " + ident, Operator: op.String(),
		AgreementHash: apptest.AgreementHash("agreement"),
	}
	if kind == membershiptypes.MEMBER_KIND_PROVIDER {
		msg.Npi = ident
	} else {
		msg.PayerId = ident
	}
	var res *membershiptypes.MsgAdmitMemberResponse
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) (err error) {
		res, err = membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).AdmitMember(ctx, msg)
		return err
	}))
	return op, res.MemberId
}

// suspend and remove change a member's status through governance's msgs.
func (s *attestationSuite) suspend(id uint64) {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).SuspendMember(ctx,
			&membershiptypes.MsgSuspendMember{Authority: s.f.Gov, MemberId: id, Reason: "audit"})
		return err
	}))
}

func (s *attestationSuite) remove(id uint64) {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := membershipkeeper.NewMsgServerImpl(s.f.App.MembershipKeeper).RemoveMember(ctx,
			&membershiptypes.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "left"})
		return err
	}))
}

// attest runs MsgAttestTreatment as a transaction would: a refused msg leaves
// no partial writes behind.
func (s *attestationSuite) attest(m *types.MsgAttestTreatment) (string, error) {
	var res *types.MsgAttestTreatmentResponse
	err := s.f.Exec(func(ctx sdk.Context) (err error) {
		res, err = s.srv.AttestTreatment(ctx, m)
		return err
	})
	if err != nil {
		return "", err
	}
	return res.Id, nil
}

// authzExec runs an authz MsgExec as a transaction would.
func (s *attestationSuite) authzExec(grantee sdk.AccAddress, msg sdk.Msg) error {
	exec := authz.NewMsgExec(grantee, []sdk.Msg{msg})
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := authzkeeper.Keeper.Exec(s.f.App.AuthzKeeper, ctx, &exec)
		return err
	})
}

// line returns a valid service line at position seq.
func line(seq uint32) types.ServiceLine {
	return types.ServiceLine{
		Sequence: seq, Code: "99213", Modifiers: []string{"25"}, Units: 1,
		ServiceDate: "2026-01-05", RenderingNpi: npiClinic,
	}
}

func lines(n int) []types.ServiceLine {
	out := make([]types.ServiceLine, n)
	for i := range out {
		out[i] = line(uint32(i + 1))
	}
	return out
}

// validMsg is an attestation by the suite's provider that the keeper accepts.
func (s *attestationSuite) validMsg() *types.MsgAttestTreatment {
	return &types.MsgAttestTreatment{
		Provider: s.provider.String(), InsurerId: foundingInsurer, Member: memberA,
		EncounterDate: "2026-01-05", PlaceOfService: "11",
		DiagnosisCodes: []string{"E11.9", "I10"},
		Lines:          []types.ServiceLine{line(1), {Sequence: 2, Code: "83036", Units: 1, ServiceDate: "2026-01-05", RenderingNpi: npiClinic}},
		RecordHash:     apptest.AgreementHash("encounter record"),
		ResolverUri:    "https://records.example-clinic.org/r/7f3e",
	}
}

// stored counts attestations, provider sequences and member-index entries.
func (s *attestationSuite) stored() (atts, seqs, index int) {
	s.Require().NoError(s.k.Attestations.Walk(s.f.Ctx, nil, func(keeper.AttestationKey, types.Attestation) (bool, error) {
		atts++
		return false, nil
	}))
	s.Require().NoError(s.k.ProviderSeqs.Walk(s.f.Ctx, nil, func(uint64, uint64) (bool, error) {
		seqs++
		return false, nil
	}))
	it, err := s.k.Attestations.Indexes.Member.Iterate(s.f.Ctx, nil)
	s.Require().NoError(err)
	defer func() { _ = it.Close() }()
	for ; it.Valid(); it.Next() {
		index++
	}
	return atts, seqs, index
}

func (s *KeeperSuite) TestAttestTreatmentValidation() {
	// The fixture's block time is 2026-01-05 09:00:01 UTC: dates up to
	// 2026-01-06 are accepted (a day of slack for time zones east of UTC).
	cases := []struct {
		name   string
		edit   func(m *types.MsgAttestTreatment)
		errIs  error
		errMsg string
	}{
		{"valid", func(*types.MsgAttestTreatment) {}, nil, ""},
		{"no resolver URI", func(m *types.MsgAttestTreatment) { m.ResolverUri = "" }, nil, ""},
		{"50 lines, 4 modifiers, 12 diagnosis codes", func(m *types.MsgAttestTreatment) {
			m.Lines = lines(types.MaxLines)
			m.Lines[0].Modifiers = []string{"25", "59", "RT", "XU"}
			m.DiagnosisCodes = []string{"E11.9", "I10", "J45.909", "M54.5", "R51", "Z00.00", "E78.5", "K21.9", "F41.1", "G43.909", "N39.0", "L30.9"}
		}, nil, ""},
		{"HCPCS code and CPT category II", func(m *types.MsgAttestTreatment) {
			m.Lines[0].Code, m.Lines[1].Code = "J1100", "3044F"
		}, nil, ""},
		{"encounter date one day ahead (time zones)", func(m *types.MsgAttestTreatment) {
			m.EncounterDate, m.Lines[0].ServiceDate = "2026-01-06", "2026-01-06"
		}, nil, ""},

		{"provider not an address", func(m *types.MsgAttestTreatment) { m.Provider = "clinic" }, sdkerrors.ErrInvalidAddress, "provider"},
		{"insurer id missing", func(m *types.MsgAttestTreatment) { m.InsurerId = 0 }, types.ErrUnknownInsurer, "insurer_id is required"},
		{"member empty", func(m *types.MsgAttestTreatment) { m.Member = "" }, types.ErrInvalidPseudonym, "64"},
		{"member a hex digit short", func(m *types.MsgAttestTreatment) { m.Member = memberA[:63] }, types.ErrInvalidPseudonym, "got 63"},
		{"member upper-case hex", func(m *types.MsgAttestTreatment) { m.Member = strings.ToUpper(memberA) }, types.ErrInvalidPseudonym, "0-9 and a-f"},
		{"member is a member number", func(m *types.MsgAttestTreatment) { m.Member = "W123456789" }, types.ErrInvalidPseudonym, "got 10"},
		{"encounter date not ISO", func(m *types.MsgAttestTreatment) { m.EncounterDate = "01/05/2026" }, types.ErrInvalidDate, "YYYY-MM-DD"},
		{"encounter date not a day", func(m *types.MsgAttestTreatment) { m.EncounterDate = "2026-02-30" }, types.ErrInvalidDate, "encounter_date"},
		{"encounter date in the future", func(m *types.MsgAttestTreatment) { m.EncounterDate = "2026-01-07" }, types.ErrInvalidDate, "future"},
		{"service date in the future", func(m *types.MsgAttestTreatment) { m.Lines[1].ServiceDate = "2027-01-05" }, types.ErrInvalidDate, "line 2"},
		{"place of service one digit", func(m *types.MsgAttestTreatment) { m.PlaceOfService = "1" }, types.ErrInvalidCode, "place of service"},
		{"place of service 00", func(m *types.MsgAttestTreatment) { m.PlaceOfService = "00" }, types.ErrInvalidCode, "place of service"},
		{"place of service letters", func(m *types.MsgAttestTreatment) { m.PlaceOfService = "OF" }, types.ErrInvalidCode, "place of service"},
		{"no diagnosis code", func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = nil }, types.ErrInvalidCode, "at least one diagnosis"},
		{"diagnosis code not ICD-10", func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = []string{"250.00"} }, types.ErrInvalidCode, "diagnosis code"},
		{"diagnosis code as free text", func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = []string{"diabetes"} }, types.ErrInvalidCode, "diagnosis code"},
		{"diagnosis code repeated", func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = []string{"E11.9", "e119"} }, types.ErrInvalidCode, "repeated"},
		{"13 diagnosis codes", func(m *types.MsgAttestTreatment) {
			m.DiagnosisCodes = []string{"A00", "A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09", "B00", "B01", "B02"}
		}, types.ErrInvalidCode, "at most 12"},
		{"no lines", func(m *types.MsgAttestTreatment) { m.Lines = nil }, types.ErrInvalidLine, "want 1 to 50"},
		{"51 lines", func(m *types.MsgAttestTreatment) { m.Lines = lines(types.MaxLines + 1) }, types.ErrInvalidLine, "want 1 to 50"},
		{"lines out of order", func(m *types.MsgAttestTreatment) { m.Lines[0].Sequence, m.Lines[1].Sequence = 2, 1 }, types.ErrInvalidLine, "numbered 1..n"},
		{"lines numbered from 0", func(m *types.MsgAttestTreatment) { m.Lines[0].Sequence, m.Lines[1].Sequence = 0, 1 }, types.ErrInvalidLine, "sequence 0"},
		{"line number skipped", func(m *types.MsgAttestTreatment) { m.Lines[1].Sequence = 3 }, types.ErrInvalidLine, "sequence 3"},
		{"procedure code too short", func(m *types.MsgAttestTreatment) { m.Lines[0].Code = "9921" }, types.ErrInvalidCode, "5 characters"},
		{"procedure code lower case", func(m *types.MsgAttestTreatment) { m.Lines[0].Code = "j1100" }, types.ErrInvalidCode, "neither CPT"},
		{"five modifiers", func(m *types.MsgAttestTreatment) {
			m.Lines[0].Modifiers = []string{"25", "59", "RT", "XU", "76"}
		}, types.ErrInvalidCode, "at most 4"},
		{"modifier lower case", func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = []string{"rt"} }, types.ErrInvalidCode, "modifier"},
		{"modifier repeated", func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = []string{"25", "25"} }, types.ErrInvalidCode, "repeated"},
		{"zero units", func(m *types.MsgAttestTreatment) { m.Lines[1].Units = 0 }, types.ErrInvalidLine, "units 0"},
		{"too many units", func(m *types.MsgAttestTreatment) { m.Lines[1].Units = types.MaxUnits + 1 }, types.ErrInvalidLine, "units 10000"},
		{"service date malformed", func(m *types.MsgAttestTreatment) { m.Lines[0].ServiceDate = "2026-1-5" }, types.ErrInvalidDate, "service_date"},
		{"rendering NPI check digit", func(m *types.MsgAttestTreatment) { m.Lines[0].RenderingNpi = "1234567890" }, membershiptypes.ErrInvalidNPI, "rendering_npi"},
		{"rendering NPI missing", func(m *types.MsgAttestTreatment) { m.Lines[1].RenderingNpi = "" }, membershiptypes.ErrInvalidNPI, "line 2"},
		{"record hash missing", func(m *types.MsgAttestTreatment) { m.RecordHash = membershiptypes.ContentHash{} }, membershiptypes.ErrInvalidHash, "record_hash"},
		{"record hash short", func(m *types.MsgAttestTreatment) { m.RecordHash.Digest = m.RecordHash.Digest[:20] }, membershiptypes.ErrInvalidHash, "32 bytes"},
		{"record hash unknown algorithm", func(m *types.MsgAttestTreatment) { m.RecordHash.Algorithm = 7 }, membershiptypes.ErrInvalidHash, "unknown digest algorithm"},
		{"resolver URI with spaces", func(m *types.MsgAttestTreatment) { m.ResolverUri = "see chart of John Smith" }, types.ErrInvalidURI, "scheme:path"},
		{"resolver URI without scheme", func(m *types.MsgAttestTreatment) { m.ResolverUri = "records/7f3e" }, types.ErrInvalidURI, "scheme:path"},
		{"resolver URI too long", func(m *types.MsgAttestTreatment) {
			m.ResolverUri = "https://x.org/" + strings.Repeat("a", types.MaxResolverURI)
		}, types.ErrInvalidURI, "at most 256"},
		{"supersedes malformed", func(m *types.MsgAttestTreatment) { m.Supersedes = "ATT-2" }, types.ErrInvalidID, "supersedes"},
		{"supersedes a claim id", func(m *types.MsgAttestTreatment) { m.Supersedes = "CLM-2-1" }, types.ErrInvalidID, "supersedes"},
		{"supersedes with leading zero", func(m *types.MsgAttestTreatment) { m.Supersedes = "ATT-02-1" }, types.ErrInvalidID, "supersedes"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.validMsg()
			tc.edit(msg)
			atts, seqs, index := s.stored()
			id, err := s.attest(msg)
			if tc.errIs != nil {
				s.Require().ErrorIs(err, tc.errIs)
				s.Require().ErrorContains(err, tc.errMsg)
				a2, q2, i2 := s.stored()
				s.Require().Equal([3]int{atts, seqs, index}, [3]int{a2, q2, i2}, "a refused attestation stores nothing")
				return
			}
			s.Require().NoError(err)
			a, err := s.k.GetAttestation(s.f.Ctx, id)
			s.Require().NoError(err)
			s.Require().Len(a.Lines, len(msg.Lines))
			s.Require().Len(a.DiagnosisCodes, len(msg.DiagnosisCodes))
		})
	}
}

func (s *KeeperSuite) TestAttestationStored() {
	msg := s.validMsg()
	msg.DiagnosisCodes = []string{"e11.9", "I10", "j45.909"}
	s.f.Ctx = s.f.Ctx.WithEventManager(sdk.NewEventManager())
	id, err := s.attest(msg)
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-1", id)

	a, err := s.k.GetAttestation(s.f.Ctx, id)
	s.Require().NoError(err)
	s.Require().Equal(types.Attestation{
		Id: "ATT-2-1", ProviderId: s.providerID, InsurerId: foundingInsurer, Member: memberA,
		EncounterDate: "2026-01-05", PlaceOfService: "11",
		DiagnosisCodes: []string{"E119", "I10", "J45909"}, // normalised to the X12 form
		Lines:          msg.Lines, RecordHash: msg.RecordHash, ResolverUri: msg.ResolverUri,
		Signer: s.provider.String(), Height: s.f.Ctx.BlockHeight(), Time: s.f.Ctx.BlockTime().UTC(),
	}, a)

	seq, err := s.k.ProviderSeqs.Get(s.f.Ctx, s.providerID)
	s.Require().NoError(err)
	s.Require().Equal(uint64(1), seq)
	it, err := s.k.Attestations.Indexes.Member.MatchExact(s.f.Ctx, memberA)
	s.Require().NoError(err)
	keys, err := it.PrimaryKeys()
	s.Require().NoError(err)
	s.Require().Equal([]keeper.AttestationKey{collections.Join(s.providerID, uint64(1))}, keys, "indexed by member")

	events := s.typedEvents()
	s.Require().Equal([]string{"claimchain.attestation.v1.EventTreatmentAttested"}, eventNames(events))
	s.Require().Equal(&types.EventTreatmentAttested{
		Id: "ATT-2-1", ProviderId: s.providerID, InsurerId: foundingInsurer, Member: memberA, Lines: 2,
	}, events[0])
}

// TestProviderScopedIDs: each provider counts its own attestations, so two
// providers never write the same sequence key.
func (s *KeeperSuite) TestProviderScopedIDs() {
	other, otherID := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiHillside)
	s.Require().Equal(uint64(3), otherID)
	byOther := func() *types.MsgAttestTreatment {
		m := s.validMsg()
		m.Provider = other.String()
		return m
	}
	var got []string
	for _, m := range []*types.MsgAttestTreatment{s.validMsg(), byOther(), s.validMsg(), s.validMsg(), byOther()} {
		id, err := s.attest(m)
		s.Require().NoError(err)
		got = append(got, id)
	}
	s.Require().Equal([]string{"ATT-2-1", "ATT-3-1", "ATT-2-2", "ATT-2-3", "ATT-3-2"}, got)
	for provider, want := range map[uint64]uint64{2: 3, 3: 2} {
		seq, err := s.k.ProviderSeqs.Get(s.f.Ctx, provider)
		s.Require().NoError(err)
		s.Require().Equal(want, seq)
	}

	// A refused attestation does not advance the sequence.
	bad := s.validMsg()
	bad.PlaceOfService = "00"
	_, err := s.attest(bad)
	s.Require().Error(err)
	id, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-4", id)
}

func (s *KeeperSuite) TestSigner() {
	suspended, suspendedID := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiHillside)
	s.suspend(suspendedID)
	removed, removedID := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiLakeside)
	s.remove(removedID)
	outsider := apptest.NewAccount()

	cases := []struct {
		name   string
		signer apptest.Account
		errMsg string
	}{
		{"an insurer", s.f.Validator, "is MEMBER_KIND_INSURER, not MEMBER_KIND_PROVIDER"},
		{"not a member", outsider, "not a consortium member"},
		{"a suspended provider", suspended, "SUSPENDED"},
		{"a removed provider", removed, "REMOVED"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.validMsg()
			msg.Provider = tc.signer.String()
			_, err := s.attest(msg)
			s.Require().ErrorIs(err, types.ErrNotProvider)
			s.Require().ErrorContains(err, tc.errMsg)
			atts, seqs, _ := s.stored()
			s.Require().Zero(atts + seqs)
		})
	}
}

func (s *KeeperSuite) TestInsurer() {
	_, suspendedInsurer := s.admit(membershiptypes.MEMBER_KIND_INSURER, "ACME1")
	s.suspend(suspendedInsurer)
	_, activeInsurer := s.admit(membershiptypes.MEMBER_KIND_INSURER, "ACME2")

	cases := []struct {
		name    string
		insurer uint64
		errMsg  string
	}{
		{"founding insurer", foundingInsurer, ""},
		{"an admitted insurer", activeInsurer, ""},
		{"unknown member", 99, "member not found"},
		{"a provider", s.providerID, "not an insurer"},
		{"a suspended insurer", suspendedInsurer, "SUSPENDED"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.validMsg()
			msg.InsurerId = tc.insurer
			id, err := s.attest(msg)
			if tc.errMsg == "" {
				s.Require().NoError(err)
				a, err := s.k.GetAttestation(s.f.Ctx, id)
				s.Require().NoError(err)
				s.Require().Equal(tc.insurer, a.InsurerId)
				return
			}
			s.Require().ErrorIs(err, types.ErrUnknownInsurer)
			s.Require().ErrorContains(err, tc.errMsg)
		})
	}
}

func (s *KeeperSuite) TestAmendmentChain() {
	first, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-1", first)

	amend := func(supersedes string, edit func(m *types.MsgAttestTreatment)) (string, error) {
		m := s.validMsg()
		m.Supersedes = supersedes
		m.Lines[1].Units = 2 // the correction
		if edit != nil {
			edit(m)
		}
		return s.attest(m)
	}

	s.f.Ctx = s.f.Ctx.WithEventManager(sdk.NewEventManager())
	second, err := amend(first, nil)
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-2", second)
	events := s.typedEvents()
	s.Require().Equal([]string{
		"claimchain.attestation.v1.EventAttestationSuperseded",
		"claimchain.attestation.v1.EventTreatmentAttested",
	}, eventNames(events))
	s.Require().Equal(&types.EventAttestationSuperseded{Id: first, SupersededBy: second}, events[0])
	s.Require().Equal(first, events[1].(*types.EventTreatmentAttested).Supersedes)

	old, err := s.k.GetAttestation(s.f.Ctx, first)
	s.Require().NoError(err)
	s.Require().Equal(second, old.SupersededBy, "the old attestation stays readable, marked superseded")
	s.Require().Equal(uint32(1), old.Lines[1].Units, "and unchanged otherwise")
	cur, err := s.k.GetAttestation(s.f.Ctx, second)
	s.Require().NoError(err)
	s.Require().Equal(first, cur.Supersedes)
	s.Require().Empty(cur.SupersededBy)

	otherProvider, _ := s.admit(membershiptypes.MEMBER_KIND_PROVIDER, npiHillside)
	othersAttestation, err := s.attest(func() *types.MsgAttestTreatment {
		m := s.validMsg()
		m.Provider = otherProvider.String()
		return m
	}())
	s.Require().NoError(err)
	s.Require().Equal("ATT-3-1", othersAttestation)
	_, otherInsurer := s.admit(membershiptypes.MEMBER_KIND_INSURER, "ACME1")

	refused := []struct {
		name       string
		supersedes string
		edit       func(m *types.MsgAttestTreatment)
		errIs      error
		errMsg     string
	}{
		{"superseding twice", first, nil, types.ErrSuperseded, "already superseded by ATT-2-2"},
		{"unknown attestation", "ATT-2-99", nil, types.ErrNotFound, "ATT-2-99"},
		{"another provider's attestation", othersAttestation, nil, types.ErrSupersedeMismatch, "provider 3"},
		{"another member", second, func(m *types.MsgAttestTreatment) { m.Member = memberB }, types.ErrSupersedeMismatch, "another member"},
		{"another insurer", second, func(m *types.MsgAttestTreatment) { m.InsurerId = otherInsurer }, types.ErrSupersedeMismatch, "insurer"},
		{"itself, before it exists", "ATT-2-3", nil, types.ErrNotFound, "ATT-2-3"},
	}
	for _, tc := range refused {
		s.Run(tc.name, func() {
			_, err := amend(tc.supersedes, tc.edit)
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.errMsg)
			seq, err := s.k.ProviderSeqs.Get(s.f.Ctx, s.providerID)
			s.Require().NoError(err)
			s.Require().Equal(uint64(2), seq, "a refused amendment uses no sequence")
			cur, err := s.k.GetAttestation(s.f.Ctx, second)
			s.Require().NoError(err)
			s.Require().Empty(cur.SupersededBy, "and marks nothing")
		})
	}

	third, err := amend(second, nil)
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-3", third)
	cur, err = s.k.GetAttestation(s.f.Ctx, second)
	s.Require().NoError(err)
	s.Require().Equal(third, cur.SupersededBy)
	old, err = s.k.GetAttestation(s.f.Ctx, first)
	s.Require().NoError(err)
	s.Require().Equal(second, old.SupersededBy, "each link of the chain is kept")
}

func (s *KeeperSuite) TestAuthzBillingService() {
	billing := apptest.NewAccount()
	// The billing service holds fee tokens (it pays for its MsgExec), so its
	// account exists before the grant.
	s.f.Fund(billing.Address, apptest.FeeFunds)
	exp := s.f.Ctx.BlockTime().Add(24 * time.Hour)
	grant, err := authz.NewMsgGrant(s.provider.Address, billing.Address,
		authz.NewGenericAuthorization(sdk.MsgTypeURL(&types.MsgAttestTreatment{})), &exp)
	s.Require().NoError(err)
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := authzkeeper.Keeper.Grant(s.f.App.AuthzKeeper, ctx, grant)
		return err
	}))

	s.Run("granted billing service submits for the provider", func() {
		s.Require().NoError(s.authzExec(billing.Address, s.validMsg()))
		a, err := s.k.GetAttestation(s.f.Ctx, "ATT-2-1")
		s.Require().NoError(err)
		s.Require().Equal(s.providerID, a.ProviderId)
		s.Require().Equal(s.provider.String(), a.Signer, "the provider is the signer of record")
	})
	s.Run("an account without a grant is refused", func() {
		err := s.authzExec(apptest.NewAccount().Address, s.validMsg())
		s.Require().ErrorIs(err, authz.ErrNoAuthorizationFound)
	})
	s.Run("the billing service cannot attest in its own name", func() {
		m := s.validMsg()
		m.Provider = billing.String()
		_, err := s.attest(m)
		s.Require().ErrorIs(err, types.ErrNotProvider)
	})
	s.Run("the grant does not outlive the provider's suspension", func() {
		s.suspend(s.providerID)
		err := s.authzExec(billing.Address, s.validMsg())
		s.Require().ErrorIs(err, types.ErrNotProvider)
		s.Require().ErrorContains(err, "SUSPENDED")
	})
	atts, _, _ := s.stored()
	s.Require().Equal(1, atts)
}

// TestPseudonymRule: no patient field takes a name, a date of birth or a
// derived identifier, and a refused pseudonym leaves nothing on chain.
func (s *KeeperSuite) TestPseudonymRule() {
	pad := func(v string) string { return v + strings.Repeat(" ", 64-len(v)) }
	cases := []struct {
		name, member, errMsg string
	}{
		{"name and date of birth, padded to 64", pad("John Smith 1970-01-01"), "only the characters 0-9 and a-f"},
		{"name and date of birth, hex-like padding", "John Smith 1970-01-01" + strings.Repeat("0", 43), "only the characters 0-9 and a-f"},
		{"hex of all zeros", strings.Repeat("0", 64), "not random"},
		{"hex of a repeated pattern", strings.Repeat("1970", 16), "not random"},
		{"upper-case hex", strings.ToUpper(memberA), "only the characters 0-9 and a-f"},
		{"base64 of 32 bytes", "P5ocJ+W40EpsLp9xs9WKDkx/K5bR6KNcC39O LZpsG4U=", "64 lower-case hex characters"},
		{"date of birth", "1970-01-01", "got 10"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := s.validMsg()
			msg.Member = tc.member
			_, err := s.attest(msg)
			s.Require().ErrorIs(err, types.ErrInvalidPseudonym)
			s.Require().ErrorContains(err, tc.errMsg)
			atts, seqs, index := s.stored()
			s.Require().Zero(atts+seqs+index, "nothing is stored")
			_, err = keeper.NewQueryServerImpl(s.k).AttestationsByMember(s.f.Ctx,
				&types.QueryAttestationsByMemberRequest{Member: tc.member})
			s.Require().ErrorContains(err, "invalid member pseudonym", "nor can it be queried")
		})
	}
	s.Run("a fresh pseudonym from the CLI helper is accepted", func() {
		p, err := types.NewPseudonym()
		s.Require().NoError(err)
		msg := s.validMsg()
		msg.Member = p
		_, err = s.attest(msg)
		s.Require().NoError(err)
	})
}

// gasRecorder counts the gas charged under one descriptor.
type gasRecorder struct {
	storetypes.GasMeter
	descriptor string
	charged    storetypes.Gas
}

func (g *gasRecorder) ConsumeGas(amount storetypes.Gas, descriptor string) {
	if descriptor == g.descriptor {
		g.charged += amount
	}
	g.GasMeter.ConsumeGas(amount, descriptor)
}

func (s *KeeperSuite) TestGasPerLine() {
	for _, n := range []int{1, 7, types.MaxLines} {
		rec := &gasRecorder{GasMeter: storetypes.NewInfiniteGasMeter(), descriptor: "attestation line"}
		s.f.Ctx = s.f.Ctx.WithGasMeter(rec)
		msg := s.validMsg()
		msg.Lines = lines(n)
		_, err := s.attest(msg)
		s.Require().NoError(err)
		s.Require().Equal(types.GasPerLine*uint64(n), rec.charged, "%d lines", n)
	}
}

func (s *KeeperSuite) TestGetAttestation() {
	id, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	_, err = s.k.GetAttestation(s.f.Ctx, id)
	s.Require().NoError(err)
	_, err = s.k.GetAttestation(s.f.Ctx, "ATT-2-2")
	s.Require().ErrorIs(err, types.ErrNotFound)
	for _, bad := range []string{"", "ATT-2", "ATT-0-1", "ATT-2-0", "ATT-2-1-1", "att-2-1", "ATT-+2-1", "CLM-2-1"} {
		_, err = s.k.GetAttestation(s.f.Ctx, bad)
		s.Require().ErrorIs(err, types.ErrInvalidID, bad)
	}
}

func (s *attestationSuite) typedEvents() []sdk.Msg {
	var out []sdk.Msg
	for _, ev := range s.f.Ctx.EventManager().ABCIEvents() {
		if !strings.HasPrefix(ev.Type, "claimchain.attestation.") {
			continue
		}
		msg, err := sdk.ParseTypedEvent(ev)
		s.Require().NoError(err)
		out = append(out, msg)
	}
	return out
}

func eventNames(events []sdk.Msg) []string {
	out := make([]string, 0, len(events))
	for _, e := range events {
		out = append(out, sdk.MsgTypeURL(e)[1:])
	}
	return out
}
