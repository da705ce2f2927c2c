package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// DefaultGenesis has default params and no escrow.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams()} }

// Validate checks params, the escrow invariant, and that each escrow's
// committed amount is what its scheduled payments commit (the import
// rebuilds the commitments from the queue).
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	committed := map[string]math.Int{} // looked up, never ranged over
	for _, p := range gs.Scheduled {
		if p.Amount.Amount.IsNil() || p.Amount.IsNegative() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "scheduled payment of %s: want an amount", p.ClaimId)
		}
		key := fmt.Sprint(p.InsurerId, "/", p.Amount.Denom)
		sum, ok := committed[key]
		if !ok {
			sum = math.ZeroInt()
		}
		committed[key] = sum.Add(Commitment(p))
	}
	for _, e := range gs.Escrows {
		if err := e.CheckInvariant(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		want, ok := committed[fmt.Sprint(e.InsurerId, "/", e.Denom)]
		if !ok {
			want = math.ZeroInt()
		}
		if !e.Committed.Equal(want) {
			return errorsmod.Wrapf(ErrInvalidGenesis, "escrow of insurer %d in %s: committed %s, but its scheduled payments commit %s",
				e.InsurerId, e.Denom, e.Committed, want)
		}
	}
	return nil
}

// CheckInvariant checks funded = balance + paid + withdrawn and that neither
// balance nor committed is negative (committed may exceed the balance: a
// shortfall).
func (e Escrow) CheckInvariant() error {
	if !e.Funded.Equal(e.Balance.Add(e.Paid).Add(e.Withdrawn)) {
		return errorsmod.Wrapf(ErrInvalidAmount, "escrow of insurer %d in %s: funded %s != balance %s + paid %s + withdrawn %s",
			e.InsurerId, e.Denom, e.Funded, e.Balance, e.Paid, e.Withdrawn)
	}
	if e.Committed.IsNegative() || e.Balance.IsNegative() {
		return errorsmod.Wrapf(ErrInvalidAmount, "escrow of insurer %d in %s has a negative balance or commitment", e.InsurerId, e.Denom)
	}
	return nil
}
