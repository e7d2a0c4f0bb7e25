package verbs

// Dial connects the caller to another party: <Dial tag="…"> with one or
// more destinations, then optionally an <Error> and <Meta> elements. Every
// destination rings; the first to answer is connected.
type Dial struct {
	Tag string `xml:"tag"`
	// Timeout is the legacy timeout attribute (unit undocumented).
	//
	// Deprecated: legacy dialect.
	Timeout Opt[int] `xml:"timeout,legacy" option:"DialTimeout" validate:"omitnil,gte=0"`
	// Record is the legacy record attribute.
	//
	// Deprecated: legacy dialect.
	Record   DialRecord  `xml:"record,legacy" option:"DialRecord" validate:"omitempty,oneof=record-from-answer do-not-record"`
	Children []DialChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Dial".
func (*Dial) ElementName() string { return "Dial" }
func (*Dial) command()            {}

// Destinations returns the destinations of the To children of d and of
// its legacy Sip and Number children, in document order; nil children are
// skipped.
func Destinations(d *Dial) []string {
	var out []string
	for _, c := range d.Children {
		if IsNil(c) {
			continue
		}
		switch c := c.(type) {
		case *To:
			out = append(out, c.Destination)
		case *Sip:
			out = append(out, c.Address)
		case *Number:
			out = append(out, c.Digits)
		}
	}
	return out
}

// To is a destination of a <Dial>: <To>destination</To>, a SIP URI
// (sip:user@host), a SIP address (user@host) or a phone number of 7 to 15
// digits with an optional leading +.
type To struct {
	Destination string `xml:",text,trim" option:"-" validate:"destination"`
	Extra       []Attr
}

// ElementName returns "To".
func (*To) ElementName() string { return "To" }
func (*To) dialChild()          {}
