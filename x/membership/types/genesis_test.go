package types_test

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/x/membership/types"
)

// testAddr is a deterministic account address, encoded with whatever bech32
// prefix is configured (the same one Member.Validate decodes with).
func testAddr(b byte) string {
	return sdk.AccAddress(bytes.Repeat([]byte{b}, 20)).String()
}

func testHash(s string) types.ContentHash {
	sum := sha256.Sum256([]byte(s))
	return types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256, Digest: sum[:]}
}

// validGenesis has an active insurer, an active provider and a removed provider
// whose bond is still unbonding.
func validGenesis() types.GenesisState {
	return types.GenesisState{
		Params: types.DefaultParams(),
		Members: []types.Member{
			{
				Id: 1, Kind: types.MEMBER_KIND_INSURER, Name: "Founding Health Plan", PayerId: "FHP01", NaicCode: "12345",
				Operator: testAddr(1), Status: types.MEMBER_STATUS_ACTIVE, AgreementHash: testHash("founding"),
			},
			{
				Id: 2, Kind: types.MEMBER_KIND_PROVIDER, Name: "Riverside Family Clinic", Npi: "1234567893",
				Operator: testAddr(2), Status: types.MEMBER_STATUS_SUSPENDED, StatusReason: "audit",
				AgreementHash: testHash("riverside"),
			},
			{
				Id: 5, Kind: types.MEMBER_KIND_PROVIDER, Name: "Hillside Clinic", Npi: "1987654328",
				Operator: testAddr(5), Status: types.MEMBER_STATUS_REMOVED, StatusReason: "left",
				AgreementHash: testHash("hillside"),
			},
		},
		PendingBurns: []types.PendingBurn{{
			MemberId: 5, Operator: testAddr(5), Amount: types.DefaultValidatorBond,
			MatureAt: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		}},
	}
}

func TestGenesisStateValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(gs *types.GenesisState)
		errIs error
		msg   string
	}{
		{"members and a pending burn", func(*types.GenesisState) {}, nil, ""},
		{"no members", func(gs *types.GenesisState) { gs.Members, gs.PendingBurns = nil, nil }, nil, ""},
		{"duplicate member id", func(gs *types.GenesisState) { gs.Members[1].Id = 1 }, types.ErrInvalidGenesis, "duplicate member id 1"},
		{"member id zero", func(gs *types.GenesisState) { gs.Members[0].Id = 0 }, types.ErrInvalidGenesis, "member id must be positive"},
		{"duplicate operator", func(gs *types.GenesisState) { gs.Members[1].Operator = testAddr(1) }, types.ErrOperatorTaken, "appears twice"},
		{"duplicate NPI across two members", func(gs *types.GenesisState) { gs.Members[2].Npi = "1234567893" }, types.ErrDuplicateIdentifier, "npi:1234567893 appears twice"},
		{"duplicate payer id across two insurers", func(gs *types.GenesisState) {
			gs.Members = append(gs.Members, types.Member{
				Id: 7, Kind: types.MEMBER_KIND_INSURER, Name: "Copycat", PayerId: "FHP01",
				Operator: testAddr(7), Status: types.MEMBER_STATUS_ACTIVE, AgreementHash: testHash("c"),
			})
		}, types.ErrDuplicateIdentifier, "payer:FHP01 appears twice"},
		{"a removed member still holds its identifiers", func(gs *types.GenesisState) {
			gs.Members = append(gs.Members, types.Member{
				Id: 7, Kind: types.MEMBER_KIND_PROVIDER, Name: "Successor", Npi: "1987654328",
				Operator: testAddr(7), Status: types.MEMBER_STATUS_ACTIVE, AgreementHash: testHash("c"),
			})
		}, types.ErrDuplicateIdentifier, "npi:1987654328 appears twice"},
		{"zero validator bond", func(gs *types.GenesisState) { gs.Params.ValidatorBond = math.ZeroInt() }, types.ErrInvalidParams, "validator_bond must be positive"},
		{"negative validator bond", func(gs *types.GenesisState) { gs.Params.ValidatorBond = math.NewInt(-1) }, types.ErrInvalidParams, "validator_bond must be positive"},
		{"nil validator bond", func(gs *types.GenesisState) { gs.Params.ValidatorBond = math.Int{} }, types.ErrInvalidParams, "validator_bond must be positive"},
		{"zero max burns per block", func(gs *types.GenesisState) { gs.Params.MaxBurnsPerBlock = 0 }, types.ErrInvalidParams, "max_burns_per_block must be at least 1"},
		{"member with UNSPECIFIED status", func(gs *types.GenesisState) { gs.Members[1].Status = types.MEMBER_STATUS_UNSPECIFIED }, types.ErrInvalidGenesis, "member 2 has status MEMBER_STATUS_UNSPECIFIED"},
		{"member with unknown status", func(gs *types.GenesisState) { gs.Members[1].Status = types.MemberStatus(9) }, types.ErrInvalidGenesis, "member 2 has status"},
		{"member with bad NPI", func(gs *types.GenesisState) { gs.Members[1].Npi = "1234567890" }, types.ErrInvalidNPI, "check digit"},
		{"member with UNSPECIFIED kind", func(gs *types.GenesisState) { gs.Members[0].Kind = types.MEMBER_KIND_UNSPECIFIED }, types.ErrInvalidKind, "INSURER or PROVIDER"},
		{"member without name", func(gs *types.GenesisState) { gs.Members[0].Name = "" }, types.ErrInvalidName, "empty"},
		{"member with bad operator", func(gs *types.GenesisState) { gs.Members[0].Operator = "not-an-address" }, types.ErrInvalidAddress, "operator \"not-an-address\""},
		{"member without agreement hash", func(gs *types.GenesisState) { gs.Members[1].AgreementHash = types.ContentHash{} }, types.ErrInvalidHash, "member 2 agreement_hash"},
		{"pending burn for unknown member", func(gs *types.GenesisState) { gs.PendingBurns[0].MemberId = 9 }, types.ErrInvalidGenesis, "pending burn for unknown member 9"},
		{"pending burn for a member that is not REMOVED", func(gs *types.GenesisState) {
			gs.PendingBurns[0].MemberId = 1
			gs.PendingBurns[0].Operator = gs.Members[0].Operator
		}, types.ErrInvalidGenesis, "not REMOVED"},
		{"pending burn naming another operator", func(gs *types.GenesisState) { gs.PendingBurns[0].Operator = testAddr(9) }, types.ErrInvalidGenesis, "names operator"},
		{"two pending burns for one member", func(gs *types.GenesisState) {
			gs.PendingBurns = append(gs.PendingBurns, gs.PendingBurns[0])
		}, types.ErrInvalidGenesis, "two pending burns"},
		{"pending burn with zero amount", func(gs *types.GenesisState) { gs.PendingBurns[0].Amount = math.ZeroInt() }, types.ErrInvalidGenesis, "member 5 has no positive amount"},
		{"pending burn with negative amount", func(gs *types.GenesisState) { gs.PendingBurns[0].Amount = math.NewInt(-5) }, types.ErrInvalidGenesis, "no positive amount"},
		{"pending burn with nil amount", func(gs *types.GenesisState) { gs.PendingBurns[0].Amount = math.Int{} }, types.ErrInvalidGenesis, "no positive amount"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			gs := validGenesis()
			tc.edit(&gs)
			err := gs.Validate()
			if tc.errIs == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.errIs)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestDefaultGenesisIsValid(t *testing.T) {
	gs := types.DefaultGenesis()
	require.NoError(t, gs.Validate())
	require.Empty(t, gs.Members, "founding members are added by `genesis add-member`")
	require.Empty(t, gs.PendingBurns)
	require.Equal(t, types.DefaultParams(), gs.Params)
	require.True(t, gs.Params.ValidatorBond.Equal(types.DefaultValidatorBond))
	require.EqualValues(t, types.DefaultMaxBurnsPerBlock, gs.Params.MaxBurnsPerBlock)
}
