package events

import "github.com/opentact-go/opentact/client"

// errUnauthorized is the REST client's sentinel for refused credentials; a
// token error matching it ends the stream.
var errUnauthorized = client.ErrUnauthorized
