// Package limits states, in one place, every size limit of claimchain's
// transactions: the longest string, the longest list and the largest amount a
// msg may carry. Each msg's ValidateBasic enforces them, so a tx over a limit is
// refused in CheckTx, before it can reach a block, and the state machine never
// works on an unbounded input. docs/limits.md lists them all (a test keeps the
// two in step).
//
// Strings are measured in bytes, lists in entries, amounts in minor units of
// the currency (cents of usd) or base units of a token.
package limits

import (
	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Codespace of the limits error.
const Codespace = "limits"

// ErrOverLimit is the error of every field over a limit: one code whatever the
// module, so a client can tell "too large" from "invalid".
var ErrOverLimit = errorsmod.Register(Codespace, 2, "over a size limit")

// Transactions.
const (
	// MaxTxBytes bounds an encoded tx: CometBFT's default mempool max_tx_bytes,
	// a quarter of the 4 MiB block. A reference-data chunk of 2000 PTP rows is
	// about 100 kB.
	MaxTxBytes = 1 << 20
)

// Strings, in bytes.
const (
	// MaxAddressLength bounds a bech32 account address (signers, operators,
	// member accounts): a 32-byte address with the claim prefix is 64 characters.
	MaxAddressLength = 128
	// MaxMemberLength bounds a member pseudonym: 32 random bytes in hex.
	MaxMemberLength = 64
	// MaxIDLength bounds an attestation or claim id ("ATT-3-17", "CLM-3-1").
	MaxIDLength = 64
	// MaxNameLength bounds the name of an organisation, a plan or a service category.
	MaxNameLength = 128
	// MaxReasonLength bounds a free-text reason (suspension, removal, void, revocation).
	MaxReasonLength = 256
	// MaxSourceLength bounds the source description of a reference-table version.
	MaxSourceLength = 256
	// MaxResolverURILength bounds the URI where an attested record lives off chain.
	MaxResolverURILength = 256
	// MaxPreauthRefLength bounds a prior-authorization reference.
	MaxPreauthRefLength = 64
	// MaxCodeLength bounds every coded value: procedure, modifier, diagnosis
	// (with its dot), place of service, NPI, payer id, NAIC code, CARC, RARC,
	// group code, state and sex.
	MaxCodeLength = 16
	// MaxDateLength bounds a date: YYYY-MM-DD.
	MaxDateLength = 10
	// MaxDenomLength bounds a denom, as the SDK's denom rule does.
	MaxDenomLength = 128
	// MaxDigestLength bounds a content hash digest (sha256 is 32 bytes).
	MaxDigestLength = 64
	// MaxPlanIDLength bounds an insurer-chosen plan id.
	MaxPlanIDLength = 32
	// MaxShortIDLength bounds the id of a service category or benefit limit in a plan.
	MaxShortIDLength = 32
	// MaxEmFamilyLength bounds the name of an E/M family in the reference data.
	MaxEmFamilyLength = 40
)

// Lists, in entries.
const (
	// MaxLines bounds the service lines of an attestation and of a claim, and
	// the lines of a review or an appeal.
	MaxLines = 50
	// MaxDiagnosisCodes bounds the diagnosis codes of an attestation or a claim, as on the CMS-1500.
	MaxDiagnosisCodes = 12
	// MaxModifiers bounds the modifiers of one line.
	MaxModifiers = 4
	// MaxCategories bounds the service categories of a plan version.
	MaxCategories = 50
	// MaxCodeRanges bounds each list of code ranges of a plan version.
	MaxCodeRanges = 500
	// MaxFeeSchedule bounds the fee schedule entries of a plan version.
	MaxFeeSchedule = 5000
	// MaxDiagnosisRules bounds the non-covered diagnoses of a plan version.
	MaxDiagnosisRules = 500
	// MaxBenefitLimits bounds the benefit limits of a plan version.
	MaxBenefitLimits = 50
	// MaxRowsPerChunk bounds the rows of one reference-data chunk, and what
	// governance may set as params.max_rows_per_chunk.
	MaxRowsPerChunk = 10_000
	// MaxPrimaryCodes bounds the primary codes listed for one add-on code.
	MaxPrimaryCodes = 1000
)

// Values.
const (
	// MaxAmount bounds every amount a msg carries (billed, payable, fee
	// schedule, deductible, copay, escrow, bond): 10^15 minor units, ten
	// trillion dollars. Sums of many such amounts stay far inside math.Int's 256
	// bits, whose arithmetic panics on overflow.
	MaxAmount = 1_000_000_000_000_000
	// MaxUnits bounds the service units of one line.
	MaxUnits = 9999
	// MaxTimelyFilingDays bounds a plan's timely-filing window: ten years.
	MaxTimelyFilingDays = 3650
	// MaxTypicalMinutes bounds the typical minutes of one unit of a code: a whole day.
	MaxTypicalMinutes = 1440
	// MaxEmLevel is the highest level in an E/M family (levels run from 1).
	MaxEmLevel = 5
)

var maxAmount = math.NewInt(MaxAmount)

// CheckString refuses a string of more than max bytes.
func CheckString(field, s string, max int) error {
	if len(s) > max {
		return errorsmod.Wrapf(ErrOverLimit, "%s is %d bytes, at most %d", field, len(s), max)
	}
	return nil
}

// CheckAddress refuses an address string of more than MaxAddressLength bytes.
func CheckAddress(field, s string) error { return CheckString(field, s, MaxAddressLength) }

// CheckBytes refuses a byte string of more than max bytes.
func CheckBytes(field string, b []byte, max int) error {
	if len(b) > max {
		return errorsmod.Wrapf(ErrOverLimit, "%s is %d bytes, at most %d", field, len(b), max)
	}
	return nil
}

// CheckList refuses a list of n entries when n is above max.
func CheckList(field string, n, max int) error {
	if n > max {
		return errorsmod.Wrapf(ErrOverLimit, "%s has %d entries, at most %d", field, n, max)
	}
	return nil
}

// CheckStrings refuses more than maxN strings, or one of more than maxLen bytes.
func CheckStrings(field string, ss []string, maxN, maxLen int) error {
	if err := CheckList(field, len(ss), maxN); err != nil {
		return err
	}
	for _, s := range ss {
		if len(s) > maxLen {
			return errorsmod.Wrapf(ErrOverLimit, "%s: an entry is %d bytes, at most %d", field, len(s), maxLen)
		}
	}
	return nil
}

// CheckAmount refuses an amount whose magnitude is above MaxAmount. A nil
// amount passes: whether one is required is the msg's own rule.
func CheckAmount(field string, x math.Int) error {
	if !x.IsNil() && x.Abs().GT(maxAmount) {
		return errorsmod.Wrapf(ErrOverLimit, "%s %s is above %d", field, x, MaxAmount)
	}
	return nil
}

// CheckCoin refuses a coin whose denom or amount is over its limit.
func CheckCoin(field string, c sdk.Coin) error {
	if err := CheckString(field+" denom", c.Denom, MaxDenomLength); err != nil {
		return err
	}
	return CheckAmount(field, c.Amount)
}
