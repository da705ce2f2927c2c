package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	collcodec "cosmossdk.io/collections/codec"

	"github.com/claimchain/claimchain/x/claims/types"
)

// ClaimKey is a claim's primary key: (provider member id, provider sequence).
type ClaimKey = collections.Pair[uint64, uint64]

// OrderKey sorts claims in submission order: (height, provider, sequence).
type OrderKey = collections.Triple[int64, uint64, uint64]

var orderKeyCodec = collections.TripleKeyCodec(collections.Int64Key, collections.Uint64Key, collections.Uint64Key)

// submissionIndex lists claims by a reference (provider, insurer, member,
// status) in submission order, so pagination.reverse gives newest first. It is
// an IndexedMap index: the map keeps it in step on every Set and Remove.
type submissionIndex[R any] struct {
	Keys collections.KeySet[collections.Pair[R, OrderKey]]
	ref  func(types.Claim) R
}

var _ collections.Index[ClaimKey, types.Claim] = (*submissionIndex[uint64])(nil)

func newSubmissionIndex[R any](sb *collections.SchemaBuilder, prefix collections.Prefix, name string,
	refCodec collcodec.KeyCodec[R], ref func(types.Claim) R,
) *submissionIndex[R] {
	return &submissionIndex[R]{
		Keys: collections.NewKeySet(sb, prefix, name, collections.PairKeyCodec(refCodec, orderKeyCodec)),
		ref:  ref,
	}
}

func orderOf(pk ClaimKey, c types.Claim) OrderKey {
	return collections.Join3(c.SubmittedHeight, pk.K1(), pk.K2())
}

// Reference implements collections.Index.
func (i *submissionIndex[R]) Reference(ctx context.Context, pk ClaimKey, newValue types.Claim, lazyOld func() (types.Claim, error)) error {
	old, err := lazyOld()
	switch {
	case err == nil:
		if err := i.Keys.Remove(ctx, collections.Join(i.ref(old), orderOf(pk, old))); err != nil {
			return err
		}
	case !errors.Is(err, collections.ErrNotFound):
		return err
	}
	return i.Keys.Set(ctx, collections.Join(i.ref(newValue), orderOf(pk, newValue)))
}

// Unreference implements collections.Index.
func (i *submissionIndex[R]) Unreference(ctx context.Context, pk ClaimKey, lazyOld func() (types.Claim, error)) error {
	old, err := lazyOld()
	if err != nil {
		return err
	}
	return i.Keys.Remove(ctx, collections.Join(i.ref(old), orderOf(pk, old)))
}

// ClaimIndexes are the secondary indexes of claims.
type ClaimIndexes struct {
	Provider *submissionIndex[uint64]
	Insurer  *submissionIndex[uint64]
	Member   *submissionIndex[string]
	Status   *submissionIndex[int32]
}

// IndexesList implements collections.Indexes.
func (i ClaimIndexes) IndexesList() []collections.Index[ClaimKey, types.Claim] {
	return []collections.Index[ClaimKey, types.Claim]{i.Provider, i.Insurer, i.Member, i.Status}
}

func newClaimIndexes(sb *collections.SchemaBuilder) ClaimIndexes {
	return ClaimIndexes{
		Provider: newSubmissionIndex(sb, types.ClaimsByProvider, "claims_by_provider", collections.Uint64Key,
			func(c types.Claim) uint64 { return c.ProviderId }),
		Insurer: newSubmissionIndex(sb, types.ClaimsByInsurerKey, "claims_by_insurer", collections.Uint64Key,
			func(c types.Claim) uint64 { return c.InsurerId }),
		Member: newSubmissionIndex(sb, types.ClaimsByMemberKey, "claims_by_member", collections.StringKey,
			func(c types.Claim) string { return c.Member }),
		Status: newSubmissionIndex(sb, types.ClaimsByStatusKey, "claims_by_status", collections.Int32Key,
			func(c types.Claim) int32 { return int32(c.Status) }),
	}
}
