package flow

import (
	"fmt"

	"github.com/opentact-go/opentact/verbs"
)

// Destination is a destination of a Dial; see To.
type Destination struct {
	it  item
	own []issue
}

// To adds a destination to a Dial: a SIP URI (sip:user@host), a SIP
// address (user@host) or a phone number of 7 to 15 digits with an optional
// leading +. Dial(flow.To("12223334455")) writes
//
//	<Dial>
//	  <To>12223334455</To>
//	</Dial>
//
// Every destination rings; the first to answer is connected. An empty
// destination is reported by Build.
func To(destination string, attrs ...RawAttr) Destination {
	own := checkDestination(destination)
	if len(attrs) == 0 && own == nil {
		it := textRecord(kindTo, destination)
		if it.kind() == kindTo && fastDestination(destination) {
			it.lk |= plainMark // Dial need not scan it again, nor the writer escape it
		}
		return Destination{it: it}
	}
	return Destination{it: nodeItem(&verbs.To{Destination: destination, Extra: extraOf(attrs)}), own: own}
}

// Sip adds a legacy SIP destination to a Dial: <Sip>user@host</Sip>.
//
// Deprecated: legacy dialect; use To.
func Sip(address string, attrs ...RawAttr) Destination {
	return Destination{it: nodeItem(&verbs.Sip{Address: address, Extra: extraOf(attrs)}), own: checkDestination(address)}
}

// Number adds a legacy phone-number destination to a Dial:
// <Number>12223334455</Number>.
//
// Deprecated: legacy dialect; use To.
func Number(digits string, attrs ...RawAttr) Destination {
	return Destination{it: nodeItem(&verbs.Number{Digits: digits, Extra: extraOf(attrs)}), own: checkDestination(digits)}
}

func checkDestination(d string) []issue {
	if d == "" || !notBlank(d) {
		return []issue{{rule: "destination", msg: "empty destination"}}
	}
	return nil
}

func (o Destination) apply(s *settings) {
	if o.it.kind() == kindNode && o.it.ext == nil {
		s.fail("", "destination", "zero Destination; use To")
		return
	}
	s.child(o.it, o.own, nil, false, 1)
}
func (Destination) dialOption() {}

// Branch is a DTMF branch of a Gather; see Digit.
type Branch struct {
	it   item
	b    sub
	node *verbs.DTMF // a branch with raw attributes, which only the tree writes
}

// Digit adds a branch to a Gather whose commands run when the caller enters
// value (one or more of 0-9 * #): Gather(flow.Digit("1", sales)) writes
//
//	<Gather>
//	  <DTMF value="1">
//	    … the commands of sales …
//	  </DTMF>
//	</Gather>
//
// The branch holds a copy of the commands of then as they are now; a nil
// then is an empty branch. Two branches with the same value in one Gather
// are reported by Build.
func Digit(value string, then *Flow, attrs ...RawAttr) Branch {
	b := then.snapshot()
	if len(attrs) > 0 {
		return Branch{node: &verbs.DTMF{Value: value, Commands: b.nodes(), Extra: extraOf(attrs)}, b: b}
	}
	return Branch{it: newRecord(kindDTMF, value, nil, b.items()), b: b}
}

func (o Branch) apply(s *settings) {
	switch {
	case o.node != nil:
		// A branch given twice in one Gather gets a node of its own from
		// checkUnique; elsewhere every use shares the node.
		s.child(nodeItem(o.node), nil, o.b.nested, true, 0)
	case o.it.kind() == kindDTMF:
		s.child(o.it, nil, o.b.nested, o.b.slow(), o.b.depth()+1)
	case o.it.ext != nil:
		// A branch of more commands than a record holds is a node.
		s.child(o.it, nil, o.b.nested, true, 0)
	default:
		s.fail("", "dtmf", "zero Branch; use Digit")
	}
}
func (Branch) gatherOption() {}

// DefaultBlock is the fallback branch of a Gather or legacy Switch; see
// Default.
type DefaultBlock struct {
	it  item
	own []issue
	b   sub
}

// Default adds the fallback branch of a Gather (or legacy Switch):
// Gather(…, flow.Default(retry)) writes
//
//	<Default>
//	  … the commands of retry …
//	</Default>
//
// The documentation disagrees on whether it runs when no digits arrive or
// when the digits match no branch. A nil then is an empty block.
func Default(then *Flow, opts ...DefaultOption) DefaultBlock {
	b := then.snapshot()
	if len(opts) == 0 {
		return DefaultBlock{it: newRecord(kindDefault, "", nil, b.items()), b: b}
	}
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return DefaultBlock{it: newRecord(kindDefault, "", a, b.items()), b: b}
	}
	n := &verbs.Default{Commands: b.nodes()}
	s.fillDefault(n)
	return DefaultBlock{it: nodeItem(n), own: s.own, b: b}
}

func (o DefaultBlock) apply(s *settings) {
	if o.it.kind() == kindNode && o.it.ext == nil {
		s.fail("", "default", "zero DefaultBlock; use Default")
		return
	}
	s.child(o.it, o.own, o.b.nested, o.b.slow(), o.b.depth()+1)
}
func (DefaultBlock) gatherOption() {}
func (DefaultBlock) switchOption() {}

// ErrorBlock is an Error block given to a Dial, Gather, Callback, Curl or
// legacy Switch; see OnError.
type ErrorBlock struct {
	it  item
	own []issue
	b   sub
}

// OnError adds the Error block of a Dial, Gather, Callback, Curl or legacy
// Switch, whose commands run when the element fails (nobody answers the
// Dial, the URL does not reply with a document):
// Dial(flow.To(…), flow.OnError(flow.New().Hangup())) writes
//
//	<Dial>
//	  <To>…</To>
//	  <Error>
//	    <Hangup/>
//	  </Error>
//	</Dial>
//
// A nil then is an empty block. For an Error block as an item of a command
// list, see Flow.OnError.
func OnError(then *Flow, opts ...ErrorOption) ErrorBlock {
	b := then.snapshot()
	if len(opts) == 0 {
		return ErrorBlock{it: newRecord(kindError, "", nil, b.items()), b: b}
	}
	var s settings
	collect(&s, opts)
	if a, ok := s.record(); ok {
		return ErrorBlock{it: newRecord(kindError, "", a, b.items()), b: b}
	}
	n := &verbs.Error{Commands: b.nodes()}
	s.fillError(n)
	return ErrorBlock{it: nodeItem(n), own: s.own, b: b}
}

func (o ErrorBlock) apply(s *settings) {
	if o.it.kind() == kindNode && o.it.ext == nil {
		s.fail("", "error", "zero ErrorBlock; use OnError")
		return
	}
	s.child(o.it, o.own, o.b.nested, o.b.slow(), o.b.depth()+1)
}
func (ErrorBlock) dialOption()     {}
func (ErrorBlock) gatherOption()   {}
func (ErrorBlock) callbackOption() {}
func (ErrorBlock) curlOption()     {}
func (ErrorBlock) switchOption()   {}

// MetaItem is a name/value pair attached to a Dial, Tone or Curl; see Meta.
type MetaItem struct {
	node *verbs.Meta
	own  []issue
}

// Meta attaches a name/value pair to a Dial, Tone or Curl, sent along to
// callback URLs and events: Tone(flow.Meta("category", "music")) writes
//
//	<Tone>
//	  <Meta name="category" value="music"/>
//	</Tone>
//
// For a Meta as an item of a command list, see Flow.Meta.
func Meta(name, value string, attrs ...RawAttr) MetaItem {
	return MetaItem{node: &verbs.Meta{Name: name, Value: verbs.Some(value), Extra: extraOf(attrs)}, own: checkMetaName(name)}
}

// MetaText is Meta with the value written as text content, for multi-line
// values: <Meta name="…">text</Meta>.
func MetaText(name, text string, attrs ...RawAttr) MetaItem {
	return MetaItem{node: &verbs.Meta{Name: name, Text: verbs.Some(text), Extra: extraOf(attrs)}, own: checkMetaName(name)}
}

func checkMetaName(name string) []issue {
	if name == "" {
		return []issue{{attr: "name", rule: "required", msg: "empty Meta name"}}
	}
	return nil
}

func (o MetaItem) apply(s *settings) {
	if o.node == nil {
		s.fail("", "meta", "zero MetaItem; use Meta")
		return
	}
	s.child(nodeItem(o.node), o.own, nil, true, 0)
}
func (MetaItem) dialOption() {}
func (MetaItem) toneOption() {}
func (MetaItem) curlOption() {}

// CommentItem is an XML comment among the children of an element; see
// Comment.
type CommentItem struct {
	text string
	ok   bool // made by Comment
}

// Comment adds an XML comment among the children of a Dial, Gather, Tone,
// Curl, Callback or legacy Switch: Gather(flow.Comment(" SUPPORT TEAM "),
// flow.Digit("1", support)) writes <!-- SUPPORT TEAM --> before the
// branch. The text is written as given, so it usually starts and ends with
// a space; it may not contain "--" or end in "-" (render.Check reports it).
// For a comment in a command list, see Flow.Comment.
func Comment(text string) CommentItem { return CommentItem{text: text, ok: true} }

func (o CommentItem) apply(s *settings) {
	if !o.ok {
		s.fail("", "comment", "zero CommentItem; use Comment")
		return
	}
	s.child(textRecord(kindComment, o.text), nil, nil, !commentClean(o.text), 1)
}
func (CommentItem) dialOption()     {}
func (CommentItem) gatherOption()   {}
func (CommentItem) toneOption()     {}
func (CommentItem) curlOption()     {}
func (CommentItem) callbackOption() {}
func (CommentItem) switchOption()   {}

// RawItem is an element the SDK does not model, among the children of an
// element; see Raw.
type RawItem struct {
	node *verbs.RawElement
	own  []issue
}

// Raw adds an element the SDK does not model among the children of a Dial,
// Gather, Tone, Curl, Callback or legacy Switch. It is written back as
// given: Tone(flow.Raw(&verbs.RawElement{Name: "Fade"})) writes
//
//	<Tone>
//	  <Fade/>
//	</Tone>
//
// Raw copies e, so changing e later changes nothing. A nil e or an empty
// name is reported by Build. For a raw element in a command list, see
// Flow.Raw.
func Raw(e *verbs.RawElement) RawItem {
	n, own := rawNode(e)
	return RawItem{node: n, own: own}
}

func rawNode(e *verbs.RawElement) (*verbs.RawElement, []issue) {
	if e == nil {
		return &verbs.RawElement{}, []issue{{rule: "raw", msg: "nil raw element"}}
	}
	n := verbs.CloneNode(e)
	if n.Name == "" {
		return n, []issue{{rule: "raw", msg: "raw element without a name"}}
	}
	return n, nil
}

func (o RawItem) apply(s *settings) {
	if o.node == nil {
		s.fail("", "raw", "zero RawItem; use Raw")
		return
	}
	s.child(nodeItem(o.node), o.own, nil, true, 0)
}
func (RawItem) dialOption()     {}
func (RawItem) gatherOption()   {}
func (RawItem) toneOption()     {}
func (RawItem) curlOption()     {}
func (RawItem) callbackOption() {}
func (RawItem) switchOption()   {}

// checkUnique reports, on the node itself, every branch whose key repeats
// an earlier one. A branch value given more than once stands for the same
// node at each place, so the repeat is first replaced by a copy of its own
// (made by cp) which carries the problem.
func checkUnique[C verbs.Node](children []C, key func(C) (string, bool), cp func(C) C, what string, s *settings) {
	var seen map[string]bool // for long lists only
	if len(children) > 16 {
		seen = make(map[string]bool, len(children))
	}
	for i, c := range children {
		k, ok := key(c)
		if !ok {
			continue
		}
		if seen != nil {
			if !seen[k] {
				seen[k] = true
				continue
			}
		} else if !seenBefore(children[:i], k, key) {
			continue
		}
		c = cp(c)
		children[i] = c
		s.nested.add(c, issue{rule: "unique", msg: fmt.Sprintf("duplicate %s %q", what, k)})
	}
}

// seenBefore reports whether a branch in children has the key k.
func seenBefore[C verbs.Node](children []C, k string, key func(C) (string, bool)) bool {
	for _, c := range children {
		if k2, ok := key(c); ok && k2 == k {
			return true
		}
	}
	return false
}
