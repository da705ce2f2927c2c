package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// genesisMember is a founding member as both config.yml and genesis.json state it.
type genesisMember struct {
	ID            string `json:"id"`
	Kind          string `json:"kind"`
	Name          string `json:"name"`
	Npi           string `json:"npi"`
	PayerID       string `json:"payer_id"`
	NaicCode      string `json:"naic_code"`
	Operator      string `json:"operator"`
	Status        string `json:"status"`
	AgreementHash struct {
		Algorithm string `json:"algorithm"`
		Digest    string `json:"digest"`
	} `json:"agreement_hash"`
}

type memberJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Name     string `json:"name"`
	Npi      string `json:"npi"`
	PayerID  string `json:"payer_id"`
	Operator string `json:"operator"`
	Status   string `json:"status"`
}

// TestLocalnet is the newcomer's path: the localnet script, the real binary, a
// running node, CLI/REST queries, refused txs and a governance admission.
func TestLocalnet(t *testing.T) {
	if testing.Short() {
		t.Skip("e2e: builds and runs the real binary")
	}
	bin := buildBinary(t)
	n := newLocalnet(t, bin, "8s")
	checkConfigYMLInStep(t, n)

	n.start()
	n.waitHeight(3, 60*time.Second)

	t.Run("the CLI lists the demo members", func(t *testing.T) {
		n := n.with(t)
		var res struct {
			Members []memberJSON `json:"members"`
		}
		require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "membership", "members", "-o", "json")), &res))
		names := []string{}
		for _, m := range res.Members {
			require.Equal(t, "MEMBER_STATUS_ACTIVE", m.Status)
			names = append(names, m.Name)
		}
		require.Equal(t, []string{"Northwind Health Plan", "Bluewater Mutual Insurance", "Riverside Family Clinic",
			"Lakeview General Hospital"}, names)
	})

	t.Run("REST serves the registry, filtered by kind", func(t *testing.T) {
		n := n.with(t)
		var res struct {
			Members []memberJSON `json:"members"`
		}
		require.NoError(t, json.Unmarshal(n.getREST("/claimchain/membership/v1/members?kind=2"), &res))
		require.Len(t, res.Members, 2)
		require.Equal(t, "1234567893", res.Members[0].Npi)
		var one struct {
			Member memberJSON `json:"member"`
		}
		require.NoError(t, json.Unmarshal(n.getREST("/claimchain/membership/v1/operators/"+n.keyAddress("insurer-b")), &one))
		require.Equal(t, "BWMI2", one.Member.PayerID)
	})

	t.Run("a non-member's create-validator is refused and says why", func(t *testing.T) {
		n := n.with(t)
		valFile := filepath.Join(t.TempDir(), "validator.json")
		require.NoError(t, os.WriteFile(valFile, []byte(`{
  "pubkey": {"@type":"/cosmos.crypto.ed25519.PubKey","key":"oWg2ISpLF405Jcm2vXV+2v4fnjodh6aafuIdeoW+rUw="},
  "amount": "1000000ubond", "moniker": "outsider", "commission-rate": "0.1", "commission-max-rate": "0.2",
  "commission-max-change-rate": "0.01", "min-self-delegation": "1"}`), 0o600))
		res := n.tx("staking", "create-validator", valFile, "--from", "outsider")
		require.NotZero(t, res.Code)
		require.Contains(t, res.RawLog, "only an admitted ACTIVE consortium member may create a validator")
		require.Contains(t, res.RawLog, n.keyAddress("outsider")+" is not a consortium member")
	})

	t.Run("the bond cannot be sent with bank", func(t *testing.T) {
		n := n.with(t)
		res := n.tx("bank", "send", "provider-a", n.keyAddress("outsider"), "1ubond", "--from", "provider-a")
		require.NotZero(t, res.Code)
		require.Contains(t, res.RawLog, "ubond transfers are currently disabled")
	})

	t.Run("attest, bill from FHIR JSON, and find the claim by every index", func(t *testing.T) {
		n := n.with(t)
		testClaimsWorkflow(t, n)
	})

	t.Run("the approved claim is paid from escrow after the hold period", func(t *testing.T) {
		n := n.with(t)
		testPaidFromEscrow(t, n)
	})

	t.Run("two identical claims: the second meets the deductible", func(t *testing.T) {
		n := n.with(t)
		testDeductibleAcrossClaims(t, n)
	})

	t.Run("a member's dispute pends a claim; analysts see the flag; the review releases it", func(t *testing.T) {
		n := n.with(t)
		testDisputePendsAndReviewReleases(t, n)
	})

	t.Run("governance admits an organisation and mints its bond", func(t *testing.T) {
		n := n.with(t)
		outsider := n.keyAddress("outsider")
		res := n.tx("membership", "admit-member", "provider", "Harbor Urgent Care", outsider,
			"--npi", "1543210987",
			"--agreement-hash", `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"ucic1wvMeqlz70Gan/qhDdCko/hWKqucVqyvWpVEorY="}`,
			"--title", "Admit Harbor Urgent Care", "--summary", "New provider member", "--deposit", "1000000ufee",
			"--from", "insurer-a")
		require.Zero(t, res.Code, res.RawLog)
		vote := n.tx("gov", "vote", "1", "yes", "--from", "insurer-a")
		require.Zero(t, vote.Code, vote.RawLog)

		deadline := time.Now().Add(40 * time.Second)
		var m struct {
			Member memberJSON `json:"member"`
		}
		for time.Now().Before(deadline) {
			out, err := n.cli("query", "membership", "member-by-operator", outsider, "-o", "json")
			if err == nil && json.Unmarshal([]byte(out), &m) == nil && m.Member.ID != "" {
				break
			}
			time.Sleep(time.Second)
		}
		require.Equal(t, "5", m.Member.ID, "proposal did not pass in time; node log:\n%s", tail(n.log.String(), 20))
		require.Equal(t, "MEMBER_STATUS_ACTIVE", m.Member.Status)
		var bal struct {
			Balance struct {
				Amount string `json:"amount"`
			} `json:"balance"`
		}
		require.NoError(t, json.Unmarshal([]byte(n.mustCLI("query", "bank", "balance", outsider, "ubond", "-o", "json")), &bal))
		require.Equal(t, "1000000", bal.Balance.Amount, "admission minted one bond")
	})

	t.Run("governance appoints a reference-data loader, which imports and activates a CMS table", func(t *testing.T) {
		n := n.with(t)
		testReferenceTables(t, n, "2")
	})

	t.Run("export, then the exported genesis validates", func(t *testing.T) {
		n := n.with(t)
		n.stop()
		exported := filepath.Join(t.TempDir(), "exported.json")
		n.mustCLI("export", "--output-document", exported)
		n.mustCLI("genesis", "validate", exported)
		out, err := os.ReadFile(exported)
		require.NoError(t, err)
		require.Contains(t, string(out), "Harbor Urgent Care")
	})
}

// checkConfigYMLInStep compares config.yml (Ignite's format) with the genesis
// scripts/localnet.sh produced: same accounts and coins, same validator, same
// founding members, same chain id and genesis choices.
func checkConfigYMLInStep(t *testing.T, n *node) {
	t.Helper()
	cfg := readConfigYML(t)
	raw, err := os.ReadFile(filepath.Join(n.home, "config", "genesis.json"))
	require.NoError(t, err)
	var gen struct {
		ChainID   string `json:"chain_id"`
		Consensus struct {
			Params struct {
				Block struct {
					MaxGas   string `json:"max_gas"`
					MaxBytes string `json:"max_bytes"`
				} `json:"block"`
			} `json:"params"`
		} `json:"consensus"`
		AppState map[string]json.RawMessage `json:"app_state"`
	}
	require.NoError(t, json.Unmarshal(raw, &gen))
	require.Equal(t, cfg.Genesis.ChainID, gen.ChainID)
	require.Equal(t, cfg.Genesis.ConsensusParams.Block.MaxGas, gen.Consensus.Params.Block.MaxGas)
	require.Equal(t, cfg.Genesis.ConsensusParams.Block.MaxBytes, gen.Consensus.Params.Block.MaxBytes)

	// Accounts: every config.yml account exists in the keyring with the same
	// address and has exactly its coins in genesis.
	var bank struct {
		Balances []struct {
			Address string `json:"address"`
			Coins   []struct {
				Denom  string `json:"denom"`
				Amount string `json:"amount"`
			} `json:"coins"`
		} `json:"balances"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["bank"], &bank))
	balances := map[string]string{}
	for _, b := range bank.Balances {
		parts := []string{}
		for _, c := range b.Coins {
			parts = append(parts, c.Amount+c.Denom)
		}
		balances[b.Address] = strings.Join(parts, ",")
	}
	require.Len(t, balances, len(cfg.Accounts), "genesis accounts vs config.yml accounts")
	for _, acc := range cfg.Accounts {
		addr := n.keyAddress(acc.Name)
		require.Equal(t, strings.Join(acc.Coins, ","), balances[addr], "coins of %s", acc.Name)
		recovered := recoverAddress(t, n, acc.Mnemonic)
		require.Equal(t, addr, recovered, "mnemonic of %s", acc.Name)
	}

	// The validator: config.yml's validator is the gentx's delegator, bonding the same amount.
	require.Len(t, cfg.Validators, 1)
	var genutil struct {
		GenTxs []struct {
			Body struct {
				Messages []struct {
					ValidatorAddress string `json:"validator_address"`
					Value            struct {
						Denom  string `json:"denom"`
						Amount string `json:"amount"`
					} `json:"value"`
				} `json:"messages"`
			} `json:"body"`
		} `json:"gen_txs"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["genutil"], &genutil))
	require.Len(t, genutil.GenTxs, 1)
	msg := genutil.GenTxs[0].Body.Messages[0]
	require.Equal(t, cfg.Validators[0].Bonded, msg.Value.Amount+msg.Value.Denom)
	valoper := strings.TrimSpace(n.mustCLI("keys", "show", cfg.Validators[0].Name, "--bech", "val", "-a", "--keyring-backend", "test"))
	require.Equal(t, valoper, msg.ValidatorAddress)

	// Founding members, and the genesis choices config.yml states.
	var membership struct {
		Members []json.RawMessage `json:"members"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["membership"], &membership))
	require.Len(t, membership.Members, len(cfg.Genesis.AppState.Membership.Members))
	for i, raw := range cfg.Genesis.AppState.Membership.Members {
		var want, got genesisMember
		require.NoError(t, json.Unmarshal(raw, &want))
		require.NoError(t, json.Unmarshal(membership.Members[i], &got))
		require.Equal(t, want, got, "member %d", i+1)
	}
	var staking struct {
		Params struct {
			BondDenom     string `json:"bond_denom"`
			UnbondingTime string `json:"unbonding_time"`
		} `json:"params"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["staking"], &staking))
	require.Equal(t, cfg.Genesis.AppState.Staking.Params, staking.Params)
	var gov struct {
		Params struct {
			VotingPeriod string `json:"voting_period"`
		} `json:"params"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["gov"], &gov))
	require.Equal(t, "8s", gov.Params.VotingPeriod, "the test sets VOTING_PERIOD=8s")
	require.Equal(t, "30s", cfg.Genesis.AppState.Gov.Params.VotingPeriod, "config.yml states the script's default")
	var sendEnabled struct {
		SendEnabled []struct {
			Denom   string `json:"denom"`
			Enabled bool   `json:"enabled"`
		} `json:"send_enabled"`
	}
	require.NoError(t, json.Unmarshal(gen.AppState["bank"], &sendEnabled))
	require.Len(t, sendEnabled.SendEnabled, 1)
	require.Equal(t, "ubond", sendEnabled.SendEnabled[0].Denom)
	require.False(t, sendEnabled.SendEnabled[0].Enabled)
}

func recoverAddress(t *testing.T, n *node, mnemonic string) string {
	t.Helper()
	home := t.TempDir()
	cmd := n.bin
	out, err := runWithStdin(cmd, mnemonic+"\n", "keys", "add", "probe", "--recover", "--keyring-backend", "test",
		"--home", home, "--output", "json")
	require.NoError(t, err, out)
	var key struct {
		Address string `json:"address"`
	}
	require.NoError(t, json.Unmarshal([]byte(lastJSON(out)), &key), out)
	return key.Address
}
