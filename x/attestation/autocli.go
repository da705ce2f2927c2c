package attestation

import (
	"fmt"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/version"
)

// examplePseudonym is a well-formed pseudonym for CLI examples (make real ones
// with `tx attestation new-pseudonym`).
const examplePseudonym = "3f9a1c27e5b8d04a6c2e9f71b3d58a0e4c7f2b96d1e8a35c0b7f4e2d9a6c1b85"

// AutoCLIOptions describes the CLI of every query and msg.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.attestation.v1.Query",
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod:      "Attestation",
					Use:            "attestation <id>",
					Short:          "Show one attestation by id (superseded ones stay readable)",
					Example:        fmt.Sprintf("%s query attestation attestation ATT-3-17", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}},
				},
				{
					RpcMethod:      "AttestationsByProvider",
					Use:            "by-provider <provider-id>",
					Short:          "List a provider's attestations, oldest first (--page-reverse for newest first)",
					Example:        fmt.Sprintf("%s query attestation by-provider 3 --page-limit 20 --page-reverse", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "provider_id"}},
				},
				{
					RpcMethod:      "AttestationsByMember",
					Use:            "by-member <pseudonym>",
					Short:          "List the attestations about one member pseudonym",
					Example:        fmt.Sprintf("%s query attestation by-member %s", version.AppName, examplePseudonym),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "member"}},
				},
				{
					RpcMethod:      "TreatmentResponse",
					Use:            "treatment-response <attestation-id>",
					Short:          "Show the member's confirmation or dispute of an attestation",
					Example:        fmt.Sprintf("%s query attestation treatment-response ATT-3-17", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "attestation_id"}},
				},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service: "claimchain.attestation.v1.Msg",
			// Adds these commands to the module's own tx command (new-pseudonym).
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{
					RpcMethod: "AttestTreatment",
					Use:       "attest <insurer-id> <member> <encounter-date> <place-of-service>",
					Short:     "Attest the care given to one member at one encounter (signed by an active provider)",
					Long: "Record a signed attestation of treatment. <member> is the insurer's 64-hex pseudonym for the " +
						"patient (never a name, date of birth or member number); <encounter-date> is YYYY-MM-DD; " +
						"<place-of-service> is the CMS two-digit POS code (11 = office). Give ICD-10-CM codes with " +
						"--diagnosis-codes, one --lines JSON object per service line (sequence 1..n; code; up to 4 " +
						"modifiers; units; service_date; rendering_npi) or a .json file, and the sha256 of the " +
						"off-chain record with --record-hash. --supersedes <id> amends an earlier attestation. " +
						"A billing service may send it for the provider with `tx authz exec` after an authz grant.",
					Example: fmt.Sprintf("%s tx attestation attest 1 %s 2026-01-05 11 "+
						"--diagnosis-codes E11.9,I10 "+
						"--lines '{\"sequence\":1,\"code\":\"99213\",\"modifiers\":[\"25\"],\"units\":1,"+
						"\"service_date\":\"2026-01-05\",\"rendering_npi\":\"1234567893\"}' "+
						"--lines '{\"sequence\":2,\"code\":\"83036\",\"units\":1,"+
						"\"service_date\":\"2026-01-05\",\"rendering_npi\":\"1234567893\"}' "+
						"--record-hash '{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\","+
						"\"digest\":\"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=\"}' "+
						"--resolver-uri https://records.example-clinic.org/r/7f3e --from clinic",
						version.AppName, examplePseudonym),
					FlagOptions: map[string]*autocliv1.FlagOptions{
						"diagnosis_codes": {Usage: "ICD-10-CM diagnosis codes, comma-separated, with or without the dot (E11.9 or E119); 1 to 12"},
						"lines": {Usage: "a service line as JSON (sequence, code, modifiers, units, service_date, rendering_npi), " +
							"or a .json file; repeat per line, numbered 1..n; 1 to 50 lines"},
						"record_hash": {Usage: "hash of the off-chain record as JSON: " +
							"{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"<base64 of 32 bytes>\"}"},
						"resolver_uri": {Usage: "optional URI where authorised parties fetch the record (no spaces, at most 256 bytes)"},
						"supersedes":   {Usage: "id of an earlier attestation of yours (same insurer and member) that this one amends"},
					},
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "insurer_id"}, {ProtoField: "member"},
						{ProtoField: "encounter_date"}, {ProtoField: "place_of_service"},
					},
				},
				{
					RpcMethod: "ConfirmTreatment",
					Use:       "confirm-treatment <attestation-id>",
					Short:     "Confirm, as the patient, the care an attestation states (signed by the member's enrolled account)",
					Long: "Confirm an attestation of care about you. --from must be the account your insurer enrolled " +
						"for you (x/adjudication coverage member_account). One response per attestation: a " +
						"confirmation may later be replaced by a dispute. If your insurer granted you a fee " +
						"allowance, add --fee-granter <insurer-address>.",
					Example: fmt.Sprintf("%s tx attestation confirm-treatment ATT-3-17 --from patient "+
						"--fee-granter <insurer-address>", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "attestation_id"}},
				},
				{
					RpcMethod: "DisputeTreatment",
					Use:       "dispute-treatment <attestation-id> <reason-hash>",
					Short:     "Dispute, as the patient, the care an attestation states (signed by the member's enrolled account)",
					Long: "Dispute an attestation of care about you. --from must be the account your insurer enrolled " +
						"for you. Keep your statement off chain (give it to your insurer) and put only its sha256 " +
						"on chain: <reason-hash> is JSON, as the attestation's --record-hash: " +
						"{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"<base64 of 32 bytes>\"} (or a .json " +
						"file), e.g. the digest of `openssl dgst -sha256 -binary statement.pdf | base64`. A dispute is final " +
						"and may replace an earlier confirmation; the claims that bill the attestation are held for " +
						"review. If your insurer granted you a fee allowance, add --fee-granter <insurer-address>.",
					Example: fmt.Sprintf("%s tx attestation dispute-treatment ATT-3-17 "+
						"'{\"algorithm\":\"DIGEST_ALGORITHM_SHA256\",\"digest\":\"n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=\"}' "+
						"--from patient --fee-granter <insurer-address>", version.AppName),
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{
						{ProtoField: "attestation_id"}, {ProtoField: "reason_hash"},
					},
				},
			},
		},
	}
}
