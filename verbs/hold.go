package verbs

// Hold puts the call on hold: <Hold timeout="…" tag="…"/>.
type Hold struct {
	// Timeout is the longest hold; the platform default is 300000 ms.
	Timeout Opt[Millis] `xml:"timeout" validate:"omitnil,gte=0"`
	Tag     string      `xml:"tag"`
	Extra   []Attr
}

// ElementName returns "Hold".
func (*Hold) ElementName() string { return "Hold" }
func (*Hold) command()            {}

// Unhold takes the call off hold: <Unhold tag="…"/>.
type Unhold struct {
	Tag   string `xml:"tag"`
	Extra []Attr
}

// ElementName returns "Unhold".
func (*Unhold) ElementName() string { return "Unhold" }
func (*Unhold) command()            {}
