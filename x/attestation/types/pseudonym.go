package types

import (
	"crypto/rand"
	"encoding/hex"

	errorsmod "cosmossdk.io/errors"
)

// PseudonymBytes is the size of a member pseudonym: 32 random bytes.
const PseudonymBytes = 32

// A member pseudonym is 32 random bytes issued by the insurer at enrolment and
// written in one encoding everywhere: 64 lower-case hexadecimal characters. It is
// never derived from anything about the person (45 CFR 164.514(c)): the insurer
// keeps the mapping to its member number off-chain.
//
// ValidatePseudonym refuses anything else — names, dates of birth, member
// numbers, upper case, separators — and strings with so few distinct digits that
// they cannot be random (such as all zeros).
func ValidatePseudonym(p string) error {
	if len(p) != 2*PseudonymBytes {
		return errorsmod.Wrapf(ErrInvalidPseudonym, "a member pseudonym is %d lower-case hex characters (32 random bytes), got %d characters",
			2*PseudonymBytes, len(p))
	}
	distinct := map[rune]bool{}
	for _, r := range p {
		if (r < '0' || r > '9') && (r < 'a' || r > 'f') {
			return errorsmod.Wrapf(ErrInvalidPseudonym, "a member pseudonym has only the characters 0-9 and a-f, found %q", r)
		}
		distinct[r] = true
	}
	// 64 random hex digits use ~16 distinct values; fewer than 8 is not random.
	if len(distinct) < 8 {
		return errorsmod.Wrap(ErrInvalidPseudonym, "the pseudonym is not random (too few distinct digits)")
	}
	return nil
}

// NewPseudonym draws a fresh random pseudonym. Client-side only: the state
// machine never calls it.
func NewPseudonym() (string, error) {
	b := make([]byte, PseudonymBytes)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}
