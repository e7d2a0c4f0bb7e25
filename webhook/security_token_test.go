package webhook

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/events"
)

// captureDefaultLog sends slog.Default's output to b until restore is called.
func captureDefaultLog(b *strings.Builder) (restore func()) {
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(b, nil)))
	return func() { slog.SetDefault(old) }
}

func TestRequireQueryToken(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target string
		allowed      bool
		downstream   string // RawQuery the next handler sees
	}{
		{"present", "/calls?token=s3cr3t&from=%2B15550100001", true, "from=%2B15550100001"},
		{"kept order and encoding", "/calls?b=2&token=s3cr3t&a=1&b=%20x", true, "b=2&a=1&b=%20x"},
		{"escaped parameter name", "/calls?%74oken=s3cr3t&x=1", true, "x=1"},
		{"alternate secret", "/calls?x=1&token=n3w", true, "x=1"},
		{"only the token", "/calls?token=s3cr3t", true, ""},
		{"missing", "/calls?from=1", false, ""},
		{"empty", "/calls?token=", false, ""},
		{"wrong", "/calls?token=s3cr3T", false, ""},
		{"prefix of the secret", "/calls?token=s3cr", false, ""},
		{"repeated", "/calls?token=s3cr3t&token=s3cr3t", false, ""},
		{"other parameter holds it", "/calls?tokens=s3cr3t", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &errRecorder{}
			mw, err := RequireQueryToken("token", "s3cr3t", WithAlternateSecret("n3w"), WithTokenErrorHook(rec.hook))
			if err != nil {
				t.Fatal(err)
			}
			var seen *http.Request
			next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				seen = r
				w.WriteHeader(http.StatusNoContent)
			})
			r := httptest.NewRequest(http.MethodGet, tt.target, nil)
			w := httptest.NewRecorder()
			mw(next).ServeHTTP(w, r)
			if !tt.allowed {
				same(t, "status", w.Code, http.StatusForbidden)
				same(t, "body", w.Body.String(), "forbidden\n")
				same(t, "next called", seen != nil, false)
				errs := rec.list()
				if len(errs) != 1 || !errors.Is(errs[0], ErrBadToken) {
					t.Errorf("hook got %v, want ErrBadToken", errs)
				}
				return
			}
			same(t, "status", w.Code, http.StatusNoContent)
			same(t, "hook calls", len(rec.list()), 0)
			same(t, "RawQuery", seen.URL.RawQuery, tt.downstream)
			if _, ok := seen.URL.Query()["token"]; ok {
				t.Error("the token reached the next handler")
			}
			if strings.Contains(seen.RequestURI, "s3cr3t") || strings.Contains(seen.RequestURI, "n3w") {
				t.Errorf("RequestURI %q holds the secret", seen.RequestURI)
			}
			same(t, "original request untouched", r.URL.RawQuery, strings.SplitN(tt.target, "?", 2)[1])
		})
	}
}

func TestRequireQueryTokenClearsParsedForm(t *testing.T) {
	t.Parallel()
	mw, err := RequireQueryToken("token", "s3cr3t")
	if err != nil {
		t.Fatal(err)
	}
	r := httptest.NewRequest(http.MethodGet, "/calls?token=s3cr3t&dtmf=12", nil)
	if err := r.ParseForm(); err != nil {
		t.Fatal(err)
	}
	var form url.Values
	mw(http.HandlerFunc(func(_ http.ResponseWriter, r *http.Request) { form = r.Form })).ServeHTTP(httptest.NewRecorder(), r)
	same(t, "form", form.Encode(), "dtmf=12")
	same(t, "original form", r.Form.Get("token"), "s3cr3t")
}

func TestRequireQueryTokenWithEventHandler(t *testing.T) {
	t.Parallel()
	mw, err := RequireQueryToken("token", "s3cr3t")
	if err != nil {
		t.Fatal(err)
	}
	var state string
	h, err := NewCallEventHandler(func(_ context.Context, ev events.Event) error {
		s, _ := ev.CallState()
		state = string(s.State)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	mw(h).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/calls?token=s3cr3t&state=live", nil))
	same(t, "status", w.Code, http.StatusOK)
	same(t, "state", state, "live")
}

func TestRequireQueryTokenDefaultHookLogsNoSecret(t *testing.T) {
	// Not parallel: it replaces the default logger.
	var logged strings.Builder
	restore := captureDefaultLog(&logged)
	defer restore()
	mw, err := RequireQueryToken("token", "s3cr3t")
	if err != nil {
		t.Fatal(err)
	}
	w := httptest.NewRecorder()
	mw(okHandler).ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/calls?token=guess", nil))
	same(t, "status", w.Code, http.StatusForbidden)
	if out := logged.String(); !strings.Contains(out, ErrBadToken.Error()) || strings.Contains(out, "guess") {
		t.Errorf("default hook logged %q", out)
	}
}

func TestRequireQueryTokenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, param, secret string
		opts                []TokenOption
		msg                 string
	}{
		{"empty parameter", "", "s", nil, "webhook: RequireQueryToken: empty parameter name"},
		{"empty secret", "token", "", nil, "webhook: RequireQueryToken: empty secret"},
		{"empty alternate", "token", "s", []TokenOption{WithAlternateSecret("")}, "webhook: WithAlternateSecret: empty secret"},
		{"nil hook", "token", "s", []TokenOption{WithTokenErrorHook(nil)}, "webhook: WithTokenErrorHook: nil hook"},
		{"nil option", "token", "s", []TokenOption{nil}, "webhook: RequireQueryToken: nil option"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mw, err := RequireQueryToken(tt.param, tt.secret, tt.opts...)
			if err == nil || mw != nil {
				t.Fatalf("RequireQueryToken = %v, want an error", err)
			}
			same(t, "error", err.Error(), tt.msg)
		})
	}
}
