package authmatrix

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"sort"
	"testing"

	"cosmossdk.io/math"
	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// role is a column of the matrix: who signs the msg.
type role int

const (
	nonMember role = iota
	providerP
	providerQ
	insurerA
	insurerB
	suspendedProvider
	suspendedInsurer
	memberAccount
	govAuthority
	numRoles
)

// roleHeads are the column heads of the printed matrix.
var roleHeads = [numRoles]string{
	"non-member", "provider P", "provider Q", "insurer A", "insurer B",
	"suspended provider S", "suspended insurer J", "member account", "gov",
}

// providerRecords are what a provider has on chain that its own msgs act on.
type providerRecords struct {
	// attestation has one unbilled 99213 line on attestedDate (member m, insurer A).
	attestation  string
	attestedDate string
	// adjudicated is an ADJUDICATED, unpaid claim billing a 99213.
	adjudicated string
	// denied is an ADJUDICATED claim whose only line (70551, no prior
	// authorization) is denied CO-197 and not yet appealed.
	denied string
}

// insurerRecords are what an insurer has on chain that its own msgs act on.
type insurerRecords struct {
	plan string
	// member is enrolled in plan with an account.
	member string
	// pended is a PENDED claim (its member disputed the attested care).
	pended string
	// adjudicated is an ADJUDICATED, unpaid claim.
	adjudicated string
	// appealed is an ADJUDICATED claim with open appeal 1 on its denied line.
	appealed string
}

// world is the state every cell starts from: one branch of it per cell.
type world struct {
	t    *testing.T
	f    *apptest.Fixture
	addr [numRoles]sdk.AccAddress
	// id is the member id of each member role (0 for the others).
	id [numRoles]uint64
	// provider holds the records of P and of the suspended provider S.
	provider map[role]providerRecords
	// insurer holds the records of A and of the suspended insurer J.
	insurer map[role]insurerRecords
	// toConfirm is an attestation by P about insurer A's member that the member
	// has not answered yet, billed on no claim.
	toConfirm string
	// staged is PTP version 2, staging in one chunk (stagedRows) and not yet
	// activated; PTP version 1 is active.
	stagedRows refdatatypes.ChunkRows
	stagedHash []byte
	// digest of every KV store in the world state.
	digest stateDigest
}

// Provider records are billed to insurer A for its member; P's and S's own.
func (w *world) providerOf(r role) providerRecords {
	if r == suspendedProvider {
		return w.provider[suspendedProvider]
	}
	return w.provider[providerP]
}

// insurerOf returns the records an insurer msg signed by r acts on: the
// suspended insurer acts on its own records, every other role on insurer A's,
// so a deny in another column is about who signs, not about what is missing.
func (w *world) insurerOf(r role) insurerRecords {
	if r == suspendedInsurer {
		return w.insurer[suspendedInsurer]
	}
	return w.insurer[insurerA]
}

const (
	usdDenom   = "usd"
	escrowFund = 1_000_000
	// reasonText is a valid reason for the msgs that need one.
	reasonText = "authorization matrix"
)

func usd(cents int64) sdk.Coin { return sdk.NewCoin(usdDenom, math.NewInt(cents)) }

// pseudonym returns a well-formed member pseudonym (64 hex digits) for a label.
func pseudonym(label string) string {
	sum := sha256.Sum256([]byte("member " + label))
	return hex.EncodeToString(sum[:])
}

// newWorld builds the world: see docs/authorization.md for what it holds.
func newWorld(t *testing.T) *world {
	t.Helper()
	f := apptest.Setup(t)
	w := &world{t: t, f: f, provider: map[role]providerRecords{}, insurer: map[role]insurerRecords{}}

	w.addr[nonMember] = apptest.NewAccount().Address
	w.addr[memberAccount] = apptest.NewAccount().Address
	w.addr[govAuthority] = authtypes.NewModuleAddress(govtypes.ModuleName)
	w.addr[insurerA], w.id[insurerA] = f.Validator.Address, 1

	var op apptest.Account
	op, w.id[providerP] = f.AdmitProvider("Riverside Family Clinic", "1234567893")
	w.addr[providerP] = op.Address
	op, w.id[providerQ] = f.AdmitProvider("Lakeside Medical Group", "1543210987")
	w.addr[providerQ] = op.Address
	op, w.id[suspendedProvider] = f.AdmitProvider("Hillside Urgent Care", "1987654328")
	w.addr[suspendedProvider] = op.Address
	w.addr[insurerB], w.id[insurerB] = w.admitInsurer("Beta Mutual", "BETA1")
	w.addr[suspendedInsurer], w.id[suspendedInsurer] = w.admitInsurer("Jay Health Plan", "JAYHP")
	for _, r := range []role{insurerA, insurerB, suspendedInsurer} {
		f.Fund(w.addr[r], usd(10*escrowFund))
	}

	// Insurer A: the gold plan, member m enrolled with the member account, escrow.
	f.PublishGoldPlan()
	m := pseudonym("m")
	w.enroll(insurerA, m, apptest.GoldPlanID, w.addr[memberAccount])
	w.mustRun(&settlementtypes.MsgFundEscrow{Insurer: w.addr[insurerA].String(), Amount: usd(escrowFund)})

	// Insurer J (suspended below): its own plan, member, escrow and claims from P.
	terms, err := f.App.AdjudicationKeeper.GetPlanVersion(f.Ctx, apptest.GoldPlanID, 1)
	require.NoError(t, err)
	w.mustRun(&adjtypes.MsgCreatePlan{Insurer: w.addr[suspendedInsurer].String(), PlanId: "JAY-GOLD", Name: "Jay Gold",
		EffectiveDate: "2025-01-01", Terms: terms.Terms})
	mj := pseudonym("mj")
	patientJ := apptest.NewAccount().Address
	w.enroll(suspendedInsurer, mj, "JAY-GOLD", patientJ)
	w.mustRun(&settlementtypes.MsgFundEscrow{Insurer: w.addr[suspendedInsurer].String(), Amount: usd(escrowFund)})
	w.insurer[suspendedInsurer] = insurerRecords{
		plan: "JAY-GOLD", member: mj,
		pended:      w.pendedClaim(providerP, suspendedInsurer, mj, patientJ, "2025-11-03"),
		adjudicated: w.claim(providerP, suspendedInsurer, mj, "99213", "2025-11-04", claimstypes.CLAIM_STATUS_ADJUDICATED),
		appealed:    w.appealedClaim(providerP, suspendedInsurer, mj, "2025-11-05"),
	}

	// Provider P's records, and insurer A's claims (all billed by P).
	date := "2025-12-01"
	w.provider[providerP] = providerRecords{
		attestation: w.attest(providerP, 1, m, "99213", date), attestedDate: date,
		adjudicated: w.claim(providerP, insurerA, m, "99213", "2025-12-02", claimstypes.CLAIM_STATUS_ADJUDICATED),
		denied:      w.deniedClaim(providerP, insurerA, m, "2025-12-03"),
	}
	w.insurer[insurerA] = insurerRecords{
		plan: apptest.GoldPlanID, member: m,
		pended:      w.pendedClaim(providerP, insurerA, m, w.addr[memberAccount], "2025-12-04"),
		adjudicated: w.provider[providerP].adjudicated,
		appealed:    w.appealedClaim(providerP, insurerA, m, "2025-12-05"),
	}
	w.toConfirm = w.attest(providerP, 1, m, "99213", "2025-12-06")

	// Provider S's records (suspended below), billed to insurer A.
	date = "2025-12-08"
	w.provider[suspendedProvider] = providerRecords{
		attestation: w.attest(suspendedProvider, 1, m, "99213", date), attestedDate: date,
		adjudicated: w.claim(suspendedProvider, insurerA, m, "99213", "2025-12-09", claimstypes.CLAIM_STATUS_ADJUDICATED),
		denied:      w.deniedClaim(suspendedProvider, insurerA, m, "2025-12-10"),
	}

	// Reference data: insurer A's operator is the appointed loader (as in
	// apptest.LoadReference); PTP version 1 is active, version 2 staging.
	f.LoadReference(refdatatypes.TABLE_KIND_PTP, 1, "2025-01-01", refdatatypes.ChunkRows{
		Ptp: []refdatatypes.PtpRow{{Column1: "88184", Column2: "88185", EffectiveDate: "2020-01-01", ModifierIndicator: 0}}})
	w.stagedRows = refdatatypes.ChunkRows{
		Ptp: []refdatatypes.PtpRow{{Column1: "88184", Column2: "88187", EffectiveDate: "2020-01-01", ModifierIndicator: 0}}}
	w.mustRun(&refdatatypes.MsgStageChunk{Loader: w.addr[insurerA].String(), Kind: refdatatypes.TABLE_KIND_PTP, Version: 2,
		Index: 0, Source: "authorization matrix", Rows: w.stagedRows})
	w.stagedHash, err = refdatatypes.ChunkHash(refdatatypes.EmptyHash, w.stagedRows)
	require.NoError(t, err)

	// Suspend S and J last: their records were made while they were ACTIVE.
	for _, r := range []role{suspendedProvider, suspendedInsurer} {
		w.mustRun(&membershiptypes.MsgSuspendMember{Authority: f.Gov, MemberId: w.id[r], Reason: "unpaid consortium dues"})
	}
	w.digest = digestState(f.App, f.Ctx)
	return w
}

// run sends msg through the app's msg service router on ctx, as a tx would.
func (w *world) run(ctx sdk.Context, msg sdk.Msg) (*sdk.Result, error) {
	h := w.f.App.MsgServiceRouter().Handler(msg)
	if h == nil {
		return nil, fmt.Errorf("no msg service handler for %s", sdk.MsgTypeURL(msg))
	}
	return h(ctx, msg)
}

// mustRun runs msg in a branch written on success (apptest's Exec) and fails
// the test if it is refused; it returns the msg's response.
func (w *world) mustRun(msg sdk.Msg) *sdk.Result {
	w.t.Helper()
	var res *sdk.Result
	require.NoError(w.t, w.f.Exec(func(ctx sdk.Context) error {
		var err error
		res, err = w.run(ctx, msg)
		return err
	}), "setting up the world: %s", sdk.MsgTypeURL(msg))
	return res
}

// response decodes the first msg response of a result into resp.
func response(res *sdk.Result, resp proto.Message) error {
	if res == nil || len(res.MsgResponses) == 0 {
		return fmt.Errorf("no msg response")
	}
	return proto.Unmarshal(res.MsgResponses[0].Value, resp)
}

func (w *world) admitInsurer(name, payerID string) (sdk.AccAddress, uint64) {
	w.t.Helper()
	op := apptest.NewAccount()
	var resp membershiptypes.MsgAdmitMemberResponse
	require.NoError(w.t, response(w.mustRun(&membershiptypes.MsgAdmitMember{
		Authority: w.f.Gov, Kind: membershiptypes.MEMBER_KIND_INSURER, Name: name, PayerId: payerID,
		Operator: op.String(), AgreementHash: apptest.AgreementHash(name),
	}), &resp))
	return op.Address, resp.MemberId
}

func (w *world) enroll(insurer role, member, plan string, account sdk.AccAddress) {
	w.t.Helper()
	w.mustRun(&adjtypes.MsgEnrollMember{Insurer: w.addr[insurer].String(), Member: member, PlanId: plan,
		StartDate: "2025-01-01", Sex: adjtypes.SEX_FEMALE, BirthYear: 1980, MemberAccount: account.String()})
}

// attest attests one line of code on date by provider for member with insurer insurerID.
func (w *world) attest(provider role, insurerID uint64, member, code, date string) string {
	w.t.Helper()
	var resp attestationtypes.MsgAttestTreatmentResponse
	require.NoError(w.t, response(w.mustRun(attestTreatment(w.addr[provider].String(), insurerID, member, code, date, "")), &resp))
	return resp.Id
}

func attestTreatment(provider string, insurerID uint64, member, code, date, supersedes string) *attestationtypes.MsgAttestTreatment {
	return &attestationtypes.MsgAttestTreatment{
		Provider: provider, InsurerId: insurerID, Member: member, EncounterDate: date, PlaceOfService: "11",
		DiagnosisCodes: []string{"E11.9"}, RecordHash: apptest.AgreementHash("record " + code + " " + date),
		Lines:      []attestationtypes.ServiceLine{{Sequence: 1, Code: code, Units: 1, ServiceDate: date, RenderingNpi: "1234567893"}},
		Supersedes: supersedes,
	}
}

func submitClaim(provider string, insurerID uint64, member, attestation, code, date string) *claimstypes.MsgSubmitClaim {
	return &claimstypes.MsgSubmitClaim{
		Provider: provider, InsurerId: insurerID, Use: claimstypes.CLAIM_USE_CLAIM, Member: member,
		DiagnosisCodes: []string{"E11.9"},
		Lines: []claimstypes.SubmittedLine{{AttestationId: attestation, AttestationLine: 1, Code: code, Units: 1,
			ServiceDate: date, Billed: usd(12550)}},
	}
}

// claim attests and bills one line and checks the claim's status.
func (w *world) claim(provider, insurer role, member, code, date string, want claimstypes.ClaimStatus) string {
	w.t.Helper()
	att := w.attest(provider, w.id[insurer], member, code, date)
	var resp claimstypes.MsgSubmitClaimResponse
	require.NoError(w.t, response(w.mustRun(submitClaim(w.addr[provider].String(), w.id[insurer], member, att, code, date)), &resp))
	require.Equal(w.t, want, resp.Status, "claim %s", resp.Id)
	return resp.Id
}

// deniedClaim bills an MRI without prior authorization: ADJUDICATED, line 1 denied.
func (w *world) deniedClaim(provider, insurer role, member, date string) string {
	w.t.Helper()
	id := w.claim(provider, insurer, member, "70551", date, claimstypes.CLAIM_STATUS_ADJUDICATED)
	denied, err := w.f.App.AdjudicationKeeper.LineDenied(w.f.Ctx, id, 1)
	require.NoError(w.t, err)
	require.True(w.t, denied, "%s line 1 should be denied", id)
	return id
}

// appealedClaim is a denied claim with appeal 1 open on its line.
func (w *world) appealedClaim(provider, insurer role, member, date string) string {
	w.t.Helper()
	id := w.deniedClaim(provider, insurer, member, date)
	w.mustRun(&claimstypes.MsgAppealClaim{Provider: w.addr[provider].String(), ClaimId: id, Lines: []uint32{1},
		ReasonHash: apptest.AgreementHash("appeal letter " + id)})
	return id
}

// pendedClaim: the member's account disputes the attested care, then the
// provider bills it and the claim is PENDED.
func (w *world) pendedClaim(provider, insurer role, member string, account sdk.AccAddress, date string) string {
	w.t.Helper()
	att := w.attest(provider, w.id[insurer], member, "99213", date)
	w.mustRun(&attestationtypes.MsgDisputeTreatment{MemberAccount: account.String(), AttestationId: att,
		ReasonHash: apptest.AgreementHash("not treated " + att)})
	var resp claimstypes.MsgSubmitClaimResponse
	require.NoError(w.t, response(w.mustRun(submitClaim(w.addr[provider].String(), w.id[insurer], member, att, "99213", date)), &resp))
	require.Equal(w.t, claimstypes.CLAIM_STATUS_PENDED, resp.Status, "claim %s", resp.Id)
	return resp.Id
}

// stateDigest is a sha256 of every persistent KV store, by store name.
type stateDigest map[string][32]byte

// digestState hashes every key and value of every persistent KV store the app
// mounts (the consensus state), as ctx sees them: a write in a branch shows.
func digestState(a interface {
	CommitMultiStore() storetypes.CommitMultiStore
}, ctx sdk.Context) stateDigest {
	lister, ok := a.CommitMultiStore().(interface {
		StoreKeysByName() map[string]storetypes.StoreKey
	})
	if !ok {
		panic("the app's multistore does not list its store keys")
	}
	d := stateDigest{}
	for name, key := range lister.StoreKeysByName() {
		if _, ok := key.(*storetypes.KVStoreKey); !ok {
			continue // transient and memory stores are not consensus state
		}
		h := sha256.New()
		it := ctx.KVStore(key).Iterator(nil, nil)
		for ; it.Valid(); it.Next() {
			for _, b := range [][]byte{it.Key(), it.Value()} {
				_ = binary.Write(h, binary.BigEndian, uint64(len(b)))
				h.Write(b)
			}
		}
		_ = it.Close()
		var sum [32]byte
		copy(sum[:], h.Sum(nil))
		d[name] = sum
	}
	return d
}

// changed lists the stores whose content differs between two digests.
func (d stateDigest) changed(other stateDigest) []string {
	var out []string
	for name, sum := range d {
		if o, ok := other[name]; !ok || !bytes.Equal(sum[:], o[:]) {
			out = append(out, name)
		}
	}
	for name := range other {
		if _, ok := d[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
