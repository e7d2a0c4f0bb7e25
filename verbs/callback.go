package verbs

// Callback runs the call-flow document returned by URL: <Callback url="…"
// method="…" body="…" timeout="…" tag="…">, with at most one <Error> child
// that runs when the request fails or its reply is not a document.
//
//elemgen:alias callback
type Callback struct {
	URL    string `xml:"url,textform" option:"-" validate:"required,httpurl"`
	Method Method `xml:"method" validate:"omitempty,oneof=GET POST PATCH DELETE"`
	// Body sends the call's data in the request body.
	Body     Opt[bool]       `xml:"body"`
	Timeout  Opt[Millis]     `xml:"timeout" validate:"omitnil,gte=0"`
	Tag      string          `xml:"tag"`
	Children []CallbackChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Callback".
func (*Callback) ElementName() string { return "Callback" }
func (*Callback) command()            {}
