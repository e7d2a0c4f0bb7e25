package verbs

// Play plays an audio file or a recording: <Play leg="…" loop="…"
// tag="…">URL</Play> or <Play record="…"/>. Exactly one of URL and Record
// is set.
type Play struct {
	// URL is the http or https address of the audio file, written as text
	// content.
	URL string `xml:",text,trim" alias:"url" option:"-" validate:"omitempty,httpurl"`
	// Record names a recording made by an earlier <Record tag="…">.
	Record string   `xml:"record" option:"-"`
	Leg    Leg      `xml:"leg" validate:"omitempty,oneof=aleg bleg both"`
	Loop   Opt[int] `xml:"loop" validate:"omitnil,gte=1"`
	Tag    string   `xml:"tag"`
	Extra  []Attr
}

// ElementName returns "Play".
func (*Play) ElementName() string { return "Play" }
func (*Play) command()            {}
func (*Play) gatherChild()        {} // legacy prompt inside <Gather>
func (*Play) prompt()             {}
