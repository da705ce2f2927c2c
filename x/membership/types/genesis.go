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
	members := map[uint64]Member{}
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
		members[m.Id] = m
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
	burns := map[uint64]bool{}
	for _, b := range gs.PendingBurns {
		m, ok := members[b.MemberId]
		if !ok {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for unknown member %d", b.MemberId)
		}
		if m.Status != MEMBER_STATUS_REMOVED {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for member %d, which is %s, not REMOVED", b.MemberId, m.Status)
		}
		if b.Operator != m.Operator {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for member %d names operator %s, not the member's %s",
				b.MemberId, b.Operator, m.Operator)
		}
		if burns[b.MemberId] {
			return errorsmod.Wrapf(ErrInvalidGenesis, "two pending burns for member %d", b.MemberId)
		}
		burns[b.MemberId] = true
		if b.Amount.IsNil() || !b.Amount.IsPositive() {
			return errorsmod.Wrapf(ErrInvalidGenesis, "pending burn for member %d has no positive amount", b.MemberId)
		}
	}
	return nil
}
