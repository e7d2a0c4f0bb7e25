package client_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	// The external test package, so that clienttest (which imports
	// client) can be used; the dot import keeps the tests unqualified.
	. "github.com/opentact-go/opentact/client"
	"github.com/opentact-go/opentact/client/clienttest"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// fakeClient returns a client of the fake API, logging in with its e-mail
// and password unless creds says otherwise. Waits are recorded, not slept.
func fakeClient(t *testing.T, srv *clienttest.Server, creds Credentials, opts ...Option) (*Client, *Waits) {
	t.Helper()
	if creds == nil {
		creds = EmailPassword(srv.Email(), srv.Password())
	}
	c, err := New(creds, append([]Option{WithBaseURL(srv.URL()), WithHTTPClient(srv.HTTPClient())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return c, RecordWaits(c)
}

func newFake(t *testing.T, opts ...clienttest.Option) *clienttest.Server {
	t.Helper()
	srv := clienttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv
}

// TestFakeCredentialModes checks each credential mode on the wire.
func TestFakeCredentialModes(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	ctx := context.Background()
	modes := []struct {
		name  string
		creds Credentials
		opts  []Option
		check func(t *testing.T, reqs []clienttest.Request)
	}{
		{"email and password", EmailPassword(srv.Email(), srv.Password()), nil, func(t *testing.T, reqs []clienttest.Request) {
			if len(reqs) != 2 || reqs[0].Path != "/auth" || !strings.HasPrefix(reqs[0].Header.Get("Authorization"), "Basic ") ||
				reqs[1].Header.Get("Authorization") != "" || reqs[1].Header.Get("X-Auth-Token") == "" {
				t.Errorf("requests = %+v", reqs)
			}
		}},
		{"jwt", JWT(srv.IssueJWT(time.Hour)), nil, func(t *testing.T, reqs []clienttest.Request) {
			if len(reqs) != 1 || reqs[0].Header.Get("X-Auth-Token") == "" || reqs[0].Header.Get("Authorization") != "" {
				t.Errorf("requests = %+v", reqs)
			}
		}},
		{"api token", APIToken(srv.APIToken()), nil, func(t *testing.T, reqs []clienttest.Request) {
			if len(reqs) != 1 || reqs[0].Header.Get("Authorization") != "Bearer "+srv.APIToken() {
				t.Errorf("requests = %+v", reqs)
			}
		}},
		{"api token as X-Auth-Token", APIToken(srv.APIToken()), []Option{WithAPITokenAsXAuthToken()}, func(t *testing.T, reqs []clienttest.Request) {
			if len(reqs) != 1 || reqs[0].Header.Get("X-Auth-Token") != srv.APIToken() || reqs[0].Header.Get("Authorization") != "" || reqs[0].Query.Has("bearer") {
				t.Errorf("requests = %+v", reqs)
			}
		}},
		{"api token in query", APIToken(srv.APIToken()), []Option{WithAPITokenInQuery()}, func(t *testing.T, reqs []clienttest.Request) {
			if len(reqs) != 1 || reqs[0].Query.Get("bearer") != srv.APIToken() || reqs[0].Header.Get("Authorization") != "" || reqs[0].Header.Get("X-Auth-Token") != "" {
				t.Errorf("requests = %+v", reqs)
			}
		}},
	}
	for _, m := range modes {
		srv.ResetRequests()
		c, _ := fakeClient(t, srv, m.creds, m.opts...)
		countries, err := c.Dictionaries.Countries(ctx)
		if err != nil || len(countries) == 0 {
			t.Fatalf("%s: Countries = %v, %v", m.name, countries, err)
		}
		t.Run(m.name, func(t *testing.T) { m.check(t, srv.Requests()) })
	}
}

// TestFakeTokenLifecycle checks refresh before exp with a fake clock, the
// replay after ExpireJWTs, and a single login for 20 concurrent callers.
func TestFakeTokenLifecycle(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	now := time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := newFake(t, clienttest.WithClock(clock), clienttest.WithJWTLifetime(time.Hour))
	c, _ := fakeClient(t, srv, nil)
	SetClock(c, clock)
	ctx := context.Background()
	logins := func() int {
		n := 0
		for _, r := range srv.Requests() {
			if r.Path == "/auth" {
				n++
			}
		}
		return n
	}
	if _, err := c.Dictionaries.SIPProducts(ctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	now = now.Add(59*time.Minute + time.Second) // inside the 60 s margin
	mu.Unlock()
	if _, err := c.Dictionaries.SIPProducts(ctx); err != nil {
		t.Fatal(err)
	}
	if n := logins(); n != 2 {
		t.Errorf("%d logins after reaching the margin, want 2", n)
	}

	srv.ExpireJWTs()
	srv.ResetRequests()
	if _, err := c.Dictionaries.SIPProducts(ctx); err != nil {
		t.Fatal(err)
	}
	var seq []string
	for _, r := range srv.Requests() {
		seq = append(seq, r.Path)
	}
	if strings.Join(seq, " ") != "/sip/product /auth /sip/product" {
		t.Errorf("after ExpireJWTs: %v, want one refused call, one login, one replay", seq)
	}

	srv.ExpireJWTs()
	srv.ResetRequests()
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Dictionaries.SIPProducts(ctx); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := logins(); n != 1 {
		t.Errorf("%d logins for 20 concurrent callers, want 1", n)
	}
}

// TestFakeErrors checks each sentinel, validation in both forms, and
// malformed replies.
func TestFakeErrors(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	statuses := []struct {
		status int
		want   error
	}{
		{404, ErrNotFound}, {401, ErrUnauthorized}, {403, ErrUnauthorized}, {402, ErrInsufficientBalance},
		{409, ErrConflict}, {429, ErrRateLimited}, {400, ErrValidation},
	}
	srv := newFake(t)
	c, _ := fakeClient(t, srv, APIToken(srv.APIToken()), WithRetryPolicy(RetryPolicy{MaxAttempts: 1, BaseDelay: 1, MaxWait: 1}))
	for _, st := range statuses {
		srv.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Status: st.status})
		if _, err := c.Dictionaries.Countries(ctx); !errors.Is(err, st.want) {
			t.Errorf("status %d: error = %v, want %v", st.status, err, st.want)
		}
	}
	srv.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Status: 500, Fields: map[string]string{"params.x": "bad"}})
	if _, err := c.Dictionaries.Countries(ctx); !errors.Is(err, ErrValidation) {
		t.Errorf("500 with fields: %v", err)
	}
	srv.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Status: 200, Body: []byte(`{"success":false,"message":"Nope","status":404}`)})
	if _, err := c.Dictionaries.Countries(ctx); !errors.Is(err, ErrNotFound) {
		t.Errorf("success:false with 200: %v", err)
	}
	srv.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Status: 502, Body: []byte(`<html>gateway</html>`)})
	var ae *APIError
	if _, err := c.Dictionaries.Countries(ctx); !errors.As(err, &ae) || ae.Message != "Bad Gateway" {
		t.Errorf("non-JSON error body: %v", err)
	}
	srv.InjectFault(clienttest.Match{Path: "/dict/country"}, clienttest.Fault{Body: []byte(`{"success":tru`)})
	var de *DecodeError
	if _, err := c.Dictionaries.Countries(ctx); !errors.As(err, &de) {
		t.Errorf("malformed 2xx: %v", err)
	}

	// Validation from the real handlers, as 400 and as 500.
	for _, code := range []int{400, 500} {
		srv := newFake(t, clienttest.WithValidationStatus(code))
		c, _ := fakeClient(t, srv, APIToken(srv.APIToken()))
		// The client itself refuses a missing name, so send one without it through Do.
		err := c.Do(ctx, "POST", "/profile/messaging", map[string]any{}, nil)
		if !errors.As(err, &ae) || !errors.Is(err, ErrValidation) || ae.StatusCode != code || len(ae.Fields) == 0 {
			t.Errorf("validation as %d: %#v", code, err)
		}
	}
}

// TestFakePagination iterates over 250 purchased numbers.
func TestFakePagination(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	ctx := context.Background()
	var extra []int64
	for i := range 150 {
		extra = append(extra, 13035550000+int64(i))
	}
	srv.AddAvailableNumbers(extra...)
	c, _ := fakeClient(t, srv, APIToken(srv.APIToken()))
	var items []OrderItem
	for n, err := range c.Numbers.All(ctx, &NumberSearchOptions{Type: NumberTypeLongCode}) {
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, OrderItem{TN: n.TN, Features: []Feature{FeatureVoice}})
	}
	if len(items) != 250 {
		t.Fatalf("%d available long-code numbers, want 250", len(items))
	}
	for i := 0; i < len(items); i += 100 {
		if _, err := c.Orders.Create(ctx, &OrderCreateRequest{Items: items[i:min(i+100, len(items))]}); err != nil {
			t.Fatal(err)
		}
	}
	srv.ResetRequests()
	opts := &LeaseSearchOptions{}
	n := 0
	for _, err := range c.Leases.All(ctx, opts) {
		if err != nil {
			t.Fatal(err)
		}
		n++
	}
	reqs := srv.Requests()
	if n != 250 || len(reqs) != 3 {
		t.Fatalf("%d leases in %d requests, want 250 in 3", n, len(reqs))
	}
	for i, r := range reqs {
		if r.Query.Get("take") != "100" || r.Query.Get("skip") != []string{"0", "100", "200"}[i] {
			t.Errorf("request %d query = %v", i, r.Query)
		}
	}
	if opts.Take != 0 || opts.Skip != 0 {
		t.Errorf("caller's options changed: %+v", opts)
	}

	srv.ResetRequests()
	srv.InjectFault(clienttest.Match{Method: "POST", Path: "/lease/tn/search"}, clienttest.Fault{})
	srv.InjectFault(clienttest.Match{Method: "POST", Path: "/lease/tn/search"}, clienttest.Fault{Status: 404})
	errs := 0
	for _, err := range c.Leases.All(ctx, nil) {
		if err != nil {
			errs++
		}
	}
	if errs != 1 {
		t.Errorf("error yielded %d times, want once", errs)
	}
}

// TestFakeRetries runs the retry rules against the fake's faults.
func TestFakeRetries(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	setup := func(t *testing.T) (*clienttest.Server, *Client, *Waits, *SendSMSRequest) {
		srv := newFake(t)
		c, w := fakeClient(t, srv, APIToken(srv.APIToken()))
		from := smsReadyNumber(t, c)
		return srv, c, w, &SendSMSRequest{From: from, To: 12025550199, Text: "hello"}
	}
	t.Run("sms reply lost", func(t *testing.T) {
		t.Parallel()
		srv, c, _, req := setup(t)
		srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Drop: true, AfterHandler: true})
		_, err := c.Messages.Send(ctx, req)
		var re *RequestError
		if !errors.As(err, &re) {
			t.Fatalf("error = %#v, want *RequestError", err)
		}
		if n := len(srv.SentMessages()); n != 1 {
			t.Errorf("%d messages sent, want exactly 1", n)
		}
	})
	t.Run("sms reply lost with RetryAmbiguous", func(t *testing.T) {
		t.Parallel()
		srv, c, _, req := setup(t)
		srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Drop: true, AfterHandler: true})
		if _, err := c.Messages.Send(ctx, req, RetryAmbiguous()); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.SentMessages()); n != 2 {
			t.Errorf("%d messages sent, want 2 (the caller accepted it)", n)
		}
	})
	t.Run("dial failure before sms", func(t *testing.T) {
		t.Parallel()
		srv, c, _, req := setup(t)
		srv.FailNextDials(1)
		if _, err := c.Messages.Send(ctx, req); err != nil {
			t.Fatal(err)
		}
		if n := len(srv.SentMessages()); n != 1 {
			t.Errorf("%d messages sent, want 1", n)
		}
	})
	t.Run("GET dropped", func(t *testing.T) {
		t.Parallel()
		srv, c, _, _ := setup(t)
		srv.InjectFault(clienttest.Match{Method: "GET", Path: "/dict/gtts"}, clienttest.Fault{Drop: true})
		if _, err := c.Dictionaries.Voices(ctx); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("search dropped", func(t *testing.T) {
		t.Parallel()
		srv, c, _, _ := setup(t)
		srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms/search"}, clienttest.Fault{Drop: true})
		if _, err := c.Messages.Search(ctx, nil); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("503 Retry-After", func(t *testing.T) {
		t.Parallel()
		srv, c, w, _ := setup(t)
		srv.InjectFault(clienttest.Match{Path: "/dict/gtts"}, clienttest.Fault{Status: 503, RetryAfter: "1"})
		if _, err := c.Dictionaries.Voices(ctx); err != nil {
			t.Fatal(err)
		}
		if got := w.All(); len(got) != 1 || got[0] < time.Second {
			t.Errorf("waits = %v, want one of at least 1s", got)
		}
	})
	t.Run("429 beyond MaxWait", func(t *testing.T) {
		t.Parallel()
		srv, c, _, _ := setup(t)
		srv.InjectFault(clienttest.Match{Path: "/dict/gtts"}, clienttest.Fault{Status: 429, RetryAfter: "3600"})
		var ae *APIError
		if _, err := c.Dictionaries.Voices(ctx); !errors.As(err, &ae) || ae.RetryAfter != time.Hour || ae.Attempts != 1 {
			t.Errorf("error = %#v", err)
		}
	})
	t.Run("500 with fields", func(t *testing.T) {
		t.Parallel()
		srv, c, _, req := setup(t)
		srv.InjectFault(clienttest.Match{Path: "/sms"}, clienttest.Fault{Status: 500, Fields: map[string]string{"params.to": "invalid"}})
		if _, err := c.Messages.Send(ctx, req, RetryAmbiguous()); !errors.Is(err, ErrValidation) {
			t.Errorf("error = %v", err)
		}
		if n := len(srv.SentMessages()); n != 0 {
			t.Errorf("%d messages sent", n)
		}
	})
}

// smsReadyNumber buys a number and enables SMS on it.
func smsReadyNumber(t *testing.T, c *Client) TN {
	t.Helper()
	ctx := context.Background()
	page, err := c.Numbers.Search(ctx, &NumberSearchOptions{Take: 1, Type: NumberTypeLongCode})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("number search: %v", err)
	}
	tn := page.Items[0].TN
	if _, err := c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{TN: tn, Features: []Feature{FeatureVoice, FeatureSMS}}}}); err != nil {
		t.Fatal(err)
	}
	mp, err := c.MessagingProfiles.Create(ctx, &MessagingProfileCreateRequest{Name: "main", CallbackURL: "https://example.com/sms"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Leases.EnableSMS(ctx, tn.String(), &EnableSMSRequest{MessagingProfile: mp.UUID, SMSCampaign: "campaign-1"}); err != nil {
		t.Fatal(err)
	}
	return tn
}

// TestFakeNumberFlow buys, routes and releases a number.
func TestFakeNumberFlow(t *testing.T) {
	t.Parallel()
	for _, form := range []clienttest.AssignForm{clienttest.AssignUUIDs, clienttest.AssignLeases} {
		srv := newFake(t, clienttest.WithAssignReply(form))
		c, _ := fakeClient(t, srv, nil)
		ctx := context.Background()
		page, err := c.Numbers.Search(ctx, &NumberSearchOptions{State: "DC", Take: 3})
		if err != nil || len(page.Items) != 3 {
			t.Fatalf("search: %v, %v", page, err)
		}
		tn := page.Items[1].TN
		order, err := c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{TN: tn, Features: []Feature{FeatureVoice}, Autorenew: true}}})
		if err != nil || order.UUID == "" {
			t.Fatalf("order: %v, %v", order, err)
		}
		if got, err := c.Orders.Get(ctx, order.UUID); err != nil || !got.Done() || got.State != OrderSuccess {
			t.Fatalf("order state: %+v, %v", got, err)
		}
		var lease *Lease
		for l, err := range c.Leases.All(ctx, nil) {
			if err != nil {
				t.Fatal(err)
			}
			if l.TN != nil && l.TN.Number == tn {
				lease = l
			}
		}
		if lease == nil || !lease.Autorenew {
			t.Fatalf("lease of %d not found: %+v", tn, lease)
		}
		if byTN, err := c.Leases.GetByTN(ctx, tn); err != nil || byTN.UUID != lease.UUID {
			t.Fatalf("GetByTN: %v, %v", byTN, err)
		}
		sc, err := c.SIPConnections.Create(ctx, &SIPConnectionCreateRequest{Name: "pbx", IP: "192.0.2.10", Port: 5060, Product: 1})
		if err != nil {
			t.Fatal(err)
		}
		assigned, err := c.SIPConnections.AssignNumbers(ctx, sc.UUID, []string{lease.UUID})
		if err != nil || len(assigned) != 1 || assigned[0].UUID != lease.UUID {
			t.Fatalf("form %d: assign = %+v, %v", form, assigned, err)
		}
		nums, err := c.SIPConnections.ListNumbers(ctx, sc.UUID)
		if err != nil || len(nums) != 1 || nums[0].UUID != lease.UUID {
			t.Fatalf("ListNumbers = %+v, %v", nums, err)
		}
		detached, err := c.Leases.Update(ctx, lease.UUID, &LeaseUpdateRequest{SIPConnection: Null[string]()})
		if err != nil || detached.SIPConnection != nil {
			t.Fatalf("detach: %+v, %v", detached, err)
		}
		if released, err := c.Leases.Release(ctx, lease.UUID); err != nil || released.UUID != lease.UUID {
			t.Fatalf("release: %+v, %v", released, err)
		}
		if _, err := c.Leases.Get(ctx, lease.UUID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get after release: %v", err)
		}
	}
}

// TestFakeMessaging enables SMS, sends, reads back and searches.
func TestFakeMessaging(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	c, _ := fakeClient(t, srv, nil)
	ctx := context.Background()
	from := smsReadyNumber(t, c)
	sent, err := c.Messages.Send(ctx, &SendSMSRequest{From: from, To: 12025550142, Text: "Your code is 1234"})
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Messages.GetOutbound(ctx, sent.UUID)
	if err != nil || got.Text != "Your code is 1234" {
		t.Fatalf("GetOutbound = %+v, %v", got, err)
	}
	if f, err := got.From.TN(); err != nil || f != from {
		t.Errorf("From = %q", got.From)
	}
	found := false
	for m, err := range c.Messages.All(ctx, &MessageSearchOptions{Text: "code"}) {
		if err != nil {
			t.Fatal(err)
		}
		found = found || m.UUID == sent.UUID
	}
	if !found {
		t.Error("sent message not found by search")
	}
	inbound := srv.AddInboundSMS(12025550142, int64(from), "STOP")
	in, err := c.Messages.GetInbound(ctx, inbound)
	if err != nil || !in.Inbound() || in.Text != "STOP" {
		t.Errorf("GetInbound = %+v, %v", in, err)
	}
	if msgs := srv.SentMessages(); len(msgs) != 1 || msgs[0].From != int64(from) {
		t.Errorf("SentMessages = %+v", msgs)
	}
}

// TestFakeCallFlows sends rendered documents and checks they arrive
// byte-identical.
func TestFakeCallFlows(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	c, _ := fakeClient(t, srv, nil)
	ctx := context.Background()
	doc := &verbs.Response{Commands: []verbs.Command{&verbs.Hangup{Tag: "Done & dusted"}}}
	want, err := render.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	ovp, err := c.OutboundVoiceProfiles.Create(ctx, &OutboundVoiceProfileCreateRequest{Name: "out", Product: 1})
	if err != nil {
		t.Fatal(err)
	}
	batch, err := c.Calls.Bulk(ctx, &BulkCallRequest{OutboundVoiceProfile: ovp.UUID, Phones: []TN{12025550111, 12025550112}, Flow: Document(doc)})
	if err != nil {
		t.Fatal(err)
	}
	if b := srv.Batches(); len(b) != 1 || b[0].XML != string(want) || len(b[0].Phones) != 2 {
		t.Fatalf("Batches = %+v", b)
	}
	if batch.UUID == "" || batch.Type != "call_xml" {
		t.Errorf("batch = %+v", batch)
	}
	calls := 0
	var callUUID string
	for call, err := range c.Calls.All(ctx, &CallSearchOptions{Direction: DirectionOut}) {
		if err != nil {
			t.Fatal(err)
		}
		calls++
		callUUID = call.UUID
	}
	if calls != 2 {
		t.Fatalf("%d outbound calls, want 2", calls)
	}
	if _, err := c.SIPControlApps.PushCallFlow(ctx, callUUID, Document(doc)); err != nil {
		t.Fatal(err)
	}
	if pushed := srv.PushedFlows(callUUID); len(pushed) != 1 || string(pushed[0]) != string(want) {
		t.Errorf("PushedFlows = %q", pushed)
	}

	app, err := c.SIPControlApps.Create(ctx, &SIPControlAppCreateRequest{Name: "ivr", Product: 1})
	if err != nil {
		t.Fatal(err)
	}
	hosted, err := c.SIPControlApps.PutCallFlow(ctx, app.UUID, Document(doc))
	if err != nil || hosted.XML != string(want) || !strings.HasSuffix(hosted.URL, app.UUID+".xml") {
		t.Fatalf("PutCallFlow = %+v, %v", hosted, err)
	}
	if stored, ok := srv.HostedFlow(app.UUID); !ok || string(stored) != string(want) {
		t.Errorf("HostedFlow = %q", stored)
	}
	last := srv.Requests()[len(srv.Requests())-1]
	if string(last.Multipart["file"]) != string(want) {
		t.Errorf("multipart file = %q", last.Multipart["file"])
	}
	if got, err := c.SIPControlApps.GetCallFlow(ctx, app.UUID); err != nil || got.XML != string(want) {
		t.Errorf("GetCallFlow = %+v, %v", got, err)
	}
	if err := c.SIPControlApps.DeleteCallFlow(ctx, app.UUID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.SIPControlApps.GetCallFlow(ctx, app.UUID); !errors.Is(err, ErrNotFound) {
		t.Errorf("GetCallFlow after delete: %v", err)
	}
}

// TestFakeNullableOnTheWire checks the three Nullable states from the
// fake's recording.
func TestFakeNullableOnTheWire(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	c, _ := fakeClient(t, srv, APIToken(srv.APIToken()))
	ctx := context.Background()
	mp, err := c.MessagingProfiles.Create(ctx, &MessagingProfileCreateRequest{Name: "p", CallbackURL: "https://example.com/a", CallbackURL2: "https://example.com/b"})
	if err != nil {
		t.Fatal(err)
	}
	srv.ResetRequests()
	got, err := c.MessagingProfiles.Update(ctx, mp.UUID, &MessagingProfileUpdateRequest{CallbackURL: Null[string](), CallbackURL2: Value("https://example.com/c")})
	if err != nil {
		t.Fatal(err)
	}
	if got.CallbackURL != "" || got.CallbackURL2 != "https://example.com/c" {
		t.Errorf("profile = %+v", got)
	}
	if body := string(srv.Requests()[0].Body); body != `{"callback_url":null,"callback_url2":"https://example.com/c"}` {
		t.Errorf("body = %s", body)
	}
}

// TestFakeSubscriptions runs Ensure against the fake.
func TestFakeSubscriptions(t *testing.T) {
	t.Parallel()
	srv := newFake(t)
	c, _ := fakeClient(t, srv, nil)
	ctx := context.Background()
	first, err := c.Subscriptions.Ensure(ctx, "call_state", "sms")
	if err != nil || len(first) != 2 {
		t.Fatalf("Ensure = %+v, %v", first, err)
	}
	second, err := c.Subscriptions.Ensure(ctx, "sms", "call_state")
	if err != nil || len(second) != 2 || second[0].UUID != first[1].UUID {
		t.Fatalf("second Ensure = %+v, %v", second, err)
	}
	list, err := c.Subscriptions.List(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("List = %+v, %v", list, err)
	}
	if _, err := c.Subscriptions.Delete(ctx, first[0].UUID); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Subscriptions.Delete(ctx, first[0].UUID); !errors.Is(err, ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

// TestFakeTLS checks a client of the fake served over HTTPS.
func TestFakeTLS(t *testing.T) {
	t.Parallel()
	srv := newFake(t, clienttest.WithTLS())
	if !strings.HasPrefix(srv.URL(), "https://") {
		t.Fatalf("URL = %s", srv.URL())
	}
	c, _ := fakeClient(t, srv, nil)
	voices, err := c.Dictionaries.Voices(context.Background())
	if err != nil || len(voices) == 0 {
		t.Fatalf("Voices = %v, %v", voices, err)
	}
	if v, ok := MatchVoice(voices, "en-US", VoiceWaveNet, VoiceFemale); !ok || v.Code != "en-US" {
		t.Errorf("MatchVoice = %+v, %v", v, ok)
	}
}
