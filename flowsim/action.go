package flowsim

// Action is what the scripted caller does when the call waits for it (a
// <Gather>, a <Pause> with dtmf_stop, a <RecordWait>): press keys, stay
// silent, or hang up.
type Action struct {
	kind actionKind
	keys string
}

type actionKind int

const (
	actSilence actionKind = iota
	actPress
	actHangUp
)

// Press is the action of pressing keys, in order, one a second. Keys past
// what the command collects (dtmf_length, a stop key) are not heard.
func Press(keys string) Action { return Action{kind: actPress, keys: keys} }

// Silence is the action of pressing nothing until the command times out.
func Silence() Action { return Action{kind: actSilence} }

// HangUp is the action of hanging up.
func HangUp() Action { return Action{kind: actHangUp} }

// String describes the action as the transcript does: "pressed 12#",
// "silent", "hung up".
func (a Action) String() string {
	switch a.kind {
	case actPress:
		if a.keys == "" {
			return "silent"
		}
		return "pressed " + a.keys
	case actHangUp:
		return "hung up"
	}
	return "silent"
}
