package flow_test

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// sameAsTree checks that every way of rendering f (XML, CompactXML,
// WriteTo, Render, Check) gives exactly what the document tree gives:
// Build, then render.Check and render.Append of its result, in both
// layouts. When Build fails, each must fail with the same findings and
// write nothing.
func sameAsTree(t *testing.T, name string, f *flow.Flow) {
	t.Helper()
	r, buildErr := f.Build()
	var wantDs render.Diagnostics
	if buildErr != nil && !errors.As(buildErr, &wantDs) {
		t.Fatalf("%s: Build: %v, want Diagnostics", name, buildErr)
	}
	var want, wantCompact []byte
	wantCheck := wantDs
	if r != nil {
		wantCheck = render.Check(r)
		if wantCheck.HasErrors() {
			t.Fatalf("%s: Build succeeded but render.Check finds an error: %v", name, wantCheck)
		}
		var err error
		if want, err = render.Append(nil, r); err != nil {
			t.Fatalf("%s: render.Append: %v", name, err)
		}
		if wantCompact, err = render.Append(nil, r, render.Compact()); err != nil {
			t.Fatalf("%s: render.Append compact: %v", name, err)
		}
	}
	sameErr := func(what string, err error) {
		t.Helper()
		if buildErr == nil || err == nil {
			if (err == nil) != (buildErr == nil) {
				t.Errorf("%s: %s: error %v, Build's %v", name, what, err, buildErr)
			}
			return
		}
		var got render.Diagnostics
		if !errors.As(err, &got) {
			t.Errorf("%s: %s: %v, want the Diagnostics of Build", name, what, err)
			return
		}
		if diff := cmp.Diff(wantDs, got); diff != "" {
			t.Errorf("%s: %s findings differ from Build's (-Build +%s):\n%s", name, what, what, diff)
		}
		if err.Error() != buildErr.Error() {
			t.Errorf("%s: %s error text %q, Build's %q", name, what, err, buildErr)
		}
	}
	sameBytes := func(what string, got, want []byte) {
		t.Helper()
		if !bytes.Equal(got, want) {
			t.Errorf("%s: %s differs from render.Append of Build's tree:\ngot\n%s\nwant\n%s", name, what, got, want)
		}
	}
	for _, layout := range []struct {
		name string
		xml  func() ([]byte, error)
		want []byte
	}{{"XML", f.XML, want}, {"CompactXML", f.CompactXML, wantCompact}} {
		got, err := layout.xml()
		sameErr(layout.name, err)
		sameBytes(layout.name, got, layout.want)
	}
	var buf bytes.Buffer
	n, err := f.WriteTo(&buf)
	sameErr("WriteTo", err)
	sameBytes("WriteTo", buf.Bytes(), want)
	if n != int64(buf.Len()) {
		t.Errorf("%s: WriteTo reports %d bytes, wrote %d", name, n, buf.Len())
	}
	buf.Reset()
	sameErr("Render", f.Render(&buf))
	sameBytes("Render", buf.Bytes(), want)
	if diff := cmp.Diff(wantCheck, f.Check(), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s: Check differs from the findings of the tree (-tree +Check):\n%s", name, diff)
	}
}

// TestRandomFlowsSameAsTree compares the rendering helpers with the tree
// for many random valid flows.
func TestRandomFlowsSameAsTree(t *testing.T) {
	t.Parallel()
	g := &randomFlows{rng: rand.New(rand.NewPCG(14, 2026))}
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := range n {
		sameAsTree(t, fmt.Sprintf("random flow %d", i), g.flow(8, 3))
	}
}

// problemFlows are flows near the edges of what renders: builder problems,
// validator errors, warnings, odd values and shapes, each under a name.
func problemFlows() map[string]*flow.Flow {
	sub := flow.New().Say("sub")
	deep := func(depth int) *flow.Flow {
		f := flow.New().Hangup()
		for range depth {
			f = flow.New().Say("level").Gather(flow.DTMFLength(1), flow.Digit("1", f))
		}
		return f
	}
	selfAppended := flow.New().Say("a").Hangup()
	selfAppended.Append(selfAppended)
	reused := flow.New().Say("reused")
	one := flow.Digit("1", reused)
	return map[string]*flow.Flow{
		"nil flow":                 nil,
		"empty flow":               flow.New(),
		"ivr":                      ivr(),
		"nil option":               flow.New().Say("x", nil),
		"empty say":                flow.New().Say(""),
		"blank say":                flow.New().Say(" \t\n"),
		"invalid utf-8 say":        flow.New().Say("a\xffb"),
		"forbidden char say":       flow.New().Say("a\x01b"),
		"escaped say":              flow.New().Say(`<&>"' ]]>`),
		"say carriage return":      flow.New().Say("a\r\nb"),
		"say bad type":             flow.New().Say("x", flow.Type("Robot")),
		"say bad gender":           flow.New().Say("x", flow.Gender("OTHER")),
		"say bad lang":             flow.New().Say("x", flow.Lang("not a tag")),
		"say loop zero":            flow.New().Say("x", flow.Loop(0)),
		"say every attribute":      flow.New().Say("x", flow.Type(verbs.WaveNet), flow.Gender(verbs.Male), flow.Code("c&d"), flow.Lang("en-US"), flow.Loop(3), flow.Tag("t\"q")),
		"say raw attribute":        flow.New().Say("x", flow.Attr("speed", "1.2")),
		"say modelled raw attr":    flow.New().Say("x", flow.Attr("tag", "t")),
		"say bad tag char":         flow.New().Say("x", flow.Tag("a\x00")),
		"hangup then say":          flow.New().Hangup().Say("never"),
		"error first":              flow.New().OnError(flow.New().Hangup()).Say("x"),
		"error empty play":         flow.New().Say("x").OnError(nil, flow.Play(true)),
		"pause bad stop":           flow.New().Pause(flow.DTMFStop("x")),
		"pause sub-millisecond":    flow.New().Pause(flow.Length(time.Microsecond)),
		"pause every attribute":    flow.New().Pause(flow.Length(2*time.Second), flow.DTMFStop("#*AB"), flow.Tag("p")),
		"answer delay":             flow.New().Answer(flow.Delay(time.Second), flow.Tag("a")),
		"hold unhold":              flow.New().Hold(flow.Timeout(time.Minute), flow.Tag("h")).Unhold(flow.Tag("u")),
		"play url":                 flow.New().Play("https://example.com/a.mp3?x=1&y=2", flow.Leg(verbs.LegBoth), flow.Loop(2)),
		"play not audio":           flow.New().Play("https://example.com/a.txt"),
		"play bad url":             flow.New().Play("ftp://example.com/a.mp3"),
		"play empty url":           flow.New().Play(""),
		"play bad leg":             flow.New().Play("https://example.com/a.mp3", flow.Leg("cleg")),
		"play recording":           flow.New().Record(flow.Tag("r")).PlayRecording("r"),
		"play unknown recording":   flow.New().PlayRecording("nope"),
		"gather unused":            flow.New().Gather(flow.DTMFLength(1)),
		"gather url only":          flow.New().Gather(flow.URL("https://example.com/menu")),
		"gather bad url":           flow.New().Gather(flow.URL("example.com"), flow.Digit("1", sub)),
		"gather bad length":        flow.New().Gather(flow.DTMFLength(0), flow.Digit("1", sub)),
		"gather bad stop":          flow.New().Gather(flow.DTMFStop("##"), flow.Digit("1", sub)),
		"gather length mismatch":   flow.New().Gather(flow.DTMFLength(2), flow.Digit("1", sub)),
		"gather duplicate digit":   flow.New().Gather(flow.Digit("1", sub), flow.Digit("1", sub)),
		"gather same branch twice": flow.New().Gather(one, one),
		"gather branch reused":     flow.New().Gather(one).Gather(one, flow.Digit("2", reused)),
		"gather empty digit":       flow.New().Gather(flow.Digit("", sub)),
		"gather bad digit":         flow.New().Gather(flow.Digit("1x", sub)),
		"gather default first":     flow.New().Gather(flow.Default(sub), flow.Digit("1", sub)),
		"gather error first":       flow.New().Gather(flow.OnError(sub), flow.Default(sub), flow.Digit("1", sub)),
		"gather two defaults":      flow.New().Gather(flow.Digit("1", sub), flow.Default(sub), flow.Default(nil)),
		"gather two errors":        flow.New().Gather(flow.Digit("1", sub), flow.OnError(sub), flow.OnError(nil)),
		"gather nil branches":      flow.New().Gather(flow.Digit("1", nil), flow.Default(nil), flow.OnError(nil)),
		"gather zero branch":       flow.New().Gather(flow.Branch{}),
		"gather default tag":       flow.New().Gather(flow.Digit("1", sub), flow.Default(sub, flow.Tag("d")), flow.OnError(sub, flow.Play(false), flow.Tag("e"))),
		"gather default nil opt":   flow.New().Gather(flow.Digit("1", sub), flow.Default(sub, nil)),
		"gather comment":           flow.New().Gather(flow.Comment(" c "), flow.Digit("1", sub)),
		"gather bad sub":           flow.New().Gather(flow.Digit("1", flow.New().Say(""))),
		"gather legacy prompts":    flow.New().Gather(flow.NumDigits(1), flow.Prompts(flow.New().Say("p").Play("https://example.com/a.wav").Pause()), flow.URL("https://example.com/x")),
		"gather bad prompt":        flow.New().Gather(flow.Prompts(flow.New().Hangup()), flow.Digit("1", sub)),
		"gather prompts and dtmf":  flow.New().Gather(flow.Prompts(sub), flow.Digit("1", sub)),
		"gather many digits":       flow.New().Gather(flow.Digit("1", sub), flow.Digit("2", sub), flow.Digit("3", sub), flow.Digit("4", sub), flow.Digit("5", sub), flow.Digit("6", sub), flow.Digit("7", sub), flow.Digit("8", sub), flow.Digit("9", sub), flow.Digit("0", sub), flow.Digit("*", sub), flow.Digit("#", sub), flow.Digit("11", sub), flow.Digit("12", sub), flow.Digit("13", sub), flow.Digit("14", sub), flow.Digit("15", sub), flow.Digit("1", sub)),
		"dial no destination":      flow.New().Dial(),
		"dial empty destination":   flow.New().Dial(flow.To(" ")),
		"dial bad destination":     flow.New().Dial(flow.To("not a number")),
		"dial same destination":    flow.New().Dial(flow.To("12223334455"), flow.To("12223334455")),
		"dial error then to":       flow.New().Dial(flow.OnError(sub), flow.To("12223334455")),
		"dial two errors":          flow.New().Dial(flow.To("12223334455"), flow.OnError(sub), flow.OnError(sub)),
		"dial to with attr":        flow.New().Dial(flow.To("12223334455", flow.Attr("x", "y"))),
		"dial tag":                 flow.New().Dial(flow.To("sip:a@example.com"), flow.Tag("d")),
		"dial legacy":              flow.New().Dial(flow.Sip("12223334455"), flow.Number("a@example.com"), flow.DialTimeout(3)),
		"dial zero destination":    flow.New().Dial(flow.Destination{}),
		"dial meta":                flow.New().Dial(flow.To("12223334455"), flow.Meta("k", "v")),
		"deep 10":                  deep(10),
		"deep 998 levels":          deep(499),
		"deep 1002 levels":         deep(501),
		"self appended":            selfAppended,
		"append nil":               flow.New().Say("x").Append(nil, flow.New(), sub),
		"record while":             flow.New().RecordWhile(flow.New().Say("in record")),
		"comment":                  flow.New().Comment(" c ").Say("x"),
		"bad comment":              flow.New().Comment("a--b"),
		"raw":                      flow.New().Raw(&verbs.RawElement{Name: "Beep"}),
		"nil raw":                  flow.New().Raw(nil),
		"meta":                     flow.New().Meta("k", "v").MetaText("t", "x"),
		"deep problems":            nested(50),
	}
}

// TestProblemFlowsSameAsTree compares the rendering helpers with the tree
// for flows with problems and at the edges of the rules.
func TestProblemFlowsSameAsTree(t *testing.T) {
	t.Parallel()
	for name, f := range problemFlows() {
		sameAsTree(t, name, f)
	}
}

// fastFlows makes random flows of the elements the fast path writes, with
// values that break rules now and then and the shapes that draw warnings
// (a command after Hangup, an Error first, a digit branch of another
// length than dtmf_length, a Gather nothing reads, a destination dialled
// twice, a Play of a file that is not .mp3 or .wav, legacy prompts).
type fastFlows struct {
	rng *rand.Rand
}

func (g *fastFlows) pick(options ...string) string { return options[g.rng.IntN(len(options))] }
func (g *fastFlows) chance(n int) bool             { return g.rng.IntN(n) == 0 }

func (g *fastFlows) text() string {
	if g.chance(30) {
		return g.pick("", " ", "bad\x01", "bad\xff")
	}
	return g.pick("Hello", "Press 1 & wait", `a <b> "c" 'd'`, "Grüße", "tab\there", "line\r\nbreak", "  spaced  ")
}

func (g *fastFlows) tag() string {
	if g.chance(40) {
		return "t\x00"
	}
	return g.pick("", "", "t1", "a&b", `q"uote`)
}

func (g *fastFlows) url() string {
	if g.chance(30) {
		return g.pick("ftp://example.com/a.mp3", "example.com/a.mp3", "https://exa mple.com/")
	}
	return g.pick("https://example.com/a.mp3", "http://example.com/b.WAV?x=1&y=2", "https://example.com/menu", "https://example.com/c.ogg")
}

func (g *fastFlows) ms() time.Duration {
	if g.chance(30) {
		return -time.Second
	}
	return time.Duration(g.rng.IntN(5000)) * time.Millisecond
}

func (g *fastFlows) flow(n, depth int) *flow.Flow {
	f := flow.New()
	for range g.rng.IntN(n + 1) {
		g.command(f, depth)
	}
	return f
}

func (g *fastFlows) command(f *flow.Flow, depth int) {
	kinds := 12
	if depth <= 0 {
		kinds = 8
	}
	switch g.rng.IntN(kinds) {
	case 0:
		var opts []flow.SayOption
		if g.chance(3) {
			opts = append(opts, flow.Type(verbs.SayType(g.pick("Standard", "WaveNet", "Robot"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Gender(verbs.Gender(g.pick("FEMALE", "MALE", "female"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Code(g.pick("en-US-Wavenet-D", "c&d")))
		}
		if g.chance(3) {
			opts = append(opts, flow.Lang(g.pick("en-US", "es", "x", "not a tag")))
		}
		if g.chance(3) {
			opts = append(opts, flow.Loop(g.rng.IntN(4)))
		}
		if t := g.tag(); t != "" {
			opts = append(opts, flow.Tag(t))
		}
		f.Say(g.text(), opts...)
	case 1:
		if g.chance(2) {
			f.Hangup()
		} else {
			f.Hangup(flow.Tag(g.tag()))
		}
	case 2:
		var opts []flow.PauseOption
		if g.chance(2) {
			opts = append(opts, flow.Length(g.ms()))
		}
		if g.chance(2) {
			opts = append(opts, flow.DTMFStop(g.pick("#", "*", "12AB", "x", "")))
		}
		f.Pause(opts...)
	case 3:
		var opts []flow.PlayOption
		if g.chance(3) {
			opts = append(opts, flow.Leg(verbs.Leg(g.pick("aleg", "bleg", "both", "cleg"))))
		}
		if g.chance(3) {
			opts = append(opts, flow.Loop(g.rng.IntN(3)))
		}
		f.Play(g.url(), opts...)
	case 4:
		if g.chance(2) {
			f.Answer(flow.Delay(g.ms()), flow.Tag(g.tag()))
		} else {
			f.Answer()
		}
	case 5:
		f.Hold(flow.Timeout(g.ms())).Unhold(flow.Tag(g.tag()))
	case 6:
		f.Comment(g.pick(" note ", " a <b> & c ", "x", "a--b", "ends-"))
	case 7:
		opts := []flow.DialOption{}
		for range g.rng.IntN(4) {
			opts = append(opts, flow.To(g.pick("sip:user@example.com", "support1@sip.opentact.org", "+12223334455", "12223334455", "nope")))
		}
		if g.chance(3) {
			opts = append(opts, flow.Comment(" c "))
		}
		if depth > 0 && g.chance(2) {
			opts = append(opts, flow.OnError(g.flow(2, depth-1), flow.Play(g.chance(2))))
		}
		if g.chance(10) {
			opts = append(opts, flow.To("12223334456"))
		}
		f.Dial(opts...)
	case 8, 9:
		var opts []flow.GatherOption
		if g.chance(2) {
			opts = append(opts, flow.DTMFLength(g.rng.IntN(4)))
		}
		if g.chance(2) {
			opts = append(opts, flow.DTMFStop(g.pick("#", "*", "##")))
		}
		if g.chance(3) {
			opts = append(opts, flow.URL(g.url()))
		}
		if g.chance(4) {
			//nolint:staticcheck // the legacy prompts are part of what the fast path writes
			opts = append(opts, flow.Prompts(g.flow(2, 0)))
		}
		for i, v := range g.rng.Perm(12)[:g.rng.IntN(4)] {
			if i > 0 && g.chance(3) {
				opts = append(opts, flow.Comment(" branch "))
			}
			opts = append(opts, flow.Digit([]string{"0", "1", "2", "3", "4", "5", "*", "#", "12", "123", "1234", "1x"}[v], g.flow(3, depth-1)))
		}
		if g.chance(2) {
			opts = append(opts, flow.Default(g.flow(2, depth-1)))
		}
		if g.chance(2) {
			opts = append(opts, flow.OnError(g.flow(2, depth-1)))
		}
		if g.chance(15) {
			opts = append(opts, flow.Default(nil))
		}
		if g.chance(10) {
			g.rng.Shuffle(len(opts), func(i, j int) { opts[i], opts[j] = opts[j], opts[i] })
		}
		f.Gather(opts...)
	case 10:
		f.OnError(g.flow(2, depth-1))
	case 11:
		f.Append(g.flow(3, depth-1))
	}
}

// TestFastFlowsSameAsTree compares the rendering helpers with the tree
// for many random flows of the elements the fast path writes, and checks
// that most of them do take it.
func TestFastFlowsSameAsTree(t *testing.T) {
	t.Parallel()
	g := &fastFlows{rng: rand.New(rand.NewPCG(14, 7))}
	n := 3000
	if testing.Short() {
		n = 300
	}
	fast, warned := 0, 0
	for i := range n {
		f := g.flow(8, 3)
		if flow.TakesFastPath(f) {
			fast++
			if len(f.Check()) > 0 {
				warned++
			}
		}
		sameAsTree(t, fmt.Sprintf("fast flow %d", i), f)
	}
	t.Logf("%d of %d flows took the fast path, %d of them with warnings", fast, n, warned)
	if fast < n/4 || warned < fast/4 {
		t.Errorf("%d of %d flows took the fast path, %d of them with warnings: the test no longer tests it", fast, n, warned)
	}
}

// TestFastPathTaken checks which flows the fast path writes: flows of its
// elements with valid values, not flows with a problem or an element only
// the tree writes.
func TestFastPathTaken(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"ivr": true, "empty flow": true, "nil flow": true, "escaped say": true, "say every attribute": true,
		"gather legacy prompts": false, "gather default tag": true, "hangup then say": true, "error first": true,
		"gather length mismatch": true, "gather unused": true, "dial same destination": true, "play not audio": true,
		"comment": true, "deep 998 levels": false, "deep 10": true,
		"nil option": false, "empty say": false, "say raw attribute": false, "gather duplicate digit": false,
		"dial legacy": false, "meta": false, "raw": false, "record while": false, "bad comment": false,
		"gather default first": false, "dial no destination": false, "dial error then to": false,
		"gather prompts and dtmf": true, "gather bad sub": false, "deep problems": false,
	} {
		if got := flow.TakesFastPath(problemFlows()[name]); got != want {
			t.Errorf("%s: fast path %v, want %v", name, got, want)
		}
	}
}
