package verbs

// Node is any node of a document: an element, a comment or raw text.
type Node interface {
	// ElementName returns the canonical XML name of the element, or "" for a
	// Comment or RawText.
	ElementName() string
}

// Command is an item of a command list: the content of <Response>, <DTMF>,
// <Default>, <Error>, <Call>, <Geo>, <Schedule>, a container <Record> and
// the legacy <Case>.
type Command interface {
	Node
	command()
}

// DialChild is a child of <Dial>: a destination (*To, legacy *Sip and
// *Number), an *Error, a *Meta, a *Comment or a *RawElement.
type DialChild interface {
	Node
	dialChild()
}

// GatherChild is a child of <Gather>: *DTMF, *Default, *Error, *Comment,
// *RawElement, and in the legacy dialect the prompts *Say, *Play, *Pause
// and one *Switch.
type GatherChild interface {
	Node
	gatherChild()
}

// Prompt is a legacy prompt among the children of <Gather>, heard before
// the digits are collected: *Say, *Play or *Pause. It is also a command.
type Prompt interface {
	Command
	GatherChild
	prompt()
}

// ToneChild is a child of <Tone>: *Meta, *Comment or *RawElement.
type ToneChild interface {
	Node
	toneChild()
}

// CurlChild is a child of <Curl>: *Error, *Meta, *Comment or *RawElement.
type CurlChild interface {
	Node
	curlChild()
}

// CallbackChild is a child of <Callback>: *Error, *Comment or *RawElement.
type CallbackChild interface {
	Node
	callbackChild()
}

// SwitchChild is a child of the legacy <Switch>: *Case, *Default, *Error,
// *Comment or *RawElement.
type SwitchChild interface {
	Node
	switchChild()
}

// RawChild is a child of a RawElement: *RawElement, *RawText or *Comment.
type RawChild interface {
	Node
	rawChild()
}

// Response is the root of every call-flow document: the commands run top to
// bottom.
type Response struct {
	Commands []Command `validate:"dive"`
	// Extra holds attributes kept by lenient parsing; the root has none in
	// the language.
	Extra []Attr
}

// ElementName returns "Response".
func (*Response) ElementName() string { return "Response" }
