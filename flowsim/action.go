package flowsim

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

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
// what the command collects (dtmf_length, a stop key) are not heard. The
// keys are those of a phone keypad, 0-9 * # and A-D; a script that presses
// anything else ends the call as EndInvalid at the command waiting for it,
// and Call.Press refuses it.
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

// phoneKeys are the DTMF keys a caller can press.
const phoneKeys = "0123456789*#ABCD"

// checkKeys returns an error naming the first of keys that is not a key of
// a phone keypad, nil when every one is.
func checkKeys(keys string) error {
	for i, k := range keys {
		if k >= utf8.RuneSelf || !strings.ContainsRune(phoneKeys, k) {
			_, n := utf8.DecodeRuneInString(keys[i:])
			return fmt.Errorf("flowsim: Press(%q): %q is not a key of a phone keypad (0-9, *, #, A-D)", keys, keys[i:i+n])
		}
	}
	return nil
}
