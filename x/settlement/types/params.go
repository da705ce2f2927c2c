package types

import (
	"time"

	errorsmod "cosmossdk.io/errors"
)

// MaxHoldPeriod bounds an insurer's hold period.
const MaxHoldPeriod = 90 * 24 * time.Hour

// DefaultParams: 50 payments per block; insurers that set nothing hold claims for 72 hours.
func DefaultParams() Params {
	return Params{MaxPaymentsPerBlock: 50, DefaultHoldPeriod: 72 * time.Hour}
}

// Validate checks the params.
func (p Params) Validate() error {
	if p.MaxPaymentsPerBlock == 0 || p.MaxPaymentsPerBlock > 10_000 {
		return errorsmod.Wrap(ErrInvalidParams, "max_payments_per_block must be 1 to 10000")
	}
	return ValidateHoldPeriod(p.DefaultHoldPeriod)
}

// ValidateHoldPeriod checks a hold period: 0 to 90 days.
func ValidateHoldPeriod(d time.Duration) error {
	if d < 0 || d > MaxHoldPeriod {
		return errorsmod.Wrapf(ErrInvalidHold, "%s: a hold period is 0 to 90 days", d)
	}
	return nil
}
