// Command claimload measures claimchain's throughput and latency on a running
// node. `claimload genesis` adds a synthetic book of business to a fresh home's
// genesis (providers, members, a plan, CMS-scale reference tables, bank-send
// accounts); `claimload run` pre-signs attestations and claims (or plain bank
// sends), sends them at a set rate or as fast as the node takes them, and writes
// a report: claims/s and tx/s committed, submit-to-commit latency percentiles
// from block times, failures by reason, block sizes and block times.
package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/claimchain/claimchain/app"
)

func main() {
	app.SetAddressPrefixes()
	root := &cobra.Command{
		Use:           "claimload",
		Short:         "load generator and throughput report for a claimchain node",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(genesisCmd(), runCmd(), tableCmd())
	if err := root.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "claimload:", err)
		os.Exit(1)
	}
}
