// Package app wires the claimchain application explicitly, keeper by keeper.
package app

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cast"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	reflectionv1 "cosmossdk.io/api/cosmos/reflection/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/core/appmodule"
	"cosmossdk.io/log/v2"

	abci "github.com/cometbft/cometbft/abci/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/baseapp/blockexec"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	nodeservice "github.com/cosmos/cosmos-sdk/client/grpc/node"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	runtimeservices "github.com/cosmos/cosmos-sdk/runtime/services"
	"github.com/cosmos/cosmos-sdk/server"
	"github.com/cosmos/cosmos-sdk/server/api"
	"github.com/cosmos/cosmos-sdk/server/config"
	servertypes "github.com/cosmos/cosmos-sdk/server/types"
	"github.com/cosmos/cosmos-sdk/std"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	"github.com/cosmos/cosmos-sdk/version"
	"github.com/cosmos/cosmos-sdk/x/auth"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	"github.com/cosmos/cosmos-sdk/x/authz"
	authzkeeper "github.com/cosmos/cosmos-sdk/x/authz/keeper"
	authzmodule "github.com/cosmos/cosmos-sdk/x/authz/module"
	"github.com/cosmos/cosmos-sdk/x/bank"
	bankkeeper "github.com/cosmos/cosmos-sdk/x/bank/keeper"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/consensus"
	consensuskeeper "github.com/cosmos/cosmos-sdk/x/consensus/keeper"
	consensustypes "github.com/cosmos/cosmos-sdk/x/consensus/types"
	distr "github.com/cosmos/cosmos-sdk/x/distribution"
	distrkeeper "github.com/cosmos/cosmos-sdk/x/distribution/keeper"
	distrtypes "github.com/cosmos/cosmos-sdk/x/distribution/types"
	"github.com/cosmos/cosmos-sdk/x/evidence"
	evidencekeeper "github.com/cosmos/cosmos-sdk/x/evidence/keeper"
	evidencetypes "github.com/cosmos/cosmos-sdk/x/evidence/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"
	feegrantmodule "github.com/cosmos/cosmos-sdk/x/feegrant/module"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"
	"github.com/cosmos/cosmos-sdk/x/gov"
	govclient "github.com/cosmos/cosmos-sdk/x/gov/client"
	govkeeper "github.com/cosmos/cosmos-sdk/x/gov/keeper"
	govtypes "github.com/cosmos/cosmos-sdk/x/gov/types"
	"github.com/cosmos/cosmos-sdk/x/slashing"
	slashingkeeper "github.com/cosmos/cosmos-sdk/x/slashing/keeper"
	slashingtypes "github.com/cosmos/cosmos-sdk/x/slashing/types"
	"github.com/cosmos/cosmos-sdk/x/staking"
	stakingkeeper "github.com/cosmos/cosmos-sdk/x/staking/keeper"
	stakingtypes "github.com/cosmos/cosmos-sdk/x/staking/types"
	"github.com/cosmos/cosmos-sdk/x/tx/signing"
	"github.com/cosmos/cosmos-sdk/x/upgrade"
	upgradekeeper "github.com/cosmos/cosmos-sdk/x/upgrade/keeper"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/claimchain/claimchain/x/adjudication"
	adjudicationkeeper "github.com/claimchain/claimchain/x/adjudication/keeper"
	adjudicationtypes "github.com/claimchain/claimchain/x/adjudication/types"
	"github.com/claimchain/claimchain/x/attestation"
	attestationkeeper "github.com/claimchain/claimchain/x/attestation/keeper"
	attestationtypes "github.com/claimchain/claimchain/x/attestation/types"
	"github.com/claimchain/claimchain/x/claims"
	claimskeeper "github.com/claimchain/claimchain/x/claims/keeper"
	claimstypes "github.com/claimchain/claimchain/x/claims/types"
	"github.com/claimchain/claimchain/x/integrity"
	integritykeeper "github.com/claimchain/claimchain/x/integrity/keeper"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	"github.com/claimchain/claimchain/x/membership"
	membershipkeeper "github.com/claimchain/claimchain/x/membership/keeper"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	"github.com/claimchain/claimchain/x/refdata"
	refdatakeeper "github.com/claimchain/claimchain/x/refdata/keeper"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
	"github.com/claimchain/claimchain/x/settlement"
	settlementkeeper "github.com/claimchain/claimchain/x/settlement/keeper"
	settlementtypes "github.com/claimchain/claimchain/x/settlement/types"
)

// DefaultNodeHome is where claimchaind keeps its config and data by default.
var DefaultNodeHome = os.ExpandEnv("$HOME/.claimchain")

// moduleAccountPermissions lists the module accounts and what each may do.
// There is no mint module: the only minter is x/membership (validator bonds).
var moduleAccountPermissions = map[string][]string{
	authtypes.FeeCollectorName:     nil,
	distrtypes.ModuleName:          nil,
	stakingtypes.BondedPoolName:    {authtypes.Burner, authtypes.Staking},
	stakingtypes.NotBondedPoolName: {authtypes.Burner, authtypes.Staking},
	govtypes.ModuleName:            {authtypes.Burner},
	membershiptypes.ModuleName:     {authtypes.Minter, authtypes.Burner},
	settlementtypes.ModuleName:     nil, // holds insurers' escrow
}

var _ servertypes.Application = (*App)(nil)

// App is the claimchain application.
type App struct {
	*baseapp.BaseApp

	legacyAmino       *codec.LegacyAmino
	appCodec          codec.Codec
	txConfig          client.TxConfig
	interfaceRegistry codectypes.InterfaceRegistry
	keys              map[string]*storetypes.KVStoreKey

	AccountKeeper    authkeeper.AccountKeeper
	BankKeeper       bankkeeper.BaseKeeper
	StakingKeeper    *stakingkeeper.Keeper
	SlashingKeeper   slashingkeeper.Keeper
	DistrKeeper      distrkeeper.Keeper
	GovKeeper        govkeeper.Keeper
	UpgradeKeeper    *upgradekeeper.Keeper
	EvidenceKeeper   evidencekeeper.Keeper
	ConsensusKeeper  consensuskeeper.Keeper
	AuthzKeeper      authzkeeper.Keeper
	FeeGrantKeeper   feegrantkeeper.Keeper
	MembershipKeeper *membershipkeeper.Keeper

	AttestationKeeper  *attestationkeeper.Keeper
	ClaimsKeeper       *claimskeeper.Keeper
	AdjudicationKeeper *adjudicationkeeper.Keeper
	SettlementKeeper   *settlementkeeper.Keeper
	RefdataKeeper      *refdatakeeper.Keeper
	IntegrityKeeper    *integritykeeper.Keeper

	ModuleManager      *module.Manager
	BasicModuleManager module.BasicManager
	configurator       module.Configurator
}

// New builds the application.
func New(logger log.Logger, db dbm.DB, loadLatest bool, appOpts servertypes.AppOptions,
	baseAppOptions ...func(*baseapp.BaseApp),
) *App {
	interfaceRegistry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles: proto.HybridResolver,
		SigningOptions: signing.Options{
			AddressCodec:          address.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
			ValidatorAddressCodec: address.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		},
	})
	if err != nil {
		panic(err)
	}
	appCodec := codec.NewProtoCodec(interfaceRegistry)
	legacyAmino := codec.NewLegacyAmino()
	txConfig := authtx.NewTxConfig(appCodec, authtx.DefaultSignModes)
	if err := interfaceRegistry.SigningContext().Validate(); err != nil {
		panic(err)
	}
	std.RegisterLegacyAminoCodec(legacyAmino)
	std.RegisterInterfaces(interfaceRegistry)

	bApp := baseapp.NewBaseApp(AppName, logger, db, txConfig.TxDecoder(), baseAppOptions...)
	bApp.SetVersion(version.Version)
	bApp.SetInterfaceRegistry(interfaceRegistry)
	bApp.SetTxEncoder(txConfig.TxEncoder())

	keys := storetypes.NewKVStoreKeys(
		authtypes.StoreKey, banktypes.StoreKey, stakingtypes.StoreKey, slashingtypes.StoreKey,
		distrtypes.StoreKey, govtypes.StoreKey, upgradetypes.StoreKey, evidencetypes.StoreKey,
		consensustypes.StoreKey, authzkeeper.StoreKey, feegrant.StoreKey, membershiptypes.StoreKey,
		attestationtypes.StoreKey,
		claimstypes.StoreKey,
		adjudicationtypes.StoreKey,
		settlementtypes.StoreKey,
		refdatatypes.StoreKey,
		integritytypes.StoreKey,
	)
	// Bank's object store holds fees sent to the fee collector during a block
	// (virtual sends, credited at bank's EndBlock), so that txs do not all
	// write the fee collector's balance (ante.go: virtualFees).
	objKeys := storetypes.NewObjectStoreKeys(banktypes.ObjectStoreKey)
	if err := bApp.RegisterStreamingServices(appOpts, keys); err != nil {
		panic(err)
	}

	app := &App{
		BaseApp:           bApp,
		legacyAmino:       legacyAmino,
		appCodec:          appCodec,
		txConfig:          txConfig,
		interfaceRegistry: interfaceRegistry,
		keys:              keys,
	}
	govAuthority := authtypes.NewModuleAddress(govtypes.ModuleName).String()
	accCodec := address.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix())
	valCodec := address.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix())
	consCodec := address.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix())

	app.ConsensusKeeper = consensuskeeper.NewKeeper(appCodec,
		runtime.NewKVStoreService(keys[consensustypes.StoreKey]), govAuthority, runtime.EventService{})
	bApp.SetParamStore(app.ConsensusKeeper.ParamsStore)

	app.AccountKeeper = authkeeper.NewAccountKeeper(appCodec, runtime.NewKVStoreService(keys[authtypes.StoreKey]),
		authtypes.ProtoBaseAccount, moduleAccountPermissions, accCodec, Bech32Prefix, govAuthority)
	app.BankKeeper = bankkeeper.NewBaseKeeper(appCodec, runtime.NewKVStoreService(keys[banktypes.StoreKey]),
		app.AccountKeeper, BlockedAddresses(), govAuthority, logger).WithObjStoreKey(objKeys[banktypes.ObjectStoreKey])
	app.StakingKeeper = stakingkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[stakingtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, govAuthority, valCodec, consCodec)
	app.DistrKeeper = distrkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[distrtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, app.StakingKeeper, authtypes.FeeCollectorName, govAuthority)
	app.SlashingKeeper = slashingkeeper.NewKeeper(appCodec, legacyAmino,
		runtime.NewKVStoreService(keys[slashingtypes.StoreKey]), app.StakingKeeper, govAuthority)
	app.FeeGrantKeeper = feegrantkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[feegrant.StoreKey]),
		app.AccountKeeper)
	app.MembershipKeeper = membershipkeeper.NewKeeper(appCodec,
		runtime.NewKVStoreService(keys[membershiptypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, app.StakingKeeper, app.SlashingKeeper, govAuthority)
	app.AttestationKeeper = attestationkeeper.NewKeeper(appCodec,
		runtime.NewKVStoreService(keys[attestationtypes.StoreKey]), app.MembershipKeeper)
	app.ClaimsKeeper = claimskeeper.NewKeeper(appCodec,
		runtime.NewKVStoreService(keys[claimstypes.StoreKey]), app.MembershipKeeper, app.AttestationKeeper)
	// Reference tables before adjudication: the coding edits look rows up in them.
	app.RefdataKeeper = refdatakeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[refdatatypes.StoreKey]), govAuthority)
	app.AdjudicationKeeper = adjudicationkeeper.NewKeeper(appCodec,
		runtime.NewKVStoreService(keys[adjudicationtypes.StoreKey]), app.MembershipKeeper, app.RefdataKeeper)
	// The account enrolled with a member's coverage confirms or disputes care about them.
	app.AttestationKeeper.SetCoverageKeeper(app.AdjudicationKeeper)
	// Every claim is adjudicated in the tx that submits it.
	app.ClaimsKeeper.SetAdjudicator(app.AdjudicationKeeper)
	app.SettlementKeeper = settlementkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[settlementtypes.StoreKey]),
		govAuthority, app.MembershipKeeper, app.BankKeeper, app.AdjudicationKeeper)
	// Adjudicated claims are paid after the insurer's hold period.
	app.ClaimsKeeper.SetSettler(app.SettlementKeeper)
	// Payment integrity: fraud flags on adjudicated claims (typical-minutes and
	// E/M tables from refdata, decisions for the provider statistics).
	app.IntegrityKeeper = integritykeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[integritytypes.StoreKey]),
		app.MembershipKeeper, app.RefdataKeeper, app.AdjudicationKeeper)
	app.ClaimsKeeper.SetIntegrity(app.IntegrityKeeper)
	// A member's dispute of an attestation flags and pends the claims billing it.
	app.AttestationKeeper.SetHooks(app.ClaimsKeeper)

	// Membership's hooks come first: a refused validator or delegation aborts
	// before distribution or slashing record anything.
	app.StakingKeeper.SetHooks(stakingtypes.NewMultiStakingHooks(
		app.MembershipKeeper.Hooks(), app.DistrKeeper.Hooks(), app.SlashingKeeper.Hooks(),
	))

	app.AuthzKeeper = authzkeeper.NewKeeper(runtime.NewKVStoreService(keys[authzkeeper.StoreKey]), appCodec,
		app.MsgServiceRouter(), app.AccountKeeper).SetBankKeeper(app.BankKeeper) // MsgGrant may create the grantee's account

	homePath := cast.ToString(appOpts.Get(flags.FlagHome))
	skipUpgradeHeights := map[int64]bool{}
	for _, h := range cast.ToIntSlice(appOpts.Get(server.FlagUnsafeSkipUpgrades)) {
		skipUpgradeHeights[int64(h)] = true
	}
	app.UpgradeKeeper = upgradekeeper.NewKeeper(skipUpgradeHeights,
		runtime.NewKVStoreService(keys[upgradetypes.StoreKey]), appCodec, homePath, app.BaseApp, govAuthority)

	govConfig := govtypes.DefaultConfig()
	govKeeper := govkeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[govtypes.StoreKey]),
		app.AccountKeeper, app.BankKeeper, app.DistrKeeper, app.MsgServiceRouter(), govConfig, govAuthority,
		govkeeper.NewDefaultCalculateVoteResultsAndVotingPower(app.StakingKeeper))
	app.GovKeeper = *govKeeper.SetHooks(govtypes.NewMultiGovHooks())

	evidenceKeeper := evidencekeeper.NewKeeper(appCodec, runtime.NewKVStoreService(keys[evidencetypes.StoreKey]),
		app.StakingKeeper, app.SlashingKeeper, accCodec, runtime.ProvideCometInfoService())
	app.EvidenceKeeper = *evidenceKeeper

	app.ModuleManager = module.NewManager(
		genutil.NewAppModule(app.AccountKeeper, app.StakingKeeper, app, txConfig),
		auth.NewAppModule(appCodec, app.AccountKeeper, nil, nil),
		bank.NewAppModule(appCodec, app.BankKeeper, app.AccountKeeper, nil),
		membership.NewAppModule(app.MembershipKeeper),
		attestation.NewAppModule(app.AttestationKeeper),
		claims.NewAppModule(app.ClaimsKeeper),
		adjudication.NewAppModule(app.AdjudicationKeeper, app.ClaimsKeeper),
		settlement.NewAppModule(app.SettlementKeeper),
		refdata.NewAppModule(app.RefdataKeeper),
		integrity.NewAppModule(app.IntegrityKeeper),
		staking.NewAppModule(appCodec, app.StakingKeeper, app.AccountKeeper, app.BankKeeper, nil),
		slashing.NewAppModule(appCodec, app.SlashingKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil, interfaceRegistry),
		distr.NewAppModule(appCodec, app.DistrKeeper, app.AccountKeeper, app.BankKeeper, app.StakingKeeper, nil),
		gov.NewAppModule(appCodec, &app.GovKeeper, app.AccountKeeper, app.BankKeeper, nil),
		upgrade.NewAppModule(app.UpgradeKeeper, accCodec),
		evidence.NewAppModule(app.EvidenceKeeper),
		consensus.NewAppModule(appCodec, app.ConsensusKeeper),
		authzmodule.NewAppModule(appCodec, app.AuthzKeeper, app.AccountKeeper, app.BankKeeper, interfaceRegistry),
		feegrantmodule.NewAppModule(appCodec, app.AccountKeeper, app.BankKeeper, app.FeeGrantKeeper, interfaceRegistry),
	)
	app.BasicModuleManager = module.NewBasicManagerFromManager(app.ModuleManager,
		map[string]module.AppModuleBasic{
			genutiltypes.ModuleName: genutil.NewAppModuleBasic(genutiltypes.DefaultMessageValidator),
			govtypes.ModuleName:     gov.NewAppModuleBasic([]govclient.ProposalHandler{}),
		})
	app.BasicModuleManager.RegisterLegacyAminoCodec(legacyAmino)
	app.BasicModuleManager.RegisterInterfaces(interfaceRegistry)

	app.ModuleManager.SetOrderPreBlockers(upgradetypes.ModuleName, authtypes.ModuleName)
	app.ModuleManager.SetOrderBeginBlockers(distrtypes.ModuleName, slashingtypes.ModuleName,
		evidencetypes.ModuleName, stakingtypes.ModuleName, authz.ModuleName)
	// bank first (v0.54); gov executes proposals before staking applies the
	// validator set; membership burns matured bonds after staking returns them;
	// integrity folds the block's peer E/M counts for the next block's claims.
	app.ModuleManager.SetOrderEndBlockers(banktypes.ModuleName, govtypes.ModuleName, stakingtypes.ModuleName,
		membershiptypes.ModuleName, integritytypes.ModuleName, settlementtypes.ModuleName, feegrant.ModuleName)
	// membership before staking and genutil: founding members must exist when
	// genesis validators and gentxs pass the staking hooks.
	genesisOrder := []string{
		authtypes.ModuleName, banktypes.ModuleName, membershiptypes.ModuleName, refdatatypes.ModuleName, attestationtypes.ModuleName,
		claimstypes.ModuleName, adjudicationtypes.ModuleName, settlementtypes.ModuleName, integritytypes.ModuleName,
		distrtypes.ModuleName, stakingtypes.ModuleName, slashingtypes.ModuleName, govtypes.ModuleName,
		evidencetypes.ModuleName, authz.ModuleName, feegrant.ModuleName, upgradetypes.ModuleName,
		consensustypes.ModuleName, genutiltypes.ModuleName,
	}
	app.ModuleManager.SetOrderInitGenesis(genesisOrder...)
	app.ModuleManager.SetOrderExportGenesis(genesisOrder...)

	app.configurator = module.NewConfigurator(appCodec, app.MsgServiceRouter(), app.GRPCQueryRouter())
	if err := app.ModuleManager.RegisterServices(app.configurator); err != nil {
		panic(err)
	}
	autocliv1.RegisterQueryServer(app.GRPCQueryRouter(), runtimeservices.NewAutoCLIQueryService(app.ModuleManager.Modules))
	reflectionSvc, err := runtimeservices.NewReflectionService()
	if err != nil {
		panic(err)
	}
	reflectionv1.RegisterReflectionServiceServer(app.GRPCQueryRouter(), reflectionSvc)

	app.MountKVStores(keys)
	app.MountObjectStores(objKeys)
	app.SetInitChainer(app.InitChainer)
	app.SetPreBlocker(app.PreBlocker)
	app.SetBeginBlocker(app.BeginBlocker)
	app.SetEndBlocker(app.EndBlocker)
	app.setAnteHandler(txConfig)

	// The block-executor setting in app.toml (sequential by default, or block-stm).
	storeKeys := make([]storetypes.StoreKey, 0, len(keys))
	for _, name := range sortedKeys(keys) {
		storeKeys = append(storeKeys, keys[name])
	}
	for _, name := range sortedKeys(objKeys) {
		storeKeys = append(storeKeys, objKeys[name])
	}
	blockexec.Apply(bApp, appOpts, storeKeys, txConfig.TxDecoder(),
		func(storetypes.MultiStore) string { return FeeDenom })

	if loadLatest {
		if err := app.LoadLatestVersion(); err != nil {
			panic(fmt.Errorf("error loading last version: %w", err))
		}
	}
	return app
}

func (app *App) setAnteHandler(txConfig client.TxConfig) {
	anteHandler, err := ante.NewAnteHandler(ante.HandlerOptions{
		AccountKeeper:   app.AccountKeeper,
		BankKeeper:      virtualFees{app.BankKeeper},
		FeegrantKeeper:  app.FeeGrantKeeper,
		SignModeHandler: txConfig.SignModeHandler(),
		SigGasConsumer:  ante.DefaultSigVerificationGasConsumer,
	})
	if err != nil {
		panic(err)
	}
	app.SetAnteHandler(prepend(anteHandler, TxSizeDecorator{}, NestedMsgsDecorator{}, FeeDenomDecorator{}))
}

// Name returns the app name.
func (app *App) Name() string { return app.BaseApp.Name() }

// LegacyAmino returns the amino codec.
func (app *App) LegacyAmino() *codec.LegacyAmino { return app.legacyAmino }

// AppCodec returns the proto codec.
func (app *App) AppCodec() codec.Codec { return app.appCodec }

// InterfaceRegistry returns the interface registry.
func (app *App) InterfaceRegistry() codectypes.InterfaceRegistry { return app.interfaceRegistry }

// TxConfig returns the tx config.
func (app *App) TxConfig() client.TxConfig { return app.txConfig }

// GetKey returns a store key (tests).
func (app *App) GetKey(name string) *storetypes.KVStoreKey { return app.keys[name] }

// PreBlocker runs the pre-blockers (upgrades).
func (app *App) PreBlocker(ctx sdk.Context, _ *abci.RequestFinalizeBlock) (*sdk.ResponsePreBlock, error) {
	return app.ModuleManager.PreBlock(ctx)
}

// BeginBlocker runs the begin-blockers.
func (app *App) BeginBlocker(ctx sdk.Context) (sdk.BeginBlock, error) {
	return app.ModuleManager.BeginBlock(ctx)
}

// EndBlocker runs the end-blockers.
func (app *App) EndBlocker(ctx sdk.Context) (sdk.EndBlock, error) {
	return app.ModuleManager.EndBlock(ctx)
}

// InitChainer initialises every module from genesis.
func (app *App) InitChainer(ctx sdk.Context, req *abci.RequestInitChain) (*abci.ResponseInitChain, error) {
	var genesisState map[string]json.RawMessage
	if err := json.Unmarshal(req.AppStateBytes, &genesisState); err != nil {
		return nil, err
	}
	if err := app.UpgradeKeeper.SetModuleVersionMap(ctx, app.ModuleManager.GetVersionMap()); err != nil {
		return nil, err
	}
	res, err := app.ModuleManager.InitGenesis(ctx, app.appCodec, genesisState)
	if err != nil {
		return nil, err
	}
	// x/staking skips its hooks for an exported genesis; check the consortium
	// rules on whatever validator set it imported.
	if err := app.MembershipKeeper.CheckGenesisValidators(ctx, app.StakingKeeper); err != nil {
		return nil, err
	}
	return res, nil
}

// LoadHeight loads a committed height.
func (app *App) LoadHeight(height int64) error { return app.LoadVersion(height) }

// DefaultGenesis is the genesis of every module with claimchain's choices applied.
func (app *App) DefaultGenesis() map[string]json.RawMessage {
	return ConsortiumGenesis(app.appCodec, app.BasicModuleManager.DefaultGenesis(app.appCodec), DefaultGenesisOptions())
}

// RegisterAPIRoutes serves every module's REST routes through the gRPC gateway.
func (app *App) RegisterAPIRoutes(apiSvr *api.Server, apiConfig config.APIConfig) {
	clientCtx := apiSvr.ClientCtx
	authtx.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	cmtservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	nodeservice.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	app.BasicModuleManager.RegisterGRPCGatewayRoutes(clientCtx, apiSvr.GRPCGatewayRouter)
	if err := server.RegisterSwaggerAPI(apiSvr.ClientCtx, apiSvr.Router, apiConfig.Swagger); err != nil {
		panic(err)
	}
}

// RegisterTxService serves the tx gRPC service.
func (app *App) RegisterTxService(clientCtx client.Context) {
	authtx.RegisterTxService(app.GRPCQueryRouter(), clientCtx, app.Simulate, app.interfaceRegistry)
}

// RegisterTendermintService serves the CometBFT gRPC service.
func (app *App) RegisterTendermintService(clientCtx client.Context) {
	cmtApp := server.NewCometABCIWrapper(app)
	cmtservice.RegisterTendermintService(clientCtx, app.GRPCQueryRouter(), app.interfaceRegistry, cmtApp.Query)
}

// RegisterNodeService serves the node gRPC service.
func (app *App) RegisterNodeService(clientCtx client.Context, cfg config.Config) {
	nodeservice.RegisterNodeService(clientCtx, app.GRPCQueryRouter(), cfg, func() int64 {
		return app.CommitMultiStore().EarliestVersion()
	})
}

// AutoCliOpts gives autocli every module's services and options.
func (app *App) AutoCliOpts() autocli.AppOptions {
	modules := make(map[string]appmodule.AppModule)
	for _, m := range app.ModuleManager.Modules {
		if named, ok := m.(module.HasName); ok {
			if am, ok := named.(appmodule.AppModule); ok {
				modules[named.Name()] = am
			}
		}
	}
	return autocli.AppOptions{
		Modules:               modules,
		ModuleOptions:         runtimeservices.ExtractAutoCLIOptions(app.ModuleManager.Modules),
		AddressCodec:          address.NewBech32Codec(sdk.GetConfig().GetBech32AccountAddrPrefix()),
		ValidatorAddressCodec: address.NewBech32Codec(sdk.GetConfig().GetBech32ValidatorAddrPrefix()),
		ConsensusAddressCodec: address.NewBech32Codec(sdk.GetConfig().GetBech32ConsensusAddrPrefix()),
	}
}

// BlockedAddresses are the module accounts that may not receive funds by bank
// sends (gov may: deposits are refunded through it).
func BlockedAddresses() map[string]bool {
	blocked := make(map[string]bool)
	for _, name := range sortedKeys(moduleAccountPermissions) {
		blocked[authtypes.NewModuleAddress(name).String()] = true
	}
	delete(blocked, authtypes.NewModuleAddress(govtypes.ModuleName).String())
	return blocked
}

// ModuleAccountPermissions returns a copy of the module account permissions.
func ModuleAccountPermissions() map[string][]string {
	out := make(map[string][]string, len(moduleAccountPermissions))
	for k, v := range moduleAccountPermissions {
		out[k] = v
	}
	return out
}
