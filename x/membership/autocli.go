package membership

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

// AutoCLIOptions describes the CLI of every query and msg.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.membership.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Member",
					Use:            "member <id>",
					Short:          "Show one consortium member by id",
					Example:        fmt.Sprintf("%s query membership member 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod:      "MemberByOperator",
					Use:            "member-by-operator <address>",
					Short:          "Show the member whose operator is the given account",
					Example:        fmt.Sprintf("%s query membership member-by-operator claim1...", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "operator"}},
				},
				{
					RpcMethod: "Members",
					Use:       "members",
					Short:     "List consortium members, optionally by kind and status",
					Example: fmt.Sprintf("%s query membership members --kind provider --status active",
						version.AppName),
				},
				{
					RpcMethod: "PendingBurns",
					Use:       "pending-burns",
					Short:     "List removed members' bonds waiting for their unbonding to mature",
					Example:   fmt.Sprintf("%s query membership pending-burns", version.AppName),
				},
				{
					RpcMethod: "Params",
					Use:       "params",
					Short:     "Show the membership params",
					Example:   fmt.Sprintf("%s query membership params", version.AppName),
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.membership.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "AdmitMember",
					Use:       "admit-member <kind> <name> <operator>",
					Short:     "Propose admitting an organisation (gov proposal)",
					Long: "Propose admitting an insurer (with --payer-id and/or --naic-code) or a provider (with --npi). " +
						"The agreement hash is the sha256 of the signed consortium agreement.",
					Example: fmt.Sprintf("%s tx membership admit-member provider \"Lakeside Clinic\" claim1... "+
						"--npi 1234567893 --agreement-hash '{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"<base64>\"}' "+
						"--from insurer-a --deposit 10000000ufee", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "kind"}, {ProtoField: "name"}, {ProtoField: "operator"},
					},
					GovProposal: true,
				},
				{
					RpcMethod:      "SuspendMember",
					Use:            "suspend-member <member-id> <reason>",
					Short:          "Propose suspending a member; its validator is jailed until reinstated (gov proposal)",
					Example:        fmt.Sprintf("%s tx membership suspend-member 3 \"licence under review\" --from insurer-a --deposit 10000000ufee", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member_id"}, {ProtoField: "reason"}},
					GovProposal:    true,
				},
				{
					RpcMethod:      "ReinstateMember",
					Use:            "reinstate-member <member-id>",
					Short:          "Propose reinstating a suspended member (gov proposal)",
					Example:        fmt.Sprintf("%s tx membership reinstate-member 3 --from insurer-a --deposit 10000000ufee", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member_id"}},
					GovProposal:    true,
				},
				{
					RpcMethod:      "RemoveMember",
					Use:            "remove-member <member-id> <reason>",
					Short:          "Propose removing a member; its validator is unbonded and its bond burned (gov proposal)",
					Example:        fmt.Sprintf("%s tx membership remove-member 3 \"left the consortium\" --from insurer-a --deposit 10000000ufee", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member_id"}, {ProtoField: "reason"}},
					GovProposal:    true,
				},
				{
					RpcMethod:      "UpdateParams",
					Use:            "update-params <params-json>",
					Short:          "Propose new membership params (gov proposal)",
					Example:        fmt.Sprintf("%s tx membership update-params '{\"validator_bond\":\"1000000\",\"max_burns_per_block\":10}' --from insurer-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}},
					GovProposal:    true,
				},
			},
		},
	}
}
