// Package events models the notifications Opentact sends about an account
// (call state changes, executed call-flow commands, SMS state changes, number
// orders, recordings, transcripts, balance changes) and receives them over
// Opentact's event websocket.
//
// # The model
//
// Every notification becomes an Event, whatever carried it: the websocket
// Stream, an HTTP webhook (package webhook) or a byte slice given to Decode.
// Opentact has used two JSON envelopes over time; both decode to the same
// Event, normalised as the Envelope field records. The typed content is
// reached through Event.Detail or the accessor of its kind:
//
//	if s, ok := ev.CallState(); ok && s.Ended() {
//		log.Printf("call %s ended: %s", ev.RefID, s.Call.Q850CauseString)
//	}
//
// Decoding is strict about syntax and lenient about content: input that is
// not one JSON object is a *DecodeError, while unknown members are ignored,
// absent ones stay zero and members of an unexpected JSON type are listed in
// Event.Skipped. Event types the SDK does not know are delivered with
// Kind == KindUnknown and their JSON verbatim; they are never dropped.
//
// # The stream
//
// A Stream connects to the websocket, authenticates with a JWT from a
// TokenSource (a *client.Client, or StaticToken), pings the server to detect
// dead connections and reconnects with exponential backoff and jitter.
// Opentact does not keep events while no socket is connected, so every such
// period is reported to the consumer as a gap marker (Kind == KindGap) with
// its time window; applications reconcile it through the REST API's search
// endpoints. Only event types the account subscribed to (client's
// Subscriptions service) arrive.
//
// Events are read into a bounded buffer. When the consumer falls behind, the
// stream stops reading from the socket instead of dropping events; when the
// iteration ends, the stream closes the socket and waits for its goroutines.
package events
