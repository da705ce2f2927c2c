package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/adjudication/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// HistoryKey is ("<member>|<rendering NPI>|<date of service>", "<claim id>#<line>"):
// one prefix per member, practitioner and day, so the duplicate and MUE edits
// read exactly the lines of that day, whatever the size of state.
type HistoryKey = collections.Pair[string, string]

func historyDay(member, npi, date string) string { return member + "|" + npi + "|" + date }

func historyKey(h types.HistoryLine) HistoryKey {
	return collections.Join(historyDay(h.Member, h.RenderingNpi, h.ServiceDate), fmt.Sprintf("%s#%03d", h.ClaimId, h.Sequence))
}

// gatherHistory reads the earlier lines of the claim's member for every
// (rendering NPI, date of service) of its lines: at most MaxHistoryPerDay per
// day, with gas per line read. Only claims for care given have history.
func (k *Keeper) gatherHistory(ctx context.Context, claim claimstypes.Claim) ([]types.HistoryLine, error) {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil, nil
	}
	gas := sdk.UnwrapSDKContext(ctx).GasMeter()
	var days []string
	var out []types.HistoryLine
	for _, l := range claim.Lines {
		day := historyDay(claim.Member, l.RenderingNpi, l.ServiceDate)
		if containsString(days, day) {
			continue
		}
		days = append(days, day)
		n := 0
		err := k.History.Walk(ctx, collections.NewPrefixedPairRange[string, string](day), func(_ HistoryKey, h types.HistoryLine) (bool, error) {
			gas.ConsumeGas(types.GasPerHistoryLine, "claim history read")
			out = append(out, h)
			n++
			return n >= types.MaxHistoryPerDay, nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// recordHistory stores the claim's lines that are not denied, for later
// claims' duplicate and MUE edits.
func (k *Keeper) recordHistory(ctx context.Context, claim claimstypes.Claim, d types.Decision) error {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil
	}
	for i, l := range claim.Lines {
		if i >= len(d.Lines) || d.Lines[i].Decision == types.DECISION_KIND_DENIED {
			continue
		}
		if err := k.setHistory(ctx, claim, l); err != nil {
			return err
		}
	}
	return nil
}

func (k *Keeper) setHistory(ctx context.Context, claim claimstypes.Claim, l claimstypes.ClaimLine) error {
	sdk.UnwrapSDKContext(ctx).GasMeter().ConsumeGas(types.GasPerHistoryLine, "claim history write")
	h := types.HistoryLine{
		ClaimId: claim.Id, Sequence: l.Sequence, Code: l.Code, Modifiers: l.Modifiers, Units: l.Units,
		Billed: l.Billed.Amount, RenderingNpi: l.RenderingNpi, ServiceDate: l.ServiceDate, Member: claim.Member,
	}
	return k.History.Set(ctx, historyKey(h), h)
}

// forgetHistory removes one line of a claim from the history (voided, or
// denied on review).
func (k *Keeper) forgetHistory(ctx context.Context, claim claimstypes.Claim, l claimstypes.ClaimLine) error {
	key := historyKey(types.HistoryLine{ClaimId: claim.Id, Sequence: l.Sequence, RenderingNpi: l.RenderingNpi, ServiceDate: l.ServiceDate, Member: claim.Member})
	return k.History.Remove(ctx, key)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
