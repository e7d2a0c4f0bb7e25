package events

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"

	"github.com/coder/websocket"
)

// attemptResult is what one connection attempt produced.
type attemptResult struct {
	conn  *conn  // the authenticated connection; nil on failure
	auth  item   // the accepted auth reply
	early []item // frames that arrived before the auth reply, in order
	token string // the token the attempt used
}

// attempt fetches a token, dials and authenticates. On failure the
// connection, if any, is closed; early frames are returned even then.
func (s *Stream) attempt(ctx context.Context) (attemptResult, error) {
	var res attemptResult
	token, err := s.tokens.Token(ctx)
	if err != nil {
		return res, fmt.Errorf("events: fetching token: %w", err)
	}
	res.token = token

	live := newLiveness(s.cfg.clock.Now())
	dialCtx, cancel := context.WithTimeout(ctx, s.cfg.dialTimeout)
	hc, raw := trackUpgrade(s.cfg.httpClient)
	ws, _, err := websocket.Dial(dialCtx, s.cfg.url, &websocket.DialOptions{
		HTTPClient:      hc,
		CompressionMode: websocket.CompressionDisabled,
		OnPingReceived: func(context.Context, []byte) bool {
			live.touch(s.cfg.clock.Now())
			return true
		},
		OnPongReceived: func(context.Context, []byte) {
			live.touch(s.cfg.clock.Now())
		},
	})
	cancel()
	if err != nil {
		return res, fmt.Errorf("events: dialing %s: %w", s.cfg.url, err)
	}
	ws.SetReadLimit(s.cfg.maxFrameBytes)

	auth, early, err := s.authenticate(ctx, ws, token)
	res.early = early
	if err != nil {
		ws.CloseNow()
		return res, err
	}
	c := &conn{cfg: &s.cfg, ws: ws, raw: raw, live: live, authAt: auth.ev.Received}
	live.touch(c.authAt)
	c.ctx, c.cancel = context.WithCancel(context.WithoutCancel(ctx))
	res.conn, res.auth = c, auth
	return res, nil
}

// authFrame returns the auth frame: {"type":"auth","payload":"<JWT>"}.
func authFrame(token string) []byte {
	quoted, _ := json.Marshal(token) // a string always marshals
	var b bytes.Buffer
	b.WriteString(`{"type":"auth","payload":`)
	b.Write(quoted)
	b.WriteByte('}')
	return b.Bytes()
}

// authenticate sends the auth frame and waits for the auth reply, keeping
// other frames that arrive first.
func (s *Stream) authenticate(ctx context.Context, ws *websocket.Conn, token string) (item, []item, error) {
	authCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		timedOut bool
		mu       sync.Mutex
		wg       sync.WaitGroup
	)
	t := s.cfg.clock.NewTimer(s.cfg.authTimeout, timerAuth)
	stop := make(chan struct{})
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-t.C():
			mu.Lock()
			timedOut = true
			mu.Unlock()
			cancel()
		case <-stop:
		}
	}()
	defer func() {
		close(stop)
		wg.Wait()
		t.Stop()
	}()
	expired := func() bool {
		mu.Lock()
		defer mu.Unlock()
		return timedOut
	}

	if err := ws.Write(authCtx, websocket.MessageText, authFrame(token)); err != nil {
		if expired() {
			return item{}, nil, &AuthError{Reason: AuthTimeout, Err: context.DeadlineExceeded}
		}
		return item{}, nil, fmt.Errorf("events: sending the auth frame: %w", err)
	}
	var early []item
	for {
		_, data, err := ws.Read(authCtx)
		if err != nil {
			switch {
			case expired():
				return item{}, early, &AuthError{Reason: AuthTimeout, Err: context.DeadlineExceeded}
			case ctx.Err() != nil:
				return item{}, early, ctx.Err()
			}
			ae := &AuthError{Reason: AuthClosed, CloseCode: int(websocket.StatusAbnormalClosure), Err: err}
			var ce websocket.CloseError
			if errors.As(err, &ce) {
				ae.CloseCode, ae.CloseReason = int(ce.Code), ce.Reason
			}
			return item{}, early, ae
		}
		it := frameItem(data, s.cfg.clock.Now())
		if it.err != nil || it.ev.Type != TypeAuth {
			early = append(early, it)
			if len(early) > s.cfg.buffer {
				// Holding more would make memory depend on the server.
				return item{}, early, fmt.Errorf("events: %d frames arrived before the authentication reply", len(early))
			}
			continue
		}
		if !authAccepted(it.ev) {
			return item{}, early, &AuthError{Reason: AuthRejected, Message: it.ev.Message, Raw: it.ev.Raw}
		}
		return it, early, nil
	}
}

// authAccepted judges an auth reply: success is not false and the payload is
// an object with a string uuid.
func authAccepted(ev Event) bool {
	if ev.Success != nil && !*ev.Success {
		return false
	}
	var p struct {
		UUID *json.RawMessage `json:"uuid"`
	}
	if json.Unmarshal(ev.Payload, &p) != nil || p.UUID == nil {
		return false
	}
	_, ok := jsonString(*p.UUID)
	return ok
}
