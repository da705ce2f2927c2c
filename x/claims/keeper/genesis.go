package keeper

import (
	"context"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

// InitGenesis stores the claims, the sequences and the billed-line holders.
func (k *Keeper) InitGenesis(ctx context.Context, gs *types.GenesisState) error {
	if err := gs.Validate(); err != nil {
		return err
	}
	for _, s := range gs.Sequences {
		if err := k.ClaimSeq.Set(ctx, s.ProviderId, s.Sequence); err != nil {
			return err
		}
	}
	for _, c := range gs.Claims {
		pk, err := claimKey(c.Id)
		if err != nil {
			return err
		}
		if err := k.Claims.Set(ctx, pk, c); err != nil {
			return err
		}
	}
	for _, b := range gs.BilledLines {
		key, err := billedLineKey(b.AttestationId, b.AttestationLine)
		if err != nil {
			return err
		}
		if err := k.BilledLines.Set(ctx, key, b.ClaimId); err != nil {
			return err
		}
	}
	return nil
}

// ExportGenesis writes every claim and sequence out in key order.
func (k *Keeper) ExportGenesis(ctx context.Context) (*types.GenesisState, error) {
	gs := &types.GenesisState{}
	err := k.Claims.Walk(ctx, nil, func(_ ClaimKey, c types.Claim) (bool, error) {
		gs.Claims = append(gs.Claims, c)
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.ClaimSeq.Walk(ctx, nil, func(provider, seq uint64) (bool, error) {
		gs.Sequences = append(gs.Sequences, types.ProviderSequence{ProviderId: provider, Sequence: seq})
		return false, nil
	})
	if err != nil {
		return nil, err
	}
	err = k.BilledLines.Walk(ctx, nil, func(key BilledLineKey, claimID string) (bool, error) {
		gs.BilledLines = append(gs.BilledLines, types.BilledLine{
			AttestationId: attestationtypes.FormatID("ATT", key.K1(), key.K2()), AttestationLine: key.K3(), ClaimId: claimID,
		})
		return false, nil
	})
	return gs, err
}
