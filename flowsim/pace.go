package flowsim

import "strings"

// BeforeCommand calls f before each command of the call runs (an <Error>
// block included), in the call's own goroutine, with the call and the
// command's place. The call goes on when f returns true; when it returns
// false the caller hangs up there and the call ends (EndCaller). f may
// block, to run a call one command at a time: the call waits, and Call,
// Press, Silence and HangUp do not return until f does.
func BeforeCommand(f func(c *Call, next Wait) bool) CallOption {
	return func(c *callSettings) { c.before = f }
}

// beforeCommand asks the BeforeCommand function whether the command at
// path may run; false ends the call as the caller hanging up.
func (r *runner) beforeCommand(path string) bool {
	f := r.cs.before
	if f == nil || r.finished {
		return true
	}
	el := path[strings.LastIndex(path, "/")+1:]
	if i := strings.IndexByte(el, '['); i >= 0 {
		el = el[:i]
	}
	if f(r.call, Wait{Document: r.docNum, Path: path, Element: el}) {
		return true
	}
	r.finish(EndCaller, "the caller hung up before "+path)
	return false
}
