package devpage

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/flowsim"
)

// callOptions turns the call's settings into flowsim options and, in
// the same order, the Go code of each for the generated test.
func callOptions(req request, at time.Time) ([]flowsim.CallOption, []string, error) {
	opts := []flowsim.CallOption{flowsim.At(at)}
	code := []string{"flowsim.At(" + timeCode(at) + ")"}
	add := func(o flowsim.CallOption, c string) {
		opts = append(opts, o)
		code = append(code, c)
	}
	if req.From != "" {
		add(flowsim.From(req.From), "flowsim.From("+strconv.Quote(req.From)+")")
	}
	if req.To != "" {
		add(flowsim.To(req.To), "flowsim.To("+strconv.Quote(req.To)+")")
	}
	if req.State != "" {
		add(flowsim.CallerLocation(req.State, req.County), "flowsim.CallerLocation("+strconv.Quote(req.State)+", "+strconv.Quote(req.County)+")")
	} else if req.County != "" {
		return nil, nil, fmt.Errorf("county %q: set the state too (Geo compares the county within a state)", req.County)
	}
	names := make([]string, 0, len(req.Fields))
	for k := range req.Fields {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if k == "" {
			return nil, nil, errors.New(`fields: a field needs a name`)
		}
		add(flowsim.CallField(k, req.Fields[k]), "flowsim.CallField("+strconv.Quote(k)+", "+strconv.Quote(req.Fields[k])+")")
	}
	var dials []flowsim.DialOutcome
	var dialCode []string
	for i, d := range req.Dials {
		o, c, err := dialOutcome(d)
		if err != nil {
			return nil, nil, fmt.Errorf("dials[%d] %q: %v", i, d, err)
		}
		dials, dialCode = append(dials, o), append(dialCode, c)
	}
	if len(dials) > 0 {
		add(flowsim.Dials(dials...), "flowsim.Dials("+strings.Join(dialCode, ", ")+")")
	}
	if len(req.Recordings) > 0 {
		add(flowsim.Recordings(req.Recordings...), "flowsim.Recordings("+quoteAll(req.Recordings)+")")
	}
	return opts, code, nil
}

// dialOutcome reads one scripted Dial outcome: answer (by the first
// destination), answer:DEST, busy, noanswer, failed or failed:REASON.
func dialOutcome(d string) (flowsim.DialOutcome, string, error) {
	kind, arg, _ := strings.Cut(d, ":")
	switch kind {
	case "answer":
		return flowsim.Answered(arg, 0, 0), "flowsim.Answered(" + strconv.Quote(arg) + ", 0, 0)", nil
	case "busy", "noanswer":
		if arg != "" {
			break
		}
		if kind == "busy" {
			return flowsim.Busy(), "flowsim.Busy()", nil
		}
		return flowsim.NoAnswer(), "flowsim.NoAnswer()", nil
	case "failed":
		return flowsim.DialFailed(arg), "flowsim.DialFailed(" + strconv.Quote(arg) + ")", nil
	}
	return flowsim.DialOutcome{}, "", errors.New("want answer, answer:DESTINATION, busy, noanswer, failed or failed:REASON")
}

// timeCode writes t as a time.Date expression, in its own zone.
func timeCode(t time.Time) string {
	loc := "time.UTC"
	if name, off := t.Zone(); t.Location() != time.UTC {
		loc = fmt.Sprintf("time.FixedZone(%q, %d)", name, off)
	}
	return fmt.Sprintf("time.Date(%d, %d, %d, %d, %d, %d, %d, %s)", t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), loc)
}
