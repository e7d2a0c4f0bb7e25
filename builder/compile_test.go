package flow_test

import (
	"testing"

	"github.com/opentact-go/opentact/internal/compiletest"
)

// TestOptionsDoNotApply checks that an option given to an element without
// its attribute or child is a compile error, by compiling a program that
// misuses each kind of option once.
func TestOptionsDoNotApply(t *testing.T) {
	t.Parallel()
	misuses := []string{
		`flow.New().Say("Hi", flow.Leg(verbs.LegA))`,
		`flow.New().Hangup(flow.Loop(2))`,
		`flow.New().Pause(flow.Timeout(time.Second))`,
		`flow.New().Play("https://example.com/a.mp3", flow.Lang("es"))`,
		`flow.New().Dial(flow.Digit("1", nil))`,
		`flow.New().Gather(flow.To("12223334455"))`,
		`flow.New().Gather(flow.Meta("a", "b"))`,
		`flow.New().Tone(flow.OnError(nil))`,
		`flow.New().Geo(nil, flow.Days(verbs.Monday))`,
		`flow.New().Schedule(nil, flow.States("NJ"))`,
		`flow.New().Callback("https://example.com", flow.Meta("a", "b"))`,
		`flow.New().Record(flow.DTMFStop("#"))`,
		`flow.New().Gather(flow.Case("1", nil))`,
		`flow.Switch(flow.Digit("1", nil))`,
		`flow.OnError(nil, flow.Loop(1))`,
		`flow.Default(nil, flow.Play(true))`,
		`flow.New().Answer(flow.Length(time.Second))`,
		`flow.New().Hold(flow.Delay(time.Second))`,
	}
	for i, m := range misuses {
		misuses[i] = "_ = " + m
	}
	compiletest.Refuses(t, compiletest.Program{
		Header:  "package main\n\nimport (\n\t\"time\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/verbs\"\n)\n\nvar _ = time.Second\nvar _ = verbs.LegA\n\n",
		Func:    "func main() {\n",
		Misuses: misuses,
	})
}
