package clienttest

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"time"
)

// Request is one request as the server received it.
type Request struct {
	Method    string
	Path      string            // below the base URL, e.g. "/lease/tn/search" (unescaped)
	Query     url.Values        // the parsed query string
	Header    http.Header       // the request headers
	Body      []byte            // as received
	Multipart map[string][]byte // parts by form name, for multipart bodies
	Fault     bool              // a fault, not the handler, produced the reply
	Time      time.Time         // server clock

	id int // request number, as in X-Request-Id
}

// record appends r to the request log and returns the entry. The caller
// holds s.mu.
func (s *Server) record(r *http.Request, rel string, body []byte) *Request {
	s.reqs++
	q, _ := url.ParseQuery(r.URL.RawQuery)
	rec := &Request{
		Method:    r.Method,
		Path:      rel,
		Query:     q,
		Header:    r.Header.Clone(),
		Body:      body,
		Multipart: parseMultipart(r.Header.Get("Content-Type"), body),
		Time:      s.now(),
		id:        s.reqs,
	}
	if max := s.cfg.maxRequests; max > 0 && len(s.requests) >= max {
		// Forget the oldest, so that a long test's memory stays bounded.
		n := len(s.requests) - max + 1
		clear(s.requests[:n])
		s.requests = append(s.requests[:0], s.requests[n:]...)
		s.dropped += n
	}
	s.requests = append(s.requests, rec)
	return rec
}

// parseMultipart returns the parts of a multipart/form-data body by form
// name, or nil for any other body.
func parseMultipart(contentType string, body []byte) map[string][]byte {
	mt, params, err := mime.ParseMediaType(contentType)
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	parts := map[string][]byte{}
	for {
		p, err := mr.NextPart()
		if err != nil {
			break
		}
		data, err := io.ReadAll(p)
		if err != nil {
			break
		}
		if name := p.FormName(); name != "" {
			parts[name] = data
		}
	}
	return parts
}

// Requests returns a copy of every request received since the server started
// or since the last ResetRequests, in arrival order. Only the most recent
// ones are kept (1000 by default, see WithMaxRecordedRequests); Dropped
// tells how many older ones were forgotten.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Request, len(s.requests))
	for i, r := range s.requests {
		out[i] = copyRequest(r)
	}
	return out
}

// ResetRequests forgets the recorded requests and resets Dropped.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
	s.dropped = 0
}

// Dropped returns how many recorded requests were forgotten, oldest first,
// to keep at most the WithMaxRecordedRequests limit.
func (s *Server) Dropped() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dropped
}

func copyRequest(r *Request) Request {
	c := *r
	c.Query = url.Values{}
	for k, v := range r.Query {
		c.Query[k] = slices.Clone(v)
	}
	c.Header = r.Header.Clone()
	c.Body = bytes.Clone(r.Body)
	if r.Multipart != nil {
		c.Multipart = make(map[string][]byte, len(r.Multipart))
		for k, v := range r.Multipart {
			c.Multipart[k] = bytes.Clone(v)
		}
	}
	return c
}
