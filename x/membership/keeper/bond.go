package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// jailForever is the jail-until time of a suspended or removed member's
// validator: the latest time the SDK represents (as x/evidence uses for double signing).
var jailForever = evidencetypes.DoubleSignJailEndTime

// topUpBond mints what the operator lacks of the validator bond, so every
// member holds exactly one bond however it left the consortium before.
func (k *Keeper) topUpBond(ctx context.Context, operator sdk.AccAddress) (sdk.Coin, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return sdk.Coin{}, err
	}
	denom, err := k.staking.BondDenom(ctx)
	if err != nil {
		return sdk.Coin{}, err
	}
	held := k.bank.GetBalance(ctx, operator, denom).Amount
	missing := params.ValidatorBond.Sub(held)
	if !missing.IsPositive() {
		return sdk.NewCoin(denom, math.ZeroInt()), nil
	}
	coins := sdk.NewCoins(sdk.NewCoin(denom, missing))
	if err := k.bank.MintCoins(ctx, types.ModuleName, coins); err != nil {
		return sdk.Coin{}, err
	}
	if err := k.bank.SendCoinsFromModuleToAccount(ctx, types.ModuleName, operator, coins); err != nil {
		return sdk.Coin{}, err
	}
	return coins[0], nil
}

// validatorOf returns the member's validator, if it created one.
func (k *Keeper) validatorOf(ctx context.Context, m types.Member) (stakingtypes.Validator, bool, error) {
	operator, err := k.addressCodec.StringToBytes(m.Operator)
	if err != nil {
		return stakingtypes.Validator{}, false, err
	}
	val, err := k.staking.GetValidator(ctx, sdk.ValAddress(operator))
	if errors.Is(err, stakingtypes.ErrNoValidatorFound) {
		return stakingtypes.Validator{}, false, nil
	}
	return val, err == nil, err
}

// jailForever jails the member's validator (if any) and sets slashing's
// jail-until time to the end of time, which is what stops MsgUnjail (no staking
// hook sees an unjail). It reports whether a validator exists.
func (k *Keeper) jailValidatorForever(ctx context.Context, m types.Member) (bool, error) {
	val, found, err := k.validatorOf(ctx, m)
	if err != nil || !found {
		return false, err
	}
	consAddr, err := val.GetConsAddr()
	if err != nil {
		return false, err
	}
	if !val.IsJailed() {
		if err := k.staking.Jail(ctx, consAddr); err != nil {
			return false, err
		}
	}
	info, err := k.slashing.GetValidatorSigningInfo(ctx, consAddr)
	if err != nil {
		// Never bonded: create the record, or Unjail would skip the time check.
		info = slashingtypes.NewValidatorSigningInfo(consAddr, sdk.UnwrapSDKContext(ctx).BlockHeight(), 0, jailForever, false, 0)
	}
	info.JailedUntil = jailForever
	return true, k.slashing.SetValidatorSigningInfo(ctx, consAddr, info)
}

// releaseJail lets a reinstated member's operator unjail from now on.
func (k *Keeper) releaseJail(ctx context.Context, m types.Member) error {
	val, found, err := k.validatorOf(ctx, m)
	if err != nil || !found {
		return err
	}
	consAddr, err := val.GetConsAddr()
	if err != nil {
		return err
	}
	info, err := k.slashing.GetValidatorSigningInfo(ctx, consAddr)
	if err != nil {
		return nil // no record: nothing holds the validator in jail but staking itself
	}
	info.JailedUntil = sdk.UnwrapSDKContext(ctx).BlockTime()
	return k.slashing.SetValidatorSigningInfo(ctx, consAddr, info)
}

// unbondForBurn undelegates the operator's self-delegation and queues the
// returned tokens for burning once the unbonding matures.
func (k *Keeper) unbondForBurn(ctx context.Context, m types.Member) (*types.PendingBurn, error) {
	_, found, err := k.validatorOf(ctx, m)
	if err != nil || !found {
		return nil, err
	}
	operator, err := k.addressCodec.StringToBytes(m.Operator)
	if err != nil {
		return nil, err
	}
	valAddr := sdk.ValAddress(operator)
	del, err := k.staking.GetDelegation(ctx, operator, valAddr)
	if errors.Is(err, stakingtypes.ErrNoDelegation) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	matureAt, amount, err := k.staking.Undelegate(ctx, operator, valAddr, del.Shares)
	if err != nil {
		return nil, err
	}
	if !amount.IsPositive() {
		return nil, nil
	}
	burn := types.PendingBurn{MemberId: m.Id, Operator: m.Operator, Amount: amount, MatureAt: matureAt}
	if err := k.PendingBurns.Set(ctx, m.Id, burn); err != nil {
		return nil, err
	}
	return &burn, k.BurnQueue.Set(ctx, collections.Join(matureAt.Unix(), m.Id))
}

// burnLiquidBond burns whatever bond tokens the operator holds unstaked, up to
// limit (nil: all of them).
func (k *Keeper) burnLiquidBond(ctx context.Context, m types.Member) (math.Int, error) {
	return k.burnFromOperator(ctx, m.Operator, nil)
}

func (k *Keeper) burnFromOperator(ctx context.Context, operatorStr string, limit *math.Int) (math.Int, error) {
	operator, err := k.addressCodec.StringToBytes(operatorStr)
	if err != nil {
		return math.ZeroInt(), err
	}
	denom, err := k.staking.BondDenom(ctx)
	if err != nil {
		return math.ZeroInt(), err
	}
	amount := k.bank.GetBalance(ctx, operator, denom).Amount
	if limit != nil && limit.LT(amount) {
		amount = *limit
	}
	if !amount.IsPositive() {
		return math.ZeroInt(), nil
	}
	coins := sdk.NewCoins(sdk.NewCoin(denom, amount))
	if err := k.bank.SendCoinsFromAccountToModule(ctx, operator, types.ModuleName, coins); err != nil {
		return math.ZeroInt(), err
	}
	return amount, k.bank.BurnCoins(ctx, types.ModuleName, coins)
}
