package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/settlement/types"
)

// QueueKey orders scheduled payments per insurer by due time: (insurer, due unix seconds, claim id).
type QueueKey = collections.Triple[uint64, int64, string]

// RemittanceIndexes list remittances by provider and by insurer.
type RemittanceIndexes struct {
	Provider *indexes.Multi[uint64, string, types.Remittance]
	Insurer  *indexes.Multi[uint64, string, types.Remittance]
}

// IndexesList implements collections.Indexes.
func (i RemittanceIndexes) IndexesList() []collections.Index[string, types.Remittance] {
	return []collections.Index[string, types.Remittance]{i.Provider, i.Insurer}
}

// Keeper holds escrow, the payment queue and remittance advice. State is declared here, once.
type Keeper struct {
	cdc       codec.BinaryCodec
	authority string
	members   types.MembershipKeeper
	bank      types.BankKeeper
	decisions types.DecisionReader

	Schema collections.Schema
	Params collections.Item[types.Params]
	// Escrows: (insurer, denom) -> funded, balance, paid, withdrawn. The
	// committed amount is not kept here (every claim would rewrite the
	// record): it is the sum of the Commitments buckets, filled in on read.
	Escrows collections.Map[collections.Pair[uint64, string], types.Escrow]
	// Commitments: (insurer, denom, bucket 0..15) -> escrow committed to the
	// scheduled payments of the claims whose id falls in the bucket
	// (types.CommitmentBucket). A claim writes only its own bucket.
	Commitments collections.Map[CommitmentKey, math.Int]
	Settings    collections.Map[uint64, types.InsurerSettings]
	// Queue holds scheduled payments, per insurer, in due order.
	Queue collections.Map[QueueKey, types.ScheduledPayment]
	// QueueByClaim maps a claim to its queue key's due time.
	QueueByClaim collections.Map[string, int64]
	// QueueInsurers lists insurers with scheduled payments; Cursor rotates the
	// insurer served first, so no insurer's backlog starves another's.
	QueueInsurers collections.KeySet[uint64]
	Cursor        collections.Item[uint64]
	Remittances   *collections.IndexedMap[string, types.Remittance, RemittanceIndexes]
	ClaimPayments collections.Map[string, types.ClaimPayment]
	// Recoupments hold what providers owe insurers after corrections lowered
	// paid claims: (insurer, provider, denom).
	Recoupments collections.Map[RecoupmentKey, types.Recoupment]
}

// RecoupmentKey is (insurer, provider, denom).
type RecoupmentKey = collections.Triple[uint64, uint64, string]

// CommitmentKey is (insurer, denom, bucket).
type CommitmentKey = collections.Triple[uint64, string, uint32]

// NewKeeper builds the settlement keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService, authority string,
	members types.MembershipKeeper, bank types.BankKeeper, decisions types.DecisionReader,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc: cdc, authority: authority, members: members, bank: bank, decisions: decisions,
		Params: collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		Escrows: collections.NewMap(sb, types.EscrowsKey, "escrows",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), codec.CollValue[types.Escrow](cdc)),
		Commitments: collections.NewMap(sb, types.CommitmentsKey, "commitments",
			collections.TripleKeyCodec(collections.Uint64Key, collections.StringKey, collections.Uint32Key), sdk.IntValue),
		Settings: collections.NewMap(sb, types.SettingsKey, "settings", collections.Uint64Key, codec.CollValue[types.InsurerSettings](cdc)),
		Queue: collections.NewMap(sb, types.QueueKey, "queue",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Int64Key, collections.StringKey),
			codec.CollValue[types.ScheduledPayment](cdc)),
		QueueByClaim:  collections.NewMap(sb, types.QueueByClaimKey, "queue_by_claim", collections.StringKey, collections.Int64Value),
		QueueInsurers: collections.NewKeySet(sb, types.QueueInsurersKey, "queue_insurers", collections.Uint64Key),
		Cursor:        collections.NewItem(sb, types.CursorKey, "cursor", collections.Uint64Value),
		Remittances: collections.NewIndexedMap(sb, types.RemittancesKey, "remittances", collections.StringKey,
			codec.CollValue[types.Remittance](cdc), RemittanceIndexes{
				Provider: indexes.NewMulti(sb, types.RemitByProviderKey, "remittances_by_provider", collections.Uint64Key,
					collections.StringKey, func(_ string, r types.Remittance) (uint64, error) { return r.ProviderId, nil }),
				Insurer: indexes.NewMulti(sb, types.RemitByInsurerKey, "remittances_by_insurer", collections.Uint64Key,
					collections.StringKey, func(_ string, r types.Remittance) (uint64, error) { return r.InsurerId, nil }),
			}),
		ClaimPayments: collections.NewMap(sb, types.ClaimPaymentsKey, "claim_payments", collections.StringKey,
			codec.CollValue[types.ClaimPayment](cdc)),
		Recoupments: collections.NewMap(sb, types.RecoupmentsKey, "recoupments",
			collections.TripleKeyCodec(collections.Uint64Key, collections.Uint64Key, collections.StringKey),
			codec.CollValue[types.Recoupment](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// escrow returns an insurer's escrow in a denom as stored, zero if never
// funded; its Committed is not filled (see escrowWithCommitted).
func (k *Keeper) escrow(ctx context.Context, insurer uint64, denom string) (types.Escrow, error) {
	e, err := k.Escrows.Get(ctx, collections.Join(insurer, denom))
	if isNotFound(err) {
		z := math.ZeroInt()
		return types.Escrow{InsurerId: insurer, Denom: denom, Funded: z, Balance: z, Paid: z, Withdrawn: z, Committed: z}, nil
	}
	return e, err
}

// escrowWithCommitted returns an insurer's escrow with its committed amount:
// the sum of its (at most 16) commitment buckets. Only what needs the total
// reads it (withdrawal, the query, genesis export), never a claim.
func (k *Keeper) escrowWithCommitted(ctx context.Context, insurer uint64, denom string) (types.Escrow, error) {
	e, err := k.escrow(ctx, insurer, denom)
	if err != nil {
		return e, err
	}
	e.Committed, err = k.committed(ctx, insurer, denom)
	return e, err
}

// committed sums an insurer's commitment buckets in a denom.
func (k *Keeper) committed(ctx context.Context, insurer uint64, denom string) (math.Int, error) {
	sum := math.ZeroInt()
	err := k.Commitments.Walk(ctx, collections.NewSuperPrefixedTripleRange[uint64, string, uint32](insurer, denom),
		func(_ CommitmentKey, v math.Int) (bool, error) {
			sum = sum.Add(v)
			return false, nil
		})
	return sum, err
}

// commit adds (or, with release, gives back) a scheduled payment's
// commitment in the bucket of its claim; a bucket never goes below zero.
// A payment that commits nothing (a denied claim) touches no key.
func (k *Keeper) commit(ctx context.Context, p types.ScheduledPayment, release bool) error {
	c := types.Commitment(p)
	if c.IsZero() {
		return nil
	}
	key := collections.Join3(p.InsurerId, p.Amount.Denom, types.CommitmentBucket(p.ClaimId))
	v, err := k.Commitments.Get(ctx, key)
	if isNotFound(err) {
		v, err = math.ZeroInt(), nil
	}
	if err != nil {
		return err
	}
	if release {
		v = v.Sub(c)
	} else {
		v = v.Add(c)
	}
	if !v.IsPositive() {
		return k.Commitments.Remove(ctx, key)
	}
	return k.Commitments.Set(ctx, key, v)
}

// setEscrow checks and stores an escrow record; its Committed is derived
// from the buckets and stored as zero.
func (k *Keeper) setEscrow(ctx context.Context, e types.Escrow) error {
	if err := e.CheckInvariant(); err != nil {
		return err // never write a broken escrow
	}
	e.Committed = math.ZeroInt()
	return k.Escrows.Set(ctx, collections.Join(e.InsurerId, e.Denom), e)
}

// holdPeriod is the insurer's own setting, or the default.
func (k *Keeper) holdPeriod(ctx context.Context, insurer uint64) (types.InsurerSettings, error) {
	s, err := k.Settings.Get(ctx, insurer)
	if isNotFound(err) {
		p, err := k.Params.Get(ctx)
		if err != nil {
			return types.InsurerSettings{}, err
		}
		return types.InsurerSettings{InsurerId: insurer, HoldPeriod: p.DefaultHoldPeriod}, nil
	}
	return s, err
}

// IsPaid reports whether a claim was settled.
func (k *Keeper) IsPaid(ctx context.Context, claimID string) (bool, error) {
	return k.ClaimPayments.Has(ctx, claimID)
}

func (k *Keeper) activeInsurer(ctx context.Context, addr string) (uint64, sdk.AccAddress, error) {
	acc, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return 0, nil, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	m, err := k.members.ActiveInsurer(ctx, acc)
	if err != nil {
		return 0, nil, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	return m.Id, acc, nil
}

// TraceNumber is the deterministic trace number of one payment run.
func TraceNumber(insurer, provider uint64, height int64) string {
	return fmt.Sprintf("%d-%d-%d", insurer, provider, height)
}
