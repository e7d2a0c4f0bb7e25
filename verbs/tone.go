package verbs

// Tone plays a tone or tone sequence: <Tone hz="350,440" don="…" doff="…"
// v="…" loop="…" timeout="…" leg="…" tag="…">, with <Meta> children.
type Tone struct {
	// Hz are the frequencies, each 1 to 20000, rendered comma-separated.
	Hz []int `xml:"hz" validate:"dive,gte=1,lte=20000"`
	// On is how long the tone sounds (don).
	On Opt[Millis] `xml:"don" validate:"omitnil,gte=0"`
	// Off is the silence between tones (doff).
	Off Opt[Millis] `xml:"doff" validate:"omitnil,gte=0"`
	// Volume is in dB, 0 the loudest (v).
	Volume   Opt[int]    `xml:"v,signed" alias:"volume" validate:"omitnil,lte=0"`
	Loop     Opt[int]    `xml:"loop" validate:"omitnil,gte=1"`
	Timeout  Opt[Millis] `xml:"timeout" validate:"omitnil,gte=0"`
	Leg      Leg         `xml:"leg" validate:"omitempty,oneof=aleg bleg both"`
	Tag      string      `xml:"tag"`
	Children []ToneChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Tone".
func (*Tone) ElementName() string { return "Tone" }
func (*Tone) command()            {}
