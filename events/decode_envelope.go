package events

// envelope is a JSON object being decoded into an Event.
type envelope struct {
	d          *decoder
	gen        Envelope
	top        object   // the envelope itself (empty for bare bodies)
	payload    object   // the entity: "payload", or the whole body when bare
	hasPayload bool     // payload is an object
	topAccount *Account // the top-level "account"
}

// entity is what the normalisation of §2.6 needs from the entity an event is
// about.
type entity struct {
	uuid    string
	account *Account
}

// generationBMembers mark an envelope as generation B.
var generationBMembers = []string{"uuid", "created_on", "ref_id", "call", "delivery_report"}

// decodeEnvelope decodes root, a private copy of one JSON object, as an
// event envelope.
func decodeEnvelope(root []byte) Event {
	d := &decoder{}
	top, _ := d.parseObject("", root)
	env := &envelope{d: d, gen: EnvelopeA, top: top}
	for _, m := range generationBMembers {
		if top.has(m) {
			env.gen = EnvelopeB
			break
		}
	}
	ev := Event{
		Type:     top.str("type"),
		Envelope: env.gen,
		Message:  top.str("message"),
		Success:  top.boolean("success"),
		Payload:  top.raw("payload"),
		Raw:      root,
	}
	ev.Kind = kindOf(ev.Type)
	if env.gen == EnvelopeB {
		ev.ID = top.str("uuid")
		ev.Time = top.time(top.alias("created_on", "timestamp"))
		ev.Modified = top.time("modified_on")
		ev.DeliveryReport = top.rawList("delivery_report")
	} else {
		ev.Time = top.time("timestamp")
	}
	env.payload, env.hasPayload = top.optObj("payload")
	// A balance event's payload may be the bare balance, a number
	// (decodeBalance reads it).
	if !env.hasPayload && ev.Kind != KindUnknown && ev.Kind != KindBalance && ev.Payload != nil {
		top.skip("payload")
	}
	env.topAccount = decodeAccount(top.obj("account"))

	ent := env.decodeDetail(&ev)
	ev.RefID = ent.uuid
	if env.gen == EnvelopeB {
		if _, ok := top.lookup("ref_id"); ok {
			ev.RefID = top.str("ref_id")
		}
	}
	ev.Account = ent.account
	if env.topAccount != nil {
		ev.Account = env.topAccount
	}
	ev.Skipped = d.paths()
	return ev
}

// decodeBare decodes root, a private copy of one JSON object, as a bare
// entity of the given wire type.
func decodeBare(root []byte, wireType string) Event {
	d := &decoder{}
	body, _ := d.parseObject("", root)
	env := &envelope{d: d, gen: EnvelopeBare, top: object{d: d}, payload: body, hasPayload: true}
	ev := Event{
		Type:     wireType,
		Kind:     kindOf(wireType),
		Envelope: EnvelopeBare,
		Raw:      root,
	}
	ent := env.decodeDetail(&ev)
	ev.RefID = ent.uuid
	ev.Account = ent.account
	ev.Skipped = d.paths()
	return ev
}

// decodeDetail builds the typed content of ev by its kind and returns the
// entity the event is about.
func (env *envelope) decodeDetail(ev *Event) entity {
	var ent entity
	switch ev.Kind {
	case KindAuth:
		ev.detail, ent = decodeAuth(env)
	case KindCallState:
		ev.detail, ent = decodeCallState(env)
	case KindCallFlow:
		ev.detail, ent = decodeCallFlow(env)
	case KindSMS:
		ev.detail, ent = decodeSMS(env)
	case KindTNOrder:
		ev.detail, ent = decodeTNOrder(env)
	case KindRecording:
		ev.detail, ent = decodeRecording(env)
	case KindTranscript:
		ev.detail, ent = decodeTranscript(env)
	case KindBalance:
		ev.detail, ent = decodeBalance(env)
	default:
		ent = payloadEntity(env)
	}
	return ent
}

// payloadEntity describes the payload as the entity of an event, reading only
// members whose meaning is fixed (uuid, account).
func payloadEntity(env *envelope) entity {
	if !env.hasPayload {
		return entity{}
	}
	ent := entity{uuid: env.payload.optString("uuid")}
	if acct, ok := env.payload.optObj("account"); ok {
		ent.account = decodeAccount(acct, true)
	}
	return ent
}
