package eventstest

// Option configures a Server.
type Option func(*config)

type config struct {
	tokens        map[string]bool
	manualAuth    bool
	subscriptions func() []string
	readLimit     int64
}

// WithTokens sets the tokens the server accepts in the auth frame,
// replacing the default, Token. With no tokens, every non-empty token is
// accepted.
func WithTokens(tokens ...string) Option {
	return func(c *config) {
		c.tokens = map[string]bool{}
		for _, t := range tokens {
			c.tokens[t] = true
		}
	}
}

// WithManualAuth makes NextConn return each connection as soon as it is
// accepted, before the auth frame is read: the test reads the frame with
// Conn.Read and answers it with AcceptAuth or RejectAuth, or not at all.
func WithManualAuth() Option {
	return func(c *config) { c.manualAuth = true }
}

// WithSubscriptions makes Server.Send deliver a frame only when its "type"
// is among the event types types returns at the time of the send, as
// Opentact delivers only the types an account subscribed to through the
// REST API. The auth reply is always delivered. Without it every frame is
// delivered.
func WithSubscriptions(types func() []string) Option {
	return func(c *config) { c.subscriptions = types }
}

// WithReadLimit sets the largest frame the server reads from a client;
// the default is 1 MiB.
func WithReadLimit(n int64) Option {
	return func(c *config) { c.readLimit = n }
}
