package main

import (
	"context"
	"fmt"
	"time"

	sdk "github.com/cosmos/cosmos-sdk/types"

	claimstypes "github.com/claimchain/claimchain/x/claims/types"
)

// blockInfo is one block of the run.
type blockInfo struct {
	height   int64
	time     time.Time // header time: the BFT time of the previous block's commit votes
	commit   time.Time // when this block was committed: the next block's header time
	txs      int
	bytes    int
	gasUsed  int64
	loadTxs  int
	loadItem int
}

// result is what the chain did with one accepted tx.
type result struct {
	height  int64
	commit  time.Time
	code    uint32
	reason  string
	gasUsed int64
	status  map[string]int // claim statuses of a claim tx's responses
}

// collect reads blocks from..to (and to+1 for the last commit time) and matches
// their txs to the load's.
func (c *chain) collect(ctx context.Context, from, to int64, byHash map[string]*signedTx) ([]blockInfo, map[string]*result, error) {
	results := map[string]*result{} // looked up by hash only
	var blocks []blockInfo
	for h := from; h <= to+1; h++ {
		b, err := c.rpc.Block(ctx, &h)
		if err != nil {
			return nil, nil, fmt.Errorf("block %d: %w", h, err)
		}
		if n := len(blocks); n > 0 {
			blocks[n-1].commit = b.Block.Time
		}
		if h == to+1 {
			break
		}
		br, err := c.rpc.BlockResults(ctx, &h)
		if err != nil {
			return nil, nil, fmt.Errorf("block results %d: %w", h, err)
		}
		info := blockInfo{height: h, time: b.Block.Time, txs: len(b.Block.Txs), bytes: b.Block.Size()}
		for i, tx := range b.Block.Txs {
			res := br.TxsResults[i]
			info.gasUsed += res.GasUsed
			hash := fmt.Sprintf("%X", tx.Hash())
			st, ok := byHash[hash]
			if !ok {
				continue
			}
			info.loadTxs++
			info.loadItem += st.items
			r := &result{height: h, code: res.Code, gasUsed: res.GasUsed}
			if res.Code != 0 {
				r.reason = fmt.Sprintf("%s/%d: %s", res.Codespace, res.Code, firstLine(res.Log))
			} else if st.kind == kindClaim {
				r.status = claimStatuses(c, res.Data)
			}
			results[hash] = r
		}
		blocks = append(blocks, info)
	}
	for _, r := range results {
		r.commit = blocks[r.height-from].commit
	}
	return blocks, results, nil
}

func claimStatuses(c *chain, data []byte) map[string]int {
	out := map[string]int{}
	var msgData sdk.TxMsgData
	if err := msgData.Unmarshal(data); err != nil {
		out["(undecodable response)"]++
		return out
	}
	for _, any := range msgData.MsgResponses {
		var res claimstypes.MsgSubmitClaimResponse
		if err := c.codecs.cdc.Unmarshal(any.Value, &res); err != nil {
			out["(undecodable response)"]++
			continue
		}
		out[res.Status.String()]++
	}
	return out
}
