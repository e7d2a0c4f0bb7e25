package flowtest

import (
	"fmt"
	"strings"
)

// fakeTB records what the helpers report, so tests can check the messages.
type fakeTB struct {
	name   string
	logs   []string
	errors []string
	fatals []string
}

func (f *fakeTB) Helper()      {}
func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Logf(format string, args ...any) {
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
}

// report is everything the fake recorded, for failure messages.
func (f *fakeTB) report() string {
	return fmt.Sprintf("logs: %q\nerrors: %q\nfatals: %q", f.logs, f.errors, f.fatals)
}

// failed reports whether a failure was recorded.
func (f *fakeTB) failed() bool { return len(f.errors)+len(f.fatals) > 0 }

// only returns the single message of one kind, and whether there was
// exactly one message in all.
func (f *fakeTB) only() (kind, msg string, ok bool) {
	n := len(f.logs) + len(f.errors) + len(f.fatals)
	if n != 1 {
		return "", "", false
	}
	switch {
	case len(f.logs) == 1:
		return "log", f.logs[0], true
	case len(f.errors) == 1:
		return "error", f.errors[0], true
	}
	return "fatal", f.fatals[0], true
}

var _ TB = (*fakeTB)(nil)

// containsAll reports the first of subs missing from s. A sub starting
// with "-" or "+" is a line of a go-cmp diff: go-cmp varies the white space
// of its output on purpose, so such a line is matched by its sign and its
// trimmed text.
func containsAll(s string, subs ...string) (string, bool) {
	for _, sub := range subs {
		if strings.HasPrefix(sub, "-") || strings.HasPrefix(sub, "+") {
			if !hasDiffLine(s, sub[:1], sub[1:]) {
				return sub, false
			}
		} else if !strings.Contains(s, sub) {
			return sub, false
		}
	}
	return "", true
}

// hasDiffLine reports whether the diff in s has a line with the sign and
// text.
func hasDiffLine(s, sign, text string) bool {
	const space = " \t\u00a0"
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimLeft(line, space)
		if rest, ok := strings.CutPrefix(line, sign); ok && strings.Trim(rest, space) == text {
			return true
		}
	}
	return false
}
