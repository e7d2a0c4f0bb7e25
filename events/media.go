package events

// Recording is the content of a recording-available event (wire type
// call_record). Its layout is not documented by Opentact; fields that are
// absent stay zero and everything is kept in Event.Payload and Event.Raw.
type Recording struct {
	UUID     string
	Tag      string // the tag of the <Record> command that made the recording
	URL      string
	Duration int64
	Call     *Call
}

func (*Recording) isDetail() {}

// Transcript is the content of a transcript-available event. Its layout is
// not documented by Opentact; fields that are absent stay zero.
type Transcript struct {
	UUID          string
	RecordingUUID string // the recording that was transcribed
	Tag           string
	Text          string
	Call          *Call
}

func (*Transcript) isDetail() {}

// decodeRecording builds the content of a recording-available event.
func decodeRecording(env *envelope) (*Recording, entity) {
	p := env.payload
	r := &Recording{
		UUID:     p.str("uuid"),
		Tag:      p.str("tag"),
		URL:      p.str("url"),
		Duration: p.integer("duration"),
		Call:     eventCall(env),
	}
	return r, payloadEntity(env)
}

// decodeTranscript builds the content of a transcript-available event.
func decodeTranscript(env *envelope) (*Transcript, entity) {
	p := env.payload
	t := &Transcript{
		UUID: p.str("uuid"),
		Tag:  p.str("tag"),
		Text: p.str(p.alias("text", "transcript", "transcribed_text")),
		Call: eventCall(env),
	}
	if p.isString("record") {
		t.RecordingUUID = p.str("record")
	} else if rec, ok := p.obj("record"); ok {
		t.RecordingUUID = rec.str("uuid")
	}
	return t, payloadEntity(env)
}

// eventCall returns payload.call, else the top-level call.
func eventCall(env *envelope) *Call {
	if c := decodeCall(env.payload.obj("call")); c != nil {
		return c
	}
	return decodeCall(env.top.obj("call"))
}
