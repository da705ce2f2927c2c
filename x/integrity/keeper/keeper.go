package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/types"
)

var _ claimstypes.Integrity = (*Keeper)(nil)

// FlagKey names a flag: (claim id, rule id).
type FlagKey = collections.Pair[string, string]

// PeerBucketKey names a peer E/M bucket: (insurer, E/M family, bucket).
type PeerBucketKey = collections.Triple[uint64, string, uint32]

// FlagIndexes list flags by insurer, by provider and by rule.
type FlagIndexes struct {
	Insurer  *indexes.Multi[uint64, FlagKey, types.Flag]
	Provider *indexes.Multi[uint64, FlagKey, types.Flag]
	Rule     *indexes.Multi[string, FlagKey, types.Flag]
}

// IndexesList implements collections.Indexes.
func (i FlagIndexes) IndexesList() []collections.Index[FlagKey, types.Flag] {
	return []collections.Index[FlagKey, types.Flag]{i.Insurer, i.Provider, i.Rule}
}

// Keeper holds the flags, the rule counters, the insurers' thresholds and the
// provider statistics. State is declared here, once.
type Keeper struct {
	cdc       codec.BinaryCodec
	members   types.MembershipKeeper
	refdata   types.ReferenceData
	decisions types.Decisions

	Schema     collections.Schema
	Thresholds collections.Map[uint64, types.Thresholds]
	Flags      *collections.IndexedMap[FlagKey, types.Flag, FlagIndexes]
	// DayMinutes: (rendering NPI, date of service) -> typical minutes billed.
	DayMinutes collections.Map[collections.Pair[string, string], uint64]
	// EmCounters: (rendering NPI, E/M family) -> services and high-level services.
	EmCounters collections.Map[collections.Pair[string, string], types.EmCounter]
	// PeerEmCounters: (insurer, E/M family, bucket 0..15) -> services; a claim
	// writes the bucket of its id.
	PeerEmCounters collections.Map[PeerBucketKey, types.PeerEmCounter]
	// PeerEmTotals: (insurer, E/M family) -> the sum of its buckets as of the
	// end of the last block: what a claim reads for the peer share. Written
	// only by the EndBlocker, so no claim reads what another claim writes.
	PeerEmTotals collections.Map[collections.Pair[uint64, string], types.PeerEmTotal]
	// PeerEmChanged: the buckets written in the current block, which the
	// EndBlocker folds into PeerEmTotals and removes (empty between blocks).
	// Keyed by bucket like PeerEmCounters, so claims that do not share a
	// bucket do not share a key here either.
	PeerEmChanged collections.KeySet[PeerBucketKey]
	// WeekCounts: (provider, week) -> screened claims.
	WeekCounts    collections.Map[collections.Pair[uint64, int64], uint64]
	ProviderStats collections.Map[uint64, types.ProviderStats]
	// Contributions: claim id -> what the claim last added to its provider's statistics.
	Contributions collections.Map[string, types.ClaimContribution]
	// Screenings: claim id -> what screening it added to the counters.
	Screenings collections.Map[string, types.Screening]
}

// NewKeeper builds the integrity keeper.
func NewKeeper(cdc codec.BinaryCodec, storeService store.KVStoreService,
	members types.MembershipKeeper, refdata types.ReferenceData, decisions types.Decisions,
) *Keeper {
	sb := collections.NewSchemaBuilder(storeService)
	flagKey := collections.PairKeyCodec(collections.StringKey, collections.StringKey)
	peerBucketKey := collections.TripleKeyCodec(collections.Uint64Key, collections.StringKey, collections.Uint32Key)
	k := &Keeper{
		cdc: cdc, members: members, refdata: refdata, decisions: decisions,
		Thresholds: collections.NewMap(sb, types.ThresholdsKey, "thresholds", collections.Uint64Key,
			codec.CollValue[types.Thresholds](cdc)),
		Flags: collections.NewIndexedMap(sb, types.FlagsKey, "flags", flagKey, codec.CollValue[types.Flag](cdc), FlagIndexes{
			Insurer: indexes.NewMulti(sb, types.FlagsByInsurerKey, "flags_by_insurer", collections.Uint64Key, flagKey,
				func(_ FlagKey, f types.Flag) (uint64, error) { return f.InsurerId, nil }),
			Provider: indexes.NewMulti(sb, types.FlagsByProviderKey, "flags_by_provider", collections.Uint64Key, flagKey,
				func(_ FlagKey, f types.Flag) (uint64, error) { return f.ProviderId, nil }),
			Rule: indexes.NewMulti(sb, types.FlagsByRuleKey, "flags_by_rule", collections.StringKey, flagKey,
				func(_ FlagKey, f types.Flag) (string, error) { return f.RuleId, nil }),
		}),
		DayMinutes: collections.NewMap(sb, types.DayMinutesKey, "day_minutes",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), collections.Uint64Value),
		EmCounters: collections.NewMap(sb, types.EmCountersKey, "em_counters",
			collections.PairKeyCodec(collections.StringKey, collections.StringKey), codec.CollValue[types.EmCounter](cdc)),
		PeerEmCounters: collections.NewMap(sb, types.PeerEmCountersKey, "peer_em_counters", peerBucketKey,
			codec.CollValue[types.PeerEmCounter](cdc)),
		PeerEmTotals: collections.NewMap(sb, types.PeerEmTotalsKey, "peer_em_totals",
			collections.PairKeyCodec(collections.Uint64Key, collections.StringKey), codec.CollValue[types.PeerEmTotal](cdc)),
		PeerEmChanged: collections.NewKeySet(sb, types.PeerEmChangedKey, "peer_em_changed", peerBucketKey),
		WeekCounts: collections.NewMap(sb, types.WeekCountsKey, "week_counts",
			collections.PairKeyCodec(collections.Uint64Key, collections.Int64Key), collections.Uint64Value),
		ProviderStats: collections.NewMap(sb, types.ProviderStatsKey, "provider_stats", collections.Uint64Key,
			codec.CollValue[types.ProviderStats](cdc)),
		Contributions: collections.NewMap(sb, types.ContributionsKey, "contributions", collections.StringKey,
			codec.CollValue[types.ClaimContribution](cdc)),
		Screenings: collections.NewMap(sb, types.ScreeningsKey, "screenings", collections.StringKey,
			codec.CollValue[types.Screening](cdc)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }

// counterGas charges for n counter reads or writes.
func counterGas(ctx context.Context, n int, what string) {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.GasPerCounter*uint64(n), what)
}

// GetThresholds returns an insurer's thresholds, or the defaults (and true) when it set none.
func (k *Keeper) GetThresholds(ctx context.Context, insurer uint64) (types.Thresholds, bool, error) {
	t, err := k.Thresholds.Get(ctx, insurer)
	if isNotFound(err) {
		return types.DefaultThresholds(insurer), true, nil
	}
	return t, false, err
}

// ClaimFlags returns a claim's flags in rule-id order (at most one per rule).
func (k *Keeper) ClaimFlags(ctx context.Context, claimID string) ([]types.Flag, error) {
	var out []types.Flag
	err := k.Flags.Walk(ctx, collections.NewPrefixedPairRange[string, string](claimID),
		func(_ FlagKey, f types.Flag) (bool, error) {
			out = append(out, f)
			return false, nil
		})
	return out, err
}

// providerStats returns a provider's statistics, empty when it has none.
func (k *Keeper) providerStats(ctx context.Context, provider uint64) (types.ProviderStats, error) {
	s, err := k.ProviderStats.Get(ctx, provider)
	if isNotFound(err) {
		return types.ProviderStats{ProviderId: provider}, nil
	}
	return s, err
}

// activeInsurer returns the member id of the signer, an ACTIVE insurer.
func (k *Keeper) activeInsurer(ctx context.Context, addr string) (uint64, error) {
	acc, err := sdk.AccAddressFromBech32(addr)
	if err != nil {
		return 0, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	m, err := k.members.ActiveInsurer(ctx, acc)
	if err != nil {
		return 0, errorsmod.Wrap(types.ErrNotInsurer, err.Error())
	}
	return m.Id, nil
}
