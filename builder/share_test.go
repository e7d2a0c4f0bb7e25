package flow_test

import (
	"bytes"
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// TestSubFlowsAsTheyWere checks that a sub-flow is taken as it is at the
// call, whatever happens to it later, however many commands it holds.
func TestSubFlowsAsTheyWere(t *testing.T) {
	t.Parallel()
	for n := range 10 {
		sub := flow.New()
		var want []verbs.Command
		for range n {
			sub.Hangup()
			want = append(want, &verbs.Hangup{})
		}
		f := flow.New().Gather(flow.Digit("1", sub), flow.Default(sub), flow.OnError(sub)).
			Geo(sub).Append(sub)
		sub.Say("later").Pause()
		for range 10 {
			sub.Hangup()
		}
		got, err := f.Build()
		if err != nil && !render.IsWarnings(err) {
			t.Fatalf("%d commands: %v", n, err)
		}
		wantDoc := &verbs.Response{Commands: append([]verbs.Command{
			&verbs.Gather{Children: []verbs.GatherChild{
				&verbs.DTMF{Value: "1", Commands: want},
				&verbs.Default{Commands: want},
				&verbs.Error{Commands: want},
			}},
			&verbs.Geo{Commands: want},
		}, want...)}
		if diff := cmp.Diff(wantDoc, got); diff != "" {
			t.Errorf("%d commands (-want +got):\n%s", n, diff)
		}
	}
}

// TestAppendToItself checks that a flow appended to itself repeats its
// commands once.
func TestAppendToItself(t *testing.T) {
	t.Parallel()
	for n := range 6 {
		f := flow.New()
		for range n {
			f.Say("x")
		}
		f.Append(f)
		if got := f.Len(); got != 2*n {
			t.Errorf("%d commands appended to themselves: Len %d", n, got)
		}
	}
}

// TestOptionValuesReused checks option values given to several elements,
// or twice to one: each place gets the same content, and only a repeated
// digit branch or case is reported, at its second place.
func TestOptionValuesReused(t *testing.T) {
	t.Parallel()
	one := flow.Digit("1", flow.New().Say("one"))
	def := flow.Default(flow.New().Say("again"))
	oops := flow.OnError(flow.New().Hangup())
	meta := flow.Meta("k", "v")
	note := flow.Comment(" n ")
	f := flow.New().
		Gather(note, one, def, oops).
		Gather(one, def).
		Dial(flow.To("12223334455"), oops, meta, note).
		Tone(meta, note)
	got, err := f.Build()
	if err != nil {
		t.Fatal(err)
	}
	dtmf := &verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "one"}}}
	dflt := &verbs.Default{Commands: []verbs.Command{&verbs.Say{Text: "again"}}}
	errb := &verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}}
	m := &verbs.Meta{Name: "k", Value: verbs.Some("v")}
	c := &verbs.Comment{Text: " n "}
	want := &verbs.Response{Commands: []verbs.Command{
		&verbs.Gather{Children: []verbs.GatherChild{c, dtmf, dflt, errb}},
		&verbs.Gather{Children: []verbs.GatherChild{dtmf, dflt}},
		&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}, errb, m, c}},
		&verbs.Tone{Children: []verbs.ToneChild{m, c}},
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Build mismatch (-want +got):\n%s", diff)
	}

	//lint:ignore SA1019 the legacy dialect is tested too.
	dup := flow.Case("2", nil)
	bad := flow.New().Gather(one, one).Gather(one).
		//lint:ignore SA1019 the legacy dialect is tested too.
		Gather(flow.Switch(dup, dup))
	_, err = bad.Build()
	var ds render.Diagnostics
	if !errors.As(err, &ds) {
		t.Fatalf("Build error %v is not a render.Diagnostics", err)
	}
	wantFindings := []finding{
		{"/Response/Gather[1]/DTMF[2]", "unique"},
		{"/Response/Gather[3]/Switch[1]/Case[2]", "unique"},
	}
	if diff := cmp.Diff(wantFindings, builderFindings(ds)); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s\nerror:\n%v", diff, err)
	}
}

// TestManyChildren checks elements with more children than the builder
// keeps inline.
func TestManyChildren(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 2, 3, 4, 5, 8, 9, 16, 17, 40} {
		var opts []flow.GatherOption
		var want []verbs.GatherChild
		for i := range n {
			v := strconv.Itoa(i)
			opts = append(opts, flow.Digit(v, nil))
			want = append(want, &verbs.DTMF{Value: v})
		}
		opts = append(opts, flow.Digit("0", nil))
		_, err := flow.New().Gather(opts...).Build()
		var ds render.Diagnostics
		if !errors.As(err, &ds) {
			t.Fatalf("%d branches and a repeat: Build error %v", n, err)
		}
		wantFindings := []finding{{"/Response/Gather[1]/DTMF[" + strconv.Itoa(n+1) + "]", "unique"}}
		if diff := cmp.Diff(wantFindings, builderFindings(ds)); diff != "" {
			t.Errorf("%d branches and a repeat: findings mismatch (-want +got):\n%s", n, diff)
		}
		got, err := flow.New().Gather(opts[:n]...).Build()
		if err != nil {
			t.Fatalf("%d branches: %v", n, err)
		}
		if diff := cmp.Diff(&verbs.Response{Commands: []verbs.Command{&verbs.Gather{Children: want}}}, got); diff != "" {
			t.Errorf("%d branches (-want +got):\n%s", n, diff)
		}
	}
}

// TestConcurrentRendering checks that rendering a finished flow from many
// goroutines at once is safe and gives the same bytes.
func TestConcurrentRendering(t *testing.T) {
	t.Parallel()
	f := ivr()
	want, err := f.XML()
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				got, err := f.XML()
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("XML = %q, %v", got, err)
					return
				}
				var b bytes.Buffer
				if _, err := f.WriteTo(&b); err != nil || !bytes.Equal(b.Bytes(), want) {
					t.Errorf("WriteTo wrote %q, %v", b.Bytes(), err)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestXMLResultsAreIndependent checks that the bytes XML returns are the
// caller's: rendering again does not change them.
func TestXMLResultsAreIndependent(t *testing.T) {
	t.Parallel()
	f := flow.New().Say("first")
	a, err := f.XML()
	if err != nil {
		t.Fatal(err)
	}
	keep := bytes.Clone(a)
	if _, err := flow.New().Say("second, a longer document that overwrites a reused buffer").XML(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, keep) {
		t.Errorf("a later XML changed an earlier result: %q", a)
	}
}
