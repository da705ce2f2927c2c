package cli_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/attestation/client/cli"
	"github.com/claimchain/claimchain/x/attestation/types"
)

func TestNewPseudonymCmd(t *testing.T) {
	seen := map[string]bool{}
	for range 3 {
		cmd := cli.GetTxCmd()
		var out bytes.Buffer
		cmd.SetOut(&out)
		cmd.SetArgs([]string{"new-pseudonym"})
		require.NoError(t, cmd.Execute())
		p := strings.TrimSuffix(out.String(), "\n")
		require.NoError(t, types.ValidatePseudonym(p))
		require.False(t, seen[p], "every pseudonym is fresh")
		seen[p] = true
	}
}

func TestNewPseudonymCmdTakesNoArgs(t *testing.T) {
	cmd := cli.NewPseudonymCmd()
	cmd.SetArgs([]string{"W123456789"})
	cmd.SetOut(&bytes.Buffer{})
	cmd.SetErr(&bytes.Buffer{})
	require.Error(t, cmd.Execute())
}
