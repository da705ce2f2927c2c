package app_test

// The SDK simulation framework (x/simulation with the simsx message
// factories) wired to claimchain, next to the workload of sim_test.go:
// randomized genesis from the SDK modules' generators, adapted so that every
// random validator's operator is a founding member (insurers and providers
// alternately), and random operations from the SDK modules whose messages a
// consortium chain accepts plus claimchain's own factories.
//
// TestSimSDKAppStateDeterminism runs each seed several times with
// simsx.RunWithSeed and requires the same final app hash.

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"cosmossdk.io/collections"
	"cosmossdk.io/log/v2"
	"cosmossdk.io/math"
	"github.com/stretchr/testify/require"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	"github.com/cosmos/cosmos-sdk/testutil/simsx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	simtypes "github.com/cosmos/cosmos-sdk/types/simulation"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	simcli "github.com/cosmos/cosmos-sdk/x/simulation/client/cli"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"

	"github.com/claimchain/claimchain/app"
	"github.com/claimchain/claimchain/testutil/apptest"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// simSDKApp is the application as simsx wants it (runtime.AppI with a
// SimulationManager). The manager is built here, in the test, rather than in
// app.go: claimchain's modules have no simulation code of their own.
type simSDKApp struct {
	*app.App
	sm *module.SimulationManager
}

func (a *simSDKApp) SimulationManager() *module.SimulationManager { return a.sm }

var _ simsx.SimulationApp = (*simSDKApp)(nil)

func newSimSDKApp(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions,
	opts ...func(*baseapp.BaseApp),
) *simSDKApp {
	app.SetAddressPrefixes()
	// simsx delivers its operations after FinalizeBlock, that is after bank's
	// EndBlock, which on a node credits the fees the block's txs sent to the
	// fee collector's virtual account (app/ante.go, virtualFees). Credit them
	// before the block is committed, as that EndBlock would have.
	var a *app.App
	creditFees := func(b *baseapp.BaseApp) {
		b.SetPrecommiter(func(ctx sdk.Context) {
			if err := a.BankKeeper.CreditVirtualAccounts(ctx); err != nil {
				panic(err)
			}
			ctx.MultiStore().(storetypes.CacheMultiStore).Write()
		})
	}
	a = app.New(logger, db, loadLatest, appOpts, append(opts, creditFees)...)
	mods := a.ModuleManager.Modules
	sim := func(name string) module.AppModuleSimulation { return mods[name].(module.AppModuleSimulation) }
	// Genesis is generated in this order; operations are drawn from each.
	sm := module.NewSimulationManager(
		simAuthGenesis{},                                 // base accounts only (the app wires no vesting generator)
		sim(banktypes.ModuleName),                        // MsgSend, MsgMultiSend
		sim(distrtypes.ModuleName),                       // withdraw address, rewards, commission
		simGenesisOnly{sim(stakingtypes.ModuleName)},     // validators; no staking msgs (see below)
		simOpsOnly{sim(slashingtypes.ModuleName)},        // MsgUnjail; consortium slashing params stay
		sim(feegrant.ModuleName),                         // grants
		sim(authz.ModuleName),                            // grants, MsgExec
		simGenesisOnly{sim(evidencetypes.ModuleName)},    // evidence params
		&simConsortium{a: a, goldTerms: simGoldTerms(a)}, // members, then claimchain's factories
	)
	sm.RegisterStoreDecoders()
	return &simSDKApp{App: a, sm: sm}
}

// Left out on purpose:
//   - x/staking msgs: x/membership refuses every validator but a member's and
//     every delegation but a member's self-bond, so the SDK's staking factories
//     (which expect MsgCreateValidator, MsgDelegate, MsgRedelegate... from any
//     account to succeed) would only report failures;
//   - x/gov: its random genesis and proposals deposit BondDenom, which is not
//     transferable on claimchain (deposits are in FeeDenom), so its factories
//     skip or fail; governance msgs of claimchain's modules are not simulated.

// simGenesisOnly contributes a module's randomized genesis but no operations.
type simGenesisOnly struct{ m module.AppModuleSimulation }

func (g simGenesisOnly) GenerateGenesisState(s *module.SimulationState) { g.m.GenerateGenesisState(s) }
func (g simGenesisOnly) RegisterStoreDecoder(r simtypes.StoreDecoderRegistry) {
	g.m.RegisterStoreDecoder(r)
}

func (simGenesisOnly) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// simOpsOnly contributes a module's operations; its genesis stays claimchain's default.
type simOpsOnly struct{ module.AppModuleSimulation }

func (simOpsOnly) GenerateGenesisState(*module.SimulationState) {}

func (o simOpsOnly) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	o.AppModuleSimulation.(simsx.HasWeightedOperationsX).WeightedOperationsX(weights, reg)
}

// simAuthGenesis gives every simulated account a base account.
type simAuthGenesis struct{}

func (simAuthGenesis) GenerateGenesisState(s *module.SimulationState) {
	gs := authtypes.DefaultGenesisState()
	for _, acc := range s.Accounts {
		accAny, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccountWithAddress(acc.Address))
		if err != nil {
			panic(err)
		}
		gs.Accounts = append(gs.Accounts, accAny)
	}
	s.GenState[authtypes.ModuleName] = s.Cdc.MustMarshalJSON(gs)
}
func (simAuthGenesis) RegisterStoreDecoder(simtypes.StoreDecoderRegistry) {}
func (simAuthGenesis) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// simConsortium turns the SDK's random genesis into a consortium's, and
// registers claimchain's message factories.
type simConsortium struct {
	a         *app.App
	goldTerms adjtypes.PlanTerms
}

// GenerateGenesisState runs after x/bank's and x/staking's generators:
//   - every random validator's operator becomes an ACTIVE founding member
//     (even positions insurers, odd positions providers), each validator bonds
//     exactly the membership validator bond in BondDenom;
//   - random balances of the simulation's bond denom become fee tokens, and
//     insurers also hold usd to fund escrows;
//   - then claimchain's genesis choices (ConsortiumGenesis) apply.
func (c *simConsortium) GenerateGenesisState(s *module.SimulationState) {
	cdc := s.Cdc
	bond := membershiptypes.DefaultValidatorBond

	var staking stakingtypes.GenesisState
	cdc.MustUnmarshalJSON(s.GenState[stakingtypes.ModuleName], &staking)
	var membership membershiptypes.GenesisState
	cdc.MustUnmarshalJSON(s.GenState[membershiptypes.ModuleName], &membership)
	insurers := map[string]bool{}
	for i := range staking.Validators {
		v := &staking.Validators[i]
		v.Tokens, v.DelegatorShares = bond, math.LegacyNewDecFromInt(bond)
		valAddr, err := sdk.ValAddressFromBech32(v.OperatorAddress)
		if err != nil {
			panic(err)
		}
		op := sdk.AccAddress(valAddr).String()
		m := membershiptypes.Member{
			Id: uint64(i + 1), Name: fmt.Sprintf("Sim member %d", i+1), Operator: op,
			Status: membershiptypes.MEMBER_STATUS_ACTIVE, AgreementHash: apptest.AgreementHash(op),
		}
		if i%2 == 0 {
			m.Kind, m.PayerId = membershiptypes.MEMBER_KIND_INSURER, fmt.Sprintf("S%04d", i)
			insurers[op] = true
		} else {
			m.Kind, m.Npi = membershiptypes.MEMBER_KIND_PROVIDER, simNPI(i)
		}
		membership.Members = append(membership.Members, m)
	}
	for i := range staking.Delegations {
		staking.Delegations[i].Shares = math.LegacyNewDecFromInt(bond)
	}
	s.GenState[stakingtypes.ModuleName] = cdc.MustMarshalJSON(&staking)
	s.GenState[membershiptypes.ModuleName] = cdc.MustMarshalJSON(&membership)

	var bank banktypes.GenesisState
	cdc.MustUnmarshalJSON(s.GenState[banktypes.ModuleName], &bank)
	for i, b := range bank.Balances {
		coins := sdk.NewCoins(sdk.NewCoin(app.FeeDenom, b.Coins.AmountOf(s.BondDenom)))
		if insurers[b.Address] {
			coins = coins.Add(sdk.NewInt64Coin(simUSD, 1_000_000_000))
		}
		bank.Balances[i].Coins = coins
	}
	bank.Supply = nil // recomputed by x/bank
	s.GenState[banktypes.ModuleName] = cdc.MustMarshalJSON(&bank)

	opts := app.DefaultGenesisOptions()
	opts.UnbondingTime = 7 * 24 * time.Hour
	app.ConsortiumGenesis(cdc, s.GenState, opts)
}

func (*simConsortium) RegisterStoreDecoder(simtypes.StoreDecoderRegistry) {}
func (*simConsortium) WeightedOperations(module.SimulationState) []simtypes.WeightedOperation {
	return nil
}

// WeightedOperationsX registers claimchain's message factories.
func (c *simConsortium) WeightedOperationsX(weights simsx.WeightSource, reg simsx.Registry) {
	reg.Add(weights.Get("msg_create_plan", 10), c.msgCreatePlanFactory())
	reg.Add(weights.Get("msg_enroll_member", 30), c.msgEnrollMemberFactory())
	reg.Add(weights.Get("msg_fund_escrow", 20), c.msgFundEscrowFactory())
	reg.Add(weights.Get("msg_attest_treatment", 60), c.msgAttestTreatmentFactory())
	reg.Add(weights.Get("msg_submit_claim", 60), c.msgSubmitClaimFactory())
}

// members returns the ACTIVE members of a kind, in id order.
func (c *simConsortium) members(ctx context.Context, kind membershiptypes.MemberKind) []membershiptypes.Member {
	var out []membershiptypes.Member
	err := c.a.MembershipKeeper.Members.Walk(ctx, nil, func(_ uint64, m membershiptypes.Member) (bool, error) {
		if m.Kind == kind && m.Status == membershiptypes.MEMBER_STATUS_ACTIVE {
			out = append(out, m)
		}
		return false, nil
	})
	if err != nil {
		panic(err)
	}
	return out
}

// anyMember picks an ACTIVE member of a kind whose operator is a simulation
// account (to sign with); it skips when there is none.
func (c *simConsortium) anyMember(ctx context.Context, data *simsx.ChainDataSource, reporter simsx.SimulationReporter,
	kind membershiptypes.MemberKind,
) (membershiptypes.Member, simsx.SimAccount) {
	ms := c.members(ctx, kind)
	if len(ms) == 0 {
		reporter.Skipf("no active %s", kind)
		return membershiptypes.Member{}, simsx.SimAccount{}
	}
	m := ms[data.Rand().Intn(len(ms))]
	if !data.HasAccount(m.Operator) {
		reporter.Skip("operator is not a simulation account")
		return membershiptypes.Member{}, simsx.SimAccount{}
	}
	return m, data.GetAccount(reporter, m.Operator)
}

func (c *simConsortium) msgCreatePlanFactory() simsx.SimMsgFactoryFn[*adjtypes.MsgCreatePlan] {
	return func(ctx context.Context, data *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *adjtypes.MsgCreatePlan) {
		m, signer := c.anyMember(ctx, data, reporter, membershiptypes.MEMBER_KIND_INSURER)
		if reporter.IsSkipped() {
			return nil, nil
		}
		return []simsx.SimAccount{signer}, &adjtypes.MsgCreatePlan{
			Insurer: signer.AddressBech32, PlanId: fmt.Sprintf("SIM-%d-%d", m.Id, data.Rand().Intn(1_000_000_000)),
			Name: "Sim gold", EffectiveDate: "2025-01-01", Terms: c.goldTerms,
		}
	}
}

// simGoldTerms are examples/plans/gold.json.
func simGoldTerms(a *app.App) adjtypes.PlanTerms {
	raw, err := os.ReadFile(filepath.Join("..", "examples", "plans", "gold.json"))
	if err != nil {
		panic(err)
	}
	var terms adjtypes.PlanTerms
	a.AppCodec().MustUnmarshalJSON(raw, &terms)
	return terms
}

// msgEnrollMemberFactory: an insurer with a plan enrols a fresh pseudonym,
// with a simulation account as the member's account half of the time.
func (c *simConsortium) msgEnrollMemberFactory() simsx.SimMsgFactoryFn[*adjtypes.MsgEnrollMember] {
	return func(ctx context.Context, data *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *adjtypes.MsgEnrollMember) {
		var plans []adjtypes.Plan
		if err := c.a.AdjudicationKeeper.Plans.Walk(ctx, nil, func(_ string, p adjtypes.Plan) (bool, error) {
			plans = append(plans, p)
			return false, nil
		}); err != nil {
			panic(err)
		}
		if len(plans) == 0 {
			reporter.Skip("no plan yet")
			return nil, nil
		}
		r := data.Rand()
		plan := plans[r.Intn(len(plans))]
		ins, err := c.a.MembershipKeeper.GetMember(ctx, plan.InsurerId)
		if err != nil || ins.Status != membershiptypes.MEMBER_STATUS_ACTIVE || !data.HasAccount(ins.Operator) {
			reporter.Skip("plan's insurer cannot sign")
			return nil, nil
		}
		signer := data.GetAccount(reporter, ins.Operator)
		msg := &adjtypes.MsgEnrollMember{Insurer: ins.Operator, Member: simPseudonym(r), PlanId: plan.Id,
			StartDate: "2025-01-01", Sex: adjtypes.Sex(1 + r.Intn(2)), BirthYear: uint32(1940 + r.Intn(80))}
		if r.Intn(2) == 0 {
			msg.MemberAccount = data.AnyAccount(reporter).AddressBech32
		}
		return []simsx.SimAccount{signer}, msg
	}
}

func simPseudonym(r *simsx.XRand) string {
	b := make([]byte, 32)
	for i := range b {
		b[i] = byte(r.Intn(256))
	}
	return hex.EncodeToString(b)
}

// msgFundEscrowFactory: an insurer moves part of its usd into escrow.
func (c *simConsortium) msgFundEscrowFactory() simsx.SimMsgFactoryFn[*settlementtypes.MsgFundEscrow] {
	return func(ctx context.Context, data *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *settlementtypes.MsgFundEscrow) {
		_, signer := c.anyMember(ctx, data, reporter, membershiptypes.MEMBER_KIND_INSURER)
		if reporter.IsSkipped() {
			return nil, nil
		}
		held := c.a.BankKeeper.GetBalance(ctx, signer.Address, simUSD).Amount
		if !held.IsPositive() {
			reporter.Skip("no usd")
			return nil, nil
		}
		amt := data.Rand().Amount(held.QuoRaw(20).AddRaw(1))
		if !amt.IsPositive() {
			amt = math.OneInt()
		}
		return []simsx.SimAccount{signer}, &settlementtypes.MsgFundEscrow{Insurer: signer.AddressBech32, Amount: sdk.NewCoin(simUSD, amt)}
	}
}

// msgAttestTreatmentFactory: a provider attests one to three services, for an
// enrolled member (with its insurer) most of the time, else for a pseudonym
// nobody enrolled (with any insurer): claims for it are denied, not refused.
func (c *simConsortium) msgAttestTreatmentFactory() simsx.SimMsgFactoryFn[*attestationtypes.MsgAttestTreatment] {
	return func(ctx context.Context, data *simsx.ChainDataSource, reporter simsx.SimulationReporter) ([]simsx.SimAccount, *attestationtypes.MsgAttestTreatment) {
		prov, signer := c.anyMember(ctx, data, reporter, membershiptypes.MEMBER_KIND_PROVIDER)
		if reporter.IsSkipped() {
			return nil, nil
		}
		r := data.Rand()
		insurers := c.members(ctx, membershiptypes.MEMBER_KIND_INSURER)
		if len(insurers) == 0 {
			reporter.Skip("no insurer")
			return nil, nil
		}
		member, insurer := simPseudonym(r), insurers[r.Intn(len(insurers))].Id
		var covered []adjtypes.Coverage
		if err := c.a.AdjudicationKeeper.Coverages.Walk(ctx, nil, func(_ string, cv adjtypes.Coverage) (bool, error) {
			covered = append(covered, cv)
			return false, nil
		}); err != nil {
			panic(err)
		}
		if len(covered) > 0 && r.Intn(5) != 0 {
			cv := covered[r.Intn(len(covered))]
			member, insurer = cv.Member, cv.InsurerId
		}
		date := sdk.UnwrapSDKContext(ctx).BlockTime().UTC().AddDate(0, 0, -1-r.Intn(150)).Format(attestationtypes.DateLayout)
		msg := &attestationtypes.MsgAttestTreatment{
			Provider: signer.AddressBech32, InsurerId: insurer, Member: member, EncounterDate: date, PlaceOfService: "11",
			DiagnosisCodes: simDiagnoses[r.Intn(len(simDiagnoses))], RecordHash: apptest.AgreementHash(simPseudonym(r)),
		}
		for i := range 1 + r.Intn(3) {
			s := simServices[r.Intn(len(simServices))]
			msg.Lines = append(msg.Lines, attestationtypes.ServiceLine{Sequence: uint32(i + 1), Code: s.code, Units: s.units,
				ServiceDate: date, RenderingNpi: prov.Npi})
		}
		return []simsx.SimAccount{signer}, msg
	}
}

// msgSubmitClaimFactory bills every line of one of the latest attestations of
// a provider that attested something. Billing lines a claim already holds, or a superseded
// attestation, is refused by design: the delivery handler expects exactly
// those refusals (the negative cases) and fails on any other error.
func (c *simConsortium) msgSubmitClaimFactory() simsx.SimMsgFactoryX {
	return simsx.NewSimMsgFactoryWithDeliveryResultHandler(func(ctx context.Context, data *simsx.ChainDataSource,
		reporter simsx.SimulationReporter,
	) ([]simsx.SimAccount, *claimstypes.MsgSubmitClaim, simsx.SimDeliveryResultHandler) {
		// A provider that attested something (x/attestation counts each one's attestations).
		var attesters []uint64
		if err := c.a.AttestationKeeper.ProviderSeqs.Walk(ctx, nil, func(provider, _ uint64) (bool, error) {
			attesters = append(attesters, provider)
			return false, nil
		}); err != nil {
			panic(err)
		}
		if len(attesters) == 0 {
			reporter.Skip("nothing attested yet")
			return nil, nil, nil
		}
		prov, err := c.a.MembershipKeeper.GetMember(ctx, attesters[data.Rand().Intn(len(attesters))])
		if err != nil || prov.Status != membershiptypes.MEMBER_STATUS_ACTIVE || !data.HasAccount(prov.Operator) {
			reporter.Skip("the provider cannot sign")
			return nil, nil, nil
		}
		signer := data.GetAccount(reporter, prov.Operator)
		var recent []attestationtypes.Attestation
		rng := collections.NewPrefixedPairRange[uint64, uint64](prov.Id).Descending()
		if err := c.a.AttestationKeeper.Attestations.Walk(ctx, rng, func(_ attestationkeeper.AttestationKey, a attestationtypes.Attestation) (bool, error) {
			recent = append(recent, a)
			return len(recent) == 8, nil
		}); err != nil {
			panic(err)
		}
		if len(recent) == 0 {
			reporter.Skip("the provider attested nothing yet")
			return nil, nil, nil
		}
		att := recent[data.Rand().Intn(len(recent))]
		msg := &claimstypes.MsgSubmitClaim{Provider: signer.AddressBech32, InsurerId: att.InsurerId, Use: claimstypes.CLAIM_USE_CLAIM,
			Member: att.Member, DiagnosisCodes: att.DiagnosisCodes}
		for _, l := range att.Lines {
			msg.Lines = append(msg.Lines, claimstypes.SubmittedLine{AttestationId: att.Id, AttestationLine: l.Sequence, Code: l.Code,
				Units: l.Units, ServiceDate: l.ServiceDate, Billed: sdk.NewInt64Coin(simUSD, simPrice(l.Code)*int64(l.Units))})
		}
		return []simsx.SimAccount{signer}, msg, simSubmitClaimResults
	})
}

// simSubmitClaimResults accepts the refusals a random biller provokes.
func simSubmitClaimResults(err error) error {
	if err == nil || errors.Is(err, claimstypes.ErrAlreadyBilled) || errors.Is(err, claimstypes.ErrAttestationSuperseded) {
		return nil
	}
	return err
}

// simFeeOnlyBalances shows the simulation only fee tokens as spendable: simsx
// pays fees in a random spendable denom, and claimchain takes fees only in
// FeeDenom (insurers' usd is for escrow, not fees).
type simFeeOnlyBalances struct{ bank bankkeeper.BaseKeeper }

func (b simFeeOnlyBalances) SpendableCoins(ctx context.Context, addr sdk.AccAddress) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(app.FeeDenom, b.bank.SpendableCoins(ctx, addr).AmountOf(app.FeeDenom)))
}

func (b simFeeOnlyBalances) IsSendEnabledDenom(ctx context.Context, denom string) bool {
	return b.bank.IsSendEnabledDenom(ctx, denom)
}

func simSDKStateFactory(a *simSDKApp) simsx.SimStateFactory {
	return simsx.SimStateFactory{
		Codec:         a.AppCodec(),
		AppStateFn:    simtestutil.AppStateFn(a.AppCodec(), a.sm, a.DefaultGenesis()),
		BlockedAddr:   app.BlockedAddresses(),
		AccountSource: a.AccountKeeper,
		BalanceSource: simFeeOnlyBalances{a.BankKeeper},
	}
}

func TestSimSDKAppStateDeterminism(t *testing.T) {
	cfg := simConfigFromEnv(t)
	seeds, runs, blocks, blockSize := cfg.sdkSeeds, cfg.runs, cfg.sdkBlocks, cfg.sdkOps
	simcli.FlagSigverifyTxValue = true // verify signatures like a node
	start := time.Now()
	for _, seed := range seeds {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			began := time.Now()
			var hashes [][]byte
			var heights []int64
			var exportNote string
			for run := range runs {
				simCfg := simtypes.Config{
					ChainID: apptest.ChainID, Seed: seed, InitialBlockHeight: 1, NumBlocks: blocks, BlockSize: blockSize,
					GenesisTime: apptest.GenesisTime.Unix(), Commit: true, DBBackend: "memdb",
				}
				simsx.RunWithSeed(t, simCfg, newSimSDKApp, simSDKStateFactory, seed, nil,
					func(tb testing.TB, ti simsx.TestInstance[*simSDKApp], _ []simtypes.Account) {
						hashes = append(hashes, ti.App.LastCommitID().Hash)
						heights = append(heights, ti.App.LastBlockHeight())
						if run == 0 {
							exportNote = simSDKExportImport(tb, ti.App.App, seed)
						}
					})
			}
			for i := range hashes[1:] {
				require.Equal(t, heights[0], heights[i+1], "run %d height", i+2)
				require.Equal(t, hashes[0], hashes[i+1], "run %d ends with another app hash than run 1", i+2)
			}
			t.Logf("seed %d: %d runs x %d blocks of up to %d operations agree; app hash %X at height %d; %s (%s)",
				seed, runs, blocks, blockSize, hashes[0], heights[0], exportNote, time.Since(began).Round(time.Millisecond))
		})
	}
	t.Logf("%d seeds in %s", len(seeds), time.Since(start).Round(time.Millisecond))
}

// simSDKExportImport runs the export and import checks of sim_test.go on the
// state the SDK simulation left (random validators, some jailed or
// tombstoned by the simulated CometBFT, feegrant and authz grants...): one
// quiet block distributes the fees of the last simulated block, then
// simRequireExportImport. It returns a summary for the log.
func simSDKExportImport(t testing.TB, a *app.App, seed int64) string {
	t.Helper()
	last := a.NewContext(true).BlockHeader()
	r := &simRun{t: t, a: a, wl: newSimWorkload(a, &simWorld{}, seed), height: a.LastBlockHeight() + 1,
		time: last.Time.Add(5 * time.Second)}
	r.quiet()
	ctx := a.NewContext(true)
	vals, err := a.StakingKeeper.GetAllValidators(ctx)
	require.NoError(t, err)
	jailed := 0
	for _, v := range vals {
		if v.Jailed {
			jailed++
		}
	}
	members := 0
	require.NoError(t, a.MembershipKeeper.Members.Walk(ctx, nil, func(uint64, membershiptypes.Member) (bool, error) {
		members++
		return false, nil
	}))
	var atts, claims, escrows, coverages int
	require.NoError(t, a.AttestationKeeper.Attestations.Walk(ctx, nil, func(attestationkeeper.AttestationKey, attestationtypes.Attestation) (bool, error) {
		atts++
		return false, nil
	}))
	require.NoError(t, a.ClaimsKeeper.Claims.Walk(ctx, nil, func(claimskeeper.ClaimKey, claimstypes.Claim) (bool, error) {
		claims++
		return false, nil
	}))
	require.NoError(t, a.SettlementKeeper.Escrows.Walk(ctx, nil, func(collections.Pair[uint64, string], settlementtypes.Escrow) (bool, error) {
		escrows++
		return false, nil
	}))
	require.NoError(t, a.AdjudicationKeeper.Coverages.Walk(ctx, nil, func(string, adjtypes.Coverage) (bool, error) {
		coverages++
		return false, nil
	}))
	// claimchain's factories did real work, not only skips and expected refusals.
	require.Positive(t, atts, "attestations")
	require.Positive(t, claims, "claims")
	require.Positive(t, escrows, "escrows")

	imports, exported := simRequireExportImport(t, r, seed)
	return fmt.Sprintf("%d members, %d validators (%d jailed), %d coverages, %d attestations, %d claims, %d escrows; "+
		"exported at height %d (%d bytes) and imported twice (app hash %X)",
		members, len(vals), jailed, coverages, atts, claims, escrows, exported.Height, len(exported.AppState), imports[0].appHashes[0])
}
