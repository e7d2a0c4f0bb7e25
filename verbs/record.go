package verbs

// Record records the call: <Record tag="…" asr="…" timeout="…"/>. With
// Commands it is a container whose command list runs while recording.
type Record struct {
	// Tag names the recording; <Play record="…"> replays it.
	Tag string `xml:"tag"`
	// ASR asks for a transcription of the recording.
	ASR      Opt[bool]   `xml:"asr"`
	Timeout  Opt[Millis] `xml:"timeout" validate:"omitnil,gte=0"`
	Commands []Command   `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Record".
func (*Record) ElementName() string { return "Record" }
func (*Record) command()            {}

// RecordStart starts a recording: <RecordStart tag="…"/>.
//
//elemgen:options recordControlOption
type RecordStart struct {
	Tag   string `xml:"tag"`
	Extra []Attr
}

// ElementName returns "RecordStart".
func (*RecordStart) ElementName() string { return "RecordStart" }
func (*RecordStart) command()            {}

// RecordStop stops a recording: <RecordStop tag="…"/>.
//
//elemgen:options recordControlOption
type RecordStop struct {
	Tag   string `xml:"tag"`
	Extra []Attr
}

// ElementName returns "RecordStop".
func (*RecordStop) ElementName() string { return "RecordStop" }
func (*RecordStop) command()            {}

// RecordWait waits for a recording to finish: <RecordWait tag="…"/>.
//
//elemgen:options recordControlOption
type RecordWait struct {
	Tag   string `xml:"tag"`
	Extra []Attr
}

// ElementName returns "RecordWait".
func (*RecordWait) ElementName() string { return "RecordWait" }
func (*RecordWait) command()            {}
