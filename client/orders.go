package client

import (
	"context"
	"encoding/json"
	"iter"
	"time"
)

// OrdersService buys numbers (/order).
type OrdersService service

// Order is a number purchase. The reply to Create carries only the
// counters; Get adds the items, errors, numbers and leases.
type Order struct {
	UUID       string        `json:"uuid"`
	State      OrderState    `json:"state"`
	Total      int           `json:"total"`      // items in the order
	Succeeded  int           `json:"success"`    // items bought
	Processing int           `json:"processing"` // items in progress
	Failed     int           `json:"failed"`     // items that failed
	Items      []*OrderItem  `json:"items"`
	Errors     []*OrderError `json:"errors"`
	TNs        []*TNRecord   `json:"tns"`
	Leases     []*Lease      `json:"tnleases"`
	CreatedOn  time.Time     `json:"created_on"`
	ModifiedOn time.Time     `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (o *Order) UnmarshalJSON(b []byte) error {
	type plain Order
	return unmarshalRef(b, "order", (*plain)(o), func(s string) { o.UUID = s }, nil)
}

// Done reports whether the order has finished: State is success or failed.
func (o *Order) Done() bool { return o.State == OrderSuccess || o.State == OrderFailed }

// OrderItem is one number of an order.
type OrderItem struct {
	TN        TN        `json:"tn"`        // a number from the number search
	Features  []Feature `json:"features"`  // at least one of voice, sms
	Autorenew bool      `json:"autorenew"` // renew every month, or release when the paid month ends
}

// OrderError is an item Opentact refused.
type OrderError struct {
	Item        *OrderItem `json:"item"`
	Reason      string     `json:"reason"`
	Description string     `json:"description"`
}

// OrderCreateRequest is the body of Orders.Create.
type OrderCreateRequest struct {
	Items []OrderItem `json:"items"` // at least one
}

// OrderSearchOptions filters Orders.Search; order keys: created_on, modified_on.
type OrderSearchOptions struct {
	SearchOptions
	State OrderState `json:"state,omitempty"`
}

// MarshalJSON writes the body members.
func (o OrderSearchOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		searchWire
		State OrderState `json:"state,omitempty"`
	}{o.wire(), o.State})
}

func (o OrderSearchOptions) clone() OrderSearchOptions {
	o.SearchOptions = o.SearchOptions.clone()
	return o
}

// Create buys numbers (POST /order). Poll Get until the order is Done.
//
// It is never sent again after it may have reached Opentact, unless the
// call passes RetryAmbiguous: a second attempt buys again.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *OrdersService) Create(ctx context.Context, req *OrderCreateRequest, opts ...CallOption) (*Order, error) {
	const op = "Orders.Create"
	if req == nil {
		return nil, invalidArg(op, "nil request")
	}
	if len(req.Items) == 0 {
		return nil, invalidArg(op, "Items is empty")
	}
	for i, it := range req.Items {
		if it.TN == 0 {
			return nil, invalidArg(op, "Items[%d].TN is required", i)
		}
		if len(it.Features) == 0 {
			return nil, invalidArg(op, "Items[%d].Features is empty", i)
		}
	}
	return sendJSON[Order](ctx, s.client, op, "POST", "/order", req, opts)
}

// Get returns one order with its items (GET /order/{uuid}).
func (s *OrdersService) Get(ctx context.Context, uuid string, opts ...CallOption) (*Order, error) {
	return getAt[Order](ctx, s.client, "Orders.Get", "/order/{uuid}", opts, uuid)
}

// Search returns one page of orders (POST /order/search).
func (s *OrdersService) Search(ctx context.Context, o *OrderSearchOptions, opts ...CallOption) (*Page[Order], error) {
	return searchPage[Order](ctx, s.client, pageSpec{"Orders.Search", "/order/search"}, o, opts)
}

// All iterates over every order matching o. o is not modified.
func (s *OrdersService) All(ctx context.Context, o *OrderSearchOptions, opts ...CallOption) iter.Seq2[*Order, error] {
	return iterate(o, OrderSearchOptions.clone, func(o *OrderSearchOptions) (*Page[Order], error) {
		return s.Search(ctx, o, opts...)
	})
}
