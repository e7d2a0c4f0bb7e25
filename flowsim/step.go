package flowsim

import (
	"fmt"
	"strings"
	"time"

	"github.com/opentact-go/opentact/render"
)

// Outcome says how a step went.
type Outcome string

// The outcomes of a step.
const (
	// OK: the command did what it does (a Say was spoken, a Gather
	// collected, a Dial was answered, a request got a document).
	OK Outcome = "ok"
	// Failed: the command failed, so an <Error> block may run (a Dial
	// nobody answered, a request that failed, a Play of a missing
	// recording).
	Failed Outcome = "failed"
	// Skipped: a condition (<Schedule>, <Geo>, <Call>) did not match, or
	// an element the simulator does not model was passed over.
	Skipped Outcome = "skipped"
	// Invalid: a document failed to parse or to validate, the step's
	// Findings hold why; or the caller's script pressed a key no phone
	// keypad has, the step's Detail names it.
	Invalid Outcome = "invalid"
	// Fallback: a request was answered with the handler's fallback flow
	// (webhook.CallFlowHandler serves it when the function fails, panics
	// or times out).
	FellBack Outcome = "fallback"
)

// Step is one line of a call's transcript: a command run, something the
// caller did, a request made, or the start and the end of the call.
type Step struct {
	// Elapsed is the simulated time since the call started, when the step
	// began.
	Elapsed time.Duration
	// Duration is the simulated time the step took.
	Duration time.Duration
	// Document is the 1-based number of the document the step ran in, in
	// the order the call fetched them; 0 for the steps of the call itself.
	Document int
	// Path is the XPath-style location of the element in its document, as
	// render reports it (/Response/Gather[1]/DTMF[2]/Say[1]); "" for the
	// steps of the call itself.
	Path string
	// Element is the element's name (Say, Gather, …), or for the steps of
	// the call itself "call" (the start), "fetch" (the call_flow_url
	// request), "check" (a finding about a document) and "end".
	Element string
	// Outcome says how the step went.
	Outcome Outcome
	// Heard is what the caller heard: the text of a Say, the URL or
	// recording of a Play, a tone's description; "" when nothing.
	Heard string
	// Caller is what the caller did at this step: "pressed 12#", "silent",
	// "hung up"; "" when the step asked nothing of the caller.
	Caller string
	// Detail says the rest in words: the branch taken, who answered, why a
	// command failed.
	Detail string
	// Exchange is the HTTP request and reply of the step, when it made one.
	Exchange *Exchange
	// Findings are the findings of render.Check about a fetched document
	// (errors only) or the simulator's own finding (a step limit).
	Findings render.Diagnostics
}

// Exchange is one HTTP request the platform made during the call and its
// reply.
type Exchange struct {
	Method string
	// URL is the full request URL, query included.
	URL string
	// RequestBody is the body sent (a call object for a POST), nil when
	// none.
	RequestBody []byte
	// Status is the reply's status code, 0 when there was no reply.
	Status int
	// Body is the reply's body.
	Body []byte
	// Err says why the request failed when it did: no route, a timeout, a
	// panic of the handler, a status other than 2xx.
	Err string
}

// Transcript is the steps of a call in order. Its text form (String,
// MarshalText) is one line per step, the format the package documentation
// describes, so flowtest.GoldenText can compare it with a golden file.
type Transcript []Step

// String returns the text form of the transcript: one line per step, each
// ending in a newline.
func (t Transcript) String() string {
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// MarshalText returns the text form of the transcript.
func (t Transcript) MarshalText() ([]byte, error) { return []byte(t.String()), nil }

// Heard returns what the caller heard, in order: one entry per Say (its
// text), Play (its URL or recording) and Tone.
func (t Transcript) Heard() []string {
	var out []string
	for _, s := range t {
		if s.Heard != "" {
			out = append(out, s.Heard)
		}
	}
	return out
}

// String formats the step as one line:
//
//	ELAPSED DOC PATH ELEMENT[ OUTCOME]: PART; PART; … (DURATION)
//
// See the package documentation for the fields.
func (s Step) String() string {
	var b strings.Builder
	b.WriteString(formatElapsed(s.Elapsed))
	b.WriteByte(' ')
	if s.Document > 0 {
		fmt.Fprintf(&b, "#%d", s.Document)
	} else {
		b.WriteByte('-')
	}
	b.WriteByte(' ')
	if s.Path != "" {
		b.WriteString(s.Path)
	} else {
		b.WriteByte('-')
	}
	b.WriteByte(' ')
	b.WriteString(s.Element)
	if s.Outcome != OK && s.Outcome != "" {
		b.WriteByte(' ')
		b.WriteString(string(s.Outcome))
	}
	b.WriteByte(':')
	for i, part := range s.parts() {
		if i > 0 {
			b.WriteByte(';')
		}
		if part != "" && part[0] != ' ' {
			b.WriteByte(' ')
		}
		b.WriteString(part)
	}
	return b.String()
}

// parts returns the detail fields of the text form, in order.
func (s Step) parts() []string {
	var parts []string
	if s.Heard != "" {
		parts = append(parts, quote(s.Heard))
	}
	if s.Caller != "" {
		parts = append(parts, "caller "+s.Caller)
	}
	if s.Detail != "" {
		parts = append(parts, oneLine(s.Detail))
	}
	if x := s.Exchange; x != nil {
		e := x.Method + " " + x.URL
		if x.Status != 0 {
			e += fmt.Sprintf(" -> %d", x.Status)
		}
		if x.Err != "" {
			e += " (" + oneLine(x.Err) + ")"
		}
		parts = append(parts, e)
	}
	for _, d := range s.Findings {
		parts = append(parts, "["+oneLine(d.String())+"]")
	}
	if s.Duration > 0 {
		if len(parts) == 0 {
			parts = append(parts, "")
		}
		parts[len(parts)-1] += " (" + formatDuration(s.Duration) + ")"
	}
	return parts
}

// formatElapsed writes d as M:SS.mmm.
func formatElapsed(d time.Duration) string {
	ms := d.Milliseconds()
	return fmt.Sprintf("%d:%02d.%03d", ms/60000, ms/1000%60, ms%1000)
}

// formatDuration writes a step's length as seconds with up to three
// decimals: 2.4s, 30s.
func formatDuration(d time.Duration) string {
	ms := d.Milliseconds()
	if ms%1000 == 0 {
		return fmt.Sprintf("%ds", ms/1000)
	}
	return strings.TrimRight(fmt.Sprintf("%d.%03d", ms/1000, ms%1000), "0") + "s"
}

// quote quotes spoken text as a Go string literal, so that a line break or
// a quote inside it cannot break the one-line-per-step form.
func quote(s string) string { return fmt.Sprintf("%q", s) }

// oneLine replaces line breaks, so a detail stays on its step's line.
func oneLine(s string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
