package jsondepth

import (
	"strings"
	"testing"
)

func TestExceeds(t *testing.T) {
	for _, tc := range []struct {
		data string
		max  int
		want int
	}{
		{`{}`, 1, -1},
		{`{"a":[1]}`, 1, 5},
		{`{"a":[1]}`, 2, -1},
		{`{"a":"[[[{{{"}`, 1, -1},
		{`{"a":"\"[[["}`, 1, -1},
		{`{"a":"\\"}[`, 1, -1},
		{`[[]][[]]`, 2, -1},
		{`[[[`, 2, 2},
		{strings.Repeat("[", 65), Max, 64},
		{``, 0, -1},
	} {
		if got := Exceeds([]byte(tc.data), tc.max); got != tc.want {
			t.Errorf("Exceeds(%q, %d) = %d, want %d", tc.data, tc.max, got, tc.want)
		}
	}
}
