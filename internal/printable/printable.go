// Package printable escapes text from a server before it goes into an
// error's text.
package printable

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String returns s with control characters and invalid UTF-8 escaped as
// in a Go string literal, so that text from a reply or a frame cannot
// forge log lines or terminal sequences in an error's text. Other text is
// kept as it is.
func String(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				fmt.Fprintf(&b, `\x%02x`, s[i]) // an invalid byte
				continue
			}
		}
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r) // '\n', '\x1b', '\u0085'
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
