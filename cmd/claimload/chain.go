package main

import (
	"context"
	"fmt"
	"net/http"
	"time"

	rpchttp "github.com/cometbft/cometbft/rpc/client/http"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// chain is the node under load: CometBFT RPC for txs and blocks, gRPC for state.
type chain struct {
	rpc     *rpchttp.HTTP
	grpc    *grpc.ClientConn
	codecs  codecs
	chainID string
}

func dial(ctx context.Context, rpcAddr, grpcAddr string, c codecs) (*chain, error) {
	// Many senders share one client: keep their connections alive.
	httpClient := &http.Client{Transport: &http.Transport{MaxIdleConns: 512, MaxIdleConnsPerHost: 512, IdleConnTimeout: time.Minute}}
	rpc, err := rpchttp.NewWithClient(rpcAddr, "/websocket", httpClient)
	if err != nil {
		return nil, err
	}
	status, err := rpc.Status(ctx)
	if err != nil {
		return nil, fmt.Errorf("node %s: %w", rpcAddr, err)
	}
	conn, err := grpc.NewClient(grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return nil, err
	}
	return &chain{rpc: rpc, grpc: conn, codecs: c, chainID: status.NodeInfo.Network}, nil
}

func (c *chain) height(ctx context.Context) (int64, error) {
	st, err := c.rpc.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.SyncInfo.LatestBlockHeight, nil
}

// account reads an account's number and next sequence.
func (c *chain) account(ctx context.Context, acc *account) error {
	res, err := authtypes.NewQueryClient(c.grpc).Account(ctx, &authtypes.QueryAccountRequest{Address: acc.addr.String()})
	if err != nil {
		return fmt.Errorf("account %s (was the genesis made with 'claimload genesis'?): %w", acc.addr, err)
	}
	var a sdk.AccountI
	if err := c.codecs.cdc.UnpackAny(res.Account, &a); err != nil {
		return err
	}
	acc.number, acc.seq = a.GetAccountNumber(), a.GetSequence()
	return nil
}

// provider returns a provider's member id and the sequence of its next attestation.
func (c *chain) provider(ctx context.Context, operator sdk.AccAddress) (id, next uint64, err error) {
	m, err := membershiptypes.NewQueryClient(c.grpc).MemberByOperator(ctx, &membershiptypes.QueryMemberByOperatorRequest{Operator: operator.String()})
	if err != nil {
		return 0, 0, fmt.Errorf("provider %s: %w", operator, err)
	}
	res, err := attestationtypes.NewQueryClient(c.grpc).AttestationsByProvider(ctx, &attestationtypes.QueryAttestationsByProviderRequest{
		ProviderId: m.Member.Id, Pagination: &query.PageRequest{Limit: 1, CountTotal: true},
	})
	if err != nil {
		return 0, 0, err
	}
	return m.Member.Id, res.Pagination.Total + 1, nil
}
