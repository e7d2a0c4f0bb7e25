package clienttest_test

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/opentact-go/opentact/client/clienttest"
)

type available struct {
	TN         int64    `json:"tn"`
	Registered bool     `json:"registered"`
	Type       string   `json:"type"`
	Features   []string `json:"features"`
}

func TestNumberSearchFilters(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.AddAvailableNumbers(13125550100, 18005550123)
	tests := []struct {
		name  string
		body  object
		total int
		first int64
	}{
		{"everything", object{}, 107, 12025550100},
		{"long code", object{"type": "long_code"}, 101, 12025550100},
		{"toll free", object{"type": "toll_free"}, 6, 18005550123},
		{"state", object{"state": "DC"}, 100, 12025550100},
		{"state lower case", object{"state": "dc"}, 100, 12025550100},
		{"city", object{"city": "Washington"}, 100, 12025550100},
		{"rate center", object{"rate_center": "WSHNGTNZN1"}, 100, 12025550100},
		{"npa", object{"npa": "312"}, 1, 13125550100},
		{"nxx", object{"nxx": "555"}, 107, 12025550100},
		{"line", object{"line": "01x3"}, 12, 12025550103},
		{"line all wildcards", object{"line": "xxxx"}, 107, 12025550100},
		{"pattern x", object{"pattern": "20255501x9"}, 10, 12025550109},
		{"pattern percent", object{"pattern": "%%%5550104"}, 2, 12025550104},
		{"pattern star", object{"pattern": "888*4"}, 1, 18885550104},
		{"pattern inside", object{"pattern": "555019"}, 10, 12025550190},
		{"AND", object{"npa": "202", "line": "0150"}, 1, 12025550150},
		{"OR", object{"npa": "312", "line": "0123", "mode": "OR"}, 3, 12025550123},
		{"no match", object{"state": "NY"}, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var p page[available]
			f.ok(200, "POST", "/tn/search?take=100", tt.body, &p)
			if p.Total != tt.total {
				t.Fatalf("total = %d, want %d", p.Total, tt.total)
			}
			if tt.total > 0 && p.Data[0].TN != tt.first {
				t.Errorf("first = %d, want %d", p.Data[0].TN, tt.first)
			}
			for _, n := range p.Data {
				if n.Registered || n.Type == "" || len(n.Features) != 2 {
					t.Errorf("item = %+v", n)
				}
			}
		})
	}
}

func TestNumberSearchPages(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var seen []int64
	for skip := 0; ; skip += 40 {
		var p page[available]
		f.ok(200, "POST", fmt.Sprintf("/tn/search?take=40&skip=%d", skip), object{}, &p)
		if p.Take != 40 || p.Skip != skip || p.Total != 105 {
			t.Fatalf("page %+v", p)
		}
		if len(p.Data) == 0 {
			break
		}
		for _, n := range p.Data {
			seen = append(seen, n.TN)
		}
	}
	if len(seen) != 105 || seen[0] != 12025550100 || seen[104] != 18885550104 {
		t.Fatalf("saw %d numbers", len(seen))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] <= seen[i-1] {
			t.Fatalf("not ascending at %d", i)
		}
	}
	// Paging read from the body when the query has none.
	var p page[available]
	f.ok(200, "POST", "/tn/search", object{"take": 5, "skip": 100}, &p)
	if p.Take != 5 || p.Skip != 100 || len(p.Data) != 5 {
		t.Errorf("body paging: %+v", p)
	}
	// Defaults.
	f.ok(200, "POST", "/tn/search", nil, &p)
	if p.Take != 10 || p.Skip != 0 || len(p.Data) != 10 {
		t.Errorf("defaults: %+v", p)
	}
}

func TestSearchParameterValidation(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	tests := []struct {
		name, query string
		body        object
		field       string
	}{
		{"take zero", "?take=0", nil, "params.take"},
		{"take too big", "?take=101", nil, "params.take"},
		{"take not a number", "?take=ten", nil, "params.take"},
		{"skip negative", "?skip=-1", nil, "params.skip"},
		{"body take too big", "", object{"take": 500}, "params.take"},
		{"body take string", "", object{"take": "5"}, "params.take"},
		{"mode", "", object{"mode": "XOR"}, "params.mode"},
		{"order direction", "", object{"order": object{"created_on": "UP"}}, "params.order.created_on"},
		{"order not an object", "", object{"order": "created_on"}, "params.order"},
		{"time", "", object{"created_on_from": "yesterday"}, "params.created_on_from"},
		{"filter type", "", object{"autorenew": "yes"}, "params.autorenew"},
		{"skip list type", "", object{"sip_connections_skip": "abc"}, "params.sip_connections_skip"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := f.fail(400, "POST", "/lease/tn/search"+tt.query, tt.body)
			if _, ok := r.Fields[tt.field]; !ok {
				t.Errorf("fields = %s, want %s", r.Raw, tt.field)
			}
		})
	}
}

func TestOrders(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var o struct {
		UUID       string `json:"uuid"`
		State      string `json:"state"`
		Total      int    `json:"total"`
		Success    int    `json:"success"`
		Processing int    `json:"processing"`
		Failed     int    `json:"failed"`
		Items      []any  `json:"items"`
	}
	f.ok(201, "POST", "/order", object{"items": []object{
		{"tn": 12025550100, "features": []string{"voice"}, "autorenew": true},
		{"tn": "12025550101", "features": []string{"sms", "voice"}, "autorenew": false},
		{"tn": 19995550000, "features": []string{"voice"}, "autorenew": true},
	}}, &o)
	if o.State != "success" || o.Total != 3 || o.Success != 2 || o.Failed != 1 || o.Processing != 0 || o.Items != nil {
		t.Errorf("order reply = %+v", o)
	}

	var full struct {
		State string `json:"state"`
		Items []struct {
			TN        int64    `json:"tn"`
			Features  []string `json:"features"`
			Autorenew bool     `json:"autorenew"`
		} `json:"items"`
		Errors []struct {
			Item   struct{ TN int64 } `json:"item"`
			Reason string             `json:"reason"`
		} `json:"errors"`
		TNs      []struct{ TN int64 } `json:"tns"`
		TNLeases []struct {
			UUID      string `json:"uuid"`
			Autorenew bool   `json:"autorenew"`
			TN        struct{ TN int64 }
			ExpiredOn string `json:"expired_on"`
			Order     string `json:"tnorder"`
		} `json:"tnleases"`
	}
	f.ok(200, "GET", "/order/"+o.UUID, nil, &full)
	if len(full.Items) != 2 || full.Items[1].TN != 12025550101 || full.Items[1].Autorenew {
		t.Errorf("items = %+v", full.Items)
	}
	if len(full.Errors) != 1 || full.Errors[0].Item.TN != 19995550000 || full.Errors[0].Reason != "not available" {
		t.Errorf("errors = %+v", full.Errors)
	}
	if len(full.TNs) != 2 || len(full.TNLeases) != 2 || full.TNLeases[0].TN.TN != 12025550100 ||
		!full.TNLeases[0].Autorenew || full.TNLeases[1].Autorenew || full.TNLeases[0].Order != o.UUID || full.TNLeases[0].ExpiredOn == "" {
		t.Errorf("tns = %+v, tnleases = %+v", full.TNs, full.TNLeases)
	}

	// Leased numbers are no longer offered, and cannot be bought twice.
	var p page[available]
	f.ok(200, "POST", "/tn/search", object{"pattern": "202555010*"}, &p)
	if p.Total != 8 {
		t.Errorf("search after order: total %d", p.Total)
	}
	var again struct{ State string }
	f.ok(201, "POST", "/order", object{"items": []object{{"tn": 12025550100, "features": []string{"voice"}, "autorenew": true}}}, &again)
	if again.State != "failed" {
		t.Errorf("second order state = %q", again.State)
	}

	var found page[object]
	f.ok(200, "POST", "/order/search", object{"state": "failed"}, &found)
	if found.Total != 1 {
		t.Errorf("failed orders = %d", found.Total)
	}
	f.ok(200, "POST", "/order/search", object{"order": object{"created_on": "DESC"}}, &found)
	if found.Total != 2 || found.Data[1]["uuid"] != o.UUID {
		t.Errorf("orders DESC = %+v", found)
	}
	if r := f.fail(404, "GET", "/order/00000000-0000-4000-8000-000000009999", nil); r.Message != "Order not found" {
		t.Errorf("message = %q", r.Message)
	}
}

func TestOrderValidation(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithValidationStatus(500))
	tests := []struct {
		name  string
		body  any
		field string
	}{
		{"no items", object{}, "params.items"},
		{"empty items", object{"items": []object{}}, "params.items"},
		{"item not an object", object{"items": []any{1}}, "params.items[0]"},
		{"missing tn", object{"items": []object{{"features": []string{"voice"}, "autorenew": true}}}, "params.items[0].tn"},
		{"bad tn", object{"items": []object{{"tn": "12-02", "features": []string{"voice"}, "autorenew": true}}}, "params.items[0].tn"},
		{"no features", object{"items": []object{{"tn": 12025550100, "features": []string{}, "autorenew": true}}}, "params.items[0].features"},
		{"bad feature", object{"items": []object{{"tn": 12025550100, "features": []string{"fax"}, "autorenew": true}}}, "params.items[0].features"},
		{"missing autorenew", object{"items": []object{{"tn": 12025550100, "features": []string{"voice"}}}}, "params.items[0].autorenew"},
		{"second item", object{"items": []object{
			{"tn": 12025550100, "features": []string{"voice"}, "autorenew": true},
			{"tn": 12025550101, "features": []string{"voice"}, "autorenew": "yes"},
		}}, "params.items[1].autorenew"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := f.fail(500, "POST", "/order", tt.body)
			if _, ok := r.Fields[tt.field]; !ok {
				t.Errorf("fields = %s, want %s", r.Raw, tt.field)
			}
		})
	}
	// Nothing was bought.
	var p page[object]
	f.ok(200, "POST", "/lease/tn/search", nil, &p)
	if p.Total != 0 {
		t.Errorf("%d leases after invalid orders", p.Total)
	}
}

func TestPendingOrders(t *testing.T) {
	t.Parallel()
	f := newFake(t, clienttest.WithPendingOrders(2))
	var o struct {
		UUID       string
		State      string
		Processing int
		Success    int
	}
	f.ok(201, "POST", "/order", object{"items": []object{{"tn": 12025550142, "features": []string{"voice"}, "autorenew": true}}}, &o)
	if o.State != "processing" || o.Processing != 1 || o.Success != 0 {
		t.Fatalf("order = %+v", o)
	}
	var leases page[object]
	f.ok(200, "POST", "/lease/tn/search", nil, &leases)
	if leases.Total != 0 {
		t.Fatal("lease exists before the order completed")
	}
	// The number is reserved meanwhile.
	var p page[available]
	f.ok(200, "POST", "/tn/search", object{"line": "0142"}, &p)
	if p.Total != 0 {
		t.Error("pending number still offered")
	}
	states := []string{}
	for range 3 {
		var g struct{ State string }
		f.ok(200, "GET", "/order/"+o.UUID, nil, &g)
		states = append(states, g.State)
	}
	if fmt.Sprint(states) != "[processing success success]" {
		t.Errorf("states = %v", states)
	}
	f.ok(200, "POST", "/lease/tn/search", nil, &leases)
	if leases.Total != 1 {
		t.Errorf("%d leases after completion", leases.Total)
	}
}

func TestBalanceExhausted(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	lease := f.buy(12025550100)[0]
	var ovp object
	f.ok(201, "POST", "/profile/outbound_voice", object{"name": "out", "product": 1, "tn_lease": lease}, &ovp)
	f.SetBalanceExhausted(true)
	for _, c := range []struct {
		path string
		body object
	}{
		{"/order", object{"items": []object{{"tn": 12025550101, "features": []string{"voice"}, "autorenew": true}}}},
		{"/sms", object{"from": 12025550100, "to": 12025550199, "message": "hi"}},
		{"/batch", object{"outbound_voice_profile": ovp["uuid"], "phones": []int64{12025550199}, "xml": "<Response/>"}},
	} {
		if r := f.fail(402, "POST", c.path, c.body); r.Message != "Not enough account balance" {
			t.Errorf("%s: message %q", c.path, r.Message)
		}
	}
	var u struct {
		Account struct{ Balance float64 }
	}
	r := f.login("Authorization", basic(f.Email(), f.Password()))
	if err := jsonUnmarshal(r.Payload, &u); err != nil || u.Account.Balance != 0 {
		t.Errorf("balance = %v", u.Account.Balance)
	}
	f.SetBalanceExhausted(false)
	f.AddSMSNumber(12025550100)
	f.ok(200, "POST", "/sms", object{"from": 12025550100, "to": 12025550199, "message": "hi"}, nil)
	if n := len(f.SentMessages()); n != 1 {
		t.Errorf("%d messages sent", n)
	}
}

func TestTNProfiles(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	var list []object
	f.ok(200, "GET", "/profile/tn", nil, &list)
	if len(list) != 1 || list[0]["name"] != "US" {
		t.Fatalf("profiles = %v", list)
	}
	country, _ := list[0]["country"].(map[string]any)
	if country["a2"] != "US" {
		t.Errorf("country = %v", country)
	}
	var one object
	f.ok(200, "GET", "/profile/tn/"+uuidOf(t, list[0]), nil, &one)
	if one["uuid"] != list[0]["uuid"] {
		t.Errorf("profile = %v", one)
	}
	f.fail(404, "GET", "/profile/tn/nope", nil)
}

func TestAddAvailableNumbersSkipsLeased(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.buy(12025550100)
	f.AddAvailableNumbers(12025550100, 0, 18445550000)
	var p page[available]
	f.ok(200, "POST", "/tn/search?take=100", object{"pattern": "*0000"}, &p)
	if p.Total != 1 || p.Data[0].Type != "toll_free" || strconv.FormatInt(p.Data[0].TN, 10) != "18445550000" {
		t.Errorf("search = %+v", p)
	}
	f.ok(200, "POST", "/tn/search", object{"line": "0100", "type": "long_code"}, &p)
	if p.Total != 0 {
		t.Errorf("leased number offered again: %+v", p)
	}
}
