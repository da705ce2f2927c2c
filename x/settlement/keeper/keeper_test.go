package keeper_test

import (
	"math/rand"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/suite"

	abci "github.com/cometbft/cometbft/abci/types"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/settlement/keeper"
	"github.com/claimchain/claimchain/x/settlement/types"
)

const (
	member = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
	dos    = "2025-12-20"
)

type SettlementSuite struct {
	suite.Suite
	f          *apptest.Fixture
	k          *keeper.Keeper
	clinic     apptest.Account
	clinicID   uint64
	insurerAcc apptest.Account
}

func TestSettlementSuite(t *testing.T) { suite.Run(t, new(SettlementSuite)) }

func (s *SettlementSuite) SetupTest() {
	s.f = apptest.Setup(s.T())
	s.k = s.f.App.SettlementKeeper
	s.insurerAcc = s.f.Validator
	s.clinic, s.clinicID = s.f.AdmitProvider("Riverside Family Clinic", "1234567893")
	s.f.PublishGoldPlan()
	s.f.Enroll(member)
	s.f.Fund(s.insurerAcc.Address, usd(10_000_000))
	s.Require().NoError(s.setHold(10 * time.Second))
}

func usd(cents int64) sdk.Coin { return sdk.NewCoin("usd", math.NewInt(cents)) }

func (s *SettlementSuite) msg() types.MsgServer { return keeper.NewMsgServerImpl(s.k) }

func (s *SettlementSuite) setHold(d time.Duration) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().SetHoldPeriod(ctx, &types.MsgSetHoldPeriod{Insurer: s.insurerAcc.String(), HoldPeriod: d})
		return err
	})
}

func (s *SettlementSuite) fund(c sdk.Coin) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().FundEscrow(ctx, &types.MsgFundEscrow{Insurer: s.insurerAcc.String(), Amount: c})
		return err
	})
}

func (s *SettlementSuite) withdraw(c sdk.Coin) error {
	return s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().WithdrawEscrow(ctx, &types.MsgWithdrawEscrow{Insurer: s.insurerAcc.String(), Amount: c})
		return err
	})
}

func (s *SettlementSuite) escrow() types.Escrow {
	res, err := keeper.NewQueryServerImpl(s.k).Escrow(s.f.Ctx, &types.QueryEscrowRequest{InsurerId: 1, Denom: "usd"})
	s.Require().NoError(err)
	return res.Escrow
}

func (s *SettlementSuite) balance(a apptest.Account) math.Int {
	return s.f.App.BankKeeper.GetBalance(s.f.Ctx, a.Address, "usd").Amount
}

// endBlock advances block time and runs the EndBlockers (payments happen
// here); it returns their events.
func (s *SettlementSuite) endBlock(d time.Duration) []abci.Event {
	s.f.AdvanceTime(d)
	return s.f.EndBlock()
}

func (s *SettlementSuite) TestPaidAfterTheHoldPeriod() {
	s.Require().NoError(s.fund(usd(100_000)))
	claim := s.f.BillOfficeVisit(s.clinic, member, dos, 12550)
	s.Require().Equal(math.NewInt(6500), s.escrow().Committed, "the payable is committed")

	s.endBlock(5 * time.Second)
	s.Require().True(s.balance(s.clinic).IsZero(), "nothing is paid during the hold period")
	paid, _ := s.k.IsPaid(s.f.Ctx, claim)
	s.Require().False(paid)

	s.endBlock(6 * time.Second)
	s.Require().Equal(math.NewInt(6500), s.balance(s.clinic), "the provider receives exactly the payable amount")
	e := s.escrow()
	s.Require().Equal(math.NewInt(100_000-6500), e.Balance)
	s.Require().Equal(math.NewInt(6500), e.Paid)
	s.Require().True(e.Committed.IsZero())
	s.Require().NoError(e.CheckInvariant())

	p, err := s.k.ClaimPayments.Get(s.f.Ctx, claim)
	s.Require().NoError(err)
	r, err := s.k.Remittances.Get(s.f.Ctx, p.TraceNumber)
	s.Require().NoError(err)
	s.Require().Equal(keeper.TraceNumber(1, s.clinicID, s.f.Ctx.BlockHeight()), r.TraceNumber)
	s.Require().Equal(s.clinic.String(), r.Payee)
	s.Require().Len(r.Claims, 1)
	rc := r.Claims[0]
	s.Require().Equal(uint32(types.StatusProcessed), rc.ClaimStatusCode)
	s.Require().Equal(math.NewInt(12550), rc.Billed)
	s.Require().Equal(math.NewInt(9000), rc.Allowed)
	s.Require().Equal(math.NewInt(6500), rc.Paid)
	s.Require().Equal(math.NewInt(2500), rc.PatientResponsibility)
	s.Require().Len(rc.Adjustments, 2, "CO-45 and PR-3")

	// A paid claim cannot be voided.
	err = s.f.Exec(func(ctx sdk.Context) error {
		_, err := claimskeeper.NewMsgServerImpl(s.f.App.ClaimsKeeper).VoidClaim(ctx,
			&claimstypes.MsgVoidClaim{Provider: s.clinic.String(), ClaimId: claim, Reason: "oops"})
		return err
	})
	s.Require().ErrorIs(err, claimstypes.ErrCannotVoid)
	s.Require().ErrorContains(err, "was paid")
}

func (s *SettlementSuite) TestVoidDuringTheHoldCancelsThePayment() {
	s.Require().NoError(s.fund(usd(100_000)))
	claim := s.f.BillOfficeVisit(s.clinic, member, dos, 12550)
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		_, err := claimskeeper.NewMsgServerImpl(s.f.App.ClaimsKeeper).VoidClaim(ctx,
			&claimstypes.MsgVoidClaim{Provider: s.clinic.String(), ClaimId: claim, Reason: "billed in error"})
		return err
	}))
	s.Require().True(s.escrow().Committed.IsZero())
	s.endBlock(time.Minute)
	s.Require().True(s.balance(s.clinic).IsZero())
	has, _ := s.k.QueueByClaim.Has(s.f.Ctx, claim)
	s.Require().False(has)
}

func (s *SettlementSuite) TestShortfallKeepsOrderAndFundingResumes() {
	s.Require().NoError(s.fund(usd(10_000))) // enough for one $65.00 claim, not two
	first := s.f.BillOfficeVisit(s.clinic, member, dos, 12550)
	s.f.AdvanceTime(time.Second)
	second := s.f.BillOfficeVisit(s.clinic, member, "2025-12-21", 12550)
	s.f.AdvanceTime(time.Second)
	third := s.f.BillOfficeVisit(s.clinic, member, "2025-12-22", 12550)

	events := s.endBlock(time.Minute)
	paid := func(id string) bool { ok, _ := s.k.IsPaid(s.f.Ctx, id); return ok }
	s.Require().True(paid(first))
	s.Require().False(paid(second), "shortfall: the second waits")
	s.Require().False(paid(third), "and everything after it, in order")
	var shortfall bool
	for _, ev := range events {
		shortfall = shortfall || ev.Type == "claimchain.settlement.v1.EventEscrowShortfall"
	}
	s.Require().True(shortfall)

	s.Require().NoError(s.fund(usd(20_000)))
	s.endBlock(time.Second)
	s.Require().True(paid(second) && paid(third), "funding resumes payment")
	s.Require().Equal(math.NewInt(3*6500), s.balance(s.clinic))
	s.Require().NoError(s.escrow().CheckInvariant())
}

func (s *SettlementSuite) TestPaymentsPerBlockAreBounded() {
	s.Require().NoError(s.f.Exec(func(ctx sdk.Context) error {
		p := types.DefaultParams()
		p.MaxPaymentsPerBlock = 3
		p.DefaultHoldPeriod = 10 * time.Second
		_, err := s.msg().UpdateParams(ctx, &types.MsgUpdateParams{Authority: s.f.Gov, Params: p})
		return err
	}))
	s.Require().NoError(s.fund(usd(1_000_000)))
	var claims []string
	for i := 0; i < 8; i++ {
		claims = append(claims, s.f.BillOfficeVisit(s.clinic, member, time.Date(2025, 12, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02"), 12550))
	}
	countPaid := func() int {
		n := 0
		for _, id := range claims {
			if ok, _ := s.k.IsPaid(s.f.Ctx, id); ok {
				n++
			}
		}
		return n
	}
	s.endBlock(time.Minute)
	s.Require().Equal(3, countPaid())
	s.endBlock(time.Second)
	s.Require().Equal(6, countPaid())
	s.endBlock(time.Second)
	s.Require().Equal(8, countPaid())

	// Remittance totals equal the sum of their claims.
	s.Require().NoError(s.k.Remittances.Walk(s.f.Ctx, nil, func(_ string, r types.Remittance) (bool, error) {
		sum := math.ZeroInt()
		for _, c := range r.Claims {
			sum = sum.Add(c.Paid)
		}
		s.Require().Equal(r.TotalPaid.Amount, sum, r.TraceNumber)
		return false, nil
	}))
}

func (s *SettlementSuite) TestDeniedClaimAppearsWithZeroPaid() {
	s.Require().NoError(s.fund(usd(100_000)))
	stranger := "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90" // not enrolled: CO-31
	claim := s.f.BillOfficeVisit(s.clinic, stranger, dos, 12550)
	s.endBlock(time.Minute)
	p, err := s.k.ClaimPayments.Get(s.f.Ctx, claim)
	s.Require().NoError(err)
	r, err := s.k.Remittances.Get(s.f.Ctx, p.TraceNumber)
	s.Require().NoError(err)
	s.Require().Equal(uint32(types.StatusDenied), r.Claims[0].ClaimStatusCode)
	s.Require().True(r.Claims[0].Paid.IsZero())
	s.Require().True(s.balance(s.clinic).IsZero())
}

func (s *SettlementSuite) TestEscrowRules() {
	s.Require().ErrorIs(s.fund(usd(0)), types.ErrInvalidAmount)
	s.Require().ErrorIs(s.f.Exec(func(ctx sdk.Context) error {
		_, err := s.msg().FundEscrow(ctx, &types.MsgFundEscrow{Insurer: s.clinic.String(), Amount: usd(1)})
		return err
	}), types.ErrNotInsurer, "a provider has no escrow")
	s.Require().NoError(s.fund(usd(10_000)))
	s.f.BillOfficeVisit(s.clinic, member, dos, 12550) // commits $65.00
	s.Require().ErrorIs(s.withdraw(usd(5_000)), types.ErrInsufficientFunds, "committed funds cannot be withdrawn")
	s.Require().NoError(s.withdraw(usd(3_500)))
	s.Require().ErrorIs(s.setHold(91*24*time.Hour), types.ErrInvalidHold)
}

// TestEscrowInvariantUnderRandomOperations funds, withdraws and pays at random:
// funded = balance + paid + withdrawn always holds, and the module account
// holds exactly the balances.
func (s *SettlementSuite) TestEscrowInvariantUnderRandomOperations() {
	rng := rand.New(rand.NewSource(7)) // test-only randomness, fixed seed
	day := 0
	for i := 0; i < 60; i++ {
		switch rng.Intn(3) {
		case 0:
			_ = s.fund(usd(int64(1 + rng.Intn(20_000))))
		case 1:
			_ = s.withdraw(usd(int64(1 + rng.Intn(20_000))))
		case 2:
			day++
			s.f.BillOfficeVisit(s.clinic, member, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, day).Format("2006-01-02"), 12550)
		}
		s.endBlock(time.Duration(rng.Intn(15)) * time.Second)
		e := s.escrow()
		s.Require().NoError(e.CheckInvariant())
		s.Require().True(e.Committed.LTE(e.Balance.Add(e.Committed)), "committed is never negative")
		s.Require().Equal(s.queuedCommitment(), e.Committed, "committed is what the queued payments commit")
		module := s.f.App.AccountKeeper.GetModuleAddress(types.ModuleName)
		s.Require().Equal(e.Balance, s.f.App.BankKeeper.GetBalance(s.f.Ctx, module, "usd").Amount, "the module account holds the escrow")
		s.Require().Equal(e.Paid, s.balance(s.clinic), "everything paid reached the provider")
	}
}
