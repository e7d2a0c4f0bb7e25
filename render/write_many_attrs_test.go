package render

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

// manyExtras returns a Say holding n extra attributes a0..a(n-1).
func manyExtras(n int) *verbs.Response {
	extra := make([]verbs.Attr, n)
	for i := range extra {
		extra[i] = verbs.Attr{Name: "a" + strconv.Itoa(i), Value: strconv.Itoa(i)}
	}
	return &verbs.Response{Commands: []verbs.Command{&verbs.Say{Text: "x", Tag: "t", Extra: extra}}}
}

// TestWriteManyExtraAttributes renders an element with 100,000 attributes
// the SDK does not model (issue 12: this was quadratic, 80,000 took over
// 30 s) and checks every one is written once, in order, and that a repeat
// at the very end is still found.
func TestWriteManyExtraAttributes(t *testing.T) {
	const n = 100_000
	var buf bytes.Buffer
	if err := Encode(&buf, manyExtras(n)); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	for _, i := range []int{0, 1, n / 2, n - 1} {
		want := fmt.Sprintf(` a%d="%d"`, i, i)
		if c := bytes.Count(out, []byte(want+" ")) + bytes.Count(out, []byte(want+">")); c != 1 {
			t.Errorf("%s written %d times, want 1", want, c)
		}
	}
	_, tag, _ := bytes.Cut(out, []byte("<Say "))
	tag, _, _ = bytes.Cut(tag, []byte(">"))
	if got := bytes.Count(tag, []byte(`="`)); got != n+1 {
		t.Errorf("%d attributes written in <Say>, want %d (tag and the extras)", got, n+1)
	}

	doc := manyExtras(n)
	say := doc.Commands[0].(*verbs.Say)
	say.Extra = append(say.Extra, verbs.Attr{Name: "a7", Value: "again"})
	err := Encode(&bytes.Buffer{}, doc)
	if err == nil || !strings.Contains(err.Error(), "/Response/Say[1]/@a7") {
		t.Errorf("repeat at the end: err = %v, want an error naming /Response/Say[1]/@a7", err)
	}
}

// BenchmarkWriteExtraAttrs renders one element with n extra attributes; the
// time per attribute stays flat as n grows.
func BenchmarkWriteExtraAttrs(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		doc := manyExtras(n)
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Encode(&buf, doc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/attr")
		})
	}
}
