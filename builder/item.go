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
	kindResponse // the document element, which only the fast writer names
)

// kindNames are the element names of the kinds.
var kindNames = [...]string{
	kindAnswer:   "Answer",
	kindHangup:   "Hangup",
	kindPause:    "Pause",
	kindSay:      "Say",
	kindPlay:     "Play",
	kindHold:     "Hold",
	kindUnhold:   "Unhold",
	kindGather:   "Gather",
	kindDial:     "Dial",
	kindError:    "Error",
	kindDTMF:     "DTMF",
	kindDefault:  "Default",
	kindTo:       "To",
	kindComment:  "comment()",
	kindResponse: "Response",
}

// item is a command of a Flow, or a child of one of its elements. The
// common elements are kept as records, without a node: the element, its
// text, its attribute options and its children or commands. The fast path
// writes the XML of records directly; Build makes their nodes, each time
// anew. Everything else (and every element with a problem, which is
// reported at its node) is a node, made as the builder always made it.
// An item never changes once made, so lists of items are shared.
//
// An item takes 32 bytes in four fields: three pointers and one word of
// lengths and kind. A Flow with room for three items takes 128 bytes, and
// the compiler keeps a struct of at most four fields in registers, so an
// item passed to a function is stored where it goes word by word, never
// copied through memory as a whole.
type item struct {
	// ext is the node when the kind is kindNode (a *nodeBox, nil for the
	// zero item), and otherwise the attribute values given to the
	// element, a *recAttrs, or nil when none was.
	ext unsafe.Pointer
	// first and the count in lk are the children of a Gather or Dial, or
	// the commands of an Error, DTMF or Default (see kids). The list they
	// stand for never changes once made, so its capacity is not needed.
	first *item
	// str and the length in lk are the text of a Say, the URL of a Play,
	// the value of a DTMF branch or the destination of a To (see text).
	str *byte
	// lk holds, from the lowest bit up, the length of the text (32 bits),
	// the kind (7 bits), the plain mark (1 bit, see plain) and the number
	// of children (24 bits).
	lk uint64
}

// plainMark is the bit of lk that marks a destination the fast scan
// accepted (fastDestination): a valid one, made only of letters, digits
// and + . _ - @ :, which need no escape.
const plainMark = 1 << 39

// plain reports a text marked plainMark.
func (it item) plain() bool { return it.lk&plainMark != 0 }

// lengths returns the lk word of an item of the kind k with a text of
// textLen bytes and n children.
func lengths(k kind, textLen, n int) uint64 {
	return uint64(uint32(textLen)) | uint64(k)<<32 | uint64(n)<<40
}

// The longest text and list of children a record holds; newRecord makes
// a node of an element with more. They are variables so that a test can
// lower them.
var (
	maxRecordText uint64 = 1<<32 - 1
	maxRecordKids        = 1<<24 - 1
)

// nodeBox holds the node of an item of kindNode.
type nodeBox struct{ n verbs.Node }

// kind returns the element of a record, kindNode for a node.
func (it item) kind() kind { return kind(it.lk>>32) &^ 0x80 }

// text returns the text of a record.
func (it item) text() string { return unsafe.String(it.str, uint32(it.lk)) }

// kids returns the children or commands of a record, nil when it has none.
func (it item) kids() []item {
	n := it.lk >> 40
	if n == 0 {
		return nil
	}
	return unsafe.Slice(it.first, n)
}

// nodeItem returns n as an item.
func nodeItem(n verbs.Node) item {
	if n == nil {
		return item{}
	}
	return item{ext: unsafe.Pointer(&nodeBox{n})}
}

// textRecord returns a record of the kind k, with the text s and neither
// attribute values nor children.
func textRecord(k kind, s string) item {
	if uint64(len(s)) > maxRecordText {
		return bigRecord(k, s, nil, nil)
	}
	return item{str: textData(s), lk: lengths(k, len(s), 0)}
}

// textData returns the pointer to the bytes of s, nil for "" (whose
// pointer may be anything, even past the end of an allocation).
func textData(s string) *byte {
	if s == "" {
		return nil
	}
	return unsafe.StringData(s)
}

// newRecord returns a record of the kind k with the attribute values a, nil
// when no attribute option was given. A text or a list of children too
// long for a record's fields (4 GB, 16 million) makes a node item
// instead, which the tree renders and checks: the callers give every node
// item to the tree.
func newRecord(k kind, text string, a *recAttrs, kids []item) item {
	if uint64(len(text)) > maxRecordText || len(kids) > maxRecordKids {
		return bigRecord(k, text, a, kids)
	}
	it := item{ext: unsafe.Pointer(a), str: textData(text), lk: lengths(k, len(text), len(kids))}
	if len(kids) > 0 {
		it.first = &kids[0]
	}
	return it
}

// bigRecord returns the node item of an element newRecord cannot keep as
// a record.
func bigRecord(k kind, text string, a *recAttrs, kids []item) item {
	return nodeItem(recordNode(k, text, a, kids))
}

// node returns the node of an item of kindNode, nil for a record.
func (it item) node() verbs.Node {
	if it.kind() != kindNode || it.ext == nil {
		return nil
	}
	return (*nodeBox)(it.ext).n
}

// attrs returns the attribute values of a record, nil when no attribute
// option was given.
func (it item) attrs() *recAttrs {
	if it.kind() == kindNode {
		return nil
	}
	return (*recAttrs)(it.ext)
}

// name returns the element name of a record, comment() for a comment (the
// step of its path).
func (it item) name() string { return kindNames[it.kind()] }

// toNode returns the node of it: its own, or a new one made from the
// record exactly as the builder made nodes before records, with new
// nodes for the record's children and commands.
//
// The children are made in recordNode's frame, which holds no settings:
// setAttrs makes the settings of the element (over a kilobyte on the
// stack) once they are done, so the recursion of a deep flow does not
// carry them at every level (issue 12: with them, this frame took 12 KB, and a flow
// 1000 levels deep a stack of 24 MB, copied each time it grew).
func (it *item) toNode() verbs.Node {
	if it.kind() == kindNode {
		return it.node()
	}
	return recordNode(it.kind(), it.text(), it.attrs(), it.kids())
}

// recordNode returns the node of a record of the kind k with the text,
// attribute values and children given, with new nodes for the children.
func recordNode(k kind, text string, a *recAttrs, kids []item) verbs.Node {
	switch k {
	case kindAnswer:
		return setAttrs(a, &verbs.Answer{})
	case kindHangup:
		return setAttrs(a, &verbs.Hangup{})
	case kindPause:
		return setAttrs(a, &verbs.Pause{})
	case kindSay:
		return setAttrs(a, &verbs.Say{Text: text})
	case kindPlay:
		return setAttrs(a, &verbs.Play{URL: text})
	case kindHold:
		return setAttrs(a, &verbs.Hold{})
	case kindUnhold:
		return setAttrs(a, &verbs.Unhold{})
	case kindGather:
		return setAttrs(a, &verbs.Gather{Children: childNodes[verbs.GatherChild](kids)})
	case kindDial:
		return setAttrs(a, &verbs.Dial{Children: childNodes[verbs.DialChild](kids)})
	case kindError:
		return setAttrs(a, &verbs.Error{Commands: commandNodes(kids)})
	case kindDTMF:
		return &verbs.DTMF{Value: text, Commands: commandNodes(kids)}
	case kindDefault:
		return setAttrs(a, &verbs.Default{Commands: commandNodes(kids)})
	case kindTo:
		return &verbs.To{Destination: text}
	case kindComment:
		return &verbs.Comment{Text: text}
	}
	panic("flow: unknown item kind") // unreachable: every kind has a case
}

// setAttrs sets the attributes of n, the node of a record, from the
// record's attribute values a, and returns n. It is kept out of
// recordNode (noinline) so that its settings are not in the frame that
// makes the children.
//
//go:noinline
func setAttrs(a *recAttrs, n verbs.Node) verbs.Node {
	s := &settings{attrs: a.expand()}
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
