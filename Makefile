# claimchain — the two set-up commands are `make localnet` and `make test`.
BINARY    := build/claimchaind
GO        ?= go
GOLANGCI  := golangci-lint
GOLANGCI_VERSION := v2.15.0
export GOFLAGS := -buildvcs=false

.PHONY: all build install localnet localnet-init localnet-stop testnet testnet-stop test test-unit test-e2e test-faults vet lint proto-gen clean

all: build

build:
	$(GO) build -o $(BINARY) ./cmd/claimchaind

install:
	$(GO) install ./cmd/claimchaind

## localnet: build and start a fresh single-validator chain with the demo consortium (Ctrl-C stops it)
localnet: build
	scripts/localnet.sh

## localnet-stop: stop a localnet started with LOCALNET_DETACH=1
localnet-stop:
	@if [ -f .localnet/node.pid ]; then kill $$(cat .localnet/node.pid) 2>/dev/null || true; rm -f .localnet/node.pid; echo stopped; fi

## testnet: build and start, in the background, four validators (two insurers, two providers) and a
## full node on loopback from one fresh genesis in .testnet, seeded with the localnet's demo
testnet: build
	scripts/testnet.sh

## testnet-stop: stop the testnet's nodes by PID (their data stays in .testnet until the next make testnet)
testnet-stop:
	scripts/testnet.sh stop

## test: vet, then every test (unit, keeper, app integration, authorization matrix, PHI scan, the
## real-binary e2e), then a short run of every fuzz target but the whole-app one (scripts/fuzz.sh)
test: vet
	$(GO) test -count=1 ./...
	FUZZ_SKIP=FuzzDeliverMsg scripts/fuzz.sh 10s

## fuzz: every fuzz target for 5 minutes each (failing inputs land in the package's testdata/fuzz/)
.PHONY: fuzz
fuzz:
	scripts/fuzz.sh 5m

test-unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /testutil/e2e)

test-e2e:
	$(GO) test -count=1 -v ./testutil/e2e/...

## test-sim: the long simulations (app/sim_*_test.go): more seeds, blocks and runs per seed than the
## short ones in `make test`; SIM_SEEDS=1,2 SIM_BLOCKS=n SIM_RUNS=n override
.PHONY: test-sim
test-sim:
	SIM_LONG=1 $(GO) test -count=1 -timeout 90m -run '^TestSim' -v ./app/

## test-faults: start a fresh testnet (wipes .testnet), stop, kill and restart validators, halt the chain and
## block-sync a wiped full node under a load of claims; stops the testnet at the end (a few minutes)
test-faults: build
	$(GO) test -tags faults -count=1 -v -timeout 14m ./testutil/faults/...

## bench: go test -bench (engine, msg server at 10^3/10^6 stored claims and 1k/700k PTP rows, state bytes,
## worst-case claim) and a load test on a fresh localnet (bank vs unbatched claims side by side, batched
## claims, latency at 1,000 and 300 claims/s, block-stm); prints each issue-9 target beside the figure
## (~25 min on an idle 2-core machine; BENCH_CLAIMS=1000 skips the 10^6 world; see docs/performance.md)
.PHONY: bench bench-testnet
bench:
	scripts/bench.sh

## bench-testnet: the batched claim load on the four-validator testnet (all nodes on this machine)
bench-testnet: build
	scripts/bench.sh testnet

vet:
	$(GO) vet ./...

## lint: golangci-lint v2 (installed on first use)
lint:
	@command -v $(GOLANGCI) >/dev/null 2>&1 || $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_VERSION)
	$(GOLANGCI) run ./...

## proto-gen: regenerate Go code from proto/ offline (dependencies from the Go module cache)
proto-gen:
	scripts/protocgen.sh

clean:
	rm -rf build .localnet .testnet .bench
