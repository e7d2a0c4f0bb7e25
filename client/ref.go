package client

import (
	"bytes"
	"encoding/json"
	"errors"
	"strconv"
)

// unmarshalRef decodes a reference member: the full object (into obj, a
// pointer to a type without an UnmarshalJSON method), {}, null, a bare id
// string (passed to setID) or a bare integer (passed to setInt, or to setID
// as text when setInt is nil).
func unmarshalRef(b []byte, name string, obj any, setID func(string), setInt func(int64)) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return nil
	}
	switch c := b[0]; {
	case c == '{':
		return json.Unmarshal(b, obj)
	case c == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		if setInt != nil && s != "" {
			if n, err := strconv.ParseInt(s, 10, 64); err == nil {
				setInt(n)
				return nil
			}
		}
		if setID == nil {
			return errors.New("opentact: a string cannot stand for a " + name)
		}
		setID(s)
		return nil
	case c == '-' || (c >= '0' && c <= '9'):
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return err
		}
		if setInt != nil {
			i, err := n.Int64()
			if err != nil {
				return errors.New("opentact: " + name + " id is not an integer")
			}
			setInt(i)
			return nil
		}
		if setID == nil {
			return errors.New("opentact: a number cannot stand for a " + name)
		}
		setID(n.String())
		return nil
	}
	return errors.New("opentact: unexpected JSON value for a " + name)
}
