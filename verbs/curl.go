package verbs

// Curl calls an HTTP endpoint during the call: <Curl url="…" method="…"
// timeout="…" tag="…">, with at most one <Error> and <Meta> children.
type Curl struct {
	URL      string      `validate:"required,httpurl"`
	Method   Method      `validate:"omitempty,oneof=GET POST PUT PATCH DELETE"`
	Timeout  Opt[Millis] `validate:"omitnil,gte=0"`
	Tag      string
	Children []CurlChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Curl".
func (*Curl) ElementName() string { return "Curl" }
func (*Curl) command()            {}
