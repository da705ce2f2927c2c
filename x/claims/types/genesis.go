package types

import (
	"fmt"

	errorsmod "cosmossdk.io/errors"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
)

// DefaultGenesis has no claims.
func DefaultGenesis() *GenesisState { return &GenesisState{} }

// Validate checks that ids match their provider and sequence, are unique, and
// that each provider's stored sequence is at least its highest claim.
func (gs GenesisState) Validate() error {
	highest := map[uint64]uint64{}
	seen := map[string]bool{}
	for _, c := range gs.Claims {
		provider, seq, err := attestationtypes.ParseID(IDPrefix, c.Id)
		if err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if provider != c.ProviderId {
			return errorsmod.Wrapf(ErrInvalidGenesis, "claim %s has provider_id %d", c.Id, c.ProviderId)
		}
		if seen[c.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "claim %s appears twice", c.Id)
		}
		seen[c.Id] = true
		highest[provider] = max(highest[provider], seq)
	}
	stored := map[uint64]uint64{}
	for _, s := range gs.Sequences {
		if _, dup := stored[s.ProviderId]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "two sequences for provider %d", s.ProviderId)
		}
		stored[s.ProviderId] = s.Sequence
	}
	held := map[string]bool{}
	for _, b := range gs.BilledLines {
		if !seen[b.ClaimId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "billed line %s#%d is held by unknown claim %s", b.AttestationId, b.AttestationLine, b.ClaimId)
		}
		line := fmt.Sprintf("%s#%d", b.AttestationId, b.AttestationLine)
		if held[line] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "billed line %s appears twice", line)
		}
		held[line] = true
	}
	for _, c := range gs.Claims {
		if stored[c.ProviderId] < highest[c.ProviderId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "provider %d's sequence %d is below its claim %s",
				c.ProviderId, stored[c.ProviderId], c.Id)
		}
	}
	return nil
}
