// Package bench measures the claim path: the pure adjudication engine, a
// claim's attestation and submission through the real keepers against
// committed state of 1e3 to 1e6 stored claims, the state a claim writes, and
// the most expensive valid claim. Run
//
//	go test -run xxx -bench . ./testutil/bench/
//
// BENCH_CLAIMS and BENCH_PTP (comma-separated, default "1000,1000000" and
// "1000,700000") choose the stored-claim counts and PTP table sizes of
// BenchmarkSubmitClaim; small values make a quick run (the 1e6 world takes
// minutes to build). Every benchmark reports gas/op beside ns/op;
// BenchmarkStateBytes reports bytes/claim and writes/claim.
//
// The tests run with go test: TestWorstCaseClaimFitsInABlock checks the
// worst claim's gas against the block limit, TestClaimWriteSet logs (-v) the
// keys a claim writes and its gas by descriptor.
//
// The app runs on goleveldb in a temporary directory (the SDK's default
// backend), restarted from apptest's genesis: see onDisk.
package bench
