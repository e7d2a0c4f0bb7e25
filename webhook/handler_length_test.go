package webhook

import (
	"strconv"
	"testing"
)

// TestLengthCache checks the Content-Length values: right for every
// length, also after another length took the same slot, and capped so
// that appending copies.
func TestLengthCache(t *testing.T) {
	var c lengthCache
	for _, n := range []int{0, 1691, 1691, 1699, 1691, 7, 15, 7, 1 << 20} {
		v := c.value(n)
		if len(v) != 1 || v[0] != strconv.Itoa(n) {
			t.Errorf("value(%d) = %q", n, v)
		}
		if cap(v) != 1 {
			t.Errorf("value(%d) has capacity %d, want 1", n, cap(v))
		}
	}
	a := c.value(1691)
	_ = append(a, "x")
	if b := c.value(1691); len(b) != 1 || b[0] != "1691" {
		t.Errorf("after an append, value(1691) = %q", b)
	}
}
