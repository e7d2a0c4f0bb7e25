package render

import (
	"net/url"
	"path"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// element applies the rules about a node's own attributes and text.
func (c *checker) element(n verbs.Node, p string) {
	switch v := n.(type) {
	case *verbs.Comment, *verbs.RawText:
		return
	case *verbs.RawElement:
		c.rawElement(v, p)
		return
	}
	spec, _ := verbs.LookupElement(n.ElementName())
	c.extra(n, p, spec)
	c.legacy(n, p, spec)
	switch v := n.(type) {
	case *verbs.Say:
		c.say(v, p)
	case *verbs.Play:
		c.play(v, p)
	case *verbs.Record:
		c.record(v.Tag)
	case *verbs.RecordStart:
		c.record(v.Tag)
	case *verbs.RecordStop:
		c.recordRef(v, p, v.Tag)
	case *verbs.RecordWait:
		c.recordRef(v, p, v.Tag)
	case *verbs.Meta:
		c.meta(v, p)
	case *verbs.Call:
		c.call(v, p)
	case *verbs.Geo:
		c.geo(v, p)
	case *verbs.Schedule:
		c.schedule(v, p)
	}
}

// say: the text is required and not only white space.
func (c *checker) say(s *verbs.Say, p string) {
	switch {
	case s.Text == "":
		c.errorf(s, p, "required", "<Say> needs text to speak")
	case strings.TrimSpace(s.Text) == "":
		c.errorf(s, p, "blank", "<Say> text must not be only white space")
	}
}

// play: exactly one of a URL and a record name; a URL is expected to name
// an .mp3 or .wav file, a record name an earlier recording.
func (c *checker) play(pl *verbs.Play, p string) {
	switch {
	case pl.URL == "" && pl.Record == "":
		c.errorf(pl, p, "one-of", "<Play> needs a URL (its text) or a record attribute")
	case pl.URL != "" && pl.Record != "":
		c.errorf(pl, p, "one-of", "<Play> takes a URL or a record attribute, not both")
	}
	if pl.URL != "" && isHTTPURL(pl.URL) {
		if ext := audioExt(pl.URL); ext != ".mp3" && ext != ".wav" {
			c.warnf(pl, p, "audio-ext", "audio URL %q does not end in .mp3 or .wav", pl.URL)
		}
	}
	if pl.Record != "" && !c.recorded[pl.Record] {
		c.warnf(pl, attrPath(p, "record"), "record-ref", "record %q names no earlier <Record tag=%q>", pl.Record, pl.Record)
	}
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
		c.recorded[tag] = true
	}
}

// recordRef: a <RecordStop> or <RecordWait> tag names a <RecordStart>.
func (c *checker) recordRef(n verbs.Node, p, tag string) {
	if tag != "" && !c.started[tag] {
		c.warnf(n, attrPath(p, "tag"), "record-ref", "tag %q matches no <RecordStart> in the document", tag)
	}
}

// meta: exactly one of a value attribute and text content; set text must
// not be empty, which could not be written and read back.
func (c *checker) meta(m *verbs.Meta, p string) {
	switch {
	case m.Value.Set && m.Text.Set:
		c.errorf(m, p, "one-of", "<Meta> takes a value attribute or text content, not both")
	case !m.Value.Set && !m.Text.Set:
		c.errorf(m, p, "one-of", "<Meta> needs a value attribute or text content")
	case m.Text.Set && m.Text.Val == "":
		c.errorf(m, p, "empty-text", `<Meta> text content is set but empty, which cannot be written and read back; use value=""`)
	}
}

// call: value is required (it may be empty); fields other than to and
// from are undocumented.
func (c *checker) call(cl *verbs.Call, p string) {
	if !cl.Value.Set {
		c.errorf(cl, attrPath(p, "value"), "required", "value is required")
	}
	if cl.Field != "" && cl.Field != verbs.CallFieldTo && cl.Field != verbs.CallFieldFrom {
		c.warnf(cl, attrPath(p, "field"), "call-field", "field %q is not one of the documented fields to and from", cl.Field)
	}
}

// geo: no repeated state, codes in upper case, no county without states.
func (c *checker) geo(g *verbs.Geo, p string) {
	seen := make(map[string]int, len(g.States))
	for _, s := range g.States {
		seen[s]++
		if seen[s] == 2 {
			c.errorf(g, attrPath(p, "states"), "duplicate", "states lists %q more than once", s)
		}
		if isUSPS(s) && s != strings.ToUpper(s) && seen[s] == 1 {
			c.warnf(g, attrPath(p, "states"), "state-case", "state code %q should be written in upper case, %s", s, strings.ToUpper(s))
		}
	}
	if g.County != "" && len(g.States) == 0 {
		c.warnf(g, attrPath(p, "county"), "county", "county is set without states")
	}
}

// schedule: no repeated day; a time range that ends before it starts
// spans midnight.
func (c *checker) schedule(s *verbs.Schedule, p string) {
	seen := make(map[verbs.Weekday]int, len(s.Days))
	for _, d := range s.Days {
		seen[d]++
		if seen[d] == 2 {
			c.errorf(s, attrPath(p, "dow"), "duplicate", "dow lists %q more than once", d)
		}
	}
	if start, end, ok := parseTimeRange(s.Time); ok && start > end {
		c.warnf(s, attrPath(p, "time"), "overnight", "time range %q ends before it starts, so it spans midnight", s.Time)
	}
}
