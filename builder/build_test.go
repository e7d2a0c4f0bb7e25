package flow_test

import (
	"errors"
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
			name: "nil options",
			flow: flow.New().Say("x", nil).Dial(nil, flow.To("12223334455")),
			want: []finding{{"/Response/Dial[1]", "nil-option"}, {"/Response/Say[1]", "nil-option"}},
		},
		{
			name: "raw element without name",
			flow: flow.New().Raw(nil).Tone(flow.Raw(&verbs.RawElement{})),
			want: []finding{{"/Response/Tone[1]/node()[1]", "raw"}, {"/Response/node()[1]", "raw"}},
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
	want := "error: /Response/Pause[1]/@length: flow: length 1.5ms is not a whole number of milliseconds"
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
	if err != nil {
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
