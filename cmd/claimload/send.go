package main

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	cmttypes "github.com/cometbft/cometbft/types"
)

type txKind int

const (
	kindAttest txKind = iota
	kindClaim
	kindSend
)

func (k txKind) String() string { return [...]string{"attest", "claim", "send"}[k] }

// signedTx is one pre-signed tx of the load and what became of it.
type signedTx struct {
	bytes []byte
	hash  string
	kind  txKind
	items int // msgs in the tx: attestations, claims or sends

	submitted time.Time
	sent      bool
	refused   string // CheckTx or RPC refusal, empty when accepted
}

// unit is what one rate token pays for: an attestation tx and the claim tx that
// bills it, or one bank-send tx.
type unit struct {
	txs   []*signedTx
	items int
}

func newSignedTx(bz []byte, kind txKind, items int) *signedTx {
	return &signedTx{bytes: bz, hash: fmt.Sprintf("%X", cmttypes.Tx(bz).Hash()), kind: kind, items: items}
}

// limiter spaces units so items flow at rate per second (0: no limit).
type limiter struct {
	mu    sync.Mutex
	start time.Time
	rate  float64
	items float64
}

func (l *limiter) wait(ctx context.Context, items int) {
	if l.rate <= 0 {
		return
	}
	l.mu.Lock()
	at := l.start.Add(time.Duration(l.items / l.rate * float64(time.Second)))
	l.items += float64(items)
	l.mu.Unlock()
	select {
	case <-time.After(time.Until(at)):
	case <-ctx.Done():
	}
}

type sendStats struct {
	sent, accepted, refused atomic.Int64
}

// sendAll sends every account's units in order, one goroutine per account, until
// all are sent or ctx ends. An account stops at its first refusal: its later txs
// carry later sequence numbers (and bill its attestations), so they could only fail.
func (c *chain) sendAll(ctx context.Context, perAccount [][]unit, rate float64, maxPending int, stats *sendStats) {
	lim := &limiter{start: time.Now(), rate: rate}
	// Back-pressure: senders wait while the mempool holds more than maxPending
	// txs, so "as fast as accepted" measures what the node sustains rather than
	// how long a queue can grow.
	var pending atomic.Int64
	pollCtx, stopPoll := context.WithCancel(ctx)
	defer stopPoll()
	go func() {
		for pollCtx.Err() == nil {
			if n, err := c.rpc.NumUnconfirmedTxs(pollCtx); err == nil {
				pending.Store(int64(n.Total))
			}
			time.Sleep(200 * time.Millisecond)
		}
	}()
	var wg sync.WaitGroup
	for _, units := range perAccount {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, u := range units {
				if ctx.Err() != nil {
					return
				}
				lim.wait(ctx, u.items)
				for maxPending > 0 && pending.Load() > int64(maxPending) && ctx.Err() == nil {
					time.Sleep(50 * time.Millisecond)
				}
				for _, tx := range u.txs {
					if !c.send(ctx, tx, stats) {
						return
					}
				}
			}
		}()
	}
	wg.Wait()
}

// send broadcasts one tx (CheckTx only) and reports whether it was accepted; a
// full mempool is waited out.
func (c *chain) send(ctx context.Context, tx *signedTx, stats *sendStats) bool {
	for {
		if ctx.Err() != nil {
			return false
		}
		tx.submitted = time.Now()
		// The broadcast itself is not cut short when the send window closes: a tx
		// already handed to the node may be accepted, and must be counted.
		callCtx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		res, err := c.rpc.BroadcastTxSync(callCtx, tx.bytes)
		cancel()
		switch {
		case err != nil && strings.Contains(err.Error(), "mempool is full"):
			time.Sleep(100 * time.Millisecond)
			continue
		case err != nil && strings.Contains(err.Error(), "already exists in cache"):
		case err != nil:
			tx.refused = "rpc: " + firstLine(err.Error())
		case res.Code != 0:
			tx.refused = fmt.Sprintf("%s/%d: %s", res.Codespace, res.Code, firstLine(res.Log))
		}
		tx.sent = true
		stats.sent.Add(1)
		if tx.refused != "" {
			stats.refused.Add(1)
			return false
		}
		stats.accepted.Add(1)
		return true
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// drain waits until the mempool is empty (or timeout) and returns the height then.
func (c *chain) drain(ctx context.Context, timeout time.Duration) (int64, error) {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		n, err := c.rpc.NumUnconfirmedTxs(ctx)
		if err == nil && n.Total == 0 {
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	return c.height(ctx)
}
