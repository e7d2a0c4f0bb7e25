package flow

import (
	"bytes"
	"testing"

	"github.com/opentact-go/opentact/render"
)

// TestRecordLimits checks that an element whose text or list of children
// is longer than a record holds becomes a node, rendered and checked by
// the tree with the same bytes and findings as a record. The limits are
// lowered so that small flows reach them; the test is not parallel.
func TestRecordLimits(t *testing.T) {
	text, kids := maxRecordText, maxRecordKids
	defer func() { maxRecordText, maxRecordKids = text, kids }()
	build := func() *Flow {
		return New().
			Say("Hello").Say("Good morning, caller").
			Gather(DTMFLength(1), Digit("1", New().Say("One").Hangup()), Digit("2", New().Say("Two").Say("Bye").Hangup()),
				Default(New().Say("Again")), OnError(New().Say("Oops"))).
			Dial(To("12223334455"), To("12223334456"), OnError(New().Hangup())).
			Comment(" a comment longer than the limit ").
			Say("Hello", Loop(2)).Say("Hello").Hangup()
	}
	want, wantErr := build().XML()
	if wantErr != nil {
		t.Fatalf("XML with the real limits: %v", wantErr)
	}
	if !build().fast() {
		t.Fatal("the flow is not written from its records with the real limits")
	}
	maxRecordText, maxRecordKids = 10, 2
	f := build()
	if f.fast() {
		t.Error("a flow with texts and lists longer than the limits is written from its records")
	}
	nodes := 0
	for _, it := range f.items() {
		if it.kind() == kindNode {
			nodes++
		}
	}
	// Say "Good morning, caller", the Gather (5 children), the Dial (3) and
	// the comment.
	if nodes != 4 {
		t.Errorf("%d commands are nodes, want 4", nodes)
	}
	got, err := f.XML()
	if err != nil {
		t.Fatalf("XML: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("XML with lowered limits:\n%s\nwant\n%s", got, want)
	}
	r, err := f.Build()
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	if b, err := render.Marshal(r); err != nil || !bytes.Equal(b, want) {
		t.Errorf("render.Marshal of Build: %v\n%s\nwant\n%s", err, b, want)
	}
	// A problem in a branch that became a node is still found.
	bad := New().Gather(Digit("1", New().Say("")), Digit("2", New()), Digit("3", New()))
	ds := bad.Check()
	if !ds.HasErrors() {
		t.Fatalf("Check of a Gather with an empty Say: %v, want an error", ds)
	}
	maxRecordText, maxRecordKids = text, kids
	if want := New().Gather(Digit("1", New().Say("")), Digit("2", New()), Digit("3", New())).Check(); ds.Error() != want.Error() {
		t.Errorf("Check with lowered limits:\n%v\nwant\n%v", ds, want)
	}
}

// TestPlainDestinations checks that a destination the fast scan accepts
// is marked plain, one only render's rule decides is not, and that both
// render as the tree renders them.
func TestPlainDestinations(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		dest  string
		plain bool
	}{
		{"12223334455", true},
		{"+12223334455", true},
		{"support1@sip.opentact.org", true},
		{"sip:alice@example.com", true},
		{"alice@example.com:5060", false},
		{"SIP:alice@example.com", false},
	} {
		if got := To(tc.dest).it.plain(); got != tc.plain {
			t.Errorf("To(%q) plain = %v, want %v", tc.dest, got, tc.plain)
		}
		f := New().Dial(To(tc.dest), To("12223334466"))
		got, err := f.XML()
		r, berr := f.Build()
		if (err == nil) != (berr == nil) {
			t.Errorf("%q: XML error %v, Build error %v", tc.dest, err, berr)
			continue
		}
		if r == nil {
			continue
		}
		want, err := render.Marshal(r)
		if err != nil {
			t.Fatalf("%q: render.Marshal: %v", tc.dest, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%q: XML\n%s\nwant\n%s", tc.dest, got, want)
		}
	}
}
