package types_test

import (
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/claimchain/claimchain/x/membership/types"
)

// errCase is a table row of a validator taking one string: errIs nil means the
// input is valid; otherwise the error must be errIs and its message must
// contain msg (the reason a user would read).
type errCase struct {
	name  string
	in    string
	errIs error
	msg   string
}

func runErrCases(t *testing.T, validate func(string) error, cases []errCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := validate(tc.in)
			if tc.errIs == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.errIs)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestValidateNPI(t *testing.T) {
	runErrCases(t, types.ValidateNPI, []errCase{
		{"valid 1234567893", "1234567893", nil, ""},
		{"valid 1987654328", "1987654328", nil, ""},
		{"valid 1543210987", "1543210987", nil, ""},
		{"wrong check digit", "1234567890", types.ErrInvalidNPI, "check digit does not match"},
		{"wrong check digit by one", "1987654329", types.ErrInvalidNPI, "check digit does not match"},
		{"transposed digits", "2134567893", types.ErrInvalidNPI, "check digit does not match"},
		{"9 digits", "123456789", types.ErrInvalidNPI, "exactly 10 digits"},
		{"11 digits", "12345678931", types.ErrInvalidNPI, "exactly 10 digits"},
		{"empty", "", types.ErrInvalidNPI, "exactly 10 digits"},
		{"letter inside", "12345678A3", types.ErrInvalidNPI, "digits only"},
		{"all letters", "ABCDEFGHIJ", types.ErrInvalidNPI, "digits only"},
		{"leading space", " 234567893", types.ErrInvalidNPI, "digits only"},
		{"minus sign", "-234567893", types.ErrInvalidNPI, "digits only"},
		{"non-ASCII digits", "１２３４５６７８９３", types.ErrInvalidNPI, "exactly 10 digits"},
	})
}

// Every NPI has exactly one valid check digit.
func TestValidateNPIOnlyOneCheckDigit(t *testing.T) {
	for _, npi := range []string{"1234567893", "1987654328", "1543210987"} {
		valid := 0
		for d := '0'; d <= '9'; d++ {
			candidate := npi[:9] + string(d)
			if err := types.ValidateNPI(candidate); err == nil {
				valid++
				require.Equal(t, npi, candidate)
			} else {
				require.ErrorIs(t, err, types.ErrInvalidNPI)
			}
		}
		require.Equal(t, 1, valid, npi)
	}
}

func TestValidateNPIErrorQuotesInput(t *testing.T) {
	err := types.ValidateNPI("1234567890")
	require.ErrorContains(t, err, `"1234567890"`)
	require.NotErrorIs(t, err, types.ErrInvalidPayerID)
	require.NotErrorIs(t, err, types.ErrInvalidNAIC)
}

func TestValidatePayerID(t *testing.T) {
	runErrCases(t, types.ValidatePayerID, []errCase{
		{"letters and digits", "ACME1", nil, ""},
		{"digits only", "00123", nil, ""},
		{"letters only", "ZZZZZ", nil, ""},
		{"lower case", "acme1", types.ErrInvalidPayerID, "upper-case letters and digits only"},
		{"mixed case", "Acme1", types.ErrInvalidPayerID, "upper-case letters and digits only"},
		{"punctuation", "AC-E1", types.ErrInvalidPayerID, "upper-case letters and digits only"},
		{"inner space", "AC E1", types.ErrInvalidPayerID, "upper-case letters and digits only"},
		{"too short", "ACME", types.ErrInvalidPayerID, "exactly 5 characters"},
		{"too long", "ACME12", types.ErrInvalidPayerID, "exactly 5 characters"},
		{"empty", "", types.ErrInvalidPayerID, "exactly 5 characters"},
		{"non-ASCII letter", "ACMÉ", types.ErrInvalidPayerID, "upper-case letters and digits only"},
	})
}

func TestValidateNAIC(t *testing.T) {
	runErrCases(t, types.ValidateNAIC, []errCase{
		{"five digits", "12345", nil, ""},
		{"leading zeros", "00001", nil, ""},
		{"four digits", "1234", types.ErrInvalidNAIC, "exactly 5 digits"},
		{"six digits", "123456", types.ErrInvalidNAIC, "exactly 5 digits"},
		{"empty", "", types.ErrInvalidNAIC, "exactly 5 digits"},
		{"letter", "1234A", types.ErrInvalidNAIC, "digits only"},
		{"inner space", "12 45", types.ErrInvalidNAIC, "digits only"},
	})
}

func TestValidateName(t *testing.T) {
	runErrCases(t, types.ValidateName, []errCase{
		{"plain", "Riverside Family Clinic", nil, ""},
		{"one character", "A", nil, ""},
		{"punctuation", "St. Mary's Hospital (North) & Co.", nil, ""},
		{"non-ASCII letters", "Clínica São José", nil, ""},
		{"exactly MaxNameLength bytes", strings.Repeat("a", types.MaxNameLength), nil, ""},
		{"MaxNameLength bytes of 2-byte runes", strings.Repeat("é", types.MaxNameLength/2), nil, ""},
		{"empty", "", types.ErrInvalidName, "name is empty"},
		{"only spaces", "   ", types.ErrInvalidName, "name is empty"},
		{"only a tab", "\t", types.ErrInvalidName, "name is empty"},
		{"leading space", " Acme Health", types.ErrInvalidName, "leading or trailing spaces"},
		{"trailing space", "Acme Health ", types.ErrInvalidName, "leading or trailing spaces"},
		{"trailing newline", "Acme Health\n", types.ErrInvalidName, "leading or trailing spaces"},
		{"too long", strings.Repeat("a", types.MaxNameLength+1), types.ErrInvalidName, "name is 129 bytes, at most 128 allowed"},
		{"too long in bytes, not runes", strings.Repeat("é", types.MaxNameLength/2+1), types.ErrInvalidName, "name is 130 bytes"},
		{"inner newline", "Acme\nHealth", types.ErrInvalidName, "non-printable character"},
		{"inner tab", "Acme\tHealth", types.ErrInvalidName, "non-printable character"},
		{"NUL byte", "Acme\x00Health", types.ErrInvalidName, "non-printable character"},
		{"escape sequence", "Acme\x1b[31mHealth", types.ErrInvalidName, "non-printable character"},
		{"zero-width space", "Acme\u200bHealth", types.ErrInvalidName, "non-printable character"},
	})
}

func TestValidateReason(t *testing.T) {
	runErrCases(t, types.ValidateReason, []errCase{
		{"plain", "licence under review", nil, ""},
		{"exactly MaxReasonLength bytes", strings.Repeat("r", types.MaxReasonLength), nil, ""},
		{"empty", "", types.ErrInvalidReason, "a reason is required"},
		{"only whitespace", " \t\n", types.ErrInvalidReason, "a reason is required"},
		{"too long", strings.Repeat("r", types.MaxReasonLength+1), types.ErrInvalidReason, "reason is 257 bytes, at most 256 allowed"},
	})
}

func TestContentHashValidate(t *testing.T) {
	sum := sha256.Sum256([]byte("agreement"))
	cases := []struct {
		name  string
		hash  types.ContentHash
		errIs error
		msg   string
	}{
		{"sha256 of 32 bytes", types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256, Digest: sum[:]}, nil, ""},
		{"zero value", types.ContentHash{}, types.ErrInvalidHash, "digest algorithm is required"},
		{"digest without algorithm", types.ContentHash{Digest: sum[:]}, types.ErrInvalidHash, "digest algorithm is required"},
		{"sha256 without digest", types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256}, types.ErrInvalidHash, "a sha256 digest has 32 bytes, got 0"},
		{"sha256 too short", types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256, Digest: sum[:31]}, types.ErrInvalidHash, "got 31"},
		{"sha256 too long", types.ContentHash{Algorithm: types.DIGEST_ALGORITHM_SHA256, Digest: append(sum[:], 0)}, types.ErrInvalidHash, "got 33"},
		{"unknown algorithm", types.ContentHash{Algorithm: types.DigestAlgorithm(99), Digest: sum[:]}, types.ErrInvalidHash, "unknown digest algorithm 99"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.hash.Validate()
			if tc.errIs == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.errIs)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestValidateIdentifiers(t *testing.T) {
	const (
		npi   = "1234567893"
		payer = "ACME1"
		naic  = "12345"
	)
	provider, insurer := types.MEMBER_KIND_PROVIDER, types.MEMBER_KIND_INSURER
	cases := []struct {
		name             string
		kind             types.MemberKind
		npi, payer, naic string
		errIs            error
		msg              string
	}{
		{"provider with NPI", provider, npi, "", "", nil, ""},
		{"provider without identifiers", provider, "", "", "", types.ErrMissingIdentifier, "a provider needs an NPI"},
		{"provider with payer id only", provider, "", payer, "", types.ErrMissingIdentifier, "a provider needs an NPI"},
		{"provider with NAIC only", provider, "", "", naic, types.ErrMissingIdentifier, "a provider needs an NPI"},
		{"provider with NPI and payer id", provider, npi, payer, "", types.ErrInvalidKind, "a provider has no payer id or NAIC code"},
		{"provider with NPI and NAIC", provider, npi, "", naic, types.ErrInvalidKind, "a provider has no payer id or NAIC code"},
		{"provider with all three", provider, npi, payer, naic, types.ErrInvalidKind, "a provider has no payer id or NAIC code"},
		{"provider with bad NPI", provider, "1234567890", "", "", types.ErrInvalidNPI, "check digit"},
		{"insurer with payer id", insurer, "", payer, "", nil, ""},
		{"insurer with NAIC", insurer, "", "", naic, nil, ""},
		{"insurer with payer id and NAIC", insurer, "", payer, naic, nil, ""},
		{"insurer without identifiers", insurer, "", "", "", types.ErrMissingIdentifier, "an insurer needs a payer id or a NAIC code"},
		{"insurer with NPI only", insurer, npi, "", "", types.ErrInvalidKind, "an insurer has no NPI"},
		{"insurer with NPI and payer id", insurer, npi, payer, "", types.ErrInvalidKind, "an insurer has no NPI"},
		{"insurer with bad payer id", insurer, "", "acme1", "", types.ErrInvalidPayerID, "upper-case"},
		{"insurer with bad NAIC", insurer, "", "", "1234", types.ErrInvalidNAIC, "exactly 5 digits"},
		{"insurer with good payer id, bad NAIC", insurer, "", payer, "1234A", types.ErrInvalidNAIC, "digits only"},
		{"insurer with bad payer id, good NAIC", insurer, "", "ACME", naic, types.ErrInvalidPayerID, "exactly 5 characters"},
		{"unspecified kind", types.MEMBER_KIND_UNSPECIFIED, npi, "", "", types.ErrInvalidKind, "kind must be INSURER or PROVIDER, got MEMBER_KIND_UNSPECIFIED"},
		{"unspecified kind without identifiers", types.MEMBER_KIND_UNSPECIFIED, "", "", "", types.ErrInvalidKind, "INSURER or PROVIDER"},
		{"unknown kind", types.MemberKind(7), "", payer, "", types.ErrInvalidKind, "got 7"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := types.ValidateIdentifiers(tc.kind, tc.npi, tc.payer, tc.naic)
			if tc.errIs == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.errIs)
			require.ErrorContains(t, err, tc.msg)
		})
	}
}

func TestIdentifierKeys(t *testing.T) {
	cases := []struct {
		name             string
		npi, payer, naic string
		want             []string
	}{
		{"none", "", "", "", nil},
		{"NPI", "1234567893", "", "", []string{"npi:1234567893"}},
		{"payer id", "", "ACME1", "", []string{"payer:ACME1"}},
		{"NAIC", "", "", "12345", []string{"naic:12345"}},
		{"payer id and NAIC", "", "ACME1", "12345", []string{"payer:ACME1", "naic:12345"}},
		{"all three, in fixed order", "1234567893", "ACME1", "12345", []string{"npi:1234567893", "payer:ACME1", "naic:12345"}},
		// The kinds have separate namespaces: a payer id and a NAIC code with
		// the same digits never collide.
		{"same digits in payer id and NAIC", "", "12345", "12345", []string{"payer:12345", "naic:12345"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.want, types.IdentifierKeys(tc.npi, tc.payer, tc.naic))
		})
	}
}
