package flow_test

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// randomFlows makes valid flows through the builder, with every element and
// attribute of the current dialect and nesting up to a few levels.
type randomFlows struct {
	rng *rand.Rand
	// hostile, when set, mixes hostileStrings into every text, tag,
	// comment, Meta value and raw attribute.
	hostile bool
}

func (g *randomFlows) pick(options ...string) string { return options[g.rng.IntN(len(options))] }
func (g *randomFlows) chance(n int) bool             { return g.rng.IntN(n) == 0 }

func (g *randomFlows) text() string {
	if g.hostile && g.chance(2) {
		return g.pick(hostileStrings...)
	}
	return g.pick("Hello", "Press 1 & wait", "a <b> \"c\" 'd'", "Grüße, señor", "tab\there", "50% off > $5", "  spaced  ")
}

func (g *randomFlows) value() string {
	if g.hostile && g.chance(2) {
		return g.pick(hostileStrings...)
	}
	return g.pick("18382050099", "", "anonymous")
}

func (g *randomFlows) url() string {
	return g.pick("https://example.com/a.mp3", "http://example.com/b.wav?x=1&y=2", "https://api.example.org/flow?q=%20")
}

func (g *randomFlows) ms(maxMS int) time.Duration {
	return time.Duration(g.rng.IntN(maxMS+1)) * time.Millisecond
}

func (g *randomFlows) tag() []flow.TagAttr {
	if g.hostile && g.chance(3) {
		return []flow.TagAttr{flow.Tag(g.pick(hostileStrings...))}
	}
	if g.chance(2) {
		return []flow.TagAttr{flow.Tag(g.pick("t1", "CallEndedByUser", "a&b", "x y"))}
	}
	return nil
}

func (g *randomFlows) comment() string {
	if g.hostile && g.chance(2) {
		return g.pick(hostileStrings...)
	}
	return g.pick(" note ", " <Say/> & more ", "x")
}

// flow returns a command list of up to n commands; depth bounds nesting.
func (g *randomFlows) flow(n, depth int) *flow.Flow {
	f := flow.New()
	for range g.rng.IntN(n + 1) {
		g.command(f, depth)
	}
	return f
}

func (g *randomFlows) command(f *flow.Flow, depth int) {
	kinds := 17
	if depth <= 0 {
		kinds = 11 // no nesting commands
	}
	switch g.rng.IntN(kinds) {
	case 0:
		opts := []flow.AnswerOption{}
		if g.chance(2) {
			opts = append(opts, flow.Delay(g.ms(5000)))
		}
		for _, t := range g.tag() {
			opts = append(opts, t)
		}
		f.Answer(opts...)
	case 1:
		var opts []flow.HangupOption
		for _, t := range g.tag() {
			opts = append(opts, t)
		}
		f.Hangup(opts...)
	case 2:
		var opts []flow.PauseOption
		if g.chance(2) {
			opts = append(opts, flow.Length(g.ms(60000)))
		}
		if g.chance(2) {
			opts = append(opts, flow.DTMFStop(g.pick("#", "*", "12AB", "0")))
		}
		f.Pause(opts...)
	case 3:
		var opts []flow.SayOption
		if g.chance(3) {
			opts = append(opts, flow.Type(verbs.SayType(g.pick("Standard", "WaveNet"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Gender(verbs.Gender(g.pick("FEMALE", "MALE"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Code(g.pick("en-US-Wavenet-D", "es-ES-Standard-A")))
		}
		if g.chance(3) {
			opts = append(opts, flow.Lang(g.pick("en-US", "es", "fr-CA")))
		}
		if g.chance(3) {
			opts = append(opts, flow.Loop(1+g.rng.IntN(5)))
		}
		for _, t := range g.tag() {
			opts = append(opts, t)
		}
		if g.hostile && g.chance(2) {
			opts = append(opts, flow.Attr(g.pick("x-a", "x:b", "bad name", "é", "1x", "tag", "xmlns", ""), g.pick(hostileStrings...)))
		}
		f.Say(g.text(), opts...)
	case 4:
		var opts []flow.PlayOption
		if g.chance(3) {
			opts = append(opts, flow.Leg(verbs.Leg(g.pick("aleg", "bleg", "both"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Loop(1+g.rng.IntN(3)))
		}
		if g.chance(2) {
			f.PlayRecording(g.pick("name1", "greeting"), opts...)
		} else {
			f.Play(g.url(), opts...)
		}
	case 5:
		var opts []flow.RecordOption
		if g.chance(2) {
			opts = append(opts, flow.ASR(g.chance(2)))
		}
		if g.chance(2) {
			opts = append(opts, flow.Timeout(g.ms(90000)))
		}
		for _, t := range g.tag() {
			opts = append(opts, t)
		}
		f.Record(opts...)
	case 6:
		t := flow.Tag(g.pick("rec1", "rec2"))
		switch g.rng.IntN(3) {
		case 0:
			f.RecordStart(t)
		case 1:
			f.RecordStop(t)
		default:
			f.RecordWait(t)
		}
	case 7:
		var opts []flow.HoldOption
		if g.chance(2) {
			opts = append(opts, flow.Timeout(g.ms(300000)))
		}
		f.Hold(opts...).Unhold()
	case 8:
		var opts []flow.ToneOption
		if g.chance(2) {
			opts = append(opts, flow.Hz(1+g.rng.IntN(20000), 1+g.rng.IntN(20000)))
		}
		if g.chance(2) {
			opts = append(opts, flow.On(g.ms(3000)), flow.Off(g.ms(3000)))
		}
		if g.chance(2) {
			opts = append(opts, flow.Volume(-g.rng.IntN(80)), flow.Loop(1+g.rng.IntN(3)), flow.Timeout(g.ms(30000)))
		}
		if g.chance(2) {
			opts = append(opts, flow.Leg(verbs.LegB), flow.Meta("category", g.text()), flow.Comment(g.comment()))
		}
		f.Tone(opts...)
	case 9:
		if g.hostile && g.chance(3) {
			f.MetaText(g.pick("name", "", "\xff", "a\x00"), g.text(), flow.Attr(g.pick("x", "value", "name"), g.text()))
		} else if g.chance(2) {
			f.Meta(g.pick("name", "count"), g.text())
		} else {
			f.MetaText("description", "\n  line 1\n  line 2\n")
		}
	case 10:
		f.Comment(g.comment())
	case 11:
		opts := []flow.DialOption{flow.To(g.pick("sip:user@example.com", "support1@sip.opentact.org", "+12223334455"))}
		if g.chance(2) {
			opts = append(opts, flow.To("12223334456"))
		}
		if g.chance(2) {
			opts = append(opts, flow.OnError(g.flow(2, depth-1), flow.Play(g.chance(2))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Meta("team", "support"))
		}
		f.Dial(opts...)
	case 12:
		var opts []flow.GatherOption
		if g.chance(2) {
			opts = append(opts, flow.DTMFLength(1+g.rng.IntN(4)))
		}
		if g.chance(2) {
			opts = append(opts, flow.DTMFStop(g.pick("#", "*")))
		}
		if g.chance(3) {
			opts = append(opts, flow.URL(g.url()))
		}
		for i, v := range g.rng.Perm(4)[:1+g.rng.IntN(3)] {
			if i > 0 && g.chance(3) {
				opts = append(opts, flow.Comment(g.comment()))
			}
			opts = append(opts, flow.Digit(fmt.Sprint(v), g.flow(3, depth-1)))
		}
		if g.chance(2) {
			opts = append(opts, flow.Default(g.flow(2, depth-1)))
		}
		if g.chance(2) {
			opts = append(opts, flow.OnError(g.flow(2, depth-1)))
		}
		f.Say("Choose").Gather(opts...)
	case 13:
		f.Play(g.url()).OnError(g.flow(2, depth-1), flow.Play(g.chance(2)))
	case 14:
		var opts []flow.CallbackOption
		if g.chance(2) {
			opts = append(opts, flow.Method(verbs.Method(g.pick("GET", "POST", "PATCH", "DELETE"))))
		}
		if g.chance(2) {
			opts = append(opts, flow.Body(g.chance(2)), flow.Timeout(g.ms(10000)))
		}
		if g.chance(2) {
			opts = append(opts, flow.OnError(g.flow(2, depth-1)))
		}
		f.Callback(g.url(), opts...)
		var copts []flow.CurlOption
		if g.chance(2) {
			copts = append(copts, flow.Method(verbs.Method(g.pick("GET", "POST", "PUT", "PATCH", "DELETE"))), flow.Timeout(g.ms(10000)))
		}
		if g.chance(2) {
			copts = append(copts, flow.Meta("k", "v"))
		}
		f.Curl(g.url(), copts...)
	case 15:
		f.Call(g.pick(verbs.CallFieldTo, verbs.CallFieldFrom), g.value(), g.flow(3, depth-1))
		var opts []flow.GeoOption
		if g.chance(2) {
			opts = append(opts, flow.States(g.pick("NJ", "CA", "NY")))
			if g.chance(2) {
				opts = append(opts, flow.County("ESSEX"))
			}
		}
		f.Geo(g.flow(3, depth-1), opts...)
	case 16:
		var opts []flow.ScheduleOption
		if g.chance(2) {
			days := []verbs.Weekday{verbs.Sunday, verbs.Monday, verbs.Tuesday, verbs.Wednesday, verbs.Thursday, verbs.Friday, verbs.Saturday}
			var pick []verbs.Weekday
			for _, i := range g.rng.Perm(7)[:1+g.rng.IntN(7)] {
				pick = append(pick, days[i])
			}
			opts = append(opts, flow.Days(pick...))
		}
		if g.chance(2) {
			opts = append(opts, flow.Time(g.pick("09:00:00-17:00:00", "18:00:00-06:59:59")))
		}
		f.Schedule(g.flow(3, depth-1), opts...)
		f.RecordWhile(g.flow(2, depth-1), flow.ASR(true))
	}
}

// TestRandomRoundTrip builds many random flows and checks that rendering
// and parsing them back gives the same document, in both layouts.
func TestRandomRoundTrip(t *testing.T) {
	t.Parallel()
	g := &randomFlows{rng: rand.New(rand.NewPCG(2026, 11))}
	n := 200
	if testing.Short() {
		n = 50
	}
	for i := range n {
		f := g.flow(8, 3)
		want, err := f.Build()
		if err != nil && !render.IsWarnings(err) {
			t.Fatalf("flow %d: Build: %v", i, err)
		}
		for _, layout := range []struct {
			name string
			xml  func() ([]byte, error)
		}{{"indented", f.XML}, {"compact", f.CompactXML}} {
			xml, err := layout.xml()
			if err != nil && !render.IsWarnings(err) {
				t.Fatalf("flow %d: %s: %v", i, layout.name, err)
			}
			got, err := render.Parse(xml)
			if err != nil {
				t.Fatalf("flow %d: parsing the %s XML: %v\n%s", i, layout.name, err, xml)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Fatalf("flow %d: %s round trip mismatch (-built +parsed):\n%s\n%s", i, layout.name, diff, xml)
			}
		}
	}
}
