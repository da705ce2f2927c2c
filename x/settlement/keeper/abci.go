package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/settlement/types"
)

// EndBlocker pays due claims: per insurer in due order, at most
// params.MaxPaymentsPerBlock per block across all insurers, starting from a
// rotating insurer so that no backlog starves another insurer. When an
// insurer's escrow cannot pay its next claim, that insurer's claims stay
// queued in order and EventEscrowShortfall is emitted; funding resumes them.
// Each payment run per (insurer, provider) yields one remittance advice. It
// never returns an error: a failing payment is logged and retried next block.
func (k *Keeper) EndBlocker(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		sdkCtx.Logger().Error("settlement: cannot read params", "err", err)
		return nil
	}
	insurers, err := k.insurersFromCursor(ctx)
	if err != nil {
		sdkCtx.Logger().Error("settlement: cannot list insurers", "err", err)
		return nil
	}
	budget := params.MaxPaymentsPerBlock
	runs := &paymentRuns{}
	now := sdkCtx.BlockTime().Unix()
	for i, insurer := range insurers {
		if budget == 0 {
			// Serve this insurer first next block.
			_ = k.Cursor.Set(ctx, insurer)
			break
		}
		paid, err := k.payInsurer(sdkCtx, insurer, now, budget, runs)
		if err != nil {
			sdkCtx.Logger().Error("settlement: payment run failed; will retry", "insurer", insurer, "err", err)
		}
		budget -= paid
		if i == len(insurers)-1 {
			_ = k.Cursor.Set(ctx, 0)
		}
	}
	for _, r := range runs.list {
		if err := k.Remittances.Set(ctx, r.TraceNumber, *r); err != nil {
			sdkCtx.Logger().Error("settlement: cannot store remittance", "trace", r.TraceNumber, "err", err)
			continue
		}
		_ = sdkCtx.EventManager().EmitTypedEvent(&types.EventRemittanceIssued{
			TraceNumber: r.TraceNumber, InsurerId: r.InsurerId, ProviderId: r.ProviderId,
			TotalPaid: r.TotalPaid.String(), Claims: uint32(len(r.Claims)),
		})
	}
	return nil
}

// insurersFromCursor lists insurers with scheduled payments, starting at the
// cursor and wrapping around (bounded by the number of insurer members).
func (k *Keeper) insurersFromCursor(ctx context.Context) ([]uint64, error) {
	cursor, err := k.Cursor.Get(ctx)
	if err != nil && !isNotFound(err) {
		return nil, err
	}
	var before, after []uint64
	err = k.QueueInsurers.Walk(ctx, nil, func(id uint64) (bool, error) {
		if id >= cursor {
			after = append(after, id)
		} else {
			before = append(before, id)
		}
		return false, nil
	})
	return append(after, before...), err
}

// payInsurer pays an insurer's due claims in order, up to budget; it returns how many it settled.
func (k *Keeper) payInsurer(ctx sdk.Context, insurer uint64, now int64, budget uint32, runs *paymentRuns) (uint32, error) {
	rng := collections.NewPrefixedTripleRange[uint64, int64, string](insurer)
	iter, err := k.Queue.Iterate(ctx, rng)
	if err != nil {
		return 0, err
	}
	var due []types.ScheduledPayment
	var keys []QueueKey
	for ; iter.Valid() && uint32(len(due)) < budget; iter.Next() {
		kv, err := iter.KeyValue()
		if err != nil {
			_ = iter.Close()
			return 0, err
		}
		if kv.Key.K2() > now {
			break
		}
		due = append(due, kv.Value)
		keys = append(keys, kv.Key)
	}
	empty := !iter.Valid() && uint32(len(due)) < budget
	_ = iter.Close()

	var paid uint32
	for i, p := range due {
		e, err := k.escrow(ctx, insurer, p.Amount.Denom)
		if err != nil {
			return paid, err
		}
		cash, _, _, err := k.cashFor(ctx, p)
		if err != nil {
			return paid, err
		}
		if cash.GT(e.Balance) {
			_ = ctx.EventManager().EmitTypedEvent(&types.EventEscrowShortfall{
				InsurerId: insurer, ClaimId: p.ClaimId, Needed: p.Amount.String(),
				Available: sdkCoin(e.Denom, e.Balance).String(),
			})
			return paid, nil // keep the rest queued, in order
		}
		cache, write := ctx.CacheContext()
		if err := k.pay(cache, keys[i], p, e, runs); err != nil {
			return paid, err
		}
		write()
		paid++
	}
	if empty && paid == uint32(len(due)) {
		if err := k.QueueInsurers.Remove(ctx, insurer); err != nil {
			return paid, err
		}
	}
	return paid, nil
}

// cashFor splits a scheduled payment into the cash it sends, the part of the
// provider's debt it recoups, and the debt it adds: net = amount (or, for a
// correction, amount - previously paid); a positive net first pays down what
// the provider owes this insurer; a negative net is added to it.
func (k *Keeper) cashFor(ctx context.Context, p types.ScheduledPayment) (cash, recouped, owed math.Int, err error) {
	net := p.Amount.Amount
	if p.Correction {
		net = net.Sub(nz(p.PreviouslyPaid))
	}
	if net.IsNegative() {
		return math.ZeroInt(), math.ZeroInt(), net.Neg(), nil
	}
	r, err := k.Recoupments.Get(ctx, collections.Join3(p.InsurerId, p.ProviderId, p.Amount.Denom))
	if isNotFound(err) {
		return net, math.ZeroInt(), math.ZeroInt(), nil
	} else if err != nil {
		return math.Int{}, math.Int{}, math.Int{}, err
	}
	recouped = math.MinInt(net, r.Outstanding)
	return net.Sub(recouped), recouped, math.ZeroInt(), nil
}

// pay settles one scheduled payment: escrow to the provider's payee account
// (less what the provider owes this insurer), the claim marked paid, and its
// lines on the run's remittance advice — for a correction, a reversal of the
// claim as last reported and the corrected claim.
func (k *Keeper) pay(ctx sdk.Context, key QueueKey, p types.ScheduledPayment, e types.Escrow, runs *paymentRuns) error {
	provider, err := k.members.GetMember(ctx, p.ProviderId)
	if err != nil {
		return err
	}
	payee, err := sdk.AccAddressFromBech32(provider.Operator)
	if err != nil {
		return err
	}
	d, err := k.decisions.GetDecision(ctx, p.ClaimId)
	if err != nil {
		return err
	}
	cash, recouped, owed, err := k.cashFor(ctx, p)
	if err != nil {
		return err
	}
	if cash.IsPositive() {
		if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, payee, sdk.NewCoins(sdk.NewCoin(p.Amount.Denom, cash))); err != nil {
			return err
		}
	}
	if recouped.IsPositive() || owed.IsPositive() {
		rkey := collections.Join3(p.InsurerId, p.ProviderId, p.Amount.Denom)
		r, err := k.Recoupments.Get(ctx, rkey)
		if isNotFound(err) {
			r = types.Recoupment{InsurerId: p.InsurerId, ProviderId: p.ProviderId, Denom: p.Amount.Denom, Outstanding: math.ZeroInt()}
		} else if err != nil {
			return err
		}
		r.Outstanding = r.Outstanding.Sub(recouped).Add(owed)
		if r.Outstanding.IsZero() {
			err = k.Recoupments.Remove(ctx, rkey)
		} else {
			err = k.Recoupments.Set(ctx, rkey, r)
		}
		if err != nil {
			return err
		}
	}
	e.Balance = e.Balance.Sub(cash)
	e.Paid = e.Paid.Add(cash)
	if err := k.setEscrow(ctx, e); err != nil {
		return err
	}
	if err := k.commit(ctx, p, true); err != nil {
		return err
	}
	if err := k.dequeue(ctx, key, p.ClaimId); err != nil {
		return err
	}
	trace := TraceNumber(p.InsurerId, p.ProviderId, ctx.BlockHeight())
	allowed := math.ZeroInt()
	rc := types.RemittanceClaim{
		ClaimId: p.ClaimId, ClaimStatusCode: p.ClaimStatusCode, Billed: d.TotalSubmitted, Paid: p.Amount.Amount,
		PatientResponsibility: d.PatientResponsibility, Member: p.Member, Adjustments: []adjtypes.Adjustment{},
	}
	for _, l := range d.Lines {
		allowed = allowed.Add(l.Allowed)
		rc.Adjustments = append(rc.Adjustments, l.Adjustments...)
	}
	rc.Allowed = allowed
	var entries []types.RemittanceClaim
	if p.Correction {
		prev, err := k.ClaimPayments.Get(ctx, p.ClaimId)
		if err != nil {
			return err
		}
		entries = append(entries, reversalOf(prev.Reported, p.PreviouslyPaid))
	}
	entries = append(entries, rc)
	if err := k.ClaimPayments.Set(ctx, p.ClaimId, types.ClaimPayment{
		ClaimId: p.ClaimId, Paid: p.Amount, TraceNumber: trace, Height: ctx.BlockHeight(), Reported: rc,
	}); err != nil {
		return err
	}
	if err := ctx.EventManager().EmitTypedEvent(&types.EventClaimPaid{ClaimId: p.ClaimId, Amount: sdk.NewCoin(p.Amount.Denom, cash).String(), TraceNumber: trace}); err != nil {
		return err
	}
	// Only now, with every write done, does the claim join the run's remittance.
	r := runs.get(ctx, p, provider.Operator)
	r.Claims = append(r.Claims, entries...)
	r.TotalPaid = r.TotalPaid.AddAmount(cash)
	r.Recouped = r.Recouped.Add(recouped)
	r.CarriedForward = r.CarriedForward.Add(owed)
	return nil
}

// reversalOf is the 835 reversal of a claim as last reported: status 22 and
// every amount negated, paid = minus what was paid.
func reversalOf(c types.RemittanceClaim, paid math.Int) types.RemittanceClaim {
	rev := types.RemittanceClaim{
		ClaimId: c.ClaimId, ClaimStatusCode: types.StatusReversal, Billed: nz(c.Billed).Neg(), Allowed: nz(c.Allowed).Neg(),
		Paid: nz(paid).Neg(), PatientResponsibility: nz(c.PatientResponsibility).Neg(), Member: c.Member,
		Adjustments: make([]adjtypes.Adjustment, 0, len(c.Adjustments)),
	}
	for _, a := range c.Adjustments {
		a.Amount = nz(a.Amount).Neg()
		rev.Adjustments = append(rev.Adjustments, a)
	}
	return rev
}

// paymentRuns collects this block's remittances in the order they start.
type paymentRuns struct{ list []*types.Remittance }

func (r *paymentRuns) get(ctx sdk.Context, p types.ScheduledPayment, payee string) *types.Remittance {
	trace := TraceNumber(p.InsurerId, p.ProviderId, ctx.BlockHeight())
	for _, rem := range r.list {
		if rem.TraceNumber == trace {
			return rem
		}
	}
	rem := &types.Remittance{
		TraceNumber: trace, InsurerId: p.InsurerId, ProviderId: p.ProviderId, Payee: payee,
		Date: ctx.BlockTime().UTC(), Height: ctx.BlockHeight(), TotalPaid: sdk.NewCoin(p.Amount.Denom, math.ZeroInt()),
		Recouped: math.ZeroInt(), CarriedForward: math.ZeroInt(),
	}
	r.list = append(r.list, rem)
	return rem
}

func sdkCoin(denom string, amt math.Int) sdk.Coin { return sdk.NewCoin(denom, amt) }
