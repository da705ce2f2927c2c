package types

import (
	"fmt"
	"strings"
	"time"

	errorsmod "cosmossdk.io/errors"

	"github.com/claimchain/claimchain/x/limits"
)

// Size limits of attestation and claim fields, stated in x/limits and enforced in validation.
const (
	MaxLines          = limits.MaxLines
	MaxDiagnosisCodes = limits.MaxDiagnosisCodes // as on the CMS-1500
	MaxModifiers      = limits.MaxModifiers
	MaxUnits          = limits.MaxUnits
	MaxResolverURI    = limits.MaxResolverURILength
	MaxIDLength       = limits.MaxIDLength
)

// DateLayout is the one date format on chain: YYYY-MM-DD.
const DateLayout = "2006-01-02"

// ValidateDate checks a YYYY-MM-DD calendar date between 1900 and 2999.
func ValidateDate(field, s string) error {
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidDate, "%s %q: want YYYY-MM-DD", field, s)
	}
	if t.Year() < 1900 || t.Year() > 2999 {
		return errorsmod.Wrapf(ErrInvalidDate, "%s %q: year out of range", field, s)
	}
	return nil
}

// ValidateNotFuture refuses a YYYY-MM-DD date after the block's UTC date plus
// one day: care is attested once given, and the day of slack lets a provider east
// of UTC (Guam is UTC+10) attest on its local date. Dates of this layout compare
// as strings. blockTime is the block's time, never the wall clock.
func ValidateNotFuture(field, s string, blockTime time.Time) error {
	if latest := blockTime.UTC().AddDate(0, 0, 1).Format(DateLayout); s > latest {
		return errorsmod.Wrapf(ErrInvalidDate, "%s %s is in the future (latest accepted: %s)", field, s, latest)
	}
	return nil
}

// ValidateProcedureCode checks a CPT-format code (5 digits, or 4 digits and F,
// T or U for categories II, III and PLA) or a HCPCS level II code (a letter A–V
// and 4 digits). Codes are upper case, without spaces.
func ValidateProcedureCode(code string) error {
	if len(code) != 5 {
		return errorsmod.Wrapf(ErrInvalidCode, "procedure code %q: want 5 characters (CPT 99213, 0001U; HCPCS J1100)", code)
	}
	first, last := code[0], code[4]
	for i := 1; i < 4; i++ {
		if !isDigit(code[i]) {
			return errorsmod.Wrapf(ErrInvalidCode, "procedure code %q: characters 2-4 must be digits", code)
		}
	}
	switch {
	case isDigit(first) && (isDigit(last) || last == 'F' || last == 'T' || last == 'U'):
		return nil // CPT
	case first >= 'A' && first <= 'V' && isDigit(last):
		return nil // HCPCS level II
	}
	return errorsmod.Wrapf(ErrInvalidCode, "procedure code %q is neither CPT-format nor HCPCS level II", code)
}

// ValidateModifiers checks up to four two-character, upper-case alphanumeric
// modifiers, with no repeats.
func ValidateModifiers(mods []string) error {
	if len(mods) > MaxModifiers {
		return errorsmod.Wrapf(ErrInvalidCode, "%d modifiers, at most %d allowed", len(mods), MaxModifiers)
	}
	seen := map[string]bool{}
	for _, m := range mods {
		if len(m) != 2 || !isUpperAlnum(m[0]) || !isUpperAlnum(m[1]) {
			return errorsmod.Wrapf(ErrInvalidCode, "modifier %q: want two upper-case letters or digits", m)
		}
		if seen[m] {
			return errorsmod.Wrapf(ErrInvalidCode, "modifier %q repeated", m)
		}
		seen[m] = true
	}
	return nil
}

// NormalizeDiagnosisCode returns an ICD-10-CM code in the X12 form (upper case,
// no dot): "e11.9" -> "E119". It refuses anything that is not ICD-10-CM shaped:
// a letter, a digit, a digit or letter, then up to four letters or digits.
func NormalizeDiagnosisCode(code string) (string, error) {
	c := strings.ToUpper(code)
	if len(c) > 3 && c[3] == '.' {
		c = c[:3] + c[4:]
	}
	if len(c) < 3 || len(c) > 7 {
		return "", errorsmod.Wrapf(ErrInvalidCode, "diagnosis code %q: ICD-10-CM codes have 3 to 7 characters", code)
	}
	if c[0] < 'A' || c[0] > 'Z' || !isDigit(c[1]) || !isUpperAlnum(c[2]) {
		return "", errorsmod.Wrapf(ErrInvalidCode, "diagnosis code %q: want a letter, a digit, then a letter or digit (e.g. E11.9)", code)
	}
	for i := 3; i < len(c); i++ {
		if !isUpperAlnum(c[i]) {
			return "", errorsmod.Wrapf(ErrInvalidCode, "diagnosis code %q: unexpected character %q", code, c[i])
		}
	}
	return c, nil
}

// NormalizeDiagnosisCodes normalises a list of diagnosis codes, refusing
// duplicates and more than MaxDiagnosisCodes.
func NormalizeDiagnosisCodes(codes []string) ([]string, error) {
	if len(codes) > MaxDiagnosisCodes {
		return nil, errorsmod.Wrapf(ErrInvalidCode, "%d diagnosis codes, at most %d allowed", len(codes), MaxDiagnosisCodes)
	}
	out := make([]string, 0, len(codes))
	seen := map[string]bool{}
	for _, code := range codes {
		c, err := NormalizeDiagnosisCode(code)
		if err != nil {
			return nil, err
		}
		if seen[c] {
			return nil, errorsmod.Wrapf(ErrInvalidCode, "diagnosis code %s repeated", c)
		}
		seen[c] = true
		out = append(out, c)
	}
	return out, nil
}

// ValidatePlaceOfService checks a CMS place-of-service code: two digits,
// 01-99, excluding 00.
func ValidatePlaceOfService(pos string) error {
	if len(pos) != 2 || !isDigit(pos[0]) || !isDigit(pos[1]) || pos == "00" {
		return errorsmod.Wrapf(ErrInvalidCode, "place of service %q: want a two-digit CMS POS code such as 11 (office)", pos)
	}
	return nil
}

// ValidateUnits checks a count of service units.
func ValidateUnits(units uint32) error {
	if units == 0 || units > MaxUnits {
		return errorsmod.Wrapf(ErrInvalidLine, "units %d: want 1 to %d", units, MaxUnits)
	}
	return nil
}

// ValidateResolverURI checks an optional URI where the off-chain record lives.
// It must not carry spaces (so no free text) and must name a scheme.
func ValidateResolverURI(uri string) error {
	if uri == "" {
		return nil
	}
	if len(uri) > MaxResolverURI {
		return errorsmod.Wrapf(ErrInvalidURI, "resolver URI is %d bytes, at most %d", len(uri), MaxResolverURI)
	}
	scheme, rest, ok := strings.Cut(uri, ":")
	if !ok || scheme == "" || rest == "" || strings.ContainsAny(uri, " \t\r\n") {
		return errorsmod.Wrapf(ErrInvalidURI, "resolver URI %q: want scheme:path with no spaces", uri)
	}
	return nil
}

func isDigit(b byte) bool      { return b >= '0' && b <= '9' }
func isUpperAlnum(b byte) bool { return isDigit(b) || (b >= 'A' && b <= 'Z') }

// FormatID renders a provider-scoped id: "<prefix>-<provider id>-<sequence>".
func FormatID(prefix string, providerID, seq uint64) string {
	return fmt.Sprintf("%s-%d-%d", prefix, providerID, seq)
}

// ParseID reads an id written by FormatID.
func ParseID(prefix, id string) (providerID, seq uint64, err error) {
	if len(id) > MaxIDLength {
		return 0, 0, errorsmod.Wrapf(ErrInvalidID, "id is %d bytes", len(id))
	}
	var p, s uint64
	n, scanErr := fmt.Sscanf(id, prefix+"-%d-%d", &p, &s)
	if scanErr != nil || n != 2 || FormatID(prefix, p, s) != id || p == 0 || s == 0 {
		return 0, 0, errorsmod.Wrapf(ErrInvalidID, "%q: want %s-<provider id>-<sequence>", id, prefix)
	}
	return p, s, nil
}
