package events

import "github.com/opentact-go/opentact/internal/autherr"

// errUnauthorized is the REST client's sentinel for refused credentials
// (client.ErrUnauthorized is this value); a token error matching it ends
// the stream. Sharing it through an internal package keeps events free of
// the REST client.
var errUnauthorized = autherr.ErrUnauthorized
