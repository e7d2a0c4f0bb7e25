package events

import (
	"encoding/json"
	"time"
)

// Call is one call leg as Opentact reports it: the "call" member of a
// generation-B event, the payload of a generation-A call_state event, or the
// body of a SIP control app webhook.
type Call struct {
	UUID      string     // the leg's id
	Direction string     // "in" or "out"
	From      string     // caller, E.164 with or without "+"
	To        string     // callee: a number or a SIP user name
	State     CallStatus // the leg's current state
	Duration  int64      // duration so far, as sent (seconds in current examples)
	Type      string     // call class, e.g. "CallSCA"

	CreatedOn  time.Time
	ModifiedOn time.Time
	InitOn     time.Time // state init began
	RingOn     time.Time // ringing began
	AnswerOn   time.Time // answered
	HangupOn   time.Time // hung up
	DestroyOn  time.Time // channel torn down
	FinishedOn time.Time // end of processing

	Q850Cause             int    // Q.850 release cause; 0 when absent
	Q850CauseString       string // e.g. "NORMAL_CLEARING"
	SwitchCallState       string // freeswitch_call_state, e.g. "ACTIVE"
	SwitchChannelState    string // freeswitch_channel_state, e.g. "CS_EXECUTE"
	StirShakenAttestLevel string
	StirShakenIdentity    string
	Thread                string // conversation id

	TN            *TN
	SIPControlApp *SIPControlApp
	Account       *Account
	Parent        *Call // the other leg (for an "out" leg, the inbound leg)

	SIPUser       json.RawMessage   // the leg's SIP user, verbatim
	StateEnd      json.RawMessage   // verbatim; meaning unknown
	ProtocolCause json.RawMessage   // release_cause_from_protocol_stack, verbatim
	Records       []json.RawMessage // recordings, verbatim
	Logs          []json.RawMessage // call-flow log entries, verbatim
	Children      []json.RawMessage // child legs, verbatim

	Raw json.RawMessage // the whole object, verbatim
}

// TN is a phone number record.
type TN struct {
	TN         string // the number's digits
	CreatedOn  time.Time
	ModifiedOn time.Time
	DeletedOn  time.Time
}

// SIPControlApp is the SIP control app a call belongs to.
type SIPControlApp struct {
	UUID                  string
	Name                  string
	IsActive              bool
	AutoAnswer            bool
	TechPrefix            string
	ShakenVerifyPolicy    int
	ShakenMinAttestLevel  string // "A", "B" or "C"
	MaxCallLengthMin      int    // 0 when absent
	WebhookURL            string
	WebhookMethod         string
	WebhookRequestTimeout int // milliseconds
	CreatedOn             time.Time
	ModifiedOn            time.Time
}

// Account is an Opentact account as embedded in events.
type Account struct {
	UUID       string
	Email      string
	Name       string
	Phone      string
	Level      string // "ServiceAccount", "Level0", "Level1" or "Level2"
	Address1   string
	Address2   string
	ZipCode    string
	City       string
	Balance    *float64 // nil when absent
	TimeZone   string
	CreatedOn  time.Time
	ModifiedOn time.Time
	DeletedOn  time.Time
	DisabledOn time.Time
}

// User is the user an event websocket authenticated as.
type User struct {
	UUID        string
	Email       string
	FirstName   string
	LastName    string
	PhoneNumber string
	Role        string // "Admin", "User" or "Provider"
	WSSOnline   bool
	Avatar      string
	DOB         string
	Gender      string
	CreatedOn   time.Time
	ModifiedOn  time.Time
	DeletedOn   time.Time
}

// MessagingProfile is the messaging profile an SMS was handled by.
type MessagingProfile struct {
	UUID         string
	Name         string
	CallbackURL  string
	CallbackURL2 string
	CreatedOn    time.Time
	ModifiedOn   time.Time
}

// decodeCall builds a Call from o; nil when o is not an object.
func decodeCall(o object, ok bool) *Call {
	if !ok {
		return nil
	}
	c := &Call{
		UUID:                  o.str("uuid"),
		Direction:             o.str("direction"),
		From:                  o.flexString("from"),
		To:                    o.flexString("to"),
		State:                 CallStatus(o.str("state")),
		Duration:              o.integer("duration"),
		Type:                  o.str("type"),
		CreatedOn:             o.time("created_on"),
		ModifiedOn:            o.time("modified_on"),
		InitOn:                o.time("init_on"),
		RingOn:                o.time("ring_on"),
		AnswerOn:              o.time("answer_on"),
		HangupOn:              o.time("hangup_on"),
		DestroyOn:             o.time("destroy_on"),
		FinishedOn:            o.time("finished_on"),
		Q850Cause:             int(o.integer("q850_cause")),
		Q850CauseString:       o.str("q850_cause_string"),
		SwitchCallState:       o.str("freeswitch_call_state"),
		SwitchChannelState:    o.str("freeswitch_channel_state"),
		StirShakenAttestLevel: o.str("stir_shaken_attest_level"),
		StirShakenIdentity:    o.str("stir_shaken_identity"),
		Thread:                o.flexString("thread"),
		TN:                    decodeTN(o.obj("tn")),
		SIPControlApp:         decodeSIPControlApp(o.obj(o.alias("sip_control_app", "sipcontrol_app"))),
		Account:               decodeAccount(o.obj("account")),
		Parent:                decodeCall(o.obj("parent")),
		SIPUser:               o.raw("sip_user"),
		StateEnd:              o.raw("state_end"),
		ProtocolCause:         o.raw("release_cause_from_protocol_stack"),
		Records:               o.rawList("records"),
		Logs:                  o.rawList("logs"),
		Children:              o.rawList("children"),
	}
	c.Raw = o.rawSelf()
	return c
}

// decodeTN builds a TN from o; nil when o is not an object.
func decodeTN(o object, ok bool) *TN {
	if !ok {
		return nil
	}
	return &TN{
		TN:         o.flexString("tn"),
		CreatedOn:  o.time("created_on"),
		ModifiedOn: o.time("modified_on"),
		DeletedOn:  o.time(o.alias("deleted_on", "delete_on")),
	}
}

// decodeSIPControlApp builds a SIPControlApp from o; nil when o is not an object.
func decodeSIPControlApp(o object, ok bool) *SIPControlApp {
	if !ok {
		return nil
	}
	return &SIPControlApp{
		UUID:                  o.str("uuid"),
		Name:                  o.str("name"),
		IsActive:              o.flag("is_active"),
		AutoAnswer:            o.flag("auto_answer"),
		TechPrefix:            o.flexString("tech_prefix"),
		ShakenVerifyPolicy:    int(o.integer(o.alias("shaken_verify_policy", "shake_verify_policy"))),
		ShakenMinAttestLevel:  o.str("shaken_minimum_accepted_attest_lvl"),
		MaxCallLengthMin:      int(o.integer("max_call_length_min")),
		WebhookURL:            o.str("webhook_url"),
		WebhookMethod:         o.str("webhook_method"),
		WebhookRequestTimeout: int(o.integer("webhook_request_timeout")),
		CreatedOn:             o.time("created_on"),
		ModifiedOn:            o.time("modified_on"),
	}
}

// decodeAccount builds an Account from o; nil when o is not an object.
func decodeAccount(o object, ok bool) *Account {
	if !ok {
		return nil
	}
	return &Account{
		UUID:       o.str("uuid"),
		Email:      o.str("email"),
		Name:       o.str("name"),
		Phone:      o.flexString("phone"),
		Level:      o.str("level"),
		Address1:   o.str("address1"),
		Address2:   o.str("address2"),
		ZipCode:    o.str("zip_code"),
		City:       o.str("city"),
		Balance:    o.float("balance"),
		TimeZone:   o.str("time_zone"),
		CreatedOn:  o.time("created_on"),
		ModifiedOn: o.time("modified_on"),
		DeletedOn:  o.time("deleted_on"),
		DisabledOn: o.time("disabled_on"),
	}
}

// decodeUser builds a User from o; nil when o is not an object.
func decodeUser(o object, ok bool) *User {
	if !ok {
		return nil
	}
	return &User{
		UUID:        o.str("uuid"),
		Email:       o.str("email"),
		FirstName:   o.str("first_name"),
		LastName:    o.str("last_name"),
		PhoneNumber: o.flexString("phone_number"),
		Role:        o.str("role"),
		WSSOnline:   o.flag("wss_online"),
		Avatar:      o.str("avatar"),
		DOB:         o.str("dob"),
		Gender:      o.str("gender"),
		CreatedOn:   o.time("created_on"),
		ModifiedOn:  o.time("modified_on"),
		DeletedOn:   o.time("deleted_on"),
	}
}

// decodeMessagingProfile builds a MessagingProfile from o; nil when o is not
// an object.
func decodeMessagingProfile(o object, ok bool) *MessagingProfile {
	if !ok {
		return nil
	}
	return &MessagingProfile{
		UUID:         o.str("uuid"),
		Name:         o.str("name"),
		CallbackURL:  o.str(o.alias("callback_url", "call_back_url")),
		CallbackURL2: o.str(o.alias("callback_url2", "call_back_url2")),
		CreatedOn:    o.time("created_on"),
		ModifiedOn:   o.time("modified_on"),
	}
}
