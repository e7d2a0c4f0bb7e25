package events

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/opentact-go/opentact/internal/eventwire"
	"github.com/opentact-go/opentact/internal/jsondepth"
)

// Decode decodes one event envelope of either generation. The input must be
// exactly one JSON object, optionally surrounded by whitespace, nesting at
// most 64 levels; anything else gives a *DecodeError and a zero Event. The content is read leniently:
// unknown members are ignored, missing and null members leave zero values, and
// a member of an unexpected JSON type is left zero and listed in
// Event.Skipped. Unknown event types are not an error: they decode with
// Kind == KindUnknown.
//
// The returned event does not share memory with data.
func Decode(data []byte) (Event, error) {
	root, err := checkObject(data)
	if err != nil {
		return Event{}, err
	}
	return decodeEnvelope(root), nil
}

func init() {
	eventwire.DecodeBare = func(data []byte, wireType string) (any, error) {
		return decodeBareBody(data, wireType)
	}
}

// decodeBareBody decodes a webhook body that holds the entity itself (a
// call or an SMS object, with no envelope) as an event of the given wire
// type, with Envelope == EnvelopeBare. Time, Message and Payload stay
// empty; RefID and Account come from the entity. Package webhook reaches it
// through internal/eventwire.
func decodeBareBody(data []byte, wireType string) (Event, error) {
	root, err := checkObject(data)
	if err != nil {
		return Event{}, err
	}
	return decodeBare(root, wireType), nil
}

// checkObject verifies that data is exactly one JSON object and returns a
// private copy of it.
func checkObject(data []byte) ([]byte, error) {
	start := skipSpace(data, 0)
	if start == len(data) {
		return nil, &DecodeError{Msg: "empty input"}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var first json.RawMessage
	if err := dec.Decode(&first); err != nil {
		// The decoder reports truncated input as io.ErrUnexpectedEOF;
		// Unmarshal scans the whole input and always gives a positioned
		// *json.SyntaxError for the same problem.
		var syn *json.SyntaxError
		if !errors.As(err, &syn) {
			if uerr := json.Unmarshal(data, new(json.RawMessage)); !errors.As(uerr, &syn) {
				return nil, &DecodeError{Offset: int64(len(data)), Msg: err.Error(), Err: err}
			}
		}
		return nil, &DecodeError{Offset: syn.Offset, Msg: syn.Error(), Err: syn}
	}
	if data[start] != '{' {
		return nil, &DecodeError{Msg: "event is not a JSON object"}
	}
	if rest := skipSpace(data, int(dec.InputOffset())); rest < len(data) {
		return nil, &DecodeError{Offset: int64(rest), Msg: "unexpected data after the JSON object"}
	}
	if !utf8.Valid(data) {
		return nil, &DecodeError{Offset: int64(invalidUTF8(data)), Msg: "invalid UTF-8"}
	}
	if off := jsondepth.Exceeds(data, jsondepth.Max); off >= 0 {
		// Decoding nested call objects costs the depth times the size.
		return nil, &DecodeError{Offset: int64(off), Msg: fmt.Sprintf("JSON nests deeper than %d levels", jsondepth.Max)}
	}
	return bytes.Clone(data), nil
}

// skipSpace returns the index of the first non-whitespace byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// invalidUTF8 returns the offset of the first invalid UTF-8 sequence.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
