package keeper_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"github.com/stretchr/testify/suite"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/attestation"
	"github.com/claimchain/claimchain/x/attestation/keeper"
	"github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// memberC is a well-formed pseudonym that no insurer enrolled.
const memberC = "5c1e9b7a3d08f264e1b7c95a0d3f82e6b4a1c7d09e52f83b6a4d1c0e7f92b358"

// recordingHooks records the attestations AfterTreatmentDisputed is called with.
type recordingHooks struct {
	disputed []types.Attestation
	err      error
}

func (h *recordingHooks) AfterTreatmentDisputed(_ context.Context, att types.Attestation) error {
	h.disputed = append(h.disputed, att)
	return h.err
}

// ResponseSuite: memberA is enrolled with the founding insurer and the patient
// account; memberB is enrolled without an account; memberC is not enrolled.
// The provider attested ATT-2-1 about memberA.
//
// The app's keeper (s.k, s.srv) runs with the hooks app.go installs (x/claims).
// hooked is a second keeper over the same store, with the same coverage keeper
// and recording hooks instead, for the tests of the hook call.
type ResponseSuite struct {
	attestationSuite
	patient apptest.Account
	hooks   *recordingHooks
	hooked  types.MsgServer
	attID   string
}

func TestResponseSuite(t *testing.T) { suite.Run(t, new(ResponseSuite)) }

func (s *ResponseSuite) SetupTest() {
	s.setup()
	s.f.PublishGoldPlan()
	s.patient = apptest.NewAccount()
	s.enroll(memberA, s.patient.String())
	s.enroll(memberB, "")
	s.hooks = &recordingHooks{}
	k := keeper.NewKeeper(s.f.App.AppCodec(), runtime.NewKVStoreService(s.f.App.GetKey(types.StoreKey)),
		s.f.App.MembershipKeeper)
	k.SetCoverageKeeper(s.f.App.AdjudicationKeeper)
	k.SetHooks(s.hooks)
	s.hooked = keeper.NewMsgServerImpl(k)
	var err error
	s.attID, err = s.attest(s.validMsg())
	s.Require().NoError(err)
	s.Require().Equal("ATT-2-1", s.attID)
}

func (s *ResponseSuite) enroll(member, account string) {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(s.f.App.AdjudicationKeeper).EnrollMember(ctx, &adjtypes.MsgEnrollMember{
			Insurer: s.f.Validator.String(), Member: member, PlanId: apptest.GoldPlanID, StartDate: "2025-01-01",
			Sex: adjtypes.SEX_FEMALE, BirthYear: 1980, MemberAccount: account,
		})
		return err
	}))
}

// confirm and dispute run the msgs as a transaction would and return the
// events and gas of a successful one.
func (s *ResponseSuite) confirm(account, id string) (sdk.Events, uint64, error) {
	return s.confirmOn(s.srv, account, id)
}

func (s *ResponseSuite) dispute(account, id, statement string) (sdk.Events, uint64, error) {
	return s.disputeOn(s.srv, account, id, statement)
}

func (s *ResponseSuite) confirmOn(srv types.MsgServer, account, id string) (sdk.Events, uint64, error) {
	var events sdk.Events
	var gas uint64
	err := s.f.Exec(func(ctx sdk.Context) error {
		ctx = ctx.WithEventManager(sdk.NewEventManager()).WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := srv.ConfirmTreatment(ctx, &types.MsgConfirmTreatment{MemberAccount: account, AttestationId: id})
		events, gas = ctx.EventManager().Events(), ctx.GasMeter().GasConsumed()
		return err
	})
	return events, gas, err
}

func (s *ResponseSuite) disputeOn(srv types.MsgServer, account, id, statement string) (sdk.Events, uint64, error) {
	var events sdk.Events
	var gas uint64
	err := s.f.Exec(func(ctx sdk.Context) error {
		ctx = ctx.WithEventManager(sdk.NewEventManager()).WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := srv.DisputeTreatment(ctx, &types.MsgDisputeTreatment{
			MemberAccount: account, AttestationId: id, ReasonHash: apptest.AgreementHash(statement),
		})
		events, gas = ctx.EventManager().Events(), ctx.GasMeter().GasConsumed()
		return err
	})
	return events, gas, err
}

func (s *ResponseSuite) stored(id string) (types.TreatmentResponse, bool) {
	r, err := s.k.GetTreatmentResponse(s.f.Ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return r, false
	}
	s.Require().NoError(err)
	return r, true
}

func (s *ResponseSuite) TestConfirmByEnrolledAccount() {
	second, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	events, gas, err := s.confirm(s.patient.String(), s.attID)
	s.Require().NoError(err)
	s.T().Logf("MsgConfirmTreatment gas (store reads and writes): %d", gas)
	s.Require().Less(gas, uint64(30_000))

	r, ok := s.stored(s.attID)
	s.Require().True(ok)
	s.Require().Equal(types.TreatmentResponse{
		AttestationId: s.attID, Member: memberA, Kind: types.RESPONSE_KIND_CONFIRMED,
		Account: s.patient.String(), Height: s.f.Ctx.BlockHeight(), Time: s.f.Ctx.BlockTime().UTC(),
	}, r)
	s.Require().Len(events, 1)
	s.Require().Equal("claimchain.attestation.v1.EventTreatmentConfirmed", events[0].Type)
	_, _, err = s.confirmOn(s.hooked, s.patient.String(), second)
	s.Require().NoError(err)
	s.Require().Empty(s.hooks.disputed, "a confirmation calls no hook")

	res, err := keeper.NewQueryServerImpl(s.k).TreatmentResponse(s.f.Ctx,
		&types.QueryTreatmentResponseRequest{AttestationId: s.attID})
	s.Require().NoError(err)
	s.Require().Equal(r, res.Response)

	_, _, err = s.confirm(s.patient.String(), s.attID)
	s.Require().ErrorIs(err, types.ErrAlreadyResponded)
	s.Require().ErrorContains(err, "was confirmed at height")
}

func (s *ResponseSuite) TestRefusedSigners() {
	other := apptest.NewAccount()
	s.Require().Equal("signer is not the account enrolled for this member", types.ErrNotMemberAccount.Error())

	// A second insurer, so an attestation can name memberA with an insurer
	// that does not cover them.
	_, insurer2 := s.admit(membershiptypes.MEMBER_KIND_INSURER, "PAYR2")
	wrongInsurer := s.validMsg()
	wrongInsurer.InsurerId = insurer2
	wrongInsurerID, err := s.attest(wrongInsurer)
	s.Require().NoError(err)
	aboutB, aboutC := s.validMsg(), s.validMsg()
	aboutB.Member, aboutC.Member = memberB, memberC
	idB, err := s.attest(aboutB)
	s.Require().NoError(err)
	idC, err := s.attest(aboutC)
	s.Require().NoError(err)

	cases := []struct {
		name, account, id string
		errIs             error
		errMsg            string
	}{
		{"another account", other.String(), s.attID, types.ErrNotMemberAccount, "another account is enrolled"},
		{"the provider", s.provider.String(), s.attID, types.ErrNotMemberAccount, "is not the account enrolled"},
		{"the insurer", s.f.Validator.String(), s.attID, types.ErrNotMemberAccount, "is not the account enrolled"},
		{"member enrolled without an account", s.patient.String(), idB, types.ErrNotMemberAccount, "without an account"},
		{"member not enrolled", s.patient.String(), idC, types.ErrNotMemberAccount, "no coverage"},
		{"attestation names another insurer", s.patient.String(), wrongInsurerID, types.ErrNotMemberAccount, "not covered by insurer 3"},
		{"unknown attestation", s.patient.String(), "ATT-2-99", types.ErrNotFound, "ATT-2-99"},
		{"malformed attestation id", s.patient.String(), "ATT-2", types.ErrInvalidID, "attestation_id"},
		{"signer not an address", "patient", s.attID, sdkerrors.ErrInvalidAddress, "member_account"},
	}
	for _, tc := range cases {
		s.Run(tc.name, func() {
			_, _, err := s.confirm(tc.account, tc.id)
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.errMsg)
			_, _, err = s.disputeOn(s.hooked, tc.account, tc.id, "statement")
			s.Require().ErrorIs(err, tc.errIs)
			s.Require().ErrorContains(err, tc.errMsg)
		})
	}
	n := 0
	s.Require().NoError(s.k.Responses.Walk(s.f.Ctx, nil, func(string, types.TreatmentResponse) (bool, error) {
		n++
		return false, nil
	}))
	s.Require().Zero(n)
	s.Require().Empty(s.hooks.disputed)
}

func (s *ResponseSuite) TestDisputeValidation() {
	for name, hash := range map[string]membershiptypes.ContentHash{
		"no reason hash":    {},
		"short digest":      {Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: []byte("I was not there")},
		"unknown algorithm": {Algorithm: 7, Digest: make([]byte, 32)},
		"algorithm missing": {Digest: make([]byte, 32)},
	} {
		err := s.f.Exec(func(ctx sdk.Context) error {
			_, err := s.srv.DisputeTreatment(ctx, &types.MsgDisputeTreatment{
				MemberAccount: s.patient.String(), AttestationId: s.attID, ReasonHash: hash,
			})
			return err
		})
		s.Require().ErrorIs(err, membershiptypes.ErrInvalidHash, name)
		s.Require().ErrorContains(err, "reason_hash", name)
	}
	_, ok := s.stored(s.attID)
	s.Require().False(ok)
}

// TestDisputeAfterConfirm runs on the keeper with recording hooks.
func (s *ResponseSuite) TestDisputeAfterConfirm() {
	_, _, err := s.confirmOn(s.hooked, s.patient.String(), s.attID)
	s.Require().NoError(err)
	confirmedAt := s.f.Ctx.BlockHeight()

	s.f.AdvanceTime(24 * time.Hour)
	events, gas, err := s.disputeOn(s.hooked, s.patient.String(), s.attID, "I saw the bill: no lab test was done")
	s.Require().NoError(err)
	s.T().Logf("MsgDisputeTreatment gas (store reads and writes): %d", gas)
	s.Require().Less(gas, uint64(40_000))

	r, ok := s.stored(s.attID)
	s.Require().True(ok)
	reason := apptest.AgreementHash("I saw the bill: no lab test was done")
	s.Require().Equal(types.TreatmentResponse{
		AttestationId: s.attID, Member: memberA, Kind: types.RESPONSE_KIND_DISPUTED, ReasonHash: &reason,
		Account: s.patient.String(), Height: s.f.Ctx.BlockHeight(), Time: s.f.Ctx.BlockTime().UTC(),
		ConfirmedHeight: confirmedAt,
	}, r)
	s.Require().Len(events, 1)
	s.Require().Equal("claimchain.attestation.v1.EventTreatmentDisputed", events[0].Type)
	attr, ok := events[0].GetAttribute("was_confirmed")
	s.Require().True(ok)
	s.Require().Equal("true", attr.Value)

	// The hook ran once, with the attestation.
	att, err := s.k.GetAttestation(s.f.Ctx, s.attID)
	s.Require().NoError(err)
	s.Require().Equal([]types.Attestation{att}, s.hooks.disputed)

	// A dispute is final.
	_, _, err = s.disputeOn(s.hooked, s.patient.String(), s.attID, "again")
	s.Require().ErrorIs(err, types.ErrAlreadyResponded)
	s.Require().ErrorContains(err, "a dispute is final")
	_, _, err = s.confirmOn(s.hooked, s.patient.String(), s.attID)
	s.Require().ErrorIs(err, types.ErrAlreadyResponded)
	s.Require().ErrorContains(err, "was disputed")
	s.Require().Len(s.hooks.disputed, 1)
	r2, _ := s.stored(s.attID)
	s.Require().Equal(r, r2)
}

// TestDisputeWithoutConfirm runs on the app's keeper, with the hooks app.go
// installs (x/claims; no claim bills the attestation).
func (s *ResponseSuite) TestDisputeWithoutConfirm() {
	events, _, err := s.dispute(s.patient.String(), s.attID, "not me")
	s.Require().NoError(err)
	r, ok := s.stored(s.attID)
	s.Require().True(ok)
	s.Require().Equal(types.RESPONSE_KIND_DISPUTED, r.Kind)
	s.Require().Zero(r.ConfirmedHeight)
	attr, ok := events[0].GetAttribute("was_confirmed")
	s.Require().True(ok)
	s.Require().Equal("false", attr.Value)
}

func (s *ResponseSuite) TestHookErrorAbortsDispute() {
	_, _, err := s.confirmOn(s.hooked, s.patient.String(), s.attID)
	s.Require().NoError(err)
	s.hooks.err = errors.New("claims: cannot pend")
	_, _, err = s.disputeOn(s.hooked, s.patient.String(), s.attID, "not me")
	s.Require().ErrorContains(err, "cannot pend")
	r, ok := s.stored(s.attID)
	s.Require().True(ok)
	s.Require().Equal(types.RESPONSE_KIND_CONFIRMED, r.Kind, "the refused dispute left the confirmation")
}

func (s *ResponseSuite) TestEndedCoverageStillResponds() {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(s.f.App.AdjudicationKeeper).TerminateCoverage(ctx, &adjtypes.MsgTerminateCoverage{
			Insurer: s.f.Validator.String(), Member: memberA, EndDate: "2026-01-05",
			Reason: adjtypes.TERMINATION_REASON_VOLUNTARY,
		})
		return err
	}))
	_, _, err := s.confirm(s.patient.String(), s.attID)
	s.Require().NoError(err)
}

func (s *ResponseSuite) TestSettersPanicWhenSetTwice() {
	s.Require().PanicsWithValue("attestation: coverage keeper already set", func() {
		s.k.SetCoverageKeeper(s.f.App.AdjudicationKeeper) // app.New set it
	})
	s.Require().PanicsWithValue("attestation: treatment hooks already set", func() {
		s.k.SetHooks(&recordingHooks{})
	})
}

func (s *ResponseSuite) TestQueryTreatmentResponse() {
	q := keeper.NewQueryServerImpl(s.k)
	for name, tc := range map[string]struct {
		id   string
		code codes.Code
		msg  string
	}{
		"no response yet":     {s.attID, codes.NotFound, "has not responded"},
		"unknown attestation": {"ATT-2-99", codes.NotFound, "attestation not found"},
		"malformed id":        {"ATT-x", codes.InvalidArgument, "invalid id"},
	} {
		_, err := q.TreatmentResponse(s.f.Ctx, &types.QueryTreatmentResponseRequest{AttestationId: tc.id})
		s.Require().Equal(tc.code, status.Code(err), name)
		s.Require().ErrorContains(err, tc.msg, name)
	}
	_, err := q.TreatmentResponse(s.f.Ctx, nil)
	s.Require().Equal(codes.InvalidArgument, status.Code(err))
}

func (s *ResponseSuite) TestGenesisRoundTripWithResponses() {
	second, err := s.attest(s.validMsg())
	s.Require().NoError(err)
	_, _, err = s.confirm(s.patient.String(), s.attID)
	s.Require().NoError(err)
	_, _, err = s.confirm(s.patient.String(), second)
	s.Require().NoError(err)
	s.f.AdvanceTime(24 * time.Hour)
	_, _, err = s.dispute(s.patient.String(), second, "not me")
	s.Require().NoError(err)

	gs, err := s.k.ExportGenesis(s.f.Ctx)
	s.Require().NoError(err)
	s.Require().NoError(gs.Validate())
	s.Require().Len(gs.Responses, 2)
	s.Require().Equal(s.attID, gs.Responses[0].AttestationId)
	s.Require().Equal(types.RESPONSE_KIND_CONFIRMED, gs.Responses[0].Kind)
	s.Require().Equal(types.RESPONSE_KIND_DISPUTED, gs.Responses[1].Kind)

	cdc := s.f.App.AppCodec()
	bz := attestation.NewAppModule(s.k).ExportGenesis(s.f.Ctx, cdc)
	f2 := apptest.Setup(s.T())
	attestation.NewAppModule(f2.App.AttestationKeeper).InitGenesis(f2.Ctx, cdc, bz)
	gs2, err := f2.App.AttestationKeeper.ExportGenesis(f2.Ctx)
	s.Require().NoError(err)
	s.Require().Equal(gs, gs2)
}

// TestInsurerPaysFeesWithFeegrant checks the README's fee grant: the insurer
// pays the patient's fees for the two response msgs and nothing else.
func (s *ResponseSuite) TestInsurerPaysFeesWithFeegrant() {
	fg := s.f.App.FeeGrantKeeper
	allowance, err := feegrant.NewAllowedMsgAllowance(&feegrant.BasicAllowance{
		SpendLimit: sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 100_000)),
	}, []string{sdk.MsgTypeURL(&types.MsgConfirmTreatment{}), sdk.MsgTypeURL(&types.MsgDisputeTreatment{})})
	s.Require().NoError(err)
	s.Require().Equal([]string{
		"/claimchain.attestation.v1.MsgConfirmTreatment", "/claimchain.attestation.v1.MsgDisputeTreatment",
	}, allowance.AllowedMessages)
	grant, err := feegrant.NewMsgGrantAllowance(allowance, s.f.Validator.Address, s.patient.Address)
	s.Require().NoError(err)
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		// Through the msg router, as `tx feegrant grant` is delivered.
		_, err := s.f.App.MsgServiceRouter().Handler(grant)(ctx, grant)
		return err
	}))
	s.Require().NotNil(s.f.App.AccountKeeper.GetAccount(s.f.Ctx, s.patient.Address),
		"the grant creates the patient's account, so it can sign without holding tokens")

	fee := sdk.NewCoins(sdk.NewInt64Coin(app.FeeDenom, 200))
	confirm := &types.MsgConfirmTreatment{MemberAccount: s.patient.String(), AttestationId: s.attID}
	s.Require().NoError(fg.UseGrantedFees(s.f.Ctx, s.f.Validator.Address, s.patient.Address, fee, []sdk.Msg{confirm}))
	s.Require().Error(fg.UseGrantedFees(s.f.Ctx, s.f.Validator.Address, s.patient.Address, fee,
		[]sdk.Msg{&banktypes.MsgSend{FromAddress: s.patient.String(), ToAddress: s.provider.String()}}))
}
