package flow_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// finding is the part of a builder diagnostic the tests compare.
type finding struct {
	Path, Rule string
}

// builderFindings returns the findings the builder itself recorded, leaving
// out those of the validator.
func builderFindings(ds render.Diagnostics) []finding {
	var out []finding
	for _, d := range ds {
		if strings.HasPrefix(d.Message, "flow: ") {
			out = append(out, finding{d.Path, d.Rule})
		}
	}
	return out
}

func TestBuildProblems(t *testing.T) {
	t.Parallel()
	bad := flow.New().Dial(flow.To("12223334455"), flow.To(""))
	tests := []struct {
		name string
		flow *flow.Flow
		want []finding
	}{
		{
			name: "empty destination",
			flow: flow.New().Say("x").Dial(flow.To("sip:a@example.com"), flow.To("  ")),
			want: []finding{{"/Response/Dial[1]/To[2]", "destination"}},
		},
		{
			name: "sub-millisecond durations",
			flow: flow.New().Pause().Pause(flow.Length(1500*time.Microsecond)).
				Answer(flow.Delay(time.Nanosecond)).
				Tone(flow.On(time.Second+1), flow.Off(time.Microsecond)),
			want: []finding{
				{"/Response/Answer[1]/@delay", "duration"},
				{"/Response/Pause[2]/@length", "duration"},
				{"/Response/Tone[1]/@doff", "duration"},
				{"/Response/Tone[1]/@don", "duration"},
			},
		},
		{
			name: "duplicate digit branch",
			flow: flow.New().Gather(flow.Digit("1", nil), flow.Digit("2", nil), flow.Digit("1", nil)),
			want: []finding{{"/Response/Gather[1]/DTMF[3]", "unique"}},
		},
		{
			name: "problem in a nested sub-flow",
			flow: flow.New().Say("menu").Gather(
				flow.Digit("1", flow.New().Say("a")),
				flow.Digit("2", flow.New().Say("b").Append(bad)),
				flow.Default(flow.New().Hold(flow.Timeout(time.Microsecond))),
			),
			want: []finding{
				{"/Response/Gather[1]/DTMF[2]/Dial[1]/To[2]", "destination"},
				{"/Response/Gather[1]/Default[1]/Hold[1]/@timeout", "duration"},
			},
		},
		{
			name: "sub-flow used twice is reported twice",
			flow: flow.New().Append(bad).Geo(bad, flow.States("NJ")),
			want: []finding{
				{"/Response/Dial[1]/To[2]", "destination"},
				{"/Response/Geo[1]/Dial[1]/To[2]", "destination"},
			},
		},
		{
			name: "one bad destination given twice",
			flow: func() *flow.Flow {
				empty := flow.To("")
				return flow.New().Dial(empty, empty).Dial(empty)
			}(),
			want: []finding{
				{"/Response/Dial[1]/To[1]", "destination"},
				{"/Response/Dial[1]/To[2]", "destination"},
				{"/Response/Dial[2]/To[1]", "destination"},
			},
		},
		{
			name: "nil options",
			flow: flow.New().Say("x", nil).Dial(nil, flow.To("12223334455")),
			want: []finding{{"/Response/Dial[1]", "nil-option"}, {"/Response/Say[1]", "nil-option"}},
		},
		{
			name: "raw element without name",
			flow: flow.New().Raw(nil).Tone(flow.Raw(&verbs.RawElement{})),
			want: []finding{{"/Response/*[1]", "raw"}, {"/Response/Tone[1]/*[1]", "raw"}},
		},
		{
			name: "legacy: duplicate case and a prompt that is not one",
			flow: flow.New().Gather(
				flow.Prompts(flow.New().Say("x").Hangup()),
				flow.Switch(flow.Case("1", nil), flow.Case("1", nil))),
			want: []finding{
				{"/Response/Gather[1]", "prompt"},
				{"/Response/Gather[1]/Switch[1]/Case[2]", "unique"},
			},
		},
		{
			name: "zero option values",
			flow: flow.New().Dial(flow.Destination{}).Gather(flow.Branch{}, flow.DefaultBlock{}),
			want: []finding{
				{"/Response/Dial[1]", "destination"},
				{"/Response/Gather[1]", "dtmf"},
				{"/Response/Gather[1]", "default"},
			},
		},
		{
			name: "empty meta name",
			flow: flow.New().Meta("", "v"),
			want: []finding{{"/Response/Meta[1]/@name", "required"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := tt.flow.Build()
			if err == nil {
				t.Fatalf("Build succeeded with %d commands, want an error", len(r.Commands))
			}
			if r != nil {
				t.Errorf("Build returned a document with its error")
			}
			var ds render.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("Build error %T is not a render.Diagnostics: %v", err, err)
			}
			if diff := cmp.Diff(tt.want, builderFindings(ds)); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\nerror:\n%v", diff, err)
			}
			for _, d := range ds {
				if strings.HasPrefix(d.Message, "flow: ") && d.Severity != render.SeverityError {
					t.Errorf("builder finding %v has severity %s", d, d.Severity)
				}
			}
			if _, err := tt.flow.XML(); err == nil {
				t.Errorf("XML succeeded for a flow Build rejects")
			}
		})
	}
}

func TestBuildErrorText(t *testing.T) {
	t.Parallel()
	_, err := flow.New().Pause(flow.Length(1500 * time.Microsecond)).Build()
	if err == nil {
		t.Fatal("Build succeeded, want an error")
	}
	want := "error: /Response/Pause[1]/@length: flow: length (Length) 1.5ms is not a whole number of milliseconds"
	if got := err.Error(); got != want {
		t.Errorf("error text\n got %q\nwant %q", got, want)
	}
}

func TestBuildDoesNotAlias(t *testing.T) {
	t.Parallel()
	menu := flow.New().Say("one")
	f := flow.New().Gather(flow.Digit("1", menu)).Geo(menu)
	menu.Say("added to menu later")
	first, err := f.Build()
	if err != nil {
		t.Fatal(err)
	}
	want := &verbs.Response{Commands: []verbs.Command{
		&verbs.Gather{Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "one"}}},
		}},
		&verbs.Geo{Commands: []verbs.Command{&verbs.Say{Text: "one"}}},
	}}
	if diff := cmp.Diff(want, first); diff != "" {
		t.Fatalf("Build mismatch (-want +got):\n%s", diff)
	}

	// Later calls on the builder do not reach the built document.
	f.Hangup().Say("more")
	// Changing the built document does not reach the builder either.
	first.Commands[0].(*verbs.Gather).Children[0].(*verbs.DTMF).Commands[0].(*verbs.Say).Text = "changed"
	first.Commands = append(first.Commands, &verbs.Hold{})
	second, err := f.Build()
	if !render.IsWarnings(err) { // the Say after the Hangup never runs
		t.Fatal(err)
	}
	want.Commands = append(want.Commands, &verbs.Hangup{}, &verbs.Say{Text: "more"})
	if diff := cmp.Diff(want, second); diff != "" {
		t.Errorf("second Build mismatch (-want +got):\n%s", diff)
	}
	// Two builds share no node.
	third, _ := f.Build()
	if second.Commands[0] == third.Commands[0] {
		t.Errorf("two builds share the node %p", second.Commands[0])
	}
}

func TestNilFlow(t *testing.T) {
	t.Parallel()
	var f *flow.Flow
	if n := f.Len(); n != 0 {
		t.Errorf("Len of nil = %d", n)
	}
	r, err := f.Build()
	if err != nil {
		t.Fatalf("Build of nil: %v", err)
	}
	if diff := cmp.Diff(&verbs.Response{}, r); diff != "" {
		t.Errorf("Build of nil (-want +got):\n%s", diff)
	}
	g := f.Say("Hi")
	got, err := g.Build()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(&verbs.Response{Commands: []verbs.Command{&verbs.Say{Text: "Hi"}}}, got); diff != "" {
		t.Errorf("Say on nil (-want +got):\n%s", diff)
	}
}

func TestMustBuildPanics(t *testing.T) {
	t.Parallel()
	defer func() {
		v := recover()
		s, _ := v.(string)
		if !strings.HasPrefix(s, "flow: ") {
			t.Errorf("MustBuild panicked with %v, want a flow: message", v)
		}
	}()
	flow.New().Dial(flow.To("")).MustBuild()
	t.Error("MustBuild did not panic")
}

func TestBuildJoinsValidator(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		flow *flow.Flow
		want []finding // path and severity ("error" or "warning") of every finding
	}{
		{
			name: "bad loop and a raw attribute overriding a modelled one",
			flow: flow.New().Say("x", flow.Loop(0), flow.Attr("tag", "y")),
			want: []finding{{"/Response/Say[1]/@loop", "error"}, {"/Response/Say[1]/@tag", "error"}},
		},
		{
			name: "dial without destination next to a builder problem",
			flow: flow.New().Dial().Pause(flow.Length(time.Microsecond)),
			want: []finding{{"/Response/Dial[1]", "error"}, {"/Response/Pause[1]/@length", "error"}},
		},
		{
			name: "the builder's finding replaces the validator's on the same element",
			flow: flow.New().Dial(flow.To("")),
			want: []finding{{"/Response/Dial[1]/To[1]", "error"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := tt.flow.Build()
			var ds render.Diagnostics
			if !errors.As(err, &ds) {
				t.Fatalf("Build error %v is not a render.Diagnostics", err)
			}
			var got []finding
			for _, d := range ds {
				got = append(got, finding{d.Path, string(d.Severity)})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings mismatch (-want +got):\n%s\nerror:\n%v", diff, err)
			}
		})
	}
}

// TestWarningsAreReturned checks that a valid document with warnings is
// built and rendered, and that its warnings come back as an error that
// render.IsWarnings tells from a real one.
func TestWarningsAreReturned(t *testing.T) {
	t.Parallel()
	//lint:ignore SA1019 the legacy dialect is what this case is about.
	legacy := flow.New().Dial(flow.Sip("support@sip.opentact.org"))
	tests := []struct {
		name string
		f    *flow.Flow
		path string // of the first warning
		xml  string
	}{
		{
			name: "unreachable command", f: flow.New().Hangup().Say("never heard"),
			path: "/Response/Say[1]",
			xml:  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Hangup/>\n  <Say>never heard</Say>\n</Response>\n",
		},
		{
			name: "legacy element", f: legacy, path: "/Response/Dial[1]/Sip[1]",
			xml: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Dial>\n    <Sip>support@sip.opentact.org</Sip>\n  </Dial>\n</Response>\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			check := func(method string, err error) {
				t.Helper()
				var ds render.Diagnostics
				if !errors.As(err, &ds) || !ds.WarningsOnly() || !render.IsWarnings(err) {
					t.Fatalf("%s: err = %v, want the warnings as render.Diagnostics", method, err)
				}
				if ds[0].Path != tt.path || ds[0].Severity != render.SeverityWarning {
					t.Errorf("%s: first finding %v, want a warning at %s", method, ds[0], tt.path)
				}
			}
			doc, err := tt.f.Build()
			check("Build", err)
			if doc == nil {
				t.Error("Build returned no document with its warnings")
			}
			xml, err := tt.f.XML()
			check("XML", err)
			if string(xml) != tt.xml {
				t.Errorf("XML = %q, want %q", xml, tt.xml)
			}
			var b strings.Builder
			n, err := tt.f.WriteTo(&b)
			check("WriteTo", err)
			if b.String() != tt.xml || n != int64(len(tt.xml)) {
				t.Errorf("WriteTo wrote %d bytes %q", n, b.String())
			}
			b.Reset()
			check("Render", tt.f.Render(&b))
			if b.String() != tt.xml {
				t.Errorf("Render wrote %q", b.String())
			}
			if got := tt.f.MustXML(); string(got) != tt.xml {
				t.Errorf("MustXML = %q", got)
			}
			if tt.f.MustBuild() == nil {
				t.Error("MustBuild returned nil")
			}
		})
	}

	// An invalid document is not "warnings", even with warnings in it.
	_, err := flow.New().Dial().Hangup().Say("never heard").Build()
	if err == nil || render.IsWarnings(err) {
		t.Errorf("Build of an invalid flow: err = %v, want errors", err)
	}
	if render.IsWarnings(nil) || render.IsWarnings(errors.New("x")) {
		t.Error("IsWarnings of nil or a plain error")
	}
	if joined := errors.Join(errors.New("x"), flow.New().Hangup().Say("y").Check()); render.IsWarnings(joined) {
		t.Error("IsWarnings of warnings joined with another error")
	}
}

func TestRenderHelpers(t *testing.T) {
	t.Parallel()
	f := flow.New().Say("Hi").Hangup()
	const indented = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>Hi</Say>\n  <Hangup/>\n</Response>\n"
	const compact = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Say>Hi</Say><Hangup/></Response>"
	xml, err := f.XML()
	if err != nil || string(xml) != indented {
		t.Errorf("XML = %q, %v; want %q", xml, err, indented)
	}
	c, err := f.CompactXML()
	if err != nil || string(c) != compact {
		t.Errorf("CompactXML = %q, %v; want %q", c, err, compact)
	}
	if m := f.MustXML(); string(m) != indented {
		t.Errorf("MustXML = %q", m)
	}
	var b strings.Builder
	n, err := f.WriteTo(&b)
	if err != nil || b.String() != indented || n != int64(len(indented)) {
		t.Errorf("WriteTo wrote %d bytes %q, %v", n, b.String(), err)
	}

	b.Reset()
	n, err = flow.New().Dial().WriteTo(&b)
	if err == nil || n != 0 || b.Len() != 0 {
		t.Errorf("WriteTo of an invalid flow wrote %d bytes %q, err %v", n, b.String(), err)
	}
}

func TestNeverPanics(t *testing.T) {
	t.Parallel()
	var nilFlow *flow.Flow
	flows := map[string]func() *flow.Flow{
		"nil options everywhere": func() *flow.Flow {
			return flow.New().Answer(nil).Hangup(nil).Pause(nil).Say("", nil).Play("", nil).Record(nil).
				RecordWhile(nil, nil).RecordStart(nil).RecordStop(nil).RecordWait(nil).Dial(nil).Gather(nil).
				OnError(nil, nil).Callback("", nil).Curl("", nil).Call("", "", nil, nil).Geo(nil, nil).
				Schedule(nil, nil).Hold(nil).Unhold(nil).Tone(nil)
		},
		"zero option values": func() *flow.Flow {
			return flow.New().
				Dial(flow.Destination{}, flow.ErrorBlock{}, flow.MetaItem{}, flow.CommentItem{}, flow.RawItem{}).
				Gather(flow.Branch{}, flow.DefaultBlock{}, flow.PromptList{}, flow.SwitchBlock{},
					flow.Switch(flow.CaseBranch{}, nil)).
				Tone(flow.HzAttr{}, flow.OnAttr{}, flow.TagAttr{}).
				Geo(nil, flow.StatesAttr{}, flow.CountyAttr{})
		},
		"nil sub-flows and receivers": func() *flow.Flow {
			return nilFlow.Append(nil, nilFlow).Gather(flow.Digit("1", nilFlow), flow.Default(nil)).
				Geo(nilFlow).Call("to", "1", nilFlow)
		},
		"nil children in a raw element": func() *flow.Flow {
			return flow.New().Raw(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{nil, (*verbs.RawElement)(nil),
				(*verbs.RawText)(nil), &verbs.RawElement{}}})
		},
		"extreme values": func() *flow.Flow {
			return flow.New().Pause(flow.Length(-time.Hour)).Hold(flow.Timeout(1<<63-1)).
				Tone(flow.Hz(-1, 0, 1<<30), flow.Volume(1<<30), flow.Loop(-1)).
				Say("\x00\xff\ufffe", flow.Lang("??"), flow.Attr("", "\x01")).
				Comment("--").Comment("-").Meta("", "").Schedule(nil, flow.Days("", "mon", "mon"), flow.Time("25:00:00"))
		},
	}
	for name, mk := range flows {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			defer func() {
				if v := recover(); v != nil {
					t.Fatalf("panic: %v", v)
				}
			}()
			f := mk()
			f.Check()
			f.Build()
			f.XML()
			f.CompactXML()
			f.WriteTo(io.Discard)
		})
	}
}
