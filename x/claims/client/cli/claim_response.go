package cli

import (
	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"

	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/fastenhealth/gofhir-models/fhir401"
	"github.com/spf13/cobra"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/claims/types"
)

// Code systems, identifier systems and extension URLs of the ClaimResponse
// export. examples/fhir/README.md ("ClaimResponse export") documents the
// mapping.
const (
	// SystemClaimType is FHIR's claim-type code system (ClaimResponse.type).
	SystemClaimType = "http://terminology.hl7.org/CodeSystem/claim-type"
	// SystemAdjudication is FHIR's adjudication category code system
	// (submitted, eligible, deductible, copay, benefit).
	SystemAdjudication = "http://terminology.hl7.org/CodeSystem/adjudication"
	// SystemC4BBAdjudication is CARIN Blue Button's adjudication code system
	// (coinsurance, noncovered, memberliability, discount, ...), the same in
	// C4BB STU1 and STU2.
	SystemC4BBAdjudication = "http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication"
	// SystemCARC and SystemRARC are the X12 claim adjustment reason codes and
	// remittance advice remark codes, as CARIN Blue Button names them.
	SystemCARC = "https://x12.org/codes/claim-adjustment-reason-codes"
	SystemRARC = "https://x12.org/codes/remittance-advice-remark-codes"
	// SystemClaimID identifies a claim by its chain id ("CLM-3-1"):
	// ClaimResponse.request.identifier.
	SystemClaimID = "urn:claimchain:claim-id"

	// ExtX12GroupCode (valueCode "CO", "PR", "OA" or "PI") is the X12 group
	// code of an adjustment, on ClaimResponse.item.adjudication.
	ExtX12GroupCode = "urn:claimchain:x12-group-code"
	// ExtX12RemarkCode (valueCoding in SystemRARC) is the RARC that
	// supplements an adjustment's CARC, on ClaimResponse.item.adjudication.
	ExtX12RemarkCode = "urn:claimchain:x12-remark-code"
	// ExtRuleID (valueString) names the claimchain rule that made an
	// adjustment, on ClaimResponse.item.adjudication.
	ExtRuleID = "urn:claimchain:rule-id"
)

// flagFHIR selects the FHIR R4 ClaimResponse output of claim-response.
const flagFHIR = "fhir"

// fhirID is the FHIR id datatype.
var fhirID = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)

// ClaimResponseFromDecision maps a claim and its decision onto a FHIR R4
// ClaimResponse. d is nil when the claim has no decision yet: the outcome is
// then "queued" (or "error" when the claim could not be processed) and there is
// no adjudication. The mapping is documented in examples/fhir/README.md.
//
// Amounts are exact: Decision amounts are integers in minor units and
// fhir401.Money.Value is a json.Number, written from the integer's decimal
// digits (12550 usd → 125.50 USD) without passing through float64.
// ClaimResponse.payment is never set: payable is not paid until settlement.
func ClaimResponseFromDecision(claim types.Claim, d *adjtypes.Decision) (*fhir401.ClaimResponse, error) {
	if claim.Id == "" {
		return nil, errors.New("the claim has no id")
	}
	if d != nil && d.ClaimId != "" && d.ClaimId != claim.Id {
		return nil, fmt.Errorf("decision is for claim %s, not %s", d.ClaimId, claim.Id)
	}
	use, err := fhirUse(claim.Use)
	if err != nil {
		return nil, err
	}
	if claim.SubmittedTime.IsZero() {
		return nil, fmt.Errorf("claim %s has no submitted time: ClaimResponse.created is required", claim.Id)
	}
	denom := claim.TotalBilled.Denom
	if d != nil && d.Denom != "" {
		if denom != "" && d.Denom != denom {
			return nil, fmt.Errorf("claim %s is billed in %s but decided in %s", claim.Id, denom, d.Denom)
		}
		denom = d.Denom
	}
	currency := strings.ToUpper(denom)
	if !currencyCode.MatchString(currency) {
		return nil, fmt.Errorf("denom %q is not an ISO 4217 currency code in lower case: it cannot be a FHIR Money currency", denom)
	}

	cr := &fhir401.ClaimResponse{
		Status:  fhir401.FinancialResourceStatusCodesActive,
		Type:    codeable(SystemClaimType, "professional", "Professional"),
		Use:     use,
		Patient: fhir401.Reference{Identifier: identifier(SystemMemberPseudonym, claim.Member)},
		Created: claim.SubmittedTime.UTC().Format("2006-01-02"),
		Insurer: fhir401.Reference{Identifier: identifier(SystemMemberID, strconv.FormatUint(claim.InsurerId, 10))},
		Request: &fhir401.Reference{Type: ptr("Claim"), Identifier: identifier(SystemClaimID, claim.Id)},
	}
	if fhirID.MatchString(claim.Id) {
		cr.Id = ptr(claim.Id)
	}

	switch {
	case d == nil && claim.Outcome == types.CLAIM_OUTCOME_ERROR:
		cr.Outcome = fhir401.ClaimProcessingCodesError
		cr.Disposition = ptr("Could not be processed")
		return cr, nil
	case d == nil:
		cr.Outcome = fhir401.ClaimProcessingCodesQueued
		cr.Disposition = ptr(queuedDisposition(claim.Status))
		return cr, nil
	case claim.Status == types.CLAIM_STATUS_PENDED:
		// Held for review: whatever was recorded is not final.
		cr.Outcome = fhir401.ClaimProcessingCodesQueued
		cr.Disposition = ptr(queuedDisposition(claim.Status))
		return cr, nil
	}

	cr.Outcome = fhir401.ClaimProcessingCodesComplete
	words := adjtypes.DecisionWords(d.Decision)
	if d.Decision == adjtypes.DECISION_KIND_UNSPECIFIED {
		return nil, fmt.Errorf("decision on claim %s has no decision kind", claim.Id)
	}
	voided := claim.Status == types.CLAIM_STATUS_VOIDED
	switch {
	case voided && d.Released:
		words += "; voided later, its accumulator use given back"
	case voided:
		words += "; voided later"
	}
	cr.Disposition = ptr(words)
	if claim.Use == types.CLAIM_USE_PREAUTHORIZATION && !voided &&
		(d.Decision == adjtypes.DECISION_KIND_APPROVED || d.Decision == adjtypes.DECISION_KIND_PARTIALLY_APPROVED) {
		cr.PreAuthRef = ptr(claim.Id)
	}

	byLine := make(map[uint32]*adjtypes.LineDecision, len(d.Lines))
	for i := range d.Lines {
		ld := &d.Lines[i]
		if byLine[ld.Sequence] != nil {
			return nil, fmt.Errorf("decision on claim %s decides line %d twice", claim.Id, ld.Sequence)
		}
		byLine[ld.Sequence] = ld
	}
	if len(byLine) != len(claim.Lines) {
		return nil, fmt.Errorf("decision on claim %s decides %d lines, the claim has %d", claim.Id, len(byLine), len(claim.Lines))
	}
	for _, l := range claim.Lines {
		ld := byLine[l.Sequence]
		if ld == nil {
			return nil, fmt.Errorf("decision on claim %s has no line %d", claim.Id, l.Sequence)
		}
		item, err := responseItem(ld, currency)
		if err != nil {
			return nil, fmt.Errorf("claim %s line %d: %w", claim.Id, l.Sequence, err)
		}
		cr.Item = append(cr.Item, item)
	}
	cr.Total = []fhir401.ClaimResponseTotal{
		{Category: codeable(SystemAdjudication, "submitted", "Submitted Amount"), Amount: *fhirMoney(d.TotalSubmitted, currency)},
		{Category: codeable(SystemAdjudication, "benefit", "Benefit Amount"), Amount: *fhirMoney(d.TotalBenefit, currency)},
		{Category: codeable(SystemC4BBAdjudication, "memberliability", "Member liability"), Amount: *fhirMoney(d.PatientResponsibility, currency)},
	}
	return cr, nil
}

func queuedDisposition(s types.ClaimStatus) string {
	switch s {
	case types.CLAIM_STATUS_PENDED:
		return "PENDED for review: not adjudicated yet, nothing is payable"
	case types.CLAIM_STATUS_VOIDED:
		return "Voided before adjudication"
	}
	return "Received: not adjudicated yet"
}

// responseItem is one line's adjudication: the amount categories, then one
// entry per X12 adjustment.
func responseItem(ld *adjtypes.LineDecision, currency string) (fhir401.ClaimResponseItem, error) {
	amount := func(system, code, display string, v sdkmath.Int) fhir401.ClaimResponseItemAdjudication {
		return fhir401.ClaimResponseItemAdjudication{Category: codeable(system, code, display), Amount: fhirMoney(v, currency)}
	}
	item := fhir401.ClaimResponseItem{
		ItemSequence: int(ld.Sequence),
		Adjudication: []fhir401.ClaimResponseItemAdjudication{
			amount(SystemAdjudication, "submitted", "Submitted Amount", ld.Submitted),
			amount(SystemAdjudication, "eligible", "Eligible Amount", ld.Allowed),
			amount(SystemAdjudication, "deductible", "Deductible", ld.Deductible),
			amount(SystemC4BBAdjudication, "coinsurance", "Co-insurance", ld.Coinsurance),
			amount(SystemAdjudication, "copay", "CoPay", ld.Copay),
			amount(SystemAdjudication, "benefit", "Benefit Amount", ld.Benefit),
		},
	}
	for j, a := range ld.Adjustments {
		entry, err := adjustmentEntry(a, currency)
		if err != nil {
			return item, fmt.Errorf("adjustment %d: %w", j+1, err)
		}
		item.Adjudication = append(item.Adjudication, entry)
	}
	return item, nil
}

// adjustmentEntry maps an X12 adjustment onto an adjudication entry: the
// category says who bears the amount (C4BB memberliability for PR, discount for
// the contractual reduction CO-45, noncovered for other CO, OA and PI), the
// CARC is the reason, and the group code, RARC and rule are extensions.
func adjustmentEntry(a adjtypes.Adjustment, currency string) (fhir401.ClaimResponseItemAdjudication, error) {
	var e fhir401.ClaimResponseItemAdjudication
	group := adjtypes.GroupCodeLetters(a.Group)
	switch {
	case a.Group == adjtypes.GROUP_CODE_PR:
		e.Category = codeable(SystemC4BBAdjudication, "memberliability", "Member liability")
	case a.Group == adjtypes.GROUP_CODE_CO && a.Carc == "45":
		e.Category = codeable(SystemC4BBAdjudication, "discount", "Discount")
	case group != "": // CO, OA, PI
		e.Category = codeable(SystemC4BBAdjudication, "noncovered", "Noncovered")
	default:
		return e, fmt.Errorf("group code %s is not CO, PR, OA or PI", a.Group)
	}
	if a.Carc == "" {
		return e, errors.New("no CARC")
	}
	reason := fhir401.CodeableConcept{Coding: []fhir401.Coding{{System: ptr(SystemCARC), Code: ptr(a.Carc)}}}
	if m, ok := adjtypes.CARCMeaning(a.Carc); ok {
		reason.Text = ptr(m)
	}
	e.Reason = &reason
	e.Amount = fhirMoney(a.Amount, currency)
	e.Extension = []fhir401.Extension{{Url: ExtX12GroupCode, ValueCode: ptr(group)}}
	if a.Rarc != "" {
		e.Extension = append(e.Extension, fhir401.Extension{
			Url: ExtX12RemarkCode, ValueCoding: &fhir401.Coding{System: ptr(SystemRARC), Code: ptr(a.Rarc)},
		})
	}
	if a.RuleId != "" {
		e.Extension = append(e.Extension, fhir401.Extension{Url: ExtRuleID, ValueString: ptr(a.RuleId)})
	}
	return e, nil
}

func fhirUse(u types.ClaimUse) (fhir401.Use, error) {
	switch u {
	case types.CLAIM_USE_CLAIM:
		return fhir401.UseClaim, nil
	case types.CLAIM_USE_PREAUTHORIZATION:
		return fhir401.UsePreauthorization, nil
	case types.CLAIM_USE_PREDETERMINATION:
		return fhir401.UsePredetermination, nil
	}
	return 0, fmt.Errorf("claim use %s has no FHIR code", u)
}

// fhirMoney is an amount in minor units as a FHIR Money (exact, see fhirmoney).
func fhirMoney(amount sdkmath.Int, currency string) *fhir401.Money {
	return fhirmoney.Money(amount, currency)
}

func codeable(system, code, display string) fhir401.CodeableConcept {
	return fhir401.CodeableConcept{Coding: []fhir401.Coding{{System: ptr(system), Code: ptr(code), Display: ptr(display)}}}
}

func identifier(system, value string) *fhir401.Identifier {
	return &fhir401.Identifier{System: ptr(system), Value: ptr(value)}
}

func ptr[T any](v T) *T { return &v }

// ClaimResponseCmd shows a claim's decision (Query/Decision of x/adjudication)
// or, with --fhir, the claim and its decision as a FHIR R4 ClaimResponse.
func ClaimResponseCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "claim-response <claim-id>",
		Short: "Show a claim's decision, or with --fhir its FHIR R4 ClaimResponse (JSON)",
		Long: `Show the adjudication decision on a claim. With --fhir, print the claim and its decision as
a FHIR R4 ClaimResponse in JSON instead: outcome queued until the claim is decided, then
complete; per line the submitted, eligible (allowed), deductible, coinsurance, copay and
benefit (payable) amounts and each X12 adjustment with its CARC in adjudication.reason.
payment is left out: payable is not paid until settlement. See examples/fhir/README.md.`,
		Example: fmt.Sprintf("%s query claims claim-response CLM-3-1 --fhir", version.AppName),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			asFHIR, err := cmd.Flags().GetBool(flagFHIR)
			if err != nil {
				return err
			}
			ctx := cmd.Context()
			cres, err := types.NewQueryClient(clientCtx).Claim(ctx, &types.QueryClaimRequest{Id: args[0]})
			if err != nil {
				return err
			}
			dres, err := adjtypes.NewQueryClient(clientCtx).Decision(ctx, &adjtypes.QueryDecisionRequest{ClaimId: args[0]})
			var d *adjtypes.Decision
			switch {
			case err == nil:
				d = &dres.Decision
			case status.Code(err) != codes.NotFound:
				return err
			}
			if !asFHIR {
				if d == nil {
					return fmt.Errorf("claim %s has no decision yet (status %s); --fhir shows its FHIR outcome",
						args[0], cres.Claim.Status)
				}
				return clientCtx.PrintProto(dres)
			}
			cr, err := ClaimResponseFromDecision(cres.Claim, d)
			if err != nil {
				return err
			}
			bz, err := json.MarshalIndent(cr, "", "  ")
			if err != nil {
				return err
			}
			return clientCtx.PrintBytes(append(bz, '\n'))
		},
	}
	cmd.Flags().Bool(flagFHIR, false, "Print a FHIR R4 ClaimResponse (JSON) instead of the decision")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}
