package flow_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"testing"
	"time"

	flow "github.com/opentact-go/opentact/builder"
	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// everything is one flow using every element of the language and the
// attributes it had when the table was written by hand, the legacy
// dialect included.
func everything() *flow.Flow {
	then := flow.New().Say("then")
	//lint:ignore SA1019 the legacy dialect is part of the language.
	legacy := flow.New().Gather(
		flow.NumDigits(1), flow.Attempts(2), flow.GatherTimeout(10*time.Second), flow.FinishOnKey("*"),
		flow.GatherCallback("https://example.com/g"), flow.GatherMethod(verbs.MethodPost),
		flow.Prompts(flow.New().Say("Enter a digit")),
		flow.Switch(
			flow.Case("1", flow.New().Dial(flow.Sip("1000@example.com:9000"), flow.Number("12223334455"),
				flow.DialTimeout(30), flow.DialRecord(verbs.DoNotRecord))),
			flow.Default(then),
			flow.OnError(then),
		),
	)
	return flow.New().
		Answer(flow.Delay(time.Second), flow.Tag("a")).
		Pause(flow.Length(time.Second), flow.DTMFStop("#"), flow.Tag("p")).
		Say("Hi", flow.Type(verbs.WaveNet), flow.Gender(verbs.Male), flow.Code("v"), flow.Lang("en-US"),
			flow.Loop(2), flow.Tag("s")).
		Play("https://example.com/a.mp3", flow.Leg(verbs.LegA), flow.Loop(1), flow.Tag("p")).
		Record(flow.Tag("r"), flow.ASR(true), flow.Timeout(time.Second)).
		PlayRecording("r").
		RecordStart(flow.Tag("c")).RecordWait(flow.Tag("c")).RecordStop(flow.Tag("c")).
		Dial(flow.Tag("d"), flow.To("12223334455"), flow.OnError(then), flow.Meta("k", "v")).
		Gather(flow.DTMFLength(1), flow.DTMFStop("#"), flow.URL("https://example.com/g"), flow.Tag("g"),
			flow.Digit("1", then), flow.Default(then, flow.Tag("def")), flow.OnError(then)).
		OnError(then, flow.Play(true), flow.Tag("e")).
		Callback("https://example.com/c", flow.Method(verbs.MethodGet), flow.Body(true), flow.Timeout(time.Second),
			flow.Tag("cb"), flow.OnError(then)).
		Curl("https://example.com/u", flow.Method(verbs.MethodPut), flow.Timeout(time.Second), flow.Tag("cu"),
			flow.OnError(then), flow.Meta("k", "v")).
		Call(verbs.CallFieldFrom, "12223334455", then, flow.Tag("call")).
		Geo(then, flow.States("NJ"), flow.County("ESSEX"), flow.Tag("geo")).
		Schedule(then, flow.Days(verbs.Monday), flow.Time("09:00:00-17:00:00"), flow.Tag("sch")).
		Hold(flow.Timeout(time.Minute), flow.Tag("h")).
		Unhold(flow.Tag("u")).
		Tone(flow.Hz(440), flow.On(time.Second), flow.Off(time.Second), flow.Volume(-3), flow.Loop(2),
			flow.Timeout(time.Second), flow.Leg(verbs.LegBoth), flow.Tag("t"), flow.Meta("k", "v")).
		Meta("k", "v").
		Append(legacy).
		Hangup(flow.Tag("bye"))
}

// TestEveryElement checks that the builder reaches every element of the
// language as table.Element lists them, and every attribute everything
// uses is one of the table. That the builder reaches every attribute of
// the table is checked from the table alone by internal/gen's
// TestEveryAttributeRoundTrips, which builds a flow for each through the
// builder's options and compares its output with the document's.
func TestEveryElement(t *testing.T) {
	t.Parallel()
	out, err := everything().XML()
	if err != nil && !render.IsWarnings(err) {
		t.Fatal(err)
	}
	seen := map[string][]string{} // element → attributes written
	dec := xml.NewDecoder(bytes.NewReader(out))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			attrs := seen[se.Name.Local]
			for _, a := range se.Attr {
				if !slices.Contains(attrs, a.Name.Local) {
					attrs = append(attrs, a.Name.Local)
				}
			}
			seen[se.Name.Local] = attrs
		}
	}
	for _, name := range verbs.ElementNames() {
		attrs, ok := seen[name]
		if !ok {
			t.Errorf("the builder made no <%s>", name)
			continue
		}
		spec, _ := table.Lookup(name)
		for _, a := range attrs {
			if !spec.HasAttr(a) {
				t.Errorf("the builder made <%s %s=…>, an attribute the table does not have", name, a)
			}
		}
	}
}
