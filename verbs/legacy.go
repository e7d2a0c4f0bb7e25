package verbs

// Switch is the legacy branch container of a <Gather>: <Switch> with <Case>
// elements, then at most one <Default> and at most one <Error>.
//
// Deprecated: legacy dialect; put <DTMF> branches directly in the Gather.
//
//elemgen:legacy
type Switch struct {
	Children []SwitchChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Switch".
func (*Switch) ElementName() string { return "Switch" }
func (*Switch) gatherChild()        {}

// Case is a legacy branch of a <Switch>: <Case dtmf="…"> whose commands run
// when the caller enters DTMF.
//
// Deprecated: legacy dialect; use DTMF.
//
//elemgen:legacy
type Case struct {
	DTMF     string    `xml:"dtmf" option:"-" validate:"required,dtmfkeys"`
	Commands []Command `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Case".
func (*Case) ElementName() string { return "Case" }
func (*Case) switchChild()        {}

// Sip is a legacy SIP destination of a <Dial>: <Sip>user@host[:port]</Sip>.
//
// Deprecated: legacy dialect; use To.
//
//elemgen:legacy
type Sip struct {
	Address string `xml:",text,trim" option:"-" validate:"destination"`
	Extra   []Attr
}

// ElementName returns "Sip".
func (*Sip) ElementName() string { return "Sip" }
func (*Sip) dialChild()          {}

// Number is a legacy phone-number destination of a <Dial>:
// <Number>digits</Number>.
//
// Deprecated: legacy dialect; use To.
//
//elemgen:legacy
type Number struct {
	Digits string `xml:",text,trim" option:"-" validate:"destination"`
	Extra  []Attr
}

// ElementName returns "Number".
func (*Number) ElementName() string { return "Number" }
func (*Number) dialChild()          {}
