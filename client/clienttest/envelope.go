package clienttest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// obj is a JSON object of a reply; encoding/json writes its members sorted.
type obj = map[string]any

type successEnvelope struct {
	Success bool `json:"success"`
	Payload any  `json:"payload"`
}

type errorEnvelope struct {
	Success bool                  `json:"success"`
	Message string                `json:"message"`
	Status  int                   `json:"status"`
	Fields  map[string]fieldError `json:"fields,omitempty"`
}

// fieldError is one entry of an error envelope's "fields".
type fieldError struct {
	Message string          `json:"message"`
	Value   json.RawMessage `json:"value,omitempty"`
}

// writeEnvelope writes v as JSON with the given status.
func writeEnvelope(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// writeOK answers status with a success envelope around payload.
func writeOK(w http.ResponseWriter, status int, payload any) {
	writeEnvelope(w, status, successEnvelope{Success: true, Payload: payload})
}

// writeError answers status with an error envelope.
func writeError(w http.ResponseWriter, status int, message string) {
	writeEnvelope(w, status, errorEnvelope{Message: message, Status: status})
}

// notFound answers 404 "<entity> not found".
func notFound(w http.ResponseWriter, entity string) {
	writeError(w, http.StatusNotFound, entity+" not found")
}

// invalid answers a validation error with the configured status.
func (s *Server) invalid(w http.ResponseWriter, fields map[string]fieldError) {
	code := s.cfg.validationStatus
	writeEnvelope(w, code, errorEnvelope{Message: "Validation failed", Status: code, Fields: fields})
}

// noBalance answers 402.
func noBalance(w http.ResponseWriter) {
	writeError(w, http.StatusPaymentRequired, "Not enough account balance")
}

// now reads the server clock.
func (s *Server) now() time.Time { return s.cfg.now() }

// newUUID returns the next deterministic uuid. The caller holds s.mu.
func (s *Server) newUUID() string {
	s.ids++
	return fmt.Sprintf("00000000-0000-4000-8000-%012d", s.ids)
}
