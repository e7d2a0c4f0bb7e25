package client

import (
	"context"
	"encoding/json"
	"time"
)

// SubscriptionsService manages websocket event subscriptions
// (/event/subscription): the event stream carries only subscribed types.
type SubscriptionsService service

// Subscription selects one event type for the event websocket.
type Subscription struct {
	UUID       string          `json:"uuid"`
	Type       string          `json:"type"`    // event type, e.g. call_state
	Channel    string          `json:"channel"` // "wss"
	IsActive   bool            `json:"is_active"`
	ExpiredOn  time.Time       `json:"expired_on"` // meaning unclear; samples expire before creation
	User       json.RawMessage `json:"user"`       // create reply only
	CreatedOn  time.Time       `json:"created_on"`
	ModifiedOn time.Time       `json:"modified_on"`
}

// SubscriptionCreateRequest is the body of Subscriptions.Create.
type SubscriptionCreateRequest struct {
	Type      string     // event type: auth, call_record, call_state, call_flow, sms, tn_order…; required
	Channel   string     // delivery channel; "" sends "wss"
	IsActive  *bool      // nil sends true
	ExpiredOn *time.Time // sent only when set
}

// MarshalJSON writes the body with the defaults applied and ExpiredOn in
// UTC with milliseconds.
func (r SubscriptionCreateRequest) MarshalJSON() ([]byte, error) {
	channel := r.Channel
	if channel == "" {
		channel = "wss"
	}
	active := true
	if r.IsActive != nil {
		active = *r.IsActive
	}
	return json.Marshal(struct {
		Type      string    `json:"type"`
		Channel   string    `json:"channel"`
		IsActive  bool      `json:"is_active"`
		ExpiredOn *wireTime `json:"expired_on,omitempty"`
	}{r.Type, channel, active, optTime(r.ExpiredOn)})
}

// Create subscribes to one event type (POST /event/subscription).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SubscriptionsService) Create(ctx context.Context, r *SubscriptionCreateRequest, opts ...CallOption) (*Subscription, error) {
	const op = "Subscriptions.Create"
	switch {
	case r == nil:
		return nil, invalidArg(op, "nil request")
	case r.Type == "":
		return nil, invalidArg(op, "Type is required")
	}
	return sendJSON[Subscription](ctx, s.client, op, "POST", "/event/subscription", r, opts)
}

// List returns the subscriptions (GET /event/subscription); a bare array
// and an envelope are both accepted.
func (s *SubscriptionsService) List(ctx context.Context, opts ...CallOption) ([]*Subscription, error) {
	return listAt[Subscription](ctx, s.client, "Subscriptions.List", "/event/subscription", opts)
}

// Delete removes a subscription (DELETE /event/subscription/{uuid}). A reply
// without an object gives a nil Subscription and no error.
func (s *SubscriptionsService) Delete(ctx context.Context, uuid string, opts ...CallOption) (*Subscription, error) {
	return deleteAt[Subscription](ctx, s.client, "Subscriptions.Delete", "/event/subscription/{uuid}", opts, uuid)
}

// Ensure lists, then creates a wss subscription for each requested type that
// has no active, unexpired row; it never edits or deletes. It returns the
// active rows for the requested types, one per type, in the order asked.
//
// A row counts as unexpired when ExpiredOn is zero, after now, or before
// the row's CreatedOn (published samples expire before they were created).
//
// Re-sending: each creation is re-sent as Create's doc says; calling Ensure
// again is safe, since it creates only the types still missing.
func (s *SubscriptionsService) Ensure(ctx context.Context, types ...string) ([]*Subscription, error) {
	const op = "Subscriptions.Ensure"
	for i, t := range types {
		if t == "" {
			return nil, invalidArg(op, "type %d is empty", i)
		}
	}
	existing, err := s.List(ctx)
	if err != nil {
		return nil, err
	}
	now := s.client.now()
	active := make(map[string]*Subscription)
	for _, sub := range existing {
		if sub == nil || !sub.IsActive || active[sub.Type] != nil {
			continue
		}
		if sub.ExpiredOn.IsZero() || sub.ExpiredOn.After(now) || sub.ExpiredOn.Before(sub.CreatedOn) {
			active[sub.Type] = sub
		}
	}
	var out []*Subscription
	seen := make(map[string]bool)
	for _, t := range types {
		if seen[t] {
			continue
		}
		seen[t] = true
		sub := active[t]
		if sub == nil {
			if sub, err = s.Create(ctx, &SubscriptionCreateRequest{Type: t}); err != nil {
				return out, err
			}
			if sub == nil {
				continue // created, but the reply carried no row to return
			}
		}
		out = append(out, sub)
	}
	return out, nil
}
