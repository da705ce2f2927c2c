package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// repoRoot is the repository root, two levels up from this package.
func repoRoot(t *testing.T) string {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

// node is a localnet home and, once started, its running claimchaind.
type node struct {
	t        *testing.T
	bin      string
	home     string
	rpcPort  int
	apiPort  int
	grpcPort int
	cmd      *exec.Cmd
	log      *bytes.Buffer
}

// with returns the node reporting failures to t (a subtest).
func (n *node) with(t *testing.T) *node {
	c := *n
	c.t = t
	return &c
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer func() { _ = l.Close() }()
	return l.Addr().(*net.TCPAddr).Port
}

// buildBinary compiles claimchaind once per test run.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "claimchaind")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/claimchaind")
	cmd.Dir = repoRoot(t)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return bin
}

// newLocalnet writes a fresh localnet home with scripts/localnet.sh init.
func newLocalnet(t *testing.T, bin string, votingPeriod string) *node {
	t.Helper()
	n := &node{t: t, bin: bin, home: t.TempDir(), rpcPort: freePort(t), apiPort: freePort(t), grpcPort: freePort(t)}
	cmd := exec.Command("bash", "scripts/localnet.sh", "init")
	cmd.Dir = repoRoot(t)
	cmd.Env = append(os.Environ(),
		"CLAIMCHAIN_HOME="+n.home, "BINARY="+bin, "VOTING_PERIOD="+votingPeriod,
		"RPC_PORT="+strconv.Itoa(n.rpcPort), "P2P_PORT="+strconv.Itoa(freePort(t)),
		"API_PORT="+strconv.Itoa(n.apiPort), "GRPC_PORT="+strconv.Itoa(n.grpcPort))
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))
	return n
}

func (n *node) start() {
	n.t.Helper()
	n.log = &bytes.Buffer{}
	n.cmd = exec.Command(n.bin, "start", "--home", n.home)
	n.cmd.Stdout, n.cmd.Stderr = n.log, n.log
	require.NoError(n.t, n.cmd.Start())
	n.t.Cleanup(n.stop)
}

func (n *node) stop() {
	if n.cmd == nil || n.cmd.Process == nil {
		return
	}
	_ = n.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { _ = n.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		_ = n.cmd.Process.Kill()
		<-done
	}
	n.cmd = nil
}

func (n *node) height() int64 {
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/status", n.rpcPort))
	if err != nil {
		return 0
	}
	defer func() { _ = resp.Body.Close() }()
	var st struct {
		Result struct {
			SyncInfo struct {
				LatestBlockHeight string `json:"latest_block_height"`
			} `json:"sync_info"`
		} `json:"result"`
	}
	if json.NewDecoder(resp.Body).Decode(&st) != nil {
		return 0
	}
	h, _ := strconv.ParseInt(st.Result.SyncInfo.LatestBlockHeight, 10, 64)
	return h
}

// waitHeight waits until the chain reaches h, failing after timeout.
func (n *node) waitHeight(h int64, timeout time.Duration) {
	n.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if n.height() >= h {
			return
		}
		time.Sleep(200 * time.Millisecond)
	}
	n.t.Fatalf("chain did not reach height %d in %s; node log:\n%s", h, timeout, tail(n.log.String(), 40))
}

func tail(s string, lines int) string {
	parts := strings.Split(s, "\n")
	if len(parts) > lines {
		parts = parts[len(parts)-lines:]
	}
	return strings.Join(parts, "\n")
}

// cli runs claimchaind with the localnet's home and returns stdout.
func (n *node) cli(args ...string) (string, error) { return n.cliIn("", args...) }

// cliIn runs claimchaind in dir ("" for the test's own directory).
func (n *node) cliIn(dir string, args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	args = append(args, "--home", n.home)
	cmd := exec.CommandContext(ctx, n.bin, args...)
	cmd.Dir = dir
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if err != nil {
		return out.String(), fmt.Errorf("claimchaind %s: %w: %s%s", strings.Join(args, " "), err, errOut.String(), out.String())
	}
	return out.String(), nil
}

func (n *node) mustCLI(args ...string) string {
	n.t.Helper()
	out, err := n.cli(args...)
	require.NoError(n.t, err)
	return out
}

func (n *node) keyAddress(name string) string {
	return strings.TrimSpace(n.mustCLI("keys", "show", name, "-a", "--keyring-backend", "test"))
}

// txResult is the part of a committed tx the tests look at.
type txResult struct {
	Code   uint32 `json:"code"`
	RawLog string `json:"raw_log"`
	TxHash string `json:"txhash"`
}

// tx broadcasts a tx and waits until it is committed, returning its result.
func (n *node) tx(args ...string) txResult {
	n.t.Helper()
	return n.txIn("", args...)
}

// txIn is tx run from dir (for commands that read files by relative path).
func (n *node) txIn(dir string, args ...string) txResult {
	n.t.Helper()
	args = append(append([]string{"tx"}, args...), "--fees", "20000ufee", "--gas", "400000", "-y", "-o", "json")
	out, err := n.cliIn(dir, args...)
	require.NoError(n.t, err)
	var sync txResult
	require.NoError(n.t, json.Unmarshal([]byte(lastJSON(out)), &sync), out)
	if sync.Code != 0 {
		return sync // refused by CheckTx
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		res, err := n.cli("query", "tx", sync.TxHash, "-o", "json")
		if err == nil {
			var r txResult
			require.NoError(n.t, json.Unmarshal([]byte(lastJSON(res)), &r))
			return r
		}
		time.Sleep(300 * time.Millisecond)
	}
	n.t.Fatalf("tx %s not committed in 30 s", sync.TxHash)
	return txResult{}
}

// lastJSON returns the last line of output that looks like a JSON object (the
// CLI may print a gas estimate before it).
func lastJSON(out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.HasPrefix(strings.TrimSpace(lines[i]), "{") {
			return lines[i]
		}
	}
	return out
}

func (n *node) getREST(path string) []byte {
	n.t.Helper()
	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d%s", n.apiPort, path))
	require.NoError(n.t, err)
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	require.NoError(n.t, err)
	require.Equal(n.t, http.StatusOK, resp.StatusCode, string(body))
	return body
}
