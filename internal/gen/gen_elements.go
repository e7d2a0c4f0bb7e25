package gen

// How each element of a document becomes a builder call.

import (
	"strconv"
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
		return call("Answer", g.attrs(g.dur("Delay", v.Delay), str("Tag", v.Tag), v.Extra)...)
	case *verbs.Hangup:
		return call("Hangup", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.Pause:
		return call("Pause", g.attrs(g.dur("Length", v.Length), str("DTMFStop", v.DTMFStop), str("Tag", v.Tag), v.Extra)...)
	case *verbs.Say:
		return call("Say", append([]string{quote(v.Text)}, g.attrs(
			g.enum("Type", string(v.Type), sayTypes), g.enum("Gender", string(v.Gender), genders),
			str("Code", v.Code), str("Lang", v.Lang), num("Loop", v.Loop), str("Tag", v.Tag), v.Extra)...)...)
	case *verbs.Play:
		opts := g.attrs(g.enum("Leg", string(v.Leg), legs), num("Loop", v.Loop), str("Tag", v.Tag), v.Extra)
		switch {
		case v.Record != "" && v.URL != "":
			g.fail("a <Play> with both a URL and a record cannot be built")
		case v.Record != "":
			return call("PlayRecording", append([]string{quote(v.Record)}, opts...)...)
		}
		return call("Play", append([]string{quote(v.URL)}, opts...)...)
	case *verbs.Record:
		opts := g.attrs(str("Tag", v.Tag), boolean("ASR", v.ASR), g.dur("Timeout", v.Timeout), v.Extra)
		if len(v.Commands) == 0 {
			return call("Record", opts...)
		}
		return call("RecordWhile", append([]string{g.sub(v.Commands, "recording")}, opts...)...)
	case *verbs.RecordStart:
		return call("RecordStart", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.RecordStop:
		return call("RecordStop", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.RecordWait:
		return call("RecordWait", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.Dial:
		opts := g.attrs(str("Tag", v.Tag), num("DialTimeout", v.Timeout),
			g.enum("DialRecord", string(v.Record), dialRecords), v.Extra)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Dial"))
		}
		return call("Dial", opts...)
	case *verbs.Gather:
		return call("Gather", g.gather(v)...)
	case *verbs.Error:
		return call("OnError", g.errorArgs(v, "onError")...)
	case *verbs.Callback:
		opts := []string{quote(v.URL)}
		opts = append(opts, g.attrs(g.enum("Method", string(v.Method), methods), boolean("Body", v.Body),
			g.dur("Timeout", v.Timeout), str("Tag", v.Tag), v.Extra)...)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Callback"))
		}
		return call("Callback", opts...)
	case *verbs.Curl:
		opts := []string{quote(v.URL)}
		opts = append(opts, g.attrs(g.enum("Method", string(v.Method), methods),
			g.dur("Timeout", v.Timeout), str("Tag", v.Tag), v.Extra)...)
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
		return call("Call", append([]string{field, quote(v.Value.Val), sub}, g.attrs(str("Tag", v.Tag), v.Extra)...)...)
	case *verbs.Geo:
		hint := "everywhere"
		if len(v.States) > 0 {
			hint = "geo" + ident(strings.Join(v.States, ""))
		}
		sub := g.sub(v.Commands, hint)
		var states string
		if len(v.States) > 0 {
			qs := make([]string, len(v.States))
			for i, s := range v.States {
				qs[i] = quote(s)
			}
			states = "flow.States(" + strings.Join(qs, ", ") + ")"
		}
		return call("Geo", append([]string{sub}, g.attrs(states, str("County", v.County), str("Tag", v.Tag), v.Extra)...)...)
	case *verbs.Schedule:
		sub := g.sub(v.Commands, "schedule")
		var days string
		if len(v.Days) > 0 {
			ds := make([]string, len(v.Days))
			for i, d := range v.Days {
				ds[i] = g.enumValue(string(d), "verbs.Weekday", weekdays)
			}
			days = "flow.Days(" + strings.Join(ds, ", ") + ")"
		}
		return call("Schedule", append([]string{sub}, g.attrs(days, str("Time", v.Time), str("Tag", v.Tag), v.Extra)...)...)
	case *verbs.Hold:
		return call("Hold", g.attrs(g.dur("Timeout", v.Timeout), str("Tag", v.Tag), v.Extra)...)
	case *verbs.Unhold:
		return call("Unhold", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.Tone:
		var hz string
		if len(v.Hz) > 0 {
			hs := make([]string, len(v.Hz))
			for i, h := range v.Hz {
				hs[i] = strconv.Itoa(h)
			}
			hz = "flow.Hz(" + strings.Join(hs, ", ") + ")"
		}
		opts := g.attrs(hz, g.dur("On", v.On), g.dur("Off", v.Off), num("Volume", v.Volume), num("Loop", v.Loop),
			g.dur("Timeout", v.Timeout), g.enum("Leg", string(v.Leg), legs), str("Tag", v.Tag), v.Extra)
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
	opts := g.attrs(num("DTMFLength", v.DTMFLength), str("DTMFStop", v.DTMFStop), str("URL", v.URL), str("Tag", v.Tag),
		num("NumDigits", v.NumDigits), num("Attempts", v.Attempts), g.dur("GatherTimeout", v.Timeout),
		str("FinishOnKey", v.FinishOnKey), str("GatherCallback", v.Callback),
		g.enum("GatherMethod", string(v.Method), methods), v.Extra)
	var prompts []verbs.Command
	flush := func() {
		if len(prompts) > 0 {
			opts = append(opts, "flow.Prompts("+g.list(prompts)+")")
			prompts = nil
		}
	}
	for _, ch := range v.Children {
		switch c := ch.(type) {
		case *verbs.Say:
			prompts = append(prompts, c)
		case *verbs.Play:
			prompts = append(prompts, c)
		case *verbs.Pause:
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
		return call("flow.To", append([]string{quote(v.Destination)}, g.rawAttrs(v.Extra)...)...)
	case *verbs.Sip:
		return call("flow.Sip", append([]string{quote(v.Address)}, g.rawAttrs(v.Extra)...)...)
	case *verbs.Number:
		return call("flow.Number", append([]string{quote(v.Digits)}, g.rawAttrs(v.Extra)...)...)
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
		return call("flow.Digit", append([]string{quote(v.Value), sub}, g.rawAttrs(v.Extra)...)...)
	case *verbs.Default:
		sub := g.sub(v.Commands, "fallback")
		return call("flow.Default", append([]string{sub}, g.attrs(str("Tag", v.Tag), v.Extra)...)...)
	case *verbs.Switch:
		opts := g.rawAttrs(v.Extra)
		for _, ch := range v.Children {
			opts = append(opts, g.child(ch, "Switch"))
		}
		return call("flow.Switch", opts...)
	case *verbs.Case:
		sub := g.sub(v.Commands, "case"+ident(v.DTMF))
		return call("flow.Case", append([]string{quote(v.DTMF), sub}, g.rawAttrs(v.Extra)...)...)
	}
	g.fail("cannot build a %T inside a <%s>", n, parent)
	return "flow.Comment(\"\")"
}

func (g *gen) errorArgs(v *verbs.Error, hint string) []string {
	sub := g.sub(v.Commands, hint)
	return append([]string{sub}, g.attrs(boolean("Play", v.Play), str("Tag", v.Tag), v.Extra)...)
}

// meta returns a Meta or MetaText call; prefix is "flow." for the option
// and "" for the method.
func (g *gen) meta(v *verbs.Meta, prefix string) string {
	attrs := g.rawAttrs(v.Extra)
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
