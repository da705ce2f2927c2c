package types_test

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/attestation/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

const (
	memberA = "3f9a1c27e5b8d04a6c2e9f71b3d58a0e4c7f2b96d1e8a35c0b7f4e2d9a6c1b85"
	memberB = "a0d4e8c2b6f19375e2c8a4d06b9f1e37c5a28d4f60e7b391c2d8f5a4e6b0c913"
)

func record(id string, provider uint64) types.Attestation {
	sum := sha256.Sum256([]byte(id))
	return types.Attestation{
		Id: id, ProviderId: provider, InsurerId: 1, Member: memberA,
		EncounterDate: "2026-01-05", PlaceOfService: "11", DiagnosisCodes: []string{"E119"},
		Lines: []types.ServiceLine{{
			Sequence: 1, Code: "99213", Units: 1, ServiceDate: "2026-01-05", RenderingNpi: "1234567893",
		}},
		RecordHash: membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sum[:]},
		Signer:     sdk.AccAddress(make([]byte, 20)).String(),
		Height:     2, Time: time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC),
	}
}

// validGenesis: provider 2 made ATT-2-1, amended by ATT-2-2; provider 3 made
// ATT-3-4 (its sequence is 7: sequences may run ahead of what is stored).
func validGenesis() types.GenesisState {
	a1, a2, b := record("ATT-2-1", 2), record("ATT-2-2", 2), record("ATT-3-4", 3)
	a1.SupersededBy, a2.Supersedes = "ATT-2-2", "ATT-2-1"
	return types.GenesisState{
		Attestations: []types.Attestation{a1, a2, b},
		Sequences:    []types.ProviderSequence{{ProviderId: 2, Sequence: 2}, {ProviderId: 3, Sequence: 7}},
	}
}

func TestGenesisValidate(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(gs *types.GenesisState)
		errMsg string
	}{
		{"valid", func(*types.GenesisState) {}, ""},
		{"empty", func(gs *types.GenesisState) { *gs = types.GenesisState{} }, ""},
		{"id of another provider", func(gs *types.GenesisState) { gs.Attestations[2].ProviderId = 2 }, "has provider_id 2"},
		{"malformed id", func(gs *types.GenesisState) { gs.Attestations[2].Id = "ATT-3" }, "invalid id"},
		{"id listed twice", func(gs *types.GenesisState) {
			gs.Attestations = append(gs.Attestations, gs.Attestations[2])
		}, "listed twice"},
		{"sequence below the highest used", func(gs *types.GenesisState) { gs.Sequences[1].Sequence = 3 }, "uses sequence 4"},
		{"provider without a sequence", func(gs *types.GenesisState) { gs.Sequences = gs.Sequences[:1] }, "uses sequence 4"},
		{"two sequences for one provider", func(gs *types.GenesisState) {
			gs.Sequences = append(gs.Sequences, types.ProviderSequence{ProviderId: 3, Sequence: 9})
		}, "two sequences"},
		{"sequence of provider 0", func(gs *types.GenesisState) {
			gs.Sequences = append(gs.Sequences, types.ProviderSequence{Sequence: 1})
		}, "provider_id 0"},
		{"PHI in member field", func(gs *types.GenesisState) { gs.Attestations[2].Member = "John Smith 1970-01-01" }, "invalid member pseudonym"},
		{"diagnosis codes not normalised", func(gs *types.GenesisState) { gs.Attestations[2].DiagnosisCodes = []string{"E11.9"} }, "not stored normalised"},
		{"no lines", func(gs *types.GenesisState) { gs.Attestations[2].Lines = nil }, "invalid service line"},
		{"bad signer", func(gs *types.GenesisState) { gs.Attestations[2].Signer = "x" }, "signer"},
		{"no insurer", func(gs *types.GenesisState) { gs.Attestations[2].InsurerId = 0 }, "insurer_id is required"},
		{"amendment link one way only", func(gs *types.GenesisState) { gs.Attestations[0].SupersededBy = "" }, "whose superseded_by is"},
		{"superseded_by without the amendment", func(gs *types.GenesisState) {
			gs.Attestations[1].Supersedes = ""
		}, "does not supersede it"},
		{"supersedes a missing attestation", func(gs *types.GenesisState) {
			gs.Attestations = gs.Attestations[1:]
		}, "not in genesis"},
		{"amendment about another member", func(gs *types.GenesisState) { gs.Attestations[1].Member = memberB }, "another insurer or member"},
		{"link across providers", func(gs *types.GenesisState) { gs.Attestations[2].Supersedes = "ATT-2-1" }, "same provider"},
		{"supersedes itself", func(gs *types.GenesisState) { gs.Attestations[2].Supersedes = "ATT-3-4" }, "same provider"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.edit(&gs)
			err := gs.Validate()
			if tc.errMsg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.ErrorContains(t, err, tc.errMsg)
		})
	}
}

func TestValidateNotFuture(t *testing.T) {
	block := time.Date(2026, 1, 5, 23, 30, 0, 0, time.FixedZone("EST", -5*3600)) // 2026-01-06 04:30 UTC
	require.NoError(t, types.ValidateNotFuture("d", "2026-01-07", block))
	require.NoError(t, types.ValidateNotFuture("d", "1999-12-31", block))
	require.ErrorIs(t, types.ValidateNotFuture("d", "2026-01-08", block), types.ErrInvalidDate)
}

func TestAttestationIDs(t *testing.T) {
	require.Equal(t, "ATT-3-17", types.AttestationID(3, 17))
	p, seq, err := types.ParseAttestationID("ATT-3-17")
	require.NoError(t, err)
	require.Equal(t, [2]uint64{3, 17}, [2]uint64{p, seq})
}

// withResponses is validGenesis with the member's confirmation of ATT-2-1 and
// dispute of ATT-3-4 (after a confirmation at height 3).
func withResponses() types.GenesisState {
	gs := validGenesis()
	account := sdk.AccAddress(make([]byte, 20)).String()
	sum := sha256.Sum256([]byte("statement"))
	reason := membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sum[:]}
	at := time.Date(2026, 1, 6, 9, 0, 0, 0, time.UTC)
	gs.Responses = []types.TreatmentResponse{
		{AttestationId: "ATT-2-1", Member: memberA, Kind: types.RESPONSE_KIND_CONFIRMED, Account: account, Height: 3, Time: at},
		{
			AttestationId: "ATT-3-4", Member: memberA, Kind: types.RESPONSE_KIND_DISPUTED, ReasonHash: &reason,
			Account: account, Height: 5, Time: at, ConfirmedHeight: 3,
		},
	}
	return gs
}

func TestGenesisValidateResponses(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(gs *types.GenesisState)
		errMsg string
	}{
		{"valid", func(*types.GenesisState) {}, ""},
		{"dispute without a prior confirmation", func(gs *types.GenesisState) { gs.Responses[1].ConfirmedHeight = 0 }, ""},
		{"response to a missing attestation", func(gs *types.GenesisState) { gs.Responses[0].AttestationId = "ATT-2-9" }, "not in genesis"},
		{"two responses to one attestation", func(gs *types.GenesisState) {
			gs.Responses = append(gs.Responses, gs.Responses[0])
		}, "two responses to ATT-2-1"},
		{"response about another member", func(gs *types.GenesisState) { gs.Responses[0].Member = memberB }, "another member"},
		{"malformed attestation id", func(gs *types.GenesisState) { gs.Responses[0].AttestationId = "ATT-2" }, "invalid id"},
		{"member not a pseudonym", func(gs *types.GenesisState) { gs.Responses[0].Member = "W123456789" }, "invalid member pseudonym"},
		{"bad account", func(gs *types.GenesisState) { gs.Responses[0].Account = "patient" }, "account"},
		{"kind unspecified", func(gs *types.GenesisState) { gs.Responses[0].Kind = types.RESPONSE_KIND_UNSPECIFIED }, "RESPONSE_KIND_UNSPECIFIED"},
		{"confirmation with a reason hash", func(gs *types.GenesisState) {
			gs.Responses[0].ReasonHash = gs.Responses[1].ReasonHash
		}, "carries a reason_hash"},
		{"confirmation with a confirmed height", func(gs *types.GenesisState) { gs.Responses[0].ConfirmedHeight = 2 }, "confirmed_height"},
		{"dispute without a reason hash", func(gs *types.GenesisState) { gs.Responses[1].ReasonHash = nil }, "no reason_hash"},
		{"dispute with a short reason hash", func(gs *types.GenesisState) {
			gs.Responses[1].ReasonHash = &membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: []byte("x")}
		}, "invalid content hash"},
		{"confirmed after the dispute", func(gs *types.GenesisState) { gs.Responses[1].ConfirmedHeight = 6 }, "confirmed_height 6"},
		{"negative height", func(gs *types.GenesisState) { gs.Responses[0].Height = -1 }, "negative height"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := withResponses()
			tc.edit(&gs)
			err := gs.Validate()
			if tc.errMsg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, types.ErrInvalidGenesis)
			require.ErrorContains(t, err, tc.errMsg)
		})
	}
}

func TestResponseMsgsValidate(t *testing.T) {
	account := sdk.AccAddress(make([]byte, 20)).String()
	require.NoError(t, (&types.MsgConfirmTreatment{MemberAccount: account, AttestationId: "ATT-2-1"}).Validate())
	require.ErrorContains(t, (&types.MsgConfirmTreatment{MemberAccount: account, AttestationId: "2-1"}).Validate(), "attestation_id")
	sum := sha256.Sum256([]byte("statement"))
	d := &types.MsgDisputeTreatment{MemberAccount: account, AttestationId: "ATT-2-1",
		ReasonHash: membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sum[:]}}
	require.NoError(t, d.Validate())
	d.ReasonHash = membershiptypes.ContentHash{}
	require.ErrorIs(t, d.Validate(), membershiptypes.ErrInvalidHash)
}
