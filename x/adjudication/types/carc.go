package types

// Short meanings of the X12 claim adjustment group codes, claim adjustment
// reason codes (CARCs) and remittance advice remark codes (RARCs) that
// claimchain's rules use, for the explain output and the FHIR export.
//
// The meanings are abridged for analysts; the code lists are maintained by X12
// (CARCs, revised three times a year) and CMS (RARCs), whose wording governs.

// groupCodeNames names the X12 group codes.
var groupCodeNames = map[GroupCode]string{
	GROUP_CODE_CO: "contractual obligation",
	GROUP_CODE_PR: "patient responsibility",
	GROUP_CODE_OA: "other adjustment",
	GROUP_CODE_PI: "payer-initiated reduction",
}

// groupCodeLetters are the two letters an 835 prints for each group code.
var groupCodeLetters = map[GroupCode]string{
	GROUP_CODE_CO: "CO",
	GROUP_CODE_PR: "PR",
	GROUP_CODE_OA: "OA",
	GROUP_CODE_PI: "PI",
}

// carcMeanings abridges the CARCs claimchain's rules emit.
var carcMeanings = map[string]string{
	"1":   "deductible amount",
	"2":   "coinsurance amount",
	"3":   "co-payment amount",
	"4":   "procedure code inconsistent with the modifier, or a required modifier is missing",
	"5":   "procedure inconsistent with the place of service",
	"6":   "procedure inconsistent with the patient's age",
	"7":   "procedure inconsistent with the patient's gender",
	"9":   "diagnosis inconsistent with the patient's age",
	"10":  "diagnosis inconsistent with the patient's gender",
	"11":  "diagnosis inconsistent with the procedure",
	"13":  "date of death precedes the date of service",
	"14":  "date of birth follows the date of service",
	"16":  "claim lacks information or has billing errors",
	"18":  "exact duplicate claim or service",
	"26":  "expenses incurred before coverage began",
	"27":  "expenses incurred after coverage ended",
	"29":  "time limit for filing has expired",
	"31":  "patient cannot be identified as our insured",
	"35":  "lifetime benefit maximum reached",
	"45":  "charge exceeds fee schedule",
	"50":  "not medically necessary",
	"96":  "non-covered charge",
	"97":  "included in the allowance for another service already adjudicated",
	"107": "related or qualifying claim or service not identified on this claim",
	"119": "benefit maximum for this period or occurrence reached",
	"151": "information does not support this many or this frequency of services",
	"167": "diagnosis not covered",
	"185": "rendering provider not eligible to perform the service",
	"197": "precertification or authorization absent",
	"198": "precertification or authorization exceeded",
	"204": "service not covered under the patient's current benefit plan",
	"231": "mutually exclusive procedures on the same day",
	"234": "procedure not paid separately",
	"236": "procedure or modifier combination not compatible with another procedure on the same day (NCCI)",
	"B7":  "provider not certified or eligible to be paid for this procedure on this date",
	"B13": "previously paid",
}

// rarcMeanings abridges the RARCs claimchain's rules emit.
var rarcMeanings = map[string]string{
	"N1":    "you may appeal this decision",
	"N130":  "consult plan benefit documents for coverage",
	"N362":  "days or units exceed our acceptable maximum",
	"N522":  "duplicate of a claim processed, or to be processed, as a crossover claim",
	"M62":   "missing or invalid treatment authorization",
	"M86":   "payment already made for the same or a similar procedure",
	"MA130": "incomplete or invalid information; the claim is unprocessable and has no appeal rights",
}

// GroupCodeLetters returns the two letters of an X12 group code ("CO"), or ""
// for an unspecified or unknown one.
func GroupCodeLetters(g GroupCode) string { return groupCodeLetters[g] }

// GroupCodeName returns the meaning of an X12 group code ("contractual
// obligation"), or "" for an unspecified or unknown one.
func GroupCodeName(g GroupCode) string { return groupCodeNames[g] }

// CARCMeaning returns the short meaning of a claim adjustment reason code and
// whether the code is in claimchain's table.
func CARCMeaning(code string) (string, bool) {
	m, ok := carcMeanings[code]
	return m, ok
}

// RARCMeaning returns the short meaning of a remittance advice remark code and
// whether the code is in claimchain's table.
func RARCMeaning(code string) (string, bool) {
	m, ok := rarcMeanings[code]
	return m, ok
}
