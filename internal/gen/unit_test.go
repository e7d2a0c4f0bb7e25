package gen_test

import (
	"strings"
	"testing"

	"github.com/opentact-go/opentact/internal/gen"
	"github.com/opentact-go/opentact/verbs"
)

func TestGenerateSource(t *testing.T) {
	t.Parallel()
	r := &verbs.Response{Commands: []verbs.Command{
		&verbs.Answer{Delay: verbs.Some(verbs.Millis(1500))},
		&verbs.Pause{Length: verbs.Some(verbs.Millis(120000))},
		&verbs.Hold{Timeout: verbs.Some(verbs.Millis(0))},
		&verbs.Say{Text: "Hola", Type: verbs.WaveNet, Lang: "es", Loop: verbs.Some(2)},
		&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "*", Commands: []verbs.Command{&verbs.Say{Text: "star"}, &verbs.Hangup{}}},
			&verbs.DTMF{Value: "#", Commands: []verbs.Command{&verbs.Hangup{}}},
		}},
		&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday, "xyz"}, Commands: []verbs.Command{&verbs.Hangup{}}},
		&verbs.Tone{Extra: []verbs.Attr{{Name: "shape", Value: "sine"}}},
		&verbs.RawElement{Name: "Beep", Children: []verbs.RawChild{&verbs.RawText{Text: "x"}}},
	}}
	src, err := gen.Generate(r, gen.Options{Package: "ivr", Func: "Menu"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"package ivr\n",
		"\t\"time\"\n",
		"flow \"github.com/opentact-go/opentact/builder\"",
		"\t\"github.com/opentact-go/opentact/verbs\"\n",
		"// Menu returns the call flow.\nfunc Menu() *flow.Flow {",
		"digitStar := flow.New().\n\t\tSay(\"star\").\n\t\tHangup()\n",
		"Answer(flow.Delay(1500*time.Millisecond))",
		"Pause(flow.Length(2*time.Minute))",
		"Hold(flow.Timeout(0))",
		"Say(\"Hola\", flow.Type(verbs.WaveNet), flow.Lang(\"es\"), flow.Loop(2))",
		"flow.Digit(\"*\", digitStar)",
		"flow.Digit(\"#\", flow.New().Hangup())",
		"flow.Days(verbs.Monday, verbs.Weekday(\"xyz\"))",
		"Tone(flow.Attr(\"shape\", \"sine\"))",
		"&verbs.RawText{Text: \"x\"}",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("generated code lacks %q:\n%s", want, src)
		}
	}
	if strings.Contains(string(src), "func main()") {
		t.Errorf("a non-main file has a main function:\n%s", src)
	}
}

func TestGenerateMain(t *testing.T) {
	t.Parallel()
	src, err := gen.Generate(&verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}}}, gen.Options{Main: true, Source: "hangup.xml"})
	if err != nil {
		t.Fatal(err)
	}
	const want = `package main

import (
	"fmt"
	"os"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

func main() {
	xml, err := Flow().XML()
	if err != nil && !render.IsWarnings(err) {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err) // warnings: the document is still written
	}
	os.Stdout.Write(xml)
}

// Flow returns the call flow of hangup.xml.
func Flow() *flow.Flow {
	return flow.New().Hangup()
}
`
	if string(src) != want {
		t.Errorf("generated program\n%s\nwant\n%s", src, want)
	}
}

func TestGenerateSourceName(t *testing.T) {
	t.Parallel()
	src, err := gen.Generate(&verbs.Response{}, gen.Options{Source: "evil\nname\x00.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "// Flow returns the call flow of evilname.xml.\nfunc Flow() *flow.Flow {\n\treturn flow.New()\n}\n"; !strings.HasSuffix(string(src), want) {
		t.Errorf("generated code\n%s\ndoes not end in\n%s", src, want)
	}
}

func TestGenerateErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  *verbs.Response
		opts gen.Options
		want string
	}{
		{"nil document", nil, gen.Options{}, "gen: nil document"},
		{"bad package", &verbs.Response{}, gen.Options{Package: "my-flows"}, `gen: invalid package name "my-flows"`},
		{"bad function", &verbs.Response{}, gen.Options{Func: "func"}, `gen: invalid function name "func"`},
		{"main function", &verbs.Response{}, gen.Options{Func: "main"}, `gen: invalid function name "main"`},
		{"main in another package", &verbs.Response{}, gen.Options{Main: true, Package: "flows"}, `gen: a main program is package main, not "flows"`},
		{"response attributes", &verbs.Response{Extra: []verbs.Attr{{Name: "a", Value: "b"}}}, gen.Options{},
			"gen: attributes on <Response> cannot be built"},
		{"call without value", &verbs.Response{Commands: []verbs.Command{&verbs.Call{Field: "to"}}}, gen.Options{},
			"gen: a <Call> without a value cannot be built"},
		{"meta with value and text", &verbs.Response{Commands: []verbs.Command{
			&verbs.Meta{Name: "n", Value: verbs.Some("v"), Text: verbs.Some("t")}}}, gen.Options{},
			"gen: a <Meta> needs exactly one of a value attribute and text content to be built"},
		{"play with url and record", &verbs.Response{Commands: []verbs.Command{
			&verbs.Play{URL: "https://example.com/a.wav", Record: "r"}}}, gen.Options{},
			"gen: a <Play> with both a URL and a record cannot be built"},
		{"nil command", &verbs.Response{Commands: []verbs.Command{nil}}, gen.Options{}, "gen: nil command"},
		{"nil child", &verbs.Response{Commands: []verbs.Command{&verbs.Dial{Children: []verbs.DialChild{nil}}}}, gen.Options{},
			"gen: nil child in a <Dial>"},
		{"typed nil command", &verbs.Response{Commands: []verbs.Command{(*verbs.Say)(nil)}}, gen.Options{}, "gen: nil command"},
		{"typed nil prompt", &verbs.Response{Commands: []verbs.Command{&verbs.Gather{Children: []verbs.GatherChild{(*verbs.Pause)(nil)}}}},
			gen.Options{}, "gen: nil command"},
		{"typed nil child", &verbs.Response{Commands: []verbs.Command{&verbs.Tone{Children: []verbs.ToneChild{(*verbs.Meta)(nil)}}}},
			gen.Options{}, "gen: nil child in a <Tone>"},
		{"nil raw child", &verbs.Response{Commands: []verbs.Command{&verbs.RawElement{Name: "X",
			Children: []verbs.RawChild{(*verbs.RawText)(nil)}}}}, gen.Options{}, "gen: nil child in the raw element <X>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src, err := gen.Generate(tt.doc, tt.opts)
			if err == nil {
				t.Fatalf("Generate succeeded:\n%s", src)
			}
			if err.Error() != tt.want {
				t.Errorf("error %q, want %q", err, tt.want)
			}
		})
	}
}

func TestGenerateReusesVariables(t *testing.T) {
	t.Parallel()
	sorry := func() []verbs.Command { return []verbs.Command{&verbs.Say{Text: "Sorry"}, &verbs.Hangup{}} }
	open := func() []verbs.Command { return []verbs.Command{&verbs.Say{Text: "Open"}, &verbs.Pause{}} }
	r := &verbs.Response{Commands: []verbs.Command{
		&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}, &verbs.Error{Commands: sorry()}}},
		&verbs.Callback{URL: "https://example.com/next", Children: []verbs.CallbackChild{&verbs.Error{Commands: sorry()}}},
		&verbs.Geo{States: []string{"NJ"}, Commands: open()},
		&verbs.Schedule{Days: []verbs.Weekday{verbs.Monday}, Commands: open()},
		&verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{
			&verbs.Say{Text: "Menu"}, &verbs.Dial{Children: []verbs.DialChild{
				&verbs.To{Destination: "12223334455"}, &verbs.Error{Commands: sorry()}}}}}}},
	}}
	src, err := gen.Generate(r, gen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	code := string(src)
	for _, want := range []string{
		"onError := flow.New().\n",
		"flow.OnError(onError)",
		"shared := flow.New().\n",
		"Geo(shared, flow.States(\"NJ\"))",
		"Schedule(shared, flow.Days(verbs.Monday))",
		"flow.Digit(\"1\", digit1)",
	} {
		if !strings.Contains(code, want) {
			t.Errorf("generated code lacks %q:\n%s", want, code)
		}
	}
	if n := strings.Count(code, "Say(\"Sorry\")"); n != 1 {
		t.Errorf("the Sorry list is declared %d times, want once:\n%s", n, code)
	}
}
