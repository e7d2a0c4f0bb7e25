package flow

import (
	"fmt"
	"slices"
	"strconv"
	"unsafe"

	"github.com/opentact-go/opentact/internal/renderhook"
	"github.com/opentact-go/opentact/render"
)

// The fast path: a flow whose items are all records with values that pass
// every error rule (Flow.slow is false) is written straight from its
// records, without nodes and without render.Check. The bytes are those
// render.Append writes for the tree Build returns, in either layout, and
// the findings are the warnings render.Check reports on it, in the same
// order with the same paths: the writer applies the warning rules of the
// elements it writes while it writes them. equiv_test.go and
// internal/gen's TestGoldensRoundTrip compare both paths.

// maxFastDepth is the deepest nesting the fast path writes; deeper flows
// take the tree's path, which enforces the nesting limits of render.
const maxFastDepth = 900

const (
	xmlDeclaration = `<?xml version="1.0" encoding="UTF-8"?>`
	indentSpaces   = "                                                                "
)

// fast reports whether f can be written from its records.
func (f *Flow) fast() bool { return f == nil || !f.slow && f.depth <= maxFastDepth }

// appendFast appends the XML of f, which fast accepts, to dst and returns
// the document's warnings. ok is false when a value turned out not to be
// writable, which the predicates of clean.go rule out; the caller then
// takes the tree's path.
func appendFast(dst []byte, f *Flow, opts []render.Option) (out []byte, ds render.Diagnostics, ok bool) {
	var w fastWriter
	w.buf, w.n = dst[:cap(dst)], len(dst)
	for _, o := range opts {
		w.compact = w.compact || o == render.Compact()
	}
	var items []item
	if f != nil {
		items = f.items()
	}
	w.document(items)
	if w.bad {
		return dst, nil, false
	}
	w.ds.Sort()
	return w.buf[:w.n], w.ds, true
}

// fastWriter writes records as render's writer writes their nodes.
//
// The document is buf[:n], and buf is as long as its capacity: a write
// copies into buf and moves n, and buf itself is stored only when it
// grows. An append to a slice field stores the slice's pointer every
// time, and a pointer stored outside the stack costs a write barrier
// while the garbage collector runs.
type fastWriter struct {
	buf     []byte
	n       int
	compact bool
	bad     bool // a value could not be written
	// depth is the nesting depth of the element being written; the
	// children of <Response> are at depth 1.
	depth int
	ds    render.Diagnostics
}

// frame is the place of an element being written: item i of list, inside
// the element of the frame up (nil for the children of <Response>). The
// frames are the writer's call stack's own, so keeping them costs no
// allocation and no write barrier; the path of a finding is made from
// them.
type frame struct {
	list []item
	i    int
	up   *frame
}

// grow makes room for k more bytes.
func (w *fastWriter) grow(k int) {
	w.buf = slices.Grow(w.buf[:w.n], k)
	w.buf = w.buf[:cap(w.buf)]
}

// str writes s.
func (w *fastWriter) str(s string) {
	if len(w.buf)-w.n < len(s) {
		w.grow(len(s))
	}
	w.n += copy(w.buf[w.n:], s)
}

// char writes c.
func (w *fastWriter) char(c byte) {
	if w.n >= len(w.buf) {
		w.grow(1)
	}
	w.buf[w.n] = c
	w.n++
}

// appended takes in b, what an append function returned for w.buf[:w.n].
func (w *fastWriter) appended(b []byte) {
	if unsafe.SliceData(b) != unsafe.SliceData(w.buf) {
		w.buf = b[:cap(b)]
	}
	w.n = len(b)
}

func (w *fastWriter) newline() {
	if !w.compact {
		w.char('\n')
	}
}

func (w *fastWriter) indent() {
	if w.compact {
		return
	}
	n := 2 * w.depth
	for n > len(indentSpaces) {
		w.str(indentSpaces)
		n -= len(indentSpaces)
	}
	w.str(indentSpaces[:n])
}

// escaped writes s escaped. A short value of bytes that need no escape
// (a DTMF value, a key, a tag) is copied without the call.
func (w *fastWriter) escaped(s string, attr bool) {
	if len(s) <= 8 && noEscapeShort(s) {
		w.str(s)
		return
	}
	b, bad := renderhook.AppendEscaped(w.buf[:w.n], s, attr)
	if bad >= 0 {
		w.bad = true
	}
	w.appended(b)
}

// noEscapeShort reports whether every byte of s is printable ASCII that
// neither text nor attribute values escape: 0x20 to 0x7E but & < > ".
func noEscapeShort(s string) bool {
	for i := 0; i < len(s); i++ {
		if !noEscape[s[i]] {
			return false
		}
	}
	return true
}

// noEscape tells the bytes noEscapeShort accepts.
var noEscape = func() (t [256]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = c != '&' && c != '<' && c != '>' && c != '"'
	}
	return t
}()

// attr writes a string attribute when it is not empty; name is the
// attribute's name between the space before it and the =" after it.
func (w *fastWriter) attr(name, s string) {
	if s == "" {
		return
	}
	w.str(name)
	w.escaped(s, true)
	w.char('"')
}

func (w *fastWriter) intAttr(name string, set bool, v int64) {
	if !set {
		return
	}
	w.str(name)
	if v >= 0 && v <= 9 {
		w.char('0' + byte(v)) // a count of keys or loops: one digit
	} else {
		w.appended(strconv.AppendInt(w.buf[:w.n], v, 10))
	}
	w.char('"')
}

func (w *fastWriter) boolAttr(name string, set, v bool) {
	if set {
		w.str(name)
		w.appended(strconv.AppendBool(w.buf[:w.n], v))
		w.char('"')
	}
}

// end closes an element without content.
func (w *fastWriter) end() {
	if w.compact {
		w.str("/>")
		return
	}
	w.str("/>\n")
}

// endTag writes the end tag of a record of the kind k and the line break
// after it.
func (w *fastWriter) endTag(k kind) {
	t := endTags[k]
	if w.compact {
		t = t[:len(t)-1]
	}
	w.str(t)
}

// text writes the text content of the open element of the kind k and its
// end tag, or closes it empty when s is "".
func (w *fastWriter) text(k kind, s string) {
	if s == "" {
		w.end()
		return
	}
	w.char('>')
	w.escaped(s, false)
	w.endTag(k)
}

// list writes items as the content of the open element of the kind k,
// one level deeper, and its end tag; no items close it empty.
func (w *fastWriter) list(k kind, items []item, up *frame) {
	if len(items) == 0 {
		w.end()
		return
	}
	w.char('>')
	w.newline()
	w.depth++
	fr := frame{list: items, up: up}
	for i := range items {
		fr.i = i
		w.item(&items[i], &fr)
	}
	w.depth--
	switch {
	case w.compact:
		w.str(endTags[k][:len(endTags[k])-1])
	case w.depth < len(indentedTags):
		w.str(indentedTags[w.depth].end[k])
	default:
		w.indent()
		w.endTag(k)
	}
}

// document writes the declaration and the <Response> holding items.
func (w *fastWriter) document(items []item) {
	if w.compact {
		w.str(xmlDeclaration + "<Response")
	} else {
		w.str(xmlDeclaration + "\n<Response")
	}
	w.commandList(items, nil)
	w.list(kindResponse, items, nil)
}

// startTags and endTags are the start of the start tag and the end tag
// with its line break of each record's element, made once.
var startTags, endTags = func() (start, end [len(kindNames)]string) {
	for k, name := range kindNames {
		start[k] = "<" + name
		end[k] = "</" + name + ">\n"
	}
	return start, end
}()

// indentedTags are, for the shallow depths, the start of the start tag
// and the end tag of each record's element with the indentation before
// it, so that the indented layout writes both at once.
var indentedTags = func() (t [8]struct{ start, end [len(kindNames)]string }) {
	for d := range t {
		for k := range kindNames {
			t[d].start[k] = indentSpaces[:2*d] + startTags[k]
			t[d].end[k] = indentSpaces[:2*d] + endTags[k]
		}
	}
	return t
}()

// item writes the record it, whose place is fr, attributes in the
// order of render's writer; first the warnings about it and about its list
// of children, in render.Check's order.
func (w *fastWriter) item(it *item, fr *frame) {
	k := it.kind()
	switch {
	case k == kindComment:
		w.indent()
		w.str("<!--")
		w.str(it.text())
		w.str("-->")
		w.newline()
		return
	case w.compact:
		w.str(startTags[k])
	case w.depth < len(indentedTags):
		w.str(indentedTags[w.depth].start[k])
	default:
		w.indent()
		w.str(startTags[k])
	}
	ra := it.attrs()
	if ra != nil {
		w.options(k, ra)
	}
	switch k {
	case kindAnswer, kindHangup, kindPause, kindHold, kindUnhold:
		w.end()
	case kindTo:
		if it.plain() {
			w.char('>')
			w.str(it.text())
			w.endTag(k)
			break
		}
		w.text(k, it.text())
	case kindSay:
		w.text(k, it.text())
	case kindPlay:
		w.playRules(it.text(), fr)
		w.text(k, it.text())
	case kindGather:
		w.gatherRules(it.kids(), attrsOf(ra), fr)
		w.list(k, it.kids(), fr)
	case kindDial:
		w.dialRules(it.kids(), fr)
		w.list(k, it.kids(), fr)
	case kindDTMF:
		w.attr(` value="`, it.text()) // a branch record has no attribute options
		w.commandList(it.kids(), fr)
		w.list(k, it.kids(), fr)
	case kindError, kindDefault:
		w.commandList(it.kids(), fr)
		w.list(k, it.kids(), fr)
	default:
		w.bad = true // unreachable: a node item makes the flow slow
	}
}

// options writes the attributes set by the attribute options of a record
// of the kind k, in the order of render's writer. A record given no
// attribute option (a nil a) has none, and item skips the call. Each name
// is written with the space before it and the =" after it.
func (w *fastWriter) options(k kind, a *recAttrs) {
	switch k {
	case kindAnswer:
		w.intAttr(` delay="`, a.Delay.Set, int64(a.Delay.Val))
	case kindPause:
		w.intAttr(` length="`, a.Length.Set, int64(a.Length.Val))
		w.attr(` dtmf_stop="`, a.DTMFStop)
	case kindSay:
		w.attr(` type="`, string(a.Type))
		w.attr(` gender="`, string(a.Gender))
		w.attr(` code="`, a.Code)
		w.attr(` lang="`, a.Lang)
		w.intAttr(` loop="`, a.Loop.Set, int64(a.Loop.Val))
	case kindPlay:
		w.attr(` leg="`, string(a.Leg))
		w.intAttr(` loop="`, a.Loop.Set, int64(a.Loop.Val))
	case kindHold:
		w.intAttr(` timeout="`, a.Timeout.Set, int64(a.Timeout.Val))
	case kindGather:
		w.intAttr(` dtmf_length="`, a.DTMFLength.Set, int64(a.DTMFLength.Val))
		w.attr(` dtmf_stop="`, a.DTMFStop)
		w.attr(` url="`, a.URL)
	case kindError:
		w.boolAttr(` play="`, a.Play.Set, a.Play.Val)
	}
	// Every record's element has a tag, written last (To and DTMF records
	// are never given attribute options).
	w.attr(` tag="`, a.Tag)
}

// appendPath appends the path of the element at fr, /Response for nil,
// to dst.
func appendPath(dst []byte, fr *frame) []byte {
	if fr == nil {
		return append(dst, "/Response"...)
	}
	return appendStep(appendPath(dst, fr.up), fr.list, fr.i)
}

// appendStep appends the path step of item i of list to dst: its name and
// its position among the items of that name.
func appendStep(dst []byte, list []item, i int) []byte {
	n := 0
	for j := range list[:i+1] {
		if list[j].kind() == list[i].kind() {
			n++
		}
	}
	dst = append(dst, '/')
	dst = append(dst, list[i].name()...)
	dst = append(dst, '[')
	dst = strconv.AppendInt(dst, int64(n), 10)
	return append(dst, ']')
}

// warn reports a warning about the element at fr or, when list is not
// nil, about its child i; attr names the attribute it concerns.
func (w *fastWriter) warn(fr *frame, list []item, i int, attr, rule, msg string) {
	var path string
	if w.ds == nil {
		// The first finding and its path take one allocation: the path
		// is made in place (in an array of its own when it is longer),
		// written once before the string is made, and never again.
		x := new(firstFinding)
		p := appendFindingPath(x.path[:0], fr, list, i, attr)
		path = unsafe.String(unsafe.SliceData(p), len(p))
		w.ds = x.ds[:0:1]
	} else {
		var scratch [256]byte // where the path is made, on the stack when it fits
		path = string(appendFindingPath(scratch[:0], fr, list, i, attr))
	}
	// Filled in place: a literal appended would be made on the stack and
	// copied whole.
	w.ds = append(w.ds, render.Diagnostic{})
	d := &w.ds[len(w.ds)-1]
	d.Path, d.Severity, d.Rule, d.Message = path, render.SeverityWarning, rule, msg
}

// appendFindingPath appends the path of the element at fr or, when list
// is not nil, of its child i, and of its attribute attr when that is not
// "", to dst.
func appendFindingPath(dst []byte, fr *frame, list []item, i int, attr string) []byte {
	p := appendPath(dst, fr)
	if list != nil {
		p = appendStep(p, list, i)
	}
	if attr != "" {
		p = append(p, "/@"...)
		p = append(p, attr...)
	}
	return p
}

// firstPathBytes is the longest path that firstFinding holds.
const firstPathBytes = 48

// firstFinding holds the first finding of a document and the bytes of its
// path: most documents with warnings have one.
type firstFinding struct {
	ds   [1]render.Diagnostic
	path [firstPathBytes]byte
}

// The warning rules below are render.Check's (rules_lists.go,
// rules_gather.go, rules_dial.go, rules_elements.go) for the records
// there are, with the same messages.

// commandList: an <Error> first in its list, and commands after a
// <Hangup>.
func (w *fastWriter) commandList(items []item, fr *frame) {
	first, hungUp := true, false
	for i := range items {
		switch items[i].kind() {
		case kindComment:
			continue
		case kindError:
			if first {
				w.warn(fr, items, i, "", "error-first", "<Error> is first in its list, so there is no command before it whose failure it could handle")
			}
		case kindHangup:
			if hungUp {
				w.warn(fr, items, i, "", "unreachable", "commands after <Hangup> never run")
				return
			}
			hungUp = true
		default:
			if hungUp {
				w.warn(fr, items, i, "", "unreachable", "commands after <Hangup> never run")
				return
			}
		}
		first = false
	}
}

// promptWarnings are the messages of the legacy warning about a prompt,
// by kind (an array: a map lookup cost more than the rest of the rule).
var promptWarnings = [...]string{
	kindSay:   "a prompt inside <Gather> is legacy; put the <Say> before the <Gather>",
	kindPlay:  "a prompt inside <Gather> is legacy; put the <Play> before the <Gather>",
	kindPause: "a prompt inside <Gather> is legacy; put the <Pause> before the <Gather>",
}

// gatherRules: legacy prompts, legacy mixed with current branches, a
// branch value of another length than dtmf_length, digits nothing uses.
func (w *fastWriter) gatherRules(kids []item, a *recAttrs, fr *frame) {
	var hasDTMF, hasDefault, hasPrompt bool
	for i := range kids {
		switch k := &kids[i]; k.kind() {
		case kindSay, kindPlay, kindPause:
			hasPrompt = true
			w.warn(fr, kids, i, "", "legacy", promptWarnings[k.kind()])
		case kindDTMF:
			hasDTMF = true
			if n, ok := a.DTMFLength.Get(); ok && n >= 1 && len(k.text()) != n {
				w.warn(fr, kids, i, "value", "dtmf-length", fmt.Sprintf("value %q has %d keys but dtmf_length is %d", k.text(), len(k.text()), n))
			}
		case kindDefault:
			hasDefault = true
		}
	}
	if hasPrompt && (hasDTMF || hasDefault) {
		w.warn(fr, nil, 0, "", "legacy-mix", "<Gather> mixes legacy content (prompts, <Switch>) with <DTMF> and <Default> branches")
	}
	if !hasDTMF && a.URL == "" {
		w.warn(fr, nil, 0, "", "gather-unused", "<Gather> has neither <DTMF> branches nor a url, so the digits it collects are not used")
	}
}

// dialRules: a destination dialled twice.
func (w *fastWriter) dialRules(kids []item, fr *frame) {
	for i := range kids {
		if kids[i].kind() != kindTo || kids[i].text() == "" {
			continue
		}
		for j := range i {
			if kids[j].kind() == kindTo && kids[j].text() == kids[i].text() {
				w.warn(fr, kids, i, "", "duplicate-destination", fmt.Sprintf("destination %q is already dialled by this <Dial>", kids[i].text()))
				break
			}
		}
	}
}

// playRules: an audio URL that names no .mp3 or .wav file.
func (w *fastWriter) playRules(url string, fr *frame) {
	if url != "" && isHTTPURL(url) {
		if ext := renderhook.AudioExt(url); ext != ".mp3" && ext != ".wav" {
			w.warn(fr, nil, 0, "", "audio-ext", fmt.Sprintf("audio URL %q does not end in .mp3 or .wav", url))
		}
	}
}
