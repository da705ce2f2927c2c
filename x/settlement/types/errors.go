package types

import "cosmossdk.io/errors"

// Errors of the settlement module, registered once. Codes start at 2.
var (
	ErrNotInsurer        = errors.Register(ModuleName, 2, "signer is not an active insurer")
	ErrInvalidAmount     = errors.Register(ModuleName, 3, "invalid amount")
	ErrInsufficientFunds = errors.Register(ModuleName, 4, "escrow has not enough uncommitted funds")
	ErrInvalidHold       = errors.Register(ModuleName, 5, "invalid hold period")
	ErrAlreadyPaid       = errors.Register(ModuleName, 6, "claim already paid")
	ErrNotFound          = errors.Register(ModuleName, 7, "not found")
	ErrInvalidParams     = errors.Register(ModuleName, 8, "invalid params")
	ErrUnauthorized      = errors.Register(ModuleName, 9, "signer is not the module authority")
	ErrInvalidGenesis    = errors.Register(ModuleName, 10, "invalid genesis")
)
