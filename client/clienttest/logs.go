package clienttest

import "net/http"

// LogSeed describes a call-flow log entry added with AddCallFlowLog.
type LogSeed struct {
	Name    string // XML command name, e.g. "Say"
	Success bool
	From    string // caller
	TN      int64  // called number
	Call    string // call uuid
}

// AddCallFlowLog stores a call-flow log entry of a SIP control app, served
// by POST /sip/app/{uuid}/logs, and returns its uuid.
func (s *Server) AddCallFlowLog(appUUID string, l LogSeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	e := &callLog{meta: s.newMeta(), LogSeed: l}
	s.st.logs[appUUID] = append(s.st.logs[appUUID], e)
	return e.UUID
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

// handleLogs serves POST /sip/app/{uuid}/logs.
func (s *Server) handleLogs(w http.ResponseWriter, r *http.Request, body []byte) {
	id, ok := s.appOf(w, r)
	if !ok {
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
