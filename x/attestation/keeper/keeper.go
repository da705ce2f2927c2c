package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"

	"github.com/claimchain/claimchain/x/attestation/types"
)

// AttestationKey is the primary key of an attestation: (provider member id, sequence).
type AttestationKey = collections.Pair[uint64, uint64]

// AttestationIndexes are the secondary indexes of the attestation store.
type AttestationIndexes struct {
	// Member lists attestations by member pseudonym.
	Member *indexes.Multi[string, AttestationKey, types.Attestation]
}

// IndexesList implements collections.Indexes.
func (i AttestationIndexes) IndexesList() []collections.Index[AttestationKey, types.Attestation] {
	return []collections.Index[AttestationKey, types.Attestation]{i.Member}
}

func newAttestationIndexes(sb *collections.SchemaBuilder) AttestationIndexes {
	return AttestationIndexes{
		Member: indexes.NewMulti(sb, types.AttestationsByMemberKey, "attestations_by_member",
			collections.StringKey, collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key),
			func(_ AttestationKey, a types.Attestation) (string, error) { return a.Member, nil }),
	}
}

// Keeper holds the attestations. State is declared here, once.
type Keeper struct {
	cdc     codec.BinaryCodec
	members types.MembershipKeeper

	Schema collections.Schema
	// Attestations are keyed by (provider id, sequence), so a provider's
	// attestations are one contiguous, ordered range.
	Attestations *collections.IndexedMap[AttestationKey, types.Attestation, AttestationIndexes]
	// ProviderSeqs is the last sequence each provider used. Each provider has its
	// own counter, so concurrent transactions of different providers never write
	// the same key (one shared counter would serialise every attestation).
	ProviderSeqs collections.Map[uint64, uint64]
}

// NewKeeper builds the attestation keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, members types.MembershipKeeper) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:     cdc,
		members: members,
		Attestations: collections.NewIndexedMap(sb, types.AttestationsKey, "attestations",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key),
			codec.CollValue[types.Attestation](cdc), newAttestationIndexes(sb)),
		ProviderSeqs: collections.NewMap(sb, types.ProviderSeqKey, "provider_seqs",
			collections.Uint64Key, collections.Uint64Value),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetAttestation returns an attestation by id, superseded or not. The error
// wraps types.ErrInvalidID for a malformed id and types.ErrNotFound for an
// unknown one. x/claims calls it to check what a claim bills for.
func (k *Keeper) GetAttestation(ctx context.Context, id string) (types.Attestation, error) {
	provider, seq, err := types.ParseAttestationID(id)
	if err != nil {
		return types.Attestation{}, err
	}
	a, err := k.Attestations.Get(ctx, collections.Join(provider, seq))
	switch {
	case errors.Is(err, collections.ErrNotFound):
		return types.Attestation{}, errorsmod.Wrapf(types.ErrNotFound, "attestation %s", id)
	case err != nil:
		return types.Attestation{}, err
	}
	return a, nil
}

// nextSequence advances and returns the provider's attestation sequence (from 1).
func (k *Keeper) nextSequence(ctx context.Context, providerID uint64) (uint64, error) {
	last, err := k.ProviderSeqs.Get(ctx, providerID)
	if err != nil && !errors.Is(err, collections.ErrNotFound) {
		return 0, err
	}
	next := last + 1
	return next, k.ProviderSeqs.Set(ctx, providerID, next)
}
