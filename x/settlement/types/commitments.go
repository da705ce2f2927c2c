package types

import (
	"cosmossdk.io/math"

	"github.com/claimchain/claimchain/x/bucket"
)

// CommitmentBuckets is how many counters an insurer's committed escrow in one
// denom is spread over.
const CommitmentBuckets = 16

// CommitmentBucket is the bucket a claim's commitment is kept in (x/bucket):
// claims in different buckets write different keys.
func CommitmentBucket(claimID string) uint32 { return bucket.Of(claimID, CommitmentBuckets) }

// Commitment is the escrow cash a scheduled payment needs at most: its
// amount, or for a correction the increase over what was paid.
func Commitment(p ScheduledPayment) math.Int {
	if !p.Correction {
		return p.Amount.Amount
	}
	net := p.Amount.Amount
	if !p.PreviouslyPaid.IsNil() {
		net = net.Sub(p.PreviouslyPaid)
	}
	if net.IsNegative() {
		return math.ZeroInt()
	}
	return net
}
