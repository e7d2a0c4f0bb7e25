package devpage

// maxLog is how many log lines the page keeps.
const maxLog = 500

// LogLine is one line of the page's log: the output of the application's
// process (stdout, stderr) or a word from the dev server (dev).
type LogLine struct {
	Stream string `json:"stream"`
	Text   string `json:"text"`
}

// Log adds a line to the page's log, for instance a line the
// application's process wrote; stream names where it came from ("stdout",
// "stderr", "dev"). The page keeps the last 500 lines.
func (s *Server) Log(stream, line string) {
	s.mu.Lock()
	s.log = append(s.log, LogLine{Stream: stream, Text: line})
	if n := len(s.log) - maxLog; n > 0 {
		s.log = append(s.log[:0:0], s.log[n:]...)
	}
	s.mu.Unlock()
	s.notify()
}

// SetNotice shows msg at the top of the page, such as why the application
// is not answering; "" removes it.
func (s *Server) SetNotice(msg string) {
	s.mu.Lock()
	s.notice = msg
	s.mu.Unlock()
	s.notify()
}

// logState copies the log and the notice into st.
func (s *Server) logState(st *State) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st.Notice = s.notice
	st.Log = append([]LogLine{}, s.log...)
}
