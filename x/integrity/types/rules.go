package types

// Rule ids and their fixed points. A claim's risk score is the sum of the
// points of its flags.
const (
	RuleDay     = "R-FLAG-DAY"
	RuleEM      = "R-FLAG-EM"
	RuleVolume  = "R-FLAG-VOLUME"
	RuleDispute = "R-FLAG-DISPUTE"

	PointsDay     uint32 = 60
	PointsEM      uint32 = 30
	PointsVolume  uint32 = 20
	PointsDispute uint32 = 100
)

// RuleIDs lists every rule, sorted.
var RuleIDs = []string{RuleDay, RuleDispute, RuleEM, RuleVolume}

// KnownRule reports whether id is one of the rules.
func KnownRule(id string) bool {
	for _, r := range RuleIDs {
		if r == id {
			return true
		}
	}
	return false
}
