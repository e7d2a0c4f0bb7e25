package client

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestParseTN(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want TN
		ok   bool
	}{
		{"+1 (202) 982-2917", 12029822917, true},
		{"1-202-982-2917", 12029822917, true},
		{"12029822917", 12029822917, true},
		{"1.202.982.2917", 12029822917, true},
		{"7", 7, true},
		{"123456789012345", 123456789012345, true},
		{"1234567890123456", 0, false},
		{"", 0, false},
		{"+", 0, false},
		{"++12025550100", 0, false},
		{"1202abc", 0, false},
		{"sip:bob", 0, false},
	}
	for _, tc := range cases {
		got, err := ParseTN(tc.in)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("ParseTN(%q) = %d, %v", tc.in, got, err)
		}
		if err != nil && !errors.Is(err, ErrInvalidArgument) {
			t.Errorf("ParseTN(%q) error %v is not ErrInvalidArgument", tc.in, err)
		}
	}
	n := TN(12029822917)
	if n.String() != "12029822917" || n.E164() != "+12029822917" {
		t.Errorf("String/E164 = %s %s", n, n.E164())
	}
}

func TestTNJSON(t *testing.T) {
	t.Parallel()
	b, _ := json.Marshal(struct{ T TN }{12029822917})
	if string(b) != `{"T":12029822917}` {
		t.Errorf("Marshal = %s", b)
	}
	cases := []struct {
		in   string
		want TN
		ok   bool
	}{
		{`12029822917`, 12029822917, true},
		{`"12029822917"`, 12029822917, true},
		{`"+12029822917"`, 12029822917, true},
		{`null`, 0, true},
		{`""`, 0, true},
		{`"abc"`, 0, false},
		{`-5`, 0, false},
		{`1.5`, 0, false},
		{`true`, 0, false},
	}
	for _, tc := range cases {
		var got TN
		err := json.Unmarshal([]byte(tc.in), &got)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("Unmarshal(%s) = %d, %v", tc.in, got, err)
		}
	}
	var bad TN
	if err := bad.UnmarshalJSON([]byte(`"unterminated`)); err == nil {
		t.Error("broken string accepted")
	}
}

func TestAddressJSON(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		want Address
		ok   bool
	}{
		{`12029822917`, "12029822917", true},
		{`"alice"`, "alice", true},
		{`null`, "", true},
		{`true`, "", false},
		{`{}`, "", false},
	}
	for _, tc := range cases {
		var got Address
		err := json.Unmarshal([]byte(tc.in), &got)
		if tc.ok != (err == nil) || got != tc.want {
			t.Errorf("Unmarshal(%s) = %q, %v", tc.in, got, err)
		}
	}
	if n, err := Address("+1 202 982 2917").TN(); err != nil || n != 12029822917 {
		t.Errorf("TN() = %d, %v", n, err)
	}
	if _, err := Address("alice").TN(); !errors.Is(err, ErrInvalidArgument) {
		t.Errorf("TN() of a name = %v", err)
	}
	var a Address
	if err := a.UnmarshalJSON([]byte(`"x`)); err == nil {
		t.Error("broken string accepted")
	}
}
