package refdata_test

import (
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/testutil/apptest"
)

// TestAutoCLI builds the CLI the way claimchaind does and checks the refdata commands.
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
		"query refdata versions":        "versions <kind>",
		"query refdata version":         "version <kind> <version>",
		"query refdata ptp":             "ptp <column1> <column2> <date>",
		"query refdata mue":             "mue <code> <date>",
		"query refdata add-on":          "add-on <code> <date>",
		"query refdata exclusion":       "exclusion <npi> <date>",
		"query refdata age-sex":         "age-sex <code> <date>",
		"query refdata typical-minutes": "typical-minutes <code> <date>",
		"query refdata em-level":        "em-level <code> <date>",
		"tx refdata stage-chunk":        "stage-chunk <kind> <version> <index> <rows-json>",
		"tx refdata activate":           "activate <kind> <version> <applies-from>",
		"tx refdata revoke":             "revoke <kind> <version> <reason>",
	} {
		require.Equal(t, use, find(path).Use, path)
	}
	activate := find("tx refdata activate")
	for _, flag := range []string{"expected-chunks", "expected-rows", "expected-hash"} {
		require.NotNil(t, activate.Flags().Lookup(flag), flag)
	}
	require.NotNil(t, find("tx refdata stage-chunk").Flags().Lookup("source"))
}
