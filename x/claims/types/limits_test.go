package types_test

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

var (
	provider = sdk.AccAddress(bytes.Repeat([]byte{1}, 20)).String()
	insurer  = sdk.AccAddress(bytes.Repeat([]byte{2}, 20)).String()
	hash     = membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: bytes.Repeat([]byte{7}, 32)}
)

const member = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

func x(n int) string { return strings.Repeat("x", n) }

func submitLine(line uint32) types.SubmittedLine {
	return types.SubmittedLine{AttestationId: "ATT-3-1", AttestationLine: line, Code: "99213", Units: 1,
		ServiceDate: "2026-01-05", Billed: sdk.NewCoin("usd", math.NewInt(12500))}
}

func validSubmit() *types.MsgSubmitClaim {
	return &types.MsgSubmitClaim{Provider: provider, InsurerId: 1, Use: types.CLAIM_USE_CLAIM, Member: member,
		DiagnosisCodes: []string{"E11.9"}, Lines: []types.SubmittedLine{submitLine(1)}}
}

func submit(edit func(m *types.MsgSubmitClaim)) *types.MsgSubmitClaim {
	m := validSubmit()
	edit(m)
	return m
}

func review(edit func(m *types.MsgReviewClaim)) *types.MsgReviewClaim {
	m := &types.MsgReviewClaim{Insurer: insurer, ClaimId: "CLM-3-1", Action: types.REVIEW_ACTION_ADJUST, Group: "CO", Carc: "45",
		Lines: []types.LineReview{{Sequence: 1, Payable: math.NewInt(100)}}, NotesHash: hash}
	edit(m)
	return m
}

func appeal(edit func(m *types.MsgAppealClaim)) *types.MsgAppealClaim {
	m := &types.MsgAppealClaim{Provider: provider, ClaimId: "CLM-3-1", Lines: []uint32{1}, ReasonHash: hash}
	edit(m)
	return m
}

func void(edit func(m *types.MsgVoidClaim)) *types.MsgVoidClaim {
	m := &types.MsgVoidClaim{Provider: provider, ClaimId: "CLM-3-1", Reason: "billed in error"}
	edit(m)
	return m
}

func decide(edit func(m *types.MsgDecideAppeal)) *types.MsgDecideAppeal {
	m := &types.MsgDecideAppeal{Insurer: insurer, ClaimId: "CLM-3-1", Appeal: 1, NotesHash: hash}
	edit(m)
	return m
}

func lines(n int) []types.SubmittedLine {
	out := make([]types.SubmittedLine, n)
	for i := range out {
		out[i] = submitLine(uint32(i + 1))
	}
	return out
}

func sequences(n int) []uint32 {
	out := make([]uint32, n)
	for i := range out {
		out[i] = uint32(i + 1)
	}
	return out
}

func reviews(n int) []types.LineReview {
	out := make([]types.LineReview, n)
	for i := range out {
		out[i] = types.LineReview{Sequence: uint32(i + 1), Payable: math.ZeroInt()}
	}
	return out
}

var maxAmount = math.NewInt(limits.MaxAmount)

// Each limit at its edge passes ValidateBasic; one over it fails with
// limits.ErrOverLimit naming the field.
func TestLimits(t *testing.T) {
	cases := []struct {
		name  string
		msg   interface{ ValidateBasic() error }
		ok    bool
		field string
	}{
		{"provider at limit", submit(func(m *types.MsgSubmitClaim) { m.Provider = x(limits.MaxAddressLength) }), true, ""},
		{"provider over", submit(func(m *types.MsgSubmitClaim) { m.Provider = x(limits.MaxAddressLength + 1) }), false, "provider"},
		{"member at limit", submit(func(m *types.MsgSubmitClaim) { m.Member = x(limits.MaxMemberLength) }), true, ""},
		{"member over", submit(func(m *types.MsgSubmitClaim) { m.Member = x(limits.MaxMemberLength + 1) }), false, "member"},
		{"diagnoses at limit", submit(func(m *types.MsgSubmitClaim) {
			m.DiagnosisCodes = []string{"A00", "B00", "C00", "D00", "E00", "F00", "G00", "H00", "I00", "J00", "K00", "L00"}
		}), true, ""},
		{"diagnoses over", submit(func(m *types.MsgSubmitClaim) { m.DiagnosisCodes = make([]string, limits.MaxDiagnosisCodes+1) }), false, "diagnosis_codes"},
		{"diagnosis code over", submit(func(m *types.MsgSubmitClaim) { m.DiagnosisCodes = []string{x(limits.MaxCodeLength + 1)} }), false, "diagnosis_codes"},
		{"lines at limit", submit(func(m *types.MsgSubmitClaim) { m.Lines = lines(limits.MaxLines) }), true, ""},
		{"lines over", submit(func(m *types.MsgSubmitClaim) { m.Lines = lines(limits.MaxLines + 1) }), false, "lines"},
		{"attestation id over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].AttestationId = x(limits.MaxIDLength + 1) }), false, "attestation_id"},
		{"code over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Code = x(limits.MaxCodeLength + 1) }), false, "line code"},
		{"modifiers at limit", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Modifiers = []string{"25", "59", "RT", "GT"} }), true, ""},
		{"modifiers over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Modifiers = []string{"25", "59", "RT", "GT", "TC"} }), false, "modifiers"},
		{"service date over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].ServiceDate = x(limits.MaxDateLength + 1) }), false, "service_date"},
		{"preauth ref at limit", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].PreauthRef = x(limits.MaxPreauthRefLength) }), true, ""},
		{"preauth ref over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].PreauthRef = x(limits.MaxPreauthRefLength + 1) }), false, "preauth_ref"},
		{"billed at limit", submit(func(m *types.MsgSubmitClaim) {
			m.Lines = lines(limits.MaxLines)
			for i := range m.Lines {
				m.Lines[i].Billed.Amount = maxAmount
			}
		}), true, ""},
		{"billed over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Billed.Amount = maxAmount.AddRaw(1) }), false, "billed"},
		{"billed denom over", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Billed.Denom = x(limits.MaxDenomLength + 1) }), false, "denom"},

		{"void reason at limit", void(func(m *types.MsgVoidClaim) { m.Reason = x(limits.MaxReasonLength) }), true, ""},
		{"void reason over", void(func(m *types.MsgVoidClaim) { m.Reason = x(limits.MaxReasonLength + 1) }), false, "reason"},
		{"void claim id over", void(func(m *types.MsgVoidClaim) { m.ClaimId = x(limits.MaxIDLength + 1) }), false, "claim_id"},

		{"review lines at limit", review(func(m *types.MsgReviewClaim) { m.Lines = reviews(limits.MaxLines) }), true, ""},
		{"review lines over", review(func(m *types.MsgReviewClaim) { m.Lines = reviews(limits.MaxLines + 1) }), false, "lines"},
		{"review payable at limit", review(func(m *types.MsgReviewClaim) { m.Lines[0].Payable = maxAmount }), true, ""},
		{"review payable over", review(func(m *types.MsgReviewClaim) { m.Lines[0].Payable = maxAmount.AddRaw(1) }), false, "payable"},
		{"review rarc over", review(func(m *types.MsgReviewClaim) { m.Rarc = x(limits.MaxCodeLength + 1) }), false, "rarc"},
		{"review insurer over", review(func(m *types.MsgReviewClaim) { m.Insurer = x(limits.MaxAddressLength + 1) }), false, "insurer"},
		{"review notes hash over", review(func(m *types.MsgReviewClaim) { m.NotesHash.Digest = make([]byte, limits.MaxDigestLength+1) }), false, "notes_hash"},

		{"appeal lines at limit", appeal(func(m *types.MsgAppealClaim) { m.Lines = sequences(limits.MaxLines) }), true, ""},
		{"appeal lines over", appeal(func(m *types.MsgAppealClaim) { m.Lines = sequences(limits.MaxLines + 1) }), false, "lines"},
		{"appeal reason hash at limit", appeal(func(m *types.MsgAppealClaim) { m.ReasonHash.Digest = make([]byte, limits.MaxDigestLength) }), true, ""},
		{"appeal reason hash over", appeal(func(m *types.MsgAppealClaim) { m.ReasonHash.Digest = make([]byte, limits.MaxDigestLength+1) }), false, "reason_hash"},

		{"decide claim id at limit", decide(func(m *types.MsgDecideAppeal) { m.ClaimId = x(limits.MaxIDLength) }), true, ""},
		{"decide claim id over", decide(func(m *types.MsgDecideAppeal) { m.ClaimId = x(limits.MaxIDLength + 1) }), false, "claim_id"},
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

// The stateless checks of the msg server agree with the limits at the edges.
func TestValidateAtTheLimits(t *testing.T) {
	atLimit := submit(func(m *types.MsgSubmitClaim) {
		m.Lines = lines(limits.MaxLines)
		for i := range m.Lines {
			m.Lines[i].Billed.Amount = maxAmount
		}
	})
	_, err := atLimit.Validate()
	require.NoError(t, err, "50 lines of the largest amount")

	_, err = submit(func(m *types.MsgSubmitClaim) { m.Lines = lines(limits.MaxLines + 1) }).Validate()
	require.ErrorIs(t, err, types.ErrInvalidClaim)
	_, err = submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Billed.Amount = maxAmount.AddRaw(1) }).Validate()
	require.ErrorIs(t, err, types.ErrInvalidLine)
	require.NoError(t, review(func(m *types.MsgReviewClaim) { m.Lines = reviews(limits.MaxLines) }).Validate())
	require.ErrorIs(t, review(func(m *types.MsgReviewClaim) { m.Lines = reviews(limits.MaxLines + 1) }).Validate(), types.ErrInvalidClaim)
	require.NoError(t, appeal(func(m *types.MsgAppealClaim) { m.Lines = sequences(limits.MaxLines) }).Validate())
	require.ErrorIs(t, appeal(func(m *types.MsgAppealClaim) { m.Lines = sequences(limits.MaxLines + 1) }).Validate(), types.ErrInvalidClaim)
}

// Inputs that once could reach money math or indexing: refused with an
// error, never a panic.
func TestRefusedWithoutPanic(t *testing.T) {
	huge := math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1))) // 2^256-1
	cases := []struct {
		name string
		msg  *types.MsgSubmitClaim
		want error
	}{
		{"no lines", submit(func(m *types.MsgSubmitClaim) { m.Lines = nil }), types.ErrInvalidClaim},
		{"two lines of 2^256-1", submit(func(m *types.MsgSubmitClaim) {
			m.Lines = lines(2)
			m.Lines[0].Billed.Amount, m.Lines[1].Billed.Amount = huge, huge
		}), types.ErrInvalidLine},
		{"nil amount", submit(func(m *types.MsgSubmitClaim) { m.Lines[0].Billed.Amount = math.Int{} }), types.ErrInvalidLine},
		{"unknown use", submit(func(m *types.MsgSubmitClaim) { m.Use = 42 }), types.ErrInvalidClaim},
		{"same attested line twice", submit(func(m *types.MsgSubmitClaim) { m.Lines = []types.SubmittedLine{submitLine(1), submitLine(1)} }), types.ErrInvalidLine},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := tc.msg.Validate()
			require.ErrorIs(t, err, tc.want)
		})
	}
	require.ErrorIs(t, review(func(m *types.MsgReviewClaim) {
		m.Lines = []types.LineReview{{Sequence: 1, Payable: math.ZeroInt()}, {Sequence: 1, Payable: math.ZeroInt()}}
	}).Validate(), types.ErrInvalidClaim, "duplicate sequences")
	require.ErrorIs(t, review(func(m *types.MsgReviewClaim) { m.Action = 9 }).Validate(), types.ErrInvalidClaim, "unknown action")
	require.ErrorIs(t, appeal(func(m *types.MsgAppealClaim) { m.Lines = []uint32{2, 2} }).Validate(), types.ErrInvalidClaim, "duplicate sequences")
	require.ErrorIs(t, appeal(func(m *types.MsgAppealClaim) { m.Lines = nil }).Validate(), types.ErrInvalidClaim, "no lines")
}
