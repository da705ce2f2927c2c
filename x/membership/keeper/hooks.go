package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// Hooks enforce consortium validators inside x/staking. The hooks that run
// inside msg execution (validator creation, delegation) return errors, which
// abort the msg on every path: a direct tx, authz MsgExec, a gov proposal or a
// genesis transaction. The hooks staking calls from its EndBlocker always
// return nil: an error there would halt the chain.
type Hooks struct{ k *Keeper }

var _ stakingtypes.StakingHooks = Hooks{}

// Hooks returns the staking hooks of the membership module.
func (k *Keeper) Hooks() Hooks { return Hooks{k: k} }

// AfterValidatorCreated refuses a validator whose operator is not an ACTIVE member.
func (h Hooks) AfterValidatorCreated(ctx context.Context, valAddr sdk.ValAddress) error {
	if _, err := h.k.ActiveMember(ctx, sdk.AccAddress(valAddr), types.MEMBER_KIND_UNSPECIFIED); err != nil {
		return errorsmod.Wrap(err, "only an admitted ACTIVE consortium member may create a validator")
	}
	return nil
}

// BeforeDelegationCreated allows only an ACTIVE member's self-delegation.
func (h Hooks) BeforeDelegationCreated(ctx context.Context, delAddr sdk.AccAddress, valAddr sdk.ValAddress) error {
	if !delAddr.Equals(sdk.AccAddress(valAddr)) {
		return errorsmod.Wrapf(types.ErrSelfDelegationOnly, "%s may not delegate to validator %s", delAddr, valAddr)
	}
	if _, err := h.k.ActiveMember(ctx, delAddr, types.MEMBER_KIND_UNSPECIFIED); err != nil {
		return errorsmod.Wrap(err, "only an ACTIVE consortium member may bond")
	}
	return nil
}

// BeforeDelegationSharesModified allows only self-delegations. It also runs when
// shares are unbonded (including removal's own unbonding), so it must not
// require ACTIVE status.
func (h Hooks) BeforeDelegationSharesModified(_ context.Context, delAddr sdk.AccAddress, valAddr sdk.ValAddress) error {
	if !delAddr.Equals(sdk.AccAddress(valAddr)) {
		return errorsmod.Wrapf(types.ErrSelfDelegationOnly, "%s may not delegate to validator %s", delAddr, valAddr)
	}
	return nil
}

func (Hooks) BeforeValidatorModified(context.Context, sdk.ValAddress) error { return nil }
func (Hooks) AfterValidatorRemoved(context.Context, sdk.ConsAddress, sdk.ValAddress) error {
	return nil
}
func (Hooks) AfterValidatorBonded(context.Context, sdk.ConsAddress, sdk.ValAddress) error { return nil }
func (Hooks) AfterValidatorBeginUnbonding(context.Context, sdk.ConsAddress, sdk.ValAddress) error {
	return nil
}
func (Hooks) BeforeDelegationRemoved(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}
func (Hooks) AfterDelegationModified(context.Context, sdk.AccAddress, sdk.ValAddress) error {
	return nil
}
func (Hooks) BeforeValidatorSlashed(context.Context, sdk.ValAddress, math.LegacyDec) error {
	return nil
}
func (Hooks) AfterUnbondingInitiated(context.Context, uint64) error { return nil }
