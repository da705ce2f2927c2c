#!/usr/bin/env bash
# Seeds a running localnet so a newcomer sees a decided claim at once: Northwind
# Health Plan (insurer 1) publishes examples/plans/gold.json and enrols a member;
# provider-a (Riverside Family Clinic, member 3) attests an office visit and a
# blood count, then bills them by importing the FHIR R4 Claim in
# examples/fhir/claim-office-visit.json. The claim is adjudicated on submission.
#
#   scripts/demo.sh      (CLAIMCHAIN_HOME and BINARY as for scripts/localnet.sh)
set -euo pipefail
cd "$(dirname "$0")/.."

HOME_DIR=${CLAIMCHAIN_HOME:-$PWD/.localnet}
BIN=${BINARY:-$PWD/build/claimchaind}
CC=("$BIN" --home "$HOME_DIR")
# The demo member: a random pseudonym issued by Northwind Health Plan (no PHI).
MEMBER=6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3
# sha256 (base64) of the clinic's off-chain encounter record; the record itself stays off chain.
RECORD_SHA256=LK+OkcYqQOLNfqihR8y1Q6SPQF1TV+0ffhiWXPXRisE=

# send runs a tx and waits until it is committed; it fails loudly if it was refused.
send() {
  local out hash res code
  out=$("${CC[@]}" "$@" --fees 20000ufee --gas 400000 -y -o json)
  hash=$(sed -n 's/.*"txhash":"\([0-9A-F]*\)".*/\1/p' <<<"$out")
  [[ -n $hash ]] || { echo "broadcast failed: $out" >&2; exit 1; }
  for _ in $(seq 1 30); do
    if res=$("${CC[@]}" query tx "$hash" -o json 2>/dev/null); then
      code=$(sed -n 's/.*"code":\([0-9]*\).*/\1/p' <<<"$res" | head -1)
      if [[ ${code:-0} != 0 ]]; then echo "tx refused: $res" >&2; exit 1; fi
      return 0
    fi
    sleep 0.5
  done
  echo "tx $hash not committed" >&2
  exit 1
}

# Northwind Health Plan (insurer-a) publishes its Gold plan and enrols the member.
send tx adjudication create-plan NWHP-GOLD "Northwind Gold" 2025-01-01 examples/plans/gold.json --from insurer-a
send tx adjudication enroll "$MEMBER" NWHP-GOLD 2025-01-01 --sex female --birth-year 1980 --from insurer-a
# It funds its escrow with $10,000.00 and holds adjudicated claims for 10 s before paying them
# (a demo value; the default is 72 h, during which members may dispute and the insurer may pend).
send tx settlement fund-escrow 1000000usd --from insurer-a
send tx settlement set-hold-period 10s --from insurer-a
# The visit happens today (the example FHIR file is dated 2025-11-03; a copy is re-dated so the
# claim is inside the plan's timely filing window whenever the demo runs).
TODAY=$(date -u +%F)
FHIR=$(mktemp --suffix=.json)
trap 'rm -f "$FHIR"' EXIT
sed "s/2025-11-03/$TODAY/g" examples/fhir/claim-office-visit.json >"$FHIR"
send tx attestation attest 1 "$MEMBER" "$TODAY" 11 --diagnosis-codes E11.9 \
  --lines "{\"sequence\":1,\"code\":\"99213\",\"units\":1,\"service_date\":\"$TODAY\",\"rendering_npi\":\"1234567893\"}" \
  --lines "{\"sequence\":2,\"code\":\"85025\",\"units\":1,\"service_date\":\"$TODAY\",\"rendering_npi\":\"1234567893\"}" \
  --record-hash "{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"$RECORD_SHA256\"}" \
  --from provider-a
send tx claims submit-fhir "$FHIR" --from provider-a

cat <<MSG
Demo data: plan NWHP-GOLD, an enrolled member, attestation ATT-3-1 (2 service lines) and claim
CLM-3-1 (billed from FHIR JSON, adjudicated on submission, paid from escrow about 10 s later).
  ${BIN} query adjudication explain CLM-3-1 --home ${HOME_DIR}
  ${BIN} query claims claim-response CLM-3-1 --fhir --home ${HOME_DIR}
  ${BIN} query settlement payment CLM-3-1 --home ${HOME_DIR}     # once paid: its remittance trace number
MSG
