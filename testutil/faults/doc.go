// Package faults holds fault-injection tests against a real four-validator
// testnet (scripts/testnet.sh): while provider-a submits claims, validators
// are stopped, killed mid-block and restarted, two are stopped to halt the
// chain, and the full node's data is wiped and block-synced back. The tests
// need the build tag "faults" (make test-faults), so go test ./... skips them.
package faults
