// Remittance → FHIR R4 PaymentReconciliation (hl7.org/fhir/R4/paymentreconciliation.html).
// examples/fhir/README.md ("PaymentReconciliation export") documents the same
// mapping for users.
//
//	PaymentReconciliation      from Remittance             rule
//	id                         trace_number                "1-3-120", when it is a valid FHIR id
//	identifier[0]              trace_number                system urn:claimchain:remittance-trace
//	status                     —                           active
//	created                    date                        dateTime in UTC, to the second
//	paymentIssuer.identifier   insurer_id                  system urn:claimchain:member-id, decimal; type Organization
//	requestor.identifier       provider_id                 system urn:claimchain:member-id, decimal; type Organization
//	outcome                    —                           complete (a remittance is a finished payment run)
//	disposition                claims, total_paid          "Remittance <trace>: <n> claims (<a> processed as primary, <b> denied, <c> reversed); total paid <v> <CUR>"
//	paymentDate                date                        YYYY-MM-DD in UTC
//	paymentAmount              total_paid                  Money; currency = upper-cased denom (ISO 4217)
//	paymentIdentifier          trace_number                system urn:claimchain:remittance-trace
//	detail[i]                  claims[i]                   one per claim, in remittance order
//	  identifier               claim_id                    system urn:claimchain:claim-id
//	  type                     claim_status_code           payment-type#payment (1, 4), payment-type#adjustment (22)
//	  request                  claim_id                    type Claim, identifier system urn:claimchain:claim-id
//	  amount                   paid                        Money, as stored (0 for a denied claim; a reversal's sign is kept)
//	  extension                claim_status_code           urn:claimchain:x12-claim-status, valueString "1", "4" or "22"
//	  extension                billed                      urn:claimchain:amount-billed, valueMoney
//	  extension                allowed                     urn:claimchain:amount-allowed, valueMoney
//	  extension                patient_responsibility      urn:claimchain:amount-patient-responsibility, valueMoney
//	  extension (per adj.)     adjustments[j]              urn:claimchain:claim-adjustment with sub-extensions
//	                                                       group (valueCode CO|PR|OA|PI), carc (valueCode),
//	                                                       rarc (valueCode, when set), amount (valueMoney),
//	                                                       rule (valueString, when set)
//
// Not emitted: period, request, formCode, processNote, detail.predecessor
// (the reversed payment's trace number is not on the remittance),
// detail.submitter/response/date/responsible/payee, and the remittance's payee
// address, height and each claim's member pseudonym (no patient data in a
// payment resource; the claim id leads to the claim).
//
// FHIR R4 PaymentReconciliation.detail has no elements for billed, allowed,
// patient responsibility or X12 adjustments, hence the extensions.
// Refused (error): no trace number, no date, a denom that is not an ISO 4217
// code, a claim without id, a CLP02 status other than 1, 4 or 22, a denied
// claim with a non-zero payment, an adjustment without group code or CARC, and
// a total that is not the sum of the claims' payments (the 835 balancing rule:
// BPR02 = Σ CLP04).

// Package cli holds the settlement commands autocli cannot serve: a
// remittance advice exported as a FHIR R4 PaymentReconciliation.
package cli

import (
	"github.com/claimchain/claimchain/x/claims/client/fhirmoney"

	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/fastenhealth/gofhir-models/fhir401"
	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"

	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// Identifier systems, code systems and extension URLs of the
// PaymentReconciliation export.
const (
	// SystemRemittanceTrace identifies a remittance by its trace number
	// ("<insurer id>-<provider id>-<block height>"): identifier and
	// paymentIdentifier.
	SystemRemittanceTrace = "urn:claimchain:remittance-trace"
	// SystemMemberID identifies a consortium member (insurer or provider) by
	// its member id in decimal; the same system as the Claim import and the
	// ClaimResponse export.
	SystemMemberID = "urn:claimchain:member-id"
	// SystemClaimID identifies a claim by its chain id ("CLM-3-1"); the same
	// system as the ClaimResponse export.
	SystemClaimID = "urn:claimchain:claim-id"
	// SystemPaymentType is FHIR's payment-type code system (payment,
	// adjustment, advance): PaymentReconciliation.detail.type.
	SystemPaymentType = "http://terminology.hl7.org/CodeSystem/payment-type"

	// ExtX12ClaimStatus (valueString) is the 835 CLP02 claim status code of a
	// detail: "1" processed as primary, "4" denied, "22" reversal.
	ExtX12ClaimStatus = "urn:claimchain:x12-claim-status"
	// ExtAmountBilled, ExtAmountAllowed and ExtAmountPatientResponsibility
	// (valueMoney) carry a detail's claim amounts (835 CLP03, AMT*B6, CLP05).
	ExtAmountBilled                = "urn:claimchain:amount-billed"
	ExtAmountAllowed               = "urn:claimchain:amount-allowed"
	ExtAmountPatientResponsibility = "urn:claimchain:amount-patient-responsibility"
	// Provider-level adjustments of the run, as an 835 PLB: what was taken
	// from this run against what the provider owed the insurer, and what the
	// run's negative corrections added to it.
	ExtRecouped       = "urn:claimchain:recouped"
	ExtCarriedForward = "urn:claimchain:carried-forward"
	// ExtClaimAdjustment is one X12 adjustment (an 835 CAS entry) of a
	// detail, a complex extension with the sub-extensions below.
	ExtClaimAdjustment = "urn:claimchain:claim-adjustment"

	// Sub-extension URLs of ExtClaimAdjustment (relative, as FHIR requires
	// for the parts of a complex extension).
	SubExtGroup  = "group"  // valueCode CO, PR, OA or PI
	SubExtCARC   = "carc"   // valueCode, the claim adjustment reason code
	SubExtRARC   = "rarc"   // valueCode, the remark code; only when there is one
	SubExtAmount = "amount" // valueMoney
	SubExtRule   = "rule"   // valueString, the claimchain rule; only when set
)

// flagFHIR selects the FHIR R4 PaymentReconciliation output of remittance.
const flagFHIR = "fhir"

// fhirID is the FHIR id datatype.
var fhirID = regexp.MustCompile(`^[A-Za-z0-9\-.]{1,64}$`)

// PaymentReconciliationFromRemittance maps a remittance advice onto a FHIR R4
// PaymentReconciliation: the payment (total, date, trace number, payer and
// payee) and one detail per claim with its 835 status, amounts and
// adjustments. The mapping is documented at the top of this file and in
// examples/fhir/README.md.
//
// Amounts are exact: remittance amounts are integers in minor units and
// fhir401.Money.Value is a json.Number written from the integer's digits
// (12550 usd → 125.50 USD), never through float64.
func PaymentReconciliationFromRemittance(r settlementtypes.Remittance) (*fhir401.PaymentReconciliation, error) {
	if r.TraceNumber == "" {
		return nil, errors.New("the remittance has no trace number")
	}
	if r.Date.IsZero() {
		return nil, fmt.Errorf("remittance %s has no date: created and paymentDate are required", r.TraceNumber)
	}
	denom := r.TotalPaid.Denom
	currency := strings.ToUpper(denom)
	if !currencyCode.MatchString(currency) {
		return nil, fmt.Errorf("remittance %s: denom %q is not an ISO 4217 currency code in lower case: it cannot be a FHIR Money currency",
			r.TraceNumber, denom)
	}

	trace := fhir401.Identifier{System: ptr(SystemRemittanceTrace), Value: ptr(r.TraceNumber)}
	date := r.Date.UTC()
	pr := &fhir401.PaymentReconciliation{
		Identifier:        []fhir401.Identifier{trace},
		Status:            fhir401.FinancialResourceStatusCodesActive,
		Created:           date.Format(time.RFC3339),
		PaymentIssuer:     memberRef(r.InsurerId),
		Requestor:         memberRef(r.ProviderId),
		Outcome:           ptr(fhir401.ClaimProcessingCodesComplete),
		PaymentDate:       date.Format(time.DateOnly),
		PaymentAmount:     *fhirMoney(r.TotalPaid.Amount, currency),
		PaymentIdentifier: ptr(trace),
	}
	if fhirID.MatchString(r.TraceNumber) {
		pr.Id = ptr(r.TraceNumber)
	}

	sum := new(big.Int)
	counts := map[uint32]int{}
	for i, c := range r.Claims {
		d, err := reconciliationDetail(c, currency)
		if err != nil {
			return nil, fmt.Errorf("remittance %s claim %d: %w", r.TraceNumber, i+1, err)
		}
		pr.Detail = append(pr.Detail, d)
		sum.Add(sum, minorUnits(c.Paid))
		counts[c.ClaimStatusCode]++
	}
	total := minorUnits(r.TotalPaid.Amount)
	// sum of the claims' paid = total paid + recouped - carried forward.
	expected := new(big.Int).Add(total, minorUnits(r.Recouped))
	expected.Sub(expected, minorUnits(r.CarriedForward))
	if expected.Cmp(sum) != 0 {
		exp := fhirmoney.MinorExponent(currency)
		plb := ""
		if expected.Cmp(total) != 0 {
			plb = fmt.Sprintf(" (%s %s with recouped less carried forward)", fhirmoney.MinorToDecimal(expected, exp), currency)
		}
		return nil, fmt.Errorf("remittance %s: total paid %s %s%s is not the sum of its claims' payments, %s %s",
			r.TraceNumber, fhirmoney.MinorToDecimal(total, exp), currency, plb, fhirmoney.MinorToDecimal(sum, exp), currency)
	}
	if !r.Recouped.IsNil() && !r.Recouped.IsZero() {
		pr.Extension = append(pr.Extension, fhir401.Extension{Url: ExtRecouped, ValueMoney: fhirMoney(r.Recouped, currency)})
	}
	if !r.CarriedForward.IsNil() && !r.CarriedForward.IsZero() {
		pr.Extension = append(pr.Extension, fhir401.Extension{Url: ExtCarriedForward, ValueMoney: fhirMoney(r.CarriedForward, currency)})
	}
	pr.Disposition = ptr(disposition(r.TraceNumber, len(r.Claims), counts, fhirmoney.MinorToDecimal(total, fhirmoney.MinorExponent(currency))+" "+currency))
	return pr, nil
}

// disposition summarises the remittance: "Remittance 1-3-120: 3 claims (2
// processed as primary, 1 denied); total paid 250.00 USD".
func disposition(trace string, n int, counts map[uint32]int, total string) string {
	var parts []string
	for _, s := range []struct {
		code  uint32
		words string
	}{
		{settlementtypes.StatusProcessed, "processed as primary"},
		{settlementtypes.StatusDenied, "denied"},
		{settlementtypes.StatusReversal, "reversed"},
	} {
		if counts[s.code] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[s.code], s.words))
		}
	}
	var claims string
	switch n {
	case 0:
		claims = "no claims"
	case 1:
		claims = "1 claim (" + strings.Join(parts, ", ") + ")"
	default:
		claims = fmt.Sprintf("%d claims (%s)", n, strings.Join(parts, ", "))
	}
	return fmt.Sprintf("Remittance %s: %s; total paid %s", trace, claims, total)
}

// reconciliationDetail is one claim of the remittance (an 835 CLP loop).
func reconciliationDetail(c settlementtypes.RemittanceClaim, currency string) (fhir401.PaymentReconciliationDetail, error) {
	var d fhir401.PaymentReconciliationDetail
	if c.ClaimId == "" {
		return d, errors.New("no claim id")
	}
	var paymentType string
	switch c.ClaimStatusCode {
	case settlementtypes.StatusProcessed:
		paymentType = "payment"
	case settlementtypes.StatusDenied:
		if !c.Paid.IsNil() && !c.Paid.IsZero() {
			return d, fmt.Errorf("claim %s is denied (835 status 4) but paid %s %s",
				c.ClaimId, fhirmoney.MinorToDecimal(minorUnits(c.Paid), fhirmoney.MinorExponent(currency)), currency)
		}
		paymentType = "payment"
	case settlementtypes.StatusReversal:
		paymentType = "adjustment"
	default:
		return d, fmt.Errorf("claim %s has 835 claim status %d: only 1 (processed as primary), 4 (denied) and 22 (reversal) are exported",
			c.ClaimId, c.ClaimStatusCode)
	}
	claimID := &fhir401.Identifier{System: ptr(SystemClaimID), Value: ptr(c.ClaimId)}
	d.Identifier = claimID
	d.Type = fhir401.CodeableConcept{Coding: []fhir401.Coding{{
		System: ptr(SystemPaymentType), Code: ptr(paymentType), Display: ptr(paymentTypeDisplay(paymentType)),
	}}}
	d.Request = &fhir401.Reference{Type: ptr("Claim"), Identifier: claimID}
	d.Amount = fhirMoney(c.Paid, currency)
	d.Extension = []fhir401.Extension{
		{Url: ExtX12ClaimStatus, ValueString: ptr(strconv.FormatUint(uint64(c.ClaimStatusCode), 10))},
		{Url: ExtAmountBilled, ValueMoney: fhirMoney(c.Billed, currency)},
		{Url: ExtAmountAllowed, ValueMoney: fhirMoney(c.Allowed, currency)},
		{Url: ExtAmountPatientResponsibility, ValueMoney: fhirMoney(c.PatientResponsibility, currency)},
	}
	for j, a := range c.Adjustments {
		ext, err := adjustmentExtension(a, currency)
		if err != nil {
			return d, fmt.Errorf("claim %s adjustment %d: %w", c.ClaimId, j+1, err)
		}
		d.Extension = append(d.Extension, ext)
	}
	return d, nil
}

func paymentTypeDisplay(code string) string {
	if code == "adjustment" {
		return "Adjustment"
	}
	return "Payment"
}

// adjustmentExtension is one X12 adjustment as a complex extension.
func adjustmentExtension(a adjtypes.Adjustment, currency string) (fhir401.Extension, error) {
	group := adjtypes.GroupCodeLetters(a.Group)
	if group == "" {
		return fhir401.Extension{}, fmt.Errorf("group code %s is not CO, PR, OA or PI", a.Group)
	}
	if a.Carc == "" {
		return fhir401.Extension{}, errors.New("no CARC")
	}
	parts := []fhir401.Extension{
		{Url: SubExtGroup, ValueCode: ptr(group)},
		{Url: SubExtCARC, ValueCode: ptr(a.Carc)},
	}
	if a.Rarc != "" {
		parts = append(parts, fhir401.Extension{Url: SubExtRARC, ValueCode: ptr(a.Rarc)})
	}
	parts = append(parts, fhir401.Extension{Url: SubExtAmount, ValueMoney: fhirMoney(a.Amount, currency)})
	if a.RuleId != "" {
		parts = append(parts, fhir401.Extension{Url: SubExtRule, ValueString: ptr(a.RuleId)})
	}
	return fhir401.Extension{Url: ExtClaimAdjustment, Extension: parts}, nil
}

// memberRef is a reference to a consortium member (an organisation) by its
// member id.
func memberRef(id uint64) *fhir401.Reference {
	return &fhir401.Reference{
		Type:       ptr("Organization"),
		Identifier: &fhir401.Identifier{System: ptr(SystemMemberID), Value: ptr(strconv.FormatUint(id, 10))},
	}
}

// QueryCmd holds the hand-written settlement query commands; autocli adds the
// generated ones to it (EnhanceCustomCommand) and leaves "remittance" to
// RemittanceCmd.
func QueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        settlementtypes.ModuleName,
		Short:                      "Querying commands for settlement",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(RemittanceCmd())
	return cmd
}

// RemittanceCmd shows a remittance advice (Query/Remittance) or, with --fhir,
// the remittance as a FHIR R4 PaymentReconciliation.
func RemittanceCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "remittance <trace-number>",
		Short: "Show a remittance advice, or with --fhir its FHIR R4 PaymentReconciliation (JSON)",
		Long: `Show the remittance advice of one payment run for one insurer and one provider, by its
trace number ("<insurer id>-<provider id>-<block height>"). With --fhir, print it as a
FHIR R4 PaymentReconciliation in JSON instead: the total paid, date and trace number, and
one detail per claim with its 835 claim status (1 processed as primary, 4 denied,
22 reversal), the amount paid, and the billed, allowed and patient responsibility amounts
and each X12 adjustment (group code, CARC, RARC, amount, rule) as extensions.
See examples/fhir/README.md.`,
		Example: fmt.Sprintf("%s query settlement remittance 1-3-120 --fhir", version.AppName),
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
			res, err := settlementtypes.NewQueryClient(clientCtx).Remittance(cmd.Context(),
				&settlementtypes.QueryRemittanceRequest{TraceNumber: args[0]})
			if err != nil {
				return err
			}
			if !asFHIR {
				return clientCtx.PrintProto(res)
			}
			pr, err := PaymentReconciliationFromRemittance(res.Remittance)
			if err != nil {
				return err
			}
			bz, err := json.MarshalIndent(pr, "", "  ")
			if err != nil {
				return err
			}
			return clientCtx.PrintBytes(append(bz, '\n'))
		},
	}
	cmd.Flags().Bool(flagFHIR, false, "Print a FHIR R4 PaymentReconciliation (JSON) instead of the remittance")
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}
