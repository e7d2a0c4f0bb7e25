package render

// seenStrings is the set of values a list rule has met (DTMF values,
// destinations): the first few in an array, which a clean document's
// short lists never leave, the rest in a map.
type seenStrings struct {
	few [seenFew]string
	n   int
	m   map[string]bool
}

// seenFew is the number of values seenStrings compares one by one.
const seenFew = 16

// add adds v and reports whether it was already in the set.
func (s *seenStrings) add(v string) (dup bool) {
	for _, w := range s.few[:min(s.n, seenFew)] {
		if w == v {
			return true
		}
	}
	if s.n < seenFew {
		s.few[s.n] = v
		s.n++
		return false
	}
	if s.m[v] {
		return true
	}
	if s.m == nil {
		s.m = make(map[string]bool)
	}
	s.m[v] = true
	return false
}
