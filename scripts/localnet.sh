#!/usr/bin/env bash
# Starts a fresh single-validator claimchain on loopback with the demo consortium:
# two insurers and two providers (keys in a test keyring), a block every ~0.5 s plus execution.
# The same accounts and validator are described in config.yml (Ignite format);
# testutil/e2e checks that the two stay in step.
#
#   scripts/localnet.sh            init + start (foreground; Ctrl-C stops)
#   scripts/localnet.sh init       only write a fresh home
#   scripts/localnet.sh start      start an existing home
#   LOCALNET_DETACH=1 scripts/localnet.sh   start, print endpoints, return (node keeps running)
#
# Environment: CLAIMCHAIN_HOME (default ./.localnet), BINARY (default ./build/claimchaind),
# RPC_PORT (26657), P2P_PORT (26656), GRPC_PORT (9090), API_PORT (1317), VOTING_PERIOD (30s),
# LOCALNET_DEMO (1: seed an attestation and a claim with scripts/demo.sh once blocks are produced).
set -euo pipefail
cd "$(dirname "$0")/.."

HOME_DIR=${CLAIMCHAIN_HOME:-$PWD/.localnet}
BIN=${BINARY:-$PWD/build/claimchaind}
CHAIN_ID=${CHAIN_ID:-claimchain-local-1}
RPC_PORT=${RPC_PORT:-26657}
P2P_PORT=${P2P_PORT:-26656}
GRPC_PORT=${GRPC_PORT:-9090}
API_PORT=${API_PORT:-1317}
KR=(--keyring-backend test --home "$HOME_DIR")

# Demo keys. These mnemonics are public test fixtures: never use them for real funds.
# name | mnemonic
DEMO_KEYS=(
  "insurer-a|reduce dizzy latin rain deputy enough blade pole record fashion gather laundry dune spatial author floor elder state west faint rug weasel capital weird"
  "insurer-b|enroll slam trumpet shell rude rebel upper celery want egg coil dash silk gesture cause brick soup cable flock rather base typical torch film"
  "provider-a|tuition pink nation deal object census hockey depend dose service round vague now spell glory mirror powder seed debate flip tank normal ugly wreck"
  "provider-b|fix glance sad roof crouch cereal wait eyebrow enemy peanut gadget fruit nurse escape warm crew siege devote front drum analyst accuse box prefer"
  "billing-svc|enable scheme silent man lounge page antenna summer estate woman blush august issue actor dismiss volcano prevent zero nominee cash pact bid print afford"
  "outsider|moral bomb sausage slide side gaze scene chief have film decline ahead involve during reject ankle tent october kitten clock bring leaf uncover rigid"
)
# Founding members: key | kind | name | identifier flags
DEMO_MEMBERS=(
  "insurer-a|insurer|Northwind Health Plan|--payer-id NWHP1 --naic-code 99901"
  "insurer-b|insurer|Bluewater Mutual Insurance|--payer-id BWMI2"
  "provider-a|provider|Riverside Family Clinic|--npi 1234567893"
  "provider-b|provider|Lakeview General Hospital|--npi 1987654328"
)
BOND=1000000ubond          # the membership validator bond (params.validator_bond)
# Demo settlement money for insurers: "usd" in cents. In production this is a tokenised deposit or a
# stablecoin held by each insurer; the chain only moves it between escrow and providers.
SETTLEMENT_FUNDS=1000000000usd
FEES=100000000000ufee      # fee tokens for every demo account
VALIDATOR=insurer-a        # the single validator of the localnet

addr() { "$BIN" keys show "$1" -a "${KR[@]}"; }

init_home() {
  rm -rf "$HOME_DIR"
  "$BIN" init localnet --chain-id "$CHAIN_ID" --home "$HOME_DIR" \
    --voting-period "${VOTING_PERIOD:-30s}" --unbonding-time 60s --min-deposit 1000000 >/dev/null 2>&1
  for entry in "${DEMO_KEYS[@]}"; do
    name=${entry%%|*}; mnemonic=${entry#*|}
    echo "$mnemonic" | "$BIN" keys add "$name" --recover "${KR[@]}" >/dev/null 2>&1
  done
  for entry in "${DEMO_KEYS[@]}"; do
    name=${entry%%|*}
    coins=$FEES
    for m in "${DEMO_MEMBERS[@]}"; do [[ ${m%%|*} == "$name" ]] && coins="$BOND,$FEES"; done
    [[ $name == insurer-* ]] && coins="$BOND,$FEES,$SETTLEMENT_FUNDS"
    "$BIN" genesis add-genesis-account "$(addr "$name")" "$coins" --home "$HOME_DIR" >/dev/null
  done
  for m in "${DEMO_MEMBERS[@]}"; do
    IFS='|' read -r key kind name idflags <<<"$m"
    # shellcheck disable=SC2086
    "$BIN" genesis add-member "$kind" "$name" "$(addr "$key")" $idflags --home "$HOME_DIR" >/dev/null
  done
  "$BIN" genesis gentx "$VALIDATOR" "$BOND" --chain-id "$CHAIN_ID" --moniker "$VALIDATOR" \
    --min-self-delegation 1 --fees 1000ufee "${KR[@]}" >/dev/null 2>&1
  "$BIN" genesis collect-gentxs --home "$HOME_DIR" >/dev/null 2>&1
  "$BIN" genesis validate --home "$HOME_DIR" >/dev/null

  # Loopback only; REST on; this node's ports.
  local cfg="$HOME_DIR/config/config.toml" app="$HOME_DIR/config/app.toml"
  sed -i "s#^laddr = \"tcp://127.0.0.1:26657\"#laddr = \"tcp://127.0.0.1:$RPC_PORT\"#" "$cfg"
  sed -i "s#^laddr = \"tcp://0.0.0.0:26656\"#laddr = \"tcp://127.0.0.1:$P2P_PORT\"#" "$cfg"
  sed -i "s#^pprof_laddr = .*#pprof_laddr = \"\"#" "$cfg"
  sed -i "/^\[api\]/,/^\[/ s#^enable = false#enable = true#" "$app"
  sed -i "/^\[api\]/,/^\[/ s#^address = .*#address = \"tcp://127.0.0.1:$API_PORT\"#" "$app"
  sed -i "/^\[grpc\]/,/^\[/ s#^address = .*#address = \"127.0.0.1:$GRPC_PORT\"#" "$app"
  local client="$HOME_DIR/config/client.toml"
  sed -i "s#^chain-id = .*#chain-id = \"$CHAIN_ID\"#" "$client"
  sed -i "s#^keyring-backend = .*#keyring-backend = \"test\"#" "$client"
  sed -i "s#^node = .*#node = \"tcp://127.0.0.1:$RPC_PORT\"#" "$client"
}

height() {
  curl -s "http://127.0.0.1:$RPC_PORT/status" 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'
}

banner() {
  cat <<MSG

claimchain localnet is running (chain id $CHAIN_ID, home $HOME_DIR)
  CometBFT RPC : http://127.0.0.1:$RPC_PORT
  gRPC         : 127.0.0.1:$GRPC_PORT
  REST (API)   : http://127.0.0.1:$API_PORT   e.g. /claimchain/membership/v1/members
  node log     : $HOME_DIR/node.log

Demo keys (keyring-backend test, in $HOME_DIR):
MSG
  for entry in "${DEMO_KEYS[@]}"; do
    name=${entry%%|*}
    role="non-member account"
    for m in "${DEMO_MEMBERS[@]}"; do
      IFS='|' read -r key kind org _ <<<"$m"
      [[ $key == "$name" ]] && role="$kind: $org"
    done
    [[ $name == "$VALIDATOR" ]] && role="$role (validator)"
    printf '  %-12s %s  %s\n' "$name" "$(addr "$name")" "$role"
  done
  cat <<MSG

Try:  $BIN query membership members --home $HOME_DIR
MSG
}

start_node() {
  "$BIN" start --home "$HOME_DIR" >"$HOME_DIR/node.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$HOME_DIR/node.pid"
  for _ in $(seq 1 60); do
    h=$(height || true)
    if [[ -n ${h:-} && $h -ge 2 ]]; then
      banner
      if [[ ${LOCALNET_DEMO:-1} == 1 ]]; then
        echo
        CLAIMCHAIN_HOME=$HOME_DIR BINARY=$BIN scripts/demo.sh
      fi
      if [[ ${LOCALNET_DETACH:-} == 1 ]]; then
        echo "(detached: stop it with 'kill $pid')"
        return 0
      fi
      trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; echo; echo "localnet stopped"' INT TERM
      echo "Producing blocks; Ctrl-C stops the node."
      wait "$pid"
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "claimchaind exited; last log lines:" >&2
      tail -20 "$HOME_DIR/node.log" >&2
      exit 1
    fi
    sleep 1
  done
  echo "no blocks after 60 s; see $HOME_DIR/node.log" >&2
  kill "$pid"
  exit 1
}

case ${1:-all} in
  init) init_home ;;
  start) start_node ;;
  all)
    if [[ -f $HOME_DIR/node.pid ]] && kill -0 "$(cat "$HOME_DIR/node.pid")" 2>/dev/null; then
      kill "$(cat "$HOME_DIR/node.pid")"; sleep 1
    fi
    init_home; start_node ;;
  *) echo "usage: $0 [init|start|all]" >&2; exit 2 ;;
esac
