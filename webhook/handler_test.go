package webhook

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/opentact-go/opentact/events"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// hookRecorder collects the errors a handler reports.
type hookRecorder struct {
	mu   sync.Mutex
	errs []error
}

func (h *hookRecorder) hook(_ *http.Request, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errs = append(h.errs, err)
}

func (h *hookRecorder) errors() []error {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]error(nil), h.errs...)
}

// reply is what a client received.
type reply struct {
	status int
	header http.Header
	body   string
}

// serve starts a loopback server for h and sends it one request.
func serve(t *testing.T, h http.Handler, method, target, body string) reply {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, srv.URL+target, rd)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{status: resp.StatusCode, header: resp.Header, body: string(b)}
}

// greeting is a valid document.
func greeting(text string) *verbs.Response {
	return &verbs.Response{Commands: []verbs.Command{&verbs.Say{Text: text}, &verbs.Hangup{}}}
}

func TestDefaultFallbackIsRendered(t *testing.T) {
	t.Parallel()
	doc := greeting("Sorry, we cannot take your call right now. Please try again later.")
	got, err := render.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != defaultFallback {
		t.Errorf("render.Marshal of the fallback flow =\n%s\nwant the constant\n%s", got, defaultFallback)
	}
}

func TestCallFlowHandlerServesDocument(t *testing.T) {
	t.Parallel()
	var hooks hookRecorder
	h, err := NewCallFlowHandler(func(ctx context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		return greeting("You pressed " + r.DTMF + " & thanks"), nil
	}, WithErrorHook(hooks.hook))
	if err != nil {
		t.Fatal(err)
	}
	got := serve(t, h, http.MethodGet, "/ivr?dtmf=7", "")
	want, err := render.Marshal(greeting("You pressed 7 & thanks"))
	if err != nil {
		t.Fatal(err)
	}
	if got.status != http.StatusOK {
		t.Errorf("status = %d, want 200", got.status)
	}
	if got.body != string(want) {
		t.Errorf("body =\n%s\nwant\n%s", got.body, want)
	}
	for name, value := range map[string]string{
		"Content-Type":   "application/xml; charset=utf-8",
		"Content-Length": strconv.Itoa(len(got.body)),
		"Cache-Control":  "no-store",
	} {
		if v := got.header.Get(name); v != value {
			t.Errorf("%s = %q, want %q", name, v, value)
		}
	}
	if errs := hooks.errors(); len(errs) != 0 {
		t.Errorf("hook called with %v, want no call", errs)
	}
}

// TestCallFlowHandlerLintDoesNotBlock serves a document with warnings and
// reports them to the hook.
func TestCallFlowHandlerLintDoesNotBlock(t *testing.T) {
	t.Parallel()
	// Commands after a Hangup are unreachable: a lint warning, not an error.
	doc := &verbs.Response{Commands: []verbs.Command{&verbs.Hangup{}, &verbs.Say{Text: "never"}}}
	if ds := render.Check(doc); len(ds.Warnings()) == 0 || ds.HasErrors() {
		t.Fatalf("test document: want warnings and no errors, got %v", ds)
	}
	var hooks hookRecorder
	h, err := NewCallFlowHandler(func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
		return doc, nil
	}, WithErrorHook(hooks.hook))
	if err != nil {
		t.Fatal(err)
	}
	got := serve(t, h, http.MethodPost, "/", "")
	want, _ := render.Marshal(doc)
	if got.status != http.StatusOK || got.body != string(want) {
		t.Errorf("got %d\n%s\nwant 200\n%s", got.status, got.body, want)
	}
	// The warnings are not silent: they reach the hook once.
	errs := hooks.errors()
	var we *WarningsError
	if len(errs) != 1 || !errors.As(errs[0], &we) || !render.IsWarnings(errs[0]) || len(we.Warnings) != 1 || we.Warnings[0].Rule != "unreachable" {
		t.Errorf("hook called with %v, want one *WarningsError holding the unreachable warning", errs)
	}
}

func TestCallFlowHandlerFallback(t *testing.T) {
	t.Parallel()
	boom := errors.New("database down")
	tests := []struct {
		name  string
		body  string
		opts  []Option
		fn    CallFlowFunc[*verbs.Response]
		check func(t *testing.T, err error)
	}{
		{
			name: "body not JSON",
			body: "not json",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				return greeting("unreachable"), nil
			},
			check: func(t *testing.T, err error) {
				var de *events.DecodeError
				if !errors.As(err, &de) {
					t.Errorf("hook got %v, want *events.DecodeError", err)
				}
			},
		},
		{
			name: "function error",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				return greeting("ignored"), boom
			},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, boom) {
					t.Errorf("hook got %v, want %v", err, boom)
				}
			},
		},
		{
			name: "function panic",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				panic("nil map")
			},
			check: func(t *testing.T, err error) {
				var pe *PanicError
				if !errors.As(err, &pe) || pe.Value != "nil map" || !strings.Contains(string(pe.Stack), "handler_test.go") {
					t.Errorf("hook got %#v, want *PanicError with value and stack", err)
				}
			},
		},
		{
			name: "function panic with an error",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				panic(boom)
			},
			check: func(t *testing.T, err error) {
				var pe *PanicError
				if !errors.As(err, &pe) || !errors.Is(err, boom) {
					t.Errorf("hook got %v, want *PanicError wrapping %v", err, boom)
				}
			},
		},
		{
			name: "function timeout",
			opts: []Option{WithTimeout(time.Millisecond)},
			fn: func(ctx context.Context, _ *CallFlowRequest) (*verbs.Response, error) {
				<-ctx.Done()
				return greeting("too late"), nil
			},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("hook got %v, want context.DeadlineExceeded", err)
				}
			},
		},
		{
			name: "invalid document",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				return &verbs.Response{Commands: []verbs.Command{&verbs.Dial{}}}, nil
			},
			check: func(t *testing.T, err error) {
				var ds render.Diagnostics
				if !errors.As(err, &ds) || !ds.HasErrors() {
					t.Errorf("hook got %v, want render.Diagnostics", err)
				}
			},
		},
		{
			name: "nil document",
			fn: func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
				return nil, nil
			},
			check: func(t *testing.T, err error) {
				if !errors.Is(err, ErrNoFlow) {
					t.Errorf("hook got %v, want ErrNoFlow", err)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.name == "invalid document" {
			}
			var hooks hookRecorder
			h, err := NewCallFlowHandler(tt.fn, append([]Option{WithErrorHook(hooks.hook)}, tt.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			got := serve(t, h, http.MethodPost, "/calls?from=1", tt.body)
			if got.status != http.StatusOK {
				t.Errorf("status = %d, want 200", got.status)
			}
			if got.body != defaultFallback {
				t.Errorf("body =\n%s\nwant the default fallback", got.body)
			}
			if ct := got.header.Get("Content-Type"); ct != "application/xml; charset=utf-8" {
				t.Errorf("Content-Type = %q", ct)
			}
			errs := hooks.errors()
			if len(errs) != 1 {
				t.Fatalf("hook called %d times (%v), want once", len(errs), errs)
			}
			tt.check(t, errs[0])
		})
	}
}

func TestCallFlowHandlerRejects(t *testing.T) {
	t.Parallel()
	fn := func(context.Context, *CallFlowRequest) (*verbs.Response, error) { return greeting("hi"), nil }
	tests := []struct {
		name       string
		opts       []Option
		method     string
		body       string
		wantStatus int
		wantAllow  string
		check      func(t *testing.T, err error)
	}{
		{
			name: "PUT", method: http.MethodPut, wantStatus: http.StatusMethodNotAllowed, wantAllow: "GET, POST",
			check: func(t *testing.T, err error) {
				var me *MethodError
				if !errors.As(err, &me) {
					t.Errorf("hook got %v, want *MethodError", err)
				}
			},
		},
		{
			name: "PUT with callback methods", method: http.MethodPut,
			opts:       []Option{WithMethods("GET", "POST", "PATCH", "DELETE")},
			wantStatus: http.StatusMethodNotAllowed, wantAllow: "GET, POST, PATCH, DELETE",
			check: func(t *testing.T, err error) {
				var me *MethodError
				if !errors.As(err, &me) {
					t.Errorf("hook got %v, want *MethodError", err)
				}
			},
		},
		{
			name: "body over the limit", method: http.MethodPost, body: strings.Repeat(" ", 65),
			opts:       []Option{WithMaxBodyBytes(64)},
			wantStatus: http.StatusRequestEntityTooLarge,
			check: func(t *testing.T, err error) {
				var te *TooLargeError
				if !errors.As(err, &te) || te.Limit != 64 {
					t.Errorf("hook got %v, want *TooLargeError{64}", err)
				}
			},
		},
		{
			name: "body at the limit", method: http.MethodPost, body: `{"tag":"` + strings.Repeat("x", 54) + `"}`,
			opts:       []Option{WithMaxBodyBytes(64)},
			wantStatus: http.StatusOK,
		},
		{
			name: "DELETE enabled", method: http.MethodDelete,
			opts:       []Option{WithMethods("GET", "POST", "PATCH", "DELETE")},
			wantStatus: http.StatusOK,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var hooks hookRecorder
			h, err := NewCallFlowHandler(fn, append([]Option{WithErrorHook(hooks.hook)}, tt.opts...)...)
			if err != nil {
				t.Fatal(err)
			}
			got := serve(t, h, tt.method, "/", tt.body)
			if got.status != tt.wantStatus {
				t.Errorf("status = %d, want %d", got.status, tt.wantStatus)
			}
			if a := got.header.Get("Allow"); a != tt.wantAllow {
				t.Errorf("Allow = %q, want %q", a, tt.wantAllow)
			}
			errs := hooks.errors()
			if tt.check == nil {
				if len(errs) != 0 {
					t.Errorf("hook got %v, want no call", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("hook called %d times (%v), want once", len(errs), errs)
			}
			tt.check(t, errs[0])
		})
	}
}

func TestCallFlowHandlerConfiguredFallback(t *testing.T) {
	t.Parallel()
	fail := func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
		return nil, errors.New("fail")
	}
	custom := greeting("Back soon.")
	rendered, err := render.Marshal(custom)
	if err != nil {
		t.Fatal(err)
	}
	compact := `<?xml version="1.0" encoding="UTF-8"?><Response><Say>Bye</Say><Hangup/></Response>`
	tests := []struct {
		name string
		opt  Option
		want string
	}{
		{"WithFallback", WithFallback(custom), string(rendered)},
		{"WithFallbackXML served byte for byte", WithFallbackXML([]byte(compact)), compact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			h, err := NewCallFlowHandler(fail, tt.opt, WithErrorHook(func(*http.Request, error) {}))
			if err != nil {
				t.Fatal(err)
			}
			got := serve(t, h, http.MethodGet, "/", "")
			if got.status != http.StatusOK || got.body != tt.want {
				t.Errorf("got %d\n%s\nwant 200\n%s", got.status, got.body, tt.want)
			}
		})
	}
}

func TestNewCallFlowHandlerErrors(t *testing.T) {
	t.Parallel()
	fn := func(context.Context, *CallFlowRequest) (*verbs.Response, error) { return nil, nil }
	tests := []struct {
		name string
		fn   CallFlowFunc[*verbs.Response]
		opts []Option
	}{
		{"nil function", nil, nil},
		{"invalid WithFallback", fn, []Option{WithFallback(&verbs.Response{Commands: []verbs.Command{&verbs.Dial{}}})}},
		{"WithFallbackXML not XML", fn, []Option{WithFallbackXML([]byte("<Response>"))}},
		{"WithFallbackXML unknown element", fn, []Option{WithFallbackXML([]byte("<Response><Hangupp/></Response>"))}},
		{"WithFallbackXML invalid", fn, []Option{WithFallbackXML([]byte("<Response><Dial/></Response>"))}},
		{"bad option", fn, []Option{WithTimeout(-time.Second)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.name == "invalid WithFallback" {
			}
			h, err := NewCallFlowHandler(tt.fn, tt.opts...)
			if err == nil || h != nil {
				t.Fatalf("NewCallFlowHandler = %v, %v; want an error", h, err)
			}
			if !strings.HasPrefix(err.Error(), "webhook: ") {
				t.Errorf("error %q does not start with the package name", err)
			}
		})
	}
}

func TestCallFlowHandlerAbortHandler(t *testing.T) {
	t.Parallel()
	var hooks hookRecorder
	h, err := NewCallFlowHandler(func(context.Context, *CallFlowRequest) (*verbs.Response, error) {
		panic(http.ErrAbortHandler)
	}, WithErrorHook(hooks.hook))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config.ErrorLog = nil
	srv.Start()
	t.Cleanup(srv.Close)
	resp, err := srv.Client().Get(srv.URL)
	if err == nil {
		resp.Body.Close()
		t.Fatalf("got status %d, want the connection aborted", resp.StatusCode)
	}
	if errs := hooks.errors(); len(errs) != 0 {
		t.Errorf("hook got %v, want no call", errs)
	}
}

func TestCallFlowHandlerContext(t *testing.T) {
	t.Parallel()
	deadline := make(chan bool, 1)
	h, err := NewCallFlowHandler(func(ctx context.Context, r *CallFlowRequest) (*verbs.Response, error) {
		_, ok := ctx.Deadline()
		deadline <- ok
		hr := HTTPRequest(ctx)
		if hr == nil {
			return nil, errors.New("no HTTP request in the context")
		}
		next, err := CallbackURL(hr, "next", nil)
		if err != nil {
			return nil, err
		}
		return greeting(fmt.Sprint(r.Origin, " ", next)), nil
	}, WithTimeout(0))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	resp, err := srv.Client().Get(srv.URL + "/ivr/menu?dtmf=1")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if ok := <-deadline; ok {
		t.Error("WithTimeout(0): the context has a deadline")
	}
	if want := "<Say>gather " + srv.URL + "/ivr/next</Say>"; !strings.Contains(string(body), want) {
		t.Errorf("body = %s, want it to hold %s", body, want)
	}
	if r := HTTPRequest(context.Background()); r != nil {
		t.Errorf("HTTPRequest(context.Background()) = %v, want nil", r)
	}
}

// brokenWriter fails every write, as a connection the caller dropped does.
type brokenWriter struct{ *httptest.ResponseRecorder }

func (brokenWriter) Write([]byte) (int, error) { return 0, errors.New("connection reset") }

// brokenReader fails every read, as a body whose sender went away does.
type brokenReader struct{}

func (brokenReader) Read([]byte) (int, error) { return 0, errors.New("unexpected EOF") }

// These failures cannot be provoked reliably through a real connection, so
// the handler is called directly.
func TestCallFlowHandlerIOErrors(t *testing.T) {
	t.Parallel()
	fn := func(context.Context, *CallFlowRequest) (*verbs.Response, error) { return greeting("hi"), nil }
	tests := []struct {
		name     string
		body     io.Reader
		w        func(*httptest.ResponseRecorder) http.ResponseWriter
		wantErr  string
		wantBody string
	}{
		{
			name:     "write fails",
			w:        func(rec *httptest.ResponseRecorder) http.ResponseWriter { return brokenWriter{rec} },
			wantErr:  "webhook: writing the reply: connection reset",
			wantBody: "",
		},
		{
			name:     "body read fails",
			body:     brokenReader{},
			w:        func(rec *httptest.ResponseRecorder) http.ResponseWriter { return rec },
			wantErr:  "webhook: reading the request body: unexpected EOF",
			wantBody: defaultFallback,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var hooks hookRecorder
			h, err := NewCallFlowHandler(fn, WithErrorHook(hooks.hook))
			if err != nil {
				t.Fatal(err)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(tt.w(rec), httptest.NewRequest(http.MethodPost, "/", tt.body))
			errs := hooks.errors()
			if len(errs) != 1 || errs[0].Error() != tt.wantErr {
				t.Errorf("hook got %v, want once %q", errs, tt.wantErr)
			}
			if rec.Code != http.StatusOK || rec.Body.String() != tt.wantBody {
				t.Errorf("reply %d %q, want 200 %q", rec.Code, rec.Body.String(), tt.wantBody)
			}
		})
	}
}
