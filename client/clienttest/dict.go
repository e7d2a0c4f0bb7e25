package clienttest

import "net/http"

// voices are the seeded text-to-speech voices (made-up values).
var voices = []obj{
	{"uuid": "00000000-0000-4000-9000-000000000001", "type": "Standard", "code": "en-US", "name": "en-US-Standard-A", "gender": "MALE", "naturalSampleRateHertz": 24000},
	{"uuid": "00000000-0000-4000-9000-000000000002", "type": "Standard", "code": "en-US", "name": "en-US-Standard-C", "gender": "FEMALE", "naturalSampleRateHertz": 24000},
	{"uuid": "00000000-0000-4000-9000-000000000003", "type": "WaveNet", "code": "en-US", "name": "en-US-Wavenet-A", "gender": "MALE", "naturalSampleRateHertz": 24000},
	{"uuid": "00000000-0000-4000-9000-000000000004", "type": "WaveNet", "code": "en-US", "name": "en-US-Wavenet-C", "gender": "FEMALE", "naturalSampleRateHertz": 24000},
}

// countries are the seeded countries.
var countries = []obj{
	{"name": "United States", "a2": "US", "a3": "USA", "n": 840, "country_code": 1, "national_code": 1},
	{"name": "Canada", "a2": "CA", "a3": "CAN", "n": 124, "country_code": 1, "national_code": 1},
	{"name": "United Kingdom", "a2": "GB", "a3": "GBR", "n": 826, "country_code": 44, "national_code": 0},
}

// handleVoices serves GET /dict/gtts.
func (s *Server) handleVoices(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, voices)
}

// handleCountries serves GET /dict/country.
func (s *Server) handleCountries(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, countries)
}

// handleProducts serves GET /sip/product.
func (s *Server) handleProducts(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, []obj{productJSON()})
}
