package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/tx"
)

// maxFHIRFileBytes bounds the size of a Claim file: 50 items fit easily.
const maxFHIRFileBytes = 1 << 20

// SubmitFHIRCmd reads a FHIR R4 Claim resource (JSON), maps it with
// ClaimFromFHIR and broadcasts the MsgSubmitClaim, signed by --from.
func SubmitFHIRCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "submit-fhir [claim.json]",
		Short: "Submit a FHIR R4 Claim resource (JSON) as a claim, preauthorization or predetermination",
		Long: `Read a FHIR R4 Claim resource in JSON and submit it as MsgSubmitClaim, signed by the
provider operator given with --from.

The patient is identified only by Claim.patient.identifier with system
urn:claimchain:member-pseudonym (the insurer-issued pseudonym), the insurer by
Claim.insurer.identifier with system urn:claimchain:member-id, and each claim line
points at its attested service line with the item extension
urn:claimchain:attestation-line (valueString "ATT-3-17#2"). Patient names, birth
dates, free text and contained resources are refused; a refused or malformed element
is reported with its FHIR path. See examples/fhir/README.md for the full mapping.
Use --generate-only to see the mapped message without broadcasting it.`,
		Example: `claimchaind tx claims submit-fhir examples/fhir/claim-office-visit.json --from clinic`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientTxContext(cmd)
			if err != nil {
				return err
			}
			data, err := readFHIRFile(args[0])
			if err != nil {
				return err
			}
			msg, err := ClaimFromFHIR(data, clientCtx.GetFromAddress().String())
			if err != nil {
				return fmt.Errorf("%s: %w", args[0], err)
			}
			return tx.GenerateOrBroadcastTxCLI(clientCtx, cmd.Flags(), msg)
		},
	}
	flags.AddTxFlagsToCmd(cmd)
	return cmd
}

// readFHIRFile reads a Claim file of at most maxFHIRFileBytes.
func readFHIRFile(name string) ([]byte, error) {
	f, err := os.Open(filepath.Clean(name))
	if err != nil {
		return nil, err
	}
	defer f.Close() //nolint:errcheck // read-only file
	data, err := io.ReadAll(io.LimitReader(f, maxFHIRFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxFHIRFileBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes: submit one Claim resource", name, maxFHIRFileBytes)
	}
	return data, nil
}
