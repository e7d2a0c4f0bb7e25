// Package eventstest is a fake of Opentact's event websocket for tests: a
// real websocket server on loopback that speaks the handshake of the
// events specification, so an application's event consumer (an
// events.Stream and the code that ranges over it) can be tested without
// writing a websocket server.
//
// A Server accepts connections on URL(), which events.WithURL takes. The
// first frame of a connection must be the auth frame
//
//	{"type":"auth","payload":"<JWT>"}
//
// and the server answers, as Opentact does, with a generation-B event of
// type "auth" whose payload holds the connection id (AuthReply): the
// connection is then live. A token the server does not accept gets a
// negative auth reply (AuthRejected) and the connection is closed with
// status 1008. Token is a token the server accepts; WithTokens replaces the
// accepted set. Pings are answered unless a connection is stalled.
//
// Events are scripted: Server.Send writes a frame to every live
// connection, Conn.Send to one; CallStateEvent, SMSEvent and BalanceEvent
// build frames in the documented wire format. Like Opentact, the server
// keeps nothing for a client that is not connected, and WithSubscriptions
// delivers only the event types an account subscribed to.
//
// Failures are scripted too, to test how a consumer handles gaps:
// Conn.Drop ends the TCP connection without a close frame, Conn.Close
// sends a close frame, and Conn.Stall keeps the connection open but stops
// answering pings and sending events, as a dead peer behind a NAT does, so
// the stream's keep-alive declares it lost. NextConn waits for the
// reconnection, so a test follows the stream's recovery step by step
// instead of sleeping.
//
// WithManualAuth hands every connection to the test before the auth reply,
// for tests of the handshake itself: Conn.Read returns the auth frame, and
// AcceptAuth, RejectAuth, Send and Close answer it.
//
// The package imports only the standard library and the websocket library
// (it does not import package events, whose own tests use it).
package eventstest
