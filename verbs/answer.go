package verbs

// Answer answers the call: <Answer delay="…" tag="…"/>.
type Answer struct {
	// Delay is how long to wait after answering before the next command.
	Delay Opt[Millis] `xml:"delay" validate:"omitnil,gte=0"`
	Tag   string      `xml:"tag"`
	Extra []Attr
}

// ElementName returns "Answer".
func (*Answer) ElementName() string { return "Answer" }
func (*Answer) command()            {}
