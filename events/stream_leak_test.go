package events

import (
	"context"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// The tests in this file are not parallel: they compare goroutine counts,
// which other running tests would disturb. Go runs them before the parallel
// tests resume.

// streamGoroutines returns the stacks of goroutines that run stream or
// websocket code.
func streamGoroutines() []string {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	var found []string
	for _, g := range strings.Split(string(buf), "\n\n") {
		if strings.Contains(g, "opentact/events.(*") || strings.Contains(g, "coder/websocket.") {
			found = append(found, g)
		}
	}
	return found
}

// checkNoLeak waits until the goroutine count is back to baseline and no
// goroutine runs stream code. Goroutines take a moment to exit after the
// channel operations that end them, so it polls instead of synchronising.
func checkNoLeak(t *testing.T, baseline int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		left := streamGoroutines()
		n := runtime.NumGoroutine()
		if len(left) == 0 && n <= baseline {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines, baseline %d; still running stream code:\n%s", n, baseline, strings.Join(left, "\n\n"))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestStreamNoGoroutineLeft(t *testing.T) {
	tests := []struct {
		name string
		run  func(t *testing.T, fs *fakeServer, s *Stream)
	}{
		{"break", func(t *testing.T, fs *fakeServer, s *Stream) {
			conns := make(chan *serverConn, 1)
			go func() {
				sc := fs.next()
				conns <- sc
				sc.accept("jwt", "conn-1")
				sc.trySend(event("e1"))
				sc.trySend(event("e2"))
			}()
			for ev, err := range s.Events(context.Background()) {
				if err != nil || ev.Kind != KindAuth {
					t.Fatalf("got %v, %v", ev.Kind, err)
				}
				break
			}
			// The stream closed the socket with a normal closure before
			// Events returned.
			sc := <-conns
			eq(t, "close code", websocket.CloseStatus(sc.closeErr()), websocket.StatusNormalClosure)
		}},
		{"panic in the loop", func(t *testing.T, fs *fakeServer, s *Stream) {
			go func() { fs.next().accept("jwt", "conn-1") }()
			defer func() {
				if r := recover(); r != "boom" {
					t.Fatalf("recovered %v", r)
				}
			}()
			for range s.Events(context.Background()) {
				panic("boom")
			}
		}},
		{"cancel while connected", func(t *testing.T, fs *fakeServer, s *Stream) {
			ctx, cancel := context.WithCancel(context.Background())
			var sc *serverConn
			got := make(chan struct{})
			go func() {
				sc = fs.next()
				sc.accept("jwt", "conn-1")
				<-got
				cancel()
			}()
			for ev := range s.Events(ctx) {
				if ev.Kind == KindAuth {
					close(got)
				}
			}
			eq(t, "close code", websocket.CloseStatus(sc.closeErr()), websocket.StatusNormalClosure)
		}},
		{"cancel during backoff", func(t *testing.T, fs *fakeServer, s *Stream) {
			ctx, cancel := context.WithCancel(context.Background())
			s.cfg.backoffInitial, s.cfg.backoffMax = time.Hour, time.Hour
			go func() {
				sc := fs.next()
				sc.accept("jwt", "conn-1")
				sc.drop()
			}()
			s.cfg.onConnLost = func(error) { cancel() }
			for ev, err := range s.Events(ctx) {
				if err != nil || ev.Kind != KindAuth {
					t.Fatalf("got %v, %v", ev.Kind, err)
				}
			}
		}},
		{"terminal error", func(t *testing.T, fs *fakeServer, s *Stream) {
			go func() {
				for range 2 {
					sc := fs.next()
					sc.read()
					sc.trySend(`{"type":"auth","success":false}`)
				}
			}()
			var last error
			for _, err := range s.Events(context.Background()) {
				last = err
			}
			errorsAs[*AuthError](t, last)
		}},
		{"consumer stuck on a full buffer", func(t *testing.T, fs *fakeServer, s *Stream) {
			s.cfg.buffer = 1
			go func() {
				sc := fs.next()
				sc.accept("jwt", "conn-1")
				for range 10 {
					sc.trySend(event("e"))
				}
			}()
			paused := make(chan bool, 64)
			s.cfg.onPause = func(p bool) { paused <- p }
			for range s.Events(context.Background()) {
				<-paused // the reader holds an event it cannot buffer
				break
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			baseline := runtime.NumGoroutine()
			fs := newFakeServer(t)
			s := newTestStream(t, fs, StaticToken("jwt"))
			tt.run(t, fs, s)
			fs.Close()
			checkNoLeak(t, baseline)
		})
	}
}
