package phiscan_test

import (
	"fmt"
	"math/rand"
	"os"
	"testing"
	"time"

	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	abci "github.com/cometbft/cometbft/abci/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/claimchain/claimchain/testutil/apptest"
	adjkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	integritykeeper "github.com/claimchain/claimchain/x/integrity/keeper"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	settlementkeeper "github.com/claimchain/claimchain/x/settlement/keeper"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// The workload drives every msg that writes patient-linked state, the way
// the participants would: two insurers publish plans, enrol members (some with
// their own accounts, one aged 90+) and set thresholds, hold periods and
// escrow; three providers attest care and bill it (office visits, labs,
// physical therapy, an MRI without prior authorization, a non-covered
// procedure, a line by an OIG-excluded practitioner, an "impossible day"),
// ask for preauthorizations and predeterminations, void claims with a
// reason and appeal denials; members confirm and dispute care; insurers
// review pended claims (with notes hashes), decide appeals, correct a paid
// claim, terminate coverage (one member deceased) and amend a plan; the
// loader activates every kind of reference table; governance suspends and
// reinstates a provider; settlement pays and issues remittances.

const (
	// excludedNPI is on the LEIE table the workload loads.
	excludedNPI = "1543210987"
	hold        = 10 * time.Second
)

type insurer struct {
	acc  apptest.Account
	id   uint64
	plan string
}

type provider struct {
	acc apptest.Account
	id  uint64
	npi string
}

type patient struct {
	pseudonym string
	insurer   int
	account   *apptest.Account
}

type service struct {
	code  string
	units uint32
	cents int64
}

var (
	officeVisit  = service{"99213", 1, 12550}
	longVisit    = service{"99214", 1, 18000}
	cbc          = service{"85025", 1, 2500}
	metabolic    = service{"80053", 1, 3000}
	therapy      = service{"97110", 2, 5000}
	mri          = service{"70551", 1, 200000} // needs prior authorization: CO-197
	cosmetic     = service{"15820", 1, 90000}  // not covered: CO-96
	complexVisit = service{"99215", 1, 25000}
	knee         = service{"29881", 1, 300000}
)

var diagnoses = [][]string{{"E11.9"}, {"I10"}, {"M54.5", "I10"}, {"J06.9"}, {"Z00.00"}, {"M23.221"}, {"E78.5", "I10"}}

type workload struct {
	t         *testing.T
	f         *apptest.Fixture
	r         *rand.Rand
	insurers  []insurer
	providers []provider
	patients  []patient
	// claims for care given, in submission order, with their patient.
	claims  []string
	claimOf map[string]int
	// events the msgs and EndBlockers emitted.
	events []abci.Event
}

func (w *workload) exec(fn func(ctx sdk.Context) error) error { return w.f.Exec(fn) }

func (w *workload) must(fn func(ctx sdk.Context) error) {
	w.t.Helper()
	require.NoError(w.t, w.exec(fn))
}

func (w *workload) hash(what string) membershiptypes.ContentHash {
	return apptest.AgreementHash(fmt.Sprintf("%s %d", what, w.r.Int63()))
}

// npi completes a 9-digit prefix with its check digit.
func npi(t *testing.T, prefix string) string {
	t.Helper()
	for d := '0'; d <= '9'; d++ {
		if n := prefix + string(d); membershiptypes.ValidateNPI(n) == nil {
			return n
		}
	}
	t.Fatalf("no check digit for %s", prefix)
	return ""
}

func (w *workload) endBlock(d time.Duration) {
	w.f.AdvanceTime(d)
	w.events = append(w.events, w.f.EndBlock()...)
}

func runWorkload(t *testing.T) *workload {
	t.Helper()
	f := apptest.Setup(t)
	w := &workload{t: t, f: f, r: rand.New(rand.NewSource(20260105)), claimOf: map[string]int{}}
	w.setupConsortium()
	w.loadReference()
	w.enrol()
	w.bill()
	w.respond()
	w.voidSome()
	w.review()
	w.appeal()
	w.endBlock(hold + time.Second)
	w.endBlock(time.Second)
	w.correctPaidClaim()
	w.preauthorized()
	w.terminate()
	w.governance()
	w.endBlock(hold + time.Second)
	w.events = append(w.events, f.Ctx.EventManager().Events().ToABCIEvents()...)
	return w
}

func (w *workload) setupConsortium() {
	f := w.f
	f.PublishGoldPlan()
	w.insurers = append(w.insurers, insurer{acc: f.Validator, id: 1, plan: apptest.GoldPlanID})

	// A second insurer, with its own plan on the same terms.
	op := apptest.NewAccount()
	var id uint64
	w.must(func(ctx sdk.Context) error {
		res, err := membershipkeeper.NewMsgServerImpl(f.App.MembershipKeeper).AdmitMember(ctx, &membershiptypes.MsgAdmitMember{
			Authority: f.Gov, Kind: membershiptypes.MEMBER_KIND_INSURER, Name: "Lakeshore Mutual Health", PayerId: "LKM01",
			NaicCode: "60054", Operator: op.String(), AgreementHash: apptest.AgreementHash("lakeshore"),
		})
		if err == nil {
			id = res.MemberId
		}
		return err
	})
	raw, err := os.ReadFile("../../examples/plans/gold.json")
	require.NoError(w.t, err)
	var terms adjtypes.PlanTerms
	require.NoError(w.t, f.App.AppCodec().UnmarshalJSON(raw, &terms))
	w.must(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).CreatePlan(ctx, &adjtypes.MsgCreatePlan{
			Insurer: op.String(), PlanId: "LKM-SILVER", Name: "Lakeshore Silver", EffectiveDate: "2025-01-01", Terms: terms})
		return err
	})
	w.insurers = append(w.insurers, insurer{acc: op, id: id, plan: "LKM-SILVER"})

	for i, name := range []string{"Riverside Family Clinic", "Hillcrest Orthopedic Group", "Lakeside Imaging Center"} {
		n := []string{"1234567893", "1987654328", npi(w.t, "176543210")}[i]
		acc, pid := f.AdmitProvider(name, n)
		w.providers = append(w.providers, provider{acc: acc, id: pid, npi: n})
	}

	// A practice named after its physician: an organisation name, not PHI.
	f.AdmitProvider("Maria Garcia MD Pediatrics", npi(w.t, "161234567"))

	for _, ins := range w.insurers {
		f.Fund(ins.acc.Address, sdk.NewInt64Coin("usd", 50_000_000))
		w.must(func(ctx sdk.Context) error {
			srv := settlementkeeper.NewMsgServerImpl(f.App.SettlementKeeper)
			if _, err := srv.SetHoldPeriod(ctx, &settlementtypes.MsgSetHoldPeriod{Insurer: ins.acc.String(), HoldPeriod: hold}); err != nil {
				return err
			}
			_, err := srv.FundEscrow(ctx, &settlementtypes.MsgFundEscrow{Insurer: ins.acc.String(), Amount: sdk.NewInt64Coin("usd", 20_000_000)})
			return err
		})
		w.must(func(ctx sdk.Context) error {
			_, err := integritykeeper.NewMsgServerImpl(f.App.IntegrityKeeper).SetThresholds(ctx, &integritytypes.MsgSetThresholds{
				Insurer: ins.acc.String(), PendScore: 100, EmMinServices: 10, EmExcessBps: 2000, VolumeMinClaims: 20, VolumeFactorBps: 30000})
			return err
		})
	}
}

// loadReference activates one version of every kind of table.
func (w *workload) loadReference() {
	f := w.f
	from := "2025-01-01"
	f.LoadReference(refdatatypes.TABLE_KIND_PTP, 1, from, refdatatypes.ChunkRows{Ptp: []refdatatypes.PtpRow{
		{Column1: "80053", Column2: "85025", EffectiveDate: "2024-01-01", ModifierIndicator: 1},
		{Column1: "99214", Column2: "99213", EffectiveDate: "2024-01-01", DeletionDate: "2025-03-31", ModifierIndicator: 0},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_MUE, 1, from, refdatatypes.ChunkRows{Mue: []refdatatypes.MueRow{
		{Code: "97110", Units: 4, AdjudicationIndicator: 3}, {Code: "99213", Units: 1, AdjudicationIndicator: 2},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_ADD_ON, 1, from, refdatatypes.ChunkRows{AddOn: []refdatatypes.AddOnRow{
		{AddOnCode: "99417", PrimaryCodes: []string{"99205", "99215"}, Type: 1},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_EXCLUSION, 1, from, refdatatypes.ChunkRows{Exclusion: []refdatatypes.ExclusionRow{
		{Npi: excludedNPI, ExclusionDate: "2024-06-01"},
		{Npi: "1234567893", ExclusionDate: "2020-01-01", ReinstatementDate: "2021-01-01"},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_AGE_SEX, 1, from, refdatatypes.ChunkRows{AgeSex: []refdatatypes.AgeSexRow{
		{Code: "76805", MinAge: 9, MaxAge: 64, Sex: "F"}, {Code: "99391", MinAge: 0, MaxAge: 1},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_TYPICAL_MINUTES, 1, from, refdatatypes.ChunkRows{TypicalMinutes: []refdatatypes.TypicalMinutesRow{
		{Code: "99213", Minutes: 20}, {Code: "99214", Minutes: 30}, {Code: "99215", Minutes: 40}, {Code: "97110", Minutes: 15},
	}})
	f.LoadReference(refdatatypes.TABLE_KIND_EM_LEVEL, 1, from, refdatatypes.ChunkRows{EmLevel: []refdatatypes.EmLevelRow{
		{Code: "99212", Family: "office-established", Level: 2}, {Code: "99213", Family: "office-established", Level: 3},
		{Code: "99214", Family: "office-established", Level: 4}, {Code: "99215", Family: "office-established", Level: 5},
	}})
}

// enrol enrols 48 members under fresh random pseudonyms; every third has an
// account to confirm or dispute care; one is aged 90 or more.
func (w *workload) enrol() {
	f := w.f
	for i := range 48 {
		p, err := attestationtypes.NewPseudonym()
		require.NoError(w.t, err)
		pt := patient{pseudonym: p, insurer: 0}
		if i%4 == 3 {
			pt.insurer = 1
		}
		ins := w.insurers[pt.insurer]
		msg := &adjtypes.MsgEnrollMember{Insurer: ins.acc.String(), Member: p, PlanId: ins.plan, StartDate: "2025-01-01",
			Sex: []adjtypes.Sex{adjtypes.SEX_FEMALE, adjtypes.SEX_MALE, adjtypes.SEX_UNKNOWN}[i%3], BirthYear: uint32(1937 + w.r.Intn(88))}
		if i == 7 {
			msg.BirthYear, msg.Aged_90Plus = 0, true
		}
		if i%3 == 0 {
			acc := apptest.NewAccount()
			pt.account = &acc
			msg.MemberAccount = acc.String()
		}
		w.must(func(ctx sdk.Context) error {
			_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).EnrollMember(ctx, msg)
			return err
		})
		w.patients = append(w.patients, pt)
	}
}

type line struct {
	service
	date string
	npi  string
	ref  string
}

// attestAndBill attests the lines for a patient and bills them on one claim.
func (w *workload) attestAndBill(prov, pat int, dx []string, lines ...line) (claimID string, err error) {
	f := w.f
	p, pt := w.providers[prov], w.patients[pat]
	att := &attestationtypes.MsgAttestTreatment{
		Provider: p.acc.String(), InsurerId: w.insurers[pt.insurer].id, Member: pt.pseudonym, EncounterDate: lines[0].date,
		PlaceOfService: "11", DiagnosisCodes: dx, RecordHash: w.hash("record"),
	}
	if w.r.Intn(3) == 0 {
		// A locator of the off-chain record: opaque, as the provider's system issues it.
		att.ResolverUri = fmt.Sprintf("https://records.provider%d.example/r/%016x", p.id, w.r.Uint64())
	}
	for i, l := range lines {
		n := l.npi
		if n == "" {
			n = p.npi
		}
		att.Lines = append(att.Lines, attestationtypes.ServiceLine{Sequence: uint32(i + 1), Code: l.code, Units: l.units,
			ServiceDate: l.date, RenderingNpi: n})
	}
	var attID string
	if err := w.exec(func(ctx sdk.Context) error {
		res, err := attestationkeeper.NewMsgServerImpl(f.App.AttestationKeeper).AttestTreatment(ctx, att)
		if err == nil {
			attID = res.Id
		}
		return err
	}); err != nil {
		return "", err
	}
	sub := &claimstypes.MsgSubmitClaim{Provider: p.acc.String(), InsurerId: att.InsurerId, Use: claimstypes.CLAIM_USE_CLAIM,
		Member: pt.pseudonym, DiagnosisCodes: dx}
	for i, l := range lines {
		sub.Lines = append(sub.Lines, claimstypes.SubmittedLine{AttestationId: attID, AttestationLine: uint32(i + 1), Code: l.code,
			Units: l.units, ServiceDate: l.date, Billed: sdk.NewInt64Coin("usd", l.cents*int64(l.units)), PreauthRef: l.ref})
	}
	err = w.exec(func(ctx sdk.Context) error {
		res, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).SubmitClaim(ctx, sub)
		if err == nil {
			claimID = res.Id
		}
		return err
	})
	if err == nil {
		w.claims = append(w.claims, claimID)
		w.claimOf[claimID] = pat
	}
	return claimID, err
}

func (w *workload) date() string {
	return time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, w.r.Intn(175)).Format(attestationtypes.DateLayout)
}

// bill: one to three encounters per member, a mix of services; provider 2
// bills 38 long visits on one day (an "impossible day" for its NPI).
func (w *workload) bill() {
	mixes := [][]service{
		{officeVisit}, {officeVisit, cbc, metabolic}, {longVisit}, {therapy}, {therapy, officeVisit},
		{mri}, {cosmetic}, {cbc, metabolic}, {officeVisit},
	}
	for pat := range w.patients {
		for range 1 + w.r.Intn(3) {
			prov := w.r.Intn(len(w.providers))
			date := w.date()
			var lines []line
			for _, s := range mixes[w.r.Intn(len(mixes))] {
				l := line{service: s, date: date}
				if w.r.Intn(15) == 0 {
					l.npi = excludedNPI
				}
				lines = append(lines, l)
			}
			_, err := w.attestAndBill(prov, pat, diagnoses[w.r.Intn(len(diagnoses))], lines...)
			require.NoError(w.t, err)
		}
	}
	for pat := range 38 {
		_, err := w.attestAndBill(1, pat, []string{"M54.5"}, line{service: complexVisit, date: "2025-09-15"})
		require.NoError(w.t, err)
	}
}

// respond: members with an account confirm most care and dispute some (a
// dispute during the hold pends the claim).
func (w *workload) respond() {
	f := w.f
	srv := attestationkeeper.NewMsgServerImpl(f.App.AttestationKeeper)
	n := 0
	for _, id := range w.claims {
		pt := w.patients[w.claimOf[id]]
		if pt.account == nil {
			continue
		}
		c, err := f.App.ClaimsKeeper.GetClaim(f.Ctx, id)
		require.NoError(w.t, err)
		att := c.Lines[0].AttestationId
		n++
		switch n % 4 {
		case 0:
			w.must(func(ctx sdk.Context) error {
				_, err := srv.DisputeTreatment(ctx, &attestationtypes.MsgDisputeTreatment{MemberAccount: pt.account.String(),
					AttestationId: att, ReasonHash: w.hash("statement")})
				return err
			})
		case 1:
			// Confirmed, then disputed after all.
			w.must(func(ctx sdk.Context) error {
				if _, err := srv.ConfirmTreatment(ctx, &attestationtypes.MsgConfirmTreatment{MemberAccount: pt.account.String(), AttestationId: att}); err != nil {
					return err
				}
				_, err := srv.DisputeTreatment(ctx, &attestationtypes.MsgDisputeTreatment{MemberAccount: pt.account.String(),
					AttestationId: att, ReasonHash: w.hash("statement")})
				return err
			})
		default:
			w.must(func(ctx sdk.Context) error {
				_, err := srv.ConfirmTreatment(ctx, &attestationtypes.MsgConfirmTreatment{MemberAccount: pt.account.String(), AttestationId: att})
				return err
			})
		}
	}
}

var voidReasons = []string{"billed in error", "duplicate submission", "wrong procedure code", "corrected claim follows"}

// voidSome: providers withdraw some unpaid claims, with a reason.
func (w *workload) voidSome() {
	f := w.f
	voided := 0
	for i, id := range w.claims {
		if i%9 != 4 {
			continue
		}
		c, err := f.App.ClaimsKeeper.GetClaim(f.Ctx, id)
		require.NoError(w.t, err)
		prov := w.providerOf(c.ProviderId)
		if w.exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).VoidClaim(ctx, &claimstypes.MsgVoidClaim{
				Provider: prov.acc.String(), ClaimId: id, Reason: voidReasons[voided%len(voidReasons)]})
			return err
		}) == nil {
			voided++
		}
	}
	require.Positive(w.t, voided)
}

func (w *workload) providerOf(id uint64) provider {
	for _, p := range w.providers {
		if p.id == id {
			return p
		}
	}
	w.t.Fatalf("no provider %d", id)
	return provider{}
}

func (w *workload) insurerOf(id uint64) insurer {
	for _, i := range w.insurers {
		if i.id == id {
			return i
		}
	}
	w.t.Fatalf("no insurer %d", id)
	return insurer{}
}

// review: insurers approve, adjust or deny every pended claim, with a hash of
// the reviewer's notes.
func (w *workload) review() {
	f := w.f
	reviewed := 0
	for _, id := range w.claims {
		c, err := f.App.ClaimsKeeper.GetClaim(f.Ctx, id)
		require.NoError(w.t, err)
		if c.Status != claimstypes.CLAIM_STATUS_PENDED {
			continue
		}
		msg := &claimstypes.MsgReviewClaim{Insurer: w.insurerOf(c.InsurerId).acc.String(), ClaimId: id, NotesHash: w.hash("notes")}
		switch reviewed % 3 {
		case 0:
			msg.Action = claimstypes.REVIEW_ACTION_APPROVE
		case 1:
			msg.Action, msg.Group, msg.Carc = claimstypes.REVIEW_ACTION_DENY, "CO", "50"
		default:
			msg.Action, msg.Group, msg.Carc, msg.Rarc = claimstypes.REVIEW_ACTION_ADJUST, "CO", "45", "N130"
			msg.Lines = []claimstypes.LineReview{{Sequence: 1, Payable: math.NewInt(1000)}}
		}
		if w.exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).ReviewClaim(ctx, msg)
			return err
		}) == nil {
			reviewed++
		}
	}
	require.Positive(w.t, reviewed, "the disputes and flags pend claims for review")
}

// appeal: providers appeal denied lines; insurers uphold or overturn.
func (w *workload) appeal() {
	f := w.f
	decided := 0
	for _, id := range w.claims {
		c, err := f.App.ClaimsKeeper.GetClaim(f.Ctx, id)
		require.NoError(w.t, err)
		if c.Status != claimstypes.CLAIM_STATUS_ADJUDICATED {
			continue
		}
		d, err := f.App.AdjudicationKeeper.GetDecision(f.Ctx, id)
		require.NoError(w.t, err)
		var denied []uint32
		for _, l := range d.Lines {
			if l.Decision == adjtypes.DECISION_KIND_DENIED {
				denied = append(denied, l.Sequence)
			}
		}
		if len(denied) == 0 {
			continue
		}
		prov := w.providerOf(c.ProviderId)
		if w.exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).AppealClaim(ctx, &claimstypes.MsgAppealClaim{
				Provider: prov.acc.String(), ClaimId: id, Lines: denied, ReasonHash: w.hash("appeal letter")})
			return err
		}) != nil {
			continue
		}
		if w.exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).DecideAppeal(ctx, &claimstypes.MsgDecideAppeal{
				Insurer: w.insurerOf(c.InsurerId).acc.String(), ClaimId: id, Appeal: 1, Overturn: decided%2 == 0, NotesHash: w.hash("decision")})
			return err
		}) == nil {
			decided++
		}
	}
	require.Positive(w.t, decided)
}

// correctPaidClaim: an insurer lowers a claim it already paid (a recoupment
// and a reversal on the next remittance).
func (w *workload) correctPaidClaim() {
	f := w.f
	for _, id := range w.claims {
		p, err := f.App.SettlementKeeper.ClaimPayments.Get(f.Ctx, id)
		if err != nil || !p.Paid.IsPositive() {
			continue
		}
		c, err := f.App.ClaimsKeeper.GetClaim(f.Ctx, id)
		require.NoError(w.t, err)
		if c.Status != claimstypes.CLAIM_STATUS_ADJUDICATED {
			continue
		}
		if w.exec(func(ctx sdk.Context) error {
			_, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).ReviewClaim(ctx, &claimstypes.MsgReviewClaim{
				Insurer: w.insurerOf(c.InsurerId).acc.String(), ClaimId: id, Action: claimstypes.REVIEW_ACTION_DENY,
				Group: "CO", Carc: "50", NotesHash: w.hash("post-payment review")})
			return err
		}) == nil {
			return
		}
	}
	w.t.Fatal("no paid claim could be corrected")
}

// preauthorized: a knee arthroscopy is preauthorized, then performed and
// billed against the authorization; an estimate is asked for a visit.
func (w *workload) preauthorized() {
	f := w.f
	planned := f.Ctx.BlockTime().AddDate(0, 0, 10).Format(attestationtypes.DateLayout)
	var refs []string
	for _, pat := range []int{1, 2, 5} {
		pt := w.patients[pat]
		for _, use := range []claimstypes.ClaimUse{claimstypes.CLAIM_USE_PREAUTHORIZATION, claimstypes.CLAIM_USE_PREDETERMINATION} {
			s := knee
			if use == claimstypes.CLAIM_USE_PREDETERMINATION {
				s = longVisit
			}
			w.must(func(ctx sdk.Context) error {
				res, err := claimskeeper.NewMsgServerImpl(f.App.ClaimsKeeper).SubmitClaim(ctx, &claimstypes.MsgSubmitClaim{
					Provider: w.providers[1].acc.String(), InsurerId: w.insurers[pt.insurer].id, Use: use, Member: pt.pseudonym,
					DiagnosisCodes: []string{"M23.221"}, Lines: []claimstypes.SubmittedLine{{Code: s.code, Units: 1, ServiceDate: planned,
						Billed: sdk.NewInt64Coin("usd", s.cents)}},
				})
				if err == nil && use == claimstypes.CLAIM_USE_PREAUTHORIZATION {
					refs = append(refs, res.Id)
				}
				return err
			})
		}
	}
	w.endBlock(10 * 24 * time.Hour)
	for i, pat := range []int{1, 2, 5} {
		_, err := w.attestAndBill(1, pat, []string{"M23.221"}, line{service: knee, date: planned, ref: refs[i]})
		require.NoError(w.t, err)
	}
}

// terminate: one member leaves, one dies (the end date then approximates the
// date of death: see docs/privacy.md).
func (w *workload) terminate() {
	f := w.f
	for i, reason := range []adjtypes.TerminationReason{adjtypes.TERMINATION_REASON_VOLUNTARY, adjtypes.TERMINATION_REASON_DECEASED} {
		pt := w.patients[10+i*4]
		w.must(func(ctx sdk.Context) error {
			_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).TerminateCoverage(ctx, &adjtypes.MsgTerminateCoverage{
				Insurer: w.insurers[pt.insurer].acc.String(), Member: pt.pseudonym, EndDate: "2026-01-31", Reason: reason})
			return err
		})
	}
}

// governance: a plan amendment, and a provider suspended and reinstated.
func (w *workload) governance() {
	f := w.f
	raw, err := os.ReadFile("../../examples/plans/gold.json")
	require.NoError(w.t, err)
	var terms adjtypes.PlanTerms
	require.NoError(w.t, f.App.AppCodec().UnmarshalJSON(raw, &terms))
	terms.TimelyFilingDays = 180
	w.must(func(ctx sdk.Context) error {
		_, err := adjkeeper.NewMsgServerImpl(f.App.AdjudicationKeeper).AmendPlan(ctx, &adjtypes.MsgAmendPlan{
			Insurer: f.Validator.String(), PlanId: apptest.GoldPlanID, EffectiveDate: "2026-07-01", Terms: terms})
		return err
	})
	srv := membershipkeeper.NewMsgServerImpl(f.App.MembershipKeeper)
	w.must(func(ctx sdk.Context) error {
		if _, err := srv.SuspendMember(ctx, &membershiptypes.MsgSuspendMember{Authority: f.Gov, MemberId: w.providers[2].id,
			Reason: "consortium dues unpaid"}); err != nil {
			return err
		}
		_, err := srv.ReinstateMember(ctx, &membershiptypes.MsgReinstateMember{Authority: f.Gov, MemberId: w.providers[2].id})
		return err
	})
}

// commit finishes the fixture's block and commits it, so that the export and
// the raw stores show committed state.
func (w *workload) commit() {
	f := w.f
	_, err := f.App.FinalizeBlock(&abci.RequestFinalizeBlock{Height: f.App.LastBlockHeight() + 1, Time: f.Ctx.BlockTime()})
	require.NoError(w.t, err)
	_, err = f.App.Commit()
	require.NoError(w.t, err)
}
