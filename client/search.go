package client

import (
	"context"
	"encoding/json"
	"iter"
	"maps"
	"net/url"
	"strconv"
	"time"
)

// SearchMode says how the filters of a search combine.
type SearchMode string

// Search modes.
const (
	SearchModeAnd SearchMode = "AND" // every filter must match
	SearchModeOr  SearchMode = "OR"  // any filter may match
)

// SortDirection orders search results.
type SortDirection string

// Sort directions.
const (
	Asc  SortDirection = "ASC"
	Desc SortDirection = "DESC"
)

// SearchOptions holds paging and the filters common to every search.
// Take and Skip travel in the query; the rest in the JSON body.
type SearchOptions struct {
	Take         int                      `json:"-"` // 1–100; 0 = server default (pages) or 100 (iterators)
	Skip         int                      `json:"-"` // matches to skip; at least 0
	Mode         SearchMode               `json:"mode,omitempty"`
	Order        map[string]SortDirection `json:"order,omitempty"` // e.g. {"created_on": Desc}
	CreatedFrom  *time.Time               `json:"created_on_from,omitempty"`
	CreatedTo    *time.Time               `json:"created_on_to,omitempty"`
	ModifiedFrom *time.Time               `json:"modified_on_from,omitempty"`
	ModifiedTo   *time.Time               `json:"modified_on_to,omitempty"`
}

// searchWire is SearchOptions as sent, with timestamps in the wire layout.
type searchWire struct {
	Mode         SearchMode               `json:"mode,omitempty"`
	Order        map[string]SortDirection `json:"order,omitempty"`
	CreatedFrom  *wireTime                `json:"created_on_from,omitempty"`
	CreatedTo    *wireTime                `json:"created_on_to,omitempty"`
	ModifiedFrom *wireTime                `json:"modified_on_from,omitempty"`
	ModifiedTo   *wireTime                `json:"modified_on_to,omitempty"`
}

// wire converts o for the request body.
func (o SearchOptions) wire() searchWire {
	return searchWire{
		Mode:         o.Mode,
		Order:        o.Order,
		CreatedFrom:  optTime(o.CreatedFrom),
		CreatedTo:    optTime(o.CreatedTo),
		ModifiedFrom: optTime(o.ModifiedFrom),
		ModifiedTo:   optTime(o.ModifiedTo),
	}
}

// MarshalJSON writes the body members, timestamps in UTC with milliseconds.
func (o SearchOptions) MarshalJSON() ([]byte, error) { return json.Marshal(o.wire()) }

// Page is one page of search results.
type Page[T any] struct {
	Total int  `json:"total"` // number of matches
	Take  int  `json:"take"`  // as echoed by Opentact; 0 when not echoed
	Skip  int  `json:"skip"`  // as echoed by Opentact
	Items []*T `json:"data"`
}

// UnmarshalJSON reads a page object, or a bare array as a complete page.
func (p *Page[T]) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '[' {
		var items []*T
		if err := json.Unmarshal(b, &items); err != nil {
			return err
		}
		*p = Page[T]{Total: len(items), Items: items}
		return nil
	}
	type plain Page[T]
	return json.Unmarshal(b, (*plain)(p))
}

// pageSpec describes one search endpoint.
type pageSpec struct {
	op   string // e.g. "Leases.Search"
	path string // escaped path
}

// checkPaging validates Take and Skip and builds the query.
func checkPaging(op string, take, skip int) (url.Values, error) {
	if take != 0 && (take < 1 || take > 100) {
		return nil, invalidArg(op, "Take %d is outside 1–100", take)
	}
	if skip < 0 {
		return nil, invalidArg(op, "Skip %d is negative", skip)
	}
	q := url.Values{"skip": {strconv.Itoa(skip)}}
	if take != 0 {
		q.Set("take", strconv.Itoa(take))
	}
	return q, nil
}

// searchPage fetches one page: POST path?take&skip with the options o as
// the body; a nil o is sent as the zero options.
func searchPage[T any, O any, P interface {
	*O
	paging
}](ctx context.Context, c *Client, sp pageSpec, o *O, opts []CallOption) (*Page[T], error) {
	if o == nil {
		o = new(O)
	}
	take, skip := P(o).paging()
	q, err := checkPaging(sp.op, *take, *skip)
	if err != nil {
		return nil, err
	}
	r, err := jsonRequest(sp.op, "POST", sp.path, o)
	if err != nil {
		return nil, err
	}
	r.query = q
	r.readOnly = true
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	page := new(Page[T])
	if err := decodeInto(r, rep, page); err != nil {
		return nil, err
	}
	return page, nil
}

// paging gives the iterator access to the Take and Skip of an options value.
type paging interface {
	paging() (take, skip *int)
}

// iterate is the iterator behind every All method. It copies the caller's
// options once (never modifying them), asks for 100 items per page unless
// Take says otherwise, and stops when a page is empty or Skip reaches Total.
// A null element of a page is not yielded.
func iterate[T any, O any, P interface {
	*O
	paging
}](o *O, clone func(O) O, fetch func(*O) (*Page[T], error)) iter.Seq2[*T, error] {
	return func(yield func(*T, error) bool) {
		var cp O
		if o != nil {
			cp = clone(*o)
		}
		take, skip := P(&cp).paging()
		if *take == 0 {
			*take = 100
		}
		for {
			page, err := fetch(&cp)
			if err != nil {
				yield(nil, err)
				return
			}
			for _, item := range page.Items {
				if item == nil {
					continue // a null element: nothing to yield, still counted in Skip
				}
				if !yield(item, nil) {
					return
				}
			}
			*skip += len(page.Items)
			if len(page.Items) == 0 || *skip >= page.Total {
				return
			}
		}
	}
}

// clone copies the common options, including the Order map.
func (o SearchOptions) clone() SearchOptions {
	o.Order = maps.Clone(o.Order)
	return o
}

// paging implements paging for every options type embedding SearchOptions.
func (o *SearchOptions) paging() (take, skip *int) { return &o.Take, &o.Skip }
