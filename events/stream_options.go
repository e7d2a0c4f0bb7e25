package events

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"time"
)

// Default URLs of the event websocket.
const (
	ProductionURL = "wss://api.opentact.org"
	StagingURL    = "wss://api.stage.opentact.org/wss"
)

// StreamOption configures a Stream. Options that get an invalid value make
// NewStream return an error.
type StreamOption func(*streamConfig) error

// streamConfig is the configuration of a Stream.
type streamConfig struct {
	url             string
	httpClient      *http.Client
	dialTimeout     time.Duration
	authTimeout     time.Duration
	pingInterval    time.Duration
	pongTimeout     time.Duration
	backoffInitial  time.Duration
	backoffMax      time.Duration
	initialAttempts int
	maxAttempts     int
	buffer          int
	maxFrameBytes   int64
	logger          *slog.Logger
	errorHook       func(error)

	// Fixed or test-only settings.
	healthyAfter time.Duration       // a connection this old resets the backoff
	closeWait    time.Duration       // how long shutdown waits for the server's close frame
	clock        clock               // time source
	randN        func(k int64) int64 // jitter source, uniform in [0, k)
	onPause      func(paused bool)   // called when the reader pauses or resumes
	onConnLost   func(cause error)   // called when a connection is lost
}

func defaultStreamConfig() streamConfig {
	return streamConfig{
		url:             ProductionURL,
		httpClient:      http.DefaultClient,
		dialTimeout:     15 * time.Second,
		authTimeout:     10 * time.Second,
		pingInterval:    30 * time.Second,
		pongTimeout:     10 * time.Second,
		backoffInitial:  time.Second,
		backoffMax:      60 * time.Second,
		initialAttempts: 3,
		buffer:          256,
		maxFrameBytes:   1 << 20,
		logger:          slog.Default(),
		healthyAfter:    30 * time.Second,
		closeWait:       time.Second,
		clock:           systemClock{},
		randN:           rand.Int64N,
	}
}

// WithURL sets the websocket URL; only ws and wss URLs are accepted. The
// default is ProductionURL. The token source must log in to the same
// environment: a JWT is valid only where it was issued.
func WithURL(u string) StreamOption {
	return func(c *streamConfig) error {
		p, err := url.Parse(u)
		if err != nil {
			return fmt.Errorf("events: WithURL: %w", err)
		}
		if p.Scheme != "ws" && p.Scheme != "wss" {
			return fmt.Errorf("events: WithURL: scheme %q is not ws or wss", p.Scheme)
		}
		if p.Host == "" {
			return errors.New("events: WithURL: the URL has no host")
		}
		c.url = u
		return nil
	}
}

// WithStaging selects the staging websocket, StagingURL.
func WithStaging() StreamOption {
	return func(c *streamConfig) error {
		c.url = StagingURL
		return nil
	}
}

// WithHTTPClient sets the HTTP client used for the websocket upgrade
// (proxies, TLS roots). Its Timeout must be zero; use WithDialTimeout.
func WithHTTPClient(hc *http.Client) StreamOption {
	return func(c *streamConfig) error {
		if hc == nil {
			return errors.New("events: WithHTTPClient: nil client")
		}
		if hc.Timeout != 0 {
			return errors.New("events: WithHTTPClient: client has a Timeout; use WithDialTimeout")
		}
		c.httpClient = hc
		return nil
	}
}

// positive checks a duration option.
func positive(name string, d time.Duration) error {
	if d <= 0 {
		return fmt.Errorf("events: %s: duration %v is not positive", name, d)
	}
	return nil
}

// WithDialTimeout bounds TCP connect, TLS handshake and websocket upgrade
// together. The default is 15 s.
func WithDialTimeout(d time.Duration) StreamOption {
	return func(c *streamConfig) error {
		c.dialTimeout = d
		return positive("WithDialTimeout", d)
	}
}

// WithAuthTimeout bounds the wait for the server's reply to the auth frame.
// The default is 10 s.
func WithAuthTimeout(d time.Duration) StreamOption {
	return func(c *streamConfig) error {
		c.authTimeout = d
		return positive("WithAuthTimeout", d)
	}
}

// WithPingInterval sets how long the connection may be silent before the
// stream pings the server. The default is 30 s.
func WithPingInterval(d time.Duration) StreamOption {
	return func(c *streamConfig) error {
		c.pingInterval = d
		return positive("WithPingInterval", d)
	}
}

// WithPongTimeout sets how long the stream waits for the answer to a ping
// before it declares the connection dead. The default is 10 s.
func WithPongTimeout(d time.Duration) StreamOption {
	return func(c *streamConfig) error {
		c.pongTimeout = d
		return positive("WithPongTimeout", d)
	}
}

// WithBackoff sets the delay before the first retry and its cap. The delay
// doubles with each consecutive failure, with equal jitter. The defaults are
// 1 s and 60 s.
func WithBackoff(initial, max time.Duration) StreamOption {
	return func(c *streamConfig) error {
		if err := positive("WithBackoff", initial); err != nil {
			return err
		}
		if max < initial {
			return fmt.Errorf("events: WithBackoff: max %v is less than initial %v", max, initial)
		}
		c.backoffInitial, c.backoffMax = initial, max
		return nil
	}
}

// WithInitialAttempts sets how many attempts an iteration makes before its
// first successful authentication; when all fail the stream ends with a
// *ReconnectError. The default is 3.
func WithInitialAttempts(n int) StreamOption {
	return func(c *streamConfig) error {
		if n < 1 {
			return fmt.Errorf("events: WithInitialAttempts: %d is less than 1", n)
		}
		c.initialAttempts = n
		return nil
	}
}

// WithMaxAttempts ends the stream with a *ReconnectError after n consecutive
// failed attempts to replace a lost connection. The default, 0, retries
// forever.
func WithMaxAttempts(n int) StreamOption {
	return func(c *streamConfig) error {
		if n < 0 {
			return fmt.Errorf("events: WithMaxAttempts: %d is negative", n)
		}
		c.maxAttempts = n
		return nil
	}
}

// WithBuffer sets how many received events may wait for the consumer. When
// the buffer is full the stream stops reading from the socket until there is
// room; it never drops an event. The default is 256.
func WithBuffer(n int) StreamOption {
	return func(c *streamConfig) error {
		if n < 1 {
			return fmt.Errorf("events: WithBuffer: %d is less than 1", n)
		}
		c.buffer = n
		return nil
	}
}

// WithMaxFrameBytes sets the largest frame the stream reads. A larger frame
// closes the connection with code 1009 and counts as a lost connection. The
// default is 1 MiB.
func WithMaxFrameBytes(n int64) StreamOption {
	return func(c *streamConfig) error {
		if n < 1 {
			return fmt.Errorf("events: WithMaxFrameBytes: %d is less than 1", n)
		}
		c.maxFrameBytes = n
		return nil
	}
}

// WithLogger sets the logger for the connection lifecycle (Info) and retries
// (Warn). The default is slog.Default().
func WithLogger(l *slog.Logger) StreamOption {
	return func(c *streamConfig) error {
		if l == nil {
			return errors.New("events: WithLogger: nil logger")
		}
		c.logger = l
		return nil
	}
}

// WithErrorHook sets a function that receives problems that do not end the
// stream: failed connection attempts that will be retried, and in Run the
// *DecodeError of a malformed frame. It is called on the consumer's
// goroutine.
func WithErrorHook(fn func(error)) StreamOption {
	return func(c *streamConfig) error {
		c.errorHook = fn
		return nil
	}
}
