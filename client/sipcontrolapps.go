package client

import (
	"context"
	"time"
)

// SIPControlAppsService manages SIP control apps (/sip/app): apps that own
// numbers, receive call events and supply call-flow documents.
type SIPControlAppsService service

// SIPControlApp is a call control app.
type SIPControlApp struct {
	UUID                 string              `json:"uuid"`
	Name                 string              `json:"name"`
	IsActive             bool                `json:"is_active"`
	Product              *SIPProduct         `json:"product"`
	TechPrefix           int                 `json:"tech_prefix"`
	WebhookURL           string              `json:"webhook_url"`
	WebhookMethod        HTTPMethod          `json:"webhook_method"`
	WebhookTimeout       *int                `json:"webhook_request_timeout"` // milliseconds; nil = no timeout
	CallFlowURL          string              `json:"call_flow_url"`
	CallFlowMethod       HTTPMethod          `json:"call_flow_method"`
	CallFlowTimeout      *int                `json:"call_flow_request_timeout"` // milliseconds; nil = no timeout
	ShakenVerifyPolicy   *ShakenVerifyPolicy `json:"shaken_verify_policy"`
	ShakenMinAttestation AttestationLevel    `json:"shaken_minimum_accepted_attest_lvl"`
	AutoAnswer           bool                `json:"auto_answer"`
	MaxCallLengthMin     *int                `json:"max_call_length_min"` // minutes
	IngressTrunk         *TrunkSettings      `json:"class4_ingress_trunk_settings"`
	EgressTrunk          *TrunkSettings      `json:"class4_egress_trunk_settings"`
	SIPDomains           []*SIPDomain        `json:"sip_domains"`
	CreatedOn            time.Time           `json:"created_on"`
	ModifiedOn           time.Time           `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (a *SIPControlApp) UnmarshalJSON(b []byte) error {
	type plain SIPControlApp
	return unmarshalRef(b, "SIP control app", (*plain)(a), func(s string) { a.UUID = s }, nil)
}

// SIPControlAppCreateRequest is the body of SIPControlApps.Create. Nil trunk
// settings are sent as {}.
type SIPControlAppCreateRequest struct {
	Name                 string         `json:"name"`    // required
	Product              int            `json:"product"` // SIP product id; required
	IsActive             *bool          `json:"is_active,omitempty"`
	WebhookURL           string         `json:"webhook_url,omitempty"` // receives the app's call events
	WebhookMethod        HTTPMethod     `json:"webhook_method,omitempty"`
	WebhookTimeout       *int           `json:"webhook_request_timeout,omitempty"` // milliseconds; 0 disables
	CallFlowURL          string         `json:"call_flow_url,omitempty"`           // where Opentact fetches each call's flow
	CallFlowMethod       HTTPMethod     `json:"call_flow_method,omitempty"`
	CallFlowTimeout      *int           `json:"call_flow_request_timeout,omitempty"` // milliseconds; 0 disables
	IngressTrunk         *TrunkSettings `json:"class4_ingress_trunk_settings"`
	EgressTrunk          *TrunkSettings `json:"class4_egress_trunk_settings"`
	SIPDomain            string         `json:"sip_domain,omitempty"`             // SIP domain name
	OutboundVoiceProfile string         `json:"outbound_voice_profile,omitempty"` // outbound voice profile uuid
}

// SIPControlAppUpdateRequest is the body of SIPControlApps.Update; unset
// members are unchanged. Null timeouts mean "no timeout".
type SIPControlAppUpdateRequest struct {
	Name                 string         `json:"name,omitempty"`
	Product              *int           `json:"product,omitempty"`
	IsActive             *bool          `json:"is_active,omitempty"`
	WebhookURL           string         `json:"webhook_url,omitempty"`
	WebhookMethod        HTTPMethod     `json:"webhook_method,omitempty"`
	WebhookTimeout       Nullable[int]  `json:"webhook_request_timeout,omitzero"`
	CallFlowURL          string         `json:"call_flow_url,omitempty"`
	CallFlowMethod       HTTPMethod     `json:"call_flow_method,omitempty"`
	CallFlowTimeout      Nullable[int]  `json:"call_flow_request_timeout,omitzero"`
	IngressTrunk         *TrunkSettings `json:"class4_ingress_trunk_settings,omitempty"`
	EgressTrunk          *TrunkSettings `json:"class4_egress_trunk_settings,omitempty"`
	SIPDomain            string         `json:"sip_domain,omitempty"`
	OutboundVoiceProfile string         `json:"outbound_voice_profile,omitempty"`
}

// HostedCallFlow is the call-flow document Opentact hosts for an app.
type HostedCallFlow struct {
	XML string // the document
	URL string // where Opentact serves it
}

// List returns the SIP control apps (GET /sip/app).
func (s *SIPControlAppsService) List(ctx context.Context, opts ...CallOption) ([]*SIPControlApp, error) {
	return listAt[SIPControlApp](ctx, s.client, "SIPControlApps.List", "/sip/app", opts)
}

// Create makes a SIP control app (POST /sip/app).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) Create(ctx context.Context, req *SIPControlAppCreateRequest, opts ...CallOption) (*SIPControlApp, error) {
	const op = "SIPControlApps.Create"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Name == "":
		return nil, invalidArg(op, "Name is required")
	case req.Product == 0:
		return nil, invalidArg(op, "Product is required")
	}
	body := *req
	body.IngressTrunk, body.EgressTrunk = orEmpty(req.IngressTrunk), orEmpty(req.EgressTrunk)
	return sendJSON[SIPControlApp](ctx, s.client, op, "POST", "/sip/app", body, opts)
}

// Get returns one SIP control app (GET /sip/app/{uuid}).
func (s *SIPControlAppsService) Get(ctx context.Context, uuid string, opts ...CallOption) (*SIPControlApp, error) {
	return getAt[SIPControlApp](ctx, s.client, "SIPControlApps.Get", "/sip/app/{uuid}", opts, uuid)
}

// Update changes a SIP control app (PATCH /sip/app/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) Update(ctx context.Context, uuid string, req *SIPControlAppUpdateRequest, opts ...CallOption) (*SIPControlApp, error) {
	return patchAt[SIPControlApp](ctx, s.client, "SIPControlApps.Update", "/sip/app/{uuid}", req, opts, uuid)
}

// Delete deletes a SIP control app (DELETE /sip/app/{uuid}) and returns it.
// Opentact answers 409 (ErrConflict) while numbers are assigned to the app
// or a SIP domain refers to it.
func (s *SIPControlAppsService) Delete(ctx context.Context, uuid string, opts ...CallOption) (*SIPControlApp, error) {
	return deleteAt[SIPControlApp](ctx, s.client, "SIPControlApps.Delete", "/sip/app/{uuid}", opts, uuid)
}

// ListNumbers returns the numbers assigned to an app (GET /sip/app/{uuid}/tnlease).
func (s *SIPControlAppsService) ListNumbers(ctx context.Context, uuid string, opts ...CallOption) ([]*Lease, error) {
	return listAt[Lease](ctx, s.client, "SIPControlApps.ListNumbers", "/sip/app/{uuid}/tnlease", opts, uuid)
}

// AssignNumbers routes numbers (lease uuids) to an app
// (POST /sip/app/{uuid}/tnlease, body {"add": […]}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) AssignNumbers(ctx context.Context, uuid string, leaseUUIDs []string, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPControlApps.AssignNumbers", "/sip/app/{uuid}/tnlease", uuid, &NumberAssignment{Add: leaseUUIDs}, opts)
}

// RemoveNumbers takes numbers (lease uuids) off an app
// (POST /sip/app/{uuid}/tnlease, body {"remove": […]}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) RemoveNumbers(ctx context.Context, uuid string, leaseUUIDs []string, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPControlApps.RemoveNumbers", "/sip/app/{uuid}/tnlease", uuid, &NumberAssignment{Remove: leaseUUIDs}, opts)
}

// UpdateNumbers adds and removes numbers in one request (POST /sip/app/{uuid}/tnlease).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) UpdateNumbers(ctx context.Context, uuid string, req *NumberAssignment, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPControlApps.UpdateNumbers", "/sip/app/{uuid}/tnlease", uuid, req, opts)
}

// GetCallFlow returns the app's hosted call-flow document
// (GET /sip/app/call/flow/{appUUID}).
func (s *SIPControlAppsService) GetCallFlow(ctx context.Context, appUUID string, opts ...CallOption) (*HostedCallFlow, error) {
	const op = "SIPControlApps.GetCallFlow"
	p, err := buildPath(op, "/sip/app/call/flow/{appUUID}", appUUID)
	if err != nil {
		return nil, err
	}
	return s.client.hostedFlow(ctx, &request{op: op, method: "GET", path: p}, opts)
}

// PutCallFlow renders flow and uploads it as the app's hosted call flow
// (POST /sip/app/call/flow/{appUUID}, multipart part "file"), replacing any
// previous document. Nothing is sent when rendering fails. Retrying with
// RetryAmbiguous is safe.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) PutCallFlow(ctx context.Context, appUUID string, flow Flow, opts ...CallOption) (*HostedCallFlow, error) {
	const op = "SIPControlApps.PutCallFlow"
	p, err := buildPath(op, "/sip/app/call/flow/{appUUID}", appUUID)
	if err != nil {
		return nil, err
	}
	r, err := flowRequest(op, p, flow)
	if err != nil {
		return nil, err
	}
	return s.client.hostedFlow(ctx, r, opts)
}

// DeleteCallFlow removes the app's hosted call flow
// (DELETE /sip/app/call/flow/{appUUID}).
func (s *SIPControlAppsService) DeleteCallFlow(ctx context.Context, appUUID string, opts ...CallOption) error {
	const op = "SIPControlApps.DeleteCallFlow"
	p, err := buildPath(op, "/sip/app/call/flow/{appUUID}", appUUID)
	if err != nil {
		return err
	}
	return sendOnly(ctx, s.client, &request{op: op, method: "DELETE", path: p}, opts)
}

// PushCallFlow renders flow and sends it to a live call, which runs it at
// once (POST /call/sca/{callUUID}, multipart part "file"). Nothing is sent
// when rendering fails. The reply is not documented: an object is decoded
// as a Call, anything else gives nil. It is never sent twice unless the
// call passes RetryAmbiguous: a second push runs the commands again.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPControlAppsService) PushCallFlow(ctx context.Context, callUUID string, flow Flow, opts ...CallOption) (*Call, error) {
	const op = "SIPControlApps.PushCallFlow"
	p, err := buildPath(op, "/call/sca/{callUUID}", callUUID)
	if err != nil {
		return nil, err
	}
	r, err := flowRequest(op, p, flow)
	if err != nil {
		return nil, err
	}
	return getEcho[Call](ctx, s.client, r, opts)
}

// hostedFlow sends r and reads {"payload": "<xml>", "url": "…"}.
func (c *Client) hostedFlow(ctx context.Context, r *request, opts []CallOption) (*HostedCallFlow, error) {
	rep, err := c.send(ctx, r, opts)
	if err != nil {
		return nil, err
	}
	hf := &HostedCallFlow{URL: rep.url}
	if err := decodeInto(r, rep, &hf.XML); err != nil {
		return nil, err
	}
	return hf, nil
}
