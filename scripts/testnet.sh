#!/usr/bin/env bash
# Starts a fresh four-validator claimchain on loopback, in the background: two insurers and two
# providers each run a validator from its own home, with its own ports and keys, and a fifth node
# follows the chain without validating. All five start from one genesis with the accounts and
# founding members of scripts/localnet.sh, whose DEMO_KEYS and DEMO_MEMBERS this script reads.
#
#   scripts/testnet.sh            stop a running testnet, wipe .testnet, init, start, seed the demo
#   scripts/testnet.sh init       only write fresh homes
#   scripts/testnet.sh start      start existing homes
#   scripts/testnet.sh stop       stop the nodes by PID (SIGTERM, then SIGKILL); keeps their data
#   scripts/testnet.sh status     each node's height and PID
#
# Layout: .testnet/node0 .. node3 (validators insurer-a, insurer-b, provider-a, provider-b) and
# .testnet/full (non-validator); each node logs to .testnet/<node>.log, its PID is in .testnet/<node>.pid.
# node0's home holds every demo key (like .localnet), node1..3 only their operator's key.
#
# Environment: TESTNET_DIR (default ./.testnet), BINARY (default ./build/claimchaind), CHAIN_ID
# (claimchain-testnet-1), VOTING_PERIOD (30s), TESTNET_DEMO (1: seed a plan, a member, escrow and a
# claim with scripts/demo.sh against node0 once all nodes produce blocks), TESTNET_GENESIS_HOOK (a
# command run with node0's home as its last argument after the gentxs are collected),
# TESTNET_START_WAIT (90: seconds to wait for the nodes to reach a common height).
set -euo pipefail
cd "$(dirname "$0")/.."

ROOT=${TESTNET_DIR:-$PWD/.testnet}
BIN=${BINARY:-$PWD/build/claimchaind}
CHAIN_ID=${CHAIN_ID:-claimchain-testnet-1}

# The demo accounts and founding members, exactly as the localnet defines them.
eval "$(sed -n -e '/^DEMO_KEYS=(/,/^)/p' -e '/^DEMO_MEMBERS=(/,/^)/p' \
  -e '/^BOND=/p' -e '/^SETTLEMENT_FUNDS=/p' -e '/^FEES=/p' scripts/localnet.sh)"
if [[ ${#DEMO_KEYS[@]} -eq 0 || ${#DEMO_MEMBERS[@]} -eq 0 || -z ${BOND:-} || -z ${FEES:-} ]]; then
  echo "could not read DEMO_KEYS, DEMO_MEMBERS, BOND and FEES from scripts/localnet.sh" >&2
  exit 1
fi

NODES=(node0 node1 node2 node3 full)
VALIDATORS=(insurer-a insurer-b provider-a provider-b) # the operator key of node0..node3

home() { echo "$ROOT/$1"; }
# Ports: node i uses the localnet's ports + 100*i, the full node + 500.
offset() { case $1 in node[0-3]) echo $((100 * ${1#node})) ;; full) echo 500 ;; esac; }
p2p_port() { echo $((26656 + $(offset "$1"))); }
rpc_port() { echo $((26657 + $(offset "$1"))); }
grpc_port() { echo $((9090 + $(offset "$1"))); }
api_port() { echo $((1317 + $(offset "$1"))); }
pprof_port() { echo $((6060 + $(offset "$1"))); }
operator() { case $1 in node[0-3]) echo "${VALIDATORS[${1#node}]}" ;; *) echo "" ;; esac; }

addr() { "$BIN" keys show "$1" -a --keyring-backend test --home "$(home node0)"; }
mnemonic_of() {
  local entry
  for entry in "${DEMO_KEYS[@]}"; do [[ ${entry%%|*} == "$1" ]] && { echo "${entry#*|}"; return; }; done
  echo "no demo key $1" >&2; exit 1
}
add_key() { # node key
  mnemonic_of "$2" | "$BIN" keys add "$2" --recover --keyring-backend test --home "$(home "$1")" >/dev/null 2>&1
}

init_homes() {
  rm -rf "$ROOT"
  mkdir -p "$ROOT"
  local node key coins entry m kind name idflags i gentx
  for node in "${NODES[@]}"; do
    "$BIN" init "$( [[ $node == full ]] && echo full || operator "$node")" --chain-id "$CHAIN_ID" \
      --home "$(home "$node")" --voting-period "${VOTING_PERIOD:-30s}" --unbonding-time 60s \
      --min-deposit 1000000 >/dev/null 2>&1
  done
  # node0 holds every demo key (scripts/demo.sh and the README's commands use them); the other
  # validators hold only their operator's key.
  for entry in "${DEMO_KEYS[@]}"; do add_key node0 "${entry%%|*}"; done
  for i in 1 2 3; do add_key "node$i" "${VALIDATORS[$i]}"; done

  # Genesis accounts and founding members, as scripts/localnet.sh: every member holds one bond.
  local g0; g0=$(home node0)
  for entry in "${DEMO_KEYS[@]}"; do
    key=${entry%%|*}
    coins=$FEES
    for m in "${DEMO_MEMBERS[@]}"; do [[ ${m%%|*} == "$key" ]] && coins="$BOND,$FEES"; done
    [[ $key == insurer-* ]] && coins="$BOND,$FEES,$SETTLEMENT_FUNDS"
    "$BIN" genesis add-genesis-account "$(addr "$key")" "$coins" --home "$g0" >/dev/null
  done
  for m in "${DEMO_MEMBERS[@]}"; do
    IFS='|' read -r key kind name idflags <<<"$m"
    # shellcheck disable=SC2086
    "$BIN" genesis add-member "$kind" "$name" "$(addr "$key")" $idflags --home "$g0" >/dev/null
  done

  # Each validator signs its gentx in its own home (its key, its consensus key, its node id).
  for i in 0 1 2 3; do
    node=node$i
    [[ $i == 0 ]] || cp "$g0/config/genesis.json" "$(home "$node")/config/genesis.json"
    if ! out=$("$BIN" genesis gentx "${VALIDATORS[$i]}" "$BOND" --chain-id "$CHAIN_ID" \
      --moniker "${VALIDATORS[$i]}" --min-self-delegation 1 --fees 1000ufee \
      --ip 127.0.0.1 --p2p-port "$(p2p_port "$node")" --keyring-backend test --home "$(home "$node")" 2>&1); then
      echo "gentx of ${VALIDATORS[$i]} failed: $out" >&2; exit 1
    fi
    if [[ $i != 0 ]]; then
      for gentx in "$(home "$node")"/config/gentx/*.json; do cp "$gentx" "$g0/config/gentx/"; done
    fi
  done
  "$BIN" genesis collect-gentxs --home "$g0" >/dev/null 2>&1
  # A command to edit the shared genesis before it is copied, given node0's home (make bench-testnet
  # adds the load's book of business with claimload genesis --home).
  if [[ -n ${TESTNET_GENESIS_HOOK:-} ]]; then $TESTNET_GENESIS_HOOK "$g0"; fi
  "$BIN" genesis validate --home "$g0" >/dev/null
  for node in "${NODES[@]:1}"; do cp "$g0/config/genesis.json" "$(home "$node")/config/genesis.json"; done

  # Loopback only; every node peers with the four others; REST on; this node's ports.
  local id peers
  declare -A ids
  for node in "${NODES[@]}"; do ids[$node]=$("$BIN" comet show-node-id --home "$(home "$node")"); done
  for node in "${NODES[@]}"; do
    peers=""
    for id in "${NODES[@]}"; do
      [[ $id == "$node" ]] || peers+="${peers:+,}${ids[$id]}@127.0.0.1:$(p2p_port "$id")"
    done
    local cfg app client
    cfg=$(home "$node")/config/config.toml app=$(home "$node")/config/app.toml client=$(home "$node")/config/client.toml
    sed -i "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$(rpc_port "$node")\"#" "$cfg"
    sed -i "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$(p2p_port "$node")\"#" "$cfg"
    sed -i "s#^pprof_laddr = .*#pprof_laddr = \"127.0.0.1:$(pprof_port "$node")\"#" "$cfg"
    sed -i "s#^persistent_peers = .*#persistent_peers = \"$peers\"#" "$cfg"
    sed -i "s#^addr_book_strict = .*#addr_book_strict = false#" "$cfg"
    sed -i "s#^allow_duplicate_ip = .*#allow_duplicate_ip = true#" "$cfg"
    sed -i "s#^timeout_commit = .*#timeout_commit = \"1s\"#" "$cfg"
    sed -i "/^\[api\]/,/^\[/ s#^enable = false#enable = true#" "$app"
    sed -i "/^\[api\]/,/^\[/ s#^address = .*#address = \"tcp://127.0.0.1:$(api_port "$node")\"#" "$app"
    sed -i "/^\[grpc\]/,/^\[/ s#^address = .*#address = \"127.0.0.1:$(grpc_port "$node")\"#" "$app"
    sed -i "s#^chain-id = .*#chain-id = \"$CHAIN_ID\"#" "$client"
    sed -i "s#^keyring-backend = .*#keyring-backend = \"test\"#" "$client"
    sed -i "s#^node = .*#node = \"tcp://127.0.0.1:$(rpc_port "$node")\"#" "$client"
  done
}

height() {
  curl -s --max-time 2 "http://127.0.0.1:$(rpc_port "$1")/status" 2>/dev/null |
    sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'
}

running_pid() { # node -> its PID if that process is alive and is claimchaind
  local f=$ROOT/$1.pid pid
  [[ -f $f ]] || return 1
  pid=$(cat "$f")
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null && [[ $(ps -o comm= -p "$pid" 2>/dev/null) == claimchaind* ]] &&
    echo "$pid"
}

stop_nodes() {
  local node pid pids=() i
  for node in "${NODES[@]}"; do
    if pid=$(running_pid "$node"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
  done
  for i in $(seq 1 30); do # up to 15 s for a clean shutdown
    local alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    pids=("${alive[@]}")
    [[ ${#pids[@]} -eq 0 ]] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do echo "PID $pid ignored SIGTERM; sending SIGKILL"; kill -KILL "$pid" 2>/dev/null || true; done
  for node in "${NODES[@]}"; do rm -f "$ROOT/$node.pid"; done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

check_ports() {
  local node port
  for node in "${NODES[@]}"; do
    for port in $(p2p_port "$node") $(rpc_port "$node") $(grpc_port "$node") $(api_port "$node") $(pprof_port "$node"); do
      if port_in_use "$port"; then
        echo "port $port ($node) is in use — is a localnet or another testnet running?" >&2; exit 1
      fi
    done
  done
}

start_nodes() {
  local node pid
  for node in "${NODES[@]}"; do
    [[ -f $(home "$node")/config/genesis.json ]] || { echo "no home $(home "$node"); run '$0 init' first" >&2; exit 1; }
    if pid=$(running_pid "$node"); then echo "$node is already running (PID $pid); '$0 stop' first" >&2; exit 1; fi
  done
  check_ports
  for node in "${NODES[@]}"; do
    nohup "$BIN" start --home "$(home "$node")" >>"$ROOT/$node.log" 2>&1 </dev/null &
    echo $! >"$ROOT/$node.pid"
  done

  # Wait until all five nodes commit new blocks (past the highest height any of them had when they
  # first answered, and at least height 3) and agree on the height within one block.
  local h min max ok base="" wait=${TESTNET_START_WAIT:-90}
  for _ in $(seq 1 "$wait"); do
    ok=1 min="" max=""
    for node in "${NODES[@]}"; do
      if ! running_pid "$node" >/dev/null; then
        echo "$node exited; last lines of $ROOT/$node.log:" >&2
        tail -20 "$ROOT/$node.log" >&2
        stop_nodes; exit 1
      fi
      h=$(height "$node" || true)
      if [[ -z $h ]]; then ok=0; continue; fi
      [[ -z $min || $h -lt $min ]] && min=$h
      [[ -z $max || $h -gt $max ]] && max=$h
    done
    if [[ $ok == 1 ]]; then
      [[ -n $base ]] || base=$max
      if [[ $min -ge 3 && $min -gt $base && $((max - min)) -le 1 ]]; then return 0; fi
    fi
    sleep 1
  done
  echo "the nodes did not reach a common height in $wait s (heights: $(status_line)); logs in $ROOT" >&2
  stop_nodes
  exit 1
}

status_line() {
  local node out=""
  for node in "${NODES[@]}"; do out+="$node=$(height "$node" || true) "; done
  echo "${out% }"
}

bonded_count() { # node
  "$BIN" query staking validators --node "tcp://127.0.0.1:$(rpc_port "$1")" -o json 2>/dev/null |
    grep -Ec '"status": *"BOND_STATUS_BONDED"' || true
}

signers() { # node -> how many validators signed the commit in its latest block (of the one before)
  curl -s --max-time 2 "http://127.0.0.1:$(rpc_port "$1")/block" 2>/dev/null | grep -o '"block_id_flag":2' | wc -l
}

banner() {
  local node role m key kind org pid
  cat <<MSG

claimchain testnet is running (chain id $CHAIN_ID, homes in $ROOT)

  node   role                                                      RPC    P2P    gRPC  REST  pprof  PID
MSG
  for node in "${NODES[@]}"; do
    key=$(operator "$node")
    role="full node (not a validator)"
    for m in "${DEMO_MEMBERS[@]}"; do
      IFS='|' read -r k kind org _ <<<"$m"
      [[ -n $key && $k == "$key" ]] && role="validator $key ($kind $org)"
    done
    pid=$(running_pid "$node" || echo -)
    printf '  %-6s %-57s %-6s %-6s %-5s %-5s %-6s %s\n' "$node" "$role" "$(rpc_port "$node")" \
      "$(p2p_port "$node")" "$(grpc_port "$node")" "$(api_port "$node")" "$(pprof_port "$node")" "$pid"
  done
  cat <<MSG

  All on 127.0.0.1. Logs: $ROOT/<node>.log; each home's client.toml points the CLI at its own node.
  Validators bonded (query staking validators, on the full node): $(bonded_count full) of ${#VALIDATORS[@]}.
  Signatures in the last commit: $(signers full) of ${#VALIDATORS[@]}.   Heights: $(status_line)

Try:
  $BIN query staking validators --home $ROOT/full          # the four bonded validators
  $BIN status --home $ROOT/node2                           # any node: --home $ROOT/<node>
  curl -s 127.0.0.1:$(api_port full)/claimchain/membership/v1/members          # REST of the full node
  $BIN query membership members --home $ROOT/node0         # node0 holds every demo key (like .localnet)
Stop:  make testnet-stop   (or scripts/testnet.sh stop; data stays in $ROOT until the next make testnet)
MSG
}

case ${1:-all} in
  init) init_homes ;;
  start) start_nodes; banner ;;
  stop) stop_nodes; echo "testnet stopped (data kept in $ROOT)" ;;
  status)
    for node in "${NODES[@]}"; do
      printf '%-6s height %-8s PID %s\n' "$node" "$(height "$node" || true)" "$(running_pid "$node" || echo -)"
    done ;;
  all)
    stop_nodes
    check_ports
    init_homes
    start_nodes
    if [[ ${TESTNET_DEMO:-1} == 1 ]]; then
      echo "All five nodes produce blocks ($(status_line)); seeding the demo through node0:"
      CLAIMCHAIN_HOME=$(home node0) BINARY=$BIN scripts/demo.sh
    fi
    banner ;;
  *) echo "usage: $0 [all|init|start|stop|status]" >&2; exit 2 ;;
esac
