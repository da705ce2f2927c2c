// Package cli holds the adjudication commands autocli cannot serve: the
// explanation of a decision printed as plain text.
package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/claimchain/claimchain/x/adjudication/types"
)

// QueryCmd holds the hand-written adjudication query commands; autocli adds
// the generated ones to it (EnhanceCustomCommand).
func QueryCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Adjudication query subcommands",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(ExplainCmd())
	return cmd
}

// ExplainCmd prints a claim's decision in plain English, one line of text per
// line (Query/Explain). Only an explicit --output json prints the response as
// JSON.
func ExplainCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "explain <claim-id>",
		Short: "Explain a claim's decision in plain words: amounts, rules and adjustment reasons per line",
		Long: `Print the decision on a claim as an analyst reads it: the plan and plan year applied,
for each line the billed, allowed, deductible, coinsurance, copay and payable amounts, the
rules that applied and each X12 adjustment (group code, CARC, RARC) with its meaning, then
the totals. Decisions are final for the claim as submitted: claims already decided are not
re-adjudicated when plans or accumulators change.

The text is printed as is; use --output json for the response as JSON.`,
		Example: fmt.Sprintf("%s query adjudication explain CLM-3-1", version.AppName),
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx, err := client.GetClientQueryContext(cmd)
			if err != nil {
				return err
			}
			res, err := types.NewQueryClient(clientCtx).Explain(cmd.Context(), &types.QueryExplainRequest{ClaimId: args[0]})
			if err != nil {
				return err
			}
			// The query flags default --output to json: plain text unless asked.
			if cmd.Flags().Changed(flags.FlagOutput) && clientCtx.OutputFormat == flags.OutputFormatJSON {
				return clientCtx.PrintProto(res)
			}
			return clientCtx.PrintString(ExplainText(res.Lines))
		},
	}
	flags.AddQueryFlagsToCmd(cmd)
	return cmd
}

// ExplainText joins explanation lines, one per line of output, each ending in
// a newline.
func ExplainText(lines []string) string {
	if len(lines) == 0 {
		return ""
	}
	return strings.Join(lines, "\n") + "\n"
}
