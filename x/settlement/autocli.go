package settlement

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

// AutoCLIOptions describes the CLI of every query and msg.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              "claimchain.settlement.v1.Query",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Escrow", Use: "escrow <insurer-member-id> <denom>", Short: "Show an insurer's escrow: funded, balance, committed, paid, withdrawn",
					Example:        fmt.Sprintf("%s query settlement escrow 1 usd", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}, {ProtoField: "denom"}}},
				{RpcMethod: "InsurerSettings", Use: "settings <insurer-member-id>", Short: "Show an insurer's hold period",
					Example:        fmt.Sprintf("%s query settlement settings 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}}},
				{RpcMethod: "ScheduledPayments", Use: "scheduled <insurer-member-id>", Short: "List an insurer's claims waiting for payment, in due order",
					Example:        fmt.Sprintf("%s query settlement scheduled 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}}},
				{RpcMethod: "ClaimPayment", Use: "payment <claim-id>", Short: "Show how and when a claim was paid",
					Example:        fmt.Sprintf("%s query settlement payment CLM-3-1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}}},
				{RpcMethod: "Remittance", Skip: true}, // the hand-written `remittance` adds --fhir
				{RpcMethod: "RemittancesByProvider", Use: "remittances-by-provider <provider-member-id>", Short: "List a provider's remittance advice",
					Example:        fmt.Sprintf("%s query settlement remittances-by-provider 3", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_id"}}},
				{RpcMethod: "RemittancesByInsurer", Use: "remittances-by-insurer <insurer-member-id>", Short: "List an insurer's remittance advice",
					Example:        fmt.Sprintf("%s query settlement remittances-by-insurer 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}}},
				{RpcMethod: "Params", Use: "params", Short: "Show the settlement params"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.settlement.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "FundEscrow", Use: "fund-escrow <amount>", Short: "Move funds from your insurer account into your escrow",
					Example:        fmt.Sprintf("%s tx settlement fund-escrow 100000000usd --from insurer-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}}},
				{RpcMethod: "WithdrawEscrow", Use: "withdraw-escrow <amount>", Short: "Take back escrow that no scheduled payment needs",
					Example:        fmt.Sprintf("%s tx settlement withdraw-escrow 5000usd --from insurer-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "amount"}}},
				{RpcMethod: "SetHoldPeriod", Use: "set-hold-period <duration>", Short: "Set how long adjudicated claims wait before payment (e.g. 72h, 10s)",
					Example:        fmt.Sprintf("%s tx settlement set-hold-period 72h --from insurer-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "hold_period"}}},
				{RpcMethod: "UpdateParams", Use: "update-params <params-json>", Short: "Propose new settlement params (gov proposal)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "params"}}, GovProposal: true},
			},
		},
	}
}
