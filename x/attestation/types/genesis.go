package types

import (
	errorsmod "cosmossdk.io/errors"
)

// DefaultGenesis holds no attestations.
func DefaultGenesis() *GenesisState { return &GenesisState{} }

// Validate checks the genesis state: valid attestations with unique ids, one
// sequence per provider at or above the highest sequence it has used,
// amendment links that point both ways between existing attestations, and at
// most one valid response per attestation, about that attestation's member.
func (gs GenesisState) Validate() error {
	// Maps here are lookups only; nothing iterates them.
	seqs := make(map[uint64]uint64, len(gs.Sequences))
	for _, s := range gs.Sequences {
		if s.ProviderId == 0 {
			return errorsmod.Wrap(ErrInvalidGenesis, "sequence with provider_id 0")
		}
		if _, dup := seqs[s.ProviderId]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "provider %d has two sequences", s.ProviderId)
		}
		seqs[s.ProviderId] = s.Sequence
	}
	byID := make(map[string]Attestation, len(gs.Attestations))
	for _, a := range gs.Attestations {
		if err := a.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		if _, dup := byID[a.Id]; dup {
			return errorsmod.Wrapf(ErrInvalidGenesis, "attestation %s listed twice", a.Id)
		}
		byID[a.Id] = a
		_, seq, _ := ParseAttestationID(a.Id)
		if last, ok := seqs[a.ProviderId]; !ok || seq > last {
			return errorsmod.Wrapf(ErrInvalidGenesis, "attestation %s uses sequence %d but provider %d's sequence is %d",
				a.Id, seq, a.ProviderId, last)
		}
	}
	for _, a := range gs.Attestations {
		if a.Supersedes != "" {
			old, ok := byID[a.Supersedes]
			switch {
			case !ok:
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s supersedes %s, which is not in genesis", a.Id, a.Supersedes)
			case old.SupersededBy != a.Id:
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s supersedes %s, whose superseded_by is %q",
					a.Id, a.Supersedes, old.SupersededBy)
			case old.InsurerId != a.InsurerId || old.Member != a.Member:
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s supersedes %s of another insurer or member", a.Id, a.Supersedes)
			}
		}
		if a.SupersededBy != "" {
			if next, ok := byID[a.SupersededBy]; !ok || next.Supersedes != a.Id {
				return errorsmod.Wrapf(ErrInvalidGenesis, "%s is superseded_by %s, which does not supersede it",
					a.Id, a.SupersededBy)
			}
		}
	}
	responded := make(map[string]bool, len(gs.Responses))
	for _, r := range gs.Responses {
		if err := r.Validate(); err != nil {
			return errorsmod.Wrap(ErrInvalidGenesis, err.Error())
		}
		a, ok := byID[r.AttestationId]
		switch {
		case !ok:
			return errorsmod.Wrapf(ErrInvalidGenesis, "response to %s, which is not in genesis", r.AttestationId)
		case a.Member != r.Member:
			return errorsmod.Wrapf(ErrInvalidGenesis, "response to %s is about another member", r.AttestationId)
		case responded[r.AttestationId]:
			return errorsmod.Wrapf(ErrInvalidGenesis, "two responses to %s", r.AttestationId)
		}
		responded[r.AttestationId] = true
	}
	return nil
}
