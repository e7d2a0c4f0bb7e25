package verbs

// Pause waits: <Pause length="…" dtmf_stop="…" tag="…"/>.
type Pause struct {
	// Length is how long to wait; the platform default is 1000 ms.
	Length Opt[Millis] `xml:"length" validate:"omitnil,gte=0"`
	// DTMFStop lists the keys that end the pause early.
	DTMFStop string `xml:"dtmf_stop" validate:"omitempty,dtmfkeys"`
	Tag      string `xml:"tag"`
	Extra    []Attr
}

// ElementName returns "Pause".
func (*Pause) ElementName() string { return "Pause" }
func (*Pause) command()            {}
func (*Pause) gatherChild()        {} // legacy prompt inside <Gather>
func (*Pause) prompt()             {}
