package keeper

import (
	"context"

	errorsmod "cosmossdk.io/errors"

	"github.com/claimchain/claimchain/x/adjudication/types"
)

// MemberAccount returns the account enrolled for a member's coverage with an
// insurer (Coverage.member_account): "" with no error when the insurer enrolled
// the member without an account, and an error wrapping ErrCoverageNotFound
// when the member has no coverage with that insurer. Ended coverage still
// counts. x/attestation calls it to check who may confirm or dispute care.
func (k *Keeper) MemberAccount(ctx context.Context, member string, insurerID uint64) (string, error) {
	cov, err := k.Coverages.Get(ctx, member)
	switch {
	case isNotFound(err):
		return "", errorsmod.Wrap(types.ErrCoverageNotFound, "no coverage for this pseudonym")
	case err != nil:
		return "", err
	case cov.InsurerId != insurerID:
		return "", errorsmod.Wrapf(types.ErrCoverageNotFound, "the member is not covered by insurer %d", insurerID)
	}
	return cov.MemberAccount, nil
}
