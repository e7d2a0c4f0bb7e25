package render

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/opentact-go/opentact/verbs"
)

// goldenDocs are the larger documents of TestMarshal, by golden file name.
var goldenDocs = []struct {
	name string
	doc  *verbs.Response
}{
	{"ivr", ivrDoc()},
	{"voicemail", voicemailDoc()},
	{"business-hours", businessHoursDoc()},
	{"geo-routing", geoRoutingDoc()},
	{"dial-error", dialErrorDoc()},
}

// voicemailDoc records a message while the caller talks, then plays it
// back and offers to record again.
func voicemailDoc() *verbs.Response {
	return doc(
		&verbs.Answer{Delay: verbs.Some[verbs.Millis](0), Tag: "voicemail"},
		&verbs.Say{Text: "Please leave a message after the tone. Press # when you are done.", Lang: "en-US"},
		&verbs.Tone{Hz: []int{1000}, On: verbs.Some[verbs.Millis](500), Loop: verbs.Some(1)},
		&verbs.Record{Tag: "message", ASR: verbs.Some(true), Timeout: verbs.Some[verbs.Millis](120000), Commands: []verbs.Command{
			&verbs.Pause{Length: verbs.Some[verbs.Millis](120000), DTMFStop: "#"},
		}},
		&verbs.Say{Text: "You said:"},
		&verbs.Play{Record: "message"},
		&verbs.Error{Play: verbs.Some(false), Commands: []verbs.Command{
			&verbs.Say{Text: "Your message could not be played back."},
		}},
		&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{
				&verbs.Say{Text: "Message saved. Goodbye!"},
				&verbs.Curl{URL: "https://api.example.com/voicemail", Method: verbs.MethodPost, Children: []verbs.CurlChild{
					&verbs.Meta{Name: "recording", Value: verbs.Some("message")},
				}},
			}},
			&verbs.DTMF{Value: "2", Commands: []verbs.Command{
				&verbs.RecordStart{Tag: "retry"},
				&verbs.Pause{Length: verbs.Some[verbs.Millis](60000), DTMFStop: "#"},
				&verbs.RecordStop{Tag: "retry"},
				&verbs.RecordWait{Tag: "retry"},
				&verbs.Play{Record: "retry", Leg: verbs.LegA},
			}},
		}},
		&verbs.Hangup{Tag: "VoicemailDone"},
	)
}

// businessHoursDoc routes calls by day and time, with hold music.
func businessHoursDoc() *verbs.Response {
	return doc(
		&verbs.Comment{Text: " Office hours: weekdays 9 to 5, Saturday mornings "},
		&verbs.Schedule{
			Days: []verbs.Weekday{verbs.Monday, verbs.Tuesday, verbs.Wednesday, verbs.Thursday, verbs.Friday},
			Time: "09:00:00-17:00:00", Tag: "open",
			Commands: []verbs.Command{
				&verbs.Say{Text: "Thank you for calling. Connecting you now."},
				&verbs.Hold{Timeout: verbs.Some[verbs.Millis](30000)},
				&verbs.Unhold{},
				&verbs.Dial{Tag: "office", Children: []verbs.DialChild{
					&verbs.To{Destination: "reception@sip.example.com"},
					&verbs.Meta{Name: "queue", Value: verbs.Some("front-desk")},
				}},
				&verbs.Hangup{},
			},
		},
		&verbs.Schedule{Days: []verbs.Weekday{verbs.Saturday}, Time: "09:00:00-12:00:00", Commands: []verbs.Command{
			&verbs.Say{Text: "Our weekend team will answer shortly.", Type: verbs.WaveNet, Gender: verbs.Male, Code: "en-US-Wavenet-D"},
			&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "+12223334455"}}},
			&verbs.Hangup{},
		}},
		&verbs.Say{Text: "We are closed. Our hours are 9 to 5, Monday to Friday, & Saturday mornings.", Loop: verbs.Some(2)},
		&verbs.Hangup{Tag: "Closed"},
	)
}

// geoRoutingDoc routes callers by state and county, and by number.
func geoRoutingDoc() *verbs.Response {
	return doc(
		&verbs.Answer{},
		&verbs.Call{Field: verbs.CallFieldFrom, Value: verbs.Some("12223334455"), Commands: []verbs.Command{
			&verbs.Say{Text: "Welcome back, our favourite customer."},
			&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "vip@sip.example.com"}}},
			&verbs.Hangup{},
		}},
		&verbs.Geo{States: []string{"NJ"}, County: "ESSEX", Commands: []verbs.Command{
			&verbs.Say{Text: "Connecting you to our Newark office."},
			&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "newark@sip.example.com"}}},
			&verbs.Hangup{},
		}},
		&verbs.Geo{States: []string{"NY", "NJ", "CT"}, Tag: "tri-state", Commands: []verbs.Command{
			&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "east@sip.example.com"}}},
			&verbs.Hangup{},
		}},
		&verbs.Geo{Commands: []verbs.Command{
			&verbs.Callback{URL: "https://route.example.com/flow?region=other", Method: verbs.MethodGet, Timeout: verbs.Some[verbs.Millis](5000)},
		}},
	)
}

// dialErrorDoc dials several destinations and handles every failure.
func dialErrorDoc() *verbs.Response {
	return doc(
		&verbs.Say{Text: "Please wait while we connect your call."},
		&verbs.Play{URL: "https://media.example.com/ringback.wav", Loop: verbs.Some(3), Leg: verbs.LegA, Tag: "ringback"},
		&verbs.Dial{Tag: "agents", Children: []verbs.DialChild{
			&verbs.To{Destination: "sip:agent1@sip.example.com"},
			&verbs.To{Destination: "agent2@sip.example.com:5080"},
			&verbs.To{Destination: "12223334455"},
			&verbs.Error{Play: verbs.Some(true), Tag: "no-answer", Commands: []verbs.Command{
				&verbs.Say{Text: "Nobody is available. Please leave a message."},
				&verbs.Record{Tag: "missed", Timeout: verbs.Some[verbs.Millis](60000)},
				&verbs.Callback{URL: "https://api.example.com/missed?agent=all&notify=1", Method: verbs.MethodPost, Body: verbs.Some(true),
					Children: []verbs.CallbackChild{
						&verbs.Error{Commands: []verbs.Command{&verbs.Hangup{Tag: "CallbackFailed"}}},
					}},
			}},
			&verbs.Meta{Name: "campaign", Value: verbs.Some("spring <2026>")},
		}},
		&verbs.Hangup{},
	)
}

// TestMarshal compares the documents of goldenDocs, in both layouts, with
// the files under testdata/TestMarshal, and checks that parsing a golden
// file and rendering it again gives it back byte for byte.
func TestMarshal(t *testing.T) {
	t.Parallel()
	layouts := []struct {
		suffix string
		opts   []Option
	}{
		{".xml", nil},
		{".compact.xml", []Option{Compact()}},
	}
	for _, g := range goldenDocs {
		for _, l := range layouts {
			t.Run(g.name+l.suffix, func(t *testing.T) {
				t.Parallel()
				got, err := Marshal(g.doc, l.opts...)
				if err != nil {
					t.Fatalf("Marshal: %v", err)
				}
				path := filepath.Join("testdata", "TestMarshal", g.name+l.suffix)
				if *update {
					if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, got, 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v\nto create it: go test ./render -run TestMarshal -update", err)
				}
				if diff := cmp.Diff(string(want), string(got)); diff != "" {
					t.Fatalf("Marshal differs from %s (-want +got):\n%s\nto update: go test ./render -run TestMarshal -update", path, diff)
				}

				parsed, err := Parse(want)
				if err != nil {
					t.Fatalf("Parse(%s): %v", path, err)
				}
				if diff := cmp.Diff(g.doc, parsed); diff != "" {
					t.Errorf("Parse(%s) mismatch (-want +got):\n%s", path, diff)
				}
				again, err := Append(nil, parsed, l.opts...)
				if err != nil {
					t.Fatal(err)
				}
				if string(again) != string(want) {
					t.Errorf("parse → render of %s is not byte-identical:\n%s", path, again)
				}
			})
		}
	}
}
