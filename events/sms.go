package events

import "time"

// SMSStatus is the processing state of an SMS. Values other than the
// constants are kept verbatim.
type SMSStatus string

// The SMS states Opentact reports.
const (
	SMSStatusCreated SMSStatus = "created"
	SMSStatusSending SMSStatus = "sending"
	SMSStatusSent    SMSStatus = "sent"
	SMSStatusSuccess SMSStatus = "success" // outbound: handed to the carrier; inbound: received
	SMSStatusFailed  SMSStatus = "failed"
)

// SMS is the content of an sms event: the message in its current state.
type SMS struct {
	UUID              string
	Type              string // "smso" outbound, "smsi" inbound, "smsr" reply, "sms" older outbound
	From              string
	To                string
	Thread            string
	Text              string // the message body ("message" on the wire)
	State             SMSStatus
	Delivered         bool // a delivery receipt arrived
	Automated         bool
	Reason            string // processing log line
	Read              bool   // inbound: the message was read ("readed" on the wire)
	ReferenceID       string // the carrier's message id
	CustomCallbackURL string
	TN                *TN
	Account           *Account
	MessagingProfile  *MessagingProfile
	CreatedOn         time.Time
	ModifiedOn        time.Time
}

func (*SMS) isDetail() {}

// Direction returns "in" for inbound messages, "out" for outbound ones and ""
// when the type is not known.
func (s *SMS) Direction() string {
	switch s.Type {
	case "smsi":
		return "in"
	case "smso", "smsr", "sms":
		return "out"
	}
	return ""
}

// Accepted reports whether the message was sent or handed over ("sent" or
// "success").
func (s *SMS) Accepted() bool {
	return s.State == SMSStatusSent || s.State == SMSStatusSuccess
}

// Failed reports whether processing the message failed.
func (s *SMS) Failed() bool { return s.State == SMSStatusFailed }

// decodeSMS builds the content of an sms event.
func decodeSMS(env *envelope) (*SMS, entity) {
	o, ok := smsObject(env)
	if !ok {
		return &SMS{}, entity{}
	}
	s := &SMS{
		UUID:              o.str("uuid"),
		Type:              o.str("type"),
		From:              o.flexString("from"),
		To:                o.flexString("to"),
		Thread:            o.flexString("thread"),
		Text:              o.str("message"),
		State:             SMSStatus(o.str("state")),
		Delivered:         o.flag("delivered"),
		Automated:         o.flag("automated"),
		Reason:            o.str("reason"),
		Read:              o.flag("readed"),
		ReferenceID:       o.str("reference_id"),
		CustomCallbackURL: o.str("custom_callback_url"),
		TN:                decodeTN(o.obj("tn")),
		Account:           decodeAccount(o.obj("account")),
		CreatedOn:         o.time("created_on"),
		ModifiedOn:        o.time("modified_on"),
	}
	s.MessagingProfile = decodeMessagingProfile(o.obj("messaging_profile"))
	if s.MessagingProfile == nil {
		s.MessagingProfile = decodeMessagingProfile(env.top.obj("messaging_profile"))
	}
	if s.MessagingProfile == nil {
		if lease, ok := o.obj(o.alias("tnlease", "tn_lease")); ok {
			s.MessagingProfile = decodeMessagingProfile(lease.obj("messaging_profile"))
		}
	}
	return s, entity{uuid: s.UUID, account: s.Account}
}

// smsObject finds the SMS object: the payload in generation A and bare
// bodies; in generation B the first of payload and top-level "sms" that has a
// string uuid.
func smsObject(env *envelope) (object, bool) {
	if env.gen != EnvelopeB {
		return env.payload, env.hasPayload
	}
	if env.hasPayload && env.payload.isString("uuid") {
		return env.payload, true
	}
	if o, ok := env.top.optObj("sms"); ok && o.isString("uuid") {
		return o, true
	}
	return object{}, false
}
