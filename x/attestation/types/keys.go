package types

import "cosmossdk.io/collections"

// StoreKey is the store key of the attestation module.
const StoreKey = ModuleName

// IDPrefix starts every attestation id: "ATT-<provider member id>-<sequence>".
const IDPrefix = "ATT"

// GasPerLine is charged for each service line of an attestation, on top of the
// store's per-byte costs: it pays for validating the line and grows the cost of
// a msg with its work (regen x/data charges per loop iteration the same way).
const GasPerLine uint64 = 1_000

// Store prefixes. Each collection of the keeper owns exactly one.
var (
	// AttestationsKey: (provider id, sequence) -> Attestation.
	AttestationsKey = collections.NewPrefix(0)
	// AttestationsByMemberKey: (member pseudonym, (provider id, sequence)).
	AttestationsByMemberKey = collections.NewPrefix(1)
	// ProviderSeqKey: provider id -> last sequence used by that provider.
	ProviderSeqKey = collections.NewPrefix(2)
	// ResponsesKey: attestation id -> the member's TreatmentResponse.
	ResponsesKey = collections.NewPrefix(3)
)

// AttestationID renders the id of a provider's seq-th attestation.
func AttestationID(providerID, seq uint64) string { return FormatID(IDPrefix, providerID, seq) }

// ParseAttestationID reads an attestation id into its provider id and sequence.
func ParseAttestationID(id string) (providerID, seq uint64, err error) {
	return ParseID(IDPrefix, id)
}
