package authmatrix

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// outcome is one expected cell: allow (err nil) or deny with err.
type outcome struct{ err *errorsmod.Error }

var allow = outcome{}

func deny(err *errorsmod.Error) outcome { return outcome{err: err} }

type override struct {
	r role
	o outcome
}

func on(r role, o outcome) override { return override{r, o} }

// expect is a row of the matrix: base in every column but the overridden ones.
func expect(base outcome, overrides ...override) [numRoles]outcome {
	var row [numRoles]outcome
	for r := range row {
		row[r] = base
	}
	for _, o := range overrides {
		row[o.r] = o.o
	}
	return row
}

// msgCase is a row: one msg (or one variant of a msg whose authorization
// depends on its target), built for each signer.
type msgCase struct {
	module  string
	variant string // what the msg acts on, when it matters
	// build returns the msg signed by r: r's address is in the signer field.
	build func(w *world, r role) sdk.Msg
	want  [numRoles]outcome
	// effect checks, for an allowed cell, that the msg did what it says on the
	// state of the cell's branch.
	effect func(w *world, ctx sdk.Context, r role, res *sdk.Result) error
}

// namedErrors names the registered errors a cell may show: "module.ErrName".
var namedErrors = []struct {
	name string
	err  *errorsmod.Error
}{
	{"membership.ErrUnauthorized", membershiptypes.ErrUnauthorized},
	{"membership.ErrInvalidTransition", membershiptypes.ErrInvalidTransition},
	{"membership.ErrMemberNotFound", membershiptypes.ErrMemberNotFound},
	{"adjudication.ErrNotInsurer", adjtypes.ErrNotInsurer},
	{"adjudication.ErrNotPlanOwner", adjtypes.ErrNotPlanOwner},
	{"adjudication.ErrCoverageNotFound", adjtypes.ErrCoverageNotFound},
	{"adjudication.ErrPlanNotFound", adjtypes.ErrPlanNotFound},
	{"attestation.ErrNotProvider", attestationtypes.ErrNotProvider},
	{"attestation.ErrSupersedeMismatch", attestationtypes.ErrSupersedeMismatch},
	{"attestation.ErrNotMemberAccount", attestationtypes.ErrNotMemberAccount},
	{"attestation.ErrUnknownInsurer", attestationtypes.ErrUnknownInsurer},
	{"claims.ErrNotProvider", claimstypes.ErrNotProvider},
	{"claims.ErrNotSubmitter", claimstypes.ErrNotSubmitter},
	{"claims.ErrNotInsurer", claimstypes.ErrNotInsurer},
	{"claims.ErrAttestationMismatch", claimstypes.ErrAttestationMismatch},
	{"claims.ErrCannotVoid", claimstypes.ErrCannotVoid},
	{"claims.ErrCannotAppeal", claimstypes.ErrCannotAppeal},
	{"claims.ErrCannotReview", claimstypes.ErrCannotReview},
	{"integrity.ErrNotInsurer", integritytypes.ErrNotInsurer},
	{"refdata.ErrUnauthorized", refdatatypes.ErrUnauthorized},
	{"refdata.ErrNotLoader", refdatatypes.ErrNotLoader},
	{"settlement.ErrNotInsurer", settlementtypes.ErrNotInsurer},
	{"settlement.ErrInsufficientFunds", settlementtypes.ErrInsufficientFunds},
	{"settlement.ErrUnauthorized", settlementtypes.ErrUnauthorized},
}

func errName(e *errorsmod.Error) string {
	for _, n := range namedErrors {
		if n.err == e {
			return n.name
		}
	}
	return fmt.Sprintf("%s/%d", e.Codespace(), e.ABCICode())
}

func (o outcome) String() string {
	if o.err == nil {
		return "allow"
	}
	return "deny: " + errName(o.err)
}

// cellOf renders what a msg returned, by the outermost registered error (the
// codespace and code a client sees in the tx result).
func cellOf(err error) string {
	if err == nil {
		return "allow"
	}
	space, code, _ := errorsmod.ABCIInfo(err, false)
	for _, n := range namedErrors {
		if n.err.Codespace() == space && n.err.ABCICode() == code {
			return "deny: " + n.name
		}
	}
	return fmt.Sprintf("deny: %s/%d (%v)", space, code, err)
}

func check(ok bool, format string, args ...any) error {
	if ok {
		return nil
	}
	return fmt.Errorf(format, args...)
}

func notes(s string) membershiptypes.ContentHash { return apptest.AgreementHash("notes " + s) }

func (w *world) member(ctx sdk.Context, id uint64) membershiptypes.Member {
	m, err := w.f.App.MembershipKeeper.GetMember(ctx, id)
	require.NoError(w.t, err)
	return m
}

func (w *world) claimOf(ctx sdk.Context, id string) claimstypes.Claim {
	c, err := w.f.App.ClaimsKeeper.GetClaim(ctx, id)
	require.NoError(w.t, err)
	return c
}

func (w *world) escrowOf(ctx sdk.Context, r role) settlementtypes.Escrow {
	e, err := w.f.App.SettlementKeeper.Escrows.Get(ctx, collections.Join(w.id[r], usdDenom))
	if err != nil {
		return settlementtypes.Escrow{}
	}
	return e
}

func (w *world) goldTerms() adjtypes.PlanTerms {
	v, err := w.f.App.AdjudicationKeeper.GetPlanVersion(w.f.Ctx, apptest.GoldPlanID, 1)
	require.NoError(w.t, err)
	return v.Terms
}

// Governance-only rows deny every other signer with the module's authority error.
func govOnly(err *errorsmod.Error) [numRoles]outcome {
	return expect(deny(err), on(govAuthority, allow))
}

// Rows whose signer may be any ACTIVE insurer (the msg acts on the signer's own records).
func anyActiveInsurer(err *errorsmod.Error) [numRoles]outcome {
	return expect(deny(err), on(insurerA, allow), on(insurerB, allow))
}

// matrix is the expected authorization of every msg of every claimchain module.
func matrix() []msgCase {
	return []msgCase{
		// x/membership: governance only.
		{module: "membership", variant: "a new insurer",
			build: func(w *world, r role) sdk.Msg {
				return &membershiptypes.MsgAdmitMember{Authority: w.addr[r].String(), Kind: membershiptypes.MEMBER_KIND_INSURER,
					Name: "Northside Health", PayerId: "NORTH", Operator: apptest.NewAccount().String(),
					AgreementHash: apptest.AgreementHash("Northside Health")}
			},
			want: govOnly(membershiptypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, res *sdk.Result) error {
				var resp membershiptypes.MsgAdmitMemberResponse
				if err := response(res, &resp); err != nil {
					return err
				}
				m := w.member(ctx, resp.MemberId)
				return check(m.Status == membershiptypes.MEMBER_STATUS_ACTIVE && m.PayerId == "NORTH", "admitted %v", m)
			}},
		{module: "membership", variant: "insurer B",
			build: func(w *world, r role) sdk.Msg {
				return &membershiptypes.MsgSuspendMember{Authority: w.addr[r].String(), MemberId: w.id[insurerB], Reason: reasonText}
			},
			want: govOnly(membershiptypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				return check(w.member(ctx, w.id[insurerB]).Status == membershiptypes.MEMBER_STATUS_SUSPENDED, "B not suspended")
			}},
		{module: "membership", variant: "suspended provider S",
			build: func(w *world, r role) sdk.Msg {
				return &membershiptypes.MsgReinstateMember{Authority: w.addr[r].String(), MemberId: w.id[suspendedProvider]}
			},
			want: govOnly(membershiptypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				return check(w.member(ctx, w.id[suspendedProvider]).Status == membershiptypes.MEMBER_STATUS_ACTIVE, "S not reinstated")
			}},
		{module: "membership", variant: "provider Q",
			build: func(w *world, r role) sdk.Msg {
				return &membershiptypes.MsgRemoveMember{Authority: w.addr[r].String(), MemberId: w.id[providerQ], Reason: reasonText}
			},
			want: govOnly(membershiptypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				return check(w.member(ctx, w.id[providerQ]).Status == membershiptypes.MEMBER_STATUS_REMOVED, "Q not removed")
			}},
		{module: "membership",
			build: func(w *world, r role) sdk.Msg {
				p, err := w.f.App.MembershipKeeper.Params.Get(w.f.Ctx)
				require.NoError(w.t, err)
				p.MaxBurnsPerBlock++
				return &membershiptypes.MsgUpdateParams{Authority: w.addr[r].String(), Params: p}
			},
			want: govOnly(membershiptypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				before, _ := w.f.App.MembershipKeeper.Params.Get(w.f.Ctx)
				after, err := w.f.App.MembershipKeeper.Params.Get(ctx)
				return errors.Join(err, check(after.MaxBurnsPerBlock == before.MaxBurnsPerBlock+1, "params unchanged"))
			}},

		// x/adjudication: insurers, on their own plans and members.
		{module: "adjudication", variant: "a new plan id",
			build: func(w *world, r role) sdk.Msg {
				return &adjtypes.MsgCreatePlan{Insurer: w.addr[r].String(), PlanId: "NEW-PLAN", Name: "New Plan",
					EffectiveDate: "2026-01-01", Terms: w.goldTerms()}
			},
			want: anyActiveInsurer(adjtypes.ErrNotInsurer),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				p, err := w.f.App.AdjudicationKeeper.GetPlan(ctx, "NEW-PLAN")
				return errors.Join(err, check(p.InsurerId == w.id[r], "plan owned by %d, not the signer %d", p.InsurerId, w.id[r]))
			}},
		{module: "adjudication", variant: "the insurer's plan",
			build: func(w *world, r role) sdk.Msg {
				return &adjtypes.MsgAmendPlan{Insurer: w.addr[r].String(), PlanId: w.insurerOf(r).plan,
					EffectiveDate: "2026-01-01", Terms: w.goldTerms()}
			},
			want: expect(deny(adjtypes.ErrNotInsurer), on(insurerA, allow), on(insurerB, deny(adjtypes.ErrNotPlanOwner))),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				p, err := w.f.App.AdjudicationKeeper.GetPlan(ctx, w.insurerOf(r).plan)
				return errors.Join(err, check(p.Versions == 2, "plan has %d versions", p.Versions))
			}},
		{module: "adjudication", variant: "into the insurer's plan",
			build: func(w *world, r role) sdk.Msg {
				return &adjtypes.MsgEnrollMember{Insurer: w.addr[r].String(), Member: pseudonym("new"), PlanId: w.insurerOf(r).plan,
					StartDate: "2026-01-01", Sex: adjtypes.SEX_MALE, BirthYear: 1990}
			},
			want: expect(deny(adjtypes.ErrNotInsurer), on(insurerA, allow), on(insurerB, deny(adjtypes.ErrNotPlanOwner))),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c, err := w.f.App.AdjudicationKeeper.Coverages.Get(ctx, pseudonym("new"))
				return errors.Join(err, check(c.InsurerId == w.id[r], "coverage with %d", c.InsurerId))
			}},
		{module: "adjudication", variant: "the insurer's member",
			build: func(w *world, r role) sdk.Msg {
				return &adjtypes.MsgTerminateCoverage{Insurer: w.addr[r].String(), Member: w.insurerOf(r).member,
					EndDate: "2025-12-31", Reason: adjtypes.TERMINATION_REASON_VOLUNTARY}
			},
			want: expect(deny(adjtypes.ErrNotInsurer), on(insurerA, allow), on(insurerB, deny(adjtypes.ErrCoverageNotFound))),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c, err := w.f.App.AdjudicationKeeper.Coverages.Get(ctx, w.insurerOf(r).member)
				return errors.Join(err, check(c.TerminationReason == adjtypes.TERMINATION_REASON_VOLUNTARY, "not terminated"))
			}},

		// x/attestation: providers attest; the member's account answers.
		{module: "attestation", variant: "new, for insurer A's member",
			build: func(w *world, r role) sdk.Msg {
				return attestTreatment(w.addr[r].String(), w.id[insurerA], w.insurer[insurerA].member, "99213", "2025-12-15", "")
			},
			want: expect(deny(attestationtypes.ErrNotProvider), on(providerP, allow), on(providerQ, allow)),
			effect: func(w *world, ctx sdk.Context, r role, res *sdk.Result) error {
				var resp attestationtypes.MsgAttestTreatmentResponse
				if err := response(res, &resp); err != nil {
					return err
				}
				a, err := w.f.App.AttestationKeeper.GetAttestation(ctx, resp.Id)
				return errors.Join(err, check(a.ProviderId == w.id[r], "attested as %d, signer is %d", a.ProviderId, w.id[r]))
			}},
		{module: "attestation", variant: "amending the provider's attestation",
			build: func(w *world, r role) sdk.Msg {
				p := w.providerOf(r)
				return attestTreatment(w.addr[r].String(), w.id[insurerA], w.insurer[insurerA].member, "99213", p.attestedDate, p.attestation)
			},
			want: expect(deny(attestationtypes.ErrNotProvider), on(providerP, allow), on(providerQ, deny(attestationtypes.ErrSupersedeMismatch))),
			effect: func(w *world, ctx sdk.Context, r role, res *sdk.Result) error {
				var resp attestationtypes.MsgAttestTreatmentResponse
				if err := response(res, &resp); err != nil {
					return err
				}
				old, err := w.f.App.AttestationKeeper.GetAttestation(ctx, w.providerOf(r).attestation)
				return errors.Join(err, check(old.SupersededBy == resp.Id, "superseded by %q", old.SupersededBy))
			}},
		{module: "attestation", variant: "P's attestation about the member",
			build: func(w *world, r role) sdk.Msg {
				return &attestationtypes.MsgConfirmTreatment{MemberAccount: w.addr[r].String(), AttestationId: w.toConfirm}
			},
			want: expect(deny(attestationtypes.ErrNotMemberAccount), on(memberAccount, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				resp, err := w.f.App.AttestationKeeper.Responses.Get(ctx, w.toConfirm)
				return errors.Join(err, check(resp.Kind == attestationtypes.RESPONSE_KIND_CONFIRMED && resp.Account == w.addr[r].String(),
					"response %v", resp))
			}},
		{module: "attestation", variant: "P's attestation about the member",
			build: func(w *world, r role) sdk.Msg {
				return &attestationtypes.MsgDisputeTreatment{MemberAccount: w.addr[r].String(), AttestationId: w.toConfirm,
					ReasonHash: notes("dispute")}
			},
			want: expect(deny(attestationtypes.ErrNotMemberAccount), on(memberAccount, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				resp, err := w.f.App.AttestationKeeper.Responses.Get(ctx, w.toConfirm)
				return errors.Join(err, check(resp.Kind == attestationtypes.RESPONSE_KIND_DISPUTED && resp.Account == w.addr[r].String(),
					"response %v", resp))
			}},

		// x/claims: the submitting provider and the claim's insurer.
		{module: "claims", variant: "billing the provider's attested line",
			build: func(w *world, r role) sdk.Msg {
				p := w.providerOf(r)
				return submitClaim(w.addr[r].String(), w.id[insurerA], w.insurer[insurerA].member, p.attestation, "99213", p.attestedDate)
			},
			want: expect(deny(claimstypes.ErrNotProvider), on(providerP, allow), on(providerQ, deny(claimstypes.ErrAttestationMismatch))),
			effect: func(w *world, ctx sdk.Context, r role, res *sdk.Result) error {
				var resp claimstypes.MsgSubmitClaimResponse
				if err := response(res, &resp); err != nil {
					return err
				}
				c := w.claimOf(ctx, resp.Id)
				return check(c.ProviderId == w.id[r] && c.Status == claimstypes.CLAIM_STATUS_ADJUDICATED, "claim %s by %d is %s",
					c.Id, c.ProviderId, c.Status)
			}},
		{module: "claims", variant: "the provider's ADJUDICATED claim",
			build: func(w *world, r role) sdk.Msg {
				return &claimstypes.MsgVoidClaim{Provider: w.addr[r].String(), ClaimId: w.providerOf(r).adjudicated, Reason: reasonText}
			},
			want: expect(deny(claimstypes.ErrNotSubmitter), on(providerP, allow), on(suspendedProvider, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c := w.claimOf(ctx, w.providerOf(r).adjudicated)
				return check(c.Status == claimstypes.CLAIM_STATUS_VOIDED, "%s is %s", c.Id, c.Status)
			}},
		{module: "claims", variant: "APPROVE the insurer's PENDED claim",
			build: func(w *world, r role) sdk.Msg {
				return &claimstypes.MsgReviewClaim{Insurer: w.addr[r].String(), ClaimId: w.insurerOf(r).pended,
					Action: claimstypes.REVIEW_ACTION_APPROVE, NotesHash: notes("approve")}
			},
			want: expect(deny(claimstypes.ErrNotInsurer), on(insurerA, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c := w.claimOf(ctx, w.insurerOf(r).pended)
				return check(c.Status == claimstypes.CLAIM_STATUS_ADJUDICATED, "%s is %s", c.Id, c.Status)
			}},
		{module: "claims", variant: "DENY the insurer's ADJUDICATED claim",
			build: func(w *world, r role) sdk.Msg {
				return &claimstypes.MsgReviewClaim{Insurer: w.addr[r].String(), ClaimId: w.insurerOf(r).adjudicated,
					Action: claimstypes.REVIEW_ACTION_DENY, Group: "CO", Carc: "50", NotesHash: notes("deny")}
			},
			want: expect(deny(claimstypes.ErrNotInsurer), on(insurerA, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c := w.claimOf(ctx, w.insurerOf(r).adjudicated)
				last := c.History[len(c.History)-1]
				return check(last.Actor == w.addr[r].String() && strings.Contains(last.Reason, "DENY"), "last change %v", last)
			}},
		{module: "claims", variant: "the provider's denied line",
			build: func(w *world, r role) sdk.Msg {
				return &claimstypes.MsgAppealClaim{Provider: w.addr[r].String(), ClaimId: w.providerOf(r).denied, Lines: []uint32{1},
					ReasonHash: notes("appeal")}
			},
			want: expect(deny(claimstypes.ErrNotSubmitter), on(providerP, allow), on(suspendedProvider, deny(claimstypes.ErrNotProvider))),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c := w.claimOf(ctx, w.providerOf(r).denied)
				return check(len(c.Appeals) == 1 && c.Appeals[0].Status == claimstypes.APPEAL_STATUS_OPEN, "appeals %v", c.Appeals)
			}},
		{module: "claims", variant: "uphold the insurer's open appeal",
			build: func(w *world, r role) sdk.Msg {
				return &claimstypes.MsgDecideAppeal{Insurer: w.addr[r].String(), ClaimId: w.insurerOf(r).appealed, Appeal: 1,
					NotesHash: notes("decide")}
			},
			want: expect(deny(claimstypes.ErrNotInsurer), on(insurerA, allow)),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				c := w.claimOf(ctx, w.insurerOf(r).appealed)
				return check(c.Appeals[0].Status == claimstypes.APPEAL_STATUS_UPHELD, "appeal is %s", c.Appeals[0].Status)
			}},

		// x/integrity: each insurer sets its own thresholds.
		{module: "integrity", variant: "the signer's own",
			build: func(w *world, r role) sdk.Msg {
				return &integritytypes.MsgSetThresholds{Insurer: w.addr[r].String(), PendScore: 77, EmMinServices: 5,
					EmExcessBps: 5000, VolumeMinClaims: 10, VolumeFactorBps: 30000}
			},
			want: anyActiveInsurer(integritytypes.ErrNotInsurer),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				th, err := w.f.App.IntegrityKeeper.Thresholds.Get(ctx, w.id[r])
				return errors.Join(err, check(th.PendScore == 77, "thresholds %v", th))
			}},

		// x/refdata: governance appoints the loader; the loader stages and activates.
		{module: "refdata",
			build: func(w *world, r role) sdk.Msg {
				p, err := w.f.App.RefdataKeeper.Params.Get(w.f.Ctx)
				require.NoError(w.t, err)
				p.MaxRowsPerChunk++
				return &refdatatypes.MsgUpdateParams{Authority: w.addr[r].String(), Params: p}
			},
			want: govOnly(refdatatypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				before, _ := w.f.App.RefdataKeeper.Params.Get(w.f.Ctx)
				after, err := w.f.App.RefdataKeeper.Params.Get(ctx)
				return errors.Join(err, check(after.MaxRowsPerChunk == before.MaxRowsPerChunk+1, "params unchanged"))
			}},
		{module: "refdata", variant: "MUE version 1, chunk 0",
			build: func(w *world, r role) sdk.Msg {
				return &refdatatypes.MsgStageChunk{Loader: w.addr[r].String(), Kind: refdatatypes.TABLE_KIND_MUE, Version: 1, Index: 0,
					Source: "authorization matrix", Rows: refdatatypes.ChunkRows{
						Mue: []refdatatypes.MueRow{{Code: "97110", Units: 4, AdjudicationIndicator: 1}}}}
			},
			want: expect(deny(refdatatypes.ErrNotLoader), on(insurerA, allow)),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				v, err := w.f.App.RefdataKeeper.GetVersion(ctx, refdatatypes.TABLE_KIND_MUE, 1)
				return errors.Join(err, check(v.Status == refdatatypes.VERSION_STATUS_STAGING && v.Rows == 1, "version %v", v))
			}},
		{module: "refdata", variant: "staged PTP version 2",
			build: func(w *world, r role) sdk.Msg {
				return &refdatatypes.MsgActivateVersion{Loader: w.addr[r].String(), Kind: refdatatypes.TABLE_KIND_PTP, Version: 2,
					AppliesFrom: "2026-02-01", ExpectedChunks: 1, ExpectedRows: 1, ExpectedHash: w.stagedHash}
			},
			want: expect(deny(refdatatypes.ErrNotLoader), on(insurerA, allow)),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				v, err := w.f.App.RefdataKeeper.GetVersion(ctx, refdatatypes.TABLE_KIND_PTP, 2)
				return errors.Join(err, check(v.Status == refdatatypes.VERSION_STATUS_ACTIVE, "version %v", v))
			}},
		{module: "refdata", variant: "active PTP version 1",
			build: func(w *world, r role) sdk.Msg {
				return &refdatatypes.MsgRevokeVersion{Authority: w.addr[r].String(), Kind: refdatatypes.TABLE_KIND_PTP, Version: 1,
					Reason: reasonText}
			},
			want: govOnly(refdatatypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				v, err := w.f.App.RefdataKeeper.GetVersion(ctx, refdatatypes.TABLE_KIND_PTP, 1)
				return errors.Join(err, check(v.Status == refdatatypes.VERSION_STATUS_REVOKED, "version %v", v))
			}},

		// x/settlement: each insurer its own escrow and hold period; governance the params.
		{module: "settlement", variant: "the signer's own escrow",
			build: func(w *world, r role) sdk.Msg {
				return &settlementtypes.MsgFundEscrow{Insurer: w.addr[r].String(), Amount: usd(5000)}
			},
			want: anyActiveInsurer(settlementtypes.ErrNotInsurer),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				before, after := w.escrowOf(w.f.Ctx, r), w.escrowOf(ctx, r)
				if before.Balance.IsNil() {
					return check(after.Balance.Int64() == 5000, "escrow %v", after)
				}
				return check(after.Balance.Sub(before.Balance).Int64() == 5000, "escrow %v", after)
			}},
		{module: "settlement", variant: "the signer's own escrow (B has none)",
			build: func(w *world, r role) sdk.Msg {
				return &settlementtypes.MsgWithdrawEscrow{Insurer: w.addr[r].String(), Amount: usd(5000)}
			},
			want: expect(deny(settlementtypes.ErrNotInsurer), on(insurerA, allow), on(insurerB, deny(settlementtypes.ErrInsufficientFunds))),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				before, after := w.escrowOf(w.f.Ctx, r), w.escrowOf(ctx, r)
				return check(after.Withdrawn.Sub(before.Withdrawn).Int64() == 5000, "escrow %v", after)
			}},
		{module: "settlement", variant: "the signer's own",
			build: func(w *world, r role) sdk.Msg {
				return &settlementtypes.MsgSetHoldPeriod{Insurer: w.addr[r].String(), HoldPeriod: 72 * time.Hour}
			},
			want: anyActiveInsurer(settlementtypes.ErrNotInsurer),
			effect: func(w *world, ctx sdk.Context, r role, _ *sdk.Result) error {
				s, err := w.f.App.SettlementKeeper.Settings.Get(ctx, w.id[r])
				return errors.Join(err, check(s.HoldPeriod == 72*time.Hour, "settings %v", s))
			}},
		{module: "settlement",
			build: func(w *world, r role) sdk.Msg {
				p, err := w.f.App.SettlementKeeper.Params.Get(w.f.Ctx)
				require.NoError(w.t, err)
				p.MaxPaymentsPerBlock++
				return &settlementtypes.MsgUpdateParams{Authority: w.addr[r].String(), Params: p}
			},
			want: govOnly(settlementtypes.ErrUnauthorized),
			effect: func(w *world, ctx sdk.Context, _ role, _ *sdk.Result) error {
				before, _ := w.f.App.SettlementKeeper.Params.Get(w.f.Ctx)
				after, err := w.f.App.SettlementKeeper.Params.Get(ctx)
				return errors.Join(err, check(after.MaxPaymentsPerBlock == before.MaxPaymentsPerBlock+1, "params unchanged"))
			}},
	}
}

// msgName is the short name of a msg type: "MsgSubmitClaim".
func msgName(msg sdk.Msg) string {
	url := sdk.MsgTypeURL(msg)
	return url[strings.LastIndex(url, ".")+1:]
}

// TestAuthorizationMatrix sends every msg of every claimchain module from
// every role, each in its own branch of the same world, and checks the
// expected allow or deny; see docs/authorization.md.
func TestAuthorizationMatrix(t *testing.T) {
	w := newWorld(t)
	cases := matrix()
	requireEveryMsg(t, w, cases)
	requireDigestSeesWrites(t, w)

	cdc := w.f.App.AppCodec()
	got := make([][numRoles]string, len(cases))
	for i, c := range cases {
		for r := range numRoles {
			msg := c.build(w, r)
			name := fmt.Sprintf("%s %s / %s", msgName(msg), c.variant, roleHeads[r])

			signers, _, err := cdc.GetMsgV1Signers(msg)
			require.NoError(t, err, name)
			require.Len(t, signers, 1, name)
			require.Equal(t, []byte(w.addr[r]), signers[0], "%s: the declared signer is the role's address", name)

			ctx, _ := w.f.Ctx.CacheContext()
			res, err := w.run(ctx, msg)
			got[i][r] = cellOf(err)
			changed := w.digest.changed(digestState(w.f.App, ctx))

			want := c.want[r]
			if want.err == nil {
				if err != nil {
					t.Errorf("%s: want allow, got %v", name, err)
					continue
				}
				if len(changed) == 0 {
					t.Errorf("%s: allowed but changed no state", name)
				}
				if c.effect != nil {
					if err := c.effect(w, ctx, r, res); err != nil {
						t.Errorf("%s: allowed but: %v", name, err)
					}
				}
				continue
			}
			switch {
			case err == nil:
				t.Errorf("%s: want %s, but it was allowed", name, want)
				continue
			case !errors.Is(err, want.err):
				t.Errorf("%s: want %s, got %s: %v", name, want, got[i][r], err)
			case got[i][r] != want.String():
				t.Errorf("%s: want %s, but the outermost error is %s: %v", name, want, got[i][r], err)
			}
			if len(changed) > 0 {
				t.Errorf("%s: denied but wrote to stores %v", name, changed)
			}
		}
	}

	table := renderTable(w, cases, got)
	t.Log("authorization matrix:\n" + table)
	syncDoc(t, renderDoc(table))
}

// requireEveryMsg checks the matrix has a row for every msg the app registers
// under /claimchain., and nothing else: a new msg without a row fails here.
func requireEveryMsg(t *testing.T, w *world, cases []msgCase) {
	t.Helper()
	var registered, covered []string
	for _, url := range w.f.App.InterfaceRegistry().ListImplementations(sdk.MsgInterfaceProtoName) {
		if strings.HasPrefix(url, "/claimchain.") {
			registered = append(registered, url)
		}
	}
	for _, c := range cases {
		url := sdk.MsgTypeURL(c.build(w, nonMember))
		if !slices.Contains(covered, url) {
			covered = append(covered, url)
		}
	}
	sort.Strings(registered)
	sort.Strings(covered)
	for _, c := range cases {
		// A row that allows everyone or no one would pass whatever the
		// authorization logic is: each row needs an allowed and a denied signer.
		var allowed, denied bool
		for _, o := range c.want {
			allowed, denied = allowed || o.err == nil, denied || o.err != nil
		}
		require.True(t, allowed && denied, "row %s %s must allow some role and deny another", c.module, c.variant)
	}
	require.NotEmpty(t, registered)
	require.Equal(t, registered, covered, "the matrix must have a row for every claimchain msg")
}

// requireDigestSeesWrites proves the state digest is not blind: one byte
// written in a branch, in any module's store, changes it.
func requireDigestSeesWrites(t *testing.T, w *world) {
	t.Helper()
	for _, store := range []string{membershiptypes.StoreKey, claimstypes.StoreKey, settlementtypes.StoreKey} {
		ctx, _ := w.f.Ctx.CacheContext()
		ctx.KVStore(w.f.App.GetKey(store)).Set([]byte{0xff, 0xfe}, []byte{1})
		require.Equal(t, []string{store}, w.digest.changed(digestState(w.f.App, ctx)))
	}
	require.Empty(t, w.digest.changed(digestState(w.f.App, w.f.Ctx)), "the world's digest is stable")
}

func renderTable(w *world, cases []msgCase, got [][numRoles]string) string {
	var b strings.Builder
	b.WriteString("| module | msg | acting on |")
	for _, h := range roleHeads {
		b.WriteString(" " + h + " |")
	}
	b.WriteString("\n|---|---|---|")
	for range roleHeads {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for i, c := range cases {
		variant := c.variant
		if variant == "" {
			variant = "—"
		}
		fmt.Fprintf(&b, "| %s | %s | %s |", c.module, msgName(c.build(w, nonMember)), variant)
		for _, cell := range got[i] {
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

const docHeader = `# Authorization matrix

Who may send which msg. Every msg of every claimchain module is sent through the app's msg service
router from every role below; each cell is what the chain answered: ` + "`allow`" + `, or ` + "`deny:`" + ` and the
registered error (codespace and code) a client sees in the tx result. This file is generated by
` + "`TestAuthorizationMatrix`" + ` in [testutil/authmatrix](../testutil/authmatrix): the test fails when the chain's
answers differ from the expected table written in the test, or from this file.

Regenerate after an intended change (edit the expected table in ` + "`matrix_test.go`" + ` first):

` + "```" + `
UPDATE_AUTH_DOC=1 go test -run TestAuthorizationMatrix ./testutil/authmatrix/
` + "```" + `

## Roles (columns)

| role | who |
|---|---|
| non-member | a fresh account that belongs to no consortium member |
| provider P | the right provider: an ACTIVE provider whose attestations and claims the provider msgs act on |
| provider Q | another ACTIVE provider, acting on P's records |
| insurer A | the right insurer: the founding insurer (member 1), whose plan, members and claims the insurer msgs act on; also the reference-data loader governance appointed |
| insurer B | another ACTIVE insurer (admitted by governance), acting on A's records; on msgs that act on the signer's own records (new plan, thresholds, escrow, hold period) it acts on its own |
| suspended provider S | a provider suspended by governance, acting on its **own** attestation and claims (made while it was ACTIVE): this column tests suspension, not ownership |
| suspended insurer J | an insurer suspended by governance, acting on its **own** plan, member, escrow and claims (made while it was ACTIVE) |
| member account | the account insurer A enrolled for the patient member (` + "`MsgEnrollMember.member_account`" + `): the only one who may confirm or dispute care attested about that member |
| gov | the governance module account, the authority of every module |

Every other column acts on the same records as the right party's, so a deny there is about who signs.

## How each cell is checked

* Each cell runs in its own cache branch of one world: every cell starts from the same state.
* The msg is built with the role's address in its signer field, and the test checks that the msg's
  declared signer (` + "`cosmos.msg.v1.signer`" + `) is that address.
* allow: no error, some KV store changed, and the msg's effect is there (e.g. the plan belongs to the
  signer, the claim is VOIDED, the member's response is recorded with the signer's account).
* deny: the error ` + "`errors.Is`" + ` the expected registered error, which is also the outermost one, and
  a sha256 digest of every key and value of every persistent KV store of the app is unchanged — the
  handler is run on the branch directly (no further cache), so a write made before the refusal shows.
* A row exists for every ` + "`/claimchain.`" + ` msg the app registers; a new msg without a row fails the test.

## Reading the cells

* Suspended provider S may still void its own claims (a void only withdraws a claim), but an appeal
  asks for more money, which is new business: like attesting and submitting, it is refused to S
  (` + "`claims.ErrNotProvider`" + `). The insurer side (review, appeal decision) requires an ACTIVE insurer.
* Insurer B terminating A's member is refused with ` + "`adjudication.ErrCoverageNotFound`" + `: the check is
  "no coverage of this member with the signing insurer", which does not reveal another insurer's member.
* Provider Q billing P's attested line is refused with ` + "`claims.ErrAttestationMismatch`" + ` ("attested by
  provider P, not by the submitting provider Q"), and amending P's attestation with
  ` + "`attestation.ErrSupersedeMismatch`" + `.
* Insurer B withdrawing is refused with ` + "`settlement.ErrInsufficientFunds`" + `: a withdrawal names no escrow,
  it always draws on the signer's own, and B has funded none.
* The loader is whatever account governance appoints in x/refdata's params (here A's operator); it is
  not checked against membership.

Not exercised here: authz ` + "`MsgExec`" + ` (it runs these same handlers with the granter in the signer field)
and the ante handler (signatures and fees), which does not look at roles.

## Matrix

`

func renderDoc(table string) string { return docHeader + table }

// syncDoc compares docs/authorization.md with the generated text, or rewrites
// it when UPDATE_AUTH_DOC=1.
func syncDoc(t *testing.T, doc string) {
	t.Helper()
	_, here, _, _ := runtime.Caller(0)
	path := filepath.Join(filepath.Dir(here), "..", "..", "docs", "authorization.md")
	if os.Getenv("UPDATE_AUTH_DOC") == "1" {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o750))
		require.NoError(t, os.WriteFile(path, []byte(doc), 0o600))
		t.Logf("wrote %s", path)
		return
	}
	onDisk, err := os.ReadFile(path)
	require.NoError(t, err, "run with UPDATE_AUTH_DOC=1 to write docs/authorization.md")
	require.Equal(t, string(onDisk), doc, "docs/authorization.md is out of date: run with UPDATE_AUTH_DOC=1")
}
