package flowgraph

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/opentact-go/opentact/verbs"
)

var errNoDocument = errors.New("the fetcher returned no document")

func errTooMany(n int) error {
	return fmt.Errorf("not fetched: more than %d documents", n)
}

// maxLabel is how many characters of content a label shows.
const maxLabel = 40

// holdsCommands reports whether the children of n form a command list.
func holdsCommands(n verbs.Node) bool {
	switch n.(type) {
	case *verbs.Response, *verbs.DTMF, *verbs.Default, *verbs.Error, *verbs.Call,
		*verbs.Geo, *verbs.Schedule, *verbs.Record, *verbs.Case:
		return true
	}
	return false
}

// commandLabel returns the label of a command that is a step of the call:
// not a comment, a Meta (data attached to the command before it) or an
// Error item (drawn as an edge).
func commandLabel(n verbs.Node) (string, bool) {
	switch v := n.(type) {
	case *verbs.Comment, *verbs.Meta, *verbs.Error:
		return "", false
	case *verbs.Say:
		return "Say: " + short(v.Text), true
	case *verbs.Play:
		if v.Record != "" {
			return "Play recording " + short(v.Record), true
		}
		return "Play: " + short(v.URL), true
	case *verbs.Pause:
		return "Pause" + millis(v.Length) + keys(v.DTMFStop), true
	case *verbs.Answer:
		return "Answer" + millis(v.Delay), true
	case *verbs.Hangup:
		return "Hangup" + tagged(v.Tag), true
	case *verbs.Dial:
		return "Dial " + short(strings.Join(verbs.Destinations(v), ", ")), true
	case *verbs.Gather:
		return gatherLabel(v), true
	case *verbs.Callback:
		return "Callback" + method(v.Method), true
	case *verbs.Curl:
		return "Curl" + method(v.Method), true
	case *verbs.Call:
		return "Call: " + short(v.Field+" = "+v.Value.Val), true
	case *verbs.Geo:
		return "Geo: " + short(geoWhere(v)), true
	case *verbs.Schedule:
		return "Schedule: " + short(scheduleWhen(v)), true
	case *verbs.Record:
		return "Record" + tagged(v.Tag), true
	case *verbs.RecordStart:
		return "RecordStart" + tagged(v.Tag), true
	case *verbs.RecordStop:
		return "RecordStop" + tagged(v.Tag), true
	case *verbs.RecordWait:
		return "RecordWait" + tagged(v.Tag), true
	case *verbs.Hold:
		return "Hold" + millis(v.Timeout), true
	case *verbs.Unhold:
		return "Unhold", true
	case *verbs.Tone:
		return "Tone" + hz(v.Hz), true
	case *verbs.RawElement:
		return "<" + v.Name + "> (not modelled)", true
	}
	return "", false
}

func gatherLabel(g *verbs.Gather) string {
	label := "Gather"
	n := g.DTMFLength
	if !n.Set {
		n = g.NumDigits
	}
	if n.Set {
		label += " " + strconv.Itoa(n.Val) + " digit"
		if n.Val != 1 {
			label += "s"
		}
	}
	stop := g.DTMFStop
	if stop == "" {
		stop = g.FinishOnKey
	}
	label += keys(stop)
	var prompts []string
	for _, c := range g.Children {
		switch v := c.(type) {
		case *verbs.Say:
			prompts = append(prompts, v.Text)
		case *verbs.Play:
			prompts = append(prompts, "play "+v.URL+v.Record)
		}
	}
	if len(prompts) > 0 {
		label += ": " + short(strings.Join(prompts, " / "))
	}
	return label
}

func geoWhere(g *verbs.Geo) string {
	where := strings.Join(g.States, ",")
	if g.County != "" {
		where = strings.TrimPrefix(where+" / "+g.County, " / ")
	}
	if where == "" {
		return "anywhere"
	}
	return where
}

func scheduleWhen(s *verbs.Schedule) string {
	days := make([]string, len(s.Days))
	for i, d := range s.Days {
		days[i] = string(d)
	}
	when := strings.TrimSpace(strings.Join(days, ",") + " " + s.Time)
	if when == "" {
		return "always"
	}
	return when
}

func millis(m verbs.Opt[verbs.Millis]) string {
	if !m.Set {
		return ""
	}
	return " " + strconv.FormatInt(int64(m.Val), 10) + " ms"
}

func keys(stop string) string {
	if stop == "" {
		return ""
	}
	return " (stop " + stop + ")"
}

func tagged(tag string) string {
	if tag == "" {
		return ""
	}
	return " " + short(tag)
}

func method(m verbs.Method) string {
	if m == "" {
		return ""
	}
	return " " + string(m)
}

func hz(list []int) string {
	if len(list) == 0 {
		return ""
	}
	s := make([]string, len(list))
	for i, f := range list {
		s[i] = strconv.Itoa(f)
	}
	return " " + short(strings.Join(s, ",")) + " Hz"
}

// short returns text on one line, cut after maxLabel characters with an
// ellipsis. Invalid UTF-8 and control characters are shown as U+FFFD, so
// every output format stays well formed; the document itself is untouched.
func short(text string) string {
	text = strings.Join(strings.Fields(sanitize(text)), " ")
	if utf8.RuneCountInString(text) <= maxLabel {
		return text
	}
	cut := 0
	for i := range text {
		if cut == maxLabel-1 {
			return strings.TrimRight(text[:i], " ") + "…"
		}
		cut++
	}
	return text
}

// sanitize shows invalid UTF-8 and control characters as U+FFFD.
func sanitize(text string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f || r == 0xFFFE || r == 0xFFFF {
			return '\uFFFD'
		}
		return r
	}, strings.ToValidUTF8(text, "\uFFFD"))
}
