package gen

// How each element of a document becomes a builder call.

import (
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// call formats name(args…), one argument per line when there are many or
// when one spans several lines.
func call(name string, args ...string) string {
	long := false
	n := len(name)
	for _, a := range args {
		n += len(a) + 2
		if strings.Contains(a, "\n") {
			long = true
		}
	}
	if n > 90 && len(args) > 1 {
		long = true
	}
	if !long {
		return name + "(" + strings.Join(args, ", ") + ")"
	}
	return name + "(\n" + strings.Join(args, ",\n") + ",\n)"
}

// command returns the method call appending c to a chain.
func (g *gen) command(c verbs.Command) string {
	if verbs.IsNil(c) {
		g.fail("nil command")
		return "Comment(\"\")"
	}
	switch v := c.(type) {
	case *verbs.Answer:
		return call("Answer", g.optionsAnswer(v)...)
	case *verbs.Hangup:
		return call("Hangup", g.optionsHangup(v)...)
	case *verbs.Pause:
		return call("Pause", g.optionsPause(v)...)
	case *verbs.Say:
		return call("Say", append([]string{quote(v.Text)}, g.optionsSay(v)...)...)
	case *verbs.Play:
		opts := g.optionsPlay(v)
		switch {
		case v.Record != "" && v.URL != "":
			g.fail("a <Play> with both a URL and a record cannot be built")
		case v.Record != "":
			return call("PlayRecording", append([]string{quote(v.Record)}, opts...)...)
		}
		return call("Play", append([]string{quote(v.URL)}, opts...)...)
	case *verbs.Record:
		opts := g.optionsRecord(v)
		if len(v.Commands) == 0 {
			return call("Record", opts...)
		}
		return call("RecordWhile", append([]string{g.sub(v.Commands, "recording")}, opts...)...)
	case *verbs.RecordStart:
		return call("RecordStart", g.optionsRecordStart(v)...)
	case *verbs.RecordStop:
		return call("RecordStop", g.optionsRecordStop(v)...)
	case *verbs.RecordWait:
		return call("RecordWait", g.optionsRecordWait(v)...)
	case *verbs.Dial:
		opts := g.optionsDial(v)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Dial"))
		}
		return call("Dial", opts...)
	case *verbs.Gather:
		return call("Gather", g.gather(v)...)
	case *verbs.Error:
		return call("OnError", g.errorArgs(v, "onError")...)
	case *verbs.Callback:
		opts := append([]string{quote(v.URL)}, g.optionsCallback(v)...)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Callback"))
		}
		return call("Callback", opts...)
	case *verbs.Curl:
		opts := append([]string{quote(v.URL)}, g.optionsCurl(v)...)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Curl"))
		}
		return call("Curl", opts...)
	case *verbs.Call:
		if !v.Value.Set {
			g.fail("a <Call> without a value cannot be built")
		}
		field := quote(v.Field)
		switch v.Field {
		case verbs.CallFieldTo:
			field, g.needVerbs = "verbs.CallFieldTo", true
		case verbs.CallFieldFrom:
			field, g.needVerbs = "verbs.CallFieldFrom", true
		}
		sub := g.sub(v.Commands, "when"+ident(v.Field))
		return call("Call", append([]string{field, quote(v.Value.Val), sub}, g.optionsCall(v)...)...)
	case *verbs.Geo:
		hint := "everywhere"
		if len(v.States) > 0 {
			hint = "geo" + ident(strings.Join(v.States, ""))
		}
		sub := g.sub(v.Commands, hint)
		return call("Geo", append([]string{sub}, g.optionsGeo(v)...)...)
	case *verbs.Schedule:
		sub := g.sub(v.Commands, "schedule")
		return call("Schedule", append([]string{sub}, g.optionsSchedule(v)...)...)
	case *verbs.Hold:
		return call("Hold", g.optionsHold(v)...)
	case *verbs.Unhold:
		return call("Unhold", g.optionsUnhold(v)...)
	case *verbs.Tone:
		opts := g.optionsTone(v)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Tone"))
		}
		return call("Tone", opts...)
	case *verbs.Meta:
		return g.meta(v, "")
	case *verbs.Comment:
		return call("Comment", quote(v.Text))
	case *verbs.RawElement:
		return call("Raw", g.raw(v))
	}
	g.fail("cannot build a %T", c)
	return "Comment(\"\")"
}

// gather returns the arguments of a Gather call. Runs of legacy prompts
// become one flow.Prompts.
func (g *gen) gather(v *verbs.Gather) []string {
	opts := g.optionsGather(v)
	var prompts []verbs.Command
	flush := func() {
		if len(prompts) > 0 {
			opts = append(opts, "flow.Prompts("+g.list(prompts)+")")
			prompts = nil
		}
	}
	for _, ch := range v.Children {
		switch c := ch.(type) {
		case verbs.Prompt:
			prompts = append(prompts, c)
		default:
			flush()
			opts = append(opts, g.child(ch, "Gather"))
		}
	}
	flush()
	return opts
}

// child returns the option adding a child of a Dial, Gather, Callback,
// Curl, Tone or Switch; parent is the parent's element name.
func (g *gen) child(n verbs.Node, parent string) string {
	if verbs.IsNil(n) {
		g.fail("nil child in a <%s>", parent)
		return "flow.Comment(\"\")"
	}
	switch v := n.(type) {
	case *verbs.To:
		return call("flow.To", append([]string{quote(v.Destination)}, g.optionsTo(v)...)...)
	case *verbs.Sip:
		return call("flow.Sip", append([]string{quote(v.Address)}, g.optionsSip(v)...)...)
	case *verbs.Number:
		return call("flow.Number", append([]string{quote(v.Digits)}, g.optionsNumber(v)...)...)
	case *verbs.Error:
		return call("flow.OnError", g.errorArgs(v, strings.ToLower(parent[:1])+parent[1:]+"Error")...)
	case *verbs.Meta:
		return g.meta(v, "flow.")
	case *verbs.Comment:
		return call("flow.Comment", quote(v.Text))
	case *verbs.RawElement:
		return call("flow.Raw", g.raw(v))
	case *verbs.DTMF:
		sub := g.sub(v.Commands, "digit"+ident(v.Value))
		return call("flow.Digit", append([]string{quote(v.Value), sub}, g.optionsDTMF(v)...)...)
	case *verbs.Default:
		sub := g.sub(v.Commands, "fallback")
		return call("flow.Default", append([]string{sub}, g.optionsDefault(v)...)...)
	case *verbs.Switch:
		opts := g.optionsSwitch(v)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Switch"))
		}
		return call("flow.Switch", opts...)
	case *verbs.Case:
		sub := g.sub(v.Commands, "case"+ident(v.DTMF))
		return call("flow.Case", append([]string{quote(v.DTMF), sub}, g.optionsCase(v)...)...)
	}
	g.fail("cannot build a %T inside a <%s>", n, parent)
	return "flow.Comment(\"\")"
}

func (g *gen) errorArgs(v *verbs.Error, hint string) []string {
	sub := g.sub(v.Commands, hint)
	return append([]string{sub}, g.optionsError(v)...)
}

// meta returns a Meta or MetaText call; prefix is "flow." for the option
// and "" for the method.
func (g *gen) meta(v *verbs.Meta, prefix string) string {
	attrs := g.optionsMeta(v)
	switch {
	case v.Value.Set && !v.Text.Set:
		return call(prefix+"Meta", append([]string{quote(v.Name), quote(v.Value.Val)}, attrs...)...)
	case v.Text.Set && !v.Value.Set:
		return call(prefix+"MetaText", append([]string{quote(v.Name), quote(v.Text.Val)}, attrs...)...)
	}
	g.fail("a <Meta> needs exactly one of a value attribute and text content to be built")
	return call(prefix+"Meta", quote(v.Name), `""`)
}

// raw returns a composite literal of a raw element.
func (g *gen) raw(v *verbs.RawElement) string {
	g.needVerbs = true
	var fields []string
	fields = append(fields, "Name: "+quote(v.Name))
	if len(v.Attrs) > 0 {
		as := make([]string, len(v.Attrs))
		for i, a := range v.Attrs {
			as[i] = "{Name: " + quote(a.Name) + ", Value: " + quote(a.Value) + "}"
		}
		fields = append(fields, "Attrs: []verbs.Attr{"+strings.Join(as, ", ")+"}")
	}
	if len(v.Children) > 0 {
		cs := make([]string, len(v.Children))
		for i, c := range v.Children {
			if verbs.IsNil(c) {
				g.fail("nil child in the raw element <%s>", v.Name)
				continue
			}
			switch c := c.(type) {
			case *verbs.RawElement:
				cs[i] = g.raw(c)
			case *verbs.RawText:
				cs[i] = "&verbs.RawText{Text: " + quote(c.Text) + "}"
			case *verbs.Comment:
				cs[i] = "&verbs.Comment{Text: " + quote(c.Text) + "}"
			default:
				g.fail("cannot build a %T inside a raw element", c)
			}
		}
		fields = append(fields, "Children: []verbs.RawChild{\n"+strings.Join(cs, ",\n")+",\n}")
	}
	return "&verbs.RawElement{" + strings.Join(fields, ", ") + "}"
}
