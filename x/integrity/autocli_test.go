package integrity_test

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/testutil/apptest"
)

// TestAutoCLI builds the CLI the way claimchaind does and checks the integrity commands.
func TestAutoCLI(t *testing.T) {
	f := apptest.Setup(t)
	root := &cobra.Command{Use: "claimchaind"}
	require.NoError(t, f.App.AutoCliOpts().EnhanceRootCommand(root))
	for _, c := range []struct{ path, use string }{
		{"query integrity flag", "flag <claim-id> <rule-id>"},
		{"query integrity claim-flags", "claim-flags <claim-id>"},
		{"query integrity flags-by-insurer", "flags-by-insurer <insurer-member-id>"},
		{"query integrity flags-by-provider", "flags-by-provider <provider-member-id>"},
		{"query integrity flags-by-rule", "flags-by-rule <rule-id>"},
		{"query integrity provider-stats", "provider-stats <provider-member-id>"},
		{"query integrity thresholds", "thresholds <insurer-member-id>"},
		{"tx integrity set-thresholds", "set-thresholds <pend-score> <em-min-services> <em-excess-bps> <volume-min-claims> <volume-factor-bps>"},
	} {
		cmd, rest, err := root.Find(strings.Fields(c.path))
		require.NoError(t, err, c.path)
		require.Empty(t, rest, c.path)
		require.Equal(t, c.use, cmd.Use, c.path)
	}
	cmd, _, err := root.Find([]string{"query", "integrity", "flags-by-rule"})
	require.NoError(t, err)
	require.NotNil(t, cmd.Flags().Lookup("page-limit"), "paginated")
}
