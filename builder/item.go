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
//
// The children are made in this frame, which holds no settings: fill
// makes the settings of the element (over a kilobyte on the stack) once
// they are done, so the recursion of a deep flow does not carry them at
// every level (issue 12: with them, this frame took 12 KB, and a flow
// 1000 levels deep a stack of 24 MB, copied each time it grew).
func (it *item) toNode() verbs.Node {
	switch it.kind {
	case kindNode:
		return it.node()
	case kindAnswer:
		return it.fill(&verbs.Answer{})
	case kindHangup:
		return it.fill(&verbs.Hangup{})
	case kindPause:
		return it.fill(&verbs.Pause{})
	case kindSay:
		return it.fill(&verbs.Say{Text: it.text})
	case kindPlay:
		return it.fill(&verbs.Play{URL: it.text})
	case kindHold:
		return it.fill(&verbs.Hold{})
	case kindUnhold:
		return it.fill(&verbs.Unhold{})
	case kindGather:
		return it.fill(&verbs.Gather{Children: childNodes[verbs.GatherChild](it.kids())})
	case kindDial:
		return it.fill(&verbs.Dial{Children: childNodes[verbs.DialChild](it.kids())})
	case kindError:
		return it.fill(&verbs.Error{Commands: commandNodes(it.kids())})
	case kindDTMF:
		return &verbs.DTMF{Value: it.text, Commands: commandNodes(it.kids())}
	case kindDefault:
		return it.fill(&verbs.Default{Commands: commandNodes(it.kids())})
	case kindTo:
		return &verbs.To{Destination: it.text}
	case kindComment:
		return &verbs.Comment{Text: it.text}
	}
	panic("flow: unknown item kind") // unreachable: every kind has a case
}

// fill sets the attributes of n, the node of the record it, from the
// record's settings, and returns n. It is kept out of toNode (noinline)
// so that its settings are not in toNode's frame.
//
//go:noinline
func (it *item) fill(n verbs.Node) verbs.Node {
	s := it.settings()
	switch n := n.(type) {
	case *verbs.Answer:
		s.fillAnswer(n)
	case *verbs.Hangup:
		s.fillHangup(n)
	case *verbs.Pause:
		s.fillPause(n)
	case *verbs.Say:
		s.fillSay(n)
	case *verbs.Play:
		s.fillPlay(n)
	case *verbs.Hold:
		s.fillHold(n)
	case *verbs.Unhold:
		s.fillUnhold(n)
	case *verbs.Gather:
		s.fillGather(n)
	case *verbs.Dial:
		s.fillDial(n)
	case *verbs.Error:
		s.fillError(n)
	case *verbs.Default:
		s.fillDefault(n)
	}
	return n
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
