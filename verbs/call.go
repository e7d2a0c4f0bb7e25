package verbs

// Call runs its commands only when a property of the call matches: <Call
// field="…" value="…" tag="…">. The documented fields are CallFieldTo and
// CallFieldFrom.
type Call struct {
	Field string `validate:"required"`
	// Value is compared with the property; it is required, and may be empty.
	Value    Opt[string]
	Tag      string
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Call".
func (*Call) ElementName() string { return "Call" }
func (*Call) command()            {}
