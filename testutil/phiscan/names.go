package phiscan

import (
	_ "embed"
	"regexp"
	"strings"
	"unicode"
)

// The name lists: common US first names (SSA baby-name lists) and surnames
// (Census 2010), one a line, "#" starts a comment. Names that are also common
// English words, months, places, colours or medical eponyms (Will, May, Grace,
// Young, Brown, Ward, Colon, Bell…) are left out on purpose: they would flag
// plain text, and the pair detector needs only enough real names to catch a
// name that slips into state.
var (
	//go:embed first_names.txt
	firstNamesFile string
	//go:embed last_names.txt
	lastNamesFile string
)

// Names are the first and last names the name detectors look for, lower case.
type Names struct {
	First map[string]bool
	Last  map[string]bool
}

// DefaultNames returns the committed lists.
func DefaultNames() *Names {
	return &Names{First: parseList(firstNamesFile), Last: parseList(lastNamesFile)}
}

func parseList(text string) map[string]bool {
	out := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		for _, w := range strings.Fields(line) {
			out[strings.ToLower(w)] = true
		}
	}
	return out
}

// token is one word of a value and where it starts and ends.
type token struct {
	word       string // lower case
	start, end int
}

var letterRunRE = regexp.MustCompile(`[A-Za-z]+`)

// tokens splits s into words: runs of letters, also split where a lower-case
// letter is followed by an upper-case one ("JohnSmith" is John, Smith).
func tokens(s string) []token {
	var out []token
	for _, loc := range letterRunRE.FindAllStringIndex(s, -1) {
		start := loc[0]
		for i := loc[0] + 1; i < loc[1]; i++ {
			if unicode.IsLower(rune(s[i-1])) && unicode.IsUpper(rune(s[i])) {
				out = append(out, token{strings.ToLower(s[start:i]), start, i})
				start = i
			}
		}
		out = append(out, token{strings.ToLower(s[start:loc[1]]), start, loc[1]})
	}
	return out
}

// Separators allowed between the parts of a name: spaces and the characters
// that join words in identifiers and URIs ("john.smith", "john_smith").
var (
	nameSepRE      = regexp.MustCompile(`^[\s._+-]{0,3}$`)
	initialSepRE   = regexp.MustCompile(`^\.?[\s._+-]{0,3}$`)
	lastFirstSepRE = regexp.MustCompile(`^\s*,\s*$`)
)

// Pairs returns the person names in s: a listed first name followed by a
// listed last name ("John Smith", "john.smith", "JohnSmith"), optionally with
// a middle initial ("John Q. Smith"), or "Smith, John". Matching ignores case.
func (n *Names) Pairs(s string) []string {
	toks := tokens(s)
	var out []string
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		sep := s[a.end:b.start]
		switch {
		case n.First[a.word] && n.Last[b.word] && nameSepRE.MatchString(sep):
			out = append(out, s[a.start:b.end])
		case n.Last[a.word] && n.First[b.word] && lastFirstSepRE.MatchString(sep):
			out = append(out, s[a.start:b.end])
		case i+2 < len(toks) && len(b.word) == 1 && n.First[a.word] && n.Last[toks[i+2].word] &&
			nameSepRE.MatchString(sep) && initialSepRE.MatchString(s[b.end:toks[i+2].start]):
			out = append(out, s[a.start:toks[i+2].end])
		}
	}
	return out
}

// Tokens returns every listed first or last name that appears as a word of s,
// for fields about a patient where no name may appear at all.
func (n *Names) Tokens(s string) []string {
	var out []string
	for _, t := range tokens(s) {
		if n.First[t.word] || n.Last[t.word] {
			out = append(out, s[t.start:t.end])
		}
	}
	return out
}
