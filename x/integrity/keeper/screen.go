package keeper

import (
	"context"
	"fmt"
	"slices"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity/rules"
	"github.com/claimchain/claimchain/x/integrity/types"
)

// ScreenClaim runs R-FLAG-DAY, R-FLAG-EM and R-FLAG-VOLUME on a claim for
// care given (other uses are skipped), adds the claim to the rule counters,
// stores the flags raised (once per rule) and returns one pend reason per
// flag of the claim when its risk score reaches the insurer's pend_score;
// none otherwise. Screening a claim again changes nothing.
func (k *Keeper) ScreenClaim(ctx context.Context, claim claimstypes.Claim, d claimstypes.DecisionSummary) ([]claimstypes.PendReason, error) {
	if claim.Use != claimstypes.CLAIM_USE_CLAIM {
		return nil, nil
	}
	th, _, err := k.GetThresholds(ctx, claim.InsurerId)
	if err != nil {
		return nil, err
	}
	done, err := k.Screenings.Has(ctx, claim.Id)
	if err != nil {
		return nil, err
	}
	var added []types.Flag
	if !done {
		// Denied lines are not care the insurer pays for: they add no minutes
		// and no E/M services (an exact duplicate must not inflate the day).
		claim = payableLines(claim, d)
		if len(claim.Lines) == 0 {
			return nil, nil
		}
		findings, err := k.screen(ctx, claim, th)
		if err != nil {
			return nil, err
		}
		if len(findings) == 0 {
			// A claim is screened once, when it is submitted, before anything
			// else can flag it: with no finding it has no flag to read back.
			return nil, nil
		}
		if added, err = k.storeFindings(ctx, claim, findings); err != nil {
			return nil, err
		}
	}
	flags, score, err := k.scoreFlags(ctx, claim.Id, added)
	if err != nil {
		return nil, err
	}
	if len(flags) == 0 || score < uint64(th.PendScore) {
		return nil, nil
	}
	out := make([]claimstypes.PendReason, len(flags))
	for i, f := range flags {
		out[i] = claimstypes.PendReason{RuleID: f.RuleId, Text: rules.PendText(f.Evidence, score, th.PendScore)}
	}
	return out, nil
}

// FlagDispute stores R-FLAG-DISPUTE on a claim (once) when the member
// disputed the attested treatment it bills, and returns its pend reason: a
// dispute pends the claim whatever the threshold.
func (k *Keeper) FlagDispute(ctx context.Context, claim claimstypes.Claim, attestationID string) ([]claimstypes.PendReason, error) {
	th, _, err := k.GetThresholds(ctx, claim.InsurerId)
	if err != nil {
		return nil, err
	}
	var lines []uint32
	npi := ""
	for _, l := range claim.Lines {
		if l.AttestationId == attestationID {
			if npi == "" {
				npi = l.RenderingNpi
			}
			lines = append(lines, l.Sequence)
		}
	}
	added, err := k.storeFindings(ctx, claim, []rules.Finding{rules.Dispute(attestationID, npi, lines)})
	if err != nil {
		return nil, err
	}
	flags, score, err := k.scoreFlags(ctx, claim.Id, added)
	if err != nil {
		return nil, err
	}
	var f types.Flag
	for _, have := range flags {
		if have.RuleId == types.RuleDispute {
			f = have
		}
	}
	text := rules.PendText(f.Evidence, score, th.PendScore)
	if score < uint64(th.PendScore) {
		text = fmt.Sprintf("%s; risk score %d (a member dispute pends the claim whatever the threshold %d)", f.Evidence, score, th.PendScore)
	}
	return []claimstypes.PendReason{{RuleID: types.RuleDispute, Text: text}}, nil
}

// storeFindings stores the findings a claim does not already have as flags
// and counts them in the provider's statistics; it returns the flags added.
func (k *Keeper) storeFindings(ctx context.Context, claim claimstypes.Claim, findings []rules.Finding) ([]types.Flag, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	var added []types.Flag
	for _, fd := range findings {
		key := collections.Join(claim.Id, fd.RuleID)
		has, err := k.Flags.Has(ctx, key)
		if err != nil {
			return nil, err
		}
		if has {
			continue
		}
		f := types.Flag{
			ClaimId: claim.Id, RuleId: fd.RuleID, InsurerId: claim.InsurerId, ProviderId: claim.ProviderId,
			RenderingNpi: fd.NPI, Points: fd.Points, Evidence: fd.Evidence, Figures: fd.Figures, Tables: fd.Tables,
			Height: sdkCtx.BlockHeight(), Time: sdkCtx.BlockTime().UTC(),
		}
		if err := k.Flags.Set(ctx, key, f); err != nil {
			return nil, err
		}
		if err := k.countFlag(ctx, claim.ProviderId, fd.RuleID); err != nil {
			return nil, err
		}
		added = append(added, f)
	}
	return added, nil
}

// scoreFlags reads a claim's flags once, and emits one event per flag just
// added with the claim's risk score after all of them.
func (k *Keeper) scoreFlags(ctx context.Context, claimID string, added []types.Flag) ([]types.Flag, uint64, error) {
	flags, err := k.ClaimFlags(ctx, claimID)
	if err != nil {
		return nil, 0, err
	}
	score := rules.Score(flags)
	for _, f := range added {
		if err := sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvent(&types.EventClaimFlagged{
			ClaimId: f.ClaimId, RuleId: f.RuleId, Points: f.Points, Score: score,
		}); err != nil {
			return nil, 0, err
		}
	}
	return flags, score, nil
}

// screen adds the claim to the rule counters, records what it added, and
// runs the three screening rules on the counters after this claim (the E/M
// peer share: as of the end of the previous block).
func (k *Keeper) screen(ctx context.Context, claim claimstypes.Claim, th types.Thresholds) ([]rules.Finding, error) {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	sdkCtx.GasMeter().ConsumeGas(types.GasPerLine*uint64(len(claim.Lines)), "integrity screening")
	scr := types.Screening{
		ClaimId: claim.Id, ProviderId: claim.ProviderId, InsurerId: claim.InsurerId,
		Week: rules.Week(sdkCtx.BlockTime().Unix()), Bucket: rules.Bucket(claim.Id),
	}
	var findings []rules.Finding
	days, err := k.screenDays(ctx, claim, &scr)
	if err != nil {
		return nil, err
	}
	if f, ok := rules.ImpossibleDay(days); ok {
		findings = append(findings, f)
	}
	em, err := k.screenEM(ctx, claim, &scr)
	if err != nil {
		return nil, err
	}
	if f, ok := rules.EMMix(em, th.EmMinServices, th.EmExcessBps); ok {
		findings = append(findings, f)
	}
	vol, err := k.screenVolume(ctx, claim.ProviderId, scr.Week)
	if err != nil {
		return nil, err
	}
	if f, ok := rules.VolumeSpike(vol, th.VolumeMinClaims, th.VolumeFactorBps); ok {
		findings = append(findings, f)
	}
	return findings, k.Screenings.Set(ctx, claim.Id, scr)
}

// screenDays adds each line's typical minutes × units to its rendering NPI's
// date; codes without a row add nothing.
func (k *Keeper) screenDays(ctx context.Context, claim claimstypes.Claim, scr *types.Screening) ([]rules.DayUse, error) {
	if k.refdata == nil {
		return nil, nil
	}
	var uses []rules.DayUse
	for _, l := range claim.Lines {
		if l.RenderingNpi == "" {
			continue
		}
		version, row, found, err := k.refdata.TypicalMinutes(ctx, l.Code, l.ServiceDate)
		if err != nil {
			return nil, err
		}
		i := 0
		for i < len(uses) && (uses[i].NPI != l.RenderingNpi || uses[i].Date != l.ServiceDate) {
			i++
		}
		if i == len(uses) {
			uses = append(uses, rules.DayUse{NPI: l.RenderingNpi, Date: l.ServiceDate})
		}
		uses[i].Version = version
		if found {
			uses[i].Claim += uint64(row.Minutes) * uint64(l.Units)
		}
	}
	for i, u := range uses {
		prior, err := k.dayMinutes(ctx, u.NPI, u.Date)
		if err != nil {
			return nil, err
		}
		uses[i].Prior = prior
		if u.Claim == 0 {
			continue
		}
		if _, err := k.addDayMinutes(ctx, u.NPI, u.Date, u.Claim, false); err != nil {
			return nil, err
		}
		scr.Days = append(scr.Days, types.DayTotal{Npi: u.NPI, Date: u.Date, Minutes: u.Claim})
	}
	return uses, nil
}

// screenEM counts each E/M line in its rendering NPI's family counter and in
// the claim's bucket of the insurer's peer counter, then reads the NPI's
// share after this claim and the peers' as of the end of the previous block
// (neither this claim nor the block's earlier claims are in it: reading the
// buckets the block's claims write would make every claim of the insurer
// depend on every other).
func (k *Keeper) screenEM(ctx context.Context, claim claimstypes.Claim, scr *types.Screening) ([]rules.EMUse, error) {
	if k.refdata == nil {
		return nil, nil
	}
	var uses []rules.EMUse
	for _, l := range claim.Lines {
		if l.RenderingNpi == "" {
			continue
		}
		version, row, found, err := k.refdata.EMLevel(ctx, l.Code, l.ServiceDate)
		if err != nil {
			return nil, err
		}
		if !found {
			continue
		}
		i := 0
		for i < len(uses) && (uses[i].NPI != l.RenderingNpi || uses[i].Family != row.Family) {
			i++
		}
		if i == len(uses) {
			uses = append(uses, rules.EMUse{NPI: l.RenderingNpi, Family: row.Family})
		}
		uses[i].Version = version
		uses[i].Total++
		if row.Level >= rules.HighLevel {
			uses[i].High++
		}
	}
	for _, u := range uses {
		scr.Em = append(scr.Em, types.EmCounter{Npi: u.NPI, Family: u.Family, Total: u.Total, High: u.High})
	}
	for i, u := range scr.Em {
		c, err := k.addEm(ctx, u, false)
		if err != nil {
			return nil, err
		}
		uses[i].Total, uses[i].High = c.Total, c.High
		if err := k.addPeerEm(ctx, claim.InsurerId, u.Family, scr.Bucket, u.Total, u.High, false); err != nil {
			return nil, err
		}
	}
	// Peer totals as of the previous block, read once per family.
	for i := range uses {
		j := 0
		for j < i && uses[j].Family != uses[i].Family {
			j++
		}
		if j < i {
			uses[i].PeerTotal, uses[i].PeerHigh = uses[j].PeerTotal, uses[j].PeerHigh
			continue
		}
		total, high, err := k.peerEm(ctx, claim.InsurerId, uses[i].Family)
		if err != nil {
			return nil, err
		}
		uses[i].PeerTotal, uses[i].PeerHigh = total, high
	}
	return uses, nil
}

// screenVolume counts the claim in its provider's week and reads the 4 weeks before.
func (k *Keeper) screenVolume(ctx context.Context, provider uint64, week int64) (rules.Volume, error) {
	v := rules.Volume{Week: week}
	n, err := k.addWeek(ctx, provider, week, false)
	if err != nil {
		return v, err
	}
	v.Current = n
	for i := range v.Previous {
		if v.Previous[i], err = k.weekCount(ctx, provider, week-int64(i)-1); err != nil {
			return v, err
		}
	}
	return v, nil
}

// payableLines returns the claim with only the lines its decision did not
// deny.
func payableLines(claim claimstypes.Claim, d claimstypes.DecisionSummary) claimstypes.Claim {
	if len(d.DeniedLines) == 0 {
		return claim
	}
	out := claim
	out.Lines = nil
	for _, l := range claim.Lines {
		if !slices.Contains(d.DeniedLines, l.Sequence) {
			out.Lines = append(out.Lines, l)
		}
	}
	return out
}
