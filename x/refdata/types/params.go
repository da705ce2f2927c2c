package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/limits"
)

const (
	// DefaultMaxRowsPerChunk keeps a PTP chunk near 100 kB, well inside a block.
	DefaultMaxRowsPerChunk = 2000
	// MaxRowsPerChunkLimit bounds what governance may set, so one chunk's work stays bounded.
	MaxRowsPerChunkLimit = limits.MaxRowsPerChunk
)

// DefaultParams: no loader appointed (nothing can be staged until governance
// appoints one), 2000 rows per chunk.
func DefaultParams() Params {
	return Params{Loader: "", MaxRowsPerChunk: DefaultMaxRowsPerChunk}
}

// Validate checks the params.
func (p Params) Validate() error {
	if p.Loader != "" {
		if _, err := sdk.AccAddressFromBech32(p.Loader); err != nil {
			return errorsmod.Wrapf(ErrInvalidParams, "loader %q: %s", p.Loader, err)
		}
	}
	if p.MaxRowsPerChunk == 0 || p.MaxRowsPerChunk > MaxRowsPerChunkLimit {
		return errorsmod.Wrapf(ErrInvalidParams, "max_rows_per_chunk %d: want 1 to %d", p.MaxRowsPerChunk, MaxRowsPerChunkLimit)
	}
	return nil
}

// GasPerRow is charged for every staged row on top of the store's own read and
// write gas: validation and hashing work grow with the chunk, never with the table.
const GasPerRow = 500
