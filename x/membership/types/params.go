package types

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
)

// DefaultValidatorBond is one unit of voting power at the default power reduction.
var DefaultValidatorBond = math.NewInt(1_000_000)

// DefaultMaxBurnsPerBlock bounds the EndBlock work of bond burns.
const DefaultMaxBurnsPerBlock = 10

// DefaultParams returns the default membership params.
func DefaultParams() Params {
	return Params{ValidatorBond: DefaultValidatorBond, MaxBurnsPerBlock: DefaultMaxBurnsPerBlock}
}

// Validate checks the params.
func (p Params) Validate() error {
	if p.ValidatorBond.IsNil() || !p.ValidatorBond.IsPositive() {
		return errorsmod.Wrap(ErrInvalidParams, "validator_bond must be positive")
	}
	if p.MaxBurnsPerBlock == 0 {
		return errorsmod.Wrap(ErrInvalidParams, "max_burns_per_block must be at least 1")
	}
	return nil
}
