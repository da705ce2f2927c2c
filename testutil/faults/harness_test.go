//go:build faults

package faults

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The testnet's layout, as scripts/testnet.sh writes it.
var (
	nodeNames  = []string{"node0", "node1", "node2", "node3", "full"}
	validators = map[string]string{"node0": "insurer-a", "node1": "insurer-b", "node2": "provider-a", "node3": "provider-b"}
)

func offset(name string) int {
	if name == "full" {
		return 500
	}
	i, _ := strconv.Atoi(strings.TrimPrefix(name, "node"))
	return 100 * i
}

// testnet is a running scripts/testnet.sh network in <repo>/.testnet.
type testnet struct {
	t    *testing.T
	repo string
	bin  string
	dir  string

	procs *procs // shared by every copy from with
}

// procs are the nodes this test (re)started: PID -> closed when reaped.
type procs struct {
	mu       sync.Mutex
	children map[int]chan struct{}
}

// with returns the testnet reporting failures to t (a subtest).
func (tn *testnet) with(t *testing.T) *testnet {
	c := *tn
	c.t = t
	return &c
}

// tnode is one node of the testnet.
type tnode struct {
	name string
	home string
	rpc  int
	api  int
}

func (tn *testnet) node(name string) tnode {
	return tnode{name: name, home: filepath.Join(tn.dir, name), rpc: 26657 + offset(name), api: 1317 + offset(name)}
}

func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

// newTestnet uses build/claimchaind (built by make test-faults; built here if missing).
func newTestnet(t *testing.T) *testnet {
	repo := repoRoot(t)
	bin := filepath.Join(repo, "build", "claimchaind")
	if _, err := os.Stat(bin); err != nil {
		cmd := exec.Command("go", "build", "-o", bin, "./cmd/claimchaind")
		cmd.Dir = repo
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, string(out))
	}
	return &testnet{t: t, repo: repo, bin: bin, dir: filepath.Join(repo, ".testnet"), procs: &procs{children: map[int]chan struct{}{}}}
}

// script runs scripts/testnet.sh with the given mode ("" for a fresh testnet).
func (tn *testnet) script(timeout time.Duration, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", append([]string{"scripts/testnet.sh"}, args...)...)
	cmd.Dir = tn.repo
	cmd.Env = append(os.Environ(), "BINARY="+tn.bin, "TESTNET_DIR="+tn.dir)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// fresh stops any running testnet, and starts a fresh one with the demo.
func (tn *testnet) fresh() {
	tn.t.Helper()
	out, err := tn.script(4 * time.Minute)
	require.NoError(tn.t, err, "scripts/testnet.sh: %s", out)
	require.Contains(tn.t, out, "CLM-3-1", "the demo claim was seeded")
}

func (tn *testnet) stopAll() {
	out, err := tn.script(90*time.Second, "stop")
	if err != nil {
		tn.t.Logf("scripts/testnet.sh stop: %v\n%s", err, out)
	}
	// Reap the nodes this test started (the script has killed them by PID).
	tn.procs.mu.Lock()
	chans := []chan struct{}{}
	for _, c := range tn.procs.children {
		chans = append(chans, c)
	}
	tn.procs.mu.Unlock()
	for _, c := range chans {
		select {
		case <-c:
		case <-time.After(5 * time.Second):
		}
	}
}

// pid is the node's PID from .testnet/<node>.pid, 0 if none.
func (tn *testnet) pid(name string) int {
	b, err := os.ReadFile(filepath.Join(tn.dir, name+".pid"))
	if err != nil {
		return 0
	}
	p, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return p
}

// alive reports whether PID runs (a zombie counts as exited).
func alive(pid int) bool {
	if pid <= 0 || syscall.Kill(pid, 0) != nil {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	s := string(stat)
	if i := strings.LastIndexByte(s, ')'); i > 0 && i+2 < len(s) {
		return s[i+2] != 'Z'
	}
	return true
}

func (tn *testnet) running(name string) bool { return alive(tn.pid(name)) }

// kill sends sig to the node and waits until it has exited.
func (tn *testnet) kill(name string, sig syscall.Signal) {
	tn.t.Helper()
	pid := tn.pid(name)
	require.True(tn.t, alive(pid), "%s is not running", name)
	require.NoError(tn.t, syscall.Kill(pid, sig))
	tn.waitExit(name, pid)
}

// waitExit waits until the node's process has exited (SIGKILL after 30 s)
// and removes its PID file.
func (tn *testnet) waitExit(name string, pid int) {
	deadline := time.Now().Add(30 * time.Second)
	for alive(pid) {
		if time.Now().After(deadline) {
			tn.t.Logf("%s (PID %d) still runs 30 s after its signal; SIGKILL", name, pid)
			_ = syscall.Kill(pid, syscall.SIGKILL)
			deadline = time.Now().Add(10 * time.Second)
		}
		time.Sleep(20 * time.Millisecond)
	}
	tn.procs.mu.Lock()
	c := tn.procs.children[pid]
	tn.procs.mu.Unlock()
	if c != nil {
		<-c
	}
	_ = os.Remove(filepath.Join(tn.dir, name+".pid"))
}

// start starts the node from its home in the background, appending to its
// log, as scripts/testnet.sh does, and records its PID.
func (tn *testnet) start(name string) {
	tn.t.Helper()
	require.False(tn.t, tn.running(name), "%s is already running", name)
	logf, err := os.OpenFile(filepath.Join(tn.dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	require.NoError(tn.t, err)
	cmd := exec.Command(tn.bin, "start", "--home", tn.node(name).home)
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // not killed by a Ctrl-C of go test
	require.NoError(tn.t, cmd.Start())
	_ = logf.Close()
	done := make(chan struct{})
	tn.procs.mu.Lock()
	tn.procs.children[cmd.Process.Pid] = done
	tn.procs.mu.Unlock()
	go func() { _ = cmd.Wait(); close(done) }()
	require.NoError(tn.t, os.WriteFile(filepath.Join(tn.dir, name+".pid"), []byte(strconv.Itoa(cmd.Process.Pid)+"\n"), 0o644))
}

// ---- CometBFT RPC ----

var httpClient = &http.Client{Timeout: 3 * time.Second}

func getJSON(url string, v any) error {
	resp, err := httpClient.Get(url)
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s: %s", url, resp.Status, body)
	}
	return json.Unmarshal(body, v)
}

type status struct {
	Height     int64
	CatchingUp bool
	BlockHash  string
	AppHash    string
}

func (n tnode) status() (status, error) {
	var st struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHash   string `json:"latest_block_hash"`
				LatestAppHash     string `json:"latest_app_hash"`
				LatestBlockHeight string `json:"latest_block_height"`
				CatchingUp        bool   `json:"catching_up"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if err := getJSON(fmt.Sprintf("http://127.0.0.1:%d/status", n.rpc), &st); err != nil {
		return status{}, err
	}
	h, err := strconv.ParseInt(st.Result.SyncInfo.LatestBlockHeight, 10, 64)
	if err != nil {
		return status{}, err
	}
	s := st.Result.SyncInfo
	return status{Height: h, CatchingUp: s.CatchingUp, BlockHash: s.LatestBlockHash, AppHash: s.LatestAppHash}, nil
}

func (n tnode) height() int64 {
	st, err := n.status()
	if err != nil {
		return -1
	}
	return st.Height
}

// block is the hash and header app hash (the state after height-1) of a block.
type block struct {
	Hash    string
	AppHash string
	Time    time.Time
}

func (n tnode) block(h int64) (block, error) {
	var b struct {
		Result struct {
			BlockID struct {
				Hash string `json:"hash"`
			} `json:"block_id"`
			Block struct {
				Header struct {
					AppHash string    `json:"app_hash"`
					Time    time.Time `json:"time"`
				} `json:"header"`
			} `json:"block"`
		} `json:"result"`
	}
	if err := getJSON(fmt.Sprintf("http://127.0.0.1:%d/block?height=%d", n.rpc, h), &b); err != nil {
		return block{}, err
	}
	return block{Hash: b.Result.BlockID.Hash, AppHash: b.Result.Block.Header.AppHash, Time: b.Result.Block.Header.Time}, nil
}

// txEvent is a committed tx as /tx returns it.
type committedTx struct {
	Height int64
	Code   uint32
	Log    string
	Events []struct {
		Type       string `json:"type"`
		Attributes []struct {
			Key   string `json:"key"`
			Value string `json:"value"`
		} `json:"attributes"`
	}
}

var errTxNotFound = errors.New("tx not found")

func (n tnode) tx(hash string) (committedTx, error) {
	var r struct {
		Result *struct {
			Height   string `json:"height"`
			TxResult struct {
				Code   uint32          `json:"code"`
				Log    string          `json:"log"`
				Events json.RawMessage `json:"events"`
			} `json:"tx_result"`
		} `json:"result"`
		Error *struct {
			Data string `json:"data"`
		} `json:"error"`
	}
	resp, err := httpClient.Get(fmt.Sprintf("http://127.0.0.1:%d/tx?hash=0x%s", n.rpc, hash))
	if err != nil {
		return committedTx{}, err
	}
	defer func() { _ = resp.Body.Close() }()
	if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
		return committedTx{}, err
	}
	if r.Result == nil {
		if r.Error != nil && strings.Contains(r.Error.Data, "not found") {
			return committedTx{}, errTxNotFound
		}
		return committedTx{}, fmt.Errorf("/tx %s: %+v", hash, r.Error)
	}
	c := committedTx{Code: r.Result.TxResult.Code, Log: r.Result.TxResult.Log}
	c.Height, _ = strconv.ParseInt(r.Result.Height, 10, 64)
	if err := json.Unmarshal(r.Result.TxResult.Events, &c.Events); err != nil {
		return committedTx{}, err
	}
	return c, nil
}

// attr is the (JSON-unquoted) value of key in the first event of type typ.
func (c committedTx) attr(typ, key string) string {
	for _, e := range c.Events {
		if e.Type != typ {
			continue
		}
		for _, a := range e.Attributes {
			if a.Key == key {
				var s string
				if json.Unmarshal([]byte(a.Value), &s) == nil {
					return s
				}
				return a.Value
			}
		}
	}
	return ""
}

// claimExists asks the node's REST API for a claim.
func (n tnode) claimExists(id string) (bool, error) {
	resp, err := httpClient.Get(fmt.Sprintf("http://127.0.0.1:%d/claimchain/claims/v1/claims/%s", n.api, id))
	if err != nil {
		return false, err
	}
	defer func() { _ = resp.Body.Close() }()
	body, _ := io.ReadAll(resp.Body)
	switch {
	case resp.StatusCode == http.StatusOK && bytes.Contains(body, []byte(`"id":"`+id+`"`)):
		return true, nil
	case resp.StatusCode == http.StatusOK:
		return false, fmt.Errorf("claim %s: unexpected body %s", id, body)
	default:
		return false, nil
	}
}

// ---- CLI ----

// cli runs claimchaind with node0's home (which holds every demo key) against
// the given node.
func (tn *testnet) cli(via tnode, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	args = append(args, "--home", tn.node("node0").home, "--node", fmt.Sprintf("tcp://127.0.0.1:%d", via.rpc))
	cmd := exec.CommandContext(ctx, tn.bin, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("claimchaind %s: %w: %s%s", strings.Join(args[:min(3, len(args))], " "), err,
			strings.TrimSpace(errOut.String()), strings.TrimSpace(out.String()))
	}
	return out.String(), nil
}

// broadcast signs and broadcasts a tx (sync mode: through CheckTx), returning
// its hash when the node accepted it into its mempool.
func (tn *testnet) broadcast(via tnode, args ...string) (string, error) {
	args = append(append([]string{"tx"}, args...), "--fees", "20000ufee", "--gas", "400000", "-y", "-o", "json")
	out, err := tn.cli(via, args...)
	if err != nil {
		return "", err
	}
	var res struct {
		Code   uint32 `json:"code"`
		RawLog string `json:"raw_log"`
		TxHash string `json:"txhash"`
	}
	if err := json.Unmarshal([]byte(lastJSON(out)), &res); err != nil {
		return "", fmt.Errorf("broadcast output %q: %w", out, err)
	}
	if res.Code != 0 {
		return "", fmt.Errorf("refused by CheckTx (code %d): %s", res.Code, res.RawLog)
	}
	return res.TxHash, nil
}

// waitTx waits until the tx is in a block.
func (tn *testnet) waitTx(via tnode, hash string, timeout time.Duration) (committedTx, error) {
	var err error
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		var res committedTx
		if res, err = via.tx(hash); err == nil {
			return res, nil
		}
	}
	return committedTx{}, fmt.Errorf("tx %s not committed in %s: %w", hash, timeout, err)
}

// sendAndWait broadcasts a tx and waits for it to commit successfully.
func (tn *testnet) sendAndWait(via tnode, timeout time.Duration, args ...string) (committedTx, error) {
	hash, err := tn.broadcast(via, args...)
	if err != nil {
		return committedTx{}, err
	}
	res, err := tn.waitTx(via, hash, timeout)
	if err == nil && res.Code != 0 {
		err = fmt.Errorf("tx %s failed (code %d): %s", hash, res.Code, res.Log)
	}
	return res, err
}

func lastJSON(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			return lines[i]
		}
	}
	return out
}

// validatorSet is each validator's moniker -> "BONDED" / "JAILED" / status.
func (tn *testnet) validatorSet(via tnode) (map[string]string, error) {
	out, err := tn.cli(via, "query", "staking", "validators", "-o", "json")
	if err != nil {
		return nil, err
	}
	var res struct {
		Validators []struct {
			Jailed      bool   `json:"jailed"`
			Status      string `json:"status"`
			Description struct {
				Moniker string `json:"moniker"`
			} `json:"description"`
		} `json:"validators"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		return nil, err
	}
	set := map[string]string{}
	for _, v := range res.Validators {
		s := strings.TrimPrefix(v.Status, "BOND_STATUS_")
		if v.Jailed {
			s = "JAILED"
		}
		set[v.Description.Moniker] = s
	}
	return set, nil
}

// missedBlocks is the highest missed-blocks counter of the validators in the slashing window.
func (tn *testnet) missedBlocks(via tnode) string {
	out, err := tn.cli(via, "query", "slashing", "signing-infos", "-o", "json")
	if err != nil {
		return "?"
	}
	var res struct {
		Info []struct {
			Missed string `json:"missed_blocks_counter"`
		} `json:"info"`
	}
	if json.Unmarshal([]byte(out), &res) != nil {
		return "?"
	}
	most := 0
	for _, i := range res.Info {
		if m, _ := strconv.Atoi(i.Missed); m > most {
			most = m
		}
	}
	return strconv.Itoa(most)
}

var ansi = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// logTail is the last lines of a node's log, without colours.
func (tn *testnet) logTail(name string, lines int) string {
	b, err := os.ReadFile(filepath.Join(tn.dir, name+".log"))
	if err != nil {
		return err.Error()
	}
	parts := strings.Split(strings.TrimRight(ansi.ReplaceAllString(string(b), ""), "\n"), "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

func logSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// waitLogLine polls the node's log from its current end for a line matching
// re and returns it (without colours); "" after timeout.
func (tn *testnet) waitLogLine(name string, re *regexp.Regexp, timeout time.Duration) string {
	path := filepath.Join(tn.dir, name+".log")
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer func() { _ = f.Close() }()
	off := logSize(path)
	var pending []byte
	buf := make([]byte, 64<<10)
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); {
		n, _ := f.ReadAt(buf, off)
		if n == 0 {
			time.Sleep(time.Millisecond)
			continue
		}
		off += int64(n)
		pending = append(pending, buf[:n]...)
		for {
			i := bytes.IndexByte(pending, '\n')
			if i < 0 {
				break
			}
			line := ansi.ReplaceAllString(string(pending[:i]), "")
			pending = pending[i+1:]
			if re.MatchString(line) {
				return line
			}
		}
	}
	return ""
}
