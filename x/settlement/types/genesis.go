package types

import errorsmod "cosmossdk.io/errors"

// DefaultGenesis has default params and no escrow.
func DefaultGenesis() *GenesisState { return &GenesisState{Params: DefaultParams()} }

// Validate checks params and the escrow invariant.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	for _, e := range gs.Escrows {
		if err := e.CheckInvariant(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
	}
	return nil
}

// CheckInvariant checks funded = balance + paid + withdrawn and 0 <= committed <= balance.
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
