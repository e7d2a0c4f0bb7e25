package render

import (
	"strconv"
	"testing"
)

// TestSeenStrings adds values past the ones compared one by one: each is
// new once and a duplicate after, on both sides of the boundary.
func TestSeenStrings(t *testing.T) {
	t.Parallel()
	var s seenStrings
	for round := range 2 {
		for i := range 3 * seenFew {
			v := strconv.Itoa(i)
			if i == 0 {
				v = ""
			}
			if dup := s.add(v); dup != (round == 1) {
				t.Fatalf("round %d: add(%q) = %v", round, v, dup)
			}
		}
	}
}
