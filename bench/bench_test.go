package bench

import (
	"encoding/xml"
	"testing"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

// doc is one of the compared documents, as each library renders it.
type doc struct {
	name            string
	elements, attrs int
	opentact        func() *flow.Flow
	twilio, btburke func() (string, error)
	plivo           func() string
}

var docs = []doc{
	{"small", smallElements, smallAttrs, opentactSmall, twilioSmall, btburkeSmall, plivoSmall},
	{"ivr", ivrElements, ivrAttrs, opentactIVR, twilioIVR, btburkeIVR, plivoIVR},
}

// outputs renders d with every library.
func outputs(tb testing.TB, d doc) map[string][]byte {
	tb.Helper()
	// The small document's legacy prompt is a warning, returned with the
	// bytes; only an error is a failure.
	ours, err := d.opentact().XML()
	if err != nil && !render.IsWarnings(err) {
		tb.Fatalf("%s/opentact: %v", d.name, err)
	}
	tw, err := d.twilio()
	if err != nil {
		tb.Fatalf("%s/twilio: %v", d.name, err)
	}
	bt, err := d.btburke()
	if err != nil {
		tb.Fatalf("%s/btburke: %v", d.name, err)
	}
	return map[string][]byte{"opentact": ours, "twilio": []byte(tw), "plivo": []byte(d.plivo()), "btburke": []byte(bt)}
}

// TestDocumentsAreEquivalent checks that every library's output is
// well-formed and holds the element and attribute counts the benchmarks
// claim, and the same amount of text, so no benchmark quietly renders less.
func TestDocumentsAreEquivalent(t *testing.T) {
	for _, d := range docs {
		out := outputs(t, d)
		want, err := measure(out["opentact"])
		if err != nil {
			t.Fatalf("%s/opentact: not well-formed: %v", d.name, err)
		}
		if want.Elements != d.elements || want.Attrs != d.attrs {
			t.Errorf("%s/opentact: %d elements and %d attributes, want %d and %d", d.name, want.Elements, want.Attrs, d.elements, d.attrs)
		}
		for lib, b := range out {
			got, err := measure(b)
			if err != nil {
				t.Errorf("%s/%s: not well-formed: %v\n%s", d.name, lib, err, b)
				continue
			}
			if got != want {
				t.Errorf("%s/%s: shape %+v, want %+v (opentact's)\n%s", d.name, lib, got, want, b)
			}
		}
		// The parse benchmarks read our bytes; both decoders must accept them.
		if _, err := render.Parse(out["opentact"]); err != nil {
			t.Errorf("%s: render.Parse: %v", d.name, err)
		}
		var n node
		if err := xml.Unmarshal(out["opentact"], &n); err != nil {
			t.Errorf("%s: xml.Unmarshal: %v", d.name, err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	for _, d := range docs {
		out := outputs(b, d)
		b.Run(d.name+"/opentact", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.opentact().XML(); err != nil && !render.IsWarnings(err) {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/opentact-encode", func(b *testing.B) {
			r, err := d.opentact().Build()
			if err != nil && !render.IsWarnings(err) {
				b.Fatal(err)
			}
			buf := make([]byte, 0, 2*len(out["opentact"]))
			b.ReportAllocs()
			for b.Loop() {
				if buf, err = render.Append(buf[:0], r); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/twilio", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.twilio(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/plivo", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = d.plivo()
			}
		})
		b.Run(d.name+"/btburke", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.btburke(); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/memcpy", func(b *testing.B) {
			src := out["opentact"]
			buf := make([]byte, 0, 2*len(src))
			b.ReportAllocs()
			for b.Loop() {
				buf = append(buf[:0], src...)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	for _, d := range docs {
		src := outputs(b, d)["opentact"]
		b.Run(d.name+"/opentact", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, err := render.Parse(src); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(d.name+"/encoding-xml", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				var n node
				if err := xml.Unmarshal(src, &n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
