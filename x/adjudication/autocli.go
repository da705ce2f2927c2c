package adjudication

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

const examplePseudonym = "6f1c2a9e4b7d3f08a5c1e6b2d9f4a7c3e8b1d5f2a6c9e3b7d4f1a8c5e2b9d6f3"

// AutoCLIOptions describes the CLI of every query and msg.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service:              "claimchain.adjudication.v1.Query",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Plan", Use: "plan <plan-id>", Short: "Show a plan and all its versions",
					Example:        fmt.Sprintf("%s query adjudication plan NWHP-GOLD", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "plan_id"}}},
				{RpcMethod: "PlanVersion", Use: "plan-version <plan-id> <version>", Short: "Show one version of a plan",
					Example:        fmt.Sprintf("%s query adjudication plan-version NWHP-GOLD 1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "plan_id"}, {ProtoField: "version"}}},
				{RpcMethod: "Plans", Use: "plans", Short: "List plans",
					Example: fmt.Sprintf("%s query adjudication plans", version.AppName)},
				{RpcMethod: "Coverage", Use: "coverage <pseudonym>", Short: "Show a member's coverage",
					Example:        fmt.Sprintf("%s query adjudication coverage %s", version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}}},
				{RpcMethod: "Accumulator", Use: "accumulator <pseudonym> <year>",
					Short:          "Show what a member has used of the deductible, out-of-pocket maximum and benefit limits in a plan year",
					Example:        fmt.Sprintf("%s query adjudication accumulator %s 2025", version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}, {ProtoField: "year"}}},
				{RpcMethod: "Decision", Use: "decision <claim-id>", Short: "Show a claim's stored decision (amounts, adjustments, rules)",
					Example:        fmt.Sprintf("%s query adjudication decision CLM-3-1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}}},
				{RpcMethod: "Explain", Skip: true}, // served by the hand-written `explain`, which prints plain text
				{RpcMethod: "Authorization", Use: "authorization <id>", Short: "Show an authorization created by an approved preauthorization",
					Example:        fmt.Sprintf("%s query adjudication authorization CLM-3-2#1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.adjudication.v1.Msg",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "CreatePlan",
					Use:       "create-plan <plan-id> <name> <effective-date> <terms.json>",
					Short:     "Publish a benefit plan (signed by an active insurer); the terms are a JSON file",
					Long: "Publish a plan and its first version. The terms file holds the denom, annual deductible, " +
						"out-of-pocket maximum, service categories with their cost sharing, fee schedule, non-covered " +
						"codes and diagnoses, benefit limits, prior-authorization codes and the timely filing window. " +
						"See examples/plans/.",
					Example: fmt.Sprintf("%s tx adjudication create-plan NWHP-GOLD \"Northwind Gold\" 2025-01-01 examples/plans/gold.json --from insurer-a",
						version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "plan_id"}, {ProtoField: "name"}, {ProtoField: "effective_date"}, {ProtoField: "terms"},
					},
				},
				{
					RpcMethod: "AmendPlan",
					Use:       "amend-plan <plan-id> <effective-date> <terms.json>",
					Short:     "Add a plan version that takes effect from a date; earlier versions stay readable",
					Example: fmt.Sprintf("%s tx adjudication amend-plan NWHP-GOLD 2026-01-01 examples/plans/gold-2026.json --from insurer-a",
						version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "plan_id"}, {ProtoField: "effective_date"}, {ProtoField: "terms"},
					},
				},
				{
					RpcMethod: "EnrollMember",
					Use:       "enroll <pseudonym> <plan-id> <start-date>",
					Short:     "Enrol a member under a fresh random pseudonym (draw one with: tx attestation new-pseudonym)",
					Long: "Record coverage. The pseudonym must be freshly random (never derived from the member); " +
						"give --sex (female, male, unknown) and --birth-year, or --aged-90-plus for members aged 90 or more.",
					Example: fmt.Sprintf("%s tx adjudication enroll %s NWHP-GOLD 2025-01-01 --sex female --birth-year 1980 --from insurer-a",
						version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "member"}, {ProtoField: "plan_id"}, {ProtoField: "start_date"},
					},
				},
				{
					RpcMethod: "TerminateCoverage",
					Use:       "terminate <pseudonym> <end-date> <reason>",
					Short:     "End a member's coverage (reason: voluntary, non-payment, deceased, other)",
					Example: fmt.Sprintf("%s tx adjudication terminate %s 2025-12-31 voluntary --from insurer-a",
						version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "member"}, {ProtoField: "end_date"}, {ProtoField: "reason"},
					},
				},
			},
		},
	}
}
