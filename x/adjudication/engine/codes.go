package engine

import (
	adjtypes "github.com/claimchain/claimchain/x/adjudication/types"
)

// codeInRange reports whether a procedure code matches a CodeRange. A range
// with an empty "to" (or to == from) is the single code "from". Otherwise the
// code matches when from <= code <= to compared as strings, and only when the
// code, from and to all have the same length: "99202".."99215" holds "99213"
// but not "9921" or "992130", and string order is then the natural order of
// same-shape codes (digits and letters in fixed positions).
func codeInRange(code string, r adjtypes.CodeRange) bool {
	if r.To == "" || r.To == r.From {
		return code == r.From
	}
	if len(code) != len(r.From) || len(code) != len(r.To) {
		return false
	}
	return r.From <= code && code <= r.To
}

// findCode returns the index of the first range holding code, or -1.
func findCode(code string, ranges []adjtypes.CodeRange) int {
	for i, r := range ranges {
		if codeInRange(code, r) {
			return i
		}
	}
	return -1
}

// describeRange renders a range for an explanation: "27447" or "97110–97546".
func describeRange(r adjtypes.CodeRange) string {
	if r.To == "" || r.To == r.From {
		return r.From
	}
	return r.From + "–" + r.To
}
