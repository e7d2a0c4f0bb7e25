package client

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// leasePages serves total leases, honouring take and skip but capping take at limit.
func leasePages(total, limit int) func(http.ResponseWriter, *http.Request, []byte) {
	return func(w http.ResponseWriter, r *http.Request, b []byte) {
		take, _ := strconv.Atoi(r.URL.Query().Get("take"))
		skip, _ := strconv.Atoi(r.URL.Query().Get("skip"))
		take = min(take, limit)
		var items []string
		for i := skip; i < min(skip+take, total); i++ {
			items = append(items, fmt.Sprintf(`{"uuid":"l-%d"}`, i))
		}
		respond(200, ok(fmt.Sprintf(`{"take":%d,"skip":%d,"total":%d,"data":[%s]}`, take, skip, total, strings.Join(items, ","))))(w, r, b)
	}
}

func TestIteratorPages(t *testing.T) {
	t.Parallel()
	s := newStub(t, leasePages(250, 100))
	c, _ := newTestClient(t, s, nil)
	from := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	opts := &LeaseSearchOptions{SearchOptions: SearchOptions{Order: map[string]SortDirection{"tn": Asc}, CreatedFrom: &from}, TN: "1202*"}
	before := *opts
	var got []string
	for lease, err := range c.Leases.All(context.Background(), opts) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, lease.UUID)
	}
	if len(got) != 250 || got[0] != "l-0" || got[249] != "l-249" {
		t.Fatalf("got %d leases (%v…)", len(got), got[:min(3, len(got))])
	}
	reqs := s.requests()
	if len(reqs) != 3 {
		t.Fatalf("%d requests, want 3", len(reqs))
	}
	for i, r := range reqs {
		if r.Query.Get("take") != "100" || r.Query.Get("skip") != strconv.Itoa(100*i) {
			t.Errorf("request %d query = %v", i, r.Query)
		}
		if d := jsonDiff(t, `{"order":{"tn":"ASC"},"created_on_from":"2024-01-01T00:00:00.000Z","tn":"1202*"}`, r.Body); d != "" {
			t.Errorf("request %d body (-want +got):\n%s", i, d)
		}
	}
	if d := cmp.Diff(before, *opts); d != "" || opts.Take != 0 || opts.Skip != 0 {
		t.Errorf("caller's options changed (-before +after):\n%s", d)
	}
}

// TestIteratorServerCapsTake checks that a server returning fewer items than
// asked does not end the iteration early.
func TestIteratorServerCapsTake(t *testing.T) {
	t.Parallel()
	s := newStub(t, leasePages(45, 10))
	c, _ := newTestClient(t, s, nil)
	n := 0
	for _, err := range c.Leases.All(context.Background(), &LeaseSearchOptions{SearchOptions: SearchOptions{Take: 50, Skip: 5}}) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n != 40 {
		t.Errorf("%d items, want 40", n)
	}
	if r := len(s.requests()); r != 4 {
		t.Errorf("%d requests, want 4", r)
	}
}

func TestIteratorBreakStopsRequests(t *testing.T) {
	t.Parallel()
	s := newStub(t, leasePages(250, 100))
	c, _ := newTestClient(t, s, nil)
	n := 0
	for _, err := range c.Leases.All(context.Background(), nil) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		if n == 150 {
			break
		}
	}
	if r := len(s.requests()); r != 2 {
		t.Errorf("%d requests after breaking on item 150, want 2", r)
	}
}

func TestIteratorErrorYieldedOnce(t *testing.T) {
	t.Parallel()
	s := newStub(t, sequence(leasePages(250, 100), respond(404, `{"success":false,"message":"gone","status":404}`)))
	c, _ := newTestClient(t, s, nil)
	items, errs := 0, 0
	for lease, err := range c.Leases.All(context.Background(), nil) {
		if err != nil {
			errs++
			if !errors.Is(err, ErrNotFound) || lease != nil {
				t.Errorf("yielded %v, %v", lease, err)
			}
			continue
		}
		items++
	}
	if items != 100 || errs != 1 {
		t.Errorf("items %d, errors %d; want 100 and 1", items, errs)
	}
	if r := len(s.requests()); r != 2 {
		t.Errorf("%d requests, want 2", r)
	}
}

func TestIteratorEmptyPageStops(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"total":99,"data":[]}`)))
	c, _ := newTestClient(t, s, nil)
	for range c.Leases.All(context.Background(), nil) {
		t.Fatal("item from an empty page")
	}
	if r := len(s.requests()); r != 1 {
		t.Errorf("%d requests, want 1", r)
	}
}

// TestEveryIterator drives each All method over two pages.
func TestEveryIterator(t *testing.T) {
	t.Parallel()
	page := func(n int) string {
		return fmt.Sprintf(`{"total":2,"data":[{"uuid":"x%d","tn":%d}]}`, n, n)
	}
	cases := []struct {
		name string
		path string
		run  func(c *Client) (int, error)
	}{
		{"Numbers", "/tn/search", func(c *Client) (int, error) {
			return count(c.Numbers.All(context.Background(), &NumberSearchOptions{Take: 1}))
		}},
		{"Orders", "/order/search", func(c *Client) (int, error) {
			return count(c.Orders.All(context.Background(), &OrderSearchOptions{State: OrderSuccess}))
		}},
		{"Messages", "/sms/search", func(c *Client) (int, error) {
			return count(c.Messages.All(context.Background(), &MessageSearchOptions{Thread: "t"}))
		}},
		{"Calls", "/call/search", func(c *Client) (int, error) {
			return count(c.Calls.All(context.Background(), &CallSearchOptions{Direction: DirectionOut}))
		}},
		{"Logs", "/sip/app/app-1/logs", func(c *Client) (int, error) {
			return count(c.SIPControlApps.AllLogs(context.Background(), "app-1", &CallFlowLogSearchOptions{Name: "Say"}))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, sequence(respond(200, ok(page(1))), respond(200, ok(page(2)))))
			c, _ := newTestClient(t, s, nil)
			n, err := tc.run(c)
			if err != nil || n != 2 {
				t.Fatalf("%d items, %v", n, err)
			}
			reqs := s.requests()
			if len(reqs) != 2 || reqs[1].Path != tc.path || reqs[1].Query.Get("skip") != "1" {
				t.Errorf("requests = %+v", reqs)
			}
		})
	}
}

func count[T any](seq func(func(*T, error) bool)) (int, error) {
	n := 0
	for _, err := range seq {
		if err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

func TestPagingValidation(t *testing.T) {
	t.Parallel()
	s := newStub(t, respond(200, ok(`{"total":0,"data":[]}`)))
	c, _ := newTestClient(t, s, nil)
	for _, o := range []SearchOptions{{Take: -1}, {Take: 101}, {Skip: -1}} {
		_, err := c.Orders.Search(context.Background(), &OrderSearchOptions{SearchOptions: o})
		if !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("%+v: error = %v", o, err)
		}
	}
	if _, err := c.Numbers.Search(context.Background(), &NumberSearchOptions{Take: 500}); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("number search take 500: %v", err)
	}
	if n := len(s.requests()); n != 0 {
		t.Errorf("%d requests, want none", n)
	}
	for _, take := range []int{1, 100} {
		if _, err := c.Orders.Search(context.Background(), &OrderSearchOptions{SearchOptions: SearchOptions{Take: take}}); err != nil {
			t.Errorf("take %d: %v", take, err)
		}
	}
}

func TestPageDecoding(t *testing.T) {
	t.Parallel()
	var p Page[Lease]
	if err := json.Unmarshal([]byte(`[{"uuid":"a"},"b"]`), &p); err != nil || p.Total != 2 || p.Items[1].UUID != "b" {
		t.Errorf("bare array page = %+v, %v", p, err)
	}
	if err := json.Unmarshal([]byte(`[1`), &p); err == nil {
		t.Error("broken array accepted")
	}
	b, _ := json.Marshal(SearchOptions{Mode: SearchModeAnd, ModifiedTo: &expireAt, ModifiedFrom: &expireAt})
	if string(b) != `{"mode":"AND","modified_on_from":"2031-01-01T00:00:00.000Z","modified_on_to":"2031-01-01T00:00:00.000Z"}` {
		t.Errorf("SearchOptions JSON = %s", b)
	}
}
