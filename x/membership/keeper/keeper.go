package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"
	"cosmossdk.io/core/address"
	"cosmossdk.io/core/store"
	errorsmod "cosmossdk.io/errors"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// MemberIndexes are the secondary indexes of the member registry.
type MemberIndexes struct {
	// Operator maps an operator account to its member (one member per account).
	Operator *indexes.Unique[sdk.AccAddress, uint64, types.Member]
	// Kind lists members by kind.
	Kind *indexes.Multi[int32, uint64, types.Member]
	// Status lists members by status.
	Status *indexes.Multi[int32, uint64, types.Member]
	// KindStatus lists members by kind and status together.
	KindStatus *indexes.Multi[collections.Pair[int32, int32], uint64, types.Member]
}

// IndexesList implements collections.Indexes.
func (i MemberIndexes) IndexesList() []collections.Index[uint64, types.Member] {
	return []collections.Index[uint64, types.Member]{i.Operator, i.Kind, i.Status, i.KindStatus}
}

func newMemberIndexes(sb *collections.SchemaBuilder, ac address.Codec) MemberIndexes {
	return MemberIndexes{
		Operator: indexes.NewUnique(sb, types.MembersByOperatorKey, "members_by_operator",
			sdk.AccAddressKey, collections.Uint64Key,
			func(_ uint64, m types.Member) (sdk.AccAddress, error) { return ac.StringToBytes(m.Operator) }),
		Kind: indexes.NewMulti(sb, types.MembersByKindKey, "members_by_kind",
			collections.Int32Key, collections.Uint64Key,
			func(_ uint64, m types.Member) (int32, error) { return int32(m.Kind), nil }),
		Status: indexes.NewMulti(sb, types.MembersByStatusKey, "members_by_status",
			collections.Int32Key, collections.Uint64Key,
			func(_ uint64, m types.Member) (int32, error) { return int32(m.Status), nil }),
		KindStatus: indexes.NewMulti(sb, types.MembersByKindStatKey, "members_by_kind_status",
			collections.PairKeyCodec(collections.Int32Key, collections.Int32Key), collections.Uint64Key,
			func(_ uint64, m types.Member) (collections.Pair[int32, int32], error) {
				return collections.Join(int32(m.Kind), int32(m.Status)), nil
			}),
	}
}

// Keeper holds the consortium registry. State is declared here, once.
type Keeper struct {
	cdc          codec.BinaryCodec
	addressCodec address.Codec
	// authority is the fallback signer of governance msgs (the gov module account)
	// when consensus params name no authority.
	authority string

	bank     types.BankKeeper
	staking  types.StakingKeeper
	slashing types.SlashingKeeper

	Schema    collections.Schema
	Params    collections.Item[types.Params]
	MemberSeq collections.Sequence
	Members   *collections.IndexedMap[uint64, types.Member, MemberIndexes]
	// Identifiers maps "npi:…", "payer:…", "naic:…" to the member holding it.
	Identifiers collections.Map[string, uint64]
	// PendingBurns holds each removed member's unbonding bond, by member id.
	PendingBurns collections.Map[uint64, types.PendingBurn]
	// BurnQueue orders pending burns by maturity (unix seconds, member id).
	BurnQueue collections.KeySet[collections.Pair[int64, uint64]]
}

// NewKeeper builds the membership keeper.
func NewKeeper(
	cdc codec.BinaryCodec,
	storeService store.KVStoreService,
	ak types.AccountKeeper,
	bk types.BankKeeper,
	sk types.StakingKeeper,
	slk types.SlashingKeeper,
	authority string,
) *Keeper {
	if ak.GetModuleAddress(types.ModuleName) == nil {
		panic(fmt.Sprintf("%s module account has not been set", types.ModuleName))
	}
	if _, err := ak.AddressCodec().StringToBytes(authority); err != nil {
		panic(fmt.Errorf("invalid membership authority address: %w", err))
	}
	sb := collections.NewSchemaBuilder(storeService)
	k := &Keeper{
		cdc:          cdc,
		addressCodec: ak.AddressCodec(),
		authority:    authority,
		bank:         bk,
		staking:      sk,
		slashing:     slk,
		Params:       collections.NewItem(sb, types.ParamsKey, "params", codec.CollValue[types.Params](cdc)),
		MemberSeq:    collections.NewSequence(sb, types.MemberSeqKey, "member_seq"),
		Members: collections.NewIndexedMap(sb, types.MembersKey, "members",
			collections.Uint64Key, codec.CollValue[types.Member](cdc), newMemberIndexes(sb, ak.AddressCodec())),
		Identifiers: collections.NewMap(sb, types.IdentifiersKey, "identifiers",
			collections.StringKey, collections.Uint64Value),
		PendingBurns: collections.NewMap(sb, types.PendingBurnsKey, "pending_burns",
			collections.Uint64Key, codec.CollValue[types.PendingBurn](cdc)),
		BurnQueue: collections.NewKeySet(sb, types.BurnQueueKey, "burn_queue",
			collections.PairKeyCodec(collections.Int64Key, collections.Uint64Key)),
	}
	schema, err := sb.Build()
	if err != nil {
		panic(err)
	}
	k.Schema = schema
	return k
}

// GetAuthority returns the fallback authority (the gov module account).
func (k *Keeper) GetAuthority() string { return k.authority }

// checkAuthority accepts the consensus-params authority when one is set, and
// otherwise the keeper's authority.
func (k *Keeper) checkAuthority(ctx context.Context, signer string) error {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), k.authority, signer); err != nil {
		return errorsmod.Wrap(types.ErrUnauthorized, err.Error())
	}
	return nil
}

// GetMember returns a member by id.
func (k *Keeper) GetMember(ctx context.Context, id uint64) (types.Member, error) {
	m, err := k.Members.Get(ctx, id)
	if err != nil {
		return types.Member{}, errorsmod.Wrapf(types.ErrMemberNotFound, "member %d", id)
	}
	return m, nil
}

// MemberByOperator returns the member whose operator is addr.
func (k *Keeper) MemberByOperator(ctx context.Context, addr sdk.AccAddress) (types.Member, error) {
	id, err := k.Members.Indexes.Operator.MatchExact(ctx, addr)
	if err != nil {
		return types.Member{}, errorsmod.Wrapf(types.ErrMemberNotFound, "no member has operator %s", addr)
	}
	return k.GetMember(ctx, id)
}

// ActiveMember answers "is this address an active member of this kind, and which
// member is it". Other modules call it to authorise their msgs. Pass
// MEMBER_KIND_UNSPECIFIED to accept either kind.
func (k *Keeper) ActiveMember(ctx context.Context, addr sdk.AccAddress, kind types.MemberKind) (types.Member, error) {
	m, err := k.MemberByOperator(ctx, addr)
	if err != nil {
		return types.Member{}, errorsmod.Wrapf(types.ErrNotActiveMember, "%s is not a consortium member", addr)
	}
	if m.Status != types.MEMBER_STATUS_ACTIVE {
		return types.Member{}, errorsmod.Wrapf(types.ErrNotActiveMember, "member %d (%s) is %s", m.Id, m.Name, m.Status)
	}
	if kind != types.MEMBER_KIND_UNSPECIFIED && m.Kind != kind {
		return types.Member{}, errorsmod.Wrapf(types.ErrKindMismatch, "member %d (%s) is %s, not %s", m.Id, m.Name, m.Kind, kind)
	}
	return m, nil
}

// ActiveProvider reports the active provider member operated by addr.
func (k *Keeper) ActiveProvider(ctx context.Context, addr sdk.AccAddress) (types.Member, error) {
	return k.ActiveMember(ctx, addr, types.MEMBER_KIND_PROVIDER)
}

// ActiveInsurer reports the active insurer member operated by addr.
func (k *Keeper) ActiveInsurer(ctx context.Context, addr sdk.AccAddress) (types.Member, error) {
	return k.ActiveMember(ctx, addr, types.MEMBER_KIND_INSURER)
}
