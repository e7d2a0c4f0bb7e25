// Package autherr holds the one sentinel error that the REST client and the
// event stream share, so that package events can recognise refused
// credentials without importing package client.
package autherr

import "errors"

// ErrUnauthorized is client.ErrUnauthorized: a 401 or 403 reply, credentials
// refused or access forbidden.
var ErrUnauthorized = errors.New("opentact: unauthorized")
