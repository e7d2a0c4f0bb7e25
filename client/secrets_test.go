package client

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// Distinctive values for every kind of secret.
const (
	markPassword = "PASSWORD-MARKER-1"
	markJWTSig   = "JWTSIG-MARKER-2"
	markAPIToken = "APITOKEN-MARKER-3"
	markCreated  = "CREATEDTOKEN-MARKER-4"
	markSIPPass  = "SIPPASS-MARKER-5"
	markInvite   = "INVITE-MARKER-6"
)

var allMarkers = []string{markPassword, markJWTSig, markAPIToken, markCreated, markSIPPass, markInvite}

// leakCheck collects printed forms and log output and fails on any marker.
type leakCheck struct {
	t    *testing.T
	logs bytes.Buffer
	log  *slog.Logger
}

func newLeakCheck(t *testing.T) *leakCheck {
	l := &leakCheck{t: t}
	l.log = slog.New(slog.NewTextHandler(&l.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	return l
}

// value prints v with every common verb, logs it, and checks for markers.
func (l *leakCheck) value(what string, v any) {
	l.t.Helper()
	if v == nil {
		return
	}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%d", "%x"} {
		l.text(what+" "+verb, fmt.Sprintf(verb, v))
	}
	if err, ok := v.(error); ok {
		l.text(what+" Error()", err.Error())
	}
	l.log.Info("value", "v", v)
}

func (l *leakCheck) text(what, s string) {
	l.t.Helper()
	for _, m := range allMarkers {
		if strings.Contains(s, m) {
			l.t.Errorf("%s leaks %s: %s", what, m, s)
		}
	}
}

func (l *leakCheck) finish() {
	l.t.Helper()
	l.text("log output", l.logs.String())
}

func TestSecretsNeverPrinted(t *testing.T) {
	t.Parallel()
	lc := newLeakCheck(t)
	defer lc.finish()
	ctx := context.Background()
	jwt := makeJWT("u", time.Now().Add(time.Hour))
	jwt = jwt[:strings.LastIndexByte(jwt, '.')+1] + markJWTSig

	// Failed login with a marked password.
	s := newStub(t, respond(401, `{"success":false,"message":"Wrong credentials","status":401}`))
	c, _ := newTestClient(t, s, EmailPassword("user@example.com", markPassword), WithLogger(lc.log))
	lc.value("client", c)
	lc.value("credentials", c.creds)
	_, err := c.Leases.Get(ctx, "l")
	lc.value("failed login", err)
	_, err = c.Token(ctx)
	lc.value("Token error", err)

	// A 401 after a successful login with a marked JWT.
	s = newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
		if strings.HasSuffix(r.URL.Path, "/auth") {
			respond(200, ok(`{"uuid":"u","email":"user@example.com","token":"`+jwt+`"}`))(w, r, b)
			return
		}
		respond(401, `{"success":false,"message":"Unauthorized","status":401}`)(w, r, b)
	})
	c, _ = newTestClient(t, s, EmailPassword("user@example.com", markPassword), WithLogger(lc.log))
	res, err := c.Auth.Login(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lc.value("login result", res)
	lc.value("login result value", *res)
	lc.value("client value", *c)
	lc.value("login user", res.User)
	_, err = c.Leases.Get(ctx, "l")
	lc.value("401", err)

	// A 500 with fields echoing secrets, with an API token.
	s = newStub(t, respond(500, `{"success":false,"message":"Validation","status":500,"fields":{"params.password":{"message":"too weak","value":"`+markSIPPass+`"}}}`))
	c, _ = newTestClient(t, s, APIToken(markAPIToken), WithLogger(lc.log))
	lc.value("api client", c)
	req := &SIPUserCreateRequest{Login: "bob", Password: markSIPPass}
	lc.value("create request", req)
	lc.value("create request value", *req)
	upd := &SIPUserUpdateRequest{Password: markSIPPass}
	lc.value("update request", upd)
	_, err = c.SIPUsers.Create(ctx, "acme", req)
	lc.value("500 with fields", err)

	// Transport errors with the token in the query.
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().String()
	ln.Close()
	c, err = New(APIToken(markAPIToken), WithBaseURL("http://"+closed+"/rest"), WithAPITokenInQuery(), WithLogger(lc.log),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxWait: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Leases.Get(ctx, "l")
	lc.value("dial error", err)
	s = newStub(t, hangUp)
	c, _ = newTestClient(t, s, APIToken(markAPIToken), WithAPITokenInQuery(), WithLogger(lc.log))
	_, err = c.Messages.Send(ctx, &SendSMSRequest{From: 1, To: 2, Text: "x"})
	lc.value("dropped connection", err)

	// A decode error on a reply holding a token, and replies with secrets.
	s = newStub(t, sequence(
		respond(200, `{"success":true,"payload":{"token":"`+markCreated+`"`),
		respond(200, ok(`{"uuid":"t","name":"ci","token":"`+markCreated+`"}`)),
		respond(200, ok(`{"uuid":"i","name":"inv","token":"`+markInvite+`"}`)),
		respond(404, `{"success":false,"message":"Token not found","status":404}`),
	))
	c, _ = newTestClient(t, s, APIToken(markAPIToken), WithLogger(lc.log))
	_, err = c.Tokens.Create(ctx, &TokenCreateRequest{Name: "ci"})
	lc.value("decode error", err)
	tok, err := c.Tokens.Create(ctx, &TokenCreateRequest{Name: "ci"})
	if err != nil || tok.Token != markCreated {
		t.Fatalf("Create = %v, %v", tok, err)
	}
	lc.value("token", tok)
	lc.value("token value", *tok)
	lc.value("token list", []*Token{tok})
	inv, err := c.SIPUserInvites.Create(ctx, "acme", &SIPUserInviteCreateRequest{Name: "inv", ExpiredOn: expireAt})
	if err != nil || inv.Token != markInvite {
		t.Fatalf("invite = %v, %v", inv, err)
	}
	lc.value("invite", inv)
	lc.value("invite value", *inv)

	// Token deletion: the path holds the secret.
	_, err = c.Tokens.Delete(ctx, markAPIToken)
	lc.value("token deletion", err)
	err = c.Do(ctx, "DELETE", "/token/"+markCreated, nil, nil)
	lc.value("token deletion via Do", err)

	// Credentials as JSON.
	for _, cr := range []Credentials{EmailPassword("a", markPassword), JWT(jwt), APIToken(markAPIToken)} {
		b, err := json.Marshal(cr)
		if err != nil || string(b) != `"[REDACTED]"` {
			t.Errorf("json.Marshal(credentials) = %s, %v", b, err)
		}
		lc.value("credentials", cr)
		lc.text("credentials GoString", cr.GoString())
		lc.text("credentials String", cr.String())
	}
	if !strings.Contains(lc.logs.String(), "path=/token/[REDACTED]") {
		t.Errorf("log lacks the redacted token path:\n%s", lc.logs.String())
	}
}

// TestRedactedForms checks what the redacted forms do show.
func TestRedactedForms(t *testing.T) {
	t.Parallel()
	c, err := New(EmailPassword("user@example.com", "pw"))
	if err != nil {
		t.Fatal(err)
	}
	want := `client.Client{BaseURL: https://api.opentact.org/rest, Credentials: client.EmailPassword("user@example.com", [REDACTED])}`
	if got := fmt.Sprint(c); got != want {
		t.Errorf("Client = %s", got)
	}
	if got := fmt.Sprintf("%#v", c); got != want {
		t.Errorf("%%#v Client = %s", got)
	}
	if got := fmt.Sprintf("%q", JWT("x")); got != `"client.JWT([REDACTED])"` {
		t.Errorf("%%q JWT = %s", got)
	}
	var nilRes *LoginResult
	if fmt.Sprint(nilRes) != "<nil>" {
		t.Error("nil LoginResult")
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "client", c, "res", &LoginResult{Token: "t"}, "upd", SIPUserUpdateRequest{})
	if !strings.Contains(buf.String(), `"email":"user@example.com"`) || !strings.Contains(buf.String(), `"token":"[REDACTED]"`) {
		t.Errorf("slog output = %s", buf.String())
	}
}
