package types

import "cosmossdk.io/errors"

// Errors of the integrity module, registered once. Codes start at 2.
var (
	ErrNotInsurer        = errors.Register(ModuleName, 2, "signer is not an active insurer")
	ErrInvalidThresholds = errors.Register(ModuleName, 3, "invalid thresholds")
	ErrNotFound          = errors.Register(ModuleName, 4, "not found")
	ErrInvalidGenesis    = errors.Register(ModuleName, 5, "invalid genesis")
	ErrInconsistent      = errors.Register(ModuleName, 6, "statistics out of step")
)
