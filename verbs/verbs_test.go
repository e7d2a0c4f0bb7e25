package verbs_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/opentact-go/opentact/verbs"
)

// Compile-time proof of the nesting rules: each assignment below must
// compile, and the spec's forbidden placements (a *To as a Command, a *Say
// as a DialChild) must not; see TestSealedInterfaces for the negative side.
var (
	_ verbs.Command       = (*verbs.Say)(nil)
	_ verbs.Command       = (*verbs.Error)(nil)
	_ verbs.Command       = (*verbs.Meta)(nil)
	_ verbs.Command       = (*verbs.Comment)(nil)
	_ verbs.Command       = (*verbs.RawElement)(nil)
	_ verbs.DialChild     = (*verbs.To)(nil)
	_ verbs.DialChild     = (*verbs.Sip)(nil)
	_ verbs.DialChild     = (*verbs.Number)(nil)
	_ verbs.DialChild     = (*verbs.Error)(nil)
	_ verbs.DialChild     = (*verbs.Meta)(nil)
	_ verbs.GatherChild   = (*verbs.DTMF)(nil)
	_ verbs.GatherChild   = (*verbs.Default)(nil)
	_ verbs.GatherChild   = (*verbs.Switch)(nil)
	_ verbs.GatherChild   = (*verbs.Say)(nil)
	_ verbs.ToneChild     = (*verbs.Meta)(nil)
	_ verbs.CurlChild     = (*verbs.Error)(nil)
	_ verbs.CallbackChild = (*verbs.Error)(nil)
	_ verbs.SwitchChild   = (*verbs.Case)(nil)
	_ verbs.RawChild      = (*verbs.RawText)(nil)
)

// TestSealedInterfaces checks the placements the spec forbids are not
// expressible: no type outside the allowed set implements each interface.
func TestSealedInterfaces(t *testing.T) {
	t.Parallel()
	all := []verbs.Node{
		new(verbs.Response), new(verbs.Answer), new(verbs.Hangup), new(verbs.Pause), new(verbs.Say),
		new(verbs.Play), new(verbs.Record), new(verbs.RecordStart), new(verbs.RecordStop),
		new(verbs.RecordWait), new(verbs.Dial), new(verbs.To), new(verbs.Gather), new(verbs.DTMF),
		new(verbs.Default), new(verbs.Error), new(verbs.Callback), new(verbs.Curl), new(verbs.Call),
		new(verbs.Geo), new(verbs.Schedule), new(verbs.Hold), new(verbs.Unhold), new(verbs.Tone),
		new(verbs.Meta), new(verbs.Switch), new(verbs.Case), new(verbs.Sip), new(verbs.Number),
		new(verbs.Comment), new(verbs.RawElement), new(verbs.RawText),
	}
	allowed := map[string]struct {
		check func(verbs.Node) bool
		names []string
	}{
		"DialChild": {func(n verbs.Node) bool { _, ok := n.(verbs.DialChild); return ok },
			[]string{"To", "Sip", "Number", "Error", "Meta", "Comment", "RawElement"}},
		"GatherChild": {func(n verbs.Node) bool { _, ok := n.(verbs.GatherChild); return ok },
			[]string{"DTMF", "Default", "Error", "Say", "Play", "Pause", "Switch", "Comment", "RawElement"}},
		"ToneChild": {func(n verbs.Node) bool { _, ok := n.(verbs.ToneChild); return ok },
			[]string{"Meta", "Comment", "RawElement"}},
		"CurlChild": {func(n verbs.Node) bool { _, ok := n.(verbs.CurlChild); return ok },
			[]string{"Error", "Meta", "Comment", "RawElement"}},
		"CallbackChild": {func(n verbs.Node) bool { _, ok := n.(verbs.CallbackChild); return ok },
			[]string{"Error", "Comment", "RawElement"}},
		"SwitchChild": {func(n verbs.Node) bool { _, ok := n.(verbs.SwitchChild); return ok },
			[]string{"Case", "Default", "Error", "Comment", "RawElement"}},
		"Prompt": {func(n verbs.Node) bool { _, ok := n.(verbs.Prompt); return ok },
			[]string{"Say", "Play", "Pause"}},
		"RawChild": {func(n verbs.Node) bool { _, ok := n.(verbs.RawChild); return ok },
			[]string{"RawElement", "RawText", "Comment"}},
		"Command": {func(n verbs.Node) bool { _, ok := n.(verbs.Command); return ok },
			[]string{"Answer", "Hangup", "Pause", "Say", "Play", "Record", "RecordStart", "RecordStop",
				"RecordWait", "Dial", "Gather", "Error", "Callback", "Curl", "Call", "Geo", "Schedule",
				"Hold", "Unhold", "Tone", "Meta", "Comment", "RawElement"}},
	}
	for iface, a := range allowed {
		var got []string
		for _, n := range all {
			if a.check(n) {
				got = append(got, reflect.TypeOf(n).Elem().Name())
			}
		}
		if diff := cmp.Diff(a.names, got, sortStrings); diff != "" {
			t.Errorf("types implementing %s (-want +got):\n%s", iface, diff)
		}
	}
}

func TestDestinations(t *testing.T) {
	t.Parallel()
	d := &verbs.Dial{Children: []verbs.DialChild{
		&verbs.To{Destination: "12223334455"}, (*verbs.To)(nil), &verbs.Meta{Name: "k"},
		&verbs.Sip{Address: "1000@example.com"}, nil, &verbs.Number{Digits: "15556667777"}, &verbs.Error{},
	}}
	want := []string{"12223334455", "1000@example.com", "15556667777"}
	if got := verbs.Destinations(d); !reflect.DeepEqual(got, want) {
		t.Errorf("Destinations = %q, want %q", got, want)
	}
	if got := verbs.Destinations(&verbs.Dial{}); got != nil {
		t.Errorf("Destinations of an empty Dial = %q, want nil", got)
	}
}

var sortStrings = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
})

func TestOptAndMillis(t *testing.T) {
	t.Parallel()
	var unset verbs.Opt[int]
	if v, ok := unset.Get(); ok || v != 0 {
		t.Errorf("zero Opt: Get() = %v, %v", v, ok)
	}
	if v, ok := verbs.Some(0).Get(); !ok || v != 0 {
		t.Errorf("Some(0).Get() = %v, %v", v, ok)
	}
	if unset == verbs.Some(0) {
		t.Error("an absent attribute equals a present zero")
	}
	if got := verbs.Millis(1500).Duration(); got != 1500*time.Millisecond {
		t.Errorf("Millis(1500).Duration() = %v", got)
	}
}

func TestClone(t *testing.T) {
	t.Parallel()
	orig := &verbs.Response{Commands: []verbs.Command{
		&verbs.Say{Text: "Hi", Extra: []verbs.Attr{{Name: "x-a", Value: "1"}}},
		&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{
				&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}}},
			}},
			&verbs.Comment{Text: " menu "},
		}},
		&verbs.Geo{States: []string{"NY"}, Commands: []verbs.Command{&verbs.Hangup{}}},
		&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday}},
		&verbs.Tone{Hz: []int{350, 440}, Children: []verbs.ToneChild{&verbs.Meta{Name: "a", Value: verbs.Some("b")}}},
		&verbs.RawElement{Name: "Future", Attrs: []verbs.Attr{{Name: "a", Value: "b"}},
			Children: []verbs.RawChild{&verbs.RawText{Text: "x"}}},
		nil,
		(*verbs.Hangup)(nil),
	}}
	c := verbs.Clone(orig)
	if diff := cmp.Diff(orig, c); diff != "" {
		t.Fatalf("clone differs (-orig +clone):\n%s", diff)
	}
	// Mutate every level of the clone; the original must not change.
	c.Commands[0].(*verbs.Say).Text = "changed"
	c.Commands[0].(*verbs.Say).Extra[0].Value = "changed"
	g := c.Commands[1].(*verbs.Gather)
	g.Children[0].(*verbs.DTMF).Commands[0].(*verbs.Dial).Children[0].(*verbs.To).Destination = "changed"
	c.Commands[2].(*verbs.Geo).States[0] = "NJ"
	c.Commands[3].(*verbs.Schedule).Days[0] = verbs.Friday
	c.Commands[4].(*verbs.Tone).Hz[0] = 1
	c.Commands[5].(*verbs.RawElement).Children[0].(*verbs.RawText).Text = "changed"
	if orig.Commands[0].(*verbs.Say).Text != "Hi" || orig.Commands[0].(*verbs.Say).Extra[0].Value != "1" ||
		orig.Commands[1].(*verbs.Gather).Children[0].(*verbs.DTMF).Commands[0].(*verbs.Dial).Children[0].(*verbs.To).Destination != "12223334455" ||
		orig.Commands[2].(*verbs.Geo).States[0] != "NY" || orig.Commands[3].(*verbs.Schedule).Days[0] != verbs.Monday ||
		orig.Commands[4].(*verbs.Tone).Hz[0] != 350 ||
		orig.Commands[5].(*verbs.RawElement).Children[0].(*verbs.RawText).Text != "x" {
		t.Error("changing the clone changed the original")
	}
	if verbs.Clone(nil) != nil {
		t.Error("Clone(nil) != nil")
	}
	if got := verbs.CloneNode[verbs.Command](nil); got != nil {
		t.Errorf("CloneNode(nil) = %v", got)
	}
}

// TestCloneEveryType clones a populated node of every type: each copy must
// equal the original and be a new value, so no type is left aliased.
func TestCloneEveryType(t *testing.T) {
	t.Parallel()
	extra := func() []verbs.Attr { return []verbs.Attr{{Name: "x-new", Value: "1"}} }
	nodes := []verbs.Node{
		&verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Answer{Delay: verbs.Some[verbs.Millis](0), Extra: extra()},
		&verbs.Hangup{Tag: "t", Extra: extra()},
		&verbs.Pause{Length: verbs.Some[verbs.Millis](5), DTMFStop: "#", Extra: extra()},
		&verbs.Say{Text: "hi", Extra: extra()},
		&verbs.Play{URL: "https://a.example/x.mp3", Extra: extra()},
		&verbs.Record{Tag: "r", Commands: []verbs.Command{&verbs.Pause{}}, Extra: extra()},
		&verbs.RecordStart{Tag: "r", Extra: extra()},
		&verbs.RecordStop{Tag: "r", Extra: extra()},
		&verbs.RecordWait{Tag: "r", Extra: extra()},
		&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}}, Extra: extra()},
		&verbs.To{Destination: "a@b.example", Extra: extra()},
		&verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1"}}, Extra: extra()},
		&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "x"}}, Extra: extra()},
		&verbs.Default{Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Error{Play: verbs.Some(true), Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Callback{URL: "https://a.example", Children: []verbs.CallbackChild{&verbs.Error{}}, Extra: extra()},
		&verbs.Curl{URL: "https://a.example", Children: []verbs.CurlChild{&verbs.Meta{Name: "n"}}, Extra: extra()},
		&verbs.Call{Field: "to", Value: verbs.Some(""), Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Geo{States: []string{"NY"}, Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday}, Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Hold{Timeout: verbs.Some[verbs.Millis](1), Extra: extra()},
		&verbs.Unhold{Tag: "u", Extra: extra()},
		&verbs.Tone{Hz: []int{440}, Children: []verbs.ToneChild{&verbs.Meta{Name: "n"}}, Extra: extra()},
		&verbs.Meta{Name: "n", Value: verbs.Some("v"), Extra: extra()},
		&verbs.Switch{Children: []verbs.SwitchChild{&verbs.Case{DTMF: "1"}}, Extra: extra()},
		&verbs.Case{DTMF: "1", Commands: []verbs.Command{&verbs.Hangup{}}, Extra: extra()},
		&verbs.Sip{Address: "a@b.example", Extra: extra()},
		&verbs.Number{Digits: "12223334455", Extra: extra()},
		&verbs.Comment{Text: " c "},
		&verbs.RawElement{Name: "Future", Attrs: extra(), Children: []verbs.RawChild{&verbs.RawText{Text: "x"}}},
		&verbs.RawText{Text: "x"},
	}
	seen := map[string]bool{}
	for _, n := range nodes {
		name := reflect.TypeOf(n).Elem().Name()
		seen[name] = true
		c := verbs.CloneNode(n)
		if reflect.ValueOf(c).Pointer() == reflect.ValueOf(n).Pointer() {
			t.Errorf("%s: CloneNode returned the same pointer", name)
		}
		if diff := cmp.Diff(n, c); diff != "" {
			t.Errorf("%s: clone differs (-orig +clone):\n%s", name, diff)
		}
		// The Extra attributes (or a RawElement's Attrs) must be copied too.
		v := reflect.ValueOf(c).Elem()
		for _, field := range []string{"Extra", "Attrs"} {
			if f := v.FieldByName(field); f.IsValid() && f.Len() > 0 {
				f.Index(0).FieldByName("Value").SetString("changed")
				if reflect.ValueOf(n).Elem().FieldByName(field).Index(0).FieldByName("Value").String() == "changed" {
					t.Errorf("%s: the clone shares its %s with the original", name, field)
				}
			}
		}
	}
	// Every element of the language, plus Comment, RawElement and RawText.
	for _, name := range append(verbs.ElementNames(), "Comment", "RawElement", "RawText") {
		if !seen[name] {
			t.Errorf("no clone case for %s", name)
		}
	}
}
