package integrity

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

// AutoCLIOptions describes the CLI of every query and msg.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.integrity.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Flag", Use: "flag <claim-id> <rule-id>", Short: "Show one flag of a claim with its evidence",
					Example:        fmt.Sprintf("%s query integrity flag CLM-3-1 R-FLAG-DAY", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}, {ProtoField: "rule_id"}}},
				{RpcMethod: "ClaimFlags", Use: "claim-flags <claim-id>", Short: "List a claim's flags and its risk score",
					Example:        fmt.Sprintf("%s query integrity claim-flags CLM-3-1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}}},
				{RpcMethod: "FlagsByInsurer", Use: "flags-by-insurer <insurer-member-id>", Short: "List the flags on an insurer's claims",
					Example:        fmt.Sprintf("%s query integrity flags-by-insurer 1 --page-limit 50", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}}},
				{RpcMethod: "FlagsByProvider", Use: "flags-by-provider <provider-member-id>", Short: "List the flags on a provider's claims",
					Example:        fmt.Sprintf("%s query integrity flags-by-provider 3", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_id"}}},
				{RpcMethod: "FlagsByRule", Use: "flags-by-rule <rule-id>", Short: "List the flags of one rule (R-FLAG-DAY, R-FLAG-EM, R-FLAG-VOLUME, R-FLAG-DISPUTE)",
					Example:        fmt.Sprintf("%s query integrity flags-by-rule R-FLAG-EM", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "rule_id"}}},
				{RpcMethod: "ProviderStats", Use: "provider-stats <provider-member-id>", Short: "Show a provider's claim statistics, denial and pend rates and flag counts",
					Example:        fmt.Sprintf("%s query integrity provider-stats 3", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_id"}}},
				{RpcMethod: "Thresholds", Use: "thresholds <insurer-member-id>", Short: "Show an insurer's screening thresholds (or the defaults)",
					Example:        fmt.Sprintf("%s query integrity thresholds 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}}},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.integrity.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "SetThresholds",
					Use:     "set-thresholds <pend-score> <em-min-services> <em-excess-bps> <volume-min-claims> <volume-factor-bps>",
					Short:   "Set your insurer's screening thresholds (pend score 1-1000; basis points)",
					Example: fmt.Sprintf("%s tx integrity set-thresholds 50 10 2000 20 30000 --from insurer-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "pend_score"}, {ProtoField: "em_min_services"},
						{ProtoField: "em_excess_bps"}, {ProtoField: "volume_min_claims"}, {ProtoField: "volume_factor_bps"}}},
			},
		},
	}
}
