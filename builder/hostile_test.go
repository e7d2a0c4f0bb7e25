package flow_test

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	gocmp "github.com/google/go-cmp/cmp"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// hostileStrings are values that XML cannot carry as they are, or only
// escaped: invalid UTF-8, C0 controls, non-characters, UTF-8-encoded
// surrogates, CDATA and comment terminators, line ends, and a long value.
var hostileStrings = []string{
	"\xff", "a\x00b", "\x01", "x\x1f", "\x7f", "\uFFFE", "a\uFFFF", "\xed\xa0\x80", "\xed\xbf\xbf",
	"\xc0\x80", "\xf4\x90\x80\x80", "é\xc3", "]]>", "a]]>b", "a--b", "-", "trail-", "-lead", "<!--", "-->",
	"\r", "a\r\nb", "a\rb", "a\tb\nc", "\t", "\n", " \n ", "\u0085\u2028", "&#x41;", "&amp;", "'\"",
	"<Hangup/>", "x\U0001F600y", strings.Repeat("long & <value> ", 5000),
}

// expatVerdicts runs python3's expat over each of docs and returns one
// verdict a document: "" when it is well formed, or expat's error. It
// skips t without python3.
func expatVerdicts(t *testing.T, docs [][]byte) []string {
	t.Helper()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed")
	}
	const script = `
import struct, sys, xml.parsers.expat as e
inp = sys.stdin.buffer
while True:
    head = inp.read(4)
    if len(head) < 4:
        break
    p = e.ParserCreate()
    try:
        p.Parse(inp.read(struct.unpack(">I", head)[0]), True)
        print("ok")
    except e.ExpatError as x:
        print("bad", x)
`
	var in bytes.Buffer
	for _, d := range docs {
		in.Write(binary.BigEndian.AppendUint32(nil, uint32(len(d))))
		in.Write(d)
	}
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("python3's expat: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(docs) {
		t.Fatalf("expat answered %d times for %d documents", len(lines), len(docs))
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "ok")
	}
	return lines
}

// hostileCheck holds the flows of a hostile test to their contract and
// keeps the documents written for one expat run at the end.
type hostileCheck struct {
	t                *testing.T
	refused, written int
	docs             [][]byte
	// fifth marks the documents whose names hold non-ASCII characters:
	// render writes names by XML 1.0 fifth edition, whose name
	// characters expat's older tables do not all have.
	fifth map[int]bool
	// minEach is the least number of flows refused and written that
	// makes the test meaningful (50 when 0).
	minEach int
}

// check checks flow f, named name: its XML, in both layouts, is either
// refused with an error naming a path under /Response (as Build refuses
// it), or is render.Marshal's document of Build's tree and parses back to
// that tree.
func (h *hostileCheck) check(name string, f *flow.Flow) { h.checkNames(name, f, false) }

// checkNames is check for a flow whose element or attribute names may
// hold non-ASCII characters (nonASCIINames).
func (h *hostileCheck) checkNames(name string, f *flow.Flow, nonASCIINames bool) {
	t := h.t
	t.Helper()
	for _, layout := range []struct {
		name string
		xml  func() ([]byte, error)
		opts []render.Option
	}{{"indented", f.XML, nil}, {"compact", f.CompactXML, []render.Option{render.Compact()}}} {
		xml, err := layout.xml()
		want, berr := f.Build()
		if err != nil && !render.IsWarnings(err) {
			h.refused++
			if !strings.Contains(err.Error(), "/Response") {
				t.Errorf("%s: %s: the error names no path: %v", name, layout.name, err)
			}
			if berr == nil || render.IsWarnings(berr) {
				t.Errorf("%s: %s refused (%v) what Build accepts", name, layout.name, err)
			}
			var ds render.Diagnostics
			if errors.As(err, &ds) {
				for _, d := range ds {
					if d.Path == "" {
						t.Errorf("%s: a finding without a path: %v", name, d)
					}
				}
			}
			continue
		}
		h.written++
		if berr != nil && !render.IsWarnings(berr) {
			t.Errorf("%s: %s wrote what Build refuses (%v)", name, layout.name, berr)
			continue
		}
		if m, err := render.Marshal(want, layout.opts...); (err != nil && !render.IsWarnings(err)) || !bytes.Equal(m, xml) {
			t.Errorf("%s: %s: the builder's XML is not render.Marshal's (%v):\n%s\n%s", name, layout.name, err, xml, m)
		}
		// Lenient for raw attributes; the writer has no limit of the
		// parser's defaults (64 levels, 10,000 elements), so none here.
		got, err := render.Parse(xml, render.Lenient(), render.MaxDepth(1<<20), render.MaxElements(1<<30), render.MaxBytes(1<<30))
		if err != nil && !render.IsWarnings(err) {
			t.Errorf("%s: parsing the %s XML: %v\n%q", name, layout.name, err, xml)
			continue
		}
		// reflect.DeepEqual decides: go-cmp's diff, only for the message,
		// takes exponential time on deep trees.
		if !reflect.DeepEqual(want, got) {
			t.Errorf("%s: %s round trip changed the content (-built +parsed):\n%s\n%.2000q", name, layout.name, gocmp.Diff(want, got), xml)
		}
		if nonASCIINames {
			if h.fifth == nil {
				h.fifth = map[int]bool{}
			}
			h.fifth[len(h.docs)] = true
		}
		h.docs = append(h.docs, xml)
	}
}

// expat checks every document written with python3's expat.
func (h *hostileCheck) expat() {
	for i, v := range expatVerdicts(h.t, h.docs) {
		if v != "" && h.fifth[i] {
			h.t.Logf("a fifth-edition name expat refuses (%s): %q", v, h.docs[i])
			continue
		}
		if v != "" {
			h.t.Errorf("document %d is not well formed for expat: %s\n%q", i, v, h.docs[i])
		}
	}
	h.t.Logf("%d refused, %d written", h.refused, h.written)
	if min := cmp.Or(h.minEach, 50); h.refused < min || h.written < min {
		h.t.Errorf("too few of a kind: %d refused, %d written", h.refused, h.written)
	}
}

// TestHostileStrings builds random flows carrying hostileStrings and
// holds each to hostileCheck's contract.
func TestHostileStrings(t *testing.T) {
	g := &randomFlows{rng: rand.New(rand.NewPCG(2026, 12)), hostile: true}
	n := 300
	if testing.Short() {
		n = 60
	}
	h := &hostileCheck{t: t}
	for i := range n {
		h.check(fmt.Sprintf("flow %d", i), g.flow(6, 2))
	}
	h.expat()
}

// TestHostileOptionValues puts each of hostileStrings, and a few values
// at the edge of each rule, into every string the builder takes: texts,
// URLs, destinations, enum and list values, names, tags, comments, raw
// attributes and raw element names.
func TestHostileOptionValues(t *testing.T) {
	edge := []string{"", " ", "sip:a&b@h.com", "a<b@h.com", "http://h.com/?a=1&b=<2>\"'", "https://h.com/\"x", "+1222333445566",
		"12223334455 ", "sip:u@h.com:5060", "é@h.com", "u@h.com\n", "Standard", "MALE", "aleg", "GET", "get", "NY", "sun",
		"09:00:00-17:00:00", "#", "1", "en-US", "x-y", "a b", "a:b", ":", "xml", "_"}
	values := append(append([]string{}, hostileStrings...), edge...)
	h := &hostileCheck{t: t}
	for _, v := range values {
		for name, f := range map[string]*flow.Flow{
			"Say text":        flow.New().Say(v),
			"Say code":        flow.New().Say("x", flow.Code(v), flow.Lang(v)),
			"Say type":        flow.New().Say("x", flow.Type(verbs.SayType(v)), flow.Gender(verbs.Gender(v))),
			"Play url":        flow.New().Play(v, flow.Leg(verbs.Leg(v))),
			"Play record":     flow.New().PlayRecording(v),
			"Pause dtmf_stop": flow.New().Pause(flow.DTMFStop(v)),
			"Dial To":         flow.New().Dial(flow.To(v), flow.To("+12223334455")),
			"Gather url":      flow.New().Gather(flow.URL(v), flow.DTMFStop(v)),
			"DTMF value":      flow.New().Gather(flow.Digit(v, flow.New().Hangup()), flow.Default(flow.New().Say(v))),
			"Callback":        flow.New().Callback(v, flow.Method(verbs.Method(v))),
			"Curl":            flow.New().Curl(v, flow.Meta(v, v)),
			"Call":            flow.New().Call(v, v, flow.New().Say(v)),
			"Geo":             flow.New().Geo(flow.New().Comment(v), flow.States(v, "NY"), flow.County(v)),
			"Schedule":        flow.New().Schedule(flow.New(), flow.Days(verbs.Weekday(v)), flow.Time(v)),
			"Meta":            flow.New().Meta(v, v).MetaText(v, v),
			"Comment":         flow.New().Say("x").Comment(v),
			"Tag":             flow.New().Hangup(flow.Tag(v)).Record(flow.Tag(v)),
			"Attr":            flow.New().Say("x", flow.Attr(v, v)).Hangup(flow.Attr("x-a", v)),
			"Raw":             flow.New().Raw(&verbs.RawElement{Name: v, Attrs: []verbs.Attr{{Name: "a", Value: v}}, Children: []verbs.RawChild{&verbs.RawText{Text: v}}}),
			"Tone":            flow.New().Tone(flow.Meta("n", v), flow.Comment(v), flow.Tag(v)),
			"legacy Gather":   flow.New().Gather(flow.GatherCallback(v), flow.FinishOnKey(v), flow.Switch(flow.Case(v, flow.New().Say(v)))),
		} {
			h.checkNames(fmt.Sprintf("%s %q", name, v), f, (name == "Attr" || name == "Raw") && strings.ContainsFunc(v, func(r rune) bool { return r >= 0x80 }))
		}
	}
	h.expat()
}

// TestHostileChains holds builder chains a careless caller may write to
// hostileCheck's contract: nil flows and options, a flow appended to or
// nested in itself, extreme counts and durations, deep and wide flows.
// None may panic.
func TestHostileChains(t *testing.T) {
	var nilFlow *flow.Flow
	self := func(use func(f *flow.Flow) *flow.Flow) *flow.Flow { return use(flow.New().Say("a")) }
	deepFlow := func(n int) *flow.Flow {
		f := flow.New().Hangup()
		for range n {
			f = flow.New().Geo(f, flow.Tag("t")).Say("x")
		}
		return f
	}
	wide := flow.New()
	for range 20000 {
		wide.Say("x")
	}
	h := &hostileCheck{t: t, minEach: 5}
	for name, mk := range map[string]func() *flow.Flow{
		"nil flow":          func() *flow.Flow { return nilFlow },
		"nil flow's Say":    func() *flow.Flow { return nilFlow.Say("x") },
		"Append nil":        func() *flow.Flow { return flow.New().Append(nil, nilFlow) },
		"Append itself":     func() *flow.Flow { return self(func(f *flow.Flow) *flow.Flow { return f.Append(f, f) }) },
		"Geo of itself":     func() *flow.Flow { return self(func(f *flow.Flow) *flow.Flow { return f.Geo(f) }) },
		"Digit of itself":   func() *flow.Flow { return self(func(f *flow.Flow) *flow.Flow { return f.Gather(flow.Digit("1", f)) }) },
		"Prompts of itself": func() *flow.Flow { return self(func(f *flow.Flow) *flow.Flow { return f.Gather(flow.Prompts(f)) }) },
		"OnError of itself": func() *flow.Flow { return self(func(f *flow.Flow) *flow.Flow { return f.OnError(f) }) },
		"nil sub-flows": func() *flow.Flow {
			return flow.New().Geo(nil).Gather(flow.Digit("1", nil), flow.Default(nil)).Play("http://h.com/a.mp3").OnError(nil)
		},
		"nil options": func() *flow.Flow { return flow.New().Dial(nil).Say("x", nil).Gather(nil).Tone(nil) },
		"nil Case":    func() *flow.Flow { return flow.New().Gather(flow.Switch(flow.Case("1", nil), nil)) },
		"nil raw":     func() *flow.Flow { return flow.New().Raw(nil) },
		"nil raw children": func() *flow.Flow {
			return flow.New().Raw(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{nil, (*verbs.RawText)(nil)}})
		},
		"largest counts": func() *flow.Flow { return flow.New().Say("x", flow.Loop(math.MaxInt)).Tone(flow.Volume(math.MinInt)) },
		"negative counts": func() *flow.Flow {
			return flow.New().Say("x", flow.Loop(math.MinInt)).Tone(flow.Volume(1), flow.Hz(math.MaxInt, -1, 0))
		},
		"largest duration":    func() *flow.Flow { return flow.New().Pause(flow.Length(math.MaxInt64 / 1000000 * 1000000)) },
		"duration not whole":  func() *flow.Flow { return flow.New().Pause(flow.Length(math.MaxInt64)) },
		"negative duration":   func() *flow.Flow { return flow.New().Hold(flow.Timeout(-time.Millisecond)) },
		"largest dtmf_length": func() *flow.Flow { return flow.New().Gather(flow.DTMFLength(math.MaxInt), flow.URL("http://h.com")) },
		"deep 100":            func() *flow.Flow { return deepFlow(100) },
		"deep 998":            func() *flow.Flow { return deepFlow(998) },
		"deep 999":            func() *flow.Flow { return deepFlow(999) },
		"deep 1000":           func() *flow.Flow { return deepFlow(1000) },
		"deep 2000":           func() *flow.Flow { return deepFlow(2000) },
		"wide":                func() *flow.Flow { return wide },
	} {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: panic: %v", name, r)
				}
			}()
			h.check(name, mk())
		}()
	}
	h.expat()
}
