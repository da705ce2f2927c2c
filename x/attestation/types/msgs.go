package types

import (
	errorsmod "cosmossdk.io/errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/claimchain/claimchain/x/limits"
	membershiptypes "github.com/claimchain/claimchain/x/membership/types"
)

var _ sdk.Msg = &MsgAttestTreatment{}

// Validate checks everything about an attestation that needs no state. The
// msg server runs it first; the state checks (active provider, active insurer,
// the superseded attestation) follow in the keeper.
func (m *MsgAttestTreatment) Validate() error {
	if _, err := sdk.AccAddressFromBech32(m.Provider); err != nil {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidAddress, "provider %q: %s", m.Provider, err)
	}
	if m.InsurerId == 0 {
		return errorsmod.Wrap(ErrUnknownInsurer, "insurer_id is required")
	}
	return validateRecord(m.Member, m.EncounterDate, m.PlaceOfService, m.DiagnosisCodes, m.Lines,
		m.RecordHash, m.ResolverUri, m.Supersedes)
}

// Validate checks a stored attestation (genesis import): the same rules as the
// msg, plus a well-formed id that matches its provider, normalised diagnosis
// codes and consistent amendment links.
func (a Attestation) Validate() error {
	provider, _, err := ParseAttestationID(a.Id)
	if err != nil {
		return err
	}
	if provider != a.ProviderId {
		return errorsmod.Wrapf(ErrInvalidAttestation, "%s has provider_id %d", a.Id, a.ProviderId)
	}
	if a.InsurerId == 0 {
		return errorsmod.Wrapf(ErrUnknownInsurer, "%s: insurer_id is required", a.Id)
	}
	if _, err := sdk.AccAddressFromBech32(a.Signer); err != nil {
		return errorsmod.Wrapf(sdkerrors.ErrInvalidAddress, "%s signer %q: %s", a.Id, a.Signer, err)
	}
	if err := validateRecord(a.Member, a.EncounterDate, a.PlaceOfService, a.DiagnosisCodes, a.Lines,
		a.RecordHash, a.ResolverUri, a.Supersedes); err != nil {
		return errorsmod.Wrapf(err, "attestation %s", a.Id)
	}
	normalised, _ := NormalizeDiagnosisCodes(a.DiagnosisCodes)
	for i := range normalised {
		if normalised[i] != a.DiagnosisCodes[i] {
			return errorsmod.Wrapf(ErrInvalidAttestation, "%s: diagnosis code %q is not stored normalised (%s)",
				a.Id, a.DiagnosisCodes[i], normalised[i])
		}
	}
	for _, link := range []struct{ field, id string }{{"supersedes", a.Supersedes}, {"superseded_by", a.SupersededBy}} {
		if link.id == "" {
			continue
		}
		p, _, err := ParseAttestationID(link.id)
		if err != nil {
			return errorsmod.Wrapf(err, "%s %s", a.Id, link.field)
		}
		if p != a.ProviderId || link.id == a.Id {
			return errorsmod.Wrapf(ErrSupersedeMismatch, "%s %s %s: an amendment links attestations of the same provider",
				a.Id, link.field, link.id)
		}
	}
	if a.Height < 0 {
		return errorsmod.Wrapf(ErrInvalidAttestation, "%s: negative height", a.Id)
	}
	return nil
}

// validateRecord holds the checks shared by the msg and the stored record.
func validateRecord(member, encounterDate, pos string, diagnosisCodes []string, lines []ServiceLine,
	recordHash membershiptypes.ContentHash, resolverURI, supersedes string,
) error {
	if err := ValidatePseudonym(member); err != nil {
		return err
	}
	if err := ValidateDate("encounter_date", encounterDate); err != nil {
		return err
	}
	if err := ValidatePlaceOfService(pos); err != nil {
		return err
	}
	if len(diagnosisCodes) == 0 {
		return errorsmod.Wrap(ErrInvalidCode, "at least one diagnosis code is required")
	}
	if _, err := NormalizeDiagnosisCodes(diagnosisCodes); err != nil {
		return err
	}
	if err := ValidateLines(lines); err != nil {
		return err
	}
	if err := recordHash.Validate(); err != nil {
		return errorsmod.Wrap(err, "record_hash")
	}
	if err := ValidateResolverURI(resolverURI); err != nil {
		return err
	}
	if supersedes != "" {
		if _, _, err := ParseAttestationID(supersedes); err != nil {
			return errorsmod.Wrap(err, "supersedes")
		}
	}
	return nil
}

// ValidateLines checks the service lines of an attestation: 1 to MaxLines of
// them, numbered 1..n in order, each well-formed.
func ValidateLines(lines []ServiceLine) error {
	if len(lines) == 0 || len(lines) > MaxLines {
		return errorsmod.Wrapf(ErrInvalidLine, "%d service lines, want 1 to %d", len(lines), MaxLines)
	}
	for i, l := range lines {
		if l.Sequence != uint32(i+1) {
			return errorsmod.Wrapf(ErrInvalidLine, "line %d has sequence %d: lines are numbered 1..n in order",
				i+1, l.Sequence)
		}
		if err := l.Validate(); err != nil {
			return errorsmod.Wrapf(err, "line %d", l.Sequence)
		}
	}
	return nil
}

// Validate checks one service line's fields (not its position).
func (l ServiceLine) Validate() error {
	if err := ValidateProcedureCode(l.Code); err != nil {
		return err
	}
	if err := ValidateModifiers(l.Modifiers); err != nil {
		return err
	}
	if err := ValidateUnits(l.Units); err != nil {
		return err
	}
	if err := ValidateDate("service_date", l.ServiceDate); err != nil {
		return err
	}
	return errorsmod.Wrap(membershiptypes.ValidateNPI(l.RenderingNpi), "rendering_npi")
}

// ValidateBasic enforces the size limits of x/limits (in CheckTx, before any
// state is read); the msg server runs Validate.
func (m *MsgAttestTreatment) ValidateBasic() error {
	for _, f := range []struct {
		name, value string
		max         int
	}{
		{"provider", m.Provider, limits.MaxAddressLength},
		{"member", m.Member, limits.MaxMemberLength},
		{"encounter_date", m.EncounterDate, limits.MaxDateLength},
		{"place_of_service", m.PlaceOfService, limits.MaxCodeLength},
		{"resolver_uri", m.ResolverUri, limits.MaxResolverURILength},
		{"supersedes", m.Supersedes, limits.MaxIDLength},
	} {
		if err := limits.CheckString(f.name, f.value, f.max); err != nil {
			return err
		}
	}
	if err := limits.CheckStrings("diagnosis_codes", m.DiagnosisCodes, limits.MaxDiagnosisCodes, limits.MaxCodeLength); err != nil {
		return err
	}
	if err := limits.CheckList("lines", len(m.Lines), limits.MaxLines); err != nil {
		return err
	}
	for _, l := range m.Lines {
		if err := l.ValidateSize(); err != nil {
			return err
		}
	}
	if err := m.RecordHash.ValidateSize("record_hash"); err != nil {
		return err
	}
	return m.Validate() // the full stateless checks: a malformed msg never reaches a block
}

// ValidateSize enforces the size limits of x/limits on one service line.
func (l ServiceLine) ValidateSize() error {
	if err := limits.CheckString("line code", l.Code, limits.MaxCodeLength); err != nil {
		return err
	}
	if err := limits.CheckStrings("line modifiers", l.Modifiers, limits.MaxModifiers, limits.MaxCodeLength); err != nil {
		return err
	}
	if err := limits.CheckString("line service_date", l.ServiceDate, limits.MaxDateLength); err != nil {
		return err
	}
	return limits.CheckString("line rendering_npi", l.RenderingNpi, limits.MaxCodeLength)
}
