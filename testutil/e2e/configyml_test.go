package e2e

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"sigs.k8s.io/yaml"
)

// configYML is the part of Ignite's config.yml that describes the demo chain.
type configYML struct {
	Accounts []struct {
		Name     string   `json:"name"`
		Coins    []string `json:"coins"`
		Mnemonic string   `json:"mnemonic"`
	} `json:"accounts"`
	Validators []struct {
		Name   string `json:"name"`
		Bonded string `json:"bonded"`
	} `json:"validators"`
	Genesis struct {
		ChainID         string `json:"chain_id"`
		ConsensusParams struct {
			Block struct {
				MaxGas   string `json:"max_gas"`
				MaxBytes string `json:"max_bytes"`
			} `json:"block"`
		} `json:"consensus_params"`
		AppState struct {
			Staking struct {
				Params struct {
					BondDenom     string `json:"bond_denom"`
					UnbondingTime string `json:"unbonding_time"`
				} `json:"params"`
			} `json:"staking"`
			Gov struct {
				Params struct {
					VotingPeriod string `json:"voting_period"`
				} `json:"params"`
			} `json:"gov"`
			Membership struct {
				Members []json.RawMessage `json:"members"`
			} `json:"membership"`
		} `json:"app_state"`
	} `json:"genesis"`
}

func readConfigYML(t *testing.T) configYML {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(repoRoot(t), "config.yml"))
	require.NoError(t, err)
	var cfg configYML
	require.NoError(t, yaml.Unmarshal(raw, &cfg), "config.yml")
	return cfg
}

func runWithStdin(bin, stdin string, args ...string) (string, error) {
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	return string(out), err
}
