package types

import "cosmossdk.io/errors"

// Errors of the adjudication module, registered once. Codes start at 2.
var (
	ErrNotInsurer            = errors.Register(ModuleName, 2, "signer is not an active insurer")
	ErrInvalidPlan           = errors.Register(ModuleName, 3, "invalid plan")
	ErrPlanExists            = errors.Register(ModuleName, 4, "plan id already taken")
	ErrPlanNotFound          = errors.Register(ModuleName, 5, "plan not found")
	ErrNotPlanOwner          = errors.Register(ModuleName, 6, "plan belongs to another insurer")
	ErrInvalidEffective      = errors.Register(ModuleName, 7, "invalid effective date")
	ErrInvalidCoverage       = errors.Register(ModuleName, 8, "invalid coverage")
	ErrPseudonymTaken        = errors.Register(ModuleName, 9, "pseudonym already enrolled")
	ErrCoverageNotFound      = errors.Register(ModuleName, 10, "coverage not found")
	ErrAlreadyTerminated     = errors.Register(ModuleName, 11, "coverage already terminated")
	ErrDecisionNotFound      = errors.Register(ModuleName, 12, "decision not found")
	ErrInvalidGenesis        = errors.Register(ModuleName, 13, "invalid genesis")
	ErrAuthorizationNotFound = errors.Register(ModuleName, 14, "authorization not found")
	ErrInvalidRevision       = errors.Register(ModuleName, 15, "claim cannot be revised so")
)
