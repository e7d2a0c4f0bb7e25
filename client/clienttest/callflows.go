package clienttest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
)

// wellFormed reports whether doc is one well-formed XML document and returns
// the name of its root element.
func wellFormed(doc []byte) (root string, ok bool) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	depth, roots := 0, 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return root, roots == 1 && depth == 0
		}
		if err != nil {
			return "", false
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth == 0 {
				roots++
				root = t.Name.Local
			}
			depth++
		case xml.EndElement:
			depth--
		case xml.CharData:
			if depth == 0 && len(bytes.TrimSpace(t)) > 0 {
				return "", false
			}
		}
	}
}

// uploadedXML returns the well-formed XML of the multipart part "file", or
// answers a validation error and reports false.
func (s *Server) uploadedXML(w http.ResponseWriter, r *http.Request, body []byte) ([]byte, bool) {
	parts := parseMultipart(r.Header.Get("Content-Type"), body)
	doc, ok := parts["file"]
	switch {
	case !ok:
		s.invalid(w, map[string]fieldError{"params.file": {Message: "file is required"}})
		return nil, false
	case len(bytes.TrimSpace(doc)) == 0:
		s.invalid(w, map[string]fieldError{"params.file": {Message: "file must not be empty"}})
		return nil, false
	}
	if _, ok := wellFormed(doc); !ok {
		s.invalid(w, map[string]fieldError{"params.file": {Message: "file must be well-formed XML"}})
		return nil, false
	}
	return doc, true
}

// writeHostedFlow answers with the hosted-flow envelope, whose url is a
// sibling of payload.
func (s *Server) writeHostedFlow(w http.ResponseWriter, appUUID string, doc []byte) {
	writeEnvelope(w, http.StatusOK, struct {
		Success bool   `json:"success"`
		Payload string `json:"payload"`
		URL     string `json:"url"`
	}{true, string(doc), s.URL() + "/sip/app/call/flow/" + appUUID + ".xml"})
}

// handleFlowGet serves GET /sip/app/call/flow/{uuid}.
func (s *Server) handleFlowGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	id, ok := s.appOf(w, r)
	if !ok {
		return
	}
	doc, ok := s.st.hosted[id]
	if !ok {
		notFound(w, "Call flow")
		return
	}
	s.writeHostedFlow(w, id, doc)
}

// handleFlowPut serves POST /sip/app/call/flow/{uuid}.
func (s *Server) handleFlowPut(w http.ResponseWriter, r *http.Request, body []byte) {
	id, ok := s.appOf(w, r)
	if !ok {
		return
	}
	doc, ok := s.uploadedXML(w, r, body)
	if !ok {
		return
	}
	s.st.hosted[id] = doc
	s.writeHostedFlow(w, id, doc)
}

// handleFlowDelete serves DELETE /sip/app/call/flow/{uuid}.
func (s *Server) handleFlowDelete(w http.ResponseWriter, r *http.Request, _ []byte) {
	id, ok := s.appOf(w, r)
	if !ok {
		return
	}
	delete(s.st.hosted, id)
	writeOK(w, http.StatusOK, obj{})
}

// handleFlowPush serves POST /call/sca/{uuid}: XML pushed to a live call.
func (s *Server) handleFlowPush(w http.ResponseWriter, r *http.Request, body []byte) {
	c, ok := s.st.calls[r.PathValue("uuid")]
	if !ok {
		notFound(w, "Call")
		return
	}
	doc, ok := s.uploadedXML(w, r, body)
	if !ok {
		return
	}
	s.st.pushed[c.UUID] = append(s.st.pushed[c.UUID], doc)
	writeOK(w, http.StatusOK, s.callJSON(c))
}

// PushedFlows returns the documents pushed to a call with
// POST /call/sca/{uuid}, in order.
func (s *Server) PushedFlows(callUUID string) [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out [][]byte
	for _, d := range s.st.pushed[callUUID] {
		out = append(out, bytes.Clone(d))
	}
	return out
}

// HostedFlow returns the call-flow document hosted for a SIP control app and
// whether there is one.
func (s *Server) HostedFlow(appUUID string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.hosted[appUUID]
	return bytes.Clone(d), ok
}
