package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// serveDirect calls h.ServeHTTP in process and returns the recorder.
func serveDirect(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// TestWorkersServeConcurrentRequests sends many requests at once to two
// handlers sharing the workers: each answer must be the one of its own
// request, however the others end (a result, a panic, a function that
// ignores its context past the timeout, runtime.Goexit). Run with -race.
func TestWorkersServeConcurrentRequests(t *testing.T) {
	t.Parallel()
	release := make(chan struct{}) // lets the slow functions return, after the test
	t.Cleanup(func() { close(release) })

	var fastHooks, slowHooks hookRecorder
	fast := mustHandler(t, func(_ context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		if strings.HasPrefix(r.DTMF, "p") {
			panic("request " + r.DTMF)
		}
		runtime.Gosched()
		return greeting("digits " + r.DTMF), nil
	}, WithErrorHook(fastHooks.hook))
	slow := mustHandler(t, func(_ context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		if strings.HasPrefix(r.DTMF, "g") {
			runtime.Goexit()
		}
		<-release // ignores its context
		return greeting("too late " + r.DTMF), nil
	}, WithErrorHook(slowHooks.hook), WithTimeout(5*time.Millisecond))

	const clients, each = 16, 30
	var wg sync.WaitGroup
	var answered, panics, late atomic.Int64
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				n := c*each + i
				var h *CallFlowHandler
				var digits string
				switch n % 6 {
				case 0:
					h, digits = fast, fmt.Sprint("p", n)
				case 1:
					h, digits = slow, fmt.Sprint("s", n)
				case 2:
					h, digits = slow, fmt.Sprint("g", n)
				default:
					h, digits = fast, fmt.Sprint(n)
				}
				rec := serveDirect(h, httptest.NewRequest(http.MethodGet, "/ivr?dtmf="+digits, nil))
				body := rec.Body.String()
				if rec.Code != http.StatusOK {
					t.Errorf("%s: status %d", digits, rec.Code)
				}
				if n%6 >= 3 {
					if want := "<Say>digits " + digits + "</Say>"; !strings.Contains(body, want) {
						t.Errorf("%s: body\n%s\nwant it to hold %s", digits, body, want)
					}
					answered.Add(1)
					continue
				}
				if body != defaultFallback {
					t.Errorf("%s: body\n%s\nwant the fallback", digits, body)
				}
				if n%6 == 0 {
					panics.Add(1)
				} else {
					late.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if answered.Load() != clients*each/2 {
		t.Errorf("%d requests answered by their function, want %d", answered.Load(), clients*each/2)
	}
	errs := fastHooks.errors()
	if int64(len(errs)) != panics.Load() {
		t.Errorf("fast handler's hook got %d errors, want %d (one per panic)", len(errs), panics.Load())
	}
	for _, err := range errs {
		var pe *PanicError
		if !errors.As(err, &pe) || !strings.HasPrefix(fmt.Sprint(pe.Value), "request p") {
			t.Errorf("fast handler's hook got %v, want a *PanicError", err)
		}
	}
	errs = slowHooks.errors()
	if int64(len(errs)) != late.Load() {
		t.Errorf("slow handler's hook got %d errors, want %d (one per late function)", len(errs), late.Load())
	}
	for _, err := range errs {
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("slow handler's hook got %v, want context.DeadlineExceeded", err)
		}
	}
}

// TestStuckFunctionHoldsNoOtherRequest: a function that ignores its context
// and never returns gets the fallback served when the timeout expires, and
// the requests after it are answered while it is still running.
func TestStuckFunctionHoldsNoOtherRequest(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	returned := make(chan struct{})
	var running atomic.Bool
	var hooks hookRecorder
	h := mustHandler(t, func(_ context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		if r.DTMF != "stuck" {
			return greeting("digits " + r.DTMF), nil
		}
		running.Store(true)
		defer close(returned)
		<-release
		running.Store(false)
		return greeting("too late"), nil
	}, WithErrorHook(hooks.hook), WithTimeout(10*time.Millisecond))

	rec := serveDirect(h, httptest.NewRequest(http.MethodGet, "/?dtmf=stuck", nil))
	if rec.Body.String() != defaultFallback || !running.Load() {
		t.Fatalf("body\n%s\nrunning %v: want the fallback while the function still runs", rec.Body, running.Load())
	}
	for i := range 5 {
		rec := serveDirect(h, httptest.NewRequest(http.MethodGet, fmt.Sprint("/?dtmf=", i), nil))
		if want := fmt.Sprintf("<Say>digits %d</Say>", i); !strings.Contains(rec.Body.String(), want) {
			t.Errorf("request %d beside the stuck one: body\n%s\nwant it to hold %s", i, rec.Body, want)
		}
	}
	if !running.Load() {
		t.Error("the stuck function returned before it was released")
	}
	close(release)
	<-returned
	errs := hooks.errors()
	if len(errs) != 1 || !errors.Is(errs[0], context.DeadlineExceeded) {
		t.Errorf("hook got %v, want one context.DeadlineExceeded", errs)
	}
}

// TestWorkersAreReused: requests one after the other run on the workers
// already started, also after a function panicked. Not parallel, so that
// no other test starts workers meanwhile.
func TestWorkersAreReused(t *testing.T) {
	var hooks hookRecorder
	h := mustHandler(t, func(_ context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		if r.DTMF == "9" {
			panic("nine")
		}
		return greeting("digits " + r.DTMF), nil
	}, WithErrorHook(hooks.hook))
	serveDirect(h, httptest.NewRequest(http.MethodGet, "/?dtmf=1", nil)) // a worker exists
	const n = 200
	before := workersStarted.Load()
	for i := range n {
		digits := fmt.Sprint(i % 10)
		rec := serveDirect(h, httptest.NewRequest(http.MethodGet, "/?dtmf="+digits, nil))
		want := "<Say>digits " + digits + "</Say>"
		if digits == "9" {
			want = defaultFallback
		}
		if !strings.Contains(rec.Body.String(), want) {
			t.Fatalf("request %d: body\n%s\nwant it to hold %s", i, rec.Body, want)
		}
	}
	// A worker may miss a request when it has not yet gone back to wait
	// for the next one; most requests must find one waiting.
	if started := workersStarted.Load() - before; started > n/4 {
		t.Errorf("%d workers started for %d requests in a row, want most requests to reuse one", started, n)
	}
	if errs := hooks.errors(); len(errs) != n/10 {
		t.Errorf("hook got %d errors, want %d (the panics)", len(errs), n/10)
	}
}

// TestWorkerIdleBound: when more workers finish than may wait, the extra
// ones end.
func TestWorkerIdleBound(t *testing.T) {
	t.Parallel()
	n := int(maxIdleWorkers) + 8
	release := make(chan struct{})
	var started sync.WaitGroup
	started.Add(n)
	h := mustHandler(t, func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
		started.Done()
		<-release
		return greeting("hi"), nil
	})
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			serveDirect(h, httptest.NewRequest(http.MethodGet, "/", nil))
		}()
	}
	started.Wait() // n functions run at once, each on a worker
	close(release)
	wg.Wait()
	// Workers go back to waiting just after their reply is sent.
	for deadline := time.Now().Add(10 * time.Second); idleWorkers.Load() > maxIdleWorkers; {
		if time.Now().After(deadline) {
			t.Fatalf("%d idle workers, bound %d", idleWorkers.Load(), maxIdleWorkers)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestWorkerProfilerLabels: the function runs with the profiler labels of
// its request's context, as a goroutine started for the request would,
// and a worker does not carry them into the next request.
func TestWorkerProfilerLabels(t *testing.T) {
	t.Parallel()
	started := make(chan struct{})
	release := make(chan struct{})
	h := mustHandler(t, func(_ context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		if r.DTMF == "wait" {
			started <- struct{}{}
			<-release
		}
		return greeting("hi"), nil
	})
	const label = `"webhook_worker_test":"`
	for _, tc := range []struct {
		name, value string
	}{{"labelled", "first"}, {"unlabelled", ""}, {"labelled again", "second"}} {
		serveDirect(h, httptest.NewRequest(http.MethodGet, "/", nil)) // a worker waits
		done := make(chan struct{})
		go func() {
			defer close(done)
			r := httptest.NewRequest(http.MethodGet, "/?dtmf=wait", nil)
			if tc.value == "" {
				serveDirect(h, r)
				return
			}
			pprof.Do(context.Background(), pprof.Labels("webhook_worker_test", tc.value), func(ctx context.Context) {
				serveDirect(h, r.WithContext(ctx))
			})
		}()
		<-started
		var prof bytes.Buffer
		if err := pprof.Lookup("goroutine").WriteTo(&prof, 1); err != nil {
			t.Fatal(err)
		}
		release <- struct{}{}
		<-done
		// The record of the goroutine running the function.
		var record string
		for _, rec := range strings.Split(prof.String(), "\n\n") {
			if strings.Contains(rec, "TestWorkerProfilerLabels.func1") {
				record = rec
			}
		}
		if record == "" {
			t.Fatalf("%s: no goroutine runs the function:\n%s", tc.name, prof.String())
		}
		switch {
		case tc.value != "" && !strings.Contains(record, label+tc.value+`"`):
			t.Errorf("%s: the function's goroutine lacks the label %s%s\":\n%s", tc.name, label, tc.value, record)
		case tc.value == "" && strings.Contains(record, label):
			t.Errorf("%s: the function's goroutine carries a label of an earlier request:\n%s", tc.name, record)
		}
	}
}
