package clienttest

import "net/http"

// seedVoices returns the seeded text-to-speech voices (made-up values, not
// Opentact's list). The caller holds s.mu or is NewServer.
func (s *Server) seedVoices() []obj {
	var out []obj
	for _, v := range []struct{ typ, name, gender string }{
		{"Standard", "en-US-Standard-A", "MALE"},
		{"Standard", "en-US-Standard-C", "FEMALE"},
		{"WaveNet", "en-US-Wavenet-A", "MALE"},
		{"WaveNet", "en-US-Wavenet-C", "FEMALE"},
	} {
		m := s.newMeta()
		out = append(out, obj{
			"uuid": m.UUID, "type": v.typ, "code": "en-US", "name": v.name, "gender": v.gender,
			"naturalSampleRateHertz": 24000, "created_on": stamp(m.Created), "modified_on": stamp(m.Modified),
		})
	}
	return out
}

// countries are the seeded countries.
var countries = []obj{
	{"name": "United States", "a2": "US", "a3": "USA", "n": 840, "country_code": 1, "national_code": 1},
	{"name": "Canada", "a2": "CA", "a3": "CAN", "n": 124, "country_code": 1, "national_code": 1},
	{"name": "United Kingdom", "a2": "GB", "a3": "GBR", "n": 826, "country_code": 44, "national_code": 0},
}

// handleVoices serves GET /dict/gtts.
func (s *Server) handleVoices(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, s.st.voices)
}

// handleCountries serves GET /dict/country.
func (s *Server) handleCountries(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, countries)
}

// handleProducts serves GET /sip/product.
func (s *Server) handleProducts(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, []obj{productJSON()})
}
