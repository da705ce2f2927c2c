package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

// BilledLineKey names one attested service line: (attestation provider,
// attestation sequence, line number).
type BilledLineKey = collections.Triple[uint64, uint64, uint32]

// Keeper stores claims. State is declared here, once.
type Keeper struct {
	cdc          codec.BinaryCodec
	members      types.MembershipKeeper
	attestations types.AttestationKeeper
	adjudicator  types.Adjudicator
	settler      types.Settler
	integrity    types.Integrity

	Schema collections.Schema
	Claims *collections.IndexedMap[ClaimKey, types.Claim, ClaimIndexes]
	// ClaimSeq is each provider's last claim sequence: ids never contend on one counter.
	ClaimSeq collections.Map[uint64, uint64]
	// BilledLines maps an attested service line to the claim that bills it.
	BilledLines collections.Map[BilledLineKey, string]
}

// NewKeeper builds the claims keeper. The adjudicator is set later with
// SetAdjudicator (x/adjudication is built after x/claims).
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService,
	members types.MembershipKeeper, attestations types.AttestationKeeper,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:          cdc,
		members:      members,
		attestations: attestations,
		Claims: collections.NewIndexedMap(sb, types.ClaimsKey, "claims",
			collections.PairKeyCodec(collections.Uint64Key, collections.Uint64Key),
			codec.CollValue[types.Claim](cdc), newClaimIndexes(sb)),
		ClaimSeq: collections.NewMap(sb, types.ClaimSeqKey, "claim_seq", collections.Uint64Key, collections.Uint64Value),
		BilledLines: collections.NewMap(sb, types.BilledLinesKey, "billed_lines",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.Uint32Key),
			collections.StringValue),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// SetAdjudicator installs the adjudicator; it may be set once.
func (k *Keeper) SetAdjudicator(a types.Adjudicator) {
	if k.adjudicator != nil {
		panic("claims: adjudicator already set")
	}
	k.adjudicator = a
}

// SetSettler installs the settlement seam; it may be set once.
func (k *Keeper) SetSettler(s types.Settler) {
	if k.settler != nil {
		panic("claims: settler already set")
	}
	k.settler = s
}

// SetIntegrity installs the fraud-flag and statistics seam; it may be set once.
func (k *Keeper) SetIntegrity(i types.Integrity) {
	if k.integrity != nil {
		panic("claims: integrity already set")
	}
	k.integrity = i
}

// GetClaim returns a claim by id.
func (k *Keeper) GetClaim(ctx context.Context, id string) (types.Claim, error) {
	pk, err := claimKey(id)
	if err != nil {
		return types.Claim{}, err
	}
	c, err := k.Claims.Get(ctx, pk)
	if err != nil {
		return types.Claim{}, errorsmod.Wrapf(types.ErrClaimNotFound, "%s", id)
	}
	return c, nil
}

// claimKey parses a claim id into its primary key.
func claimKey(id string) (ClaimKey, error) {
	provider, seq, err := attestationtypes.ParseID(types.IDPrefix, id)
	if err != nil {
		return ClaimKey{}, err
	}
	return collections.Join(provider, seq), nil
}

// nextClaimID draws the provider's next claim id.
func (k *Keeper) nextClaimID(ctx context.Context, provider uint64) (ClaimKey, string, error) {
	last, err := k.ClaimSeq.Get(ctx, provider)
	if err != nil && !errorsIsNotFound(err) {
		return ClaimKey{}, "", err
	}
	seq := last + 1
	if err := k.ClaimSeq.Set(ctx, provider, seq); err != nil {
		return ClaimKey{}, "", err
	}
	return collections.Join(provider, seq), attestationtypes.FormatID(types.IDPrefix, provider, seq), nil
}

// billedLineKey parses an attestation id into the key of one of its lines.
func billedLineKey(attestationID string, line uint32) (BilledLineKey, error) {
	provider, seq, err := attestationtypes.ParseID("ATT", attestationID)
	if err != nil {
		return BilledLineKey{}, err
	}
	return collections.Join3(provider, seq, line), nil
}

func lineName(k BilledLineKey) string {
	return fmt.Sprintf("%s line %d", attestationtypes.FormatID("ATT", k.K1(), k.K2()), k.K3())
}
