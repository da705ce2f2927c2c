package rules

import (
	"fmt"

	"github.com/claimchain/claimchain/x/integrity/types"
)

// EMUse is one rendering NPI's E/M services in one family after this claim
// (Total, High = level 4 or above) and the insurer's peer counts in the
// family, everyone included, as of the end of the previous block (this claim
// and the block's other claims not yet counted), with the E/M table version.
type EMUse struct {
	NPI       string
	Family    string
	Total     uint64
	High      uint64
	PeerTotal uint64
	PeerHigh  uint64
	Version   uint32
}

// EMMix (R-FLAG-EM) flags a claim whose rendering NPI has at least
// minServices E/M services in a family and a high-level share at least
// excessBps above the insurer's peer share in that family. Without peer
// services in the family (none before this block) there is no share to
// compare with: the family is not judged.
func EMMix(uses []EMUse, minServices, excessBps uint32) (Finding, bool) {
	f := Finding{RuleID: types.RuleEM, Points: types.PointsEM}
	var sentences []string
	for _, u := range uses {
		if u.Total < uint64(minServices) || u.PeerTotal == 0 {
			continue
		}
		share, peer := ShareBps(u.High, u.Total), ShareBps(u.PeerHigh, u.PeerTotal)
		if share < peer+uint64(excessBps) {
			continue
		}
		if f.NPI == "" {
			f.NPI = u.NPI
		}
		sentences = append(sentences, fmt.Sprintf(
			"rendering NPI %s billed %d of %d %s E/M services at level %d or above (%d bps) against %d bps for the insurer's peers before this block (%d of %d): %d bps above, at least the %d bps allowed (E/M level table version %d)",
			u.NPI, u.High, u.Total, u.Family, HighLevel, share, peer, u.PeerHigh, u.PeerTotal, share-peer, excessBps, u.Version))
		f.Figures = append(f.Figures, fig("npi", u.NPI), fig("family", u.Family), fig("npi_high", u.High),
			fig("npi_total", u.Total), fig("npi_high_share_bps", share), fig("peer_high", u.PeerHigh),
			fig("peer_total", u.PeerTotal), fig("peer_high_share_bps", peer), fig("table_version", u.Version))
		f.Tables = cite(f.Tables, TableEmLevel, u.Version)
	}
	if len(sentences) == 0 {
		return Finding{}, false
	}
	f.Evidence = join(sentences)
	return f, true
}
