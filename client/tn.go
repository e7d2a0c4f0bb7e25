package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
)

// TN is a telephone number as Opentact writes it: the E.164 digits without
// "+", e.g. 12029822917. It travels as a JSON number.
type TN int64

// ParseTN reads a phone number written with optional spaces, "-", ".", "(",
// ")" and one leading "+": "+1 (202) 982-2917", "1-202-982-2917" and
// "12029822917" all give 12029822917. It needs 1 to 15 digits and never adds
// a country code.
func ParseTN(s string) (TN, error) {
	digits := strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '.', '(', ')':
			return -1
		}
		return r
	}, s)
	digits = strings.TrimPrefix(digits, "+")
	if len(digits) < 1 || len(digits) > 15 {
		return 0, invalidArg("ParseTN", "%q does not hold 1 to 15 digits", s)
	}
	for i := 0; i < len(digits); i++ {
		if digits[i] < '0' || digits[i] > '9' {
			return 0, invalidArg("ParseTN", "%q is not a phone number", s)
		}
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	if err != nil {
		return 0, invalidArg("ParseTN", "%q is not a phone number", s)
	}
	return TN(n), nil
}

// String returns the digits, e.g. "12029822917".
func (t TN) String() string { return strconv.FormatInt(int64(t), 10) }

// E164 returns the number with a leading "+", e.g. "+12029822917".
func (t TN) E164() string { return "+" + t.String() }

// MarshalJSON writes the number as a JSON number.
func (t TN) MarshalJSON() ([]byte, error) { return []byte(t.String()), nil }

// UnmarshalJSON accepts a JSON number, a digit string with an optional
// leading "+", or null (which gives 0).
func (t *TN) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = 0
		return nil
	}
	s := string(b)
	if b[0] == '"' {
		if err := json.Unmarshal(b, &s); err != nil {
			return errors.New("opentact: phone number is not a JSON string")
		}
		if s == "" {
			*t = 0
			return nil
		}
		s = strings.TrimPrefix(s, "+")
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return errors.New("opentact: phone number is not a non-negative integer")
	}
	*t = TN(n)
	return nil
}

// Address is a number or a name as Opentact returned it (an SMS or call
// party may be a SIP user name). JSON numbers and strings are both kept as
// text.
type Address string

// TN parses the address as a phone number (see ParseTN).
func (a Address) TN() (TN, error) { return ParseTN(string(a)) }

// UnmarshalJSON accepts a JSON string, a JSON number or null.
func (a *Address) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*a = ""
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return errors.New("opentact: address is not a JSON string")
		}
		*a = Address(s)
	default:
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return errors.New("opentact: address is neither a string nor a number")
		}
		*a = Address(n.String())
	}
	return nil
}
