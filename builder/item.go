package flow

import (
	"unsafe"

	"github.com/opentact-go/opentact/verbs"
)

// kind is the element an item records without a node.
type kind uint8

const (
	kindNode kind = iota // not a record: the item holds a node
	kindAnswer
	kindHangup
	kindPause
	kindSay
	kindPlay
	kindHold
	kindUnhold
	kindGather
	kindDial
	kindError
	kindDTMF
	kindDefault
	kindTo
	kindComment
)

// kindNames are the element names of the kinds.
var kindNames = [...]string{
	kindAnswer:  "Answer",
	kindHangup:  "Hangup",
	kindPause:   "Pause",
	kindSay:     "Say",
	kindPlay:    "Play",
	kindHold:    "Hold",
	kindUnhold:  "Unhold",
	kindGather:  "Gather",
	kindDial:    "Dial",
	kindError:   "Error",
	kindDTMF:    "DTMF",
	kindDefault: "Default",
	kindTo:      "To",
	kindComment: "comment()",
}

// item is a command of a Flow, or a child of one of its elements. The
// common elements are kept as records, without a node: the element, its
// text, its attribute options and its children or commands. The fast path
// writes the XML of records directly; Build makes their nodes, each time
// anew. Everything else (and every element with a problem, which is
// reported at its node) is a node, made as the builder always made it.
// An item never changes once made, so lists of items are shared.
type item struct {
	// ext is the node when kind is kindNode, and otherwise the attribute
	// values given to the element, a *recAttrs, or nil when none was. One
	// field holds both so that an item takes 64 bytes, not 72.
	ext any
	// text is the text of a Say, the URL of a Play, the value of a DTMF
	// branch or the destination of a To.
	text string
	// first and n are the children of a Gather or Dial, or the commands of
	// an Error, DTMF or Default (see kids): a pointer and a 32-bit length
	// instead of a slice, so that with kind they fill 16 bytes and an item
	// takes 48. The list they stand for never changes once made, so its
	// capacity is not needed.
	first *item
	n     int32
	kind  kind
}

// kids returns the children or commands of a record, nil when it has none.
func (it *item) kids() []item {
	if it.n == 0 {
		return nil
	}
	return unsafe.Slice(it.first, it.n)
}

// nodeItem returns n as an item.
func nodeItem(n verbs.Node) item {
	if n == nil {
		return item{}
	}
	return item{ext: n}
}

// newRecord returns a record of the kind k with the attribute values a, nil
// when no attribute option was given.
func newRecord(k kind, text string, a *recAttrs, kids []item) item {
	it := item{kind: k, text: text}
	if len(kids) > 0 {
		// A list of 2^31 items (100 GB) is more than any flow holds.
		it.first, it.n = &kids[0], int32(len(kids))
	}
	if a != nil {
		it.ext = a
	}
	return it
}

// node returns the node of an item of kindNode, nil for a record.
func (it *item) node() verbs.Node {
	n, _ := it.ext.(verbs.Node)
	return n
}

// attrs returns the attribute values of a record, nil when no attribute
// option was given.
func (it *item) attrs() *recAttrs {
	a, _ := it.ext.(*recAttrs)
	return a
}

// name returns the element name of a record, comment() for a comment (the
// step of its path).
func (it *item) name() string { return kindNames[it.kind] }

// settings returns the settings that made the record's attributes, to
// fill a node with.
func (it *item) settings() *settings {
	return &settings{attrs: it.attrs().expand()}
}

// toNode returns the node of it: its own, or a new one made from the
// record exactly as the builder made nodes before records, with new
// nodes for the record's children and commands.
func (it *item) toNode() verbs.Node {
	switch it.kind {
	case kindNode:
		return it.node()
	case kindAnswer:
		n := &verbs.Answer{}
		it.settings().fillAnswer(n)
		return n
	case kindHangup:
		n := &verbs.Hangup{}
		it.settings().fillHangup(n)
		return n
	case kindPause:
		n := &verbs.Pause{}
		it.settings().fillPause(n)
		return n
	case kindSay:
		n := &verbs.Say{Text: it.text}
		it.settings().fillSay(n)
		return n
	case kindPlay:
		n := &verbs.Play{URL: it.text}
		it.settings().fillPlay(n)
		return n
	case kindHold:
		n := &verbs.Hold{}
		it.settings().fillHold(n)
		return n
	case kindUnhold:
		n := &verbs.Unhold{}
		it.settings().fillUnhold(n)
		return n
	case kindGather:
		n := &verbs.Gather{Children: childNodes[verbs.GatherChild](it.kids())}
		it.settings().fillGather(n)
		return n
	case kindDial:
		n := &verbs.Dial{Children: childNodes[verbs.DialChild](it.kids())}
		it.settings().fillDial(n)
		return n
	case kindError:
		n := &verbs.Error{Commands: commandNodes(it.kids())}
		it.settings().fillError(n)
		return n
	case kindDTMF:
		return &verbs.DTMF{Value: it.text, Commands: commandNodes(it.kids())}
	case kindDefault:
		n := &verbs.Default{Commands: commandNodes(it.kids())}
		it.settings().fillDefault(n)
		return n
	case kindTo:
		return &verbs.To{Destination: it.text}
	case kindComment:
		return &verbs.Comment{Text: it.text}
	}
	panic("flow: unknown item kind") // unreachable: every kind has a case
}

// commandNodes returns the nodes of a command list, nil when it is empty.
func commandNodes(items []item) []verbs.Command {
	return childNodes[verbs.Command](items)
}

// childNodes returns the nodes of items as children of type C, nil when
// there are none. Records are only made of the kinds that fit where they
// stand, so the assertion holds.
func childNodes[C verbs.Node](items []item) []C {
	if len(items) == 0 {
		return nil
	}
	out := make([]C, 0, len(items))
	for i := range items {
		if c, ok := items[i].toNode().(C); ok {
			out = append(out, c)
		}
	}
	return out
}
