package verbs

// Curl calls an HTTP endpoint during the call: <Curl url="…" method="…"
// timeout="…" tag="…">, with at most one <Error> and <Meta> children.
type Curl struct {
	URL      string      `xml:"url" option:"-" validate:"required,httpurl"`
	Method   Method      `xml:"method" validate:"omitempty,oneof=GET POST PUT PATCH DELETE"`
	Timeout  Opt[Millis] `xml:"timeout" validate:"omitnil,gte=0"`
	Tag      string      `xml:"tag"`
	Children []CurlChild `validate:"dive"`
	Extra    []Attr
}

// ElementName returns "Curl".
func (*Curl) ElementName() string { return "Curl" }
func (*Curl) command()            {}
