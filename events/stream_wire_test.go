package events

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// rawServer runs fn on every websocket accepted by a loopback server; for
// wire-level cases the eventstest fake does not produce (binary frames,
// server pings, invalid UTF-8).
func rawServer(t *testing.T, fn func(ctx context.Context, ws *websocket.Conn)) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := websocket.Accept(w, r, nil)
		if err != nil {
			return
		}
		defer ws.CloseNow()
		fn(r.Context(), ws)
	}))
	t.Cleanup(srv.Close)
	return "ws" + strings.TrimPrefix(srv.URL, "http")
}

// TestStreamWireEdgeCases checks, against a raw websocket server, that
// binary frames are decoded like text frames, that the stream answers the
// server's pings, and that a text frame with invalid UTF-8 is a
// *DecodeError that does not end the connection.
func TestStreamWireEdgeCases(t *testing.T) {
	t.Parallel()
	pinged := make(chan error, 1)
	url := rawServer(t, func(ctx context.Context, ws *websocket.Conn) {
		if _, f, err := ws.Read(ctx); err != nil || string(f) != string(authFrame("jwt")) {
			return
		}
		_ = ws.Write(ctx, websocket.MessageBinary, []byte(authReply("conn-1")))
		_ = ws.Write(ctx, websocket.MessageText, []byte("{\"type\":\"x\",\"message\":\"\xff\"}"))
		// Pongs are read by a concurrent Read on this side.
		rctx := ws.CloseRead(ctx)
		pctx, cancel := context.WithTimeout(rctx, waitLimit)
		pinged <- ws.Ping(pctx)
		cancel()
		_ = ws.Write(ctx, websocket.MessageBinary, []byte(event("e1")))
		<-rctx.Done()
	})
	s, err := NewStream(StaticToken("jwt"), WithURL(url), WithLogger(discardLogger()))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	var got []result
	for ev, err := range s.Events(ctx) {
		got = append(got, result{ev, err})
		if len(got) == 3 {
			break
		}
	}
	if len(got) != 3 {
		t.Fatalf("got %d items, want 3", len(got))
	}
	eq(t, "first kind", got[0].ev.Kind, KindAuth)
	de := errorsAs[*DecodeError](t, got[1].err)
	eq(t, "Msg", de.Msg, "invalid UTF-8")
	eq(t, "second kind", got[1].ev.Kind, KindInvalid)
	eq(t, "third kind", got[2].ev.Kind, KindCallState)
	eq(t, "third id", got[2].ev.ID, "e1")
	select {
	case err := <-pinged:
		if err != nil {
			t.Errorf("server ping: %v", err)
		}
	case <-time.After(waitLimit):
		t.Error("server ping not done")
	}
}

// TestStreamShutdownDoesNotWaitForDeafServer checks that ending an
// iteration closes the connection once the close wait has passed, even
// when the server reads nothing more: the websocket library's Close would
// otherwise wait 5 s for the close handshake (§4.9: at most 1 s). The
// bound below is the library's wait minus a margin, not a timing target.
func TestStreamShutdownDoesNotWaitForDeafServer(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	defer close(release)
	url := rawServer(t, func(ctx context.Context, ws *websocket.Conn) {
		if _, _, err := ws.Read(ctx); err != nil {
			return
		}
		_ = ws.Write(ctx, websocket.MessageText, []byte(authReply("conn-1")))
		for range 20 {
			_ = ws.Write(ctx, websocket.MessageText, []byte(event("e")))
		}
		<-release // deaf: never reads the stream's close frame
	})
	s, err := NewStream(StaticToken("jwt"), WithURL(url), WithLogger(discardLogger()), WithBuffer(1),
		withTestHooks(func(c *streamConfig) { c.closeWait = time.Millisecond }))
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		n := 0
		for range s.Events(context.Background()) {
			if n++; n == 2 {
				break
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("the iteration waited for the server's close frame beyond the close wait")
	}
}
