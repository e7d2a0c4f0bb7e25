package verbs

// Geo runs its commands only for callers from the given US states and
// county: <Geo states="NY,NJ" county="…" tag="…">. No attributes match
// every call.
type Geo struct {
	// States are two-letter USPS codes, rendered comma-separated.
	States   []string  `xml:"states" validate:"dive,usps"`
	County   string    `xml:"county"`
	Tag      string    `xml:"tag"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Geo".
func (*Geo) ElementName() string { return "Geo" }
func (*Geo) command()            {}
