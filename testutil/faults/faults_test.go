//go:build faults

package faults

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// row is one line of the report printed at the end.
type row struct {
	name, fault     string
	sent, committed int    // claims broadcast / committed by the case's load
	during          string // claims accepted/committed while the fault lasted
	before, after   int64  // the chain's height before the fault and at the end
	hashes          string // app hashes compared
	elapsed         time.Duration
	result          string
}

type suite struct {
	tn   *testnet
	rows []*row
	// claims every committed claim id on the current testnet (the demo's and the loads').
	claims []string
	// restarts counts fresh testnets started because a validator stayed jailed
	// (the slashing window is 100 blocks with 50 % to sign; downtime jails for 10 minutes).
	restarts int
}

// TestFaults starts a fresh testnet (scripts/testnet.sh), runs the fault
// cases one after another under a load of claims, and stops the testnet.
func TestFaults(t *testing.T) {
	started := time.Now()
	tn := newTestnet(t)
	t.Cleanup(tn.stopAll)
	tn.fresh()
	t.Logf("testnet up in %s", time.Since(started).Round(time.Second))
	s := &suite{tn: tn, claims: []string{"CLM-3-1"}}
	t.Cleanup(func() { t.Log(s.table()) })

	s.run(t, "1 stop one validator", "SIGTERM node3 (provider-b) 15 s, restart", s.stopOne)
	s.run(t, "2 stop two validators", "SIGTERM node1+node2: halt 10 s+, restart", s.stopTwo)
	s.run(t, "3 kill mid-block", "SIGKILL node2 during FinalizeBlock/Commit, restart", s.killMidBlock)
	s.run(t, "4 wipe full node", "stop full, wipe data/, restart: blocksync", s.wipeFull)
	t.Logf("fault suite took %s", time.Since(started).Round(time.Second))
}

func (s *suite) run(t *testing.T, name, fault string, f func(t *testing.T, r *row)) {
	r := &row{name: name, fault: fault, result: "FAIL"}
	s.rows = append(s.rows, r)
	t.Run(name, func(t *testing.T) {
		begin := time.Now()
		defer func() { r.elapsed = time.Since(begin).Round(time.Second) }()
		s.ensureHealthy(t)
		f(t, r)
		if !t.Failed() {
			r.result = "ok"
		}
	})
}

func (s *suite) table() string {
	var b strings.Builder
	b.WriteString("\nfault report\n")
	fmt.Fprintf(&b, "%-22s %-50s %5s %9s %-32s %-15s %-44s %6s %s\n", "case", "fault", "sent", "committed",
		"claims during fault acc/com", "height bef→aft", "app hashes compared", "time", "result")
	for _, r := range s.rows {
		fmt.Fprintf(&b, "%-22s %-50s %5d %9d %-32s %-15s %-44s %6s %s\n", r.name, r.fault, r.sent, r.committed,
			r.during, fmt.Sprintf("%d→%d", r.before, r.after), r.hashes, r.elapsed, r.result)
	}
	fmt.Fprintf(&b, "claims committed on the testnet in all: %d (incl. CLM-3-1); fresh testnets restarted for jailed validators: %d\n",
		len(s.claims), s.restarts)
	return b.String()
}

// ensureHealthy starts any node that is down, then waits until all five nodes
// follow the chain and the four validators are bonded and not jailed. A jailed
// validator is unjailed if its jail time is over, or else the testnet is
// started afresh (downtime jails for 10 minutes).
func (s *suite) ensureHealthy(t *testing.T) {
	tn := s.tn.with(t)
	for _, n := range nodeNames {
		if !tn.running(n) {
			t.Logf("%s is down; starting it", n)
			tn.start(n)
		}
	}
	s.waitInSync(t, 120*time.Second)
	set, err := tn.validatorSet(tn.node("node0"))
	require.NoError(t, err)
	bad := []string{}
	for _, v := range validators {
		if set[v] != "BONDED" {
			bad = append(bad, v+"="+set[v])
		}
	}
	if len(bad) == 0 {
		t.Logf("all four validators bonded; highest missed-blocks counter %s of 50 allowed in 100", tn.missedBlocks(tn.node("node0")))
		return
	}
	t.Logf("validators not bonded: %v", bad)
	for _, v := range validators {
		if set[v] == "JAILED" {
			if _, err := tn.broadcast(tn.node("node0"), "slashing", "unjail", "--from", v); err != nil { // node0 holds every key
				t.Logf("unjail %s: %v", v, err)
			}
		}
	}
	time.Sleep(3 * time.Second)
	if set, err = tn.validatorSet(tn.node("node0")); err == nil {
		ok := true
		for _, v := range validators {
			ok = ok && set[v] == "BONDED"
		}
		if ok {
			return
		}
	}
	t.Logf("starting a fresh testnet (validators %v)", set)
	tn.stopAll()
	tn.fresh()
	s.claims = []string{"CLM-3-1"}
	s.restarts++
}

// waitInSync waits until every node answers, none is catching up, all are
// within one block of each other and the chain moves on.
func (s *suite) waitInSync(t *testing.T, timeout time.Duration) {
	tn := s.tn.with(t)
	var first int64 = -1
	var last string
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		var lo, hi int64 = -1, -1
		ok := true
		parts := []string{}
		for _, n := range nodeNames {
			st, err := tn.node(n).status()
			if err != nil || st.CatchingUp {
				ok = false
				parts = append(parts, n+"=?")
				continue
			}
			parts = append(parts, fmt.Sprintf("%s=%d", n, st.Height))
			if lo < 0 || st.Height < lo {
				lo = st.Height
			}
			if st.Height > hi {
				hi = st.Height
			}
		}
		last = strings.Join(parts, " ")
		if !ok {
			continue
		}
		if first < 0 {
			first = hi
		}
		if hi-lo <= 1 && lo > first {
			return
		}
	}
	t.Fatalf("nodes not in sync after %s: %s", timeout, last)
}

// waitCaughtUp waits until the node is not catching up and within a block of node0.
func (s *suite) waitCaughtUp(t *testing.T, name string, timeout time.Duration) time.Duration {
	tn := s.tn.with(t)
	begin := time.Now()
	var last string
	for time.Since(begin) < timeout {
		st, err := tn.node(name).status()
		ref := tn.node("node0").height()
		if err == nil && !st.CatchingUp && st.Height >= ref-1 && st.Height > 0 {
			return time.Since(begin)
		}
		last = fmt.Sprintf("%s: %+v %v, node0 at %d", name, st, err, ref)
		time.Sleep(500 * time.Millisecond)
	}
	t.Fatalf("%s did not catch up in %s (%s); its log:\n%s", name, timeout, last, tn.logTail(name, 30))
	return 0
}

// compareHashes checks that every node has the same block hash and app hash
// at the height all of them have reached, and at an earlier height; it returns
// a summary for the report.
func (s *suite) compareHashes(t *testing.T, earlier int64) (string, int64) {
	tn := s.tn.with(t)
	var common int64 = -1
	for _, n := range nodeNames {
		if h := tn.node(n).height(); common < 0 || h < common {
			common = h
		}
	}
	require.Positive(t, common)
	summary := ""
	for _, h := range []int64{earlier, common} {
		if h <= 0 {
			continue
		}
		var ref block
		for i, n := range nodeNames {
			b, err := tn.node(n).block(h)
			require.NoError(t, err, "%s block %d", n, h)
			require.NotEmpty(t, b.AppHash)
			if i == 0 {
				ref = b
				continue
			}
			require.Equal(t, ref.AppHash, b.AppHash, "app hash of %s at height %d differs from node0's", n, h)
			require.Equal(t, ref.Hash, b.Hash, "block hash of %s at height %d differs from node0's", n, h)
		}
		summary += fmt.Sprintf("@%d %s… ", h, ref.AppHash[:8])
		t.Logf("height %d: all %d nodes have block %s, app hash %s", h, len(nodeNames), ref.Hash, ref.AppHash)
	}
	return strings.TrimSpace(summary) + " 5/5 equal", common
}

// checkClaims requires every claim id to be queryable on the node, once it
// has reached node0's height (the load saw them committed through node0).
func (s *suite) checkClaims(t *testing.T, name string, ids []string) {
	n := s.tn.node(name)
	want := s.tn.node("node0").height()
	for deadline := time.Now().Add(30 * time.Second); n.height() < want; time.Sleep(200 * time.Millisecond) {
		require.True(t, time.Now().Before(deadline), "%s did not reach height %d", name, want)
	}
	missing := []string{}
	for _, id := range ids {
		ok, err := n.claimExists(id)
		require.NoError(t, err)
		if !ok {
			missing = append(missing, id)
		}
	}
	require.Empty(t, missing, "claims not found on %s", name)
}

// finishLoad stops the load and checks that every accepted tx was resolved
// (committed with its outcome: none left unknown), and records the claims.
func (s *suite) finishLoad(t *testing.T, l *claimLoad, r *row) []string {
	l.finish()
	st := l.stats(time.Time{}, time.Now().Add(time.Hour))
	sent, committed, ids := l.totals()
	r.sent, r.committed = sent, committed
	s.claims = append(s.claims, ids...)
	require.Empty(t, st.unresolved, "accepted txs neither committed nor rejected within %s", txWait)
	for _, f := range st.failed {
		t.Logf("accepted but failed in its block: %s", f)
	}
	for _, ref := range l.refusals(time.Time{}, time.Now()) {
		t.Logf("refused at broadcast: %s", ref)
	}
	return ids
}

// warmUp starts the load through node0 and waits for two committed claims.
func (s *suite) warmUp(t *testing.T) *claimLoad {
	l := startLoad(s.tn.with(t), s.tn.node("node0"))
	t.Cleanup(l.finish)
	require.True(t, l.waitClaims(2, 60*time.Second), "the load committed no claims before the fault: %v", l.refusals(time.Time{}, time.Now()))
	return l
}

// stopOne: SIGTERM one validator for 15 s under load, restart it.
func (s *suite) stopOne(t *testing.T, r *row) {
	tn := s.tn.with(t)
	const victim = "node3"
	l := s.warmUp(t)
	r.before = tn.node("node0").height()
	down := time.Now()
	tn.kill(victim, syscall.SIGTERM)
	time.Sleep(15 * time.Second)
	mid := tn.node("node0").height()
	require.GreaterOrEqual(t, mid, r.before+3, "blocks continue with three of four validators")
	if b0, err := tn.node("node0").block(r.before); err == nil {
		if b1, err := tn.node("node0").block(mid); err == nil {
			t.Logf("with %s down: %d blocks in %s (%.1f s a block; the down validator's turns to propose time out after 3 s)",
				victim, mid-r.before, b1.Time.Sub(b0.Time).Round(100*time.Millisecond), b1.Time.Sub(b0.Time).Seconds()/float64(mid-r.before))
		}
	}
	up := time.Now()
	tn.start(victim)
	took := s.waitCaughtUp(t, victim, 90*time.Second)
	t.Logf("%s caught up %s after its restart (chain went %d→%d while it was down)", victim, took.Round(100*time.Millisecond), r.before, mid)
	require.True(t, l.waitClaims(2, 60*time.Second), "claims after the restart")
	ids := s.finishLoad(t, l, r)

	acc, com := l.claimsAcceptedIn(down, up)
	r.during = fmt.Sprintf("%d/%d in %s down", acc, com, up.Sub(down).Round(time.Second))
	require.Positive(t, acc, "claims were submitted during the outage")
	require.Equal(t, acc, com, "every claim submitted during the outage is committed")
	require.Empty(t, l.refusals(down, up), "no broadcast refused during the outage")
	r.hashes, r.after = s.compareHashes(t, r.before+1)
	s.checkClaims(t, victim, append([]string{"CLM-3-1"}, ids...))
}

// stopTwo: SIGTERM two validators: the chain halts without forking; restart
// them: it resumes and no claim is lost.
func (s *suite) stopTwo(t *testing.T, r *row) {
	tn := s.tn.with(t)
	victims := []string{"node1", "node2"}
	live := []string{"node0", "node3", "full"}
	l := s.warmUp(t)
	// A probe from provider-b (its own account, so its sequence does not race the load's): an
	// attestation now, and a claim on it broadcast while the chain is halted.
	day := time.Now().UTC().Format("2006-01-02")
	att, err := tn.sendAndWait(tn.node("node0"), 60*time.Second, "attestation", "attest", "1", demoMember, day, "11",
		"--diagnosis-codes", "R05", "--lines", `{"sequence":1,"code":"71046","units":1,"service_date":"`+day+`","rendering_npi":"1987654328"}`,
		"--record-hash", recordHash, "--from", "provider-b")
	require.NoError(t, err)
	attID := att.attr("claimchain.attestation.v1.EventTreatmentAttested", "id")
	require.NotEmpty(t, attID)
	r.before = tn.node("node0").height()
	down := time.Now()
	for _, v := range victims {
		tn.kill(v, syscall.SIGTERM)
	}
	_, _, idsBefore := l.totals()
	time.Sleep(3 * time.Second)
	h0 := map[string]int64{}
	for _, n := range live {
		h0[n] = tn.node(n).height()
	}
	time.Sleep(10 * time.Second)
	var halt int64 = -1
	for _, n := range live {
		st, err := tn.node(n).status()
		require.NoError(t, err)
		require.Equal(t, h0[n], st.Height, "%s made blocks with two of four validators down", n)
		if halt < 0 || st.Height < halt {
			halt = st.Height
		}
	}
	// No fork: the live nodes have the same last block.
	var ref block
	for i, n := range live {
		b, err := tn.node(n).block(halt)
		require.NoError(t, err)
		if i == 0 {
			ref = b
		}
		require.Equal(t, ref.Hash, b.Hash, "%s's block %d", n, halt)
	}
	t.Logf("halted at height %d (block %s) on %v for 13 s+", halt, ref.Hash, live)
	probe, err := tn.broadcast(tn.node("node0"), "claims", "submit", "1", "claim", demoMember, "--diagnosis-codes", "R05",
		"--from", "provider-b", "--lines", `{"attestation_id":"`+attID+`","attestation_line":1,"code":"71046","units":1,"service_date":"`+
			day+`","billed":{"denom":"usd","amount":"40000"}}`)
	require.NoError(t, err, "a claim broadcast during the halt is accepted into the mempool")
	t.Logf("probe claim from provider-b broadcast during the halt: tx %s", probe)
	up := time.Now()
	for _, v := range victims {
		tn.start(v)
	}
	resumeBegin := time.Now()
	for tn.node("node0").height() <= halt+2 {
		if time.Since(resumeBegin) > 90*time.Second {
			t.Fatalf("the chain did not resume in 90 s after the restart; node1's log:\n%s", tn.logTail("node1", 30))
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("the chain resumed %s after the restart", time.Since(resumeBegin).Round(100*time.Millisecond))
	for _, v := range victims {
		s.waitCaughtUp(t, v, 90*time.Second)
	}
	require.True(t, l.waitClaims(2, 90*time.Second), "claims after the chain resumed")
	ids := s.finishLoad(t, l, r)

	st := l.stats(down, up)
	refused := l.refusals(down, up)
	require.Equal(t, st.claimsAccepted, st.claimsCommitted, "claims accepted during the halt are committed after it")
	across := l.acrossHalt(up, halt) // the load's txs accepted before the restart, committed after the halt
	pres, err := tn.waitTx(tn.node("node0"), probe, 60*time.Second)
	require.NoError(t, err, "the probe claim broadcast during the halt is not lost")
	require.Zero(t, pres.Code, pres.Log)
	require.Greater(t, pres.Height, halt)
	probeID := pres.attr("claimchain.claims.v1.EventClaimSubmitted", "id")
	require.NotEmpty(t, probeID)
	s.claims = append(s.claims, probeID)
	t.Logf("probe claim %s committed at height %d; load txs in flight across the halt: %v; refused during it: %v",
		probeID, pres.Height, across, refused)
	r.during = fmt.Sprintf("%d+1/%d+1 (%d tx held), halt %s", st.claimsAccepted, st.claimsCommitted, len(across), up.Sub(down).Round(time.Second))
	r.hashes, r.after = s.compareHashes(t, halt)
	for _, n := range append(victims, "full") {
		s.checkClaims(t, n, append([]string{"CLM-3-1", probeID}, idsBefore...))
	}
	s.checkClaims(t, "node0", ids)
}

// finalizing matches the consensus log line printed as a node starts to
// execute and commit a decided block (FinalizeBlock, then Commit).
var (
	finalizingWithTxs = regexp.MustCompile(`finalizing commit of block .*num_txs=[1-9]`)
	finalizing        = regexp.MustCompile(`finalizing commit of block`)
)

// killMidBlock: SIGKILL a validator as it executes a block with txs; restart it.
func (s *suite) killMidBlock(t *testing.T, r *row) {
	tn := s.tn.with(t)
	const victim = "node2"
	l := s.warmUp(t)
	r.before = tn.node("node0").height()
	line := tn.waitLogLine(victim, finalizingWithTxs, 30*time.Second)
	if line == "" {
		line = tn.waitLogLine(victim, finalizing, 10*time.Second)
	}
	require.NotEmpty(t, line, "no block to kill %s in", victim)
	pid := tn.pid(victim)
	require.NoError(t, syscall.Kill(pid, syscall.SIGKILL))
	down := time.Now()
	t.Logf("SIGKILL %s (PID %d) on: %s", victim, pid, line)
	tn.waitExit(victim, pid)
	t.Logf("%s's last log lines:\n%s", victim, tn.logTail(victim, 4))
	time.Sleep(5 * time.Second)
	up := time.Now()
	tn.start(victim)
	took := s.waitCaughtUp(t, victim, 90*time.Second)
	t.Logf("%s caught up %s after its restart", victim, took.Round(100*time.Millisecond))
	t.Logf("%s's recovery:\n%s", victim, grepLog(tn, victim, regexp.MustCompile(`(?i)replay|handshake|ABCI Replay|recover`), 8))
	require.True(t, l.waitClaims(2, 60*time.Second), "claims after the restart")
	ids := s.finishLoad(t, l, r)

	acc, com := l.claimsAcceptedIn(down, up)
	r.during = fmt.Sprintf("%d/%d in %s down", acc, com, up.Sub(down).Round(time.Second))
	require.Equal(t, acc, com)
	r.hashes, r.after = s.compareHashes(t, r.before+1)
	s.checkClaims(t, victim, append([]string{"CLM-3-1"}, ids...))
}

// wipeFull: stop the full node, wipe its data, restart it: it block-syncs
// back to the same state.
func (s *suite) wipeFull(t *testing.T, r *row) {
	tn := s.tn.with(t)
	const victim = "full"
	l := s.warmUp(t)
	r.before = tn.node("node0").height()
	down := time.Now()
	tn.kill(victim, syscall.SIGTERM)
	data := filepath.Join(tn.node(victim).home, "data")
	require.NoError(t, os.RemoveAll(data))
	require.NoError(t, os.MkdirAll(data, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(data, "priv_validator_state.json"),
		[]byte(`{"height":"0","round":0,"step":0}`+"\n"), 0o600))
	up := time.Now()
	tn.start(victim)
	took := s.waitCaughtUp(t, victim, 180*time.Second)
	t.Logf("the wiped full node synced %d blocks in %s", tn.node(victim).height(), took.Round(100*time.Millisecond))
	t.Logf("full's sync:\n%s", grepLog(tn, victim, regexp.MustCompile(`(?i)blocksync|block sync|switching to consensus|Time to switch`), 6))
	require.True(t, l.waitClaims(2, 60*time.Second), "claims after the restart")
	s.finishLoad(t, l, r)
	acc, com := l.claimsAcceptedIn(down, up.Add(took))
	r.during = fmt.Sprintf("%d/%d during the resync", acc, com)
	require.Equal(t, acc, com)
	r.hashes, r.after = s.compareHashes(t, r.before+1)
	s.checkClaims(t, victim, s.claims)
	g0, err := tn.node("node0").block(1)
	require.NoError(t, err)
	g, err := tn.node(victim).block(1)
	require.NoError(t, err, "the wiped node holds the chain from height 1")
	require.Equal(t, g0, g)
}

// grepLog returns the last n lines of the node's log matching re.
func grepLog(tn *testnet, name string, re *regexp.Regexp, n int) string {
	b, err := os.ReadFile(filepath.Join(tn.dir, name+".log"))
	if err != nil {
		return err.Error()
	}
	var hits []string
	for _, line := range strings.Split(ansi.ReplaceAllString(string(b), ""), "\n") {
		if re.MatchString(line) {
			hits = append(hits, line)
		}
	}
	if len(hits) > n {
		hits = hits[len(hits)-n:]
	}
	return strings.Join(hits, "\n")
}
