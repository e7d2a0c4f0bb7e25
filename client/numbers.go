package client

import (
	"context"
	"encoding/json"
	"iter"
	"slices"
)

// NumbersService searches numbers available for purchase (POST /tn/search).
type NumbersService service

// AvailableNumber is a number offered for purchase.
type AvailableNumber struct {
	TN         TN              `json:"tn"` // the number to order
	Registered bool            `json:"registered"`
	Type       NumberType      `json:"type"`
	Profile    *TNProfile      `json:"profile"`
	Raw        json.RawMessage `json:"-"` // the whole item, as the reply shape is not documented
}

// UnmarshalJSON decodes the item and keeps it in Raw.
func (n *AvailableNumber) UnmarshalJSON(b []byte) error {
	type plain AvailableNumber
	if err := json.Unmarshal(b, (*plain)(n)); err != nil {
		return err
	}
	n.Raw = append(json.RawMessage(nil), b...)
	return nil
}

// NumberSearchOptions filters the number search. Take and Skip travel in
// the query, the filters in the JSON body.
type NumberSearchOptions struct {
	Take       int        `json:"-"` // 1–100; 0 = server default (Search) or 100 (All)
	Skip       int        `json:"-"`
	Type       NumberType `json:"type,omitempty"`
	Country    string     `json:"country,omitempty"`     // ISO 3166 alpha-2, e.g. "US"
	State      string     `json:"state,omitempty"`       // two-letter state or province
	City       string     `json:"city,omitempty"`        //
	RateCenter string     `json:"rate_center,omitempty"` // LERG rate centre in capitals, e.g. "WSHNGTNZN1"
	NPA        string     `json:"npa,omitempty"`         // area code, 3 digits
	NXX        string     `json:"nxx,omitempty"`         // exchange, 3 digits
	Line       string     `json:"line,omitempty"`        // last four digits, "x" = any digit
	Pattern    string     `json:"pattern,omitempty"`     // digit pattern with "x" wildcards
	Features   []Feature  `json:"features,omitempty"`
}

// MarshalJSON writes the body, repeating a non-zero Take as "take".
func (o NumberSearchOptions) MarshalJSON() ([]byte, error) {
	type plain NumberSearchOptions
	return json.Marshal(struct {
		plain
		Take int `json:"take,omitempty"`
	}{plain(o), o.Take})
}

func (o *NumberSearchOptions) paging() (take, skip *int) { return &o.Take, &o.Skip }

func (o NumberSearchOptions) clone() NumberSearchOptions {
	o.Features = slices.Clone(o.Features)
	return o
}

// Search returns one page of numbers available for purchase.
func (s *NumbersService) Search(ctx context.Context, o *NumberSearchOptions, opts ...CallOption) (*Page[AvailableNumber], error) {
	return searchPage[AvailableNumber](ctx, s.client, pageSpec{"Numbers.Search", "/tn/search"}, o, opts)
}

// All iterates over every available number matching o, fetching pages as
// needed. o is not modified.
func (s *NumbersService) All(ctx context.Context, o *NumberSearchOptions, opts ...CallOption) iter.Seq2[*AvailableNumber, error] {
	return iterate(o, NumberSearchOptions.clone, func(o *NumberSearchOptions) (*Page[AvailableNumber], error) {
		return s.Search(ctx, o, opts...)
	})
}
