package keeper_test

import (
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/suite"

	"github.com/cosmos/cosmos-sdk/crypto/keys/ed25519"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/membership/keeper"
	"github.com/claimchain/claimchain/x/membership/types"
)

type KeeperSuite struct {
	suite.Suite
	f   *apptest.Fixture
	k   *keeper.Keeper
	msg txMsgServer
}

// txMsgServer calls the membership Msg service the way a transaction does:
// a refused msg leaves no partial writes behind.
type txMsgServer struct {
	f   *apptest.Fixture
	srv types.MsgServer
}

func (t txMsgServer) AdmitMember(_ sdk.Context, m *types.MsgAdmitMember) (res *types.MsgAdmitMemberResponse, err error) {
	err = t.f.Exec(func(ctx sdk.Context) error { res, err = t.srv.AdmitMember(ctx, m); return err })
	return res, err
}

func (t txMsgServer) SuspendMember(_ sdk.Context, m *types.MsgSuspendMember) (res *types.MsgSuspendMemberResponse, err error) {
	err = t.f.Exec(func(ctx sdk.Context) error { res, err = t.srv.SuspendMember(ctx, m); return err })
	return res, err
}

func (t txMsgServer) ReinstateMember(_ sdk.Context, m *types.MsgReinstateMember) (res *types.MsgReinstateMemberResponse, err error) {
	err = t.f.Exec(func(ctx sdk.Context) error { res, err = t.srv.ReinstateMember(ctx, m); return err })
	return res, err
}

func (t txMsgServer) RemoveMember(_ sdk.Context, m *types.MsgRemoveMember) (res *types.MsgRemoveMemberResponse, err error) {
	err = t.f.Exec(func(ctx sdk.Context) error { res, err = t.srv.RemoveMember(ctx, m); return err })
	return res, err
}

func (t txMsgServer) UpdateParams(_ sdk.Context, m *types.MsgUpdateParams) (res *types.MsgUpdateParamsResponse, err error) {
	err = t.f.Exec(func(ctx sdk.Context) error { res, err = t.srv.UpdateParams(ctx, m); return err })
	return res, err
}

func TestKeeperSuite(t *testing.T) { suite.Run(t, new(KeeperSuite)) }

func (s *KeeperSuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.MembershipKeeper
	s.msg = txMsgServer{f: s.f, srv: keeper.NewMsgServerImpl(s.k)}
}

// admitProvider admits a provider with a fresh operator and returns both.
func (s *KeeperSuite) admitProvider(npi string) (apptest.Account, uint64) {
	op := apptest.NewAccount()
	res, err := s.msg.AdmitMember(s.f.Ctx, &types.MsgAdmitMember{
		Authority: s.f.Gov, Kind: types.MEMBER_KIND_PROVIDER, Name: "Clinic " + npi, Npi: npi,
		Operator: op.String(), AgreementHash: apptest.AgreementHash("agreement"),
	})
	s.Require().NoError(err)
	s.f.Fund(op.Address, apptest.FeeFunds)
	return op, res.MemberId
}

// createValidator makes op's validator with the full bond and applies the set.
func (s *KeeperSuite) createValidator(op apptest.Account) sdk.ValAddress {
	s.Require().NoError(s.tryCreateValidator(op, s.f.Bond))
	s.f.EndBlock()
	return sdk.ValAddress(op.Address)
}

func (s *KeeperSuite) createValidatorMsg(op apptest.Account, amount sdk.Coin) *stakingtypes.MsgCreateValidator {
	msg, err := stakingtypes.NewMsgCreateValidator(sdk.ValAddress(op.Address).String(), ed25519.GenPrivKey().PubKey(),
		amount, stakingtypes.NewDescription("v", "", "", "", ""),
		stakingtypes.NewCommissionRates(math.LegacyZeroDec(), math.LegacyOneDec(), math.LegacyZeroDec()), math.OneInt())
	s.Require().NoError(err)
	return msg
}

func (s *KeeperSuite) tryCreateValidator(op apptest.Account, amount sdk.Coin) error {
	msg := s.createValidatorMsg(op, amount)
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := stakingkeeper.NewMsgServerImpl(s.f.App.StakingKeeper).CreateValidator(ctx, msg)
		return err
	})
}

// authzExec runs an authz MsgExec as a transaction would.
func (s *KeeperSuite) authzExec(grantee sdk.AccAddress, msg sdk.Msg) error {
	exec := authz.NewMsgExec(grantee, []sdk.Msg{msg})
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := authzkeeper.Keeper.Exec(s.f.App.AuthzKeeper, ctx, &exec)
		return err
	})
}

// delegate runs a MsgDelegate as a transaction would.
func (s *KeeperSuite) delegate(from apptest.Account, val sdk.ValAddress, amount sdk.Coin) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := stakingkeeper.NewMsgServerImpl(s.f.App.StakingKeeper).Delegate(ctx,
			stakingtypes.NewMsgDelegate(from.String(), val.String(), amount))
		return err
	})
}

func (s *KeeperSuite) memberCount() int {
	n := 0
	s.Require().NoError(s.k.Members.Walk(s.f.Ctx, nil, func(uint64, types.Member) (bool, error) { n++; return false, nil }))
	return n
}

func (s *KeeperSuite) bondBalance(addr sdk.AccAddress) math.Int {
	return s.f.App.BankKeeper.GetBalance(s.f.Ctx, addr, app.BondDenom).Amount
}

func (s *KeeperSuite) TestAdmitMember() {
	taken := apptest.NewAccount()
	_, err := s.msg.AdmitMember(s.f.Ctx, &types.MsgAdmitMember{
		Authority: s.f.Gov, Kind: types.MEMBER_KIND_PROVIDER, Name: "Taken Clinic", Npi: "1543210987",
		Operator: taken.String(), AgreementHash: apptest.AgreementHash("a"),
	})
	s.Require().NoError(err)

	good := func() *types.MsgAdmitMember {
		return &types.MsgAdmitMember{
			Authority: s.f.Gov, Kind: types.MEMBER_KIND_PROVIDER, Name: "Riverside Family Clinic",
			Npi: "1234567893", Operator: apptest.NewAccount().String(), AgreementHash: apptest.AgreementHash("a"),
		}
	}
	cases := []struct {
		name   string
		edit   func(m *types.MsgAdmitMember)
		errIs  error
		errMsg string
	}{
		{"provider with valid NPI", func(*types.MsgAdmitMember) {}, nil, ""},
		{"insurer with payer id", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.PayerId, m.Name = types.MEMBER_KIND_INSURER, "", "ACME1", "Acme Health"
		}, nil, ""},
		{"insurer with NAIC code only", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.NaicCode, m.Name = types.MEMBER_KIND_INSURER, "", "12345", "Acme Mutual"
		}, nil, ""},
		{"signer is not gov", func(m *types.MsgAdmitMember) { m.Authority = taken.String() }, types.ErrUnauthorized, "expected"},
		{"NPI check digit wrong", func(m *types.MsgAdmitMember) { m.Npi = "1234567890" }, types.ErrInvalidNPI, "check digit"},
		{"NPI too short", func(m *types.MsgAdmitMember) { m.Npi = "123456789" }, types.ErrInvalidNPI, "exactly 10 digits"},
		{"NPI with letters", func(m *types.MsgAdmitMember) { m.Npi = "12345678A3" }, types.ErrInvalidNPI, "digits only"},
		{"provider without NPI", func(m *types.MsgAdmitMember) { m.Npi = "" }, types.ErrMissingIdentifier, "needs an NPI"},
		{"provider with payer id", func(m *types.MsgAdmitMember) { m.PayerId = "ACME1" }, types.ErrInvalidKind, "no payer id"},
		{"insurer with NPI", func(m *types.MsgAdmitMember) { m.Kind = types.MEMBER_KIND_INSURER }, types.ErrInvalidKind, "no NPI"},
		{"insurer without identifier", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi = types.MEMBER_KIND_INSURER, ""
		}, types.ErrMissingIdentifier, "payer id or a NAIC"},
		{"payer id lower case", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.PayerId = types.MEMBER_KIND_INSURER, "", "acme1"
		}, types.ErrInvalidPayerID, "upper-case"},
		{"payer id too long", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.PayerId = types.MEMBER_KIND_INSURER, "", "ACME12"
		}, types.ErrInvalidPayerID, "exactly 5"},
		{"NAIC with letters", func(m *types.MsgAdmitMember) {
			m.Kind, m.Npi, m.NaicCode = types.MEMBER_KIND_INSURER, "", "1234A"
		}, types.ErrInvalidNAIC, "digits only"},
		{"kind unspecified", func(m *types.MsgAdmitMember) { m.Kind = types.MEMBER_KIND_UNSPECIFIED }, types.ErrInvalidKind, "INSURER or PROVIDER"},
		{"empty name", func(m *types.MsgAdmitMember) { m.Name = " " }, types.ErrInvalidName, "empty"},
		{"bad operator", func(m *types.MsgAdmitMember) { m.Operator = "cosmos1xyz" }, types.ErrInvalidAddress, "operator"},
		{"no agreement hash", func(m *types.MsgAdmitMember) { m.AgreementHash = types.ContentHash{} }, types.ErrInvalidHash, "algorithm is required"},
		{"short digest", func(m *types.MsgAdmitMember) { m.AgreementHash.Digest = []byte{1, 2} }, types.ErrInvalidHash, "32 bytes"},
		{"NPI of another member", func(m *types.MsgAdmitMember) { m.Npi = "1543210987" }, types.ErrDuplicateIdentifier, "belongs to member"},
		{"operator of another member", func(m *types.MsgAdmitMember) { m.Operator = taken.String() }, types.ErrOperatorTaken, "ACTIVE"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			msg := good()
			tc.edit(msg)
			before := s.memberCount()
			op, _ := sdk.AccAddressFromBech32(msg.Operator)
			res, err := s.msg.AdmitMember(s.f.Ctx, msg)
			if tc.errIs != nil {
				s.Require().ErrorIs(err, tc.errIs)
				s.Require().ErrorContains(err, tc.errMsg)
				s.Require().Equal(before, s.memberCount(), "a refused admission stores nothing")
				if op != nil && !op.Equals(taken.Address) {
					s.Require().True(s.bondBalance(op).IsZero(), "a refused admission mints nothing")
				}
				return
			}
			s.Require().NoError(err)
			m, err := s.k.GetMember(s.f.Ctx, res.MemberId)
			s.Require().NoError(err)
			s.Require().Equal(types.MEMBER_STATUS_ACTIVE, m.Status)
			s.Require().Equal(msg.Name, m.Name)
			s.Require().Equal(s.f.Bond.Amount, s.bondBalance(op), "admission mints exactly one bond")
			got, err := s.k.ActiveMember(s.f.Ctx, op, msg.Kind)
			s.Require().NoError(err)
			s.Require().Equal(res.MemberId, got.Id)
		})
	}
}

func (s *KeeperSuite) TestStatusTransitions() {
	_, id := s.admitProvider("1234567893")
	outsider := apptest.NewAccount()
	suspend := func(id uint64, reason string) error {
		_, err := s.msg.SuspendMember(s.f.Ctx, &types.MsgSuspendMember{Authority: s.f.Gov, MemberId: id, Reason: reason})
		return err
	}
	reinstate := func(id uint64) error {
		_, err := s.msg.ReinstateMember(s.f.Ctx, &types.MsgReinstateMember{Authority: s.f.Gov, MemberId: id})
		return err
	}
	remove := func(id uint64) error {
		_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "left"})
		return err
	}
	steps := []struct {
		name  string
		do    func() error
		errIs error
		want  types.MemberStatus
	}{
		{"reinstating an ACTIVE member is refused", func() error { return reinstate(id) }, types.ErrInvalidTransition, types.MEMBER_STATUS_ACTIVE},
		{"suspending needs a reason", func() error { return suspend(id, "") }, types.ErrInvalidReason, types.MEMBER_STATUS_ACTIVE},
		{"only gov may suspend", func() error {
			_, err := s.msg.SuspendMember(s.f.Ctx, &types.MsgSuspendMember{Authority: outsider.String(), MemberId: id, Reason: "x"})
			return err
		}, types.ErrUnauthorized, types.MEMBER_STATUS_ACTIVE},
		{"unknown member", func() error { return suspend(99, "x") }, types.ErrMemberNotFound, types.MEMBER_STATUS_ACTIVE},
		{"ACTIVE -> SUSPENDED", func() error { return suspend(id, "licence under review") }, nil, types.MEMBER_STATUS_SUSPENDED},
		{"suspending twice is refused", func() error { return suspend(id, "again") }, types.ErrInvalidTransition, types.MEMBER_STATUS_SUSPENDED},
		{"SUSPENDED -> ACTIVE", func() error { return reinstate(id) }, nil, types.MEMBER_STATUS_ACTIVE},
		{"only gov may remove", func() error {
			_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: outsider.String(), MemberId: id, Reason: "x"})
			return err
		}, types.ErrUnauthorized, types.MEMBER_STATUS_ACTIVE},
		{"ACTIVE -> REMOVED", func() error { return remove(id) }, nil, types.MEMBER_STATUS_REMOVED},
		{"removing twice is refused", func() error { return remove(id) }, types.ErrInvalidTransition, types.MEMBER_STATUS_REMOVED},
		{"suspending a REMOVED member is refused", func() error { return suspend(id, "x") }, types.ErrInvalidTransition, types.MEMBER_STATUS_REMOVED},
		{"reinstating a REMOVED member is refused", func() error { return reinstate(id) }, types.ErrInvalidTransition, types.MEMBER_STATUS_REMOVED},
	}
	for _, st := range steps {
		err := st.do()
		if st.errIs != nil {
			s.Require().ErrorIs(err, st.errIs, st.name)
		} else {
			s.Require().NoError(err, st.name)
		}
		m, err := s.k.GetMember(s.f.Ctx, id)
		s.Require().NoError(err)
		s.Require().Equal(st.want, m.Status, st.name)
	}
}

func (s *KeeperSuite) TestNonMemberCannotCreateValidator() {
	outsider := apptest.NewAccount()
	s.f.Fund(outsider.Address, apptest.FeeFunds, s.f.Bond)

	s.Run("direct", func() {
		err := s.tryCreateValidator(outsider, s.f.Bond)
		s.Require().ErrorIs(err, types.ErrNotActiveMember)
		s.Require().ErrorContains(err, "only an admitted ACTIVE consortium member may create a validator")
	})
	s.Run("through authz", func() {
		grantee := apptest.NewAccount()
		exp := s.f.Ctx.BlockTime().Add(time.Hour)
		s.Require().NoError(s.f.App.AuthzKeeper.SaveGrant(s.f.Ctx, grantee.Address, outsider.Address,
			authz.NewGenericAuthorization(sdk.MsgTypeURL(&stakingtypes.MsgCreateValidator{})), &exp))
		err := s.authzExec(grantee.Address, s.createValidatorMsg(outsider, s.f.Bond))
		s.Require().ErrorIs(err, types.ErrNotActiveMember)
	})
	s.Run("inside a gov proposal (signer: gov module account)", func() {
		gov, _ := sdk.AccAddressFromBech32(s.f.Gov)
		err := s.tryCreateValidator(apptest.Account{Address: gov}, s.f.Bond)
		s.Require().ErrorIs(err, types.ErrNotActiveMember)
	})
	s.Run("suspended member", func() {
		op, id := s.admitProvider("1234567893")
		_, err := s.msg.SuspendMember(s.f.Ctx, &types.MsgSuspendMember{Authority: s.f.Gov, MemberId: id, Reason: "audit"})
		s.Require().NoError(err)
		err = s.tryCreateValidator(op, s.f.Bond)
		s.Require().ErrorIs(err, types.ErrNotActiveMember)
		s.Require().ErrorContains(err, "SUSPENDED")
	})
	_, err := s.f.App.StakingKeeper.GetValidator(s.f.Ctx, sdk.ValAddress(outsider.Address))
	s.Require().ErrorIs(err, stakingtypes.ErrNoValidatorFound, "nothing was created")
}

func (s *KeeperSuite) TestOnlySelfDelegation() {
	founder := sdk.ValAddress(s.f.Validator.Address)
	outsider := apptest.NewAccount()
	s.f.Fund(outsider.Address, apptest.FeeFunds, s.f.Bond)
	s.Run("non-member delegates directly", func() {
		s.Require().ErrorIs(s.delegate(outsider, founder, s.f.Bond), types.ErrSelfDelegationOnly)
	})
	s.Run("non-member delegates through authz", func() {
		grantee := apptest.NewAccount()
		exp := s.f.Ctx.BlockTime().Add(time.Hour)
		s.Require().NoError(s.f.App.AuthzKeeper.SaveGrant(s.f.Ctx, grantee.Address, outsider.Address,
			authz.NewGenericAuthorization(sdk.MsgTypeURL(&stakingtypes.MsgDelegate{})), &exp))
		err := s.authzExec(grantee.Address, stakingtypes.NewMsgDelegate(outsider.String(), founder.String(), s.f.Bond))
		s.Require().ErrorIs(err, types.ErrSelfDelegationOnly)
	})
	s.Run("a member delegates to another member's validator", func() {
		op, _ := s.admitProvider("1234567893")
		s.Require().ErrorIs(s.delegate(op, founder, s.f.Bond), types.ErrSelfDelegationOnly)
	})
	s.Run("the founder adds to its own validator", func() {
		s.f.Fund(s.f.Validator.Address, sdk.NewInt64Coin(app.BondDenom, 10))
		s.Require().NoError(s.delegate(s.f.Validator, founder, sdk.NewInt64Coin(app.BondDenom, 10)))
	})
}

func (s *KeeperSuite) TestBondIsNotTransferable() {
	op, _ := s.admitProvider("1234567893")
	s.Require().False(s.f.App.BankKeeper.IsSendEnabledCoin(s.f.Ctx, s.f.Bond))
	s.Require().True(s.f.App.BankKeeper.IsSendEnabledCoin(s.f.Ctx, apptest.FeeFunds))
	_ = op
}

func (s *KeeperSuite) validator(val sdk.ValAddress) stakingtypes.Validator {
	v, err := s.f.App.StakingKeeper.GetValidator(s.f.Ctx, val)
	s.Require().NoError(err)
	return v
}

func (s *KeeperSuite) unjail(val sdk.ValAddress) error {
	_, err := slashingkeeper.NewMsgServerImpl(s.f.App.SlashingKeeper).Unjail(s.f.Ctx,
		slashingtypes.NewMsgUnjail(val.String()))
	return err
}

func (s *KeeperSuite) TestSuspendedValidatorLeavesActiveSetAndCannotUnjail() {
	op, id := s.admitProvider("1234567893")
	val := s.createValidator(op)
	s.Require().Equal(stakingtypes.Bonded, s.validator(val).Status)

	_, err := s.msg.SuspendMember(s.f.Ctx, &types.MsgSuspendMember{Authority: s.f.Gov, MemberId: id, Reason: "audit"})
	s.Require().NoError(err)
	s.f.EndBlock()
	v := s.validator(val)
	s.Require().True(v.Jailed)
	s.Require().NotEqual(stakingtypes.Bonded, v.Status, "a suspended member's validator leaves the active set")

	s.f.AdvanceTime(365 * 24 * time.Hour)
	s.Require().ErrorIs(s.unjail(val), slashingtypes.ErrValidatorJailed, "the member cannot undo suspension alone")

	_, err = s.msg.ReinstateMember(s.f.Ctx, &types.MsgReinstateMember{Authority: s.f.Gov, MemberId: id})
	s.Require().NoError(err)
	s.Require().NoError(s.unjail(val), "a reinstated member may unjail")
	s.f.EndBlock()
	s.Require().Equal(stakingtypes.Bonded, s.validator(val).Status)
}

func (s *KeeperSuite) TestRemovalUnbondsBurnsAndReadmissionReusesTheValidator() {
	op, id := s.admitProvider("1234567893")
	val := s.createValidator(op)
	supply := s.f.App.BankKeeper.GetSupply(s.f.Ctx, app.BondDenom).Amount

	_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "left"})
	s.Require().NoError(err)
	s.f.EndBlock()
	v := s.validator(val)
	s.Require().True(v.Jailed)
	s.Require().True(v.Tokens.IsZero(), "the self-delegation was unbonded")
	burn, err := s.k.PendingBurns.Get(s.f.Ctx, id)
	s.Require().NoError(err)
	s.Require().Equal(s.f.Bond.Amount, burn.Amount)

	// The removed member cannot bond again or unjail, however it tries.
	s.Require().ErrorIs(s.delegate(op, val, sdk.NewInt64Coin(app.BondDenom, 1)), types.ErrNotActiveMember)
	s.Require().Error(s.unjail(val))

	// Readmission waits for the burn.
	readmit := &types.MsgAdmitMember{
		Authority: s.f.Gov, Kind: types.MEMBER_KIND_PROVIDER, Name: "Clinic again", Npi: "1234567893",
		Operator: op.String(), AgreementHash: apptest.AgreementHash("v2"),
	}
	_, err = s.msg.AdmitMember(s.f.Ctx, readmit)
	s.Require().ErrorIs(err, types.ErrBurnPending)

	// Unbonding matures: staking returns the bond, membership burns it.
	s.f.AdvanceTime(burn.MatureAt.Sub(s.f.Ctx.BlockTime()) + time.Second)
	s.f.EndBlock()
	s.Require().True(s.bondBalance(op.Address).IsZero())
	s.Require().Equal(supply.Sub(s.f.Bond.Amount), s.f.App.BankKeeper.GetSupply(s.f.Ctx, app.BondDenom).Amount)
	has, err := s.k.PendingBurns.Has(s.f.Ctx, id)
	s.Require().NoError(err)
	s.Require().False(has)

	// x/staking deleted the emptied validator when its unbonding matured, so
	// the operator address is free: readmission reuses the member record and
	// the member creates its validator again, at equal power.
	_, err = s.f.App.StakingKeeper.GetValidator(s.f.Ctx, val)
	s.Require().ErrorIs(err, stakingtypes.ErrNoValidatorFound)
	res, err := s.msg.AdmitMember(s.f.Ctx, readmit)
	s.Require().NoError(err)
	s.Require().Equal(id, res.MemberId, "readmission reuses the record")
	s.Require().Equal(s.f.Bond.Amount, s.bondBalance(op.Address), "one bond again")
	s.Require().Equal(val, s.createValidator(op))
	v = s.validator(val)
	s.Require().Equal(stakingtypes.Bonded, v.Status)
	s.Require().Equal(s.f.Bond.Amount, v.Tokens, "equal power restored")
}

func (s *KeeperSuite) TestReadmissionDuringUnbondingIsRefusedUntilTheBurn() {
	op, id := s.admitProvider("1234567893")
	s.createValidator(op)
	_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "left"})
	s.Require().NoError(err)
	_, err = s.msg.AdmitMember(s.f.Ctx, &types.MsgAdmitMember{
		Authority: s.f.Gov, Kind: types.MEMBER_KIND_PROVIDER, Name: "Clinic", Npi: "1234567893",
		Operator: op.String(), AgreementHash: apptest.AgreementHash("v2"),
	})
	s.Require().ErrorIs(err, types.ErrBurnPending)
	s.Require().ErrorContains(err, "can be readmitted after")
	_, err = s.msg.AdmitMember(s.f.Ctx, &types.MsgAdmitMember{
		Authority: s.f.Gov, Kind: types.MEMBER_KIND_INSURER, Name: "Clinic", PayerId: "CLIN1",
		Operator: op.String(), AgreementHash: apptest.AgreementHash("v2"),
	})
	s.Require().ErrorIs(err, types.ErrKindMismatch)
}

func (s *KeeperSuite) TestLiquidBondBurnedOnRemoval() {
	op, id := s.admitProvider("1234567893")
	s.Require().Equal(s.f.Bond.Amount, s.bondBalance(op.Address))
	_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "never started"})
	s.Require().NoError(err)
	s.Require().True(s.bondBalance(op.Address).IsZero())
}

func (s *KeeperSuite) TestBurnsPerBlockAreBounded() {
	params, err := s.k.Params.Get(s.f.Ctx)
	s.Require().NoError(err)
	params.MaxBurnsPerBlock = 2
	_, err = s.msg.UpdateParams(s.f.Ctx, &types.MsgUpdateParams{Authority: s.f.Gov, Params: params})
	s.Require().NoError(err)

	npis := []string{"1234567893", "1987654328", "1543210987"}
	for _, npi := range npis {
		op, id := s.admitProvider(npi)
		s.createValidator(op)
		_, err := s.msg.RemoveMember(s.f.Ctx, &types.MsgRemoveMember{Authority: s.f.Gov, MemberId: id, Reason: "left"})
		s.Require().NoError(err)
	}
	s.f.AdvanceTime(30 * 24 * time.Hour)
	s.f.EndBlock()
	left := 0
	s.Require().NoError(s.k.PendingBurns.Walk(s.f.Ctx, nil, func(uint64, types.PendingBurn) (bool, error) { left++; return false, nil }))
	s.Require().Equal(1, left, "two burns per block")
	s.f.AdvanceTime(time.Second)
	s.f.EndBlock()
	left = 0
	s.Require().NoError(s.k.PendingBurns.Walk(s.f.Ctx, nil, func(uint64, types.PendingBurn) (bool, error) { left++; return false, nil }))
	s.Require().Zero(left, "the rest in the next block")
}

func (s *KeeperSuite) TestUpdateParams() {
	_, err := s.msg.UpdateParams(s.f.Ctx, &types.MsgUpdateParams{Authority: s.f.Gov, Params: types.Params{ValidatorBond: math.ZeroInt(), MaxBurnsPerBlock: 1}})
	s.Require().ErrorIs(err, types.ErrInvalidParams)
	_, err = s.msg.UpdateParams(s.f.Ctx, &types.MsgUpdateParams{Authority: s.f.Validator.String(), Params: types.DefaultParams()})
	s.Require().ErrorIs(err, types.ErrUnauthorized)
}
