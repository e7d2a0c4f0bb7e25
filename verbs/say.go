package verbs

// Say speaks text: <Say type="…" gender="…" code="…" lang="…" loop="…"
// tag="…">text</Say>.
type Say struct {
	// Text is what is spoken; required and not only white space.
	Text   string  `xml:",text" alias:"text" option:"-"`
	Type   SayType `xml:"type" validate:"omitempty,oneof=Standard WaveNet"`
	Gender Gender  `xml:"gender" validate:"omitempty,oneof=FEMALE MALE"`
	// Code is a voice code from the TTS voice dictionary.
	Code string `xml:"code"`
	// Lang is a language tag such as en-US or es.
	Lang  string   `xml:"lang" validate:"omitempty,langtag"`
	Loop  Opt[int] `xml:"loop" validate:"omitnil,gte=1"`
	Tag   string   `xml:"tag"`
	Extra []Attr
}

// ElementName returns "Say".
func (*Say) ElementName() string { return "Say" }
func (*Say) command()            {}
func (*Say) gatherChild()        {} // legacy prompt inside <Gather>
func (*Say) prompt()             {}
