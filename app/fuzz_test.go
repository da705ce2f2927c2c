package app_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// protoMsg is a claimchain msg as generated.
type protoMsg interface {
	sdk.Msg
	sdk.HasValidateBasic
	Marshal() ([]byte, error)
	Unmarshal([]byte) error
}

// signerFields are the signer fields of claimchain's msgs.
var signerFields = []string{"Provider", "Insurer", "Authority", "Loader", "MemberAccount"}

// FuzzDeliverMsg executes fuzzed claimchain msgs the way a block does (msg
// service router, then every module's EndBlocker) against a chain with an
// insurer, a provider, the gold plan, an enrolled member, a claim and an
// escrow. Signer fields are set to one of those accounts (or the governance
// authority) so the msgs get past the signer checks. Every msg that passes
// ValidateBasic must end in a result or an error: a panic here would be a
// failed tx in a block, or a halted chain if it came from an EndBlocker.
func FuzzDeliverMsg(f *testing.F) {
	fx := apptest.Setup(f)
	provider, _ := fx.AdmitProvider("Riverside Clinic", "1234567893")
	fx.Fund(fx.Validator.Address, sdk.NewInt64Coin("usd", 1_000_000_000))
	fx.PublishGoldPlan()
	fx.Enroll(pseudonym)
	claimID := fx.BillOfficeVisit(provider, pseudonym, "2025-12-01", 12500)
	signers := []string{fx.Validator.String(), provider.String(), fx.Gov}
	loader := refdatatypes.DefaultParams()
	loader.Loader = fx.Validator.String()
	for _, m := range []sdk.Msg{
		&settlementtypes.MsgFundEscrow{Insurer: fx.Validator.String(), Amount: sdk.NewInt64Coin("usd", 100_000_000)},
		&refdatatypes.MsgUpdateParams{Authority: fx.Gov, Params: loader},
	} {
		if err := fx.Exec(func(ctx sdk.Context) error {
			_, err := fx.App.MsgServiceRouter().Handler(m)(ctx, m)
			return err
		}); err != nil {
			f.Fatal(err)
		}
	}

	reg := fx.App.InterfaceRegistry()
	var types []reflect.Type
	for _, url := range reg.ListImplementations(sdk.MsgInterfaceProtoName) {
		if !strings.HasPrefix(url, "/claimchain.") {
			continue
		}
		msg, err := reg.Resolve(url)
		if err != nil {
			f.Fatal(err)
		}
		types = append(types, reflect.TypeOf(msg).Elem())
	}
	slices.SortFunc(types, func(a, b reflect.Type) int { return strings.Compare(a.String(), b.String()) })
	kindOf := func(m protoMsg) uint8 { return uint8(slices.Index(types, reflect.TypeOf(m).Elem())) }

	insurer, prov, gov := signers[0], signers[1], signers[2]
	hash := apptest.AgreementHash("notes")
	for _, m := range []protoMsg{
		&claimstypes.MsgReviewClaim{Insurer: insurer, ClaimId: claimID, Action: claimstypes.REVIEW_ACTION_ADJUST, Group: "CO", Carc: "45",
			Lines: []claimstypes.LineReview{{Sequence: 1, Payable: math.NewInt(100)}}, NotesHash: hash},
		&claimstypes.MsgAppealClaim{Provider: prov, ClaimId: claimID, Lines: []uint32{1}, ReasonHash: hash},
		&claimstypes.MsgDecideAppeal{Insurer: insurer, ClaimId: claimID, Appeal: 1, Overturn: true, NotesHash: hash},
		&claimstypes.MsgVoidClaim{Provider: prov, ClaimId: claimID, Reason: "billed in error"},
		&claimstypes.MsgSubmitClaim{Provider: prov, InsurerId: 1, Use: claimstypes.CLAIM_USE_PREAUTHORIZATION, Member: pseudonym,
			DiagnosisCodes: []string{"M54.5"}, Lines: []claimstypes.SubmittedLine{{Code: "72148", Units: 1, ServiceDate: "2025-12-20",
				Billed: sdk.NewInt64Coin("usd", 90000), PreauthRef: "PA-1"}}},
		&attestationtypes.MsgAttestTreatment{Provider: prov, InsurerId: 1, Member: pseudonym, EncounterDate: "2025-12-02",
			PlaceOfService: "11", DiagnosisCodes: []string{"E11.9"}, RecordHash: hash, Lines: []attestationtypes.ServiceLine{
				{Sequence: 1, Code: "99213", Units: 1, ServiceDate: "2025-12-02", RenderingNpi: "1234567893"}}},
		&attestationtypes.MsgConfirmTreatment{MemberAccount: insurer, AttestationId: "ATT-2-1"},
		&adjtypes.MsgEnrollMember{Insurer: insurer, Member: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
			PlanId: apptest.GoldPlanID, StartDate: "2025-06-01", Sex: adjtypes.SEX_MALE, BirthYear: 1970},
		&adjtypes.MsgTerminateCoverage{Insurer: insurer, Member: pseudonym, EndDate: "2025-12-31", Reason: adjtypes.TERMINATION_REASON_OTHER},
		&settlementtypes.MsgFundEscrow{Insurer: insurer, Amount: sdk.NewInt64Coin("usd", 500_000)},
		&settlementtypes.MsgWithdrawEscrow{Insurer: insurer, Amount: sdk.NewInt64Coin("usd", 1000)},
		&integritytypes.MsgSetThresholds{Insurer: insurer, PendScore: 1, EmMinServices: 1, EmExcessBps: 1, VolumeMinClaims: 1, VolumeFactorBps: 10_001},
		&membershiptypes.MsgSuspendMember{Authority: gov, MemberId: 2, Reason: "audit"},
		&membershiptypes.MsgUpdateParams{Authority: gov, Params: membershiptypes.Params{ValidatorBond: math.NewInt(1), MaxBurnsPerBlock: 1}},
		&refdatatypes.MsgStageChunk{Loader: insurer, Kind: refdatatypes.TABLE_KIND_MUE, Version: 1, Source: "CMS",
			Rows: refdatatypes.ChunkRows{Mue: []refdatatypes.MueRow{{Code: "99213", Units: 0, AdjudicationIndicator: 2}}}},
	} {
		bz, err := m.Marshal()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(kindOf(m), uint8(slices.Index(signers, signerOf(m))), bz)
	}

	f.Fuzz(func(t *testing.T, kind, who uint8, bz []byte) {
		msg := reflect.New(types[int(kind)%len(types)]).Interface().(protoMsg)
		if err := msg.Unmarshal(bz); err != nil {
			return
		}
		v := reflect.ValueOf(msg).Elem()
		for _, name := range signerFields {
			if field := v.FieldByName(name); field.IsValid() && field.Kind() == reflect.String {
				field.SetString(signers[int(who)%len(signers)])
			}
		}
		if msg.ValidateBasic() != nil {
			return // refused in CheckTx
		}
		ctx, _ := fx.Ctx.CacheContext()
		if _, err := fx.App.MsgServiceRouter().Handler(msg)(ctx, msg); err != nil {
			return
		}
		_, _ = fx.App.ModuleManager.EndBlock(ctx)
	})
}

func signerOf(m protoMsg) string {
	v := reflect.ValueOf(m).Elem()
	for _, name := range signerFields {
		if field := v.FieldByName(name); field.IsValid() {
			return field.String()
		}
	}
	return ""
}
