package types

import "cosmossdk.io/errors"

// ModuleName is the name of the attestation module.
const ModuleName = "attestation"

// Errors of the attestation module, registered once. Codes start at 2.
// x/claims reuses the code-format errors through the validators in this package.
var (
	ErrInvalidDate        = errors.Register(ModuleName, 2, "invalid date")
	ErrInvalidCode        = errors.Register(ModuleName, 3, "invalid code")
	ErrInvalidLine        = errors.Register(ModuleName, 4, "invalid service line")
	ErrInvalidURI         = errors.Register(ModuleName, 5, "invalid resolver URI")
	ErrInvalidID          = errors.Register(ModuleName, 6, "invalid id")
	ErrInvalidPseudonym   = errors.Register(ModuleName, 7, "invalid member pseudonym")
	ErrNotProvider        = errors.Register(ModuleName, 8, "signer is not an active provider")
	ErrUnknownInsurer     = errors.Register(ModuleName, 9, "insurer is not an active insurer member")
	ErrNotFound           = errors.Register(ModuleName, 10, "attestation not found")
	ErrSuperseded         = errors.Register(ModuleName, 11, "attestation already superseded")
	ErrSupersedeMismatch  = errors.Register(ModuleName, 12, "amendment does not match the attestation it supersedes")
	ErrInvalidAttestation = errors.Register(ModuleName, 13, "invalid attestation")
	ErrInvalidGenesis     = errors.Register(ModuleName, 14, "invalid genesis")
	ErrNotMemberAccount   = errors.Register(ModuleName, 15, "signer is not the account enrolled for this member")
	ErrAlreadyResponded   = errors.Register(ModuleName, 16, "the member already responded to this attestation")
	ErrInvalidResponse    = errors.Register(ModuleName, 17, "invalid treatment response")
)
