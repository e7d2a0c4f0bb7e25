package client

import (
	"context"
	"testing"
)

// TestNullableOnTheWire checks the three states of Nullable in a real request.
func TestNullableOnTheWire(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		req  LeaseUpdateRequest
		want string
	}{
		{"unset", LeaseUpdateRequest{}, `{}`},
		{"null", LeaseUpdateRequest{SIPConnection: Null[string]()}, `{"sip_connection":null}`},
		{"value", LeaseUpdateRequest{SIPConnection: Value("sc-1")}, `{"sip_connection":"sc-1"}`},
		{"empty value", LeaseUpdateRequest{SIPControlApp: Value("")}, `{"sip_control_app":""}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, respond(200, ok(`{"uuid":"l"}`)))
			c, _ := newTestClient(t, s, nil)
			if _, err := c.Leases.Update(context.Background(), "l", &tc.req); err != nil {
				t.Fatal(err)
			}
			if body := s.requests()[0].Body; string(body) != tc.want {
				t.Errorf("body = %s, want %s", body, tc.want)
			}
		})
	}
	n := Value(5)
	if v, ok := n.Get(); !ok || v != 5 || n.IsNull() || n.IsZero() {
		t.Error("Value state")
	}
	if _, ok := Null[int]().Get(); ok || !Null[int]().IsNull() {
		t.Error("Null state")
	}
	var unset Nullable[int]
	if !unset.IsZero() || unset.IsNull() {
		t.Error("unset state")
	}
	if b, _ := unset.MarshalJSON(); string(b) != "null" {
		t.Errorf("unset marshals to %s", b)
	}
	if *Ptr(3) != 3 {
		t.Error("Ptr")
	}
}
