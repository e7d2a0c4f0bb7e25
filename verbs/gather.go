package verbs

// Gather collects DTMF digits and branches on them: <Gather dtmf_length="…"
// dtmf_stop="…" url="…" tag="…"> with <DTMF> branches, then at most one
// <Default> and at most one <Error>.
type Gather struct {
	// DTMFLength is the number of digits to collect.
	DTMFLength Opt[int] `xml:"dtmf_length" alias:"length" validate:"omitnil,gte=1"`
	// DTMFStop is the key that ends entry early.
	DTMFStop string `xml:"dtmf_stop" validate:"omitempty,dtmfkey"`
	// URL receives the digits; its reply is the next call-flow document.
	URL string `xml:"url" validate:"omitempty,httpurl"`
	Tag string `xml:"tag"`

	// NumDigits is the legacy numDigits attribute.
	//
	// Deprecated: legacy dialect; use DTMFLength.
	NumDigits Opt[int] `xml:"numDigits,legacy" validate:"omitnil,gte=1"`
	// Attempts is the legacy attempts attribute.
	//
	// Deprecated: legacy dialect.
	Attempts Opt[int] `xml:"attempts,legacy" validate:"omitnil,gte=1"`
	// Timeout is the legacy timeout attribute.
	//
	// Deprecated: legacy dialect.
	Timeout Opt[Millis] `xml:"timeout,legacy" option:"GatherTimeout" validate:"omitnil,gte=0"`
	// FinishOnKey is the legacy finishOnKey attribute.
	//
	// Deprecated: legacy dialect; use DTMFStop.
	FinishOnKey string `xml:"finishOnKey,legacy" validate:"omitempty,dtmfkey"`
	// Callback is the legacy callback attribute.
	//
	// Deprecated: legacy dialect; use URL.
	Callback string `xml:"callback,legacy" option:"GatherCallback" validate:"omitempty,httpurl"`
	// Method is the legacy method attribute.
	//
	// Deprecated: legacy dialect.
	Method Method `xml:"method,legacy" option:"GatherMethod" validate:"omitempty,oneof=GET POST"`

	Children []GatherChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Gather".
func (*Gather) ElementName() string { return "Gather" }
func (*Gather) command()            {}

// DTMF is a branch of a <Gather>: <DTMF value="…"> whose commands run when
// the caller enters Value.
type DTMF struct {
	Value    string    `xml:"value" option:"-" validate:"required,dtmfvalue"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "DTMF".
func (*DTMF) ElementName() string { return "DTMF" }
func (*DTMF) gatherChild()        {}

// Default is the fallback branch of a <Gather> (or legacy <Switch>):
// <Default tag="…">. The docs disagree on whether it runs when no digits
// arrive or when the digits match no <DTMF>; the SDK models only its place.
type Default struct {
	Tag      string    `xml:"tag"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Default".
func (*Default) ElementName() string { return "Default" }
func (*Default) gatherChild()        {}
func (*Default) switchChild()        {}
