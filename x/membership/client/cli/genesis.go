// Package cli holds the membership commands autocli cannot serve: editing a
// genesis file before the chain starts.
package cli

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

const (
	flagNPI       = "npi"
	flagPayerID   = "payer-id"
	flagNAIC      = "naic-code"
	flagAgreement = "agreement"
)

// AddGenesisMemberCmd adds a founding member to genesis.json. Its bond is not
// minted: give the operator a genesis balance of the bond (add-genesis-account).
func AddGenesisMemberCmd(defaultNodeHome string) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "add-member <insurer|provider> <name> <operator-address>",
		Short: "Add a founding consortium member to genesis.json",
		Long: `Add a founding member to the membership genesis. Founding members' bonds are ordinary
genesis balances: add the validator bond to the operator with add-genesis-account.
--agreement takes the text (or identifier) of the signed consortium agreement; its sha256 is stored.`,
		Example: `claimchaind genesis add-member provider "Riverside Family Clinic" claim1... --npi 1234567893 --agreement "consortium-agreement-v1"`,
		Args:    cobra.ExactArgs(3),
		RunE: func(cmd *cobra.Command, args []string) error {
			clientCtx := client.GetClientContextFromCmd(cmd)
			cdc := clientCtx.Codec
			home, _ := cmd.Flags().GetString(flags.FlagHome)
			genFile := home + "/config/genesis.json"

			kind, err := parseKind(args[0])
			if err != nil {
				return err
			}
			npi, _ := cmd.Flags().GetString(flagNPI)
			payerID, _ := cmd.Flags().GetString(flagPayerID)
			naic, _ := cmd.Flags().GetString(flagNAIC)
			agreement, _ := cmd.Flags().GetString(flagAgreement)
			digest := sha256.Sum256([]byte(agreement))
			member := types.Member{
				Kind: kind, Name: args[1], Npi: npi, PayerId: payerID, NaicCode: naic, Operator: args[2],
				Status:        types.MEMBER_STATUS_ACTIVE,
				AgreementHash: types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256, Digest: digest[:]},
			}

			appState, appGenesis, err := genutiltypes.GenesisStateFromGenFile(genFile)
			if err != nil {
				return fmt.Errorf("read genesis: %w", err)
			}
			var gs types.GenesisState
			if err := cdc.UnmarshalJSON(appState[types.ModuleName], &gs); err != nil {
				return fmt.Errorf("read membership genesis: %w", err)
			}
			member.Id = uint64(len(gs.Members)) + 1
			for _, m := range gs.Members {
				member.Id = max(member.Id, m.Id+1)
			}
			gs.Members = append(gs.Members, member)
			if err := gs.Validate(); err != nil {
				return err
			}
			bz, err := cdc.MarshalJSON(&gs)
			if err != nil {
				return err
			}
			appState[types.ModuleName] = bz
			appGenesis.AppState, err = json.MarshalIndent(appState, "", "  ")
			if err != nil {
				return err
			}
			if err := genutil.ExportGenesisFile(appGenesis, genFile); err != nil {
				return err
			}
			_, err = fmt.Fprintf(cmd.OutOrStdout(), "added member %d: %s %q\n", member.Id, kind, member.Name)
			return err
		},
	}
	cmd.Flags().String(flags.FlagHome, defaultNodeHome, "The application home directory")
	cmd.Flags().String(flagNPI, "", "NPI of a provider (10 digits, Luhn check digit)")
	cmd.Flags().String(flagPayerID, "", "X12 payer id of an insurer (5 letters/digits)")
	cmd.Flags().String(flagNAIC, "", "NAIC company code of an insurer (5 digits)")
	cmd.Flags().String(flagAgreement, "claimchain consortium agreement", "agreement text or reference; its sha256 is stored")
	return cmd
}

func parseKind(s string) (types.MemberKind, error) {
	switch strings.ToLower(s) {
	case "insurer", "member_kind_insurer":
		return types.MEMBER_KIND_INSURER, nil
	case "provider", "member_kind_provider":
		return types.MEMBER_KIND_PROVIDER, nil
	}
	return 0, fmt.Errorf("kind must be insurer or provider, got %q", s)
}
