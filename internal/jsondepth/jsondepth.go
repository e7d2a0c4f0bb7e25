// Package jsondepth bounds the nesting of a JSON text before it is
// decoded. Decoding types that keep the raw text of nested objects (events'
// and the REST client's call objects, with their parent legs) costs time
// and memory in proportion to the depth times the size, so a hostile reply
// or webhook body that nests thousands of levels would take minutes.
package jsondepth

// Max is the nesting the SDK accepts: far more than any Opentact object
// (an event's call_flow element tree included), far less than the
// thousands of levels encoding/json allows.
const Max = 64

// Exceeds returns the offset of the first '{' or '[' that opens level
// max+1 of data, or -1 when data nests at most max levels. Brackets inside
// strings do not count; data need not be valid JSON.
func Exceeds(data []byte, max int) int {
	depth, inString, escaped := 0, false, false
	for i, b := range data {
		if inString {
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
			}
			continue
		}
		switch b {
		case '"':
			inString = true
		case '{', '[':
			if depth++; depth > max {
				return i
			}
		case '}', ']':
			depth--
		}
	}
	return -1
}
