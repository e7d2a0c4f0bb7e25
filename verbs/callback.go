package verbs

// Callback runs the call-flow document returned by URL: <Callback url="…"
// method="…" body="…" timeout="…" tag="…">, with at most one <Error> child
// that runs when the request fails or its reply is not a document.
type Callback struct {
	URL    string `validate:"required,httpurl"`
	Method Method `validate:"omitempty,oneof=GET POST PATCH DELETE"`
	// Body sends the call's data in the request body.
	Body     Opt[bool]
	Timeout  Opt[Millis] `validate:"omitnil,gte=0"`
	Tag      string
	Children []CallbackChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Callback".
func (*Callback) ElementName() string { return "Callback" }
func (*Callback) command()            {}
