package types

import "cosmossdk.io/errors"

// Errors of the refdata module, registered once. Codes start at 2.
var (
	ErrUnauthorized    = errors.Register(ModuleName, 2, "signer is not the module authority")
	ErrNotLoader       = errors.Register(ModuleName, 3, "signer is not the appointed reference-data loader")
	ErrInvalidParams   = errors.Register(ModuleName, 4, "invalid params")
	ErrInvalidAddress  = errors.Register(ModuleName, 5, "invalid address")
	ErrInvalidKind     = errors.Register(ModuleName, 6, "invalid table kind")
	ErrInvalidRow      = errors.Register(ModuleName, 7, "invalid reference row")
	ErrInvalidChunk    = errors.Register(ModuleName, 8, "invalid chunk")
	ErrChunkOrder      = errors.Register(ModuleName, 9, "chunk out of order")
	ErrVersionExists   = errors.Register(ModuleName, 10, "table version exists or is not newer than every existing version")
	ErrVersionNotFound = errors.Register(ModuleName, 11, "table version not found")
	ErrNotStaging      = errors.Register(ModuleName, 12, "table version is not staging")
	ErrIncomplete      = errors.Register(ModuleName, 13, "staged version does not match the expected chunks, rows and content hash")
	ErrDuplicateRow    = errors.Register(ModuleName, 14, "row key already staged in this version")
	ErrInvalidDate     = errors.Register(ModuleName, 15, "invalid date")
	ErrInvalidReason   = errors.Register(ModuleName, 16, "invalid reason")
	ErrInvalidSource   = errors.Register(ModuleName, 17, "invalid source")
	ErrInvalidGenesis  = errors.Register(ModuleName, 18, "invalid genesis")
)
