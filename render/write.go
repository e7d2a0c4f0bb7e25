package render

import (
	"bytes"
	"io"
	"sync"

	"github.com/opentact-go/opentact/verbs"
)

// Option configures Marshal, Encode and Append. The zero Option changes
// nothing.
type Option struct {
	compact bool
}

// Compact writes no white space between elements instead of the default
// two-space indented layout:
//
//	<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>
func Compact() Option {
	return Option{compact: true}
}

// Marshal validates r and returns its canonical XML. Warnings do not block
// rendering. When Validate finds an error, Marshal returns its Diagnostics
// and no bytes; content that cannot be written as XML is a *WriteError.
func Marshal(r *verbs.Response, opts ...Option) ([]byte, error) {
	var out []byte
	err := renderPooled(r, opts, func(b []byte) error {
		out = bytes.Clone(b)
		return nil
	})
	return out, err
}

// Encode validates r and writes its canonical XML to w in one Write. Nothing
// is written when r is invalid.
func Encode(w io.Writer, r *verbs.Response, opts ...Option) error {
	return renderPooled(r, opts, func(b []byte) error {
		_, err := w.Write(b)
		return err
	})
}

// renderPooled validates r, writes it into a pooled buffer and hands the
// bytes, valid only during the call, to use.
func renderPooled(r *verbs.Response, opts []Option, use func([]byte) error) error {
	if err := Validate(r); err != nil {
		return err
	}
	bp := writeBufPool.Get().(*[]byte)
	defer putWriteBuf(bp)
	b, err := Append((*bp)[:0], r, opts...)
	*bp = b
	if err != nil {
		return err
	}
	return use(b)
}

// Append writes the canonical XML of r to the end of dst without
// validating it, and returns the extended buffer. It fails only on content
// that cannot be written as well-formed XML: a nil document or node,
// invalid UTF-8 or a character XML 1.0 forbids, a comment holding "--" or
// ending in "-", a raw name that is not an XML name, a repeated attribute.
// The error is a *WriteError naming the place, and dst comes back
// unchanged. Append allocates nothing when dst has room.
func Append(dst []byte, r *verbs.Response, opts ...Option) ([]byte, error) {
	w := writer{buf: dst}
	for _, o := range opts {
		w.compact = w.compact || o.compact
	}
	w.document(r)
	if w.fault.reason != "" {
		return dst, w.fault.err(r)
	}
	return w.buf, nil
}

// maxPooled is the capacity above which a buffer is not kept for reuse, so
// that one huge document does not pin its memory.
const maxPooled = 1 << 20

var writeBufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func putWriteBuf(bp *[]byte) {
	if cap(*bp) <= maxPooled {
		writeBufPool.Put(bp)
	}
}
