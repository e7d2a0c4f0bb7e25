package webhook

import (
	"strconv"
	"sync/atomic"
)

// lengthCache keeps the Content-Length header values of a handler's recent
// replies, so that serving a document of a length served before allocates
// no header value. A slot holds one length; a length another one pushed out
// costs what formatting it always did.
type lengthCache struct {
	slots [8]atomic.Pointer[lengthValue]
}

// lengthValue is one Content-Length header value.
type lengthValue struct {
	n int
	v [1]string
}

// value returns the header value for a body of n bytes. The slice is
// shared between replies; it is capped at its length, so that appending to
// it copies it, and net/http only reads it.
func (c *lengthCache) value(n int) []string {
	slot := &c.slots[uint(n)%uint(len(c.slots))]
	if lv := slot.Load(); lv != nil && lv.n == n {
		return lv.v[:1:1]
	}
	lv := &lengthValue{n: n, v: [1]string{strconv.Itoa(n)}}
	slot.Store(lv)
	return lv.v[:1:1]
}
