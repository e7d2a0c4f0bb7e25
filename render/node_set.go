package render

import (
	"unsafe"

	"github.com/opentact-go/opentact/verbs"
)

// nodeID is the identity of a node: the two words of its interface value,
// its dynamic type and its data pointer. Every element type is a pointer,
// so two nodes have one identity exactly when they are one element, as
// with ==; unlike ==, comparing identities never panics, whatever the
// dynamic type.
type nodeID struct {
	typ, data unsafe.Pointer
}

// idOf returns the identity of n.
func idOf(n verbs.Node) nodeID {
	return *(*nodeID)(unsafe.Pointer(&n))
}

// nodeSet is a set of node identities, an open-addressing hash table with
// linear probing: the checker's stack past shallowDepth, where a Go map
// with interface keys cost more than the rest of the check of a deep
// document (hashing, growing, deleting). The zero nodeSet is empty.
type nodeSet struct {
	slots []nodeID // a power of two long; the zero nodeID is a free slot
	n     int
}

// on reports whether anything was ever added to s.
func (s *nodeSet) on() bool { return s.slots != nil }

// slot returns the index of id's home slot.
func (s *nodeSet) slot(id nodeID) int {
	h := uint64(uintptr(id.data))*0x9E3779B97F4A7C15 ^ uint64(uintptr(id.typ))
	return int(h>>32) & (len(s.slots) - 1)
}

// has reports whether id is in s.
func (s *nodeSet) has(id nodeID) bool {
	if s.n == 0 {
		return false
	}
	for i := s.slot(id); s.slots[i] != (nodeID{}); i = (i + 1) & (len(s.slots) - 1) {
		if s.slots[i] == id {
			return true
		}
	}
	return false
}

// add puts id, which is not the zero nodeID, into s.
func (s *nodeSet) add(id nodeID) {
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	i := s.slot(id)
	for ; s.slots[i] != (nodeID{}); i = (i + 1) & (len(s.slots) - 1) {
		if s.slots[i] == id {
			return
		}
	}
	s.slots[i] = id
	s.n++
}

// grow doubles the table (128 slots at first) and puts every identity
// back.
func (s *nodeSet) grow() {
	old := s.slots
	s.slots = make([]nodeID, max(128, 2*len(old)))
	s.n = 0
	for _, id := range old {
		if id != (nodeID{}) {
			s.add(id)
		}
	}
}

// remove takes id out of s. The identities after it in its run of
// occupied slots move back where their probe allows, so that no lookup
// stops at the hole (backward-shift deletion).
func (s *nodeSet) remove(id nodeID) {
	if s.n == 0 {
		return
	}
	mask := len(s.slots) - 1
	i := s.slot(id)
	for s.slots[i] != id {
		if s.slots[i] == (nodeID{}) {
			return
		}
		i = (i + 1) & mask
	}
	for j := (i + 1) & mask; s.slots[j] != (nodeID{}); j = (j + 1) & mask {
		// The identity at j may fill the hole at i when its home slot is
		// not in (i, j], cyclically.
		if home := s.slot(s.slots[j]); (j-home)&mask >= (j-i)&mask {
			s.slots[i] = s.slots[j]
			i = j
		}
	}
	s.slots[i] = nodeID{}
	s.n--
}
