package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/claimchain/claimchain/app"
)

type runOpts struct {
	node, grpc         string
	modes              string
	batch, bankBatch   int
	providers, senders int
	members            int
	duration           time.Duration
	rate               float64
	maxItems           int
	out, jsonOut       string
	drain              time.Duration
	maxPending         int
}

func runCmd() *cobra.Command {
	var o runOpts
	cmd := &cobra.Command{
		Use:   "run",
		Short: "send pre-signed claims (with their attestations) or bank sends and report throughput and latency",
		Long: `Pre-signs the load, sends it over CometBFT RPC (broadcast_tx_sync) from one goroutine per
account, waits for the mempool to drain, then reads every block of the run and reports what was
committed, when, and what failed. Latency is submission to commit, where a block is committed at
the next block's header time (its BFT time: the median time of the commit votes).

--modes bank,claims runs the phases one after the other on the same node, for a side-by-side
comparison in one report. A claims phase sends, per unit, one tx of --batch attestations and
one tx of --batch claims billing them (3 service lines each).`,
		RunE: func(cmd *cobra.Command, _ []string) error { return run(cmd, o) },
	}
	f := cmd.Flags()
	f.StringVar(&o.node, "node", "http://127.0.0.1:26657", "CometBFT RPC address")
	f.StringVar(&o.grpc, "grpc", "127.0.0.1:9090", "gRPC address of the node")
	f.StringVar(&o.modes, "modes", "claims", "phases to run in order: bank, claims (comma separated)")
	f.IntVar(&o.batch, "batch", 10, "attestations per attestation tx and claims per claim tx")
	f.IntVar(&o.bankBatch, "bank-batch", 1, "sends per bank tx")
	f.IntVar(&o.providers, "providers", 40, "provider accounts sending claims (at most claimload genesis --providers)")
	f.IntVar(&o.senders, "senders", 40, "accounts sending bank sends (at most claimload genesis --senders)")
	f.IntVar(&o.members, "members", 20000, "members enrolled by claimload genesis --members")
	f.DurationVar(&o.duration, "duration", 30*time.Second, "how long each phase sends")
	f.Float64Var(&o.rate, "rate", 0, "items (claims or sends) per second; 0 sends as fast as the node accepts")
	f.IntVar(&o.maxItems, "max-items", 60000, "items pre-signed per phase when --rate is 0")
	f.StringVar(&o.out, "out", "", "write the report (markdown) to this file too")
	f.StringVar(&o.jsonOut, "json", "", "write the report's figures as JSON to this file")
	f.IntVar(&o.maxPending, "max-pending", 2000, "senders wait while the node's mempool holds txs carrying more items (claims or sends) than this (0: never)")
	f.DurationVar(&o.drain, "drain", 120*time.Second, "longest wait for the mempool to empty after sending")
	return cmd
}

func run(cmd *cobra.Command, o runOpts) error {
	ctx := cmd.Context()
	ch, err := dial(ctx, o.node, o.grpc, newCodecs())
	if err != nil {
		return err
	}
	var reports []*phaseReport
	for _, mode := range strings.Split(o.modes, ",") {
		rep, err := runPhase(ctx, ch, strings.TrimSpace(mode), o)
		if err != nil {
			return fmt.Errorf("%s phase: %w", mode, err)
		}
		reports = append(reports, rep)
	}
	return writeReports(cmd.OutOrStdout(), reports, o)
}

// loadPhase is the pre-signed load of one phase.
type loadPhase struct {
	mode        string
	perAccount  [][]unit
	byHash      map[string]*signedTx // looked up by hash only
	gas         map[txKind]uint64
	itemsSigned int
}

func runPhase(ctx context.Context, ch *chain, mode string, o runOpts) (*phaseReport, error) {
	// Start from an empty mempool: account sequences are read from committed
	// state, so txs still pending from an earlier phase would make them stale.
	if _, err := ch.drain(ctx, 3*o.drain); err != nil {
		return nil, err
	}
	if n, err := ch.rpc.NumUnconfirmedTxs(ctx); err == nil && n.Total > 0 {
		return nil, fmt.Errorf("the mempool still holds %d txs after %s; wait, or restart the node", n.Total, 3*o.drain)
	}
	var lp *loadPhase
	var err error
	switch mode {
	case "claims":
		lp, err = prepareClaims(ctx, ch, o)
	case "bank":
		lp, err = prepareBank(ctx, ch, o)
	default:
		return nil, fmt.Errorf("unknown mode %q (bank or claims)", mode)
	}
	if err != nil {
		return nil, err
	}
	start, err := ch.height(ctx)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "[%s] sending %d items in %d txs from %d accounts (rate %s, up to %s) from height %d\n",
		mode, lp.itemsSigned, len(lp.byHash), len(lp.perAccount), rateText(o.rate), o.duration, start)
	sendCtx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	stats := &sendStats{}
	done := make(chan struct{})
	go progress(ctx, ch, mode, stats, done)
	began := time.Now()
	ch.sendAll(sendCtx, lp.perAccount, o.rate, lp.pendingTxs(o.maxPending), stats)
	sending := time.Since(began)
	close(done)
	end, err := ch.drain(ctx, o.drain)
	if err != nil {
		return nil, err
	}
	if err := waitHeight(ctx, ch, end+1); err != nil {
		return nil, err
	}
	blocks, results, err := ch.collect(ctx, start+1, end, lp.byHash)
	if err != nil {
		return nil, err
	}
	return summarize(lp, o, sending, blocks, results), nil
}

func rateText(rate float64) string {
	if rate <= 0 {
		return "as fast as accepted"
	}
	return fmt.Sprintf("%.0f/s", rate)
}

func waitHeight(ctx context.Context, ch *chain, h int64) error {
	for range 120 {
		cur, err := ch.height(ctx)
		if err == nil && cur >= h {
			return nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("height %d not reached", h)
}

func progress(ctx context.Context, ch *chain, mode string, stats *sendStats, done chan struct{}) {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	began := time.Now()
	for {
		select {
		case <-done:
			return
		case <-ctx.Done():
			return
		case <-t.C:
			h, _ := ch.height(ctx)
			pool := -1
			if n, err := ch.rpc.NumUnconfirmedTxs(ctx); err == nil {
				pool = n.Total
			}
			fmt.Fprintf(os.Stderr, "[%s] %4.0fs  sent %d txs (accepted %d, refused %d)  height %d  mempool %d\n",
				mode, time.Since(began).Seconds(), stats.sent.Load(), stats.accepted.Load(), stats.refused.Load(), h, pool)
		}
	}
}

// unitsPerAccount splits items into units of batch over accounts.
func unitsPerAccount(items, batch, accounts int) int {
	return max(1, (items+batch*accounts-1)/(batch*accounts))
}

func (o runOpts) items() int {
	if o.rate > 0 {
		return int(o.rate * o.duration.Seconds())
	}
	return o.maxItems
}

func prepareClaims(ctx context.Context, ch *chain, o runOpts) (*loadPhase, error) {
	accs := make([]*account, o.providers)
	ids, next := make([]uint64, o.providers), make([]uint64, o.providers)
	for p := range accs {
		key := providerKey(p)
		accs[p] = &account{key: key, addr: addrOf(key)}
		if err := ch.account(ctx, accs[p]); err != nil {
			return nil, err
		}
		id, k, err := ch.provider(ctx, accs[p].addr)
		if err != nil {
			return nil, err
		}
		ids[p], next[p] = id, k
	}
	lastDay := time.Now().UTC().AddDate(0, 0, -1)
	build := func(p int, gasAttest, gasClaim uint64) (unit, error) {
		atts, claims := make([]sdk.Msg, o.batch), make([]sdk.Msg, o.batch)
		for i := range o.batch {
			it := newItem(p, ids[p], next[p], o.providers, o.members, lastDay)
			next[p]++
			atts[i], claims[i] = it.attest(accs[p].addr.String()), it.claim(accs[p].addr.String())
		}
		a, err := ch.codecs.sign(ch.chainID, accs[p], gasAttest, atts...)
		if err != nil {
			return unit{}, err
		}
		c, err := ch.codecs.sign(ch.chainID, accs[p], gasClaim, claims...)
		if err != nil {
			return unit{}, err
		}
		return unit{txs: []*signedTx{newSignedTx(a, kindAttest, o.batch), newSignedTx(c, kindClaim, o.batch)}, items: o.batch}, nil
	}
	// Calibrate: one unit with ample gas, committed; the load's gas limits are
	// 1.3 × what it used (blocks fill by gas wanted, so limits must be close).
	cal, err := build(0, 1_000_000*uint64(o.batch), 3_000_000*uint64(o.batch))
	if err != nil {
		return nil, err
	}
	used, err := ch.commitUnit(ctx, cal)
	if err != nil {
		return nil, fmt.Errorf("calibration: %w", err)
	}
	lp := &loadPhase{mode: "claims", byHash: map[string]*signedTx{}, gas: map[txKind]uint64{
		kindAttest: uint64(used[0]) * 13 / 10, kindClaim: uint64(used[1]) * 13 / 10,
	}}
	n := unitsPerAccount(o.items(), o.batch, o.providers)
	for p := range accs {
		var units []unit
		for range n {
			u, err := build(p, lp.gas[kindAttest], lp.gas[kindClaim])
			if err != nil {
				return nil, err
			}
			units = append(units, u)
		}
		lp.add(units)
	}
	return lp, nil
}

func prepareBank(ctx context.Context, ch *chain, o runOpts) (*loadPhase, error) {
	accs := make([]*account, o.senders)
	for s := range accs {
		key := senderKey(s)
		accs[s] = &account{key: key, addr: addrOf(key)}
		if err := ch.account(ctx, accs[s]); err != nil {
			return nil, err
		}
	}
	build := func(s int, gas uint64) (unit, error) {
		msgs := make([]sdk.Msg, o.bankBatch)
		for i := range msgs {
			msgs[i] = banktypes.NewMsgSend(accs[s].addr, sinkAddr(s), sdk.NewCoins(sdk.NewCoin(app.FeeDenom, math.OneInt())))
		}
		bz, err := ch.codecs.sign(ch.chainID, accs[s], gas, msgs...)
		if err != nil {
			return unit{}, err
		}
		return unit{txs: []*signedTx{newSignedTx(bz, kindSend, o.bankBatch)}, items: o.bankBatch}, nil
	}
	cal, err := build(0, 500_000*uint64(o.bankBatch))
	if err != nil {
		return nil, err
	}
	used, err := ch.commitUnit(ctx, cal)
	if err != nil {
		return nil, fmt.Errorf("calibration: %w", err)
	}
	lp := &loadPhase{mode: "bank", byHash: map[string]*signedTx{}, gas: map[txKind]uint64{kindSend: uint64(used[0]) * 13 / 10}}
	n := unitsPerAccount(o.items(), o.bankBatch, o.senders)
	for s := range accs {
		var units []unit
		for range n {
			u, err := build(s, lp.gas[kindSend])
			if err != nil {
				return nil, err
			}
			units = append(units, u)
		}
		lp.add(units)
	}
	return lp, nil
}

// pendingTxs converts a bound on pending items into one on mempool txs.
func (lp *loadPhase) pendingTxs(items int) int {
	if items <= 0 || len(lp.perAccount) == 0 || len(lp.perAccount[0]) == 0 {
		return 0
	}
	u := lp.perAccount[0][0]
	return max(1, items*len(u.txs)/u.items)
}

func (lp *loadPhase) add(units []unit) {
	lp.perAccount = append(lp.perAccount, units)
	for _, u := range units {
		lp.itemsSigned += u.items
		for _, tx := range u.txs {
			lp.byHash[tx.hash] = tx
		}
	}
}

// commitUnit sends a unit's txs and waits until each is committed; it returns their gas used.
func (ch *chain) commitUnit(ctx context.Context, u unit) ([]int64, error) {
	from, err := ch.height(ctx)
	if err != nil {
		return nil, err
	}
	byHash := map[string]*signedTx{}
	stats := &sendStats{}
	for _, tx := range u.txs {
		if !ch.send(ctx, tx, stats) {
			return nil, fmt.Errorf("%s tx refused: %s", tx.kind, tx.refused)
		}
		byHash[tx.hash] = tx
	}
	for range 60 {
		time.Sleep(500 * time.Millisecond)
		to, err := ch.height(ctx)
		if err != nil || to <= from {
			continue
		}
		_, results, err := ch.collect(ctx, from+1, to-1, byHash)
		if err != nil {
			return nil, err
		}
		if len(results) < len(u.txs) {
			continue
		}
		var used []int64
		for _, tx := range u.txs {
			r := results[tx.hash]
			if r.code != 0 {
				return nil, fmt.Errorf("%s tx failed: %s", tx.kind, r.reason)
			}
			used = append(used, r.gasUsed)
		}
		return used, nil
	}
	return nil, fmt.Errorf("calibration txs not committed in 30 s")
}
