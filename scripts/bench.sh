#!/usr/bin/env bash
# make bench: the benchmarks (go test -bench) and a short load test on a fresh
# single-validator localnet with the load's book of business, then one table of
# every issue-9 target beside the figure reached. Long and CPU-hungry: run it on
# an otherwise idle machine.
#
#   scripts/bench.sh               benchmarks + load test + table
#   BENCH_SKIP_GO=1 scripts/bench.sh     load test only
#   BENCH_SKIP_LOAD=1 scripts/bench.sh   benchmarks only
#   scripts/bench.sh testnet       the batched load on the four-validator testnet (make testnet, with
#                                  the load's genesis; all five nodes share this machine), then the table
#
# Environment: BENCH_DIR (default ./.bench: node home, reports, profiles),
# BENCH_DURATION (20s per load phase), BENCH_PTP_ROWS (700000), BENCH_CLAIMS / BENCH_PTP
# (the stored-claims and PTP sizes of the Go benchmarks, see testutil/bench),
# BENCH_PROFILE=1 (also take a 15 s CPU profile of the node while the batched phase sends),
# BENCH_MAX_GAS / BENCH_TIMEOUT_COMMIT (override the block max_gas and timeout_commit of the node,
# to compare block sizes and timeouts), BENCH_EXECUTOR (sequential or block-stm).
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${BENCH_DIR:-$PWD/.bench}
BIN=${BENCH_BIN:-$PWD/build/claimchaind}
LOAD=${BENCH_LOAD:-$PWD/build/claimload}
DURATION=${BENCH_DURATION:-20s}
RPC_PORT=36657 GRPC_PORT=39090 PPROF_PORT=36060
NODE=(--node "http://127.0.0.1:$RPC_PORT" --grpc "127.0.0.1:$GRPC_PORT")
mkdir -p "$DIR"

[[ -n ${BENCH_BIN:-} ]] || go build -o "$BIN" ./cmd/claimchaind
[[ -n ${BENCH_LOAD:-} ]] || go build -o "$LOAD" ./cmd/claimload

if [[ ${1:-} == testnet ]]; then
  echo "== four-validator testnet with the load's genesis (.testnet; slow to start: five nodes load it)"
  trap 'scripts/testnet.sh stop >/dev/null 2>&1 || true' EXIT
  TESTNET_DEMO=0 TESTNET_START_WAIT=900 BINARY=$BIN \
    TESTNET_GENESIS_HOOK="$LOAD genesis --ptp-rows ${BENCH_PTP_ROWS:-700000} --home" scripts/testnet.sh
  "$LOAD" run --node http://127.0.0.1:26657 --grpc 127.0.0.1:9090 --modes claims --batch 10 \
    --duration "$DURATION" --max-items 40000 --out "$DIR/load-testnet.md" --json "$DIR/load-testnet.json"
  scripts/testnet.sh stop
  "$LOAD" table --dir "$DIR"
  exit 0
fi

if [[ ${BENCH_SKIP_GO:-} != 1 ]]; then
  echo "== go test -bench (testutil/bench, x/refdata/keeper)"
  go test -run '^$' -bench . -benchtime "${BENCH_TIME:-200x}" -timeout 60m ./testutil/bench/ ./x/refdata/keeper/ | tee "$DIR/gobench.txt"
fi

start_node() {
  env ${BENCH_NODE_ENV:-} "$BIN" start --home "$DIR/node" >>"$DIR/node/node.log" 2>&1 &
  echo $! >"$DIR/node/node.pid"
  local h=
  for _ in $(seq 1 300); do
    h=$(curl -s "http://127.0.0.1:$RPC_PORT/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    # a restarted node reports its old height at once: wait for new blocks and for gRPC
    if [[ -n ${h:-} && $h -ge $((${1:-0} + 3)) ]] && (exec 3<>"/dev/tcp/127.0.0.1/$GRPC_PORT") 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "node did not start; see $DIR/node/node.log" >&2
  exit 1
}

stop_node() {
  if [[ -f $DIR/node/node.pid ]]; then
    local pid
    pid=$(cat "$DIR/node/node.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$DIR/node/node.pid"
  fi
}

if [[ ${BENCH_SKIP_LOAD:-} != 1 ]]; then
  echo "== load test: fresh localnet in $DIR/node"
  stop_node
  trap stop_node EXIT
  CLAIMCHAIN_HOME=$DIR/node BINARY=$BIN RPC_PORT=$RPC_PORT P2P_PORT=36656 GRPC_PORT=$GRPC_PORT API_PORT=31317 \
    LOCALNET_DEMO=0 scripts/localnet.sh init
  sed -i "s#^pprof_laddr = .*#pprof_laddr = \"127.0.0.1:$PPROF_PORT\"#" "$DIR/node/config/config.toml"
  "$LOAD" genesis --home "$DIR/node" --ptp-rows "${BENCH_PTP_ROWS:-700000}"
  if [[ -n ${BENCH_MAX_GAS:-} ]]; then
    sed -i "s#\"max_gas\": *\"[0-9-]*\"#\"max_gas\": \"$BENCH_MAX_GAS\"#" "$DIR/node/config/genesis.json"
  fi
  if [[ -n ${BENCH_TIMEOUT_COMMIT:-} ]]; then
    sed -i "s#^timeout_commit = .*#timeout_commit = \"$BENCH_TIMEOUT_COMMIT\"#" "$DIR/node/config/config.toml"
  fi
  if [[ -n ${BENCH_EXECUTOR:-} ]]; then
    sed -i "s#^block-executor = .*#block-executor = \"$BENCH_EXECUTOR\"#" "$DIR/node/config/app.toml"
  fi
  # BENCH_APP="key=value key2=value2": other app.toml settings (e.g. iavl-disable-fastnode=false);
  # BENCH_CONFIG likewise for config.toml (e.g. recheck=false).
  for kv in ${BENCH_APP:-}; do sed -i "s#^${kv%%=*} = .*#${kv%%=*} = ${kv#*=}#" "$DIR/node/config/app.toml"; done
  for kv in ${BENCH_CONFIG:-}; do sed -i "s#^${kv%%=*} = .*#${kv%%=*} = ${kv#*=}#" "$DIR/node/config/config.toml"; done
  echo "block: $(grep -o '"max_gas": *"[0-9-]*"' "$DIR/node/config/genesis.json"); $(grep '^timeout_commit' "$DIR/node/config/config.toml"); executor $(grep '^block-executor' "$DIR/node/config/app.toml" || echo sequential)"
  start_node
  PHASES=${BENCH_PHASES:-1,2,3,4,5}
  if [[ ,$PHASES, == *,1,* ]]; then
    echo "== 1. unbatched, side by side: bank sends, then claims (1 claim per tx)"
    "$LOAD" run "${NODE[@]}" --modes bank,claims --batch 1 --duration "$DURATION" --max-items 40000 \
      --out "$DIR/load-unbatched.md" --json "$DIR/load-unbatched.json"
  fi
  if [[ ,$PHASES, == *,2,* ]]; then
    echo "== 2. batched: 10 claims per tx, as fast as accepted"
    if [[ ${BENCH_PROFILE:-} == 1 ]]; then
      (sleep 3; curl -s -o "$DIR/node-cpu.pprof" "http://127.0.0.1:$PPROF_PORT/debug/pprof/profile?seconds=15") &
    fi
    "$LOAD" run "${NODE[@]}" --modes claims --batch 10 --duration "$DURATION" --max-items 60000 \
      --out "$DIR/load-batched.md" --json "$DIR/load-batched.json"
  fi
  if [[ ,$PHASES, == *,3,* ]]; then
    echo "== 3. latency at a fixed 1,000 claims/s (batch 10)"
    "$LOAD" run "${NODE[@]}" --modes claims --batch 10 --rate 1000 --duration "$DURATION" \
      --out "$DIR/load-1000.md" --json "$DIR/load-1000.json"
  fi
  if [[ ,$PHASES, == *,5,* ]]; then
    echo "== 5. latency at a fixed ${BENCH_LOW_RATE:-300} claims/s (batch 10), below what the node carries"
    "$LOAD" run "${NODE[@]}" --modes claims --batch 10 --rate "${BENCH_LOW_RATE:-300}" --duration "$DURATION" \
      --out "$DIR/load-low.md" --json "$DIR/load-low.json"
  fi
  if [[ ,$PHASES, == *,4,* ]]; then
    echo "== 4. the same node restarted with the block-stm executor: batched, as fast as accepted"
    h0=$(curl -s "http://127.0.0.1:$RPC_PORT/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p')
    stop_node
    sed -i "s#^block-executor = .*#block-executor = \"block-stm\"#" "$DIR/node/config/app.toml"
    start_node "$h0"
    "$LOAD" run "${NODE[@]}" --modes claims --batch 10 --duration "$DURATION" --max-items 60000 \
      --out "$DIR/load-blockstm.md" --json "$DIR/load-blockstm.json"
  fi
  stop_node
fi

"$LOAD" table --dir "$DIR"
