//go:build faults

package faults

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/bech32"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
)

const (
	membershipErr = "only an admitted ACTIVE consortium member may create a validator"
	chainID       = "claimchain-testnet-1"
	// The fifth node's ports (the testnet's node i uses +100*i, the full node +500).
	fifthName  = "fifth"
	fifthRPC   = 27257
	fifthP2P   = 27256
	fifthGRPC  = 9690
	fifthAPI   = 1917
	fifthPprof = 6660
	fifthOrg   = "Harbor Urgent Care"
	fifthNPI   = "1543210987"
	agreement  = `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"ucic1wvMeqlz70Gan/qhDdCko/hWKqucVqyvWpVEorY="}`
)

// TestAdmission drives governance admission end to end on a fresh four-validator
// testnet: a non-member cannot create a validator directly, through authz or in a
// gov proposal; a proposal admits a fifth organisation whose new node then joins
// as a bonded, signing validator; a second proposal removes it and the chain goes
// on with the four.
func TestAdmission(t *testing.T) {
	started := time.Now()
	tn := newTestnet(t)
	t.Cleanup(tn.stopAll)
	tn.fresh()
	s := &suite{tn: tn}
	s.waitInSync(t, 120*time.Second)
	n0 := tn.node("node0")
	fifth := tnode{name: fifthName, home: filepath.Join(tn.dir, fifthName), rpc: fifthRPC, api: fifthAPI}
	t.Cleanup(func() { tn.stopFifth() }) // runs before stopAll
	var report []string
	logf := func(format string, args ...any) {
		line := fmt.Sprintf(format, args...)
		report = append(report, line)
		t.Log(line)
	}
	t.Cleanup(func() { t.Logf("\nadmission report\n%s", strings.Join(report, "\n")) })
	logf("testnet up at height %d in %s", n0.height(), time.Since(started).Round(time.Second))

	// The fifth node's home first: its consensus key is used below.
	tn.initFifth(fifth)
	pubkey := strings.TrimSpace(tn.must(exec.Command(tn.bin, "comet", "show-validator", "--home", fifth.home)))

	// ---- 1. A non-member cannot create a validator by any path ----
	stranger := tn.addKey("stranger")
	grantee := tn.addKey("grantee")
	operator := tn.addKey("fifth-op")
	for _, a := range []string{stranger, grantee, operator} { // fee tokens; ubond only by admission
		_, err := tn.sendAndWait(n0, 30*time.Second, "bank", "send", "insurer-a", a, "10000000ufee", "--from", "insurer-a")
		require.NoError(t, err, "fund %s", a)
	}
	valJSON := tn.validatorJSON(t, "stranger-validator", pubkey)

	t.Run("1a direct create-validator", func(t *testing.T) {
		res := tn.with(t).committed(t, n0, "staking", "create-validator", valJSON, "--from", "stranger")
		require.NotZero(t, res.Code, "a non-member created a validator")
		require.Contains(t, res.Log, membershipErr)
		logf("1a direct: tx at height %d refused (code %d): %s", res.Height, res.Code, short(res.Log))
	})

	t.Run("1b authz exec", func(t *testing.T) {
		tn := tn.with(t)
		_, err := tn.sendAndWait(n0, 30*time.Second, "authz", "grant", grantee, "generic",
			"--msg-type", "/cosmos.staking.v1beta1.MsgCreateValidator", "--from", "stranger")
		require.NoError(t, err, "authz grant")
		out, err := tn.cli(n0, "tx", "staking", "create-validator", valJSON, "--from", "stranger", "--generate-only",
			"--chain-id", chainID)
		require.NoError(t, err)
		txFile := filepath.Join(tn.dir, "authz-create-validator.json")
		require.NoError(t, os.WriteFile(txFile, []byte(lastJSON(out)), 0o644))
		res := tn.committed(t, n0, "authz", "exec", txFile, "--from", "grantee")
		require.NotZero(t, res.Code, "authz exec created a validator for a non-member")
		require.Contains(t, res.Log, membershipErr)
		logf("1b authz: grant committed; exec at height %d refused (code %d): %s", res.Height, res.Code, short(res.Log))
	})

	// 1c (a gov proposal whose message creates a validator for the gov account, not
	// a member) and the admission proposal run in the same voting period.
	govAddr := authtypes.NewModuleAddress("gov")
	govValoper, err := bech32.ConvertAndEncode("claimvaloper", govAddr)
	require.NoError(t, err)
	propFile := filepath.Join(tn.dir, "proposal-create-validator.json")
	prop := fmt.Sprintf(`{"messages":[{"@type":"/cosmos.staking.v1beta1.MsgCreateValidator",
 "description":{"moniker":"gov-validator"},
 "commission":{"rate":"0.100000000000000000","max_rate":"0.200000000000000000","max_change_rate":"0.010000000000000000"},
 "min_self_delegation":"1","delegator_address":"","validator_address":%q,"pubkey":%s,
 "value":{"denom":"ubond","amount":"1000000"}}],
 "metadata":"","deposit":"1000000ufee","title":"A validator for the gov account","summary":"must fail at execution"}`,
		govValoper, pubkey)
	require.NoError(t, os.WriteFile(propFile, []byte(prop), 0o644))
	res, err := tn.sendAndWait(n0, 30*time.Second, "gov", "submit-proposal", propFile, "--from", "insurer-a")
	require.NoError(t, err, "submit the create-validator proposal")
	badProp := res.attr("submit_proposal", "proposal_id")
	require.NotEmpty(t, badProp)

	res, err = tn.sendAndWait(n0, 30*time.Second, "membership", "admit-member", "provider", fifthOrg, operator,
		"--npi", fifthNPI, "--agreement-hash", agreement, "--title", "Admit "+fifthOrg, "--summary", "New provider",
		"--deposit", "1000000ufee", "--from", "insurer-a")
	require.NoError(t, err, "submit the admission proposal")
	admitProp := res.attr("submit_proposal", "proposal_id")
	require.NotEmpty(t, admitProp)
	logf("proposals submitted at height %d: #%s (MsgCreateValidator for %s), #%s (admit %s, operator %s)",
		res.Height, badProp, govValoper, admitProp, fifthOrg, operator)
	tn.voteAll(t, n0, badProp, admitProp)

	t.Run("1c gov proposal", func(t *testing.T) {
		st, reason := tn.with(t).waitProposal(t, n0, badProp, 90*time.Second)
		logf("1c gov: proposal #%s %s, failed reason: %s", badProp, st, short(reason))
		require.Equal(t, "PROPOSAL_STATUS_FAILED", st)
		require.Contains(t, reason, membershipErr)
	})
	set, err := tn.validatorSet(n0)
	require.NoError(t, err)
	require.Len(t, set, 4, "no validator was created by a non-member: %v", set)

	// ---- 2. Admission and a fifth validator ----
	st, reason := tn.waitProposal(t, n0, admitProp, 90*time.Second)
	logf("2 admission: proposal #%s %s %s at height %d", admitProp, st, reason, n0.height())
	require.Equal(t, "PROPOSAL_STATUS_PASSED", st)
	memberID, status := tn.member(t, n0, operator)
	require.Equal(t, "MEMBER_STATUS_ACTIVE", status)
	bond := tn.balance(t, n0, operator, "ubond")
	require.Equal(t, "1000000", bond)
	logf("2 member %s (%s) %s; operator holds %subond", memberID, fifthOrg, status, bond)

	tn.start(fifthName)
	began := time.Now()
	for {
		st, err := fifth.status()
		if err == nil && !st.CatchingUp && st.Height >= n0.height()-1 && st.Height > 0 {
			logf("2 fifth node synced to height %d in %s", st.Height, time.Since(began).Round(time.Second))
			break
		}
		require.Less(t, time.Since(began), 120*time.Second, "fifth node did not sync (%+v %v):\n%s", st, err, tn.logTail(fifthName, 30))
		time.Sleep(time.Second)
	}
	res, err = tn.sendAndWait(n0, 30*time.Second, "staking", "create-validator", tn.validatorJSON(t, fifthOrg, pubkey), "--from", "fifth-op")
	require.NoError(t, err, "the admitted member's create-validator")
	logf("2 create-validator committed at height %d", res.Height)
	tn.waitValidator(t, n0, fifthOrg, "BONDED", 30*time.Second)
	consAddr := fifthConsAddr(t, fifth)
	from := n0.height()
	signed := waitSigned(t, n0, consAddr, from, true, 30*time.Second)
	logf("2 validator %s BONDED; its address %s signs commit of height %d", fifthOrg, consAddr, signed)

	// ---- 3. Removal ----
	res, err = tn.sendAndWait(n0, 30*time.Second, "membership", "remove-member", memberID, "left the consortium",
		"--title", "Remove "+fifthOrg, "--summary", "Removal", "--deposit", "1000000ufee", "--from", "insurer-a")
	require.NoError(t, err, "submit the removal proposal")
	removeProp := res.attr("submit_proposal", "proposal_id")
	require.NotEmpty(t, removeProp)
	logf("3 removal proposal #%s submitted at height %d", removeProp, res.Height)
	tn.voteAll(t, n0, removeProp)
	st, reason = tn.waitProposal(t, n0, removeProp, 90*time.Second)
	passedAt := n0.height()
	logf("3 removal: proposal #%s %s %s at height ~%d", removeProp, st, reason, passedAt)
	require.Equal(t, "PROPOSAL_STATUS_PASSED", st)
	_, status = tn.member(t, n0, operator)
	require.Equal(t, "MEMBER_STATUS_REMOVED", status)
	vstatus := tn.waitValidatorNot(t, n0, fifthOrg, "BONDED", 30*time.Second)
	bondStatus := tn.bondStatus(t, n0, fifthOrg)
	require.NotEqual(t, "BOND_STATUS_BONDED", bondStatus)
	// The set change applies two heights after the block that made it.
	unsigned := waitSigned(t, n0, consAddr, passedAt+3, false, 30*time.Second)
	// ... and stays so while the chain goes on with the four.
	for h := unsigned; h < unsigned+5; h++ {
		require.False(t, signsCommit(t, n0, consAddr, h, 30*time.Second), "removed validator signed height %d", h)
	}
	set, err = tn.validatorSet(n0)
	require.NoError(t, err)
	for _, v := range validators {
		require.Equal(t, "BONDED", set[v], "%s: %v", v, set)
	}
	logf("3 member %s %s; validator %s: %s (%s); absent from commits from height %d on; chain at %d with the four bonded: %v",
		memberID, status, fifthOrg, vstatus, bondStatus, unsigned, n0.height(), set)
	logf("admission test took %s", time.Since(started).Round(time.Second))
}

// must runs a command and returns its stdout.
func (tn *testnet) must(cmd *exec.Cmd) string {
	tn.t.Helper()
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	require.NoError(tn.t, cmd.Run(), "%s: %s", cmd.Args, errOut.String())
	return out.String()
}

// addKey adds a fresh key to node0's keyring and returns its address.
func (tn *testnet) addKey(name string) string {
	tn.t.Helper()
	home := tn.node("node0").home
	tn.must(exec.Command(tn.bin, "keys", "add", name, "--keyring-backend", "test", "--home", home, "--output", "json"))
	return strings.TrimSpace(tn.must(exec.Command(tn.bin, "keys", "show", name, "-a", "--keyring-backend", "test", "--home", home)))
}

// validatorJSON writes a create-validator file for the given consensus pubkey.
func (tn *testnet) validatorJSON(t *testing.T, moniker, pubkey string) string {
	v := map[string]any{
		"pubkey": json.RawMessage(pubkey), "amount": "1000000ubond", "moniker": moniker,
		"commission-rate": "0.1", "commission-max-rate": "0.2", "commission-max-change-rate": "0.01",
		"min-self-delegation": "1",
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	f := filepath.Join(tn.dir, "validator-"+strings.ReplaceAll(moniker, " ", "-")+".json")
	require.NoError(t, os.WriteFile(f, b, 0o644))
	return f
}

// committed broadcasts a tx that passes CheckTx and returns its committed result, whatever its code.
func (tn *testnet) committed(t *testing.T, via tnode, args ...string) committedTx {
	hash, err := tn.broadcast(via, args...)
	if err != nil && strings.Contains(err.Error(), membershipErr) { // refused by CheckTx already
		return committedTx{Code: 1, Log: err.Error(), Height: -1}
	}
	require.NoError(t, err)
	res, err := tn.waitTx(via, hash, 30*time.Second)
	require.NoError(t, err)
	return res
}

// voteAll votes yes on the proposals from the four validators' operators.
func (tn *testnet) voteAll(t *testing.T, via tnode, ids ...string) {
	for _, id := range ids {
		for _, n := range []string{"node0", "node1", "node2", "node3"} {
			_, err := tn.sendAndWait(via, 30*time.Second, "gov", "vote", id, "yes", "--from", validators[n])
			require.NoError(t, err, "%s votes on #%s", validators[n], id)
		}
	}
}

// waitProposal waits until the proposal has left its voting period; it returns its status and failed reason.
func (tn *testnet) waitProposal(t *testing.T, via tnode, id string, timeout time.Duration) (string, string) {
	var last string
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(2 * time.Second) {
		out, err := tn.cli(via, "query", "gov", "proposal", id, "-o", "json")
		if err != nil {
			last = err.Error()
			continue
		}
		var r struct {
			Proposal struct {
				Status       string `json:"status"`
				FailedReason string `json:"failed_reason"`
			} `json:"proposal"`
		}
		require.NoError(t, json.Unmarshal([]byte(out), &r), out)
		last = out
		if s := r.Proposal.Status; s != "PROPOSAL_STATUS_VOTING_PERIOD" && s != "PROPOSAL_STATUS_DEPOSIT_PERIOD" {
			return s, r.Proposal.FailedReason
		}
	}
	t.Fatalf("proposal %s still open after %s: %s", id, timeout, last)
	return "", ""
}

// member is the id and status of the member with the operator.
func (tn *testnet) member(t *testing.T, via tnode, operator string) (string, string) {
	out, err := tn.cli(via, "query", "membership", "member-by-operator", operator, "-o", "json")
	require.NoError(t, err)
	var raw map[string]map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &raw), out)
	status, _ := raw["member"]["status"].(string)
	return fmt.Sprint(raw["member"]["id"]), status
}

func (tn *testnet) balance(t *testing.T, via tnode, addr, denom string) string {
	out, err := tn.cli(via, "query", "bank", "balances", addr, "-o", "json")
	require.NoError(t, err)
	var r struct {
		Balances []struct{ Denom, Amount string } `json:"balances"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	for _, c := range r.Balances {
		if c.Denom == denom {
			return c.Amount
		}
	}
	return "0"
}

func (tn *testnet) waitValidator(t *testing.T, via tnode, moniker, want string, timeout time.Duration) {
	var set map[string]string
	var err error
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(time.Second) {
		if set, err = tn.validatorSet(via); err == nil && set[moniker] == want {
			return
		}
	}
	t.Fatalf("validator %s not %s after %s: %v %v", moniker, want, timeout, set, err)
}

func (tn *testnet) waitValidatorNot(t *testing.T, via tnode, moniker, not string, timeout time.Duration) string {
	var set map[string]string
	var err error
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(time.Second) {
		if set, err = tn.validatorSet(via); err == nil && set[moniker] != "" && set[moniker] != not {
			return set[moniker]
		}
	}
	t.Fatalf("validator %s still %s after %s: %v %v", moniker, not, timeout, set, err)
	return ""
}

// bondStatus is the validator's raw x/staking status (BOND_STATUS_...).
func (tn *testnet) bondStatus(t *testing.T, via tnode, moniker string) string {
	out, err := tn.cli(via, "query", "staking", "validators", "-o", "json")
	require.NoError(t, err)
	var r struct {
		Validators []struct {
			Status      string `json:"status"`
			Description struct {
				Moniker string `json:"moniker"`
			} `json:"description"`
		} `json:"validators"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &r), out)
	for _, v := range r.Validators {
		if v.Description.Moniker == moniker {
			return v.Status
		}
	}
	return "(none)"
}

// fifthConsAddr is the fifth node's consensus address in hex, as /commit shows it.
func fifthConsAddr(t *testing.T, n tnode) string {
	var st struct {
		Result struct {
			ValidatorInfo struct {
				Address string `json:"address"`
			} `json:"validator_info"`
		} `json:"result"`
	}
	require.NoError(t, getJSON(fmt.Sprintf("http://127.0.0.1:%d/status", n.rpc), &st))
	require.NotEmpty(t, st.Result.ValidatorInfo.Address)
	return st.Result.ValidatorInfo.Address
}

// signsCommit reports whether addr signed (BLOCK_ID_FLAG_COMMIT) the commit of height h, waiting for it.
func signsCommit(t *testing.T, n tnode, addr string, h int64, timeout time.Duration) bool {
	var c struct {
		Result struct {
			SignedHeader struct {
				Commit struct {
					Signatures []struct {
						Flag    json.RawMessage `json:"block_id_flag"`
						Address string          `json:"validator_address"`
					} `json:"signatures"`
				} `json:"commit"`
			} `json:"signed_header"`
		} `json:"result"`
	}
	var err error
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		if n.height() <= h { // the commit of h is final once h+1 exists
			continue
		}
		if err = getJSON(fmt.Sprintf("http://127.0.0.1:%d/commit?height=%d", n.rpc, h), &c); err == nil {
			for _, s := range c.Result.SignedHeader.Commit.Signatures {
				if strings.EqualFold(s.Address, addr) && strings.Trim(string(s.Flag), `"`) == "2" {
					return true
				}
			}
			return false
		}
	}
	t.Fatalf("no commit of height %d after %s: %v", h, timeout, err)
	return false
}

// waitSigned returns the first height from `from` at which addr's signature is present (want) or absent.
func waitSigned(t *testing.T, n tnode, addr string, from int64, want bool, timeout time.Duration) int64 {
	deadline := time.Now().Add(timeout)
	for h := from; time.Now().Before(deadline); h++ {
		if signsCommit(t, n, addr, h, 30*time.Second) == want {
			return h
		}
	}
	t.Fatalf("validator %s: signature present=%v not seen from height %d in %s", addr, want, from, timeout)
	return 0
}

var tomlLine = func(key string) *regexp.Regexp { return regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(key) + ` = .*$`) }

// initFifth writes the fifth node's home: the testnet's genesis, its own ports,
// the five testnet nodes as persistent peers.
func (tn *testnet) initFifth(n tnode) {
	t := tn.t
	tn.must(exec.Command(tn.bin, "init", fifthName, "--chain-id", chainID, "--home", n.home))
	b, err := os.ReadFile(filepath.Join(tn.node("node0").home, "config", "genesis.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(n.home, "config", "genesis.json"), b, 0o644))
	peers := []string{}
	for _, name := range nodeNames {
		id := strings.TrimSpace(tn.must(exec.Command(tn.bin, "comet", "show-node-id", "--home", tn.node(name).home)))
		peers = append(peers, fmt.Sprintf("%s@127.0.0.1:%d", id, 26656+offset(name)))
	}
	edit := func(file string, f func(string) string) {
		p := filepath.Join(n.home, "config", file)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(p, []byte(f(string(b))), 0o644))
	}
	edit("config.toml", func(s string) string {
		s = strings.Replace(s, `laddr = "tcp://127.0.0.1:26657"`, fmt.Sprintf(`laddr = "tcp://127.0.0.1:%d"`, fifthRPC), 1)
		s = strings.Replace(s, `laddr = "tcp://0.0.0.0:26656"`, fmt.Sprintf(`laddr = "tcp://127.0.0.1:%d"`, fifthP2P), 1)
		s = tomlLine("pprof_laddr").ReplaceAllString(s, fmt.Sprintf(`pprof_laddr = "127.0.0.1:%d"`, fifthPprof))
		s = tomlLine("persistent_peers").ReplaceAllString(s, fmt.Sprintf(`persistent_peers = "%s"`, strings.Join(peers, ",")))
		s = tomlLine("addr_book_strict").ReplaceAllString(s, "addr_book_strict = false")
		s = tomlLine("allow_duplicate_ip").ReplaceAllString(s, "allow_duplicate_ip = true")
		s = tomlLine("timeout_commit").ReplaceAllString(s, `timeout_commit = "1s"`)
		return s
	})
	edit("app.toml", func(s string) string {
		api := regexp.MustCompile(`(?s)\[api\].*?\n\[`)
		s = api.ReplaceAllStringFunc(s, func(sec string) string {
			sec = strings.Replace(sec, "enable = false", "enable = true", 1)
			return tomlLine("address").ReplaceAllString(sec, fmt.Sprintf(`address = "tcp://127.0.0.1:%d"`, fifthAPI))
		})
		grpc := regexp.MustCompile(`(?s)\[grpc\].*?\n\[`)
		return grpc.ReplaceAllStringFunc(s, func(sec string) string {
			return tomlLine("address").ReplaceAllString(sec, fmt.Sprintf(`address = "127.0.0.1:%d"`, fifthGRPC))
		})
	})
	for _, f := range []string{"config.toml", "app.toml"} {
		b, err := os.ReadFile(filepath.Join(n.home, "config", f))
		require.NoError(t, err)
		for _, p := range []int{26657, 26656, 9090, 1317, 6060} {
			require.NotContains(t, string(b), fmt.Sprintf(":%d\"", p), "%s still uses port %d", f, p)
		}
	}
}

// stopFifth stops the fifth node if it runs (scripts/testnet.sh stop does not know it).
func (tn *testnet) stopFifth() {
	if pid := tn.pid(fifthName); alive(pid) {
		_ = syscall.Kill(pid, syscall.SIGTERM)
		tn.waitExit(fifthName, pid)
	}
}

// short is the log from the membership error on, at most 200 characters.
func short(s string) string {
	if i := strings.Index(s, membershipErr); i > 0 {
		s = s[i:]
	}
	if len(s) > 200 {
		return s[:200] + "…"
	}
	return s
}
