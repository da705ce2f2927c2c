package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// ValidatorLister is what CheckGenesisValidators needs of x/staking.
type ValidatorLister interface {
	GetAllValidators(ctx context.Context) ([]stakingtypes.Validator, error)
	GetAllDelegations(ctx context.Context) ([]stakingtypes.Delegation, error)
}

// CheckGenesisValidators enforces the consortium rules on a genesis that
// x/staking imported without running its hooks (an exported genesis): every
// validator that is not jailed belongs to an ACTIVE member, and every delegation
// is a self-delegation. Called once from InitChain, never in a block.
func (k *Keeper) CheckGenesisValidators(ctx context.Context, sk ValidatorLister) error {
	validators, err := sk.GetAllValidators(ctx)
	if err != nil {
		return err
	}
	for _, v := range validators {
		if v.IsJailed() {
			continue // suspended or removed members' validators stay jailed
		}
		valAddr, err := sdk.ValAddressFromBech32(v.OperatorAddress)
		if err != nil {
			return err
		}
		if _, err := k.ActiveMember(ctx, sdk.AccAddress(valAddr), types.MEMBER_KIND_UNSPECIFIED); err != nil {
			return errorsmod.Wrapf(err, "genesis validator %s", v.OperatorAddress)
		}
	}
	delegations, err := sk.GetAllDelegations(ctx)
	if err != nil {
		return err
	}
	for _, d := range delegations {
		valAddr, err := sdk.ValAddressFromBech32(d.ValidatorAddress)
		if err != nil {
			return err
		}
		if sdk.AccAddress(valAddr).String() != d.DelegatorAddress {
			return errorsmod.Wrapf(types.ErrSelfDelegationOnly, "genesis delegation of %s to %s", d.DelegatorAddress, d.ValidatorAddress)
		}
	}
	return nil
}
