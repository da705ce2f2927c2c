package claims

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
			Service:              "claimchain.claims.v1.Query",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Claim",
					Use:            "claim <claim-id>",
					Short:          "Show one claim with its lines and history",
					Example:        fmt.Sprintf("%s query claims claim CLM-3-1", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod:      "ClaimsByProvider",
					Use:            "by-provider <provider-member-id>",
					Short:          "List a provider's claims (--page-reverse for newest first)",
					Example:        fmt.Sprintf("%s query claims by-provider 3 --page-reverse", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_id"}},
				},
				{
					RpcMethod:      "ClaimsByInsurer",
					Use:            "by-insurer <insurer-member-id>",
					Short:          "List the claims billed to an insurer (--page-reverse for newest first)",
					Example:        fmt.Sprintf("%s query claims by-insurer 1 --page-reverse", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "insurer_id"}},
				},
				{
					RpcMethod:      "ClaimsByMember",
					Use:            "by-member <pseudonym>",
					Short:          "List the claims about one member pseudonym",
					Example:        fmt.Sprintf("%s query claims by-member %s", version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}},
				},
				{
					RpcMethod:      "ClaimsByStatus",
					Use:            "by-status <status>",
					Short:          "List claims in a workflow status: submitted, adjudicated, pended, voided",
					Example:        fmt.Sprintf("%s query claims by-status submitted --page-reverse", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "status"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              "claimchain.claims.v1.Msg",
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "SubmitClaim",
					Use:       "submit <insurer-member-id> <use> <member-pseudonym>",
					Short:     "Submit a claim (use: claim, preauthorization, predetermination)",
					Long: "Submit a claim. Each --lines entry bills one attested service line (attestation_id, " +
						"attestation_line, code, units, service_date must match the attestation) with its billed " +
						"amount in integer minor units (cents of usd). Preauthorizations and predeterminations carry " +
						"planned services and no attestation. To import a FHIR R4 Claim, use submit-fhir.",
					Example: fmt.Sprintf(`%s tx claims submit 1 claim %s --diagnosis-codes E119 \
  --lines '{"attestation_id":"ATT-3-1","attestation_line":1,"code":"99213","units":1,"service_date":"2026-11-02","billed":{"denom":"usd","amount":"12500"}}' \
  --from provider-a`, version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "insurer_id"}, {ProtoField: "use"}, {ProtoField: "member"},
					},
				},
				{
					RpcMethod:      "VoidClaim",
					Use:            "void <claim-id> <reason>",
					Short:          "Void an unpaid claim you submitted; its attested lines may be billed again",
					Example:        fmt.Sprintf("%s tx claims void CLM-3-1 \"billed in error\" --from provider-a", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}, {ProtoField: "reason"}},
				},
				{
					RpcMethod: "ReviewClaim",
					Use:       "review <claim-id> <approve|adjust|deny>",
					Short:     "Review a claim billed to you (insurer): approve a pended claim, lower or deny lines, or deny it",
					Long: "approve releases a PENDED claim as decided (payable after the hold period). adjust lowers the " +
						"payable of the lines given with --lines {\"sequence\":2,\"payable\":\"3000\"} (minor units; 0 denies " +
						"the line), deny denies every line; both need --group (CO, PI or OA) and --carc (and optionally " +
						"--rarc). After payment the difference is recouped and the remittance shows a reversal. " +
						"--notes-hash is the sha256 of the reviewer's notes, kept off chain, as JSON " +
						"{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"<base64 of 32 bytes>\"}.",
					Example: fmt.Sprintf(`%s tx claims review CLM-3-4 approve --notes-hash '{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}' --from insurer-a
%s tx claims review CLM-3-5 deny --group CO --carc 50 --notes-hash '{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}' --from insurer-a`,
						version.AppName, version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}, {ProtoField: "action"}},
				},
				{
					RpcMethod: "AppealClaim",
					Use:       "appeal <claim-id>",
					Short:     "Appeal denied lines of a claim you submitted (provider)",
					Long: "Ask the insurer to reconsider denied lines (--lines 2 --lines 3, by sequence). A line already " +
						"appealed or billed again on another claim cannot be appealed; while the appeal is open the line " +
						"cannot be billed again. --reason-hash is the sha256 of the appeal letter, kept off chain.",
					Example:        fmt.Sprintf(`%s tx claims appeal CLM-3-2 --lines 2 --reason-hash '{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}' --from provider-a`, version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}},
				},
				{
					RpcMethod:      "DecideAppeal",
					Use:            "decide-appeal <claim-id> <appeal-number>",
					Short:          "Decide an open appeal on a claim billed to you (insurer): --overturn pays the lines, else the denial stands",
					Example:        fmt.Sprintf(`%s tx claims decide-appeal CLM-3-2 1 --overturn --notes-hash '{"algorithm":"DIGEST_ALGORITHM_SHA256","digest":"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg="}' --from insurer-a`, version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "claim_id"}, {ProtoField: "appeal"}},
				},
			},
		},
	}
}
