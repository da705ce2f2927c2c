//go:build faults

package faults

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

const (
	demoMember = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"
	recordHash = `{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"LK+OkcYqQOLNfqihR8y1Q6SPQF1TV+0ffhiWXPXRisE="}`
	// txWait bounds the wait for an accepted tx to be committed; it outlasts a halt.
	txWait = 150 * time.Second
)

// refusal is a broadcast the node did not accept.
type refusal struct {
	at   time.Time
	kind string
	err  error
}

func (r refusal) String() string {
	return fmt.Sprintf("%s %s: %v", r.at.Format("15:04:05"), r.kind, r.err)
}

// sentTx is one tx the node accepted into its mempool (CheckTx passed).
type sentTx struct {
	kind   string // "attest" or "claim"
	hash   string
	sentAt time.Time
	// outcome, once known
	committed bool
	code      uint32
	height    int64
	claimID   string
	doneAt    time.Time
}

// claimLoad submits attest + claim pairs from provider-a (insurer 1, the demo
// member) through one node, one tx at a time, waiting for each to commit.
type claimLoad struct {
	tn  *testnet
	via tnode

	stop chan struct{}
	done chan struct{}

	mu         sync.Mutex
	claimsSent int       // claim txs broadcast (accepted or not)
	refused    []refusal // broadcasts refused (by CheckTx, or the node did not answer)
	accepted   []*sentTx // every tx accepted by CheckTx
	claimIDs   []string  // claim ids the chain returned as committed
}

func startLoad(tn *testnet, via tnode) *claimLoad {
	l := &claimLoad{tn: tn, via: via, stop: make(chan struct{}), done: make(chan struct{})}
	go l.run()
	return l
}

func (l *claimLoad) stopped() bool {
	select {
	case <-l.stop:
		return true
	default:
		return false
	}
}

func (l *claimLoad) run() {
	defer close(l.done)
	for !l.stopped() {
		day := time.Now().UTC().Format("2006-01-02")
		att := l.send("attest", "attestation", "attest", "1", demoMember, day, "11", "--diagnosis-codes", "E11.9",
			"--lines", `{"sequence":1,"code":"99213","units":1,"service_date":"`+day+`","rendering_npi":"1234567893"}`,
			"--record-hash", recordHash, "--from", "provider-a")
		if att == nil || !att.committed || att.code != 0 {
			l.pause()
			continue
		}
		attID := l.tn.attestationID(l.via, att.hash)
		if attID == "" {
			l.pause()
			continue
		}
		l.mu.Lock()
		l.claimsSent++
		l.mu.Unlock()
		c := l.send("claim", "claims", "submit", "1", "claim", demoMember, "--diagnosis-codes", "E11.9", "--from", "provider-a",
			"--lines", `{"attestation_id":"`+attID+`","attestation_line":1,"code":"99213","units":1,"service_date":"`+day+
				`","billed":{"denom":"usd","amount":"12550"}}`)
		if c == nil || !c.committed || c.code != 0 {
			l.pause()
		}
	}
}

// pause waits a second before the next try (unless stopped).
func (l *claimLoad) pause() {
	select {
	case <-l.stop:
	case <-time.After(time.Second):
	}
}

// send broadcasts one tx and waits for its outcome; nil if it was refused at
// broadcast. A tx that was accepted is always waited for (up to txWait, even
// when the load is being stopped), so that none is left behind unresolved.
func (l *claimLoad) send(kind string, args ...string) *sentTx {
	at := time.Now()
	hash, err := l.tn.broadcast(l.via, args...)
	if err != nil {
		l.mu.Lock()
		l.refused = append(l.refused, refusal{at: at, kind: kind, err: err})
		l.mu.Unlock()
		return nil
	}
	s := &sentTx{kind: kind, hash: hash, sentAt: at}
	l.mu.Lock()
	l.accepted = append(l.accepted, s)
	l.mu.Unlock()
	for deadline := time.Now().Add(txWait); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		res, err := l.via.tx(hash)
		if errors.Is(err, errTxNotFound) || err != nil {
			continue
		}
		l.mu.Lock()
		s.committed, s.code, s.height, s.doneAt = true, res.Code, res.Height, time.Now()
		if kind == "claim" && res.Code == 0 {
			s.claimID = res.attr("claimchain.claims.v1.EventClaimSubmitted", "id")
			if s.claimID != "" {
				l.claimIDs = append(l.claimIDs, s.claimID)
			}
		}
		l.mu.Unlock()
		return s
	}
	return s
}

// attestationID reads the id of the attestation a committed tx created.
func (tn *testnet) attestationID(via tnode, hash string) string {
	res, err := via.tx(hash)
	if err != nil {
		return ""
	}
	return res.attr("claimchain.attestation.v1.EventTreatmentAttested", "id")
}

// finish stops the load and waits for its in-flight tx.
func (l *claimLoad) finish() {
	select {
	case <-l.stop:
	default:
		close(l.stop)
	}
	<-l.done
}

// loadStats summarises the load, optionally only the claims broadcast in [from, to).
type loadStats struct {
	claimsAccepted, claimsCommitted int
	unresolved                      []string // accepted txs with no outcome
	failed                          []string // accepted txs that failed in the block
}

func (l *claimLoad) stats(from, to time.Time) loadStats {
	l.mu.Lock()
	defer l.mu.Unlock()
	var st loadStats
	for _, s := range l.accepted {
		if s.sentAt.Before(from) || !s.sentAt.Before(to) {
			continue
		}
		if !s.committed {
			st.unresolved = append(st.unresolved, s.kind+" "+s.hash)
		} else if s.code != 0 {
			st.failed = append(st.failed, fmt.Sprintf("%s %s code %d", s.kind, s.hash, s.code))
		}
		if s.kind != "claim" {
			continue
		}
		st.claimsAccepted++
		if s.committed && s.code == 0 && s.claimID != "" {
			st.claimsCommitted++
		}
	}
	return st
}

// totals are the whole run's figures.
func (l *claimLoad) totals() (sent, committed int, ids []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.claimsSent, len(l.claimIDs), append([]string{}, l.claimIDs...)
}

// refusals are the broadcasts refused in [from, to).
func (l *claimLoad) refusals(from, to time.Time) []refusal {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []refusal
	for _, r := range l.refused {
		if !r.at.Before(from) && r.at.Before(to) {
			out = append(out, r)
		}
	}
	return out
}

// waitClaims waits until n more claims than now are committed (false on timeout).
func (l *claimLoad) waitClaims(n int, timeout time.Duration) bool {
	l.mu.Lock()
	target := len(l.claimIDs) + n
	l.mu.Unlock()
	for deadline := time.Now().Add(timeout); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		l.mu.Lock()
		got := len(l.claimIDs)
		l.mu.Unlock()
		if got >= target {
			return true
		}
	}
	return false
}

// claimsAcceptedIn is how many claims broadcast in [from, to) were accepted, and committed.
func (l *claimLoad) claimsAcceptedIn(from, to time.Time) (accepted, committed int) {
	st := l.stats(from, to)
	return st.claimsAccepted, st.claimsCommitted
}

// acrossHalt lists the load's txs accepted before `before` and committed above height halt.
func (l *claimLoad) acrossHalt(before time.Time, halt int64) []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for _, s := range l.accepted {
		if s.sentAt.Before(before) && s.committed && s.height > halt {
			out = append(out, fmt.Sprintf("%s %s… sent %s, committed at %d (code %d)", s.kind, s.hash[:8], s.sentAt.Format("15:04:05"), s.height, s.code))
		}
	}
	return out
}
