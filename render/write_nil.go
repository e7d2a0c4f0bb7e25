package render

import "github.com/opentact-go/opentact/verbs"

// isNilNode reports whether n is nil or a nil pointer of a node type. It
// checks each type in turn so that the write path needs no reflection.
func isNilNode(n verbs.Node) bool {
	switch v := n.(type) {
	case nil:
		return true
	case *verbs.Response:
		return v == nil
	case *verbs.Answer:
		return v == nil
	case *verbs.Hangup:
		return v == nil
	case *verbs.Pause:
		return v == nil
	case *verbs.Say:
		return v == nil
	case *verbs.Play:
		return v == nil
	case *verbs.Record:
		return v == nil
	case *verbs.RecordStart:
		return v == nil
	case *verbs.RecordStop:
		return v == nil
	case *verbs.RecordWait:
		return v == nil
	case *verbs.Dial:
		return v == nil
	case *verbs.To:
		return v == nil
	case *verbs.Gather:
		return v == nil
	case *verbs.DTMF:
		return v == nil
	case *verbs.Default:
		return v == nil
	case *verbs.Error:
		return v == nil
	case *verbs.Callback:
		return v == nil
	case *verbs.Curl:
		return v == nil
	case *verbs.Call:
		return v == nil
	case *verbs.Geo:
		return v == nil
	case *verbs.Schedule:
		return v == nil
	case *verbs.Hold:
		return v == nil
	case *verbs.Unhold:
		return v == nil
	case *verbs.Tone:
		return v == nil
	case *verbs.Meta:
		return v == nil
	case *verbs.Switch:
		return v == nil
	case *verbs.Case:
		return v == nil
	case *verbs.Sip:
		return v == nil
	case *verbs.Number:
		return v == nil
	case *verbs.Comment:
		return v == nil
	case *verbs.RawElement:
		return v == nil
	case *verbs.RawText:
		return v == nil
	}
	return false
}
