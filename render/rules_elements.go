package render

import (
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// element applies the rules about a node's own attributes and text.
// el is the element of n, nil for a comment or raw content.
func (c *checker) element(n verbs.Node, l loc, el *table.Element) {
	if el == nil {
		// A comment, raw content or a type of another package.
		if v, ok := n.(*verbs.RawElement); ok {
			c.rawElement(v, l)
		}
		return
	}
	c.extra(n, l, el)
	c.legacy(n, l, el)
	switch v := n.(type) {
	case *verbs.Say:
		c.say(v, l)
	case *verbs.Play:
		c.play(v, l)
	case *verbs.Record:
		c.record(v.Tag)
	case *verbs.RecordStart:
		c.record(v.Tag)
	case *verbs.RecordStop:
		c.recordRef(l, v.Tag)
	case *verbs.RecordWait:
		c.recordRef(l, v.Tag)
	case *verbs.Meta:
		c.meta(v, l)
	case *verbs.Call:
		c.call(v, l)
	case *verbs.Geo:
		c.geo(v, l)
	case *verbs.Schedule:
		c.schedule(v, l)
	}
}

// say: the text is required and not only white space.
func (c *checker) say(s *verbs.Say, l loc) {
	switch {
	case s.Text == "":
		c.errorf(l, "required", "<Say> needs text to speak")
	case s.Text[0] > ' ' && s.Text[0] < utf8.RuneSelf:
		// Not white space, which strings.TrimSpace would have to read.
	case strings.TrimSpace(s.Text) == "":
		c.errorf(l, "blank", "<Say> text must not be only white space")
	}
}

// play: exactly one of a URL and a record name; a URL is expected to name
// an .mp3 or .wav file, a record name an earlier recording.
func (c *checker) play(pl *verbs.Play, l loc) {
	switch {
	case pl.URL == "" && pl.Record == "":
		c.errorf(l, "one-of", "<Play> needs a URL (its text) or a record attribute")
	case pl.URL != "" && pl.Record != "":
		c.errorf(l, "one-of", "<Play> takes a URL or a record attribute, not both")
	}
	if pl.URL != "" && !audioURLOK(pl.URL) {
		c.warnf(l, "audio-ext", "audio URL %q does not end in .mp3 or .wav", pl.URL)
	}
	if pl.Record != "" && !c.recorded[pl.Record] {
		c.attrWarnf(l, "record", "record-ref", "record %q names no earlier <Record tag=%q>", pl.Record, pl.Record)
	}
}

// audioURLOK reports whether an audio URL draws no audio-ext warning: it
// is not an http or https URL, or its path ends in .mp3 or .wav.
func audioURLOK(raw string) bool {
	if start, end, ok := plainHTTPURL(raw); ok {
		// ASCII without escapes: the path is raw[start:end] as it is.
		ext := path.Ext(raw[start:end])
		return strings.EqualFold(ext, ".mp3") || strings.EqualFold(ext, ".wav")
	}
	if !parsedHTTPURL(raw) {
		return true
	}
	ext := audioExt(raw)
	return ext == ".mp3" || ext == ".wav"
}

// audioExt returns the lower-case extension of a URL's path.
func audioExt(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.ToLower(path.Ext(u.Path))
}

// record notes a recording's tag for the <Play record> rule.
func (c *checker) record(tag string) {
	if tag != "" {
		if c.recorded == nil {
			c.recorded = make(map[string]bool)
		}
		c.recorded[tag] = true
	}
}

// recordRef: a <RecordStop> or <RecordWait> tag names a <RecordStart>.
func (c *checker) recordRef(l loc, tag string) {
	if tag != "" && !c.startedTags()[tag] {
		c.attrWarnf(l, "tag", "record-ref", "tag %q matches no <RecordStart> in the document", tag)
	}
}

// meta: exactly one of a value attribute and text content; set text must
// not be empty, which could not be written and read back.
func (c *checker) meta(m *verbs.Meta, l loc) {
	switch {
	case m.Value.Set && m.Text.Set:
		c.errorf(l, "one-of", "<Meta> takes a value attribute or text content, not both")
	case !m.Value.Set && !m.Text.Set:
		c.errorf(l, "one-of", "<Meta> needs a value attribute or text content")
	case m.Text.Set && m.Text.Val == "":
		c.errorf(l, "empty-text", `<Meta> text content is set but empty, which cannot be written and read back; use value=""`)
	}
}

// call: value is required (it may be empty); fields other than to and
// from are undocumented.
func (c *checker) call(cl *verbs.Call, l loc) {
	if !cl.Value.Set {
		c.attrErrorf(l, "value", "required", "%s is required", c.attrLabel(l, "value"))
	}
	if cl.Field != "" && cl.Field != verbs.CallFieldTo && cl.Field != verbs.CallFieldFrom {
		c.attrWarnf(l, "field", "call-field", "field %q is not one of the documented fields to and from", cl.Field)
	}
}

// geo: no repeated state, codes in upper case, no county without states.
func (c *checker) geo(g *verbs.Geo, l loc) {
	seen := make(map[string]int, len(g.States))
	for _, s := range g.States {
		seen[s]++
		if seen[s] == 2 {
			c.attrErrorf(l, "states", "duplicate", "%s lists %q more than once", c.attrLabel(l, "states"), s)
		}
		if isUSPS(s) && s != strings.ToUpper(s) && seen[s] == 1 {
			c.attrWarnf(l, "states", "state-case", "state code %q should be written in upper case, %s", s, strings.ToUpper(s))
		}
	}
	if g.County != "" && len(g.States) == 0 {
		c.attrWarnf(l, "county", "county", "%s is set without %s", c.attrLabel(l, "county"), c.attrLabel(l, "states"))
	}
}

// schedule: no repeated day; a time range that ends before it starts
// spans midnight.
func (c *checker) schedule(s *verbs.Schedule, l loc) {
	seen := make(map[verbs.Weekday]int, len(s.Days))
	for _, d := range s.Days {
		seen[d]++
		if seen[d] == 2 {
			c.attrErrorf(l, "dow", "duplicate", "%s lists %q more than once", c.attrLabel(l, "dow"), d)
		}
	}
	if start, end, ok := parseTimeRange(s.Time); ok && start > end {
		c.attrWarnf(l, "time", "overnight", "time range %q ends before it starts, so it spans midnight", s.Time)
	}
}
