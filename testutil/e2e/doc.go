// Package e2e drives the real claimchaind binary: it builds it, creates the
// localnet with scripts/localnet.sh, starts a node and talks to it through the
// CLI, REST and CometBFT RPC, as a newcomer would.
package e2e
