package flow

import (
	"unsafe"

	"github.com/opentact-go/opentact/verbs"
)

// Flow is a command list under construction: the commands of a document,
// or of a branch or block nested in one. Every method appends one command
// and returns the Flow, so calls chain. A nil *Flow acts as an empty one.
//
// A Flow is mutable and not safe for concurrent use.
type Flow struct {
	// first, n and cap are the items (see items): the first n of an array
	// of cap items that starts at first, either buf or an array of their
	// own once they outgrow it. Pointer and 32-bit lengths instead of a
	// slice, and items of 32 bytes, make the Flow 128 bytes.
	first  *item
	n, cap int32
	// issues are the problems of the nodes here and in sub-flows, nil
	// until there is one (the common case has none).
	issues *issues
	// depth is the nesting depth of the deepest record, 1 for a list of
	// commands without children; it stops counting past maxFastDepth,
	// which is all fast needs to know.
	depth int32
	// slow reports an item, here or in a sub-flow, that only the tree can
	// render and check: a node, or a record whose values or children may
	// break a rule. A flow that is not slow is rendered from its records
	// directly (fastwrite.go).
	slow bool
	// buf holds the first items, so that a short flow takes a single
	// allocation. Items are only ever appended: an item below n never
	// changes, which lets snapshot share the array.
	buf [3]item
}

// items returns the commands of f, nil when it has none.
func (f *Flow) items() []item {
	if f == nil || f.n == 0 {
		return nil
	}
	return unsafe.Slice(f.first, f.n)
}

// New returns an empty Flow.
func New() *Flow { return &Flow{} }

// Len returns the number of commands in f.
func (f *Flow) Len() int {
	if f == nil {
		return 0
	}
	return int(f.n)
}

// sub is a flow as it was when an element took it in: its items, the
// problems of their nodes and its summary. Its four fields fit in 24
// bytes, so the compiler keeps a sub in registers (see item).
type sub struct {
	first  *item   // the items: n of them from first
	nested *issues // the problems of their nodes
	n      int32
	// sum is the flow's depth times 2, plus 1 when it is slow.
	sum int32
}

// snapshot returns the flow as it is now. The list shares its array with
// f, but f only ever appends past its length, so later calls on f never
// show in it. Items never change once made, and Build makes new nodes of
// the records and copies the whole document.
func (f *Flow) snapshot() sub {
	if f == nil || f.n == 0 {
		return sub{}
	}
	b := sub{first: f.first, nested: f.issues.freeze(), n: f.n, sum: f.depth << 1}
	if f.slow {
		b.sum |= 1
	}
	return b
}

// items returns the items of the sub-flow, nil when it has none.
func (b sub) items() []item {
	if b.n == 0 {
		return nil
	}
	return unsafe.Slice(b.first, b.n)
}

// slow reports a sub-flow that only the tree can render and check.
func (b sub) slow() bool { return b.sum&1 != 0 }

// depth returns the nesting depth of the sub-flow (see Flow.depth).
func (b sub) depth() int { return int(b.sum >> 1) }

// nodes returns the commands of the sub-flow as nodes, nil when it is
// empty.
func (b sub) nodes() []verbs.Command { return commandNodes(b.items()) }

// push1 appends the item it. Within the capacity it is stored in place,
// without the bulk copy of push.
func (f *Flow) push1(it item) {
	if f.n < f.cap {
		unsafe.Slice(f.first, f.cap)[f.n] = it
		f.n++
		return
	}
	f.push(it)
}

// push appends the items its.
func (f *Flow) push(its ...item) {
	if f.first == nil {
		f.first, f.cap = &f.buf[0], int32(len(f.buf))
	}
	// Within the capacity the items are written in place; past it, append
	// moves them all to a new array.
	s := append(unsafe.Slice(f.first, f.cap)[:f.n], its...)
	// A flow of 2^31 commands (100 GB) is more than memory holds.
	f.first, f.n, f.cap = &s[0], int32(len(s)), int32(cap(s))
}

// add appends the command n with the problems found in it (own) and in
// the children and sub-flows it holds (nested).
func (f *Flow) add(n verbs.Command, own []issue, nested *issues) *Flow {
	if f == nil {
		f = New()
	}
	f.push1(nodeItem(n))
	f.slow = true
	if len(own) > 0 || nested != nil {
		is := f.problems()
		is.add(n, own...)
		is.merge(nested)
	}
	return f
}

// addWith appends the command n made with the settings s.
func (f *Flow) addWith(n verbs.Command, s *settings) *Flow {
	return f.add(n, s.own, s.nested.freeze())
}

// record appends the record it, whose nesting depth is depth; slow
// reports a value or child that may break a rule, nested the problems of
// the nodes among its children.
func (f *Flow) record(it item, slow bool, depth int, nested *issues) *Flow {
	if f == nil {
		f = New()
	}
	f.push1(it)
	f.slow = f.slow || slow || it.kind() == kindNode
	f.depth = max(f.depth, int32(min(depth, maxFastDepth+1)))
	if nested != nil {
		f.problems().merge(nested)
	}
	return f
}

// problems returns the problems of f, made when there are none yet.
func (f *Flow) problems() *issues {
	if f.issues == nil {
		f.issues = new(issues)
	}
	return f.issues
}

// recordWith appends the record it of an element made with the settings
// s, which hold its children.
func (f *Flow) recordWith(it item, slow bool, s *settings) *Flow {
	return f.record(it, slow || s.slow, s.depth+1, s.nested.freeze())
}

// Append appends the commands of each flow in order, as they are now:
// New().Say("Hi").Append(menu) is the Say followed by menu's commands.
// Changing a flow after appending it does not change f. Nil flows add
// nothing.
func (f *Flow) Append(flows ...*Flow) *Flow {
	if f == nil {
		f = New()
	}
	for _, g := range flows {
		if g.Len() == 0 {
			continue
		}
		b := g.snapshot()
		f.push(b.items()...)
		f.slow = f.slow || b.slow()
		f.depth = max(f.depth, int32(min(b.depth(), maxFastDepth+1)))
		if b.nested != nil {
			f.problems().merge(b.nested)
		}
	}
	return f
}

// Answer answers the call: Answer(flow.Delay(time.Second)) writes
// <Answer delay="1000"/>. It is not needed when the SIP control app
// answers automatically.
func (f *Flow) Answer(opts ...AnswerOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindAnswer, "", a, nil), !okMillis(attrsOf(a).Delay), 1, nil)
	}
	n := &verbs.Answer{}
	s.fillAnswer(n)
	return f.addWith(n, &s)
}

// Hangup ends the call: Hangup(flow.Tag("CallEndedByUser")) writes
// <Hangup tag="CallEndedByUser"/>. Commands after it never run.
func (f *Flow) Hangup(opts ...HangupOption) *Flow {
	if len(opts) == 0 {
		return f.record(textRecord(kindHangup, ""), false, 1, nil)
	}
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindHangup, "", a, nil), false, 1, nil)
	}
	n := &verbs.Hangup{}
	s.fillHangup(n)
	return f.addWith(n, &s)
}

// Pause waits: Pause(flow.Length(5*time.Second), flow.DTMFStop("#"))
// writes <Pause length="5000" dtmf_stop="#"/>. The platform's default
// length is one second.
func (f *Flow) Pause(opts ...PauseOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindPause, "", a, nil), !pauseClean(a), 1, nil)
	}
	n := &verbs.Pause{}
	s.fillPause(n)
	return f.addWith(n, &s)
}

// Say speaks text: Say("Bienvenido", flow.Lang("es")) writes
// <Say lang="es">Bienvenido</Say>.
func (f *Flow) Say(text string, opts ...SayOption) *Flow {
	if len(opts) == 0 {
		return f.record(textRecord(kindSay, text), !sayClean(text, nil), 1, nil)
	}
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindSay, text, a, nil), !sayClean(text, a), 1, nil)
	}
	n := &verbs.Say{Text: text}
	s.fillSay(n)
	return f.addWith(n, &s)
}

// Play plays the audio file at url (http or https, .mp3 or .wav):
// Play("https://example.com/hello.mp3") writes
// <Play>https://example.com/hello.mp3</Play>.
func (f *Flow) Play(url string, opts ...PlayOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindPlay, url, a, nil), !playClean(url, a), 1, nil)
	}
	n := &verbs.Play{URL: url}
	s.fillPlay(n)
	return f.addWith(n, &s)
}

// PlayRecording plays the recording made by an earlier Record with the
// tag name: PlayRecording("name1") writes <Play record="name1"/>.
func (f *Flow) PlayRecording(name string, opts ...PlayOption) *Flow {
	var s settings
	collect(&s, opts)
	n := &verbs.Play{Record: name}
	s.fillPlay(n)
	return f.addWith(n, &s)
}

// Record records the call, then the flow goes on:
// Record(flow.Tag("name1")) writes <Record tag="name1"/>; PlayRecording
// replays the recording by its tag.
func (f *Flow) Record(opts ...RecordOption) *Flow {
	return f.RecordWhile(nil, opts...)
}

// RecordWhile records the call while the commands of during run:
// RecordWhile(flow.New().Pause(flow.Length(time.Minute), flow.DTMFStop("#")))
// writes
//
//	<Record>
//	  <Pause length="60000" dtmf_stop="#"/>
//	</Record>
//
// A nil or empty during is the same as Record.
func (f *Flow) RecordWhile(during *Flow, opts ...RecordOption) *Flow {
	var s settings
	collect(&s, opts)
	b := during.snapshot()
	s.nested.merge(b.nested)
	n := &verbs.Record{Commands: b.nodes()}
	s.fillRecord(n)
	return f.addWith(n, &s)
}

// RecordStart starts a recording: RecordStart(flow.Tag("call")) writes
// <RecordStart tag="call"/>.
func (f *Flow) RecordStart(opts ...RecordControlOption) *Flow {
	var s settings
	collect(&s, opts)
	n := &verbs.RecordStart{}
	s.fillRecordStart(n)
	return f.addWith(n, &s)
}

// RecordStop stops a recording: RecordStop(flow.Tag("call")) writes
// <RecordStop tag="call"/>.
func (f *Flow) RecordStop(opts ...RecordControlOption) *Flow {
	var s settings
	collect(&s, opts)
	n := &verbs.RecordStop{}
	s.fillRecordStop(n)
	return f.addWith(n, &s)
}

// RecordWait waits for a recording to finish: RecordWait(flow.Tag("call"))
// writes <RecordWait tag="call"/>.
func (f *Flow) RecordWait(opts ...RecordControlOption) *Flow {
	var s settings
	collect(&s, opts)
	n := &verbs.RecordWait{}
	s.fillRecordWait(n)
	return f.addWith(n, &s)
}

// Dial connects the caller to another party. Every destination rings and
// the first to answer is connected; the OnError block runs when nobody
// does: Dial(flow.To("12223334455"), flow.OnError(flow.New().Hangup()))
// writes
//
//	<Dial>
//	  <To>12223334455</To>
//	  <Error>
//	    <Hangup/>
//	  </Error>
//	</Dial>
//
// A Dial without a destination is reported by Build.
func (f *Flow) Dial(opts ...DialOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, kids, ok := s.recordKids(); ok {
		return f.recordWith(newRecord(kindDial, "", a, kids), !dialKidsClean(kids), &s)
	}
	n, children := nodeWithChildren[verbs.Dial, verbs.DialChild](&s)
	*n = verbs.Dial{Children: children}
	s.fillDial(n)
	return f.addWith(n, &s)
}

// Gather collects DTMF digits and branches on them:
// Gather(flow.DTMFLength(1), flow.Digit("1", sales), flow.Default(retry))
// writes
//
//	<Gather dtmf_length="1">
//	  <DTMF value="1">…</DTMF>
//	  <Default>…</Default>
//	</Gather>
//
// Prompts go before the Gather: New().Say("Press 1 for sales").Gather(…).
// Two branches with the same value are reported by Build.
func (f *Flow) Gather(opts ...GatherOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, kids, ok := s.recordKids(); ok && !duplicateDigit(kids) {
		return f.recordWith(newRecord(kindGather, "", a, kids), !gatherClean(a) || !gatherKidsClean(kids), &s)
	}
	n, children := nodeWithChildren[verbs.Gather, verbs.GatherChild](&s)
	*n = verbs.Gather{Children: children}
	s.fillGather(n)
	checkUnique(n.Children, dtmfKey, copyDTMF, "digit branch", &s)
	return f.addWith(n, &s)
}

// dtmfKey returns the value of a digit branch.
func dtmfKey(c verbs.GatherChild) (string, bool) {
	if d, ok := c.(*verbs.DTMF); ok && d != nil {
		return d.Value, true
	}
	return "", false
}

// copyDTMF returns a copy of the digit branch c, a node of its own.
func copyDTMF(c verbs.GatherChild) verbs.GatherChild {
	d := *c.(*verbs.DTMF)
	return &d
}

// OnError adds an Error block as a command: it runs when the command before
// it fails. Play(url).OnError(flow.New().Hangup()) writes
//
//	<Play>url</Play>
//	<Error>
//	  <Hangup/>
//	</Error>
//
// A nil then is an empty block, as in OnError(nil, flow.Play(true)),
// which writes <Error play="true"/>. For the Error child of a Dial, Gather,
// Callback or Curl, see the function OnError.
func (f *Flow) OnError(then *Flow, opts ...ErrorOption) *Flow {
	var s settings
	collect(&s, opts)
	b := then.snapshot()
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindError, "", a, b.items()), b.slow(), b.depth()+1, b.nested)
	}
	s.nested.merge(b.nested)
	n := &verbs.Error{Commands: b.nodes()}
	s.fillError(n)
	return f.addWith(n, &s)
}

// Callback runs the call-flow document returned by url; its OnError block
// runs when the request fails or the reply is not a document:
// Callback("https://example.com/next", flow.Method(verbs.MethodPost))
// writes <Callback url="https://example.com/next" method="POST"/>.
func (f *Flow) Callback(url string, opts ...CallbackOption) *Flow {
	var s settings
	collect(&s, opts)
	n, children := nodeWithChildren[verbs.Callback, verbs.CallbackChild](&s)
	*n = verbs.Callback{URL: url, Children: children}
	s.fillCallback(n)
	return f.addWith(n, &s)
}

// Curl calls an HTTP endpoint during the call:
// Curl("https://example.com/hook", flow.Method(verbs.MethodPut)) writes
// <Curl url="https://example.com/hook" method="PUT"/>.
func (f *Flow) Curl(url string, opts ...CurlOption) *Flow {
	var s settings
	collect(&s, opts)
	n, children := nodeWithChildren[verbs.Curl, verbs.CurlChild](&s)
	*n = verbs.Curl{URL: url, Children: children}
	s.fillCurl(n)
	return f.addWith(n, &s)
}

// Call runs the commands of then only when the call property field (such
// as verbs.CallFieldTo or verbs.CallFieldFrom) equals value:
// Call(verbs.CallFieldTo, "18382050099", vip) writes
//
//	<Call field="to" value="18382050099">
//	  … the commands of vip …
//	</Call>
func (f *Flow) Call(field, value string, then *Flow, opts ...CallOption) *Flow {
	var s settings
	collect(&s, opts)
	b := then.snapshot()
	s.nested.merge(b.nested)
	n := &verbs.Call{Field: field, Value: verbs.Some(value), Commands: b.nodes()}
	s.fillCall(n)
	return f.addWith(n, &s)
}

// Geo runs the commands of then only for callers from the given US states
// and county; without options it matches every call:
// Geo(hello, flow.States("NJ")) writes
//
//	<Geo states="NJ">
//	  … the commands of hello …
//	</Geo>
func (f *Flow) Geo(then *Flow, opts ...GeoOption) *Flow {
	var s settings
	collect(&s, opts)
	b := then.snapshot()
	s.nested.merge(b.nested)
	n := &verbs.Geo{Commands: b.nodes()}
	s.fillGeo(n)
	return f.addWith(n, &s)
}

// Schedule runs the commands of then only on the given days and hours:
// Schedule(open, flow.Days(verbs.Monday, verbs.Friday),
// flow.Time("09:00:00-17:00:00")) writes
//
//	<Schedule dow="mon,fri" time="09:00:00-17:00:00">
//	  … the commands of open …
//	</Schedule>
func (f *Flow) Schedule(then *Flow, opts ...ScheduleOption) *Flow {
	var s settings
	collect(&s, opts)
	b := then.snapshot()
	s.nested.merge(b.nested)
	n := &verbs.Schedule{Commands: b.nodes()}
	s.fillSchedule(n)
	return f.addWith(n, &s)
}

// Hold puts the call on hold: Hold(flow.Timeout(time.Minute)) writes
// <Hold timeout="60000"/>. The platform's default timeout is five minutes.
func (f *Flow) Hold(opts ...HoldOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindHold, "", a, nil), !okMillis(attrsOf(a).Timeout), 1, nil)
	}
	n := &verbs.Hold{}
	s.fillHold(n)
	return f.addWith(n, &s)
}

// Unhold takes the call off hold: Unhold() writes <Unhold/>.
func (f *Flow) Unhold(opts ...UnholdOption) *Flow {
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return f.record(newRecord(kindUnhold, "", a, nil), false, 1, nil)
	}
	n := &verbs.Unhold{}
	s.fillUnhold(n)
	return f.addWith(n, &s)
}

// Tone plays a tone or tone sequence:
// Tone(flow.Hz(350, 440), flow.On(time.Second)) writes
// <Tone hz="350,440" don="1000"/>.
func (f *Flow) Tone(opts ...ToneOption) *Flow {
	var s settings
	collect(&s, opts)
	n, children := nodeWithChildren[verbs.Tone, verbs.ToneChild](&s)
	*n = verbs.Tone{Children: children}
	s.fillTone(n)
	return f.addWith(n, &s)
}

// Meta adds a name/value pair as a command, sent along to callback URLs
// and events: Meta("customer", "42") writes
// <Meta name="customer" value="42"/>.
func (f *Flow) Meta(name, value string, attrs ...RawAttr) *Flow {
	m := Meta(name, value, attrs...)
	return f.add(m.node, m.own, nil)
}

// MetaText is Meta with the value written as text content, for multi-line
// values: <Meta name="…">text</Meta>.
func (f *Flow) MetaText(name, text string, attrs ...RawAttr) *Flow {
	m := MetaText(name, text, attrs...)
	return f.add(m.node, m.own, nil)
}

// Comment adds an XML comment: Comment(" main menu ") writes
// <!-- main menu -->. The text is written as given; it may not contain
// "--" or end in "-" (render.Check reports it).
func (f *Flow) Comment(text string) *Flow {
	return f.record(textRecord(kindComment, text), !commentClean(text), 1, nil)
}

// Raw adds an element the SDK does not model, written back as given:
// Raw(&verbs.RawElement{Name: "Beep", Attrs: []verbs.Attr{{Name: "n", Value: "2"}}})
// writes <Beep n="2"/>. Raw copies e. A nil e or an empty name is
// reported by Build.
func (f *Flow) Raw(e *verbs.RawElement) *Flow {
	n, own := rawNode(e)
	return f.add(n, own, nil)
}
