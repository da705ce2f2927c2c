package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis has no founding members; `claimchaind genesis add-member` adds them.
func DefaultGenesis() *GenesisState {
	return &GenesisState{Params: DefaultParams()}
}

// Validate checks the genesis state: valid params and members, unique ids,
// operators and identifiers.
func (gs GenesisState) Validate() error {
	if err := gs.Params.Validate(); err != nil {
		return err
	}
	ids := map[uint64]bool{}
	operators := map[string]bool{}
	identifiers := map[string]bool{}
	for _, m := range gs.Members {
		if err := m.Validate(); err != nil {
			return err
		}
		if ids[m.Id] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "duplicate member id %d", m.Id)
		}
		ids[m.Id] = true
		if operators[m.Operator] {
			return errorsmod.Wrapf(ErrOperatorTaken, "operator %s appears twice", m.Operator)
		}
		operators[m.Operator] = true
		for _, key := range IdentifierKeys(m.Npi, m.PayerId, m.NaicCode) {
			if identifiers[key] {
				return errorsmod.Wrapf(ErrDuplicateIdentifier, "%s appears twice", key)
			}
			identifiers[key] = true
		}
	}
	for _, b := range gs.PendingBurns {
		if !ids[b.MemberId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for unknown member %d", b.MemberId)
		}
		if b.Amount.IsNil() || !b.Amount.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for member %d has no positive amount", b.MemberId)
		}
	}
	return nil
}
