// Package cli holds the attestation commands autocli cannot generate.
package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/version"

	"github.com/claimchain/claimchain/x/attestation/types"
)

// GetTxCmd returns the attestation tx command: the hand-written commands here;
// autocli adds the Msg commands (EnhanceCustomCommand).
func GetTxCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        types.ModuleName,
		Short:                      "Attestation transactions: attest treatment, make member pseudonyms",
		DisableFlagParsing:         true,
		SuggestionsMinimumDistance: 2,
		RunE:                       client.ValidateCmd,
	}
	cmd.AddCommand(NewPseudonymCmd())
	return cmd
}

// NewPseudonymCmd prints a fresh member pseudonym. It runs locally: no key, no
// node, no transaction. Insurers use it (or the same 32 bytes from any CSPRNG)
// when they enrol a member, and keep the mapping to the member number off-chain.
func NewPseudonymCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "new-pseudonym",
		Short: "Print a fresh random member pseudonym (32 random bytes, 64 lower-case hex characters)",
		Long: "Print a fresh member pseudonym: 32 bytes from the operating system's random source, " +
			"as 64 lower-case hex characters. It is generated locally and sent nowhere. A pseudonym is " +
			"never derived from the member (no hash of a member number, name or date of birth): the insurer " +
			"keeps the mapping to its own records off-chain.",
		Example: fmt.Sprintf("%s tx attestation new-pseudonym", version.AppName),
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := types.NewPseudonym()
			if err != nil {
				return err
			}
			if err := types.ValidatePseudonym(p); err != nil {
				// 64 random hex digits with fewer than 8 distinct values: astronomically
				// unlikely, and refused on chain, so say so rather than print it.
				return fmt.Errorf("drew an unusable pseudonym, run again: %w", err)
			}
			_, err = fmt.Fprintln(cmd.OutOrStdout(), p)
			return err
		},
	}
}
