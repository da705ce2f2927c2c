package rules

import (
	"fmt"
	"strings"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// Dispute (R-FLAG-DISPUTE) records that the member disputed the attested
// treatment (attestationID) a claim bills on the given lines.
func Dispute(attestationID, npi string, lines []uint32) Finding {
	seq := make([]string, len(lines))
	for i, l := range lines {
		seq[i] = fmt.Sprint(l)
	}
	on := "no line of this claim"
	if len(lines) > 0 {
		on = "claim lines " + strings.Join(seq, ", ")
	}
	return Finding{RuleID: types.RuleDispute, Points: types.PointsDispute, NPI: npi,
		Evidence: fmt.Sprintf("the member disputed attestation %s, billed on %s", attestationID, on),
		Figures:  []types.Evidence{fig("attestation_id", attestationID), fig("claim_lines", strings.Join(seq, ","))},
	}
}
