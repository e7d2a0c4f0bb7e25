package clienttest

import (
	"slices"
	"strings"
	"time"
)

// meta holds what every stored object has: its uuid and timestamps.
type meta struct {
	UUID     string
	Created  time.Time
	Modified time.Time
}

func (m *meta) base() *meta { return m }

// entity is a stored object.
type entity interface{ base() *meta }

// state is everything the fake stores. It is guarded by Server.mu.
type state struct {
	user      meta
	account   meta
	tokens    map[string]*apiToken // by uuid
	inventory map[int64]string     // available number → number type
	tnProfile *tnProfile
	orders    map[string]*order
	leases    map[string]*lease
	conns     map[string]*sipConn
	apps      map[string]*sipApp
	hosted    map[string][]byte      // app uuid → hosted call flow
	logs      map[string][]*callLog  // app uuid → logs
	mprofiles map[string]*msgProfile // messaging profiles
	messages  map[string]*message
	calls     map[string]*call
	pushed    map[string][][]byte // call uuid → pushed flows
	batches   []*batch
	ovps      map[string]*voiceProfile
	domains   map[string]*sipDomain // by domain name
	subs      map[string]*subscription
	sent      []SentMessage
	voices    []obj // seeded, read-only
}

// newMeta returns the meta of a new object. The caller holds s.mu.
func (s *Server) newMeta() meta {
	now := s.now()
	return meta{UUID: s.newUUID(), Created: now, Modified: now}
}

// seed fills the initial state.
func (s *Server) seed() {
	s.st = state{
		tokens:    map[string]*apiToken{},
		inventory: map[int64]string{},
		orders:    map[string]*order{},
		leases:    map[string]*lease{},
		conns:     map[string]*sipConn{},
		apps:      map[string]*sipApp{},
		hosted:    map[string][]byte{},
		logs:      map[string][]*callLog{},
		mprofiles: map[string]*msgProfile{},
		messages:  map[string]*message{},
		calls:     map[string]*call{},
		pushed:    map[string][][]byte{},
		ovps:      map[string]*voiceProfile{},
		domains:   map[string]*sipDomain{},
		subs:      map[string]*subscription{},
	}
	s.st.user = s.newMeta()
	s.st.account = s.newMeta()
	tok := &apiToken{meta: s.newMeta(), token: s.cfg.apiToken, name: "seeded"}
	s.st.tokens[tok.UUID] = tok
	s.st.tnProfile = &tnProfile{meta: s.newMeta()}
	s.st.voices = s.seedVoices()
	for n := int64(12025550100); n <= 12025550199; n++ {
		s.st.inventory[n] = numberLongCode
	}
	for n := int64(18885550100); n <= 18885550104; n++ {
		s.st.inventory[n] = numberTollFree
	}
}

// ordered returns the values of m in creation order.
func ordered[T entity](m map[string]T) []T {
	out := make([]T, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	sortByCreation(out)
	return out
}

// sortByCreation sorts in creation order: uuids grow with every new object.
func sortByCreation[T entity](items []T) {
	slices.SortFunc(items, func(a, b T) int {
		return strings.Compare(a.base().UUID, b.base().UUID)
	})
}
