package clienttest

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/http"
	"strconv"
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
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
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
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
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
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
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

// callLog is one executed call-flow command.
type callLog struct {
	meta
	LogSeed
}

func callLogJSON(l *callLog) obj {
	var c any
	if l.Call != "" || l.From != "" || l.TN != 0 {
		c = obj{"uuid": nullable(l.Call), "from": l.From, "tn": tnOrNull(l.TN)}
	}
	return obj{
		"uuid":        l.UUID,
		"success":     l.Success,
		"name":        l.Name,
		"command":     obj{"name": l.Name},
		"response":    obj{"success": l.Success},
		"call":        c,
		"created_on":  stamp(l.Created),
		"modified_on": stamp(l.Modified),
	}
}

func tnOrNull(tn int64) any {
	if tn == 0 {
		return nil
	}
	return obj{"tn": tn}
}

// handleLogs serves POST /sip/app/{uuid}/logs.
func (s *Server) handleLogs(w http.ResponseWriter, r *http.Request, body []byte) {
	id := r.PathValue("uuid")
	if _, ok := s.st.apps[id]; !ok {
		notFound(w, "SIP control app")
		return
	}
	sr := s.newSearch(r, body, false)
	in := sr.in
	var fs []func(*callLog) bool
	if v, ok := in.str("name", false); ok && v != "" {
		fs = append(fs, func(l *callLog) bool { return l.Name == v })
	}
	if v, ok := in.boolean("success", false); ok {
		fs = append(fs, func(l *callLog) bool { return l.Success == v })
	}
	if v, ok := in.mask("from"); ok {
		fs = append(fs, func(l *callLog) bool { return maskMatch(v, l.From, false) })
	}
	if v, ok := in.phone("tn", false); ok {
		fs = append(fs, func(l *callLog) bool { return l.TN == v })
	}
	if v, ok := in.str("call", false); ok && v != "" {
		fs = append(fs, func(l *callLog) bool { return l.Call == v })
	}
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	page, total := run(sr, s.st.logs[id], fs...)
	writePage(w, sr, page, total, callLogJSON)
}

// digits renders a number as its digit string.
func digits(n int64) string { return strconv.FormatInt(n, 10) }
