package main

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"cosmossdk.io/math"

	"github.com/cosmos/gogoproto/proto"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/cosmos/cosmos-sdk/x/genutil"
	genutiltypes "github.com/cosmos/cosmos-sdk/x/genutil/types"

	"github.com/claimchain/claimchain/app"
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
	integrityrules "github.com/claimchain/claimchain/x/integrity/rules"
	integritytypes "github.com/claimchain/claimchain/x/integrity/types"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
	refdatatypes "github.com/claimchain/claimchain/x/refdata/types"
)

type genesisOpts struct {
	home      string
	providers int
	senders   int
	members   int
	ptpRows   int
	fixtures  string
	weekly    int
}

func genesisCmd() *cobra.Command {
	var o genesisOpts
	cmd := &cobra.Command{
		Use:   "genesis",
		Short: "add the load's providers, members, plan, reference tables and bank-send accounts to a fresh home's genesis",
		Long: `Edits <home>/config/genesis.json of a home made by 'claimchaind init' (scripts/localnet.sh init)
before the chain starts: provider members with funded operator accounts, bank-send accounts,
the plan ` + loadPlanID + ` of insurer 1 with every load code in its fee schedule, members enrolled
in it, and reference tables: the fixtures in examples/refdata plus synthetic NCCI PTP rows up to
--ptp-rows (CMS's practitioner PTP table has ~475k-675k rows).`,
		RunE: func(cmd *cobra.Command, _ []string) error { return writeGenesis(cmd, o) },
	}
	cmd.Flags().StringVar(&o.home, "home", ".localnet", "node home whose config/genesis.json is edited")
	cmd.Flags().IntVar(&o.providers, "providers", 40, "provider members (one signing account each)")
	cmd.Flags().IntVar(&o.senders, "senders", 40, "bank-send accounts")
	cmd.Flags().IntVar(&o.members, "members", 20000, "members enrolled in the load plan")
	cmd.Flags().IntVar(&o.ptpRows, "ptp-rows", 700000, "NCCI PTP rows in the active table (fixture rows plus synthetic ones)")
	cmd.Flags().StringVar(&o.fixtures, "fixtures", "examples/refdata", "folder of the reference-table fixtures")
	cmd.Flags().IntVar(&o.weekly, "weekly-claims", 10000, "claims each provider had in each of the 4 weeks before (R-FLAG-VOLUME's baseline)")
	return cmd
}

// feeFunds is every load account's fee balance.
var feeFunds = sdk.NewCoins(sdk.NewCoin(app.FeeDenom, math.NewInt(1_000_000_000_000)))

func writeGenesis(cmd *cobra.Command, o genesisOpts) error {
	cdc := newCodecs().cdc
	path := filepath.Join(o.home, "config", "genesis.json")
	state, appGenesis, err := genutiltypes.GenesisStateFromGenFile(path)
	if err != nil {
		return fmt.Errorf("read genesis: %w", err)
	}
	// Coverage, plan and tables start 400 days back, before every service date of the load.
	start := time.Now().UTC().AddDate(0, 0, -400).Format(time.DateOnly)

	var accounts []sdk.AccAddress
	var providerIDs []uint64
	if err := editModule(cdc, state, membershiptypes.ModuleName, &membershiptypes.GenesisState{}, func(gs *membershiptypes.GenesisState) error {
		next := uint64(1)
		for _, m := range gs.Members {
			next = max(next, m.Id+1)
		}
		for p := range o.providers {
			addr := addrOf(providerKey(p))
			accounts = append(accounts, addr)
			providerIDs = append(providerIDs, next+uint64(p))
			name := fmt.Sprintf("Load Clinic %03d", p)
			sum := sha256.Sum256([]byte(name))
			gs.Members = append(gs.Members, membershiptypes.Member{
				Id: next + uint64(p), Kind: membershiptypes.MEMBER_KIND_PROVIDER, Name: name, Npi: providerNPI(p),
				Operator: addr.String(), Status: membershiptypes.MEMBER_STATUS_ACTIVE,
				AgreementHash: membershiptypes.ContentHash{Algorithm: membershiptypes.DIGEST_ALGORITHM_SHA256, Digest: sum[:]},
			})
		}
		return gs.Validate()
	}); err != nil {
		return err
	}
	for s := range o.senders {
		accounts = append(accounts, addrOf(senderKey(s)))
	}
	if err := fundAccounts(cdc, state, accounts); err != nil {
		return err
	}
	if err := editModule(cdc, state, adjtypes.ModuleName, &adjtypes.GenesisState{}, func(gs *adjtypes.GenesisState) error {
		terms, err := loadPlanTerms(cdc, filepath.Join(o.fixtures, "..", "plans", "gold.json"))
		if err != nil {
			return err
		}
		gs.Plans = append(gs.Plans, adjtypes.Plan{Id: loadPlanID, InsurerId: loadInsurer, Name: "Load Gold", Versions: 1})
		gs.PlanVersions = append(gs.PlanVersions, adjtypes.PlanVersion{PlanId: loadPlanID, Version: 1, EffectiveDate: start, Terms: terms})
		for m := range o.members {
			sex := adjtypes.SEX_FEMALE
			if m%2 == 1 {
				sex = adjtypes.SEX_MALE
			}
			gs.Coverages = append(gs.Coverages, adjtypes.Coverage{
				Member: memberPseudonym(m), InsurerId: loadInsurer, PlanId: loadPlanID, StartDate: start,
				Sex: sex, BirthYear: uint32(1950 + m%55),
			})
		}
		return gs.Validate()
	}); err != nil {
		return err
	}
	if err := editModule(cdc, state, integritytypes.ModuleName, &integritytypes.GenesisState{}, func(gs *integritytypes.GenesisState) error {
		gs.WeekCounts = append(gs.WeekCounts, volumeHistory(providerIDs, time.Now().Unix(), uint64(o.weekly))...)
		return gs.Validate()
	}); err != nil {
		return err
	}
	tables, err := loadTables(o.fixtures, o.ptpRows, start)
	if err != nil {
		return err
	}
	if err := editModule(cdc, state, refdatatypes.ModuleName, &refdatatypes.GenesisState{}, func(gs *refdatatypes.GenesisState) error {
		if len(gs.Versions) > 0 {
			return fmt.Errorf("the genesis already has reference tables: start from a fresh home")
		}
		gs.Versions, gs.Rows = tables.versions, tables.rows
		return gs.Validate()
	}); err != nil {
		return err
	}
	appGenesis.AppState, err = json.Marshal(state)
	if err != nil {
		return err
	}
	if err := genutil.ExportGenesisFile(appGenesis, path); err != nil {
		return err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(cmd.OutOrStdout(), "genesis %s: %d providers, %d bank senders, %d members in %s, %s; %.1f MB\n",
		path, o.providers, o.senders, o.members, loadPlanID, tables.summary, float64(fi.Size())/1e6)
	return err
}

// volumeHistory is each provider's claims in the weeks before this one: a
// steady book, so the load's own week is no spike to R-FLAG-VOLUME (a provider
// new to the chain is flagged from its 40th claim of a week).
func volumeHistory(providers []uint64, now int64, perWeek uint64) []integritytypes.WeekCount {
	var out []integritytypes.WeekCount
	if perWeek == 0 {
		return nil
	}
	week := integrityrules.Week(now)
	for _, id := range providers {
		for w := int64(integrityrules.BaselineWeeks); w >= 1; w-- {
			out = append(out, integritytypes.WeekCount{ProviderId: id, Week: week - w, Claims: perWeek})
		}
	}
	return out
}

// editModule decodes one module's genesis into gs, lets edit change it and encodes it back.
func editModule[T proto.Message](cdc codec.Codec, state map[string]json.RawMessage, module string, gs T, edit func(T) error) error {
	if err := cdc.UnmarshalJSON(state[module], gs); err != nil {
		return fmt.Errorf("read %s genesis: %w", module, err)
	}
	if err := edit(gs); err != nil {
		return fmt.Errorf("%s genesis: %w", module, err)
	}
	bz, err := cdc.MarshalJSON(gs)
	if err != nil {
		return err
	}
	state[module] = bz
	return nil
}

// fundAccounts creates the accounts with feeFunds each and raises the supply to match.
func fundAccounts(cdc codec.Codec, state map[string]json.RawMessage, addrs []sdk.AccAddress) error {
	if err := editModule(cdc, state, authtypes.ModuleName, &authtypes.GenesisState{}, func(gs *authtypes.GenesisState) error {
		for _, addr := range addrs {
			acc, err := codectypes.NewAnyWithValue(authtypes.NewBaseAccountWithAddress(addr))
			if err != nil {
				return err
			}
			gs.Accounts = append(gs.Accounts, acc)
		}
		return nil
	}); err != nil {
		return err
	}
	return editModule(cdc, state, banktypes.ModuleName, &banktypes.GenesisState{}, func(gs *banktypes.GenesisState) error {
		total := sdk.NewCoins()
		for _, addr := range addrs {
			gs.Balances = append(gs.Balances, banktypes.Balance{Address: addr.String(), Coins: feeFunds})
			total = total.Add(feeFunds...)
		}
		if len(gs.Supply) > 0 {
			gs.Supply = gs.Supply.Add(total...)
		}
		return nil
	})
}

// loadPlanTerms is the gold plan with every load code priced in its fee schedule.
func loadPlanTerms(cdc codec.Codec, goldPath string) (adjtypes.PlanTerms, error) {
	var terms adjtypes.PlanTerms
	raw, err := os.ReadFile(filepath.Clean(goldPath))
	if err != nil {
		return terms, err
	}
	if err := cdc.UnmarshalJSON(raw, &terms); err != nil {
		return terms, fmt.Errorf("%s: %w", goldPath, err)
	}
	priced := map[string]bool{} // lookups only
	for _, e := range terms.FeeSchedule {
		priced[e.Code] = true
	}
	codes := append(slices.Clone(emCodes), ancillaryCodes...)
	slices.Sort(codes)
	for _, code := range slices.Compact(codes) {
		if !priced[code] {
			terms.FeeSchedule = append(terms.FeeSchedule, adjtypes.FeeScheduleEntry{Code: code, Allowed: math.NewInt(allowedCents(code))})
		}
	}
	return terms, terms.Validate()
}
