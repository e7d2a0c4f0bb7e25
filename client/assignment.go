package client

import "context"

// NumberAssignment adds numbers to, and removes numbers from, a SIP
// connection or SIP control app. Both lists hold lease uuids (not phone
// numbers); at least one must be non-empty. Opentact documents no limit;
// its own script sends 100 uuids per request, and callers should stay at or
// below that.
type NumberAssignment struct {
	Add    []string `json:"add,omitempty"`
	Remove []string `json:"remove,omitempty"`
}

// assignNumbers sends POST {path} with the assignment and decodes the reply:
// lease uuids or lease objects, both as []*Lease.
func assignNumbers(ctx context.Context, c *Client, op, tmpl, uuid string, req *NumberAssignment, opts []CallOption) ([]*Lease, error) {
	p, err := buildPath(op, tmpl, uuid)
	if err != nil {
		return nil, err
	}
	if req == nil || (len(req.Add) == 0 && len(req.Remove) == 0) {
		return nil, invalidArg(op, "no lease uuids to add or remove")
	}
	for _, list := range [][]string{req.Add, req.Remove} {
		for i, id := range list {
			if id == "" {
				return nil, invalidArg(op, "lease uuid %d is empty", i)
			}
		}
	}
	r, err := jsonRequest(op, "POST", p, req)
	if err != nil {
		return nil, err
	}
	return getList[Lease](ctx, c, r, opts)
}
