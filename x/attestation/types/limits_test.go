package types_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

var (
	providerAddr = sdk.AccAddress(bytes.Repeat([]byte{1}, 20)).String()
	memberAddr   = sdk.AccAddress(bytes.Repeat([]byte{4}, 20)).String()
	recordHash   = membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: bytes.Repeat([]byte{7}, 32)}
)

func x(n int) string { return strings.Repeat("x", n) }

func serviceLines(n int) []types.ServiceLine {
	out := make([]types.ServiceLine, n)
	for i := range out {
		out[i] = types.ServiceLine{Sequence: uint32(i + 1), Code: "99213", Units: 1, ServiceDate: "2026-01-05", RenderingNpi: "1234567893"}
	}
	return out
}

func attest(edit func(m *types.MsgAttestTreatment)) *types.MsgAttestTreatment {
	m := &types.MsgAttestTreatment{Provider: providerAddr, InsurerId: 1, Member: memberA, EncounterDate: "2026-01-05",
		PlaceOfService: "11", DiagnosisCodes: []string{"E11.9"}, Lines: serviceLines(1), RecordHash: recordHash,
		ResolverUri: "ehr:visit/1"}
	edit(m)
	return m
}

// Each limit at its edge passes ValidateBasic; one over it fails with
// limits.ErrOverLimit naming the field.
func TestLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"valid", attest(func(*types.MsgAttestTreatment) {}), true, ""},
		{"provider over", attest(func(m *types.MsgAttestTreatment) { m.Provider = x(limits.MaxAddressLength + 1) }), false, "provider"},
		{"member at limit", attest(func(m *types.MsgAttestTreatment) { m.Member = x(limits.MaxMemberLength) }), true, ""},
		{"member over", attest(func(m *types.MsgAttestTreatment) { m.Member = x(limits.MaxMemberLength + 1) }), false, "member"},
		{"encounter date over", attest(func(m *types.MsgAttestTreatment) { m.EncounterDate = x(limits.MaxDateLength + 1) }), false, "encounter_date"},
		{"place of service over", attest(func(m *types.MsgAttestTreatment) { m.PlaceOfService = x(limits.MaxCodeLength + 1) }), false, "place_of_service"},
		{"diagnoses at limit", attest(func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = make([]string, limits.MaxDiagnosisCodes) }), true, ""},
		{"diagnoses over", attest(func(m *types.MsgAttestTreatment) { m.DiagnosisCodes = make([]string, limits.MaxDiagnosisCodes+1) }), false, "diagnosis_codes"},
		{"lines at limit", attest(func(m *types.MsgAttestTreatment) { m.Lines = serviceLines(limits.MaxLines) }), true, ""},
		{"lines over", attest(func(m *types.MsgAttestTreatment) { m.Lines = serviceLines(limits.MaxLines + 1) }), false, "lines"},
		{"modifiers at limit", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = []string{"25", "59", "RT", "GT"} }), true, ""},
		{"modifiers over", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = make([]string, limits.MaxModifiers+1) }), false, "modifiers"},
		{"modifier over", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = []string{x(limits.MaxCodeLength + 1)} }), false, "modifiers"},
		{"line code over", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].Code = x(limits.MaxCodeLength + 1) }), false, "line code"},
		{"service date over", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].ServiceDate = x(limits.MaxDateLength + 1) }), false, "service_date"},
		{"rendering npi over", attest(func(m *types.MsgAttestTreatment) { m.Lines[0].RenderingNpi = x(limits.MaxCodeLength + 1) }), false, "rendering_npi"},
		{"resolver uri at limit", attest(func(m *types.MsgAttestTreatment) { m.ResolverUri = x(limits.MaxResolverURILength) }), true, ""},
		{"resolver uri over", attest(func(m *types.MsgAttestTreatment) { m.ResolverUri = x(limits.MaxResolverURILength + 1) }), false, "resolver_uri"},
		{"supersedes at limit", attest(func(m *types.MsgAttestTreatment) { m.Supersedes = x(limits.MaxIDLength) }), true, ""},
		{"supersedes over", attest(func(m *types.MsgAttestTreatment) { m.Supersedes = x(limits.MaxIDLength + 1) }), false, "supersedes"},
		{"record hash over", attest(func(m *types.MsgAttestTreatment) { m.RecordHash.Digest = make([]byte, limits.MaxDigestLength+1) }), false, "record_hash"},
		{"confirm id at limit", &types.MsgConfirmTreatment{MemberAccount: memberAddr, AttestationId: x(limits.MaxIDLength)}, true, ""},
		{"confirm id over", &types.MsgConfirmTreatment{MemberAccount: memberAddr, AttestationId: x(limits.MaxIDLength + 1)}, false, "attestation_id"},
		{"confirm account over", &types.MsgConfirmTreatment{MemberAccount: x(limits.MaxAddressLength + 1), AttestationId: "ATT-3-1"}, false, "member_account"},
		{"dispute hash over", &types.MsgDisputeTreatment{MemberAccount: memberAddr, AttestationId: "ATT-3-1",
			ReasonHash: membershiptypes.ContentHash{Digest: make([]byte, limits.MaxDigestLength+1)}}, false, "reason_hash"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.msg.ValidateBasic()
			if tc.ok {
				// At the limit the size check passes; ValidateBasic also runs the msg's
				// full stateless checks, which a filler value may fail for other reasons.
				require.NotErrorIs(t, err, limits.ErrOverLimit)
				return
			}
			require.ErrorIs(t, err, limits.ErrOverLimit)
			require.ErrorContains(t, err, tc.field)
		})
	}
}

// Validate agrees with the list limits at their edges.
func TestValidateAtTheLimits(t *testing.T) {
	require.NoError(t, attest(func(m *types.MsgAttestTreatment) {
		m.Lines = serviceLines(limits.MaxLines)
		m.Lines[0].Modifiers = []string{"25", "59", "RT", "GT"}
		m.DiagnosisCodes = []string{"A00", "B00", "C00", "D00", "E00", "F00", "G00", "H00", "I00", "J00", "K00", "L00"}
	}).Validate())
	require.ErrorIs(t, attest(func(m *types.MsgAttestTreatment) { m.Lines = serviceLines(limits.MaxLines + 1) }).Validate(), types.ErrInvalidLine)
	require.ErrorIs(t, attest(func(m *types.MsgAttestTreatment) {
		m.DiagnosisCodes = []string{"A00", "B00", "C00", "D00", "E00", "F00", "G00", "H00", "I00", "J00", "K00", "L00", "M00"}
	}).Validate(), types.ErrInvalidCode)
	require.ErrorIs(t, attest(func(m *types.MsgAttestTreatment) { m.Lines[0].Modifiers = []string{"25", "59", "RT", "GT", "TC"} }).Validate(), types.ErrInvalidCode)
	require.ErrorIs(t, attest(func(m *types.MsgAttestTreatment) { m.Lines = nil }).Validate(), types.ErrInvalidLine, "no lines")
	require.ErrorIs(t, attest(func(m *types.MsgAttestTreatment) { m.Lines = serviceLines(2); m.Lines[1].Sequence = 1 }).Validate(),
		types.ErrInvalidLine, "duplicate sequence")
}
