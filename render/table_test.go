package render

import (
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// verbTest is one document and its canonical indented XML, written by hand
// from spec/xml.md. TestMarshalTable renders doc and expects xml;
// TestParseTable parses xml and expects doc, so doc is exactly what a
// parser returns: no white space around identifiers (To, Sip, Number,
// Play), nil for absent lists, uppercase methods, no empty plain-string
// attributes, and no white-space raw text (layout is dropped).
//
// Two layout assumptions keep the compact form derivable (see
// compactForm): layout is a newline and spaces between '>' and '<', and no
// text or comment holds a newline followed by spaces and '<' right after a
// '>'.
type verbTest struct {
	name string
	doc  *verbs.Response
	xml  string
}

// doc returns a document holding the commands.
func doc(cmds ...verbs.Command) *verbs.Response {
	return &verbs.Response{Commands: cmds}
}

// body returns the indented document whose <Response> holds lines, each
// already indented by its depth.
func body(lines ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>` + "\n<Response>\n" + strings.Join(lines, "\n") + "\n</Response>\n"
}

var verbTests = []verbTest{
	// Response
	{
		name: "Response/empty",
		doc:  &verbs.Response{},
		xml:  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response/>\n",
	},
	{
		name: "Response/extra",
		doc:  &verbs.Response{Extra: []verbs.Attr{{Name: "version", Value: "2"}}, Commands: []verbs.Command{&verbs.Hangup{}}},
		xml:  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response version=\"2\">\n  <Hangup/>\n</Response>\n",
	},

	// Answer
	{name: "Answer", doc: doc(&verbs.Answer{}), xml: body(`  <Answer/>`)},
	{name: "Answer/delay/zero", doc: doc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](0)}), xml: body(`  <Answer delay="0"/>`)},
	{name: "Answer/delay", doc: doc(&verbs.Answer{Delay: verbs.Some[verbs.Millis](2000)}), xml: body(`  <Answer delay="2000"/>`)},
	{name: "Answer/tag", doc: doc(&verbs.Answer{Tag: "start"}), xml: body(`  <Answer tag="start"/>`)},
	{
		name: "Answer/all",
		doc:  doc(&verbs.Answer{Tag: "start", Delay: verbs.Some[verbs.Millis](500)}),
		xml:  body(`  <Answer delay="500" tag="start"/>`),
	},

	// Hangup
	{name: "Hangup", doc: doc(&verbs.Hangup{}), xml: body(`  <Hangup/>`)},
	{name: "Hangup/tag", doc: doc(&verbs.Hangup{Tag: "CallEndedByUser"}), xml: body(`  <Hangup tag="CallEndedByUser"/>`)},

	// Pause
	{name: "Pause", doc: doc(&verbs.Pause{}), xml: body(`  <Pause/>`)},
	{name: "Pause/length/zero", doc: doc(&verbs.Pause{Length: verbs.Some[verbs.Millis](0)}), xml: body(`  <Pause length="0"/>`)},
	{name: "Pause/length", doc: doc(&verbs.Pause{Length: verbs.Some[verbs.Millis](3000)}), xml: body(`  <Pause length="3000"/>`)},
	{name: "Pause/dtmf_stop", doc: doc(&verbs.Pause{DTMFStop: "#"}), xml: body(`  <Pause dtmf_stop="#"/>`)},
	{name: "Pause/dtmf_stop/keys", doc: doc(&verbs.Pause{DTMFStop: "0123456789*#ABCD"}), xml: body(`  <Pause dtmf_stop="0123456789*#ABCD"/>`)},
	{name: "Pause/tag", doc: doc(&verbs.Pause{Tag: "wait"}), xml: body(`  <Pause tag="wait"/>`)},
	{
		name: "Pause/all",
		doc:  doc(&verbs.Pause{Tag: "wait", DTMFStop: "*", Length: verbs.Some[verbs.Millis](60000)}),
		xml:  body(`  <Pause length="60000" dtmf_stop="*" tag="wait"/>`),
	},

	// Say
	{name: "Say", doc: doc(&verbs.Say{Text: "Hello"}), xml: body(`  <Say>Hello</Say>`)},
	{name: "Say/type/Standard", doc: doc(&verbs.Say{Type: verbs.Standard, Text: "Hello"}), xml: body(`  <Say type="Standard">Hello</Say>`)},
	{name: "Say/type/WaveNet", doc: doc(&verbs.Say{Type: verbs.WaveNet, Text: "Hello"}), xml: body(`  <Say type="WaveNet">Hello</Say>`)},
	{name: "Say/gender/FEMALE", doc: doc(&verbs.Say{Gender: verbs.Female, Text: "Hello"}), xml: body(`  <Say gender="FEMALE">Hello</Say>`)},
	{name: "Say/gender/MALE", doc: doc(&verbs.Say{Gender: verbs.Male, Text: "Hello"}), xml: body(`  <Say gender="MALE">Hello</Say>`)},
	{name: "Say/code", doc: doc(&verbs.Say{Code: "en-US-Wavenet-D", Text: "Hello"}), xml: body(`  <Say code="en-US-Wavenet-D">Hello</Say>`)},
	{name: "Say/lang", doc: doc(&verbs.Say{Lang: "es", Text: "Hola"}), xml: body(`  <Say lang="es">Hola</Say>`)},
	{name: "Say/loop", doc: doc(&verbs.Say{Loop: verbs.Some(3), Text: "Hello"}), xml: body(`  <Say loop="3">Hello</Say>`)},
	{name: "Say/loop/zero", doc: doc(&verbs.Say{Loop: verbs.Some(0), Text: "Hello"}), xml: body(`  <Say loop="0">Hello</Say>`)},
	{name: "Say/tag", doc: doc(&verbs.Say{Tag: "greeting", Text: "Hello"}), xml: body(`  <Say tag="greeting">Hello</Say>`)},
	{
		name: "Say/all",
		doc: doc(&verbs.Say{
			Tag: "greeting", Loop: verbs.Some(2), Lang: "en-GB", Code: "en-GB-Wavenet-A",
			Gender: verbs.Male, Type: verbs.WaveNet, Text: "Welcome to Opentact",
		}),
		xml: body(`  <Say type="WaveNet" gender="MALE" code="en-GB-Wavenet-A" lang="en-GB" loop="2" tag="greeting">Welcome to Opentact</Say>`),
	},
	{name: "Say/text/spaces", doc: doc(&verbs.Say{Text: "  spaced  out "}), xml: body(`  <Say>  spaced  out </Say>`)},
	{name: "Say/text/lines", doc: doc(&verbs.Say{Text: "Line one.\nLine two."}), xml: body("  <Say>Line one.\nLine two.</Say>")},
	{name: "Say/text/unicode", doc: doc(&verbs.Say{Lang: "ru", Text: "Привет, мир 👋"}), xml: body(`  <Say lang="ru">Привет, мир 👋</Say>`)},

	// Play
	{name: "Play", doc: doc(&verbs.Play{URL: "https://example.com/hello.mp3"}), xml: body(`  <Play>https://example.com/hello.mp3</Play>`)},
	{name: "Play/record", doc: doc(&verbs.Play{Record: "voicemail"}), xml: body(`  <Play record="voicemail"/>`)},
	{name: "Play/leg/aleg", doc: doc(&verbs.Play{Leg: verbs.LegA, URL: "https://example.com/a.wav"}), xml: body(`  <Play leg="aleg">https://example.com/a.wav</Play>`)},
	{name: "Play/leg/bleg", doc: doc(&verbs.Play{Leg: verbs.LegB, URL: "https://example.com/b.wav"}), xml: body(`  <Play leg="bleg">https://example.com/b.wav</Play>`)},
	{name: "Play/leg/both", doc: doc(&verbs.Play{Leg: verbs.LegBoth, URL: "https://example.com/c.wav"}), xml: body(`  <Play leg="both">https://example.com/c.wav</Play>`)},
	{name: "Play/loop", doc: doc(&verbs.Play{Loop: verbs.Some(5), URL: "http://example.com/music.mp3"}), xml: body(`  <Play loop="5">http://example.com/music.mp3</Play>`)},
	{name: "Play/tag", doc: doc(&verbs.Play{Tag: "hold-music", URL: "http://example.com/music.mp3"}), xml: body(`  <Play tag="hold-music">http://example.com/music.mp3</Play>`)},
	{
		name: "Play/url/query",
		doc:  doc(&verbs.Play{URL: "https://example.com/play?id=7&format=mp3"}),
		xml:  body(`  <Play>https://example.com/play?id=7&amp;format=mp3</Play>`),
	},
	{
		name: "Play/all",
		doc:  doc(&verbs.Play{Tag: "replay", Loop: verbs.Some(2), Leg: verbs.LegBoth, Record: "voicemail"}),
		xml:  body(`  <Play record="voicemail" leg="both" loop="2" tag="replay"/>`),
	},

	// Record, RecordStart, RecordStop, RecordWait
	{name: "Record", doc: doc(&verbs.Record{}), xml: body(`  <Record/>`)},
	{name: "Record/tag", doc: doc(&verbs.Record{Tag: "voicemail"}), xml: body(`  <Record tag="voicemail"/>`)},
	{name: "Record/asr", doc: doc(&verbs.Record{ASR: verbs.Some(true)}), xml: body(`  <Record asr="true"/>`)},
	{name: "Record/asr/false", doc: doc(&verbs.Record{ASR: verbs.Some(false)}), xml: body(`  <Record asr="false"/>`)},
	{name: "Record/timeout", doc: doc(&verbs.Record{Timeout: verbs.Some[verbs.Millis](30000)}), xml: body(`  <Record timeout="30000"/>`)},
	{name: "Record/timeout/zero", doc: doc(&verbs.Record{Timeout: verbs.Some[verbs.Millis](0)}), xml: body(`  <Record timeout="0"/>`)},
	{
		name: "Record/all",
		doc:  doc(&verbs.Record{Timeout: verbs.Some[verbs.Millis](120000), ASR: verbs.Some(true), Tag: "msg"}),
		xml:  body(`  <Record tag="msg" asr="true" timeout="120000"/>`),
	},
	{
		name: "Record/container",
		doc: doc(&verbs.Record{Tag: "voicemail", Commands: []verbs.Command{
			&verbs.Say{Text: "Leave a message after the tone, then press pound."},
			&verbs.Pause{Length: verbs.Some[verbs.Millis](60000), DTMFStop: "#"},
		}}),
		xml: body(
			`  <Record tag="voicemail">`,
			`    <Say>Leave a message after the tone, then press pound.</Say>`,
			`    <Pause length="60000" dtmf_stop="#"/>`,
			`  </Record>`,
		),
	},
	{name: "RecordStart", doc: doc(&verbs.RecordStart{}), xml: body(`  <RecordStart/>`)},
	{name: "RecordStart/tag", doc: doc(&verbs.RecordStart{Tag: "call"}), xml: body(`  <RecordStart tag="call"/>`)},
	{name: "RecordStop", doc: doc(&verbs.RecordStop{}), xml: body(`  <RecordStop/>`)},
	{name: "RecordStop/tag", doc: doc(&verbs.RecordStop{Tag: "call"}), xml: body(`  <RecordStop tag="call"/>`)},
	{name: "RecordWait", doc: doc(&verbs.RecordWait{}), xml: body(`  <RecordWait/>`)},
	{name: "RecordWait/tag", doc: doc(&verbs.RecordWait{Tag: "call"}), xml: body(`  <RecordWait tag="call"/>`)},

	// Dial and To
	{
		name: "Dial/To/sip-uri",
		doc:  doc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "sip:alice@sip.example.com:5060"}}}),
		xml:  body(`  <Dial>`, `    <To>sip:alice@sip.example.com:5060</To>`, `  </Dial>`),
	},
	{
		name: "Dial/To/address",
		doc:  doc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "support1@sip.opentact.org"}}}),
		xml:  body(`  <Dial>`, `    <To>support1@sip.opentact.org</To>`, `  </Dial>`),
	},
	{
		name: "Dial/To/number",
		doc:  doc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "+12223334455"}}}),
		xml:  body(`  <Dial>`, `    <To>+12223334455</To>`, `  </Dial>`),
	},
	{
		name: "Dial/tag",
		doc:  doc(&verbs.Dial{Tag: "sales", Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}}}),
		xml:  body(`  <Dial tag="sales">`, `    <To>12223334455</To>`, `  </Dial>`),
	},
	{
		name: "Dial/many",
		doc: doc(&verbs.Dial{Children: []verbs.DialChild{
			&verbs.To{Destination: "12223334455"},
			&verbs.To{Destination: "12223334456"},
			&verbs.Error{Commands: []verbs.Command{
				&verbs.Say{Text: "Sorry, our tech team is busy right now, please call again later"},
				&verbs.Hangup{},
			}},
			&verbs.Meta{Name: "team", Value: verbs.Some("tech")},
		}}),
		xml: body(
			`  <Dial>`,
			`    <To>12223334455</To>`,
			`    <To>12223334456</To>`,
			`    <Error>`,
			`      <Say>Sorry, our tech team is busy right now, please call again later</Say>`,
			`      <Hangup/>`,
			`    </Error>`,
			`    <Meta name="team" value="tech"/>`,
			`  </Dial>`,
		),
	},
	{
		name: "Dial/legacy",
		doc: doc(&verbs.Dial{
			Record: verbs.RecordFromAnswer, Timeout: verbs.Some(30), Tag: "old",
			Children: []verbs.DialChild{
				&verbs.Sip{Address: "1000@10.0.0.1:9000"},
				&verbs.Number{Digits: "12223334455"},
			},
		}),
		xml: body(
			`  <Dial tag="old" timeout="30" record="record-from-answer">`,
			`    <Sip>1000@10.0.0.1:9000</Sip>`,
			`    <Number>12223334455</Number>`,
			`  </Dial>`,
		),
	},
	{
		name: "Dial/legacy/timeout/zero",
		doc: doc(&verbs.Dial{Timeout: verbs.Some(0), Record: verbs.DoNotRecord,
			Children: []verbs.DialChild{&verbs.Number{Digits: "12223334455"}}}),
		xml: body(`  <Dial timeout="0" record="do-not-record">`, `    <Number>12223334455</Number>`, `  </Dial>`),
	},

	// Gather, DTMF, Default
	{
		name: "Gather/dtmf_length",
		doc: doc(&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{&verbs.Say{Text: "One"}}},
		}}),
		xml: body(`  <Gather dtmf_length="1">`, `    <DTMF value="1">`, `      <Say>One</Say>`, `    </DTMF>`, `  </Gather>`),
	},
	{
		name: "Gather/dtmf_stop",
		doc: doc(&verbs.Gather{DTMFStop: "#", Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "12", Commands: []verbs.Command{&verbs.Hangup{}}},
		}}),
		xml: body(`  <Gather dtmf_stop="#">`, `    <DTMF value="12">`, `      <Hangup/>`, `    </DTMF>`, `  </Gather>`),
	},
	{
		name: "Gather/url",
		doc:  doc(&verbs.Gather{DTMFLength: verbs.Some(4), URL: "http://private.domain.com/rest/private_menu?token=TOKEN&lang=en"}),
		xml:  body(`  <Gather dtmf_length="4" url="http://private.domain.com/rest/private_menu?token=TOKEN&amp;lang=en"/>`),
	},
	{
		name: "Gather/tag",
		doc: doc(&verbs.Gather{Tag: "menu", Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "*", Commands: []verbs.Command{&verbs.Hangup{}}},
		}}),
		xml: body(`  <Gather tag="menu">`, `    <DTMF value="*">`, `      <Hangup/>`, `    </DTMF>`, `  </Gather>`),
	},
	{
		name: "Gather/all",
		doc: doc(&verbs.Gather{
			Tag: "pin", URL: "https://example.com/pin", DTMFStop: "#", DTMFLength: verbs.Some(4),
			Children: []verbs.GatherChild{
				&verbs.Error{Commands: []verbs.Command{&verbs.Hangup{}}},
			},
		}),
		xml: body(
			`  <Gather dtmf_length="4" dtmf_stop="#" url="https://example.com/pin" tag="pin">`,
			`    <Error>`,
			`      <Hangup/>`,
			`    </Error>`,
			`  </Gather>`,
		),
	},
	{
		name: "Gather/branches",
		doc: doc(&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{
				&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "support1@sip.opentact.org"}}},
			}},
			&verbs.DTMF{Value: "0", Commands: []verbs.Command{
				&verbs.Gather{DTMFLength: verbs.Some(4), Children: []verbs.GatherChild{
					&verbs.DTMF{Value: "1234", Commands: []verbs.Command{&verbs.Say{Text: "Welcome back"}}},
				}},
			}},
			&verbs.Default{Tag: "nothing", Commands: []verbs.Command{&verbs.Say{Text: "No DTMF code entered. Please call again"}}},
			&verbs.Error{Play: verbs.Some(true), Commands: []verbs.Command{&verbs.Hangup{}}},
		}}),
		xml: body(
			`  <Gather dtmf_length="1">`,
			`    <DTMF value="1">`,
			`      <Dial>`,
			`        <To>support1@sip.opentact.org</To>`,
			`      </Dial>`,
			`    </DTMF>`,
			`    <DTMF value="0">`,
			`      <Gather dtmf_length="4">`,
			`        <DTMF value="1234">`,
			`          <Say>Welcome back</Say>`,
			`        </DTMF>`,
			`      </Gather>`,
			`    </DTMF>`,
			`    <Default tag="nothing">`,
			`      <Say>No DTMF code entered. Please call again</Say>`,
			`    </Default>`,
			`    <Error play="true">`,
			`      <Hangup/>`,
			`    </Error>`,
			`  </Gather>`,
		),
	},
	{
		name: "Gather/DTMF/empty",
		doc:  doc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.DTMF{Value: "9"}, &verbs.Default{}}}),
		xml:  body(`  <Gather>`, `    <DTMF value="9"/>`, `    <Default/>`, `  </Gather>`),
	},
	{
		name: "Gather/legacy",
		doc: doc(&verbs.Gather{
			Method: verbs.MethodPost, Callback: "https://example.com/digits", FinishOnKey: "*",
			Timeout: verbs.Some[verbs.Millis](10000), Attempts: verbs.Some(2), NumDigits: verbs.Some(1),
			Children: []verbs.GatherChild{
				&verbs.Say{Text: "Now please enter a 1 for sales, 2 for support."},
				&verbs.Play{URL: "https://example.com/beep.wav"},
				&verbs.Pause{Length: verbs.Some[verbs.Millis](500)},
				&verbs.Switch{Children: []verbs.SwitchChild{
					&verbs.Case{DTMF: "1", Commands: []verbs.Command{
						&verbs.Callback{URL: "https://webhook.site/8b27856b"},
					}},
					&verbs.Case{DTMF: "2", Commands: []verbs.Command{
						&verbs.Dial{Children: []verbs.DialChild{&verbs.Sip{Address: "1000@x.example.com:9000"}}},
					}},
					&verbs.Default{Commands: []verbs.Command{&verbs.Say{Text: "Hi, nobody"}}},
					&verbs.Error{Commands: []verbs.Command{&verbs.Say{Text: "No DTMF Code entered."}}},
				}},
			},
		}),
		xml: body(
			`  <Gather numDigits="1" attempts="2" timeout="10000" finishOnKey="*" callback="https://example.com/digits" method="POST">`,
			`    <Say>Now please enter a 1 for sales, 2 for support.</Say>`,
			`    <Play>https://example.com/beep.wav</Play>`,
			`    <Pause length="500"/>`,
			`    <Switch>`,
			`      <Case dtmf="1">`,
			`        <Callback url="https://webhook.site/8b27856b"/>`,
			`      </Case>`,
			`      <Case dtmf="2">`,
			`        <Dial>`,
			`          <Sip>1000@x.example.com:9000</Sip>`,
			`        </Dial>`,
			`      </Case>`,
			`      <Default>`,
			`        <Say>Hi, nobody</Say>`,
			`      </Default>`,
			`      <Error>`,
			`        <Say>No DTMF Code entered.</Say>`,
			`      </Error>`,
			`    </Switch>`,
			`  </Gather>`,
		),
	},
	{
		name: "Gather/legacy/timeout/zero",
		doc:  doc(&verbs.Gather{Timeout: verbs.Some[verbs.Millis](0), Method: verbs.MethodGet, Callback: "http://example.com/d"}),
		xml:  body(`  <Gather timeout="0" callback="http://example.com/d" method="GET"/>`),
	},

	// Error
	{name: "Error/empty", doc: doc(&verbs.Play{URL: "https://example.com/a.mp3"}, &verbs.Error{}), xml: body(`  <Play>https://example.com/a.mp3</Play>`, `  <Error/>`)},
	{
		name: "Error/play",
		doc: doc(&verbs.Play{URL: "https://example.com/a.mp3"}, &verbs.Error{Play: verbs.Some(true), Commands: []verbs.Command{
			&verbs.Say{Text: "The file could not be played"},
		}}),
		xml: body(`  <Play>https://example.com/a.mp3</Play>`, `  <Error play="true">`, `    <Say>The file could not be played</Say>`, `  </Error>`),
	},
	{
		name: "Error/play/false",
		doc:  doc(&verbs.Play{URL: "https://example.com/a.mp3"}, &verbs.Error{Play: verbs.Some(false), Tag: "play-failed"}),
		xml:  body(`  <Play>https://example.com/a.mp3</Play>`, `  <Error play="false" tag="play-failed"/>`),
	},

	// Callback
	{name: "Callback", doc: doc(&verbs.Callback{URL: "https://example.com/flow"}), xml: body(`  <Callback url="https://example.com/flow"/>`)},
	{name: "Callback/method/GET", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Method: verbs.MethodGet}), xml: body(`  <Callback url="https://example.com/flow" method="GET"/>`)},
	{name: "Callback/method/POST", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Method: verbs.MethodPost}), xml: body(`  <Callback url="https://example.com/flow" method="POST"/>`)},
	{name: "Callback/method/PATCH", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Method: verbs.MethodPatch}), xml: body(`  <Callback url="https://example.com/flow" method="PATCH"/>`)},
	{name: "Callback/method/DELETE", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Method: verbs.MethodDelete}), xml: body(`  <Callback url="https://example.com/flow" method="DELETE"/>`)},
	{name: "Callback/body", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Body: verbs.Some(true)}), xml: body(`  <Callback url="https://example.com/flow" body="true"/>`)},
	{name: "Callback/body/false", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Body: verbs.Some(false)}), xml: body(`  <Callback url="https://example.com/flow" body="false"/>`)},
	{name: "Callback/timeout", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Timeout: verbs.Some[verbs.Millis](5000)}), xml: body(`  <Callback url="https://example.com/flow" timeout="5000"/>`)},
	{name: "Callback/timeout/zero", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Timeout: verbs.Some[verbs.Millis](0)}), xml: body(`  <Callback url="https://example.com/flow" timeout="0"/>`)},
	{name: "Callback/tag", doc: doc(&verbs.Callback{URL: "https://example.com/flow", Tag: "next"}), xml: body(`  <Callback url="https://example.com/flow" tag="next"/>`)},
	{
		name: "Callback/all",
		doc: doc(&verbs.Callback{
			Tag: "next", Timeout: verbs.Some[verbs.Millis](3000), Body: verbs.Some(true), Method: verbs.MethodPost,
			URL: "https://example.com/flow?a=1&b=2",
			Children: []verbs.CallbackChild{
				&verbs.Error{Commands: []verbs.Command{&verbs.Say{Text: "Please try again later"}, &verbs.Hangup{}}},
			},
		}),
		xml: body(
			`  <Callback url="https://example.com/flow?a=1&amp;b=2" method="POST" body="true" timeout="3000" tag="next">`,
			`    <Error>`,
			`      <Say>Please try again later</Say>`,
			`      <Hangup/>`,
			`    </Error>`,
			`  </Callback>`,
		),
	},

	// Curl
	{name: "Curl", doc: doc(&verbs.Curl{URL: "https://example.com/hook"}), xml: body(`  <Curl url="https://example.com/hook"/>`)},
	{name: "Curl/method", doc: doc(&verbs.Curl{URL: "https://example.com/hook", Method: verbs.MethodPut}), xml: body(`  <Curl url="https://example.com/hook" method="PUT"/>`)},
	{name: "Curl/timeout/zero", doc: doc(&verbs.Curl{URL: "https://example.com/hook", Timeout: verbs.Some[verbs.Millis](0)}), xml: body(`  <Curl url="https://example.com/hook" timeout="0"/>`)},
	{name: "Curl/tag", doc: doc(&verbs.Curl{URL: "https://example.com/hook", Tag: "notify"}), xml: body(`  <Curl url="https://example.com/hook" tag="notify"/>`)},
	{
		name: "Curl/all",
		doc: doc(&verbs.Curl{
			Tag: "notify", Timeout: verbs.Some[verbs.Millis](2500), Method: verbs.MethodPost, URL: "https://example.com/hook",
			Children: []verbs.CurlChild{
				&verbs.Meta{Name: "customer", Value: verbs.Some("42")},
				&verbs.Error{Commands: []verbs.Command{&verbs.Say{Text: "Notification failed"}}},
			},
		}),
		xml: body(
			`  <Curl url="https://example.com/hook" method="POST" timeout="2500" tag="notify">`,
			`    <Meta name="customer" value="42"/>`,
			`    <Error>`,
			`      <Say>Notification failed</Say>`,
			`    </Error>`,
			`  </Curl>`,
		),
	},

	// Call
	{
		name: "Call",
		doc: doc(&verbs.Call{Field: verbs.CallFieldFrom, Value: verbs.Some("12223334455"), Commands: []verbs.Command{
			&verbs.Say{Text: "Hello, boss"},
		}}),
		xml: body(`  <Call field="from" value="12223334455">`, `    <Say>Hello, boss</Say>`, `  </Call>`),
	},
	{
		name: "Call/value/empty",
		doc:  doc(&verbs.Call{Field: verbs.CallFieldTo, Value: verbs.Some(""), Commands: []verbs.Command{&verbs.Hangup{}}}),
		xml:  body(`  <Call field="to" value="">`, `    <Hangup/>`, `  </Call>`),
	},
	{
		name: "Call/tag",
		doc:  doc(&verbs.Call{Tag: "vip", Value: verbs.Some("12223334455"), Field: verbs.CallFieldTo}),
		xml:  body(`  <Call field="to" value="12223334455" tag="vip"/>`),
	},

	// Geo
	{name: "Geo", doc: doc(&verbs.Geo{Commands: []verbs.Command{&verbs.Hangup{}}}), xml: body(`  <Geo>`, `    <Hangup/>`, `  </Geo>`)},
	{
		name: "Geo/states/one",
		doc:  doc(&verbs.Geo{States: []string{"NY"}, Commands: []verbs.Command{&verbs.Say{Text: "Hello, New York"}}}),
		xml:  body(`  <Geo states="NY">`, `    <Say>Hello, New York</Say>`, `  </Geo>`),
	},
	{
		name: "Geo/states/many",
		doc:  doc(&verbs.Geo{States: []string{"NY", "NJ", "DC", "PR"}, Commands: []verbs.Command{&verbs.Hangup{}}}),
		xml:  body(`  <Geo states="NY,NJ,DC,PR">`, `    <Hangup/>`, `  </Geo>`),
	},
	{
		name: "Geo/county",
		doc:  doc(&verbs.Geo{States: []string{"NJ"}, County: "ESSEX", Tag: "essex", Commands: []verbs.Command{&verbs.Hangup{}}}),
		xml:  body(`  <Geo states="NJ" county="ESSEX" tag="essex">`, `    <Hangup/>`, `  </Geo>`),
	},

	// Schedule
	{
		name: "Schedule/dow",
		doc: doc(&verbs.Schedule{
			Days:     []verbs.Weekday{verbs.Monday, verbs.Tuesday, verbs.Wednesday, verbs.Thursday, verbs.Friday},
			Commands: []verbs.Command{&verbs.Say{Text: "We are open"}},
		}),
		xml: body(`  <Schedule dow="mon,tue,wed,thu,fri">`, `    <Say>We are open</Say>`, `  </Schedule>`),
	},
	{
		name: "Schedule/time",
		doc:  doc(&verbs.Schedule{Time: "09:00:00-17:30:00", Commands: []verbs.Command{&verbs.Hangup{}}}),
		xml:  body(`  <Schedule time="09:00:00-17:30:00">`, `    <Hangup/>`, `  </Schedule>`),
	},
	{
		name: "Schedule/all",
		doc: doc(&verbs.Schedule{Tag: "weekend", Time: "10:00:00-14:00:00", Days: []verbs.Weekday{verbs.Saturday, verbs.Sunday},
			Commands: []verbs.Command{&verbs.Hangup{}}}),
		xml: body(`  <Schedule dow="sat,sun" time="10:00:00-14:00:00" tag="weekend">`, `    <Hangup/>`, `  </Schedule>`),
	},

	// Hold, Unhold
	{name: "Hold", doc: doc(&verbs.Hold{}), xml: body(`  <Hold/>`)},
	{name: "Hold/timeout", doc: doc(&verbs.Hold{Timeout: verbs.Some[verbs.Millis](300000)}), xml: body(`  <Hold timeout="300000"/>`)},
	{name: "Hold/timeout/zero", doc: doc(&verbs.Hold{Timeout: verbs.Some[verbs.Millis](0)}), xml: body(`  <Hold timeout="0"/>`)},
	{name: "Hold/all", doc: doc(&verbs.Hold{Tag: "parked", Timeout: verbs.Some[verbs.Millis](60000)}), xml: body(`  <Hold timeout="60000" tag="parked"/>`)},
	{name: "Unhold", doc: doc(&verbs.Unhold{}), xml: body(`  <Unhold/>`)},
	{name: "Unhold/tag", doc: doc(&verbs.Unhold{Tag: "parked"}), xml: body(`  <Unhold tag="parked"/>`)},

	// Tone
	{name: "Tone", doc: doc(&verbs.Tone{}), xml: body(`  <Tone/>`)},
	{name: "Tone/hz/one", doc: doc(&verbs.Tone{Hz: []int{1000}}), xml: body(`  <Tone hz="1000"/>`)},
	{name: "Tone/hz/many", doc: doc(&verbs.Tone{Hz: []int{350, 440, 20000}}), xml: body(`  <Tone hz="350,440,20000"/>`)},
	{name: "Tone/don", doc: doc(&verbs.Tone{On: verbs.Some[verbs.Millis](400)}), xml: body(`  <Tone don="400"/>`)},
	{name: "Tone/don/zero", doc: doc(&verbs.Tone{On: verbs.Some[verbs.Millis](0)}), xml: body(`  <Tone don="0"/>`)},
	{name: "Tone/doff", doc: doc(&verbs.Tone{Off: verbs.Some[verbs.Millis](200)}), xml: body(`  <Tone doff="200"/>`)},
	{name: "Tone/doff/zero", doc: doc(&verbs.Tone{Off: verbs.Some[verbs.Millis](0)}), xml: body(`  <Tone doff="0"/>`)},
	{name: "Tone/v", doc: doc(&verbs.Tone{Volume: verbs.Some(-12)}), xml: body(`  <Tone v="-12"/>`)},
	{name: "Tone/v/zero", doc: doc(&verbs.Tone{Volume: verbs.Some(0)}), xml: body(`  <Tone v="0"/>`)},
	{name: "Tone/loop", doc: doc(&verbs.Tone{Loop: verbs.Some(3)}), xml: body(`  <Tone loop="3"/>`)},
	{name: "Tone/timeout", doc: doc(&verbs.Tone{Timeout: verbs.Some[verbs.Millis](30000)}), xml: body(`  <Tone timeout="30000"/>`)},
	{name: "Tone/leg", doc: doc(&verbs.Tone{Leg: verbs.LegA}), xml: body(`  <Tone leg="aleg"/>`)},
	{name: "Tone/tag", doc: doc(&verbs.Tone{Tag: "ringback"}), xml: body(`  <Tone tag="ringback"/>`)},
	{
		name: "Tone/all",
		doc: doc(&verbs.Tone{
			Tag: "ringback", Leg: verbs.LegBoth, Timeout: verbs.Some[verbs.Millis](10000), Loop: verbs.Some(2),
			Volume: verbs.Some(-6), Off: verbs.Some[verbs.Millis](4000), On: verbs.Some[verbs.Millis](2000), Hz: []int{440, 480},
			Children: []verbs.ToneChild{&verbs.Meta{Name: "category", Value: verbs.Some("music")}},
		}),
		xml: body(
			`  <Tone hz="440,480" don="2000" doff="4000" v="-6" loop="2" timeout="10000" leg="both" tag="ringback">`,
			`    <Meta name="category" value="music"/>`,
			`  </Tone>`,
		),
	},

	// Meta
	{name: "Meta/value", doc: doc(&verbs.Meta{Name: "customer", Value: verbs.Some("42")}), xml: body(`  <Meta name="customer" value="42"/>`)},
	{name: "Meta/value/empty", doc: doc(&verbs.Meta{Name: "note", Value: verbs.Some("")}), xml: body(`  <Meta name="note" value=""/>`)},
	{name: "Meta/text", doc: doc(&verbs.Meta{Name: "note", Text: verbs.Some("a short note")}), xml: body(`  <Meta name="note">a short note</Meta>`)},
	{
		name: "Meta/text/lines",
		doc:  doc(&verbs.Meta{Name: "address", Text: verbs.Some("1 Main St.\nSpringfield\n")}),
		xml:  body("  <Meta name=\"address\">1 Main St.\nSpringfield\n</Meta>"),
	},

	// Comments, wherever an element may stand.
	{name: "Comment/Response", doc: doc(&verbs.Comment{Text: " main menu "}, &verbs.Hangup{}), xml: body(`  <!-- main menu -->`, `  <Hangup/>`)},
	{name: "Comment/only", doc: doc(&verbs.Comment{Text: "nothing yet"}), xml: body(`  <!--nothing yet-->`)},
	{name: "Comment/empty", doc: doc(&verbs.Comment{}), xml: body(`  <!---->`)},
	{
		name: "Comment/markup",
		doc:  doc(&verbs.Comment{Text: ` <Say>a & b</Say> "quoted" - single dash `}),
		xml:  body(`  <!-- <Say>a & b</Say> "quoted" - single dash -->`),
	},
	{
		name: "Comment/lines",
		doc:  doc(&verbs.Comment{Text: "\n    SUPPORT TEAM\n    weekdays only\n  "}),
		xml:  body("  <!--\n    SUPPORT TEAM\n    weekdays only\n  -->"),
	},
	{
		name: "Comment/Gather",
		doc: doc(&verbs.Gather{Children: []verbs.GatherChild{
			&verbs.Comment{Text: " SUPPORT TEAM "},
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{
				&verbs.Comment{Text: " in DTMF "},
				&verbs.Hangup{},
			}},
			&verbs.Comment{Text: " DEFAULT BEHAVIOR "},
			&verbs.Default{Commands: []verbs.Command{&verbs.Comment{Text: " in Default "}}},
			&verbs.Error{Commands: []verbs.Command{&verbs.Comment{Text: " in Error "}}},
			&verbs.Comment{Text: " last "},
		}}),
		xml: body(
			`  <Gather>`,
			`    <!-- SUPPORT TEAM -->`,
			`    <DTMF value="1">`,
			`      <!-- in DTMF -->`,
			`      <Hangup/>`,
			`    </DTMF>`,
			`    <!-- DEFAULT BEHAVIOR -->`,
			`    <Default>`,
			`      <!-- in Default -->`,
			`    </Default>`,
			`    <Error>`,
			`      <!-- in Error -->`,
			`    </Error>`,
			`    <!-- last -->`,
			`  </Gather>`,
		),
	},
	{
		name: "Comment/Dial",
		doc: doc(&verbs.Dial{Children: []verbs.DialChild{
			&verbs.Comment{Text: "first"},
			&verbs.To{Destination: "12223334455"},
			&verbs.Comment{Text: "second"},
		}}),
		xml: body(`  <Dial>`, `    <!--first-->`, `    <To>12223334455</To>`, `    <!--second-->`, `  </Dial>`),
	},
	{
		name: "Comment/Tone",
		doc:  doc(&verbs.Tone{Hz: []int{440}, Children: []verbs.ToneChild{&verbs.Comment{Text: "A4"}}}),
		xml:  body(`  <Tone hz="440">`, `    <!--A4-->`, `  </Tone>`),
	},
	{
		name: "Comment/Curl",
		doc:  doc(&verbs.Curl{URL: "https://example.com/hook", Children: []verbs.CurlChild{&verbs.Comment{Text: "no headers"}}}),
		xml:  body(`  <Curl url="https://example.com/hook">`, `    <!--no headers-->`, `  </Curl>`),
	},
	{
		name: "Comment/Callback",
		doc:  doc(&verbs.Callback{URL: "https://example.com/flow", Children: []verbs.CallbackChild{&verbs.Comment{Text: "fallback below"}}}),
		xml:  body(`  <Callback url="https://example.com/flow">`, `    <!--fallback below-->`, `  </Callback>`),
	},
	{
		name: "Comment/Switch",
		doc: doc(&verbs.Gather{NumDigits: verbs.Some(1), Children: []verbs.GatherChild{&verbs.Switch{Children: []verbs.SwitchChild{
			&verbs.Comment{Text: "sales"},
			&verbs.Case{DTMF: "1", Commands: []verbs.Command{&verbs.Comment{Text: "in Case"}}},
		}}}}),
		xml: body(
			`  <Gather numDigits="1">`,
			`    <Switch>`,
			`      <!--sales-->`,
			`      <Case dtmf="1">`,
			`        <!--in Case-->`,
			`      </Case>`,
			`    </Switch>`,
			`  </Gather>`,
		),
	},
	{
		name: "Comment/command-lists",
		doc: doc(
			&verbs.Call{Field: "to", Value: verbs.Some("12223334455"), Commands: []verbs.Command{&verbs.Comment{Text: "Call"}}},
			&verbs.Geo{Commands: []verbs.Command{&verbs.Comment{Text: "Geo"}}},
			&verbs.Schedule{Commands: []verbs.Command{&verbs.Comment{Text: "Schedule"}}},
			&verbs.Record{Commands: []verbs.Command{&verbs.Comment{Text: "Record"}}},
		),
		xml: body(
			`  <Call field="to" value="12223334455">`,
			`    <!--Call-->`,
			`  </Call>`,
			`  <Geo>`,
			`    <!--Geo-->`,
			`  </Geo>`,
			`  <Schedule>`,
			`    <!--Schedule-->`,
			`  </Schedule>`,
			`  <Record>`,
			`    <!--Record-->`,
			`  </Record>`,
		),
	},

	// Attributes the SDK does not model, after the modelled ones.
	{
		name: "Extra/Say",
		doc: doc(&verbs.Say{Text: "Hi", Tag: "t", Lang: "en-US", Extra: []verbs.Attr{
			{Name: "voice_speed", Value: "1.25"},
			{Name: "ssml", Value: "false"},
		}}),
		xml: body(`  <Say lang="en-US" tag="t" voice_speed="1.25" ssml="false">Hi</Say>`),
	},
	{
		name: "Extra/Hangup",
		doc:  doc(&verbs.Hangup{Extra: []verbs.Attr{{Name: "reason", Value: "busy"}}}),
		xml:  body(`  <Hangup reason="busy"/>`),
	},
	{
		name: "Extra/Dial/To",
		doc: doc(&verbs.Dial{Extra: []verbs.Attr{{Name: "caller_id", Value: "+12223334455"}}, Children: []verbs.DialChild{
			&verbs.To{Destination: "12223334456", Extra: []verbs.Attr{{Name: "timeout", Value: "20"}}},
		}}),
		xml: body(`  <Dial caller_id="+12223334455">`, `    <To timeout="20">12223334456</To>`, `  </Dial>`),
	},
	{
		name: "Extra/look-alike",
		doc:  doc(&verbs.Hangup{Tag: `a x=b x="c"`, Extra: []verbs.Attr{{Name: "x", Value: ` tag="1"`}}}),
		xml:  body(`  <Hangup tag="a x=b x=&quot;c&quot;" x=" tag=&quot;1&quot;"/>`),
	},
	{
		name: "Extra/Curl/escaped",
		doc: doc(&verbs.Curl{URL: "https://example.com/hook", Extra: []verbs.Attr{
			{Name: "headers", Value: `{"X-Key": "a&b"}`},
			{Name: "data-x.y_z", Value: ""},
		}}),
		xml: body(`  <Curl url="https://example.com/hook" headers="{&quot;X-Key&quot;: &quot;a&amp;b&quot;}" data-x.y_z=""/>`),
	},

	// Elements the SDK does not model.
	{
		name: "Raw/empty",
		doc:  doc(&verbs.RawElement{Name: "Transfer"}),
		xml:  body(`  <Transfer/>`),
	},
	{
		name: "Raw/attrs",
		doc: doc(&verbs.RawElement{Name: "Transfer", Attrs: []verbs.Attr{
			{Name: "to", Value: "sip:bob@example.com"},
			{Name: "mode", Value: "blind"},
		}}),
		xml: body(`  <Transfer to="sip:bob@example.com" mode="blind"/>`),
	},
	{
		name: "Raw/text",
		doc: doc(&verbs.RawElement{Name: "Sms", Attrs: []verbs.Attr{{Name: "to", Value: "12223334455"}}, Children: []verbs.RawChild{
			&verbs.RawText{Text: "Thanks for calling & goodbye <3"},
		}}),
		xml: body(`  <Sms to="12223334455">Thanks for calling &amp; goodbye &lt;3</Sms>`),
	},
	{
		name: "Raw/children",
		doc: doc(&verbs.RawElement{Name: "Queue", Attrs: []verbs.Attr{{Name: "name", Value: "support"}}, Children: []verbs.RawChild{
			&verbs.Comment{Text: " members "},
			&verbs.RawElement{Name: "Member", Attrs: []verbs.Attr{{Name: "id", Value: "1"}}},
			&verbs.RawElement{Name: "Member", Children: []verbs.RawChild{
				&verbs.RawElement{Name: "Skill", Children: []verbs.RawChild{&verbs.RawText{Text: "billing"}}},
			}},
		}}),
		xml: body(
			`  <Queue name="support">`,
			`    <!-- members -->`,
			`    <Member id="1"/>`,
			`    <Member>`,
			`      <Skill>billing</Skill>`,
			`    </Member>`,
			`  </Queue>`,
		),
	},
	{
		name: "Raw/mixed",
		doc: doc(&verbs.RawElement{Name: "Ssml", Children: []verbs.RawChild{
			&verbs.RawText{Text: "Press "},
			&verbs.RawElement{Name: "emphasis", Children: []verbs.RawChild{&verbs.RawText{Text: "one"}}},
			&verbs.RawText{Text: " now."},
			&verbs.RawElement{Name: "break", Attrs: []verbs.Attr{{Name: "time", Value: "1s"}}},
			&verbs.Comment{Text: "end"},
		}}),
		xml: body(`  <Ssml>Press <emphasis>one</emphasis> now.<break time="1s"/><!--end--></Ssml>`),
	},
	{
		name: "Raw/in-children",
		doc: doc(
			&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "12223334455"}, &verbs.RawElement{Name: "Whisper"}}},
			&verbs.Gather{Children: []verbs.GatherChild{&verbs.RawElement{Name: "Speech"}}},
			&verbs.Tone{Children: []verbs.ToneChild{&verbs.RawElement{Name: "Fade"}}},
			&verbs.Curl{URL: "https://example.com/hook", Children: []verbs.CurlChild{&verbs.RawElement{Name: "Header"}}},
			&verbs.Callback{URL: "https://example.com/flow", Children: []verbs.CallbackChild{&verbs.RawElement{Name: "Retry"}}},
		),
		xml: body(
			`  <Dial>`,
			`    <To>12223334455</To>`,
			`    <Whisper/>`,
			`  </Dial>`,
			`  <Gather>`,
			`    <Speech/>`,
			`  </Gather>`,
			`  <Tone>`,
			`    <Fade/>`,
			`  </Tone>`,
			`  <Curl url="https://example.com/hook">`,
			`    <Header/>`,
			`  </Curl>`,
			`  <Callback url="https://example.com/flow">`,
			`    <Retry/>`,
			`  </Callback>`,
		),
	},

	// Escaping: & < > and CR in text; & < > " tab LF CR in attributes.
	{
		name: "Escape/text",
		doc:  doc(&verbs.Say{Text: `Tom & Jerry <3 > "you" 'me' ]]>`}),
		xml:  body(`  <Say>Tom &amp; Jerry &lt;3 &gt; "you" 'me' ]]&gt;</Say>`),
	},
	{
		name: "Escape/text/white-space",
		doc:  doc(&verbs.Say{Text: "a\tb\nc\r\nd"}),
		xml:  body("  <Say>a\tb\nc&#xD;\nd</Say>"),
	},
	{
		name: "Escape/attr",
		doc:  doc(&verbs.Hangup{Tag: `Tom & Jerry <3 > "you" 'me'`}),
		xml:  body(`  <Hangup tag="Tom &amp; Jerry &lt;3 > &quot;you&quot; 'me'"/>`),
	},
	{
		name: "Escape/attr/white-space",
		doc:  doc(&verbs.Meta{Name: "lines", Value: verbs.Some("a\tb\nc\r\nd")}),
		xml:  body(`  <Meta name="lines" value="a&#x9;b&#xA;c&#xD;&#xA;d"/>`),
	},
	{
		name: "Escape/text/To",
		doc:  doc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "a&b<c>@example.com"}}}),
		xml:  body(`  <Dial>`, `    <To>a&amp;b&lt;c&gt;@example.com</To>`, `  </Dial>`),
	},
	{
		name: "Escape/Meta/text",
		doc:  doc(&verbs.Meta{Name: "q&a", Text: verbs.Some("<b>bold</b> & co")}),
		xml:  body(`  <Meta name="q&amp;a">&lt;b&gt;bold&lt;/b&gt; &amp; co</Meta>`),
	},
	{
		name: "Escape/unicode",
		doc:  doc(&verbs.Say{Tag: "café ☕", Text: "Grüße 𝄞 \u00a0\ufffd"}),
		xml:  body("  <Say tag=\"café ☕\">Grüße 𝄞 \u00a0\ufffd</Say>"),
	},
	{
		name: "Escape/lists",
		doc:  doc(&verbs.Geo{States: []string{"N&Y", `"NJ"`}, County: "<ESSEX>"}),
		xml:  body(`  <Geo states="N&amp;Y,&quot;NJ&quot;" county="&lt;ESSEX>"/>`),
	},
}
