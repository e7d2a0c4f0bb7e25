package printable

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"plain text, é":       "plain text, é",
		"line\nforged: yes":   `line\nforged: yes`,
		"\x1b[31mred":         `\x1b[31mred`,
		"bad \xff byte":       `bad \xff byte`,
		"next line\u0085here": `next line\u0085here`,
		"tab\there":           `tab\there`,
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}
