// Command claimchaind runs and talks to a claimchain node.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	svrcmd "github.com/cosmos/cosmos-sdk/server/cmd"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/cmd/claimchaind/cmd"
)

// gcPercent is the node's garbage-collection target when GOGC is not set:
// a claim allocates much short-lived memory (decoded state, events), and at
// Go's default of 100 the collector took a fifth of a loaded node's CPU.
// Memory is not the limit of a validator: its heap is a few hundred MB.
const gcPercent = 200

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	rootCmd := cmd.NewRootCmd()
	if err := svrcmd.Execute(rootCmd, "CLAIMCHAIN", app.DefaultNodeHome); err != nil {
		_, _ = fmt.Fprintln(rootCmd.OutOrStderr(), err)
		os.Exit(1)
	}
}
