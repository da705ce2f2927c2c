package engine

import (
	"fmt"
	"time"
)

// dateLayout is the one date format on chain.
const dateLayout = "2006-01-02"

const secondsPerDay = 24 * 60 * 60

// parseDate parses a YYYY-MM-DD date as midnight UTC. time.Parse is a pure
// function of its input (unlike time.Now), so every validator agrees. Because
// the layout is fixed-width, valid dates also compare correctly as strings.
func parseDate(field, s string) (time.Time, error) {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s %q is not a YYYY-MM-DD date", field, s)
	}
	if t.Year() < 1 || t.Year() > 9999 {
		return time.Time{}, fmt.Errorf("%s %q is out of range", field, s)
	}
	return t, nil
}

// daysBetween returns the number of calendar days from a to b (negative when b
// precedes a). It works on Unix seconds rather than time.Duration, which would
// saturate for spans over 292 years.
func daysBetween(a, b time.Time) int64 {
	return (b.Unix() - a.Unix()) / secondsPerDay
}

// maxDate is the last date the fixed-width layout can hold.
const maxDate = "9999-12-31"

// addDays returns the date n days after t, as YYYY-MM-DD, capped at maxDate so
// the result stays a fixed-width string that compares correctly.
func addDays(t time.Time, n int) string {
	u := t.AddDate(0, 0, n)
	if u.Year() > 9999 {
		return maxDate
	}
	return u.Format(dateLayout)
}
