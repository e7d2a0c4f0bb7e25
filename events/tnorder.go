package events

import (
	"encoding/json"
	"time"
)

// TNOrder is the content of a tn_order event: a phone number order whose state
// changed.
type TNOrder struct {
	UUID       string
	State      string // "created", "verify", "processing", "success" or "failed"
	Items      []json.RawMessage
	Errors     []json.RawMessage
	TNs        []json.RawMessage
	TNLeases   []json.RawMessage
	Account    *Account
	CreatedOn  time.Time
	ModifiedOn time.Time
}

func (*TNOrder) isDetail() {}

// decodeTNOrder builds the content of a tn_order event.
func decodeTNOrder(env *envelope) (*TNOrder, entity) {
	o := env.payload
	t := &TNOrder{
		UUID:       o.str("uuid"),
		State:      o.str("state"),
		Items:      o.rawList("items"),
		Errors:     o.rawList("errors"),
		TNs:        o.rawList("tns"),
		TNLeases:   o.rawList("tnleases"),
		Account:    decodeAccount(o.obj("account")),
		CreatedOn:  o.time("created_on"),
		ModifiedOn: o.time("modified_on"),
	}
	return t, entity{uuid: t.UUID, account: t.Account}
}
