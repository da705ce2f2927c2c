package types

// Lookup answers, for each table kind, "which row applies on this date of
// service, under which version" (the refdata keeper's NewLookup). Every answer
// carries the version in force on the date (0 when none is) so a decision can
// cite it, then the row and whether one applies (for Exclusion: whether the NPI
// is excluded). One Lookup reads each kind's in-force versions once: open one
// per claim and ask it all of the claim's questions.
type Lookup interface {
	PTP(column1, column2, date string) (uint32, PtpRow, bool, error)
	MUE(code, date string) (uint32, MueRow, bool, error)
	AddOn(code, date string) (uint32, AddOnRow, bool, error)
	AgeSex(code, date string) (uint32, AgeSexRow, bool, error)
	Exclusion(npi, date string) (uint32, ExclusionRow, bool, error)
	TypicalMinutes(code, date string) (uint32, TypicalMinutesRow, bool, error)
	EMLevel(code, date string) (uint32, EmLevelRow, bool, error)
}
