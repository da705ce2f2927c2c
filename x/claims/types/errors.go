package types

import "cosmossdk.io/errors"

// Errors of the claims module, registered once. Codes start at 2. Code-format
// errors (procedure, diagnosis, dates, pseudonyms) come from x/attestation's validators.
var (
	ErrInvalidClaim          = errors.Register(ModuleName, 2, "invalid claim")
	ErrInvalidLine           = errors.Register(ModuleName, 3, "invalid claim line")
	ErrNotProvider           = errors.Register(ModuleName, 4, "signer is not an active provider")
	ErrUnknownInsurer        = errors.Register(ModuleName, 5, "insurer is not an active insurer member")
	ErrAttestationNotFound   = errors.Register(ModuleName, 6, "attestation not found")
	ErrAttestationMismatch   = errors.Register(ModuleName, 7, "claim line does not match its attestation")
	ErrAttestationSuperseded = errors.Register(ModuleName, 8, "attestation is superseded")
	ErrAlreadyBilled         = errors.Register(ModuleName, 9, "attestation line already billed")
	ErrClaimNotFound         = errors.Register(ModuleName, 10, "claim not found")
	ErrNotSubmitter          = errors.Register(ModuleName, 11, "signer is not the provider that submitted the claim")
	ErrCannotVoid            = errors.Register(ModuleName, 12, "claim cannot be voided")
	ErrInvalidGenesis        = errors.Register(ModuleName, 13, "invalid genesis")
	ErrNotInsurer            = errors.Register(ModuleName, 14, "signer is not the claim's insurer")
	ErrCannotReview          = errors.Register(ModuleName, 15, "claim cannot be reviewed so")
	ErrCannotAppeal          = errors.Register(ModuleName, 16, "lines cannot be appealed")
	ErrAppealNotFound        = errors.Register(ModuleName, 17, "appeal not found")
)
