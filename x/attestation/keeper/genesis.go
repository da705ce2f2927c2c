package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/claimchain/claimchain/x/attestation/types"
)

// InitGenesis stores the attestations, each provider's sequence and the
// members' responses.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	for _, s := range gs.Sequences {
		if err := k.ProviderSeqs.Set(ctx, s.ProviderId, s.Sequence); err != nil {
			return err
		}
	}
	for _, a := range gs.Attestations {
		_, seq, _ := types.ParseAttestationID(a.Id) // Validate checked it
		if err := k.Attestations.Set(ctx, collections.Join(a.ProviderId, seq), a); err != nil {
			return err
		}
	}
	for _, r := range gs.Responses {
		if err := k.Responses.Set(ctx, r.AttestationId, r); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes the attestations out in (provider, sequence) order,
// the sequences in provider order and the responses in attestation id order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	err := k.Attestations.Walk(ctx, nil, func(_ AttestationKey, a types.Attestation) (bool, error) {
		gs.Attestations = append(gs.Attestations, a)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.ProviderSeqs.Walk(ctx, nil, func(provider, seq uint64) (bool, error) {
		gs.Sequences = append(gs.Sequences, types.ProviderSequence{ProviderId: provider, Sequence: seq})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.Responses.Walk(ctx, nil, func(_ string, r types.TreatmentResponse) (bool, error) {
		gs.Responses = append(gs.Responses, r)
		return false, nil
	})
	return gs, err
}
