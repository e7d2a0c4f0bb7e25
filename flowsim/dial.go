package flowsim

import (
	"fmt"
	"time"
)

// DialOutcome is the scripted result of one <Dial>: answered by a
// destination after ringing, busy, or not answered.
type DialOutcome struct {
	kind dialKind
	by   string
	ring time.Duration
	talk time.Duration
}

type dialKind int

const (
	dialAnswered dialKind = iota
	dialBusy
	dialNoAnswer
	dialFailed
)

// The defaults of an answered Dial: five seconds of ringing, a minute of
// conversation.
const (
	defaultRing = 5 * time.Second
	defaultTalk = 60 * time.Second
	// defaultNoAnswer is how long a Dial rings before it gives up when
	// no legacy timeout attribute says otherwise.
	defaultNoAnswer = 30 * time.Second
)

// Answered is a Dial answered by destination by (the text of its <To>,
// <Sip> or <Number>; "" means the first destination) after ringing for
// ring, the dialled party hanging up after talk. Zero durations take the
// defaults, 5 s and 60 s. A destination the Dial does not have makes the
// Dial fail, as nobody answered.
func Answered(by string, ring, talk time.Duration) DialOutcome {
	if ring <= 0 {
		ring = defaultRing
	}
	if talk <= 0 {
		talk = defaultTalk
	}
	return DialOutcome{kind: dialAnswered, by: by, ring: ring, talk: talk}
}

// Busy is a Dial every destination rejects at once: it fails.
func Busy() DialOutcome { return DialOutcome{kind: dialBusy} }

// NoAnswer is a Dial that rings until its timeout (the legacy timeout
// attribute in seconds, else 30 s) and fails.
func NoAnswer() DialOutcome { return DialOutcome{kind: dialNoAnswer} }

// DialFailed is a Dial that fails at once for reason (an unreachable
// SIP address, a carrier error), as busy does but saying why.
func DialFailed(reason string) DialOutcome {
	if reason == "" {
		reason = "failed"
	}
	return DialOutcome{kind: dialFailed, by: reason}
}

// String describes the outcome: "answered by X after 5s, talk 60s",
// "busy", "no answer", "failed: REASON".
func (o DialOutcome) String() string {
	switch o.kind {
	case dialBusy:
		return "busy"
	case dialNoAnswer:
		return "no answer"
	case dialFailed:
		return "failed: " + o.by
	}
	by := o.by
	if by == "" {
		by = "the first destination"
	}
	return fmt.Sprintf("answered by %s after %s, talk %s", by, formatDuration(o.ring), formatDuration(o.talk))
}
