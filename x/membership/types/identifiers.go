package types

import (
	"fmt"
	"strings"
	"unicode"

	errorsmod "cosmossdk.io/errors"

	"github.com/claimchain/claimchain/x/limits"
)

const (
	// MaxNameLength bounds organisation names.
	MaxNameLength = limits.MaxNameLength
	// MaxReasonLength bounds the reason given for a suspension or removal.
	MaxReasonLength = limits.MaxReasonLength
	// sha256DigestLength is the digest size of DIGEST_ALGORITHM_SHA256.
	sha256DigestLength = 32
)

// npiPrefix is the ISO card-issuer prefix for US health applications; the NPI
// check digit is a Luhn digit computed over this prefix followed by the NPI.
const npiPrefix = "80840"

// ValidateNPI checks a National Provider Identifier: 10 digits whose last digit
// is the Luhn check digit over "80840" + the first nine.
func ValidateNPI(npi string) error {
	if len(npi) != 10 {
		return errorsmod.Wrapf(ErrInvalidNPI, "%q: an NPI has exactly 10 digits", npi)
	}
	for _, r := range npi {
		if r < '0' || r > '9' {
			return errorsmod.Wrapf(ErrInvalidNPI, "%q: an NPI has digits only", npi)
		}
	}
	if !luhnValid(npiPrefix + npi) {
		return errorsmod.Wrapf(ErrInvalidNPI, "%q: check digit does not match (Luhn over 80840 + NPI)", npi)
	}
	return nil
}

// luhnValid reports whether a digit string passes the Luhn (mod 10) check.
func luhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

// ValidatePayerID checks an X12 payer id as used in 837 claims: exactly five
// upper-case letters or digits.
func ValidatePayerID(id string) error {
	if len(id) != 5 {
		return errorsmod.Wrapf(ErrInvalidPayerID, "%q: a payer id has exactly 5 characters", id)
	}
	for _, r := range id {
		if (r < 'A' || r > 'Z') && (r < '0' || r > '9') {
			return errorsmod.Wrapf(ErrInvalidPayerID, "%q: a payer id has upper-case letters and digits only", id)
		}
	}
	return nil
}

// ValidateNAIC checks a NAIC company code: exactly five digits.
func ValidateNAIC(code string) error {
	if len(code) != 5 {
		return errorsmod.Wrapf(ErrInvalidNAIC, "%q: a NAIC code has exactly 5 digits", code)
	}
	for _, r := range code {
		if r < '0' || r > '9' {
			return errorsmod.Wrapf(ErrInvalidNAIC, "%q: a NAIC code has digits only", code)
		}
	}
	return nil
}

// ValidateName checks an organisation name: printable, trimmed, 1..MaxNameLength bytes.
func ValidateName(name string) error {
	if strings.TrimSpace(name) == "" {
		return errorsmod.Wrap(ErrInvalidName, "name is empty")
	}
	if name != strings.TrimSpace(name) {
		return errorsmod.Wrapf(ErrInvalidName, "%q has leading or trailing spaces", name)
	}
	if len(name) > MaxNameLength {
		return errorsmod.Wrapf(ErrInvalidName, "name is %d bytes, at most %d allowed", len(name), MaxNameLength)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) {
			return errorsmod.Wrapf(ErrInvalidName, "%q contains a non-printable character", name)
		}
	}
	return nil
}

// ValidateReason checks the free-text reason of a governance action about an
// organisation (never about a patient).
func ValidateReason(reason string) error {
	if strings.TrimSpace(reason) == "" {
		return errorsmod.Wrap(ErrInvalidReason, "a reason is required")
	}
	if len(reason) > MaxReasonLength {
		return errorsmod.Wrapf(ErrInvalidReason, "reason is %d bytes, at most %d allowed", len(reason), MaxReasonLength)
	}
	return nil
}

// Validate checks an algorithm-tagged content hash.
func (h ContentHash) Validate() error {
	switch h.Algorithm {
	case DIGEST_ALGORITHM_SHA256:
		if len(h.Digest) != sha256DigestLength {
			return errorsmod.Wrapf(ErrInvalidHash, "a sha256 digest has %d bytes, got %d", sha256DigestLength, len(h.Digest))
		}
		return nil
	case DIGEST_ALGORITHM_UNSPECIFIED:
		return errorsmod.Wrap(ErrInvalidHash, "digest algorithm is required")
	default:
		return errorsmod.Wrapf(ErrInvalidHash, "unknown digest algorithm %d", h.Algorithm)
	}
}

// ValidateIdentifiers checks that a member of the given kind carries exactly the
// identifiers that kind uses: an NPI for a provider; a payer id and/or NAIC code
// for an insurer.
func ValidateIdentifiers(kind MemberKind, npi, payerID, naic string) error {
	switch kind {
	case MEMBER_KIND_PROVIDER:
		if npi == "" {
			return errorsmod.Wrap(ErrMissingIdentifier, "a provider needs an NPI")
		}
		if payerID != "" || naic != "" {
			return errorsmod.Wrap(ErrInvalidKind, "a provider has no payer id or NAIC code")
		}
		return ValidateNPI(npi)
	case MEMBER_KIND_INSURER:
		if npi != "" {
			return errorsmod.Wrap(ErrInvalidKind, "an insurer has no NPI; use its payer id or NAIC code")
		}
		if payerID == "" && naic == "" {
			return errorsmod.Wrap(ErrMissingIdentifier, "an insurer needs a payer id or a NAIC code")
		}
		if payerID != "" {
			if err := ValidatePayerID(payerID); err != nil {
				return err
			}
		}
		if naic != "" {
			if err := ValidateNAIC(naic); err != nil {
				return err
			}
		}
		return nil
	default:
		return errorsmod.Wrapf(ErrInvalidKind, "kind must be INSURER or PROVIDER, got %s", kind)
	}
}

// IdentifierKeys returns the registry keys that must be unique across members,
// e.g. "npi:1234567893", "payer:ACME1", "naic:12345".
func IdentifierKeys(npi, payerID, naic string) []string {
	var keys []string
	if npi != "" {
		keys = append(keys, fmt.Sprintf("npi:%s", npi))
	}
	if payerID != "" {
		keys = append(keys, fmt.Sprintf("payer:%s", payerID))
	}
	if naic != "" {
		keys = append(keys, fmt.Sprintf("naic:%s", naic))
	}
	return keys
}
