package flowsim

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// match is the verdict of a condition and what it compared.
type match struct {
	ok  bool
	why string
}

// matchCall compares a property of the call with <Call value>. For to and
// from a leading + is ignored on both sides; an unset value compares as "".
func (r *runner) matchCall(c *verbs.Call) match {
	var have string
	var known bool
	switch c.Field {
	case verbs.CallFieldTo:
		have, known = r.cs.to, true
	case verbs.CallFieldFrom:
		have, known = r.cs.from, true
	default:
		have, known = r.cs.fields[c.Field]
	}
	want := c.Value.Val
	if c.Field == verbs.CallFieldTo || c.Field == verbs.CallFieldFrom {
		have, want = strings.TrimPrefix(have, "+"), strings.TrimPrefix(want, "+")
	}
	if !known {
		return match{false, fmt.Sprintf("the call has no property %q (set it with flowsim.CallField)", c.Field)}
	}
	return match{have == want, fmt.Sprintf("%s is %q, want %q", c.Field, have, want)}
}

// matchGeo compares the caller's location with <Geo>: no attributes match
// every call; states must hold the caller's state, county (when set) must
// equal the caller's county, both without regard to case.
func (r *runner) matchGeo(g *verbs.Geo) match {
	if len(g.States) == 0 && g.County == "" {
		return match{true, "no states or county: every call"}
	}
	where := r.cs.state
	if r.cs.county != "" {
		where += ", county " + r.cs.county
	}
	if where == "" {
		where = "unknown (set it with flowsim.CallerLocation)"
	}
	why := fmt.Sprintf("the caller is in %s", where)
	if len(g.States) > 0 && !slices.ContainsFunc(g.States, func(s string) bool { return strings.EqualFold(s, r.cs.state) }) {
		return match{false, why}
	}
	if g.County != "" && !strings.EqualFold(g.County, r.cs.county) {
		return match{false, why}
	}
	return match{r.cs.state != "" || len(g.States) == 0, why}
}

// matchSchedule compares the simulated clock, in the location of the call's
// start time, with <Schedule>: the weekday must be in dow (when set), the
// time of day in the range (when set), start included, end excluded; a
// range whose start is after its end spans midnight.
func (r *runner) matchSchedule(s *verbs.Schedule) match {
	now := r.cs.at.Add(r.elapsed)
	day := verbs.Weekday(strings.ToLower(now.Weekday().String()[:3]))
	why := now.Format("Mon 15:04:05 MST")
	if len(s.Days) > 0 && !slices.Contains(s.Days, day) {
		return match{false, why}
	}
	if s.Time == "" {
		return match{true, why}
	}
	from, to, ok := strings.Cut(s.Time, "-")
	start, err1 := time.Parse("15:04:05", from)
	end, err2 := time.Parse("15:04:05", to)
	if !ok || err1 != nil || err2 != nil {
		return match{false, why + ", unreadable time range " + s.Time}
	}
	tod := clockOf(now)
	a, b := clockOf(start), clockOf(end)
	in := a <= tod && tod < b
	if a > b {
		in = tod >= a || tod < b
	}
	return match{in, why}
}

// clockOf returns the time of day of t.
func clockOf(t time.Time) time.Duration {
	h, m, s := t.Clock()
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(s)*time.Second
}
