package render

import (
	"strconv"

	"github.com/opentact-go/opentact/verbs"
)

// document writes the declaration and the <Response> root.
func (w *writer) document(r *verbs.Response) {
	if r == nil {
		w.fail(fault{offset: -1, reason: "nil document"})
		return
	}
	w.buf = append(w.buf, xmlDeclaration...)
	w.newline()
	w.start(r, "Response")
	w.extra(r.Extra)
	writeChildren(w, "Response", r.Commands)
}

// node writes n, the i-th (0-based) child of parent. Attributes are written
// in the order of table.Element.Attrs.
func (w *writer) node(parent verbs.Node, i int, n verbs.Node) {
	if isNilNode(n) {
		w.fail(fault{node: parent, child: i + 1, offset: -1, reason: "nil node"})
		return
	}
	if w.depth > maxWriteDepth {
		w.fail(fault{node: n, offset: -1, reason: "nesting deeper than " + strconv.Itoa(maxWriteDepth) + " levels"})
		return
	}
	switch v := n.(type) {
	case *verbs.Answer:
		w.start(v, "Answer")
		w.optMillis("delay", v.Delay)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		w.end()
	case *verbs.Hangup:
		w.empty(v, "Hangup", v.Tag, v.Extra)
	case *verbs.Pause:
		w.start(v, "Pause")
		w.optMillis("length", v.Length)
		w.attr("dtmf_stop", v.DTMFStop)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		w.end()
	case *verbs.Say:
		w.start(v, "Say")
		w.attr("type", string(v.Type))
		w.attr("gender", string(v.Gender))
		w.attr("code", v.Code)
		w.attr("lang", v.Lang)
		w.optInt("loop", v.Loop)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		w.text("Say", v.Text)
	case *verbs.Play:
		w.start(v, "Play")
		w.attr("record", v.Record)
		w.attr("leg", string(v.Leg))
		w.optInt("loop", v.Loop)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		w.text("Play", v.URL)
	case *verbs.Record:
		w.start(v, "Record")
		w.attr("tag", v.Tag)
		w.optBool("asr", v.ASR)
		w.optMillis("timeout", v.Timeout)
		w.extra(v.Extra)
		writeChildren(w, "Record", v.Commands)
	case *verbs.RecordStart:
		w.empty(v, "RecordStart", v.Tag, v.Extra)
	case *verbs.RecordStop:
		w.empty(v, "RecordStop", v.Tag, v.Extra)
	case *verbs.RecordWait:
		w.empty(v, "RecordWait", v.Tag, v.Extra)
	case *verbs.Dial:
		w.start(v, "Dial")
		w.attr("tag", v.Tag)
		w.optInt("timeout", v.Timeout)
		w.attr("record", string(v.Record))
		w.extra(v.Extra)
		writeChildren(w, "Dial", v.Children)
	case *verbs.To:
		w.start(v, "To")
		w.extra(v.Extra)
		w.text("To", v.Destination)
	case *verbs.Sip:
		w.start(v, "Sip")
		w.extra(v.Extra)
		w.text("Sip", v.Address)
	case *verbs.Number:
		w.start(v, "Number")
		w.extra(v.Extra)
		w.text("Number", v.Digits)
	case *verbs.Gather:
		w.start(v, "Gather")
		w.optInt("dtmf_length", v.DTMFLength)
		w.attr("dtmf_stop", v.DTMFStop)
		w.attr("url", v.URL)
		w.attr("tag", v.Tag)
		w.optInt("numDigits", v.NumDigits)
		w.optInt("attempts", v.Attempts)
		w.optMillis("timeout", v.Timeout)
		w.attr("finishOnKey", v.FinishOnKey)
		w.attr("callback", v.Callback)
		w.attr("method", string(v.Method))
		w.extra(v.Extra)
		writeChildren(w, "Gather", v.Children)
	case *verbs.DTMF:
		w.start(v, "DTMF")
		w.attr("value", v.Value)
		w.extra(v.Extra)
		writeChildren(w, "DTMF", v.Commands)
	case *verbs.Default:
		w.start(v, "Default")
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Default", v.Commands)
	case *verbs.Error:
		w.start(v, "Error")
		w.optBool("play", v.Play)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Error", v.Commands)
	case *verbs.Callback:
		w.start(v, "Callback")
		w.attr("url", v.URL)
		w.attr("method", string(v.Method))
		w.optBool("body", v.Body)
		w.optMillis("timeout", v.Timeout)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Callback", v.Children)
	case *verbs.Curl:
		w.start(v, "Curl")
		w.attr("url", v.URL)
		w.attr("method", string(v.Method))
		w.optMillis("timeout", v.Timeout)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Curl", v.Children)
	case *verbs.Call:
		w.start(v, "Call")
		w.attr("field", v.Field)
		w.optString("value", v.Value)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Call", v.Commands)
	case *verbs.Geo:
		w.start(v, "Geo")
		listAttr(w, "states", v.States)
		w.attr("county", v.County)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Geo", v.Commands)
	case *verbs.Schedule:
		w.start(v, "Schedule")
		listAttr(w, "dow", v.Days)
		w.attr("time", v.Time)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Schedule", v.Commands)
	case *verbs.Hold:
		w.start(v, "Hold")
		w.optMillis("timeout", v.Timeout)
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		w.end()
	case *verbs.Unhold:
		w.empty(v, "Unhold", v.Tag, v.Extra)
	case *verbs.Tone:
		w.start(v, "Tone")
		w.ints("hz", v.Hz)
		w.optMillis("don", v.On)
		w.optMillis("doff", v.Off)
		w.optInt("v", v.Volume)
		w.optInt("loop", v.Loop)
		w.optMillis("timeout", v.Timeout)
		w.attr("leg", string(v.Leg))
		w.attr("tag", v.Tag)
		w.extra(v.Extra)
		writeChildren(w, "Tone", v.Children)
	case *verbs.Meta:
		w.start(v, "Meta")
		w.attr("name", v.Name)
		w.optString("value", v.Value)
		w.extra(v.Extra)
		if v.Text.Set {
			w.text("Meta", v.Text.Val)
		} else {
			w.end()
		}
	case *verbs.Switch:
		w.start(v, "Switch")
		w.extra(v.Extra)
		writeChildren(w, "Switch", v.Children)
	case *verbs.Case:
		w.start(v, "Case")
		w.attr("dtmf", v.DTMF)
		w.extra(v.Extra)
		writeChildren(w, "Case", v.Commands)
	case *verbs.Comment:
		w.indent()
		w.comment(v)
		w.newline()
	case *verbs.RawElement:
		w.raw(v)
	case *verbs.RawText:
		// Only white space reaches here: a raw element holding other
		// text is written inline. Between elements it is layout.
	default:
		w.fail(fault{node: parent, child: i + 1, offset: -1, reason: "unsupported node"})
	}
}

// empty writes an element whose only attribute is tag.
func (w *writer) empty(n verbs.Node, name, tag string, extra []verbs.Attr) {
	w.start(n, name)
	w.attr("tag", tag)
	w.extra(extra)
	w.end()
}
