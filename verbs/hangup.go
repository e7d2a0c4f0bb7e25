package verbs

// Hangup ends the call: <Hangup tag="…"/>. Commands after it never run.
type Hangup struct {
	// Tag is the reason echoed in events, such as "CallEndedByUser".
	Tag   string `xml:"tag"`
	Extra []Attr
}

// ElementName returns "Hangup".
func (*Hangup) ElementName() string { return "Hangup" }
func (*Hangup) command()            {}
