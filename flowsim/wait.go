package flowsim

import "strings"

// Wait is the place where a step-by-step call waits for the caller: the
// command that asks for input (a <Gather>, a <Pause> with dtmf_stop, a
// <RecordWait>).
type Wait struct {
	// Document is the 1-based number of the document, as in Step.
	Document int
	// Path is the command's path in that document, as in Step.
	Path string
	// Element is the command's name: Gather, Pause or RecordWait.
	Element string
}

// Waiting returns the command the call waits at for the caller's next
// action, and false when it waits for nothing (it has ended, or it is not
// driven step by step).
func (c *Call) Waiting() (Wait, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.waiting == nil {
		return Wait{}, false
	}
	return *c.waiting, true
}

// setWaiting records where the call waits; nil when it no longer does.
func (c *Call) setWaiting(w *Wait) {
	c.mu.Lock()
	c.waiting = w
	c.mu.Unlock()
}

// waitAt describes the point p of document number doc.
func waitAt(p point, doc int) *Wait {
	el := p.path[strings.LastIndex(p.path, "/")+1:]
	if i := strings.IndexByte(el, '['); i >= 0 {
		el = el[:i]
	}
	return &Wait{Document: doc, Path: p.path, Element: el}
}
