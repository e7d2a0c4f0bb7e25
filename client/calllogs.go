package client

import (
	"context"
	"encoding/json"
	"iter"
	"time"
)

// CallFlowLog is one executed call-flow command of a SIP control app.
type CallFlowLog struct {
	UUID       string          `json:"uuid"`
	Success    bool            `json:"success"`  // the command ran successfully
	Name       string          `json:"name"`     // command name: Say, Dial, …
	Command    json.RawMessage `json:"command"`  // the command as executed
	Response   json.RawMessage `json:"response"` // its result
	Call       *Call           `json:"call"`
	CreatedOn  time.Time       `json:"created_on"`
	ModifiedOn time.Time       `json:"modified_on"`
}

// CallFlowLogSearchOptions filters SIPControlApps.SearchLogs; order keys:
// name, from, tn, channel_uuid, created_on, modified_on.
type CallFlowLogSearchOptions struct {
	SearchOptions
	Name    string `json:"name,omitempty"` // command name, e.g. "Gather"
	Success *bool  `json:"success,omitempty"`
	From    string `json:"from,omitempty"` // caller
	TN      *TN    `json:"tn,omitempty"`   // called number
	Call    string `json:"call,omitempty"` // call uuid
}

// MarshalJSON writes the body members.
func (o CallFlowLogSearchOptions) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		searchWire
		Name    string `json:"name,omitempty"`
		Success *bool  `json:"success,omitempty"`
		From    string `json:"from,omitempty"`
		TN      *TN    `json:"tn,omitempty"`
		Call    string `json:"call,omitempty"`
	}{o.wire(), o.Name, o.Success, o.From, o.TN, o.Call})
}

func (o CallFlowLogSearchOptions) clone() CallFlowLogSearchOptions {
	o.SearchOptions = o.SearchOptions.clone()
	return o
}

// SearchLogs returns one page of an app's call-flow execution log
// (POST /sip/app/{appUUID}/logs).
func (s *SIPControlAppsService) SearchLogs(ctx context.Context, appUUID string, o *CallFlowLogSearchOptions, opts ...CallOption) (*Page[CallFlowLog], error) {
	const op = "SIPControlApps.SearchLogs"
	p, err := buildPath(op, "/sip/app/{appUUID}/logs", appUUID)
	if err != nil {
		return nil, err
	}
	return searchPage[CallFlowLog](ctx, s.client, pageSpec{op, p}, o, opts)
}

// AllLogs iterates over every log entry of the app matching o. o is not modified.
func (s *SIPControlAppsService) AllLogs(ctx context.Context, appUUID string, o *CallFlowLogSearchOptions, opts ...CallOption) iter.Seq2[*CallFlowLog, error] {
	return iterate(o, CallFlowLogSearchOptions.clone, func(o *CallFlowLogSearchOptions) (*Page[CallFlowLog], error) {
		return s.SearchLogs(ctx, appUUID, o, opts...)
	})
}
