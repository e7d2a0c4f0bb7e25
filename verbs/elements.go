package verbs

import "sort"

// ElementSpec describes one element of the language: the facts that the
// parser, the writer and the validator share.
type ElementSpec struct {
	// Name is the canonical element name.
	Name string
	// Attrs are the modelled attributes in render order, legacy ones
	// included.
	Attrs []string
	// LegacyAttrs are the attributes of Attrs that belong to the legacy
	// dialect.
	LegacyAttrs []string
	// AttrAliases maps an accepted spelling to its canonical attribute; ""
	// means the value belongs in the text content.
	AttrAliases map[string]string
	// Legacy reports an element of the legacy dialect.
	Legacy bool
	// New returns a new empty node of the element's type.
	New func() Node
}

var elementSpecs = []ElementSpec{
	{Name: "Response", New: func() Node { return new(Response) }},
	{Name: "Answer", Attrs: []string{"delay", "tag"}, New: func() Node { return new(Answer) }},
	{Name: "Hangup", Attrs: []string{"tag"}, New: func() Node { return new(Hangup) }},
	{Name: "Pause", Attrs: []string{"length", "dtmf_stop", "tag"}, New: func() Node { return new(Pause) }},
	{Name: "Say", Attrs: []string{"type", "gender", "code", "lang", "loop", "tag"},
		AttrAliases: map[string]string{"text": ""}, New: func() Node { return new(Say) }},
	{Name: "Play", Attrs: []string{"record", "leg", "loop", "tag"},
		AttrAliases: map[string]string{"url": ""}, New: func() Node { return new(Play) }},
	{Name: "Record", Attrs: []string{"tag", "asr", "timeout"}, New: func() Node { return new(Record) }},
	{Name: "RecordStart", Attrs: []string{"tag"}, New: func() Node { return new(RecordStart) }},
	{Name: "RecordStop", Attrs: []string{"tag"}, New: func() Node { return new(RecordStop) }},
	{Name: "RecordWait", Attrs: []string{"tag"}, New: func() Node { return new(RecordWait) }},
	{Name: "Dial", Attrs: []string{"tag", "timeout", "record"},
		LegacyAttrs: []string{"timeout", "record"}, New: func() Node { return new(Dial) }},
	{Name: "To", New: func() Node { return new(To) }},
	{Name: "Gather", Attrs: []string{"dtmf_length", "dtmf_stop", "url", "tag",
		"numDigits", "attempts", "timeout", "finishOnKey", "callback", "method"},
		LegacyAttrs: []string{"numDigits", "attempts", "timeout", "finishOnKey", "callback", "method"},
		AttrAliases: map[string]string{"length": "dtmf_length"}, New: func() Node { return new(Gather) }},
	{Name: "DTMF", Attrs: []string{"value"}, New: func() Node { return new(DTMF) }},
	{Name: "Default", Attrs: []string{"tag"}, New: func() Node { return new(Default) }},
	{Name: "Error", Attrs: []string{"play", "tag"},
		AttrAliases: map[string]string{"say": "play"}, New: func() Node { return new(Error) }},
	{Name: "Callback", Attrs: []string{"url", "method", "body", "timeout", "tag"}, New: func() Node { return new(Callback) }},
	{Name: "Curl", Attrs: []string{"url", "method", "timeout", "tag"}, New: func() Node { return new(Curl) }},
	{Name: "Call", Attrs: []string{"field", "value", "tag"}, New: func() Node { return new(Call) }},
	{Name: "Geo", Attrs: []string{"states", "county", "tag"}, New: func() Node { return new(Geo) }},
	{Name: "Schedule", Attrs: []string{"dow", "time", "tag"}, New: func() Node { return new(Schedule) }},
	{Name: "Hold", Attrs: []string{"timeout", "tag"}, New: func() Node { return new(Hold) }},
	{Name: "Unhold", Attrs: []string{"tag"}, New: func() Node { return new(Unhold) }},
	{Name: "Tone", Attrs: []string{"hz", "don", "doff", "v", "loop", "timeout", "leg", "tag"},
		AttrAliases: map[string]string{"volume": "v"}, New: func() Node { return new(Tone) }},
	{Name: "Meta", Attrs: []string{"name", "value"}, New: func() Node { return new(Meta) }},
	{Name: "Switch", Legacy: true, New: func() Node { return new(Switch) }},
	{Name: "Case", Attrs: []string{"dtmf"}, Legacy: true, New: func() Node { return new(Case) }},
	{Name: "Sip", Legacy: true, New: func() Node { return new(Sip) }},
	{Name: "Number", Legacy: true, New: func() Node { return new(Number) }},
}

// elementAliases maps accepted element spellings to canonical names.
var elementAliases = map[string]string{
	"callback":  "Callback",
	"Scheduler": "Schedule",
}

var elementIndex = func() map[string]int {
	m := make(map[string]int, len(elementSpecs))
	for i, s := range elementSpecs {
		m[s.Name] = i
	}
	return m
}()

// LookupElement returns the spec of the element written as name, which may
// be a canonical name or a parse alias (callback, Scheduler). It reports
// false for a name the language does not have.
func LookupElement(name string) (ElementSpec, bool) {
	if canon, ok := elementAliases[name]; ok {
		name = canon
	}
	i, ok := elementIndex[name]
	if !ok {
		return ElementSpec{}, false
	}
	return elementSpecs[i], true
}

// ElementNames returns the canonical names of every element, sorted.
func ElementNames() []string {
	names := make([]string, len(elementSpecs))
	for i, s := range elementSpecs {
		names[i] = s.Name
	}
	sort.Strings(names)
	return names
}

// ElementAlias returns the canonical name for an alias spelling, and
// whether name is an alias.
func ElementAlias(name string) (string, bool) {
	canon, ok := elementAliases[name]
	return canon, ok
}

// HasAttr reports whether the element models the attribute (canonical
// spelling).
func (s ElementSpec) HasAttr(name string) bool {
	for _, a := range s.Attrs {
		if a == name {
			return true
		}
	}
	return false
}

// IsLegacyAttr reports whether the attribute belongs to the legacy dialect.
func (s ElementSpec) IsLegacyAttr(name string) bool {
	for _, a := range s.LegacyAttrs {
		if a == name {
			return true
		}
	}
	return false
}
