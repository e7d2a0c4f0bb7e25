package verbs

// Call runs its commands only when a property of the call matches: <Call
// field="…" value="…" tag="…">. The documented fields are CallFieldTo and
// CallFieldFrom.
type Call struct {
	Field string `xml:"field" option:"-" validate:"required"`
	// Value is compared with the property; it is required, and may be empty.
	Value    Opt[string] `xml:"value" option:"-"`
	Tag      string      `xml:"tag"`
	Commands []Command   `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Call".
func (*Call) ElementName() string { return "Call" }
func (*Call) command()            {}
