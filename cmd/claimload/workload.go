package main

import (
	"crypto/sha256"
	"fmt"
	"time"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

// The book of business: one insurer's plan, many members, tens of providers and
// a few hundred codes. Every claim bills its own attestation of 3 lines: an E/M
// visit and two ancillary services on one date of service.
const (
	loadPlanID   = "LOAD-GOLD"
	loadInsurer  = 1   // the localnet's first insurer (Northwind Health Plan)
	datesWindow  = 300 // service dates: the 300 days ending yesterday
	linesPerItem = 3   // service lines per attestation and claim
	// practitioners of each provider (rendering NPIs), taking visits in turn:
	// one NPI per provider would put every visit of a provider on one
	// practitioner's day, an impossible day (R-FLAG-DAY) after a few dozen.
	practitioners = 20
	settleDenom   = "usd" // the plan's denom
)

// emCodes are office visits, most often level 3 and 4 (a real practice's mix);
// the same mix for every provider, so no one stands out to R-FLAG-EM.
var emCodes = []string{"99213", "99213", "99213", "99214", "99214", "99212", "99203", "99204", "99215", "99211"}

var diagnoses = []string{"E11.9", "I10", "J06.9", "M54.50", "E78.5", "R51.9"}

// ancillaryCodes are labs, imaging and therapy codes: a few hundred, all in the
// plan's fee schedule, none needing prior authorisation.
var ancillaryCodes = func() []string {
	var codes []string
	add := func(from, to, step int) {
		for c := from; c <= to; c += step {
			if c >= 70551 && c <= 70553 { // prior authorisation in the plan
				continue
			}
			codes = append(codes, fmt.Sprintf("%05d", c))
		}
	}
	add(80047, 80099, 2)  // chemistry panels
	add(82040, 82999, 9)  // chemistry
	add(85002, 85999, 11) // haematology
	add(70010, 76999, 41) // imaging
	add(97110, 97140, 2)  // therapy
	return codes
}()

// allowedCents is the plan's fee-schedule amount for a code: a stable spread of
// $12 to $400 by code.
func allowedCents(code string) int64 {
	sum := sha256.Sum256([]byte(code))
	return 1200 + int64(sum[0])*150
}

// item is claim number i of the load: global index i = (k-1)*providers + p for
// provider p's k-th attestation, so repeated runs continue where they stopped and
// no two claims share a member and a date of service.
type item struct {
	provider   int
	providerID uint64 // member id of the provider
	k          uint64 // the provider's attestation sequence (ATT-<id>-<k>)
	global     uint64
	member     string
	date       string
	codes      [linesPerItem]string
	npi        string
	diagnosis  string
}

func newItem(p int, providerID, k uint64, providers, members int, lastDay time.Time) item {
	i := (k-1)*uint64(providers) + uint64(p)
	it := item{provider: p, providerID: providerID, k: k, global: i, npi: practitionerNPI(p, int((k-1)%practitioners))}
	// Member i/window sees the window's dates in a rotated order, so that
	// (member, date) stays unique while each practitioner's visits spread
	// over the whole window (i%window alone gave a provider 15 dates).
	block := i / datesWindow
	it.date = lastDay.AddDate(0, 0, -int((i+7*block)%datesWindow)).Format(time.DateOnly)
	it.member = memberPseudonym(int(block % uint64(members)))
	// Each practitioner runs through the whole mix every len(emCodes) of its
	// visits (i % len alone would give a provider one code for ever: providers
	// is a multiple of 10; k alone, a practitioner).
	it.codes[0] = emCodes[(k/practitioners+k+uint64(p))%uint64(len(emCodes))]
	n := uint64(len(ancillaryCodes))
	it.codes[1] = ancillaryCodes[(i*7)%n]
	it.codes[2] = ancillaryCodes[(i*7+n/2+1)%n]
	it.diagnosis = diagnoses[i%uint64(len(diagnoses))]
	return it
}

func (it item) attestationID() string { return fmt.Sprintf("ATT-%d-%d", it.providerID, it.k) }

func (it item) attest(provider string) *attestationtypes.MsgAttestTreatment {
	sum := sha256.Sum256([]byte(fmt.Sprintf("claimload record %d %d", it.providerID, it.k)))
	msg := &attestationtypes.MsgAttestTreatment{
		Provider: provider, InsurerId: loadInsurer, Member: it.member, EncounterDate: it.date, PlaceOfService: "11",
		DiagnosisCodes: []string{it.diagnosis},
		RecordHash:     membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sum[:]},
	}
	for j, code := range it.codes {
		msg.Lines = append(msg.Lines, attestationtypes.ServiceLine{
			Sequence: uint32(j + 1), Code: code, Units: 1, ServiceDate: it.date, RenderingNpi: it.npi,
		})
	}
	return msg
}

func (it item) claim(provider string) *claimstypes.MsgSubmitClaim {
	msg := &claimstypes.MsgSubmitClaim{
		Provider: provider, InsurerId: loadInsurer, Use: claimstypes.CLAIM_USE_CLAIM, Member: it.member,
		DiagnosisCodes: []string{it.diagnosis},
	}
	for j, code := range it.codes {
		billed := allowedCents(code) * 3 / 2
		msg.Lines = append(msg.Lines, claimstypes.SubmittedLine{
			AttestationId: it.attestationID(), AttestationLine: uint32(j + 1), Code: code, Units: 1,
			ServiceDate: it.date, Billed: sdk.NewCoin(settleDenom, math.NewInt(billed)),
		})
	}
	return msg
}
