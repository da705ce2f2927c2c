package types

import (
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// Summary is what the decision pays and denies: what screening, statistics
// and settlement need of it.
func (d Decision) Summary() claimstypes.DecisionSummary {
	benefit := d.TotalBenefit
	if benefit.IsNil() {
		benefit = math.ZeroInt()
	}
	s := claimstypes.DecisionSummary{Benefit: sdk.Coin{Denom: d.Denom, Amount: benefit}, Denied: d.Decision == DECISION_KIND_DENIED}
	for _, l := range d.Lines {
		if l.Decision == DECISION_KIND_DENIED {
			s.DeniedLines = append(s.DeniedLines, l.Sequence)
		}
	}
	return s
}
