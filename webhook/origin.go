package webhook

// Origin tells which kind of URL a call-flow request was sent to.
type Origin string

// The origins of call-flow requests. A SIP control app's call_flow_url and a
// <Callback url> cannot be told apart on the wire; both are OriginCallFlow.
const (
	OriginCallFlow Origin = "call_flow"
	OriginGather   Origin = "gather"
)
