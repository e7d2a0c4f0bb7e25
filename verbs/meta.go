package verbs

// Meta attaches a name/value pair to a command, sent along to callback URLs
// and events: <Meta name="…" value="…"/>, or with the value as text content
// for multi-line values. Exactly one of Value and Text is set.
type Meta struct {
	Name  string      `xml:"name" option:"-" validate:"required"`
	Value Opt[string] `xml:"value" option:"-"`
	// Text is the value written as text content.
	Text  Opt[string] `xml:",text" option:"-"`
	Extra []Attr
}

// ElementName returns "Meta".
func (*Meta) ElementName() string { return "Meta" }
func (*Meta) command()            {}
func (*Meta) dialChild()          {}
func (*Meta) toneChild()          {}
func (*Meta) curlChild()          {}
