package render

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

func TestCheckNilDocument(t *testing.T) {
	t.Parallel()
	want := Diagnostics{vErr("/Response", "nil", "the document is nil")}
	for _, r := range []*verbs.Response{nil, (*verbs.Response)(nil)} {
		if diff := cmp.Diff(want, Check(r)); diff != "" {
			t.Errorf("Check(nil) (-want +got):\n%s", diff)
		}
		var ds Diagnostics
		if err := Validate(r); !errors.As(err, &ds) || len(ds) != 1 {
			t.Errorf("Validate(nil) = %v, want one diagnostic", err)
		}
	}
}

// TestCheckNilNodes puts a nil entry and a typed-nil entry in every kind
// of child list: each is an error at the parent, never a panic.
func TestCheckNilNodes(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		doc    *verbs.Response
		parent string
		elem   string
		typed  string
	}{
		{"response", vDoc(nil, (*verbs.Say)(nil)), "/Response", "Response", "*verbs.Say"},
		{"record", vDoc(&verbs.Record{Commands: []verbs.Command{nil, (*verbs.Hangup)(nil)}}), "/Response/Record[1]", "Record", "*verbs.Hangup"},
		{"dial", vDoc(&verbs.Dial{Children: []verbs.DialChild{nil, (*verbs.To)(nil), &verbs.To{Destination: "12223334455"}}}),
			"/Response/Dial[1]", "Dial", "*verbs.To"},
		{"gather", vDoc(&verbs.Gather{URL: "http://x.com", Children: []verbs.GatherChild{nil, (*verbs.DTMF)(nil)}}), "/Response/Gather[1]", "Gather", "*verbs.DTMF"},
		{"dtmf", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{nil, (*verbs.Gather)(nil)}}}}),
			"/Response/Gather[1]/DTMF[1]", "DTMF", "*verbs.Gather"},
		{"default", vDoc(&verbs.Gather{URL: "http://x.com", Children: []verbs.GatherChild{&verbs.Default{Commands: []verbs.Command{nil, (*verbs.Error)(nil)}}}}),
			"/Response/Gather[1]/Default[1]", "Default", "*verbs.Error"},
		{"error", vDoc(&verbs.Hangup{}, &verbs.Error{Commands: []verbs.Command{nil, (*verbs.Meta)(nil)}}), "/Response/Error[1]", "Error", "*verbs.Meta"},
		{"callback", vDoc(&verbs.Callback{URL: "http://x.com", Children: []verbs.CallbackChild{nil, (*verbs.Error)(nil)}}), "/Response/Callback[1]", "Callback", "*verbs.Error"},
		{"curl", vDoc(&verbs.Curl{URL: "http://x.com", Children: []verbs.CurlChild{nil, (*verbs.Meta)(nil)}}), "/Response/Curl[1]", "Curl", "*verbs.Meta"},
		{"call", vDoc(&verbs.Call{Field: "to", Value: verbs.Some("1"), Commands: []verbs.Command{nil, (*verbs.Call)(nil)}}), "/Response/Call[1]", "Call", "*verbs.Call"},
		{"geo", vDoc(&verbs.Geo{Commands: []verbs.Command{nil, (*verbs.Comment)(nil)}}), "/Response/Geo[1]", "Geo", "*verbs.Comment"},
		{"schedule", vDoc(&verbs.Schedule{Commands: []verbs.Command{nil, (*verbs.RawElement)(nil)}}), "/Response/Schedule[1]", "Schedule", "*verbs.RawElement"},
		{"tone", vDoc(&verbs.Tone{Children: []verbs.ToneChild{nil, (*verbs.Meta)(nil)}}), "/Response/Tone[1]", "Tone", "*verbs.Meta"},
		{"switch", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Switch{Children: []verbs.SwitchChild{nil, (*verbs.Case)(nil)}}}}),
			"/Response/Gather[1]/Switch[1]", "Switch", "*verbs.Case"},
		{"case", vDoc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Switch{Children: []verbs.SwitchChild{
			&verbs.Case{DTMF: "1", Commands: []verbs.Command{nil, (*verbs.Say)(nil)}}}}}}),
			"/Response/Gather[1]/Switch[1]/Case[1]", "Case", "*verbs.Say"},
		{"raw", vDoc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{nil, (*verbs.RawText)(nil)}}), "/Response/X[1]", "X", "*verbs.RawText"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var got []Diagnostic
			for _, d := range Check(tc.doc) {
				if d.Rule == "nil" {
					got = append(got, d)
				}
			}
			want := []Diagnostic{
				vErr(tc.parent, "nil", "child 1 of <"+tc.elem+"> is nil"),
				vErr(tc.parent, "nil", "child 2 of <"+tc.elem+"> is a nil "+tc.typed),
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("nil findings (-want +got):\n%s", diff)
			}
			_ = Paths(tc.doc)
		})
	}
}

func TestCheckCycle(t *testing.T) {
	t.Parallel()
	g := &verbs.Gather{URL: "http://x.com"}
	g.Children = []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "again"}, g}}}
	r := vDoc(g)
	want := Diagnostics{vErr("/Response/Gather[1]/DTMF[1]/Gather[1]", "cycle", "<Gather> contains itself")}
	if diff := cmp.Diff(want, Check(r)); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	if got := Paths(r)[g]; got != "/Response/Gather[1]" {
		t.Errorf("Paths()[gather] = %q, want /Response/Gather[1]", got)
	}
}

func TestCheckDepth(t *testing.T) {
	t.Parallel()
	inner := verbs.Command(&verbs.Say{Text: "deep"})
	for range maxCheckDepth + 5 {
		inner = &verbs.Record{Commands: []verbs.Command{inner}}
	}
	var depth []Diagnostic
	for _, d := range Check(vDoc(inner)) {
		if d.Rule == "depth" {
			depth = append(depth, d)
		}
	}
	if len(depth) != 1 {
		t.Fatalf("got %d depth findings, want 1", len(depth))
	}
	if want := strings.Repeat("/Record[1]", maxCheckDepth+1); depth[0].Path != "/Response"+want {
		t.Errorf("depth finding at a path of %d bytes, want the node at depth %d", len(depth[0].Path), maxCheckDepth+1)
	}
}

func TestCheckPositions(t *testing.T) {
	t.Parallel()
	say := &verbs.Say{Text: "Hi", Loop: verbs.Some(0)}
	dial := &verbs.Dial{Children: []verbs.DialChild{nil}}
	comment := &verbs.Comment{Text: "a--b"}
	unknown := &verbs.Error{}
	r := vDoc(comment, say, dial, unknown)
	pos := Positions{
		r:       {Line: 2, Col: 1},
		comment: {Line: 9, Col: 3},
		say:     {Line: 3, Col: 3},
		dial:    {Line: 4, Col: 3},
	}
	want := Diagnostics{
		{Path: "/Response/Say[1]/@loop", Line: 3, Col: 3, Severity: SeverityError, Rule: "range", Message: "loop (Loop) must be at least 1, got 0"},
		{Path: "/Response/Dial[1]", Line: 4, Col: 3, Severity: SeverityError, Rule: "nil", Message: "child 1 of <Dial> is nil"},
		{Path: "/Response/Dial[1]", Line: 4, Col: 3, Severity: SeverityError, Rule: "required", Message: "<Dial> needs at least one destination (<To>)"},
		{Path: "/Response/comment()[1]", Line: 9, Col: 3, Severity: SeverityError, Rule: "comment", Message: `comment must not contain "--"`},
	}
	got := Check(r, At(pos))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check(At) (-want +got):\n%s", diff)
	}
	// Without positions the same findings sort by path.
	got = Check(r, nil)
	paths := make([]string, len(got))
	for i, d := range got {
		paths[i] = d.Path
		if d.Line != 0 || d.Col != 0 {
			t.Errorf("%v: position without At", d)
		}
	}
	if !slices.IsSorted(paths) || len(paths) != 4 {
		t.Errorf("paths %q are not the 4 findings in sorted order", paths)
	}
}

// TestCheckReportsAll builds a document with a problem of nearly every
// kind and expects every finding at once, in order.
func TestCheckReportsAll(t *testing.T) {
	t.Parallel()
	r := vDoc(
		&verbs.Error{},
		&verbs.Say{Text: ""},
		&verbs.Play{URL: "http://x.com/a.ogg"},
		&verbs.Gather{Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Dial{Children: []verbs.DialChild{
				&verbs.To{Destination: "12223334455"}, &verbs.To{Destination: "nope"}, &verbs.To{Destination: "12223334455"}}}}},
			&verbs.Default{}, &verbs.DTMF{Value: "1"},
		}},
		&verbs.Hangup{Extra: []verbs.Attr{{Name: "tag"}}},
		&verbs.Tone{Hz: []int{30000}},
	)
	want := Diagnostics{
		vLint("/Response/Error[1]", "error-first", "<Error> is first in its list, so there is no command before it whose failure it could handle"),
		vErr("/Response/Gather[1]/DTMF[1]/Dial[1]/To[2]", "destination", "<To> text must be "+vDestWant+`, got "nope"`),
		vLint("/Response/Gather[1]/DTMF[1]/Dial[1]/To[3]", "duplicate-destination", `destination "12223334455" is already dialled by this <Dial>`),
		vErr("/Response/Gather[1]/DTMF[2]", "order", "<DTMF> must come before <Default> and <Error>"),
		vErr("/Response/Gather[1]/DTMF[2]", "duplicate", `value "1" is already used by an earlier <DTMF> of this <Gather>`),
		vErr("/Response/Hangup[1]/@tag", "extra-attr", "extra attribute tag repeats an attribute <Hangup> models; set it through its field"),
		vLint("/Response/Play[1]", "audio-ext", `audio URL "http://x.com/a.ogg" does not end in .mp3 or .wav`),
		vErr("/Response/Say[1]", "required", "<Say> needs text to speak"),
		vLint("/Response/Tone[1]", "unreachable", "commands after <Hangup> never run"),
		vErr("/Response/Tone[1]/@hz", "range", "hz (Hz) must be at most 20000, got 30000"),
	}
	got := Check(r)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Check (-want +got):\n%s", diff)
	}
	err := Validate(r)
	var ds Diagnostics
	if !errors.As(err, &ds) || len(ds) != len(want) {
		t.Fatalf("Validate = %v, want all %d findings", err, len(want))
	}
	if first := strings.SplitN(err.Error(), "\n", 2)[0]; first != "warning: /Response/Error[1]: "+want[0].Message {
		t.Errorf("first line of the error = %q", first)
	}
}

func TestValidate(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		doc     *verbs.Response
		wantErr bool
	}{
		{"clean", vDoc(&verbs.Answer{}, &verbs.Say{Text: "Hi"}, &verbs.Hangup{}), false},
		{"empty", vDoc(), false},
		{"warnings only", vDoc(&verbs.Hangup{}, &verbs.Say{Text: "never"}), false},
		{"an error", vDoc(&verbs.Say{}), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			err := Validate(tc.doc)
			if (err != nil) != tc.wantErr {
				t.Fatalf("Validate = %v, want error %v", err, tc.wantErr)
			}
			if err != nil && !Check(tc.doc).HasErrors() {
				t.Errorf("Validate failed on a document Check finds no error in")
			}
		})
	}
}

// TestCheckDoesNotModify checks that validation leaves the document as it
// was.
func TestCheckDoesNotModify(t *testing.T) {
	t.Parallel()
	r := vDoc(&verbs.Say{Text: " "}, &verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1"}, &verbs.DTMF{Value: "1"}}},
		&verbs.Geo{States: []string{"ny", "NY"}}, &verbs.Meta{Name: "m", Text: verbs.Some("")})
	before := verbs.Clone(r)
	Check(r)
	if diff := cmp.Diff(before, r); diff != "" {
		t.Errorf("Check modified the document (-before +after):\n%s", diff)
	}
}
