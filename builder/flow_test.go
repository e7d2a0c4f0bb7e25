package flow_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

func some[T any](v T) verbs.Opt[T] { return verbs.Some(v) }

func ms(n int64) verbs.Opt[verbs.Millis] { return verbs.Some(verbs.Millis(n)) }

func TestBuild(t *testing.T) {
	t.Parallel()
	hangup := flow.New().Hangup()
	tests := []struct {
		name string
		flow *flow.Flow
		want []verbs.Command
	}{
		{
			name: "greeting",
			flow: flow.New().Answer().Say("Welcome", flow.Lang("es")).Hangup(flow.Tag("CallEndedByUser")),
			want: []verbs.Command{
				&verbs.Answer{},
				&verbs.Say{Text: "Welcome", Lang: "es"},
				&verbs.Hangup{Tag: "CallEndedByUser"},
			},
		},
		{
			name: "empty",
			flow: flow.New(),
			want: nil,
		},
		{
			name: "answer and pause",
			flow: flow.New().
				Answer(flow.Delay(2*time.Second), flow.Tag("123456")).
				Pause().
				Pause(flow.Length(0), flow.DTMFStop("#*"), flow.Tag("p")),
			want: []verbs.Command{
				&verbs.Answer{Delay: ms(2000), Tag: "123456"},
				&verbs.Pause{},
				&verbs.Pause{Length: ms(0), DTMFStop: "#*", Tag: "p"},
			},
		},
		{
			name: "say with every attribute",
			flow: flow.New().Say("Hi", flow.Type(verbs.WaveNet), flow.Gender(verbs.Male),
				flow.Code("en-US-Wavenet-D"), flow.Lang("en-US"), flow.Loop(3), flow.Tag("hi"), flow.Attr("speed", "1.2")),
			want: []verbs.Command{&verbs.Say{Text: "Hi", Type: verbs.WaveNet, Gender: verbs.Male,
				Code: "en-US-Wavenet-D", Lang: "en-US", Loop: some(3), Tag: "hi",
				Extra: []verbs.Attr{{Name: "speed", Value: "1.2"}}}},
		},
		{
			name: "play and record",
			flow: flow.New().
				Play("https://example.com/a.mp3", flow.Leg(verbs.LegBoth), flow.Loop(2), flow.Tag("music")).
				Record(flow.Tag("name1"), flow.ASR(false), flow.Timeout(45*time.Second)).
				PlayRecording("name1", flow.Leg(verbs.LegA)).
				RecordWhile(flow.New().Pause(flow.Length(time.Minute), flow.DTMFStop("#")), flow.ASR(true)).
				RecordStart(flow.Tag("c")).RecordWait(flow.Tag("c")).RecordStop(flow.Tag("c")),
			want: []verbs.Command{
				&verbs.Play{URL: "https://example.com/a.mp3", Leg: verbs.LegBoth, Loop: some(2), Tag: "music"},
				&verbs.Record{Tag: "name1", ASR: some(false), Timeout: ms(45000)},
				&verbs.Play{Record: "name1", Leg: verbs.LegA},
				&verbs.Record{ASR: some(true), Commands: []verbs.Command{
					&verbs.Pause{Length: ms(60000), DTMFStop: "#"},
				}},
				&verbs.RecordStart{Tag: "c"},
				&verbs.RecordWait{Tag: "c"},
				&verbs.RecordStop{Tag: "c"},
			},
		},
		{
			name: "dial with error block and meta",
			flow: flow.New().Dial(
				flow.To("sip:user@example.com"), flow.To("12223334455"),
				flow.OnError(hangup, flow.Play(true), flow.Tag("busy")),
				flow.Meta("team", "support"), flow.Comment(" x "), flow.Tag("d")),
			want: []verbs.Command{&verbs.Dial{Tag: "d", Children: []verbs.DialChild{
				&verbs.To{Destination: "sip:user@example.com"},
				&verbs.To{Destination: "12223334455"},
				&verbs.Error{Play: some(true), Tag: "busy", Commands: []verbs.Command{&verbs.Hangup{}}},
				&verbs.Meta{Name: "team", Value: some("support")},
				&verbs.Comment{Text: " x "},
			}}},
		},
		{
			name: "gather menu",
			flow: flow.New().Say("Press 1").Gather(
				flow.DTMFLength(1), flow.DTMFStop("#"), flow.URL("https://example.com/m"), flow.Tag("menu"),
				flow.Comment(" SALES "),
				flow.Digit("1", flow.New().Say("Sales")),
				flow.Digit("2", nil),
				flow.Default(flow.New().Say("Again"), flow.Tag("def")),
				flow.OnError(nil),
			),
			want: []verbs.Command{
				&verbs.Say{Text: "Press 1"},
				&verbs.Gather{DTMFLength: some(1), DTMFStop: "#", URL: "https://example.com/m", Tag: "menu",
					Children: []verbs.GatherChild{
						&verbs.Comment{Text: " SALES "},
						&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "Sales"}}},
						&verbs.DTMF{Value: "2"},
						&verbs.Default{Tag: "def", Commands: []verbs.Command{&verbs.Say{Text: "Again"}}},
						&verbs.Error{},
					}},
			},
		},
		{
			name: "error block as a command",
			flow: flow.New().Play("https://example.com/a.wav").OnError(hangup).OnError(nil, flow.Play(true)),
			want: []verbs.Command{
				&verbs.Play{URL: "https://example.com/a.wav"},
				&verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}},
				&verbs.Error{Play: some(true)},
			},
		},
		{
			name: "callback and curl",
			flow: flow.New().
				Callback("https://example.com/cb", flow.Method(verbs.MethodPost), flow.Body(true),
					flow.Timeout(1500*time.Millisecond), flow.Tag("cb"), flow.OnError(hangup)).
				Curl("https://example.com/hook", flow.Method(verbs.MethodPut), flow.Timeout(time.Second),
					flow.Meta("k", "v"), flow.OnError(nil)),
			want: []verbs.Command{
				&verbs.Callback{URL: "https://example.com/cb", Method: verbs.MethodPost, Body: some(true),
					Timeout: ms(1500), Tag: "cb", Children: []verbs.CallbackChild{
						&verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}},
					}},
				&verbs.Curl{URL: "https://example.com/hook", Method: verbs.MethodPut, Timeout: ms(1000),
					Children: []verbs.CurlChild{&verbs.Meta{Name: "k", Value: some("v")}, &verbs.Error{}}},
			},
		},
		{
			name: "conditions",
			flow: flow.New().
				Call(verbs.CallFieldTo, "18382050099", flow.New().Say("Hi there!"), flow.Tag("vip")).
				Geo(flow.New().Say("Hello"), flow.States("NJ", "CA"), flow.County("ESSEX")).
				Geo(flow.New().Comment(" all ")).
				Schedule(hangup, flow.Days(verbs.Saturday, verbs.Sunday), flow.Time("00:00:00-06:59:59")),
			want: []verbs.Command{
				&verbs.Call{Field: "to", Value: some("18382050099"), Tag: "vip",
					Commands: []verbs.Command{&verbs.Say{Text: "Hi there!"}}},
				&verbs.Geo{States: []string{"NJ", "CA"}, County: "ESSEX",
					Commands: []verbs.Command{&verbs.Say{Text: "Hello"}}},
				&verbs.Geo{Commands: []verbs.Command{&verbs.Comment{Text: " all "}}},
				&verbs.Schedule{Days: []verbs.Weekday{"sat", "sun"}, Time: "00:00:00-06:59:59",
					Commands: []verbs.Command{&verbs.Hangup{}}},
			},
		},
		{
			name: "hold unhold tone",
			flow: flow.New().Hold(flow.Timeout(time.Minute), flow.Tag("h")).Unhold(flow.Tag("u")).
				Tone(flow.Hz(350, 440), flow.On(time.Second), flow.Off(500*time.Millisecond), flow.Volume(-10),
					flow.Loop(2), flow.Timeout(30*time.Second), flow.Leg(verbs.LegB), flow.Tag("t"),
					flow.Meta("category", "music")).
				Tone(),
			want: []verbs.Command{
				&verbs.Hold{Timeout: ms(60000), Tag: "h"},
				&verbs.Unhold{Tag: "u"},
				&verbs.Tone{Hz: []int{350, 440}, On: ms(1000), Off: ms(500), Volume: some(-10), Loop: some(2),
					Timeout: ms(30000), Leg: verbs.LegB, Tag: "t",
					Children: []verbs.ToneChild{&verbs.Meta{Name: "category", Value: some("music")}}},
				&verbs.Tone{},
			},
		},
		{
			name: "meta comment raw",
			flow: flow.New().Meta("name", "value").MetaText("description", "\n  line 1\n  line 2\n").
				Comment(" note ").
				Raw(&verbs.RawElement{Name: "Beep", Attrs: []verbs.Attr{{Name: "n", Value: "2"}},
					Children: []verbs.RawChild{&verbs.RawText{Text: "x"}}}),
			want: []verbs.Command{
				&verbs.Meta{Name: "name", Value: some("value")},
				&verbs.Meta{Name: "description", Text: some("\n  line 1\n  line 2\n")},
				&verbs.Comment{Text: " note "},
				&verbs.RawElement{Name: "Beep", Attrs: []verbs.Attr{{Name: "n", Value: "2"}},
					Children: []verbs.RawChild{&verbs.RawText{Text: "x"}}},
			},
		},
		{
			name: "composition",
			flow: flow.New().Say("a").Append(flow.New().Say("b"), nil, flow.New().Hangup()),
			want: []verbs.Command{&verbs.Say{Text: "a"}, &verbs.Say{Text: "b"}, &verbs.Hangup{}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := tt.flow.Build()
			if err != nil {
				t.Fatalf("Build: %v", err)
			}
			want := &verbs.Response{Commands: tt.want}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Build mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

//lint:file-ignore SA1019 the legacy dialect is deprecated on purpose and tested here.

func TestBuildLegacy(t *testing.T) {
	t.Parallel()
	got, err := flow.New().Gather(
		flow.NumDigits(1), flow.Attempts(2), flow.GatherTimeout(10*time.Second), flow.FinishOnKey("*"),
		flow.GatherCallback("https://example.com/g"), flow.GatherMethod(verbs.MethodPost),
		flow.Prompts(flow.New().Say("Enter 1 or 2").Pause()),
		flow.Switch(
			flow.Case("1", flow.New().Dial(flow.Sip("1000@10.0.0.1:9000"), flow.Number("12223334455"),
				flow.DialTimeout(30), flow.DialRecord(verbs.RecordFromAnswer))),
			flow.Default(flow.New().Say("nobody")),
			flow.OnError(nil),
			flow.Comment(" c "),
		),
	).Build()
	if !render.IsWarnings(err) { // every legacy attribute is a warning
		t.Fatalf("Build: %v", err)
	}
	want := &verbs.Response{Commands: []verbs.Command{&verbs.Gather{
		NumDigits: some(1), Attempts: some(2), Timeout: ms(10000), FinishOnKey: "*",
		Callback: "https://example.com/g", Method: verbs.MethodPost,
		Children: []verbs.GatherChild{
			&verbs.Say{Text: "Enter 1 or 2"},
			&verbs.Pause{},
			&verbs.Switch{Children: []verbs.SwitchChild{
				&verbs.Case{DTMF: "1", Commands: []verbs.Command{&verbs.Dial{
					Timeout: some(30), Record: verbs.RecordFromAnswer,
					Children: []verbs.DialChild{&verbs.Sip{Address: "1000@10.0.0.1:9000"}, &verbs.Number{Digits: "12223334455"}},
				}}},
				&verbs.Default{Commands: []verbs.Command{&verbs.Say{Text: "nobody"}}},
				&verbs.Error{},
				&verbs.Comment{Text: " c "},
			}},
		},
	}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Build mismatch (-want +got):\n%s", diff)
	}
}
