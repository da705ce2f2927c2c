package refdata

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

// AutoCLIOptions describes the CLI of every query and msg. Table kinds are
// written ptp, mue, add-on, exclusion, age-sex, typical-minutes, em-level. Loading whole CMS/OIG files is
// the hand-written import command's job; stage-chunk is exposed for one-off fixes.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              "claimchain.refdata.v1.Query",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the refdata params (the appointed loader, rows per chunk)"},
				{RpcMethod: "TableVersions", Use: "versions <kind>", Short: "List a table's versions: status, rows, content hash, applies-from",
					Example:        fmt.Sprintf("%s query refdata versions ptp", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "kind"}}},
				{RpcMethod: "TableVersion", Use: "version <kind> <version>", Short: "Show one table version",
					Example:        fmt.Sprintf("%s query refdata version mue 3", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "kind"}, {ProtoField: "version"}}},
				{RpcMethod: "Ptp", Use: "ptp <column1> <column2> <date>", Short: "Show the NCCI PTP edit of a code pair in force on a date of service",
					Example: fmt.Sprintf("%s query refdata ptp 29880 29870 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "column1"}, {ProtoField: "column2"}, {ProtoField: "date"},
					}},
				{RpcMethod: "Mue", Use: "mue <code> <date>", Short: "Show the medically unlikely edit of a code in force on a date of service",
					Example:        fmt.Sprintf("%s query refdata mue 99213 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "code"}, {ProtoField: "date"}}},
				{RpcMethod: "AddOn", Use: "add-on <code> <date>", Short: "Show the add-on code edit of a code in force on a date of service",
					Example:        fmt.Sprintf("%s query refdata add-on 99417 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "code"}, {ProtoField: "date"}}},
				{RpcMethod: "Exclusion", Use: "exclusion <npi> <date>", Short: "Show whether an NPI is on the OIG exclusion list on a date of service",
					Example:        fmt.Sprintf("%s query refdata exclusion 1234567893 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "npi"}, {ProtoField: "date"}}},
				{RpcMethod: "AgeSex", Use: "age-sex <code> <date>", Short: "Show the age and sex limits of a code in force on a date of service",
					Example:        fmt.Sprintf("%s query refdata age-sex 59400 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "code"}, {ProtoField: "date"}}},
				{RpcMethod: "TypicalMinutes", Use: "typical-minutes <code> <date>", Short: "Show the typical practitioner minutes of one unit of a code in force on a date of service",
					Example:        fmt.Sprintf("%s query refdata typical-minutes 99214 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "code"}, {ProtoField: "date"}}},
				{RpcMethod: "EmLevel", Use: "em-level <code> <date>", Short: "Show the E/M family and level of a code in force on a date of service",
					Example:        fmt.Sprintf("%s query refdata em-level 99215 2026-03-02", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "code"}, {ProtoField: "date"}}},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              "claimchain.refdata.v1.Msg",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "StageChunk", Use: "stage-chunk <kind> <version> <index> <rows-json>",
					Short: "Stage one chunk of a table version (loader only; chunk 0 opens the version and needs --source)",
					Example: fmt.Sprintf(`%s tx refdata stage-chunk mue 4 0 '{"mue":[{"code":"99213","units":1,"adjudication_indicator":3}]}' --source "CMS MUE practitioner 2026Q2" --from loader`,
						version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "kind"}, {ProtoField: "version"}, {ProtoField: "index"}, {ProtoField: "rows"},
					}},
				{RpcMethod: "ActivateVersion", Use: "activate <kind> <version> <applies-from>",
					Short: "Put a completely staged version in force from a date of service (loader only); states the chunks, rows and hash sent",
					Example: fmt.Sprintf("%s tx refdata activate mue 4 2026-04-01 --expected-chunks 12 --expected-rows 23418 --expected-hash <hex> --from loader",
						version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "kind"}, {ProtoField: "version"}, {ProtoField: "applies_from"},
					}},
				{RpcMethod: "RevokeVersion", Use: "revoke <kind> <version> <reason>", Short: "Propose to revoke a table version (gov proposal)",
					Example: fmt.Sprintf(`%s tx refdata revoke ptp 7 "wrong quarter loaded" --from proposer`, version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "kind"}, {ProtoField: "version"}, {ProtoField: "reason"},
					}, GovProposal: true},
				{RpcMethod: "UpdateParams", Use: "update-params <params-json>", Short: "Propose new refdata params, e.g. appoint the loader (gov proposal)",
					Example:        fmt.Sprintf(`%s tx refdata update-params '{"loader":"claim1...","max_rows_per_chunk":2000}' --from proposer`, version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}}, GovProposal: true},
			},
		},
	}
}
