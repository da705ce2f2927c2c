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
	// coverage is set after construction (SetCoverageKeeper): x/adjudication
	// is built after this keeper.
	coverage types.CoverageKeeper
	// hooks are optional (SetHooks).
	hooks types.TreatmentHooks

	Schema collections.Schema
	// Attestations are keyed by (provider id, sequence), so a provider's
	// attestations are one contiguous, ordered range.
	Attestations *collections.IndexedMap[AttestationKey, types.Attestation, AttestationIndexes]
	// ProviderSeqs is the last sequence each provider used. Each provider has its
	// own counter, so concurrent transactions of different providers never write
	// the same key (one shared counter would serialise every attestation).
	ProviderSeqs collections.Map[uint64, uint64]
	// Responses holds the member's one response (confirmation or dispute) to
	// an attestation, keyed by attestation id.
	Responses collections.Map[string, types.TreatmentResponse]
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
		Responses: collections.NewMap(sb, types.ResponsesKey, "responses",
			collections.StringKey, codec.CollValue[types.TreatmentResponse](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetCoverageKeeper installs the coverage lookup of x/adjudication, which says
// which account may respond for a member; it may be set once.
func (k *Keeper) SetCoverageKeeper(c types.CoverageKeeper) {
	if k.coverage != nil {
		panic("attestation: coverage keeper already set")
	}
	k.coverage = c
}

// SetHooks installs the treatment hooks (x/claims); they may be set once.
func (k *Keeper) SetHooks(h types.TreatmentHooks) {
	if k.hooks != nil {
		panic("attestation: treatment hooks already set")
	}
	k.hooks = h
}

// GetTreatmentResponse returns the member's response to an attestation; the
// error wraps collections.ErrNotFound when the member has not responded.
func (k *Keeper) GetTreatmentResponse(ctx context.Context, attestationID string) (types.TreatmentResponse, error) {
	return k.Responses.Get(ctx, attestationID)
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
