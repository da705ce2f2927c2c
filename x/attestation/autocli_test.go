package attestation_test

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/testutil/apptest"
	"github.com/claimchain/claimchain/x/attestation/types"
)

// TestAutoCLI builds the CLI the way claimchaind does and checks the attestation commands.
func TestAutoCLI(t *testing.T) {
	f := apptest.Setup(t)
	root := &cobra.Command{Use: "claimchaind"}
	require.NoError(t, f.App.AutoCliOpts().EnhanceRootCommand(root))

	find := func(path string) *cobra.Command {
		cmd, rest, err := root.Find(strings.Fields(path))
		require.NoError(t, err, path)
		require.Empty(t, rest, path)
		return cmd
	}
	for path, use := range map[string]string{
		"query attestation attestation":        "attestation <id>",
		"query attestation by-provider":        "by-provider <provider-id>",
		"query attestation by-member":          "by-member <pseudonym>",
		"query attestation treatment-response": "treatment-response <attestation-id>",
		"tx attestation new-pseudonym":         "new-pseudonym",
		"tx attestation attest":                "attest <insurer-id> <member> <encounter-date> <place-of-service>",
		"tx attestation confirm-treatment":     "confirm-treatment <attestation-id>",
		"tx attestation dispute-treatment":     "dispute-treatment <attestation-id> <reason-hash>",
	} {
		require.Equal(t, use, find(path).Use, path)
	}
}

// TestAminoNames checks the amino JSON names used for ledger signing.
func TestAminoNames(t *testing.T) {
	f := apptest.Setup(t)
	for name, msg := range map[string]any{
		"claimchain/x/attestation/MsgAttestTreatment":  &types.MsgAttestTreatment{},
		"claimchain/x/attestation/MsgConfirmTreatment": &types.MsgConfirmTreatment{},
		"claimchain/x/attestation/MsgDisputeTreatment": &types.MsgDisputeTreatment{},
	} {
		bz, err := f.App.LegacyAmino().MarshalJSON(msg)
		require.NoError(t, err, name)
		require.Contains(t, string(bz), `"type":"`+name+`"`)
	}
}
