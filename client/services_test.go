package client

import (
	"context"
	"errors"
	"net/http"
	"reflect"
	"testing"
	"time"
)

// endpointCase drives one typed method against a raw server.
type endpointCase struct {
	name   string
	call   func(ctx context.Context, c *Client) (any, error)
	method string
	path   string            // escaped, below the base URL
	query  map[string]string // expected query; nil = none
	body   string            // expected JSON body; "" = no body
	flow   string            // expected multipart file content instead of a JSON body
	reply  string            // reply body; "" = {"success":true,"payload":{"uuid":"u-1"}}
	check  func(t *testing.T, got any)
}

var (
	someFlow = XML([]byte(`<Response><Say>Hi</Say></Response>`))
	expireAt = time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
)

// hasUUID checks the default reply came back decoded.
func hasUUID(t *testing.T, got any) {
	t.Helper()
	v := reflect.ValueOf(got)
	if v.Kind() != reflect.Pointer || v.IsNil() {
		t.Fatalf("result = %#v, want a non-nil pointer", got)
	}
	f := v.Elem().FieldByName("UUID")
	if !f.IsValid() {
		return
	}
	if f.String() != "u-1" {
		t.Errorf("UUID = %q, want u-1", f.String())
	}
}

// listOf checks a list result has n elements.
func listLen(n int) func(t *testing.T, got any) {
	return func(t *testing.T, got any) {
		t.Helper()
		if l := reflect.ValueOf(got).Len(); l != n {
			t.Errorf("len = %d, want %d", l, n)
		}
	}
}

func endpointCases() []endpointCase {
	return []endpointCase{
		// Tokens.
		{name: "Tokens.Create", method: "POST", path: "/token", body: `{"name":"ci","ttl":3600}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Tokens.Create(ctx, &TokenCreateRequest{Name: "ci", TTL: Ptr(3600)})
			}},
		{name: "Tokens.List", method: "GET", path: "/token/list", reply: ok(`[{"uuid":"a"},{"uuid":"b"}]`), check: listLen(2),
			call: func(ctx context.Context, c *Client) (any, error) { return c.Tokens.List(ctx) }},
		{name: "Tokens.Update", method: "PATCH", path: "/token/u-1", body: `{"name":"new"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Tokens.Update(ctx, "u-1", &TokenUpdateRequest{Name: "new"})
			}},
		{name: "Tokens.Delete", method: "DELETE", path: "/token/secret-tok",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Tokens.Delete(ctx, "secret-tok") }},
		{name: "Tokens.DeleteAll", method: "DELETE", path: "/token/all", reply: ok(`{}`),
			check: func(*testing.T, any) {},
			call:  func(ctx context.Context, c *Client) (any, error) { return nil, c.Tokens.DeleteAll(ctx) }},

		// Numbers and orders.
		{name: "Numbers.Search", method: "POST", path: "/tn/search", query: map[string]string{"take": "20", "skip": "0"},
			body:  `{"type":"long_code","state":"DC","npa":"202","features":["voice","sms"],"take":20}`,
			reply: ok(`{"total":1,"data":[{"tn":12025550100,"registered":false,"type":"long_code","features":["voice"]}]}`),
			check: func(t *testing.T, got any) {
				p := got.(*Page[AvailableNumber])
				if p.Total != 1 || len(p.Items) != 1 || p.Items[0].TN != 12025550100 || p.Items[0].Type != NumberTypeLongCode {
					t.Errorf("page = %+v", p)
				}
				if len(p.Items[0].Raw) == 0 {
					t.Error("Raw is empty")
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Numbers.Search(ctx, &NumberSearchOptions{Take: 20, Type: NumberTypeLongCode, State: "DC", NPA: "202",
					Features: []Feature{FeatureVoice, FeatureSMS}})
			}},
		{name: "Orders.Create", method: "POST", path: "/order",
			body:  `{"items":[{"tn":12025550100,"features":["voice","sms"],"autorenew":false}]}`,
			reply: ok(`{"uuid":"u-1","state":"processing","total":1,"success":0,"processing":1,"failed":0}`),
			check: func(t *testing.T, got any) {
				o := got.(*Order)
				if o.State != OrderProcessing || o.Processing != 1 || o.Done() {
					t.Errorf("order = %+v", o)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Orders.Create(ctx, &OrderCreateRequest{Items: []OrderItem{{TN: 12025550100, Features: []Feature{FeatureVoice, FeatureSMS}}}})
			}},
		{name: "Orders.Get", method: "GET", path: "/order/u-1",
			reply: ok(`{"uuid":"u-1","state":"success","tns":[12025550100],"tnleases":["l-1"],"errors":[{"item":{"tn":12025550101},"reason":"not available"}]}`),
			check: func(t *testing.T, got any) {
				o := got.(*Order)
				if !o.Done() || o.TNs[0].Number != 12025550100 || o.Leases[0].UUID != "l-1" || o.Errors[0].Item.TN != 12025550101 {
					t.Errorf("order = %+v", o)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.Orders.Get(ctx, "u-1") }},
		{name: "Orders.Search", method: "POST", path: "/order/search", query: map[string]string{"skip": "5"},
			body:  `{"state":"success","order":{"created_on":"DESC"}}`,
			reply: ok(`{"total":0,"data":[]}`), check: func(*testing.T, any) {},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Orders.Search(ctx, &OrderSearchOptions{SearchOptions: SearchOptions{Skip: 5, Order: map[string]SortDirection{"created_on": Desc}}, State: OrderSuccess})
			}},

		// Leases.
		{name: "Leases.Search", method: "POST", path: "/lease/tn/search", query: map[string]string{"take": "100", "skip": "0"},
			body:  `{"mode":"OR","created_on_from":"2024-01-16T14:15:48.540Z","tn":"1202*","autorenew":true,"sip_connection":"sc","sip_connections_skip":["x","y"]}`,
			reply: ok(`{"take":100,"skip":0,"total":1,"data":[{"uuid":"l-1","tn":{"tn":12025550100},"sip_connection":"sc"}]}`),
			check: func(t *testing.T, got any) {
				p := got.(*Page[Lease])
				if p.Take != 100 || p.Items[0].TN.Number != 12025550100 || p.Items[0].SIPConnection.UUID != "sc" {
					t.Errorf("page = %+v", p)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				from := time.Date(2024, 1, 16, 15, 15, 48, 540e6, time.FixedZone("CET", 3600))
				return c.Leases.Search(ctx, &LeaseSearchOptions{SearchOptions: SearchOptions{Take: 100, Mode: SearchModeOr, CreatedFrom: &from},
					TN: "1202*", Autorenew: Ptr(true), SIPConnection: "sc", ExcludeSIPConnections: []string{"x", "y"}})
			}},
		{name: "Leases.Get", method: "GET", path: "/lease/tn/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Leases.Get(ctx, "u-1") }},
		{name: "Leases.GetByTN", method: "GET", path: "/lease/tn/12029822917/tn",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Leases.GetByTN(ctx, 12029822917) }},
		{name: "Leases.Update", method: "PATCH", path: "/lease/tn/u-1",
			body: `{"autorenew":false,"messaging_profile":"mp","sip_connection":null,"sip_control_app":"app"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Leases.Update(ctx, "u-1", &LeaseUpdateRequest{Autorenew: Ptr(false), MessagingProfile: "mp",
					SIPConnection: Null[string](), SIPControlApp: Value("app")})
			}},
		{name: "Leases.Release", method: "DELETE", path: "/lease/tn/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Leases.Release(ctx, "u-1") }},
		{name: "Leases.EnableSMS", method: "POST", path: "/lease/tn/12029822917/subscription/sms",
			body:  `{"messaging_profile":"mp","sms_campaign":"camp"}`,
			reply: ok(`{"uuid":"u-1","type":"sms","messaging_profile":{"uuid":"mp"},"sms_campaign":{"campaignId":"C1"}}`),
			check: func(t *testing.T, got any) {
				s := got.(*LeaseSubscription)
				if s.Type != "sms" || s.MessagingProfile.UUID != "mp" || string(s.SMSCampaign) != `{"campaignId":"C1"}` {
					t.Errorf("subscription = %+v", s)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Leases.EnableSMS(ctx, "12029822917", &EnableSMSRequest{MessagingProfile: "mp", SMSCampaign: "camp"})
			}},
		{name: "Leases.DisableSMS", method: "DELETE", path: "/lease/tn/u-1/subscription/sms",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Leases.DisableSMS(ctx, "u-1") }},

		// TN profiles.
		{name: "TNProfiles.List", method: "GET", path: "/profile/tn", reply: ok(`[{"uuid":"p","name":"US","country":{"a2":"US"}}]`),
			check: func(t *testing.T, got any) {
				if l := got.([]*TNProfile); l[0].Name != "US" || l[0].Country.Alpha2 != "US" {
					t.Errorf("profiles = %+v", l[0])
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.TNProfiles.List(ctx) }},
		{name: "TNProfiles.Get", method: "GET", path: "/profile/tn/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.TNProfiles.Get(ctx, "u-1") }},

		// SIP connections.
		{name: "SIPConnections.List", method: "GET", path: "/sip/connection", reply: ok(`[{"uuid":"a","product":1}]`),
			check: func(t *testing.T, got any) {
				if l := got.([]*SIPConnection); l[0].Product.ID != 1 {
					t.Errorf("product = %+v", l[0].Product)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPConnections.List(ctx) }},
		{name: "SIPConnections.Create", method: "POST", path: "/sip/connection",
			body: `{"name":"pbx","ip":"192.0.2.10","port":5060,"product":1,"class4_ingress_trunk_settings":{},"class4_egress_trunk_settings":{"media_type":"Proxy Media"},"shaken_verify_policy":2,"shaken_minimum_accepted_attest_lvl":"B"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPConnections.Create(ctx, &SIPConnectionCreateRequest{Name: "pbx", IP: "192.0.2.10", Port: 5060, Product: 1,
					EgressTrunk: &TrunkSettings{MediaType: MediaProxy}, ShakenVerifyPolicy: Ptr(ShakenBlockInvalid), ShakenMinAttestation: AttestationB})
			}},
		{name: "SIPConnections.Get", method: "GET", path: "/sip/connection/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPConnections.Get(ctx, "u-1") }},
		{name: "SIPConnections.Update", method: "PATCH", path: "/sip/connection/u-1", body: `{"port":5080,"is_active":false}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPConnections.Update(ctx, "u-1", &SIPConnectionUpdateRequest{Port: Ptr(5080), IsActive: Ptr(false)})
			}},
		{name: "SIPConnections.Delete", method: "DELETE", path: "/sip/connection/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPConnections.Delete(ctx, "u-1") }},
		{name: "SIPConnections.ListNumbers", method: "GET", path: "/sip/connection/u-1/tnlease", reply: ok(`[{"uuid":"l-1"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPConnections.ListNumbers(ctx, "u-1") }},
		{name: "SIPConnections.AssignNumbers", method: "POST", path: "/sip/connection/u-1/tnlease", body: `{"add":["l-1","l-2"]}`,
			reply: ok(`["l-1","l-2"]`),
			check: func(t *testing.T, got any) {
				if l := got.([]*Lease); len(l) != 2 || l[1].UUID != "l-2" {
					t.Errorf("leases = %+v", l)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPConnections.AssignNumbers(ctx, "u-1", []string{"l-1", "l-2"})
			}},
		{name: "SIPConnections.RemoveNumbers", method: "POST", path: "/sip/connection/u-1/tnlease", body: `{"remove":["l-1"]}`,
			reply: ok(`[{"uuid":"l-1","tn":{"tn":12025550100}}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPConnections.RemoveNumbers(ctx, "u-1", []string{"l-1"})
			}},
		{name: "SIPConnections.UpdateNumbers", method: "POST", path: "/sip/connection/u-1/tnlease", body: `{"add":["a"],"remove":["b"]}`,
			reply: ok(`[]`), check: listLen(0),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPConnections.UpdateNumbers(ctx, "u-1", &NumberAssignment{Add: []string{"a"}, Remove: []string{"b"}})
			}},

		// SIP control apps.
		{name: "SIPControlApps.List", method: "GET", path: "/sip/app", reply: ok(`[]`), check: listLen(0),
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPControlApps.List(ctx) }},
		{name: "SIPControlApps.Create", method: "POST", path: "/sip/app",
			body: `{"name":"ivr","product":1,"call_flow_url":"https://example.com/flow?a=1&b=2","call_flow_method":"POST","call_flow_request_timeout":3000,"class4_ingress_trunk_settings":{},"class4_egress_trunk_settings":{}}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.Create(ctx, &SIPControlAppCreateRequest{Name: "ivr", Product: 1,
					CallFlowURL: "https://example.com/flow?a=1&b=2", CallFlowMethod: MethodPost, CallFlowTimeout: Ptr(3000)})
			}},
		{name: "SIPControlApps.Get", method: "GET", path: "/sip/app/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPControlApps.Get(ctx, "u-1") }},
		{name: "SIPControlApps.Update", method: "PATCH", path: "/sip/app/u-1",
			body: `{"webhook_url":"https://example.com/events","webhook_request_timeout":null,"call_flow_request_timeout":0}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.Update(ctx, "u-1", &SIPControlAppUpdateRequest{WebhookURL: "https://example.com/events",
					WebhookTimeout: Null[int](), CallFlowTimeout: Value(0)})
			}},
		{name: "SIPControlApps.Delete", method: "DELETE", path: "/sip/app/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPControlApps.Delete(ctx, "u-1") }},
		{name: "SIPControlApps.ListNumbers", method: "GET", path: "/sip/app/u-1/tnlease", reply: ok(`[{"uuid":"l"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPControlApps.ListNumbers(ctx, "u-1") }},
		{name: "SIPControlApps.AssignNumbers", method: "POST", path: "/sip/app/u-1/tnlease", body: `{"add":["l"]}`,
			reply: ok(`[{"uuid":"l"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.AssignNumbers(ctx, "u-1", []string{"l"})
			}},
		{name: "SIPControlApps.RemoveNumbers", method: "POST", path: "/sip/app/u-1/tnlease", body: `{"remove":["l"]}`,
			reply: ok(`["l"]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.RemoveNumbers(ctx, "u-1", []string{"l"})
			}},
		{name: "SIPControlApps.UpdateNumbers", method: "POST", path: "/sip/app/u-1/tnlease", body: `{"remove":["l"]}`,
			reply: ok(`["l"]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.UpdateNumbers(ctx, "u-1", &NumberAssignment{Remove: []string{"l"}})
			}},
		{name: "SIPControlApps.GetCallFlow", method: "GET", path: "/sip/app/call/flow/u-1",
			reply: `{"success":true,"payload":"<Response/>","url":"https://x/flow.xml"}`,
			check: func(t *testing.T, got any) {
				if h := got.(*HostedCallFlow); h.XML != "<Response/>" || h.URL != "https://x/flow.xml" {
					t.Errorf("hosted = %+v", h)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPControlApps.GetCallFlow(ctx, "u-1") }},
		{name: "SIPControlApps.PutCallFlow", method: "POST", path: "/sip/app/call/flow/u-1",
			flow:  `<Response><Say>Hi</Say></Response>`,
			reply: `{"success":true,"payload":"<Response><Say>Hi</Say></Response>","url":"https://x/u-1.xml"}`,
			check: func(t *testing.T, got any) {
				if h := got.(*HostedCallFlow); h.URL != "https://x/u-1.xml" || h.XML == "" {
					t.Errorf("hosted = %+v", h)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.PutCallFlow(ctx, "u-1", someFlow)
			}},
		{name: "SIPControlApps.DeleteCallFlow", method: "DELETE", path: "/sip/app/call/flow/u-1", reply: ok(`{}`),
			check: func(*testing.T, any) {},
			call: func(ctx context.Context, c *Client) (any, error) {
				return nil, c.SIPControlApps.DeleteCallFlow(ctx, "u-1")
			}},
		{name: "SIPControlApps.PushCallFlow", method: "POST", path: "/call/sca/u-1", flow: `<Response><Say>Hi</Say></Response>`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.PushCallFlow(ctx, "u-1", someFlow)
			}},
		{name: "SIPControlApps.SearchLogs", method: "POST", path: "/sip/app/u-1/logs", query: map[string]string{"take": "10", "skip": "20"},
			body:  `{"name":"Gather","success":false,"tn":12025550100}`,
			reply: ok(`{"total":21,"data":[{"uuid":"g","name":"Gather","command":{"a":1},"call":"c-1"}]}`),
			check: func(t *testing.T, got any) {
				p := got.(*Page[CallFlowLog])
				if p.Total != 21 || p.Items[0].Call.UUID != "c-1" || string(p.Items[0].Command) != `{"a":1}` {
					t.Errorf("page = %+v", p.Items[0])
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPControlApps.SearchLogs(ctx, "u-1", &CallFlowLogSearchOptions{SearchOptions: SearchOptions{Take: 10, Skip: 20},
					Name: "Gather", Success: Ptr(false), TN: Ptr(TN(12025550100))})
			}},

		// Messaging.
		{name: "MessagingProfiles.List", method: "GET", path: "/profile/messaging", reply: ok(`[{"uuid":"m"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.MessagingProfiles.List(ctx) }},
		{name: "MessagingProfiles.Create", method: "POST", path: "/profile/messaging",
			body: `{"name":"main","callback_url":"https://example.com/sms","number_pool_enable":true,"tollfree_weight":3}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.MessagingProfiles.Create(ctx, &MessagingProfileCreateRequest{Name: "main", CallbackURL: "https://example.com/sms",
					NumberPool: Ptr(true), TollFreeWeight: Ptr(3)})
			}},
		{name: "MessagingProfiles.Get", method: "GET", path: "/profile/messaging/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.MessagingProfiles.Get(ctx, "u-1") }},
		{name: "MessagingProfiles.Update", method: "PATCH", path: "/profile/messaging/u-1", body: `{"callback_url2":null,"sticky_sender":true}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.MessagingProfiles.Update(ctx, "u-1", &MessagingProfileUpdateRequest{CallbackURL2: Null[string](), StickySender: Ptr(true)})
			}},
		{name: "MessagingProfiles.Delete", method: "DELETE", path: "/profile/messaging/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.MessagingProfiles.Delete(ctx, "u-1") }},
		{name: "MessagingProfiles.ListNumbers", method: "GET", path: "/profile/messaging/u-1/tnleases", reply: ok(`[]`), check: listLen(0),
			call: func(ctx context.Context, c *Client) (any, error) { return c.MessagingProfiles.ListNumbers(ctx, "u-1") }},
		{name: "Messages.Send", method: "POST", path: "/sms",
			body:  `{"from":12029822917,"to":12025550100,"message":"Hi & bye <3","custom_callback_url":"https://example.com/dlr"}`,
			reply: ok(`{"uuid":"u-1","type":"smso","state":"created","from":"12029822917","to":12025550100,"message":"Hi & bye <3","tn_lease":{"uuid":"l"}}`),
			check: func(t *testing.T, got any) {
				m := got.(*Message)
				if m.From != "12029822917" || m.To != "12025550100" || m.Lease.UUID != "l" || m.Inbound() || m.State != MessageCreated {
					t.Errorf("message = %+v", m)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Messages.Send(ctx, &SendSMSRequest{From: 12029822917, To: 12025550100, Text: "Hi & bye <3", CustomCallbackURL: "https://example.com/dlr"})
			}},
		{name: "Messages.GetOutbound", method: "GET", path: "/sms/outbound/u-1",
			reply: ok(`{"uuid":"u-1","type":"sms","tn":{"tn":12029822917},"to":"12025550100"}`),
			check: func(t *testing.T, got any) {
				if m := got.(*Message); m.From != "12029822917" {
					t.Errorf("From = %q, want it filled from tn", m.From)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.Messages.GetOutbound(ctx, "u-1") }},
		{name: "Messages.GetInbound", method: "GET", path: "/sms/inbound/u-1",
			reply: ok(`{"uuid":"u-1","type":"smsi","from":"alice","readed":true,"tnlease":"l"}`),
			check: func(t *testing.T, got any) {
				if m := got.(*Message); !m.Inbound() || !m.Read || m.From != "alice" || m.Lease.UUID != "l" {
					t.Errorf("message = %+v", m)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.Messages.GetInbound(ctx, "u-1") }},
		{name: "Messages.Search", method: "POST", path: "/sms/search", query: map[string]string{"skip": "0"},
			body:  `{"from":"1202*","readed":false,"state":"sent","message":"hello"}`,
			reply: ok(`{"total":0,"data":[]}`), check: func(*testing.T, any) {},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Messages.Search(ctx, &MessageSearchOptions{From: "1202*", Read: Ptr(false), State: MessageSent, Text: "hello"})
			}},

		// Calls.
		{name: "Calls.Search", method: "POST", path: "/call/search", query: map[string]string{"skip": "0"},
			body:  `{"created_on_to":"2031-01-01T00:00:00.000Z","direction":"in","tn":"12029822917"}`,
			reply: ok(`{"total":1,"data":[{"uuid":"c","direction":"in","from":"sip:bob","to":12029822917,"q850_cause":16}]}`),
			check: func(t *testing.T, got any) {
				c := got.(*Page[Call]).Items[0]
				if c.Direction != DirectionIn || c.From != "sip:bob" || *c.Q850Cause != 16 || len(c.Raw) == 0 {
					t.Errorf("call = %+v", c)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Calls.Search(ctx, &CallSearchOptions{SearchOptions: SearchOptions{CreatedTo: &expireAt}, Direction: DirectionIn, TN: "12029822917"})
			}},
		{name: "Calls.Bulk", method: "POST", path: "/batch",
			body: `{"outbound_voice_profile":"ovp","phones":[12025550100,12025550101],"xml":"<Response><Say>Hi</Say></Response>","tn_lease":"l"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Calls.Bulk(ctx, &BulkCallRequest{OutboundVoiceProfile: "ovp", Phones: []TN{12025550100, 12025550101}, Flow: someFlow, TNLease: "l"})
			}},
		{name: "Calls.Single", method: "POST", path: "/batch",
			body:  `{"outbound_voice_profile":"ovp","phones":[12025550100],"xml":"<Response><Say>Hi</Say></Response>"}`,
			reply: ok(`{"uuid":"u-1","type":"call_xml","state":"created","phones":[12025550100],"outbound_voice_profile":"ovp"}`),
			check: func(t *testing.T, got any) {
				if b := got.(*Batch); b.Type != "call_xml" || b.Phones[0] != 12025550100 || b.OutboundVoiceProfile.UUID != "ovp" {
					t.Errorf("batch = %+v", b)
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Calls.Single(ctx, &SingleCallRequest{OutboundVoiceProfile: "ovp", To: 12025550100, Flow: someFlow})
			}},

		// Outbound voice profiles.
		{name: "OutboundVoiceProfiles.List", method: "GET", path: "/profile/outbound_voice", reply: ok(`[{"uuid":"o"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.OutboundVoiceProfiles.List(ctx) }},
		{name: "OutboundVoiceProfiles.Create", method: "POST", path: "/profile/outbound_voice",
			body: `{"name":"out","product":1,"tn_lease":"l","class4_ingress_trunk_settings":{},"channel_limit":5,"filemat":"mp3"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.OutboundVoiceProfiles.Create(ctx, &OutboundVoiceProfileCreateRequest{Name: "out", Product: 1, TNLease: "l",
					ChannelLimit: Ptr(5), RecordingFormat: "mp3"})
			}},
		{name: "OutboundVoiceProfiles.Get", method: "GET", path: "/profile/outbound_voice/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.OutboundVoiceProfiles.Get(ctx, "u-1") }},
		{name: "OutboundVoiceProfiles.Update", method: "PATCH", path: "/profile/outbound_voice/u-1", body: `{"tn_lease":null}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.OutboundVoiceProfiles.Update(ctx, "u-1", &OutboundVoiceProfileUpdateRequest{TNLease: Null[string]()})
			}},
		{name: "OutboundVoiceProfiles.Delete", method: "DELETE", path: "/profile/outbound_voice/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.OutboundVoiceProfiles.Delete(ctx, "u-1") }},

		// SIP domains, users, invites.
		{name: "SIPDomains.List", method: "GET", path: "/sip/domain", reply: ok(`["acme.sip.opentact.org"]`),
			check: func(t *testing.T, got any) {
				if l := got.([]*SIPDomain); l[0].Domain != "acme.sip.opentact.org" {
					t.Errorf("domains = %+v", l[0])
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPDomains.List(ctx) }},
		{name: "SIPDomains.Create", method: "POST", path: "/sip/domain", body: `{"domain":"acme","sip_control_app":"app"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPDomains.Create(ctx, &SIPDomainCreateRequest{Domain: "acme", SIPControlApp: "app"})
			}},
		{name: "SIPDomains.Get", method: "GET", path: "/sip/domain/acme.sip.opentact.org",
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPDomains.Get(ctx, "acme.sip.opentact.org")
			}},
		{name: "SIPDomains.Update", method: "PATCH", path: "/sip/domain/acme", body: `{"sip_connection":null,"outbound_voice_profile":"o"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPDomains.Update(ctx, "acme", &SIPDomainUpdateRequest{SIPConnection: Null[string](), OutboundVoiceProfile: Value("o")})
			}},
		{name: "SIPDomains.Delete", method: "DELETE", path: "/sip/domain/acme",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPDomains.Delete(ctx, "acme") }},
		{name: "SIPUsers.List", method: "GET", path: "/sip/domain/acme/user", reply: ok(`[{"uuid":"s","login":"bob"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPUsers.List(ctx, "acme") }},
		{name: "SIPUsers.Create", method: "POST", path: "/sip/domain/acme/user",
			body: `{"login":"bob","password":"pw","gender":"Other","same_domain_calls_only":true}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPUsers.Create(ctx, "acme", &SIPUserCreateRequest{Login: "bob", Password: "pw", Gender: GenderOther, SameDomainCallsOnly: Ptr(true)})
			}},
		{name: "SIPUsers.Get", method: "GET", path: "/sip/domain/acme/user/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPUsers.Get(ctx, "acme", "u-1") }},
		{name: "SIPUsers.Update", method: "PATCH", path: "/sip/domain/acme/user/u-1", body: `{"is_active":false,"tn_lease":"l"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPUsers.Update(ctx, "acme", "u-1", &SIPUserUpdateRequest{IsActive: Ptr(false), TNLease: Value("l")})
			}},
		{name: "SIPUsers.Delete", method: "DELETE", path: "/sip/domain/acme/user/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPUsers.Delete(ctx, "acme", "u-1") }},
		{name: "SIPUserInvites.Create", method: "POST", path: "/sip/domain/acme/invite",
			body: `{"name":"new hire","expired_on":"2031-01-01T00:00:00.000Z"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.SIPUserInvites.Create(ctx, "acme", &SIPUserInviteCreateRequest{Name: "new hire", ExpiredOn: expireAt})
			}},
		{name: "SIPUserInvites.List", method: "GET", path: "/sip/domain/acme/invite", reply: ok(`[{"uuid":"i"}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPUserInvites.List(ctx, "acme") }},
		{name: "SIPUserInvites.Delete", method: "DELETE", path: "/sip/domain/acme/invite/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.SIPUserInvites.Delete(ctx, "acme", "u-1") }},

		// Subscriptions.
		{name: "Subscriptions.Create", method: "POST", path: "/event/subscription",
			body: `{"type":"call_state","channel":"wss","is_active":true,"expired_on":"2031-01-01T00:00:00.000Z"}`,
			call: func(ctx context.Context, c *Client) (any, error) {
				return c.Subscriptions.Create(ctx, &SubscriptionCreateRequest{Type: "call_state", ExpiredOn: &expireAt})
			}},
		{name: "Subscriptions.List", method: "GET", path: "/event/subscription", reply: `[{"uuid":"s","type":"auth"}]`, check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.Subscriptions.List(ctx) }},
		{name: "Subscriptions.Delete", method: "DELETE", path: "/event/subscription/u-1",
			call: func(ctx context.Context, c *Client) (any, error) { return c.Subscriptions.Delete(ctx, "u-1") }},

		// Dictionaries.
		{name: "Dictionaries.Voices", method: "GET", path: "/dict/gtts", reply: ok(`[{"code":"en-US","type":"WaveNet","gender":"FEMALE","naturalSampleRateHertz":24000}]`),
			check: func(t *testing.T, got any) {
				if v := got.([]*Voice); v[0].SampleRateHertz != 24000 {
					t.Errorf("voice = %+v", v[0])
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.Dictionaries.Voices(ctx) }},
		{name: "Dictionaries.Countries", method: "GET", path: "/dict/country", reply: ok(`[{"name":"Canada","a2":"CA","country_code":1}]`), check: listLen(1),
			call: func(ctx context.Context, c *Client) (any, error) { return c.Dictionaries.Countries(ctx) }},
		{name: "Dictionaries.SIPProducts", method: "GET", path: "/sip/product", reply: ok(`[{"id":1,"name":"Default","type":"public"}]`),
			check: func(t *testing.T, got any) {
				if p := got.([]*SIPProduct); p[0].ID != 1 || p[0].Name != "Default" {
					t.Errorf("product = %+v", p[0])
				}
			},
			call: func(ctx context.Context, c *Client) (any, error) { return c.Dictionaries.SIPProducts(ctx) }},
	}
}

// TestEndpoints checks every typed method's request on the wire and the
// decoding of its reply.
func TestEndpoints(t *testing.T) {
	t.Parallel()
	for _, tc := range endpointCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			body := tc.reply
			if body == "" {
				body = ok(`{"uuid":"u-1"}`)
			}
			s := newStub(t, respond(http.StatusOK, body))
			c, _ := newTestClient(t, s, nil, WithUserAgent("acme/2"))
			got, err := tc.call(context.Background(), c)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if tc.check != nil {
				tc.check(t, got)
			} else {
				hasUUID(t, got)
			}
			reqs := s.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tc.method || r.Path != tc.path {
				t.Errorf("request = %s %s, want %s %s", r.Method, r.Path, tc.method, tc.path)
			}
			wantQuery := tc.query
			if wantQuery == nil {
				wantQuery = map[string]string{}
			}
			gotQuery := map[string]string{}
			for k, v := range r.Query {
				gotQuery[k] = v[0]
			}
			if !reflect.DeepEqual(gotQuery, wantQuery) {
				t.Errorf("query = %v, want %v", gotQuery, wantQuery)
			}
			if h := r.Header.Get("Authorization"); h != "Bearer test-token" {
				t.Errorf("Authorization = %q", h)
			}
			if h := r.Header.Get("Accept"); h != "application/json" {
				t.Errorf("Accept = %q", h)
			}
			if h := r.Header.Get("User-Agent"); h != "acme/2 opentact-go/"+version {
				t.Errorf("User-Agent = %q", h)
			}
			if h := r.Header.Get("X-Auth-Token"); h != "" {
				t.Errorf("X-Auth-Token = %q, want none", h)
			}
			switch {
			case tc.flow != "":
				name, file, ctype, data := multipartFile(t, r)
				if name != "file" || file != "callflow.xml" || ctype != "application/xml" || string(data) != tc.flow {
					t.Errorf("part = %q %q %q %q", name, file, ctype, data)
				}
			case tc.body != "":
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type = %q", ct)
				}
				if d := jsonDiff(t, tc.body, r.Body); d != "" {
					t.Errorf("body (-want +got):\n%s", d)
				}
			default:
				if len(r.Body) != 0 || r.Header.Get("Content-Type") != "" {
					t.Errorf("unexpected body %q (Content-Type %q)", r.Body, r.Header.Get("Content-Type"))
				}
			}
		})
	}
}

// TestEndpointErrors checks that every typed method returns the error
// envelope as an *APIError naming its method and path, with no result.
func TestEndpointErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range endpointCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := newStub(t, func(w http.ResponseWriter, r *http.Request, b []byte) {
				w.Header().Set("X-Request-Id", "req-9")
				respond(http.StatusNotFound, `{"success":false,"message":"Thing not found","status":404}`)(w, r, b)
			})
			c, _ := newTestClient(t, s, nil)
			got, err := tc.call(context.Background(), c)
			if !errors.Is(err, ErrNotFound) {
				t.Fatalf("error = %v, want ErrNotFound", err)
			}
			var ae *APIError
			if !errors.As(err, &ae) {
				t.Fatalf("error %T is not *APIError", err)
			}
			wantPath := tc.path
			if tc.name == "Tokens.Delete" {
				wantPath = "/token/[REDACTED]"
			}
			if ae.Method != tc.method || ae.Path != wantPath || ae.Message != "Thing not found" || ae.RequestID != "req-9" || ae.Attempts != 1 {
				t.Errorf("APIError = %+v", ae)
			}
			if v := reflect.ValueOf(got); got != nil && !v.IsNil() {
				t.Errorf("result = %#v, want nil", got)
			}
			if n := len(s.requests()); n != 1 {
				t.Errorf("%d requests, want 1 (404 is not retried)", n)
			}
		})
	}
}
