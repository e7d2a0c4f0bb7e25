// Package gen turns a call-flow document into Go code that builds it with
// package flow (imported as flow "github.com/opentact-go/opentact/builder").
// It backs the `opentact gen` command.
//
// The code is gofmt-formatted. Nested command lists with more than one
// command, or with nested content of their own, become named variables
// declared before the flow that uses them (digit1, dialError, …), so the
// generated function reads from the innermost branches out to the
// document; a list that appears twice is declared once and reused. Building the generated flow and rendering it reproduces the
// canonical form of the document (what `opentact fmt` prints) byte for
// byte.
package gen

import (
	"errors"
	"fmt"
	"go/format"
	"go/token"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/opentact-go/opentact/verbs"
)

// Options configures Generate.
type Options struct {
	// Package is the package clause of the file, "flows" when empty. Main
	// files are always package main.
	Package string
	// Func is the name of the generated function returning the *flow.Flow,
	// "Flow" when empty.
	Func string
	// Main adds a main function printing the document's canonical XML to
	// standard output, making the file a complete program.
	Main bool
	// Source, when set, is named in the doc comment of the function (for
	// example the input file name).
	Source string
}

// Check reports an option Generate cannot use: an invalid package or
// function name, or a package other than main for a main program.
func (o Options) Check() error {
	pkg, fn := o.names()
	if o.Main && o.Package != "" && o.Package != "main" {
		return fmt.Errorf("gen: a main program is package main, not %q", o.Package)
	}
	if !token.IsIdentifier(pkg) {
		return fmt.Errorf("gen: invalid package name %q", pkg)
	}
	if !token.IsIdentifier(fn) || fn == "main" || fn == "init" {
		return fmt.Errorf("gen: invalid function name %q", fn)
	}
	return nil
}

// names returns the package and function names, defaults applied.
func (o Options) names() (pkg, fn string) {
	pkg, fn = o.Package, o.Func
	if o.Main {
		pkg = "main"
	}
	if pkg == "" {
		pkg = "flows"
	}
	if fn == "" {
		fn = "Flow"
	}
	return pkg, fn
}

// Generate returns a gofmt-formatted Go source file whose function
// opts.Func returns a *flow.Flow building r. It fails for a document the
// builder cannot express, such as attributes on <Response>, a <Meta> with
// both a value attribute and text content, or a <Call> without a value.
func Generate(r *verbs.Response, opts Options) ([]byte, error) {
	if err := opts.Check(); err != nil {
		return nil, err
	}
	if r == nil {
		return nil, errors.New("gen: nil document")
	}
	pkg, fn := opts.names()
	if len(r.Extra) > 0 {
		return nil, errors.New("gen: attributes on <Response> cannot be built")
	}
	g := &gen{hoisted: map[string]int{}, names: map[string]bool{fn: true, "main": true, "flow": true, "verbs": true, "time": true, "fmt": true, "os": true}}
	body := g.list(r.Commands)
	if g.err != nil {
		return nil, g.err
	}

	var b strings.Builder
	fmt.Fprintf(&b, "package %s\n\nimport (\n", pkg)
	if opts.Main {
		b.WriteString("\"fmt\"\n\"os\"\n")
	}
	if g.needTime {
		b.WriteString("\"time\"\n")
	}
	b.WriteString("\nflow \"github.com/opentact-go/opentact/builder\"\n")
	if g.needVerbs {
		b.WriteString("\"github.com/opentact-go/opentact/verbs\"\n")
	}
	b.WriteString(")\n\n")
	if opts.Main {
		fmt.Fprintf(&b, `func main() {
	xml, err := %s().XML()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(xml)
}

`, fn)
	}
	if src := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1 // keep the comment on one line
		}
		return r
	}, opts.Source); src != "" {
		fmt.Fprintf(&b, "// %s returns the call flow of %s.\n", fn, src)
	} else {
		fmt.Fprintf(&b, "// %s returns the call flow.\n", fn)
	}
	fmt.Fprintf(&b, "func %s() *flow.Flow {\n", fn)
	for _, v := range g.vars {
		fmt.Fprintf(&b, "%s := %s\n", placeholder(len(g.vars)), v.expr) // named below
	}
	fmt.Fprintf(&b, "return %s\n}\n", body)
	code := g.name(b.String())
	src, err := format.Source([]byte(code))
	if err != nil {
		return nil, fmt.Errorf("gen: formatting the generated code: %v", err)
	}
	return src, nil
}

// gen accumulates the statements of the generated function.
type gen struct {
	vars      []variable // hoisted command lists, innermost first
	names     map[string]bool
	hoisted   map[string]int // expression → index in vars
	needTime  bool
	needVerbs bool
	err       error
}

func (g *gen) fail(format string, args ...any) {
	if g.err == nil {
		g.err = fmt.Errorf("gen: "+format, args...)
	}
}

// list returns the chained expression building a command list.
func (g *gen) list(cmds []verbs.Command) string {
	var b strings.Builder
	b.WriteString("flow.New()")
	sep := ".\n" // one command per line
	if len(cmds) == 1 {
		sep = "."
	}
	for _, c := range cmds {
		b.WriteString(sep)
		b.WriteString(g.command(c))
	}
	return b.String()
}

// sub returns the expression for a nested command list: a new variable
// named after hint when the list is long or nested, the inline chain
// otherwise.
func (g *gen) sub(cmds []verbs.Command, hint string) string {
	if len(cmds) == 0 {
		return "flow.New()"
	}
	expr := g.list(cmds)
	if len(cmds) == 1 && !hasContent(cmds[0]) {
		return expr
	}
	// Variables are named once all uses are known: the code holds a
	// placeholder until then.
	if i, ok := g.hoisted[expr]; ok {
		g.vars[i].hints = append(g.vars[i].hints, hint) // the same commands again: reuse the variable
		return placeholder(i)
	}
	i := len(g.vars)
	g.vars = append(g.vars, variable{expr: expr, hints: []string{hint}})
	g.hoisted[expr] = i
	return placeholder(i)
}

// hasContent reports whether c holds nested commands or children.
func hasContent(c verbs.Command) bool {
	switch v := c.(type) {
	case *verbs.Record:
		return len(v.Commands) > 0
	case *verbs.Dial:
		return len(v.Children) > 1
	case *verbs.Gather:
		return len(v.Children) > 0
	case *verbs.Error:
		return len(v.Commands) > 0
	case *verbs.Callback:
		return len(v.Children) > 0
	case *verbs.Curl:
		return len(v.Children) > 0
	case *verbs.Call:
		return len(v.Commands) > 0
	case *verbs.Geo:
		return len(v.Commands) > 0
	case *verbs.Schedule:
		return len(v.Commands) > 0
	case *verbs.Tone:
		return len(v.Children) > 0
	case *verbs.RawElement:
		return len(v.Children) > 0
	}
	return false
}

// variable is a hoisted command list and the names its uses suggest.
type variable struct {
	expr  string
	hints []string
}

// placeholder stands for the name of variable i until name replaces it;
// placeholder(len(vars)) marks a declaration, named in order.
func placeholder(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// name replaces the placeholders in code by variable names. A variable
// used once is named after its use (digit1, dialError); one used at
// places suggesting different names gets the name they share (onError for
// dialError and callbackError) or "shared".
func (g *gen) name(code string) string {
	names := make([]string, len(g.vars))
	for i, v := range g.vars {
		hint := v.hints[0]
		for _, h := range v.hints[1:] {
			if h != hint {
				hint = "shared"
				if strings.HasSuffix(v.hints[0], "Error") && strings.HasSuffix(h, "Error") {
					hint = "onError"
				}
			}
		}
		names[i] = g.fresh(hint)
	}
	decl := placeholder(len(g.vars))
	var b strings.Builder
	next := 0
	for {
		start := strings.IndexByte(code, 0)
		if start < 0 {
			b.WriteString(code)
			return b.String()
		}
		end := start + 1 + strings.IndexByte(code[start+1:], 0)
		b.WriteString(code[:start])
		if code[start:end+1] == decl {
			b.WriteString(names[next])
			next++
		} else {
			i, _ := strconv.Atoi(code[start+1 : end])
			b.WriteString(names[i])
		}
		code = code[end+1:]
	}
}

// fresh returns an unused variable name made from hint.
func (g *gen) fresh(hint string) string {
	if token.Lookup(hint).IsKeyword() {
		hint += "Flow"
	}
	name := hint
	for i := 2; g.names[name]; i++ {
		name = hint + strconv.Itoa(i)
	}
	g.names[name] = true
	return name
}

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
	if isNil(c) {
		g.fail("nil command")
		return "Comment(\"\")"
	}
	switch v := c.(type) {
	case *verbs.Answer:
		return call("Answer", g.attrs(g.dur("Delay", v.Delay), str("Tag", v.Tag), v.Extra)...)
	case *verbs.Hangup:
		return call("Hangup", g.attrs(str("Tag", v.Tag), v.Extra)...)
	case *verbs.Pause:
		return call("Pause", g.attrs(g.dur("Length", v.Length), str("StopKeys", v.DTMFStop), str("Tag", v.Tag), v.Extra)...)
	case *verbs.Say:
		return call("Say", append([]string{quote(v.Text)}, g.attrs(
			g.enum("Engine", string(v.Type), sayTypes), g.enum("Gender", string(v.Gender), genders),
			str("Voice", v.Code), str("Lang", v.Lang), num("Loop", v.Loop), str("Tag", v.Tag), v.Extra)...)...)
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
		return call("Schedule", append([]string{sub}, g.attrs(days, str("Hours", v.Time), str("Tag", v.Tag), v.Extra)...)...)
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
	opts := g.attrs(num("Digits", v.DTMFLength), str("StopKeys", v.DTMFStop), str("URL", v.URL), str("Tag", v.Tag),
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
	if isNil(n) {
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
	return append([]string{sub}, g.attrs(boolean("PlayReason", v.Play), str("Tag", v.Tag), v.Extra)...)
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
			if isNil(c) {
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

// isNil reports a nil node, typed or not.
func isNil(n verbs.Node) bool {
	if n == nil {
		return true
	}
	v := reflect.ValueOf(n)
	return v.Kind() == reflect.Pointer && v.IsNil()
}

// attrs collects the non-empty options among parts, which are option
// expressions (strings, "" for an absent attribute) and finally the raw
// attributes.
func (g *gen) attrs(parts ...any) []string {
	var out []string
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			if p != "" {
				out = append(out, p)
			}
		case []verbs.Attr:
			out = append(out, g.rawAttrs(p)...)
		}
	}
	return out
}

func (g *gen) rawAttrs(attrs []verbs.Attr) []string {
	var out []string
	for _, a := range attrs {
		out = append(out, "flow.Attr("+quote(a.Name)+", "+quote(a.Value)+")")
	}
	return out
}

func str(opt, v string) string {
	if v == "" {
		return ""
	}
	return "flow." + opt + "(" + quote(v) + ")"
}

func num(opt string, v verbs.Opt[int]) string {
	if !v.Set {
		return ""
	}
	return "flow." + opt + "(" + strconv.Itoa(v.Val) + ")"
}

func boolean(opt string, v verbs.Opt[bool]) string {
	if !v.Set {
		return ""
	}
	return "flow." + opt + "(" + strconv.FormatBool(v.Val) + ")"
}

func (g *gen) dur(opt string, v verbs.Opt[verbs.Millis]) string {
	if !v.Set {
		return ""
	}
	return "flow." + opt + "(" + g.duration(v.Val) + ")"
}

// duration writes m in the largest time unit that divides it.
func (g *gen) duration(m verbs.Millis) string {
	if m == 0 {
		return "0"
	}
	g.needTime = true
	units := []struct {
		ms   verbs.Millis
		name string
	}{{3600000, "time.Hour"}, {60000, "time.Minute"}, {1000, "time.Second"}, {1, "time.Millisecond"}}
	for _, u := range units {
		if m%u.ms == 0 {
			if m == u.ms {
				return u.name
			}
			return strconv.FormatInt(int64(m/u.ms), 10) + " * " + u.name
		}
	}
	return strconv.FormatInt(int64(m), 10) + " * time.Millisecond"
}

func (g *gen) enum(opt, v string, names map[string]string) string {
	if v == "" {
		return ""
	}
	typ := map[string]string{"Engine": "verbs.SayType", "Gender": "verbs.Gender", "Leg": "verbs.Leg",
		"Method": "verbs.Method", "GatherMethod": "verbs.Method", "DialRecord": "verbs.DialRecord"}[opt]
	return "flow." + opt + "(" + g.enumValue(v, typ, names) + ")"
}

// enumValue returns the verbs constant for v, or a conversion of the
// string for a value the language does not define.
func (g *gen) enumValue(v, typ string, names map[string]string) string {
	g.needVerbs = true
	if c, ok := names[v]; ok {
		return "verbs." + c
	}
	return typ + "(" + quote(v) + ")"
}

var (
	sayTypes    = map[string]string{"Standard": "Standard", "WaveNet": "WaveNet"}
	genders     = map[string]string{"FEMALE": "Female", "MALE": "Male"}
	legs        = map[string]string{"aleg": "LegA", "bleg": "LegB", "both": "LegBoth"}
	dialRecords = map[string]string{"record-from-answer": "RecordFromAnswer", "do-not-record": "DoNotRecord"}
	methods     = map[string]string{"GET": "MethodGet", "POST": "MethodPost", "PUT": "MethodPut",
		"PATCH": "MethodPatch", "DELETE": "MethodDelete"}
	weekdays = map[string]string{"sun": "Sunday", "mon": "Monday", "tue": "Tuesday", "wed": "Wednesday",
		"thu": "Thursday", "fri": "Friday", "sat": "Saturday"}
)

// quote returns a Go string literal for s: a raw string for readable
// multi-line text, an interpreted one otherwise.
func quote(s string) string {
	if strings.Contains(s, "\n") && !strings.ContainsAny(s, "`\r") {
		ok := true
		for _, line := range strings.Split(s, "\n") {
			if !strconv.CanBackquote(line) {
				ok = false
				break
			}
		}
		if ok {
			return "`" + s + "`"
		}
	}
	return strconv.Quote(s)
}

// ident turns a value into the tail of a variable name: letters and digits
// kept, * # + spelled out, other characters dropped, and the letter
// starting the value or following a dropped character upper-cased
// ("x-custom" → "XCustom").
func ident(s string) string {
	var b strings.Builder
	upper := true
	for _, r := range s {
		switch {
		case r == '*':
			b.WriteString("Star")
		case r == '#':
			b.WriteString("Hash")
		case r == '+':
			b.WriteString("Plus")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if upper {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			upper = false
			continue
		}
		upper = true
	}
	return b.String()
}
