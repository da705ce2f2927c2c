package types

import "cosmossdk.io/errors"

// Errors of the membership module, registered once. Codes start at 2.
var (
	ErrUnauthorized        = errors.Register(ModuleName, 2, "signer is not the module authority")
	ErrInvalidKind         = errors.Register(ModuleName, 3, "invalid member kind")
	ErrInvalidName         = errors.Register(ModuleName, 4, "invalid organisation name")
	ErrInvalidNPI          = errors.Register(ModuleName, 5, "invalid NPI")
	ErrInvalidPayerID      = errors.Register(ModuleName, 6, "invalid X12 payer id")
	ErrInvalidNAIC         = errors.Register(ModuleName, 7, "invalid NAIC company code")
	ErrMissingIdentifier   = errors.Register(ModuleName, 8, "missing identifier")
	ErrInvalidHash         = errors.Register(ModuleName, 9, "invalid content hash")
	ErrInvalidAddress      = errors.Register(ModuleName, 10, "invalid address")
	ErrMemberNotFound      = errors.Register(ModuleName, 11, "member not found")
	ErrDuplicateIdentifier = errors.Register(ModuleName, 12, "identifier already registered to another member")
	ErrOperatorTaken       = errors.Register(ModuleName, 13, "operator account already belongs to a member")
	ErrInvalidTransition   = errors.Register(ModuleName, 14, "status change not allowed")
	ErrNotActiveMember     = errors.Register(ModuleName, 15, "not an active consortium member")
	ErrSelfDelegationOnly  = errors.Register(ModuleName, 16, "only self-delegation is allowed")
	ErrBurnPending         = errors.Register(ModuleName, 17, "the member's previous bond is still unbonding")
	ErrInvalidParams       = errors.Register(ModuleName, 18, "invalid params")
	ErrInvalidReason       = errors.Register(ModuleName, 19, "invalid reason")
	ErrInvalidGenesis      = errors.Register(ModuleName, 20, "invalid genesis")
	ErrKindMismatch        = errors.Register(ModuleName, 21, "member kind does not match")
)
