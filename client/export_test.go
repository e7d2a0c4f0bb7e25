package client

import "time"

// This file exports internals to the external test package client_test,
// whose tests use clienttest (which imports client).

// Waits records the waits of a client; see recordWaits.
type Waits = waits

// RecordWaits is recordWaits.
func RecordWaits(c *Client) *Waits { return recordWaits(c) }

// All returns the recorded waits.
func (w *waits) All() []time.Duration { return w.all() }

// SetClock replaces the client's clock.
func SetClock(c *Client, now func() time.Time) { c.now = now }
