package verbs

// Attr is an attribute the SDK does not model, kept by lenient parsing or
// added with the builder's raw-attribute escape hatch. It is rendered after
// the modelled attributes, in order, and may never repeat a modelled one.
type Attr struct {
	Name  string
	Value string
}

// RawElement is an element the SDK does not model, kept by lenient parsing
// or added with the builder's raw-element escape hatch, and rendered back
// unchanged. It may stand wherever an element may.
type RawElement struct {
	Name     string
	Attrs    []Attr
	Children []RawChild
}

// ElementName returns the element's name as written.
func (e *RawElement) ElementName() string { return e.Name }
func (*RawElement) command()              {}
func (*RawElement) dialChild()            {}
func (*RawElement) gatherChild()          {}
func (*RawElement) toneChild()            {}
func (*RawElement) curlChild()            {}
func (*RawElement) callbackChild()        {}
func (*RawElement) switchChild()          {}
func (*RawElement) rawChild()             {}

// RawText is character data inside a RawElement.
type RawText struct {
	Text string
}

// ElementName returns "" (text is not an element).
func (*RawText) ElementName() string { return "" }
func (*RawText) rawChild()           {}
