package verbs

// Say speaks text: <Say type="…" gender="…" code="…" lang="…" loop="…"
// tag="…">text</Say>.
type Say struct {
	// Text is what is spoken; required and not only white space.
	Text   string
	Type   SayType `validate:"omitempty,oneof=Standard WaveNet"`
	Gender Gender  `validate:"omitempty,oneof=FEMALE MALE"`
	// Code is a voice code from the TTS voice dictionary.
	Code string
	// Lang is a language tag such as en-US or es.
	Lang  string   `validate:"omitempty,langtag"`
	Loop  Opt[int] `validate:"omitnil,gte=1"`
	Tag   string
	Extra []Attr
}

// ElementName returns "Say".
func (*Say) ElementName() string { return "Say" }
func (*Say) command()            {}
func (*Say) gatherChild()        {} // legacy prompt inside <Gather>
