package client

import (
	"context"
	"time"
)

// SIPConnectionsService manages SIP connections (/sip/connection): trunks to
// your own SIP server, which receives the calls to the numbers assigned.
type SIPConnectionsService service

// SIPConnection is a SIP trunk to the customer's own SIP server.
type SIPConnection struct {
	UUID                 string              `json:"uuid"`
	Name                 string              `json:"name"`
	IsActive             bool                `json:"is_active"`
	IP                   string              `json:"ip"`
	Hostname             string              `json:"hostname"`
	Port                 int                 `json:"port"`
	TechPrefix           int                 `json:"tech_prefix"` // routing prefix assigned by Opentact
	Product              *SIPProduct         `json:"product"`
	ShakenVerifyPolicy   *ShakenVerifyPolicy `json:"shaken_verify_policy"`
	ShakenMinAttestation AttestationLevel    `json:"shaken_minimum_accepted_attest_lvl"`
	IngressTrunk         *TrunkSettings      `json:"class4_ingress_trunk_settings"`
	EgressTrunk          *TrunkSettings      `json:"class4_egress_trunk_settings"`
	SIPDomains           []*SIPDomain        `json:"sip_domains"`
	CreatedOn            time.Time           `json:"created_on"`
	ModifiedOn           time.Time           `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (sc *SIPConnection) UnmarshalJSON(b []byte) error {
	type plain SIPConnection
	return unmarshalRef(b, "SIP connection", (*plain)(sc), func(s string) { sc.UUID = s }, nil)
}

// TrunkSettings are the switch settings of a trunk. Replies carry many more
// members; they are ignored.
type TrunkSettings struct {
	MediaType MediaType `json:"media_type,omitempty"`
}

// SIPProduct is a SIP product; its ID is the "product" of SIP connections,
// SIP control apps and outbound voice profiles.
type SIPProduct struct {
	ID          int    `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	Type        string `json:"type"` // public, private
	TechPrefix  int    `json:"tech_prefix"`
	RateTableID int    `json:"rate_table_id"`
	RoutePlanID int    `json:"route_plan_id"`
}

// UnmarshalJSON accepts the object, {}, null or a bare integer id.
func (p *SIPProduct) UnmarshalJSON(b []byte) error {
	type plain SIPProduct
	return unmarshalRef(b, "SIP product", (*plain)(p), nil, func(n int64) { p.ID = int(n) })
}

// SIPConnectionCreateRequest is the body of SIPConnections.Create. Give IP
// or Hostname. Nil trunk settings are sent as {}.
type SIPConnectionCreateRequest struct {
	Name                 string              `json:"name"` // required
	IP                   string              `json:"ip,omitempty"`
	Hostname             string              `json:"hostname,omitempty"`
	Port                 int                 `json:"port"`    // required
	Product              int                 `json:"product"` // SIP product id; required
	IsActive             *bool               `json:"is_active,omitempty"`
	IngressTrunk         *TrunkSettings      `json:"class4_ingress_trunk_settings"`
	EgressTrunk          *TrunkSettings      `json:"class4_egress_trunk_settings"`
	ShakenVerifyPolicy   *ShakenVerifyPolicy `json:"shaken_verify_policy,omitempty"`
	ShakenMinAttestation AttestationLevel    `json:"shaken_minimum_accepted_attest_lvl,omitempty"`
}

// SIPConnectionUpdateRequest is the body of SIPConnections.Update; unset
// members are unchanged.
type SIPConnectionUpdateRequest struct {
	Name                 string              `json:"name,omitempty"`
	IP                   string              `json:"ip,omitempty"`
	Hostname             string              `json:"hostname,omitempty"`
	Port                 *int                `json:"port,omitempty"`
	Product              *int                `json:"product,omitempty"`
	IsActive             *bool               `json:"is_active,omitempty"`
	IngressTrunk         *TrunkSettings      `json:"class4_ingress_trunk_settings,omitempty"`
	EgressTrunk          *TrunkSettings      `json:"class4_egress_trunk_settings,omitempty"`
	ShakenVerifyPolicy   *ShakenVerifyPolicy `json:"shaken_verify_policy,omitempty"`
	ShakenMinAttestation AttestationLevel    `json:"shaken_minimum_accepted_attest_lvl,omitempty"`
}

// orEmpty returns t, or empty settings ({} on the wire) when t is nil.
func orEmpty(t *TrunkSettings) *TrunkSettings {
	if t == nil {
		return &TrunkSettings{}
	}
	return t
}

// List returns the SIP connections (GET /sip/connection).
func (s *SIPConnectionsService) List(ctx context.Context, opts ...CallOption) ([]*SIPConnection, error) {
	return listAt[SIPConnection](ctx, s.client, "SIPConnections.List", "/sip/connection", opts)
}

// Create makes a SIP connection (POST /sip/connection).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPConnectionsService) Create(ctx context.Context, req *SIPConnectionCreateRequest, opts ...CallOption) (*SIPConnection, error) {
	const op = "SIPConnections.Create"
	switch {
	case req == nil:
		return nil, invalidArg(op, "nil request")
	case req.Name == "":
		return nil, invalidArg(op, "Name is required")
	case req.Port == 0:
		return nil, invalidArg(op, "Port is required")
	case req.Product == 0:
		return nil, invalidArg(op, "Product is required")
	}
	body := *req
	body.IngressTrunk, body.EgressTrunk = orEmpty(req.IngressTrunk), orEmpty(req.EgressTrunk)
	return sendJSON[SIPConnection](ctx, s.client, op, "POST", "/sip/connection", body, opts)
}

// Get returns one SIP connection (GET /sip/connection/{uuid}).
func (s *SIPConnectionsService) Get(ctx context.Context, uuid string, opts ...CallOption) (*SIPConnection, error) {
	return getAt[SIPConnection](ctx, s.client, "SIPConnections.Get", "/sip/connection/{uuid}", opts, uuid)
}

// Update changes a SIP connection (PATCH /sip/connection/{uuid}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPConnectionsService) Update(ctx context.Context, uuid string, req *SIPConnectionUpdateRequest, opts ...CallOption) (*SIPConnection, error) {
	return patchAt[SIPConnection](ctx, s.client, "SIPConnections.Update", "/sip/connection/{uuid}", req, opts, uuid)
}

// Delete deletes a SIP connection (DELETE /sip/connection/{uuid}) and
// returns it.
func (s *SIPConnectionsService) Delete(ctx context.Context, uuid string, opts ...CallOption) (*SIPConnection, error) {
	return deleteAt[SIPConnection](ctx, s.client, "SIPConnections.Delete", "/sip/connection/{uuid}", opts, uuid)
}

// ListNumbers returns the numbers assigned to a SIP connection
// (GET /sip/connection/{uuid}/tnlease).
func (s *SIPConnectionsService) ListNumbers(ctx context.Context, uuid string, opts ...CallOption) ([]*Lease, error) {
	return listAt[Lease](ctx, s.client, "SIPConnections.ListNumbers", "/sip/connection/{uuid}/tnlease", opts, uuid)
}

// AssignNumbers routes numbers (lease uuids) to a SIP connection
// (POST /sip/connection/{uuid}/tnlease, body {"add": […]}). The reply's
// leases may carry only their UUID. Retrying with RetryAmbiguous is safe.
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPConnectionsService) AssignNumbers(ctx context.Context, uuid string, leaseUUIDs []string, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPConnections.AssignNumbers", "/sip/connection/{uuid}/tnlease", uuid, &NumberAssignment{Add: leaseUUIDs}, opts)
}

// RemoveNumbers takes numbers (lease uuids) off a SIP connection
// (POST /sip/connection/{uuid}/tnlease, body {"remove": […]}).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPConnectionsService) RemoveNumbers(ctx context.Context, uuid string, leaseUUIDs []string, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPConnections.RemoveNumbers", "/sip/connection/{uuid}/tnlease", uuid, &NumberAssignment{Remove: leaseUUIDs}, opts)
}

// UpdateNumbers adds and removes numbers in one request
// (POST /sip/connection/{uuid}/tnlease).
//
// Re-sending: this request is not idempotent, so the client re-sends it by
// itself only when Opentact cannot have acted on it: the connection failed
// before the request was written, the reply was 429 or 503 (Opentact says it
// did not process the request), or, with EmailPassword credentials, once
// after a 401 with a fresh JWT. After a 502, 504, a 500 without field
// errors, an attempt timeout or a connection lost after writing it is
// re-sent only with the RetryAmbiguous call option.
func (s *SIPConnectionsService) UpdateNumbers(ctx context.Context, uuid string, req *NumberAssignment, opts ...CallOption) ([]*Lease, error) {
	return assignNumbers(ctx, s.client, "SIPConnections.UpdateNumbers", "/sip/connection/{uuid}/tnlease", uuid, req, opts)
}
