package flowsim

import (
	"strconv"
	"strings"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// recordingName names a new recording: its tag, else the next name of
// Recordings, else recording-N.
func (r *runner) recordingName(tag string) string {
	if tag != "" {
		return tag
	}
	r.untagged++
	if len(r.cs.records) >= r.untagged {
		return r.cs.records[r.untagged-1]
	}
	return "recording-" + strconv.Itoa(r.untagged)
}

// startRecording starts a recording and returns its name.
func (r *runner) startRecording(tag string) string {
	name := r.recordingName(tag)
	r.recording[name] = r.elapsed
	delete(r.recordMax, name)
	return name
}

// settleRecordings finishes the background recordings whose timeout has
// passed, at the length of their timeout.
func (r *runner) settleRecordings() {
	for name, limit := range r.recordMax {
		if start := r.recording[name]; r.elapsed-start >= limit {
			r.recordings[name] = limit
			delete(r.recording, name)
			delete(r.recordMax, name)
		}
	}
}

// stopRecording stops the running recording named tag, or with no tag the
// one started last, and describes what happened.
func (r *runner) stopRecording(tag string) string {
	r.settleRecordings()
	name := tag
	if name == "" {
		var latest time.Duration = -1
		for n, start := range r.recording {
			if start > latest || (start == latest && n > name) {
				name, latest = n, start
			}
		}
	}
	start, ok := r.recording[name]
	if !ok {
		if name == "" {
			return "no recording is running"
		}
		return "no recording " + strconv.Quote(name) + " is running"
	}
	delete(r.recording, name)
	delete(r.recordMax, name)
	r.recordings[name] = r.elapsed - start
	return "recording " + strconv.Quote(name) + " stopped, " + formatDuration(r.elapsed-start)
}

// recordCmd runs <Record>: an empty one starts a recording that runs until
// a <RecordStop>, its timeout or the end of the call; a container records
// while its commands run (at most its timeout).
func (r *runner) recordCmd(c *verbs.Record, path string) result {
	name := r.startRecording(c.Tag)
	detail := "recording " + strconv.Quote(name) + " started"
	if c.ASR.Set && c.ASR.Val {
		detail += ", transcribed"
	}
	if len(c.Commands) == 0 {
		detail += " in the background"
	}
	if ctl := r.emitCmd(Step{Path: path, Element: "Record", Outcome: OK, Detail: detail}, c.Tag); ctl != ctlNext {
		return stop(ctl)
	}
	if len(c.Commands) == 0 {
		if c.Timeout.Set {
			// A background recording with a timeout: it ends once the
			// timeout of simulated time has passed (settleRecordings).
			r.recordMax[name] = millis(c.Timeout.Val)
		}
		return next()
	}
	ctl := r.block(c.Commands, path)
	if ctl == ctlEnd {
		return stop(ctl)
	}
	start, running := r.recording[name]
	if running {
		length, how := r.elapsed-start, " stopped, "
		if c.Timeout.Set && millis(c.Timeout.Val) < length {
			length, how = millis(c.Timeout.Val), " stopped at its timeout, "
		}
		delete(r.recording, name)
		r.recordings[name] = length
		r.emit(Step{Path: path, Element: "Record", Outcome: OK, Detail: "recording " + strconv.Quote(name) + how + formatDuration(length)})
	}
	return stop(ctl)
}

// recordWait runs <RecordWait>: the caller speaks until a key or a hang-up,
// at most recordWaitTime, then the recording stops.
func (r *runner) recordWait(c *verbs.RecordWait, path string) result {
	st := Step{Path: path, Element: "RecordWait", Outcome: OK, Duration: recordWaitTime}
	a, ok := r.input(point{kind: pointRecordWait, doc: r.doc, path: path}, &st)
	if !ok {
		return stop(ctlEnd)
	}
	st.Caller = a.String()
	if a.kind == actPress && a.keys != "" {
		st.Duration = keyTime
	}
	if ctl := r.emitCmd(st, c.Tag); ctl != ctlNext {
		return stop(ctl)
	}
	msg := r.stopRecording(c.Tag)
	if strings.HasPrefix(msg, "no ") {
		return next()
	}
	return stop(r.emit(Step{Path: path, Element: "RecordWait", Outcome: OK, Detail: msg}))
}
