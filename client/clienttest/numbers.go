package clienttest

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// Number types.
const (
	numberLongCode = "long_code"
	numberTollFree = "toll_free"
)

// AddAvailableNumbers adds numbers (E.164 digits without "+", e.g.
// 12025550123) to the inventory offered by POST /tn/search. Numbers that
// are already leased are skipped. Numbers starting with 1800, 1833, 1844,
// 1855, 1866, 1877 or 1888 are toll-free; the others are local.
func (s *Server) AddAvailableNumbers(tns ...int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, tn := range tns {
		if tn <= 0 || s.leaseByNumber(tn) != nil {
			continue
		}
		s.st.inventory[tn] = numberTypeOf(tn)
	}
}

func numberTypeOf(tn int64) string {
	d := strconv.FormatInt(tn, 10)
	for _, p := range []string{"1800", "1833", "1844", "1855", "1866", "1877", "1888"} {
		if strings.HasPrefix(d, p) && len(d) == 11 {
			return numberTollFree
		}
	}
	return numberLongCode
}

// numberInfo describes where an inventory number lies.
type numberInfo struct {
	state, city, rateCenter string
}

// infoOf returns the location of a number: the 1202555 block is in
// Washington DC; other local numbers have no known location.
func infoOf(tn int64, typ string) numberInfo {
	if typ == numberLongCode && strings.HasPrefix(strconv.FormatInt(tn, 10), "1202555") {
		return numberInfo{state: "DC", city: "Washington", rateCenter: "WSHNGTNZN1"}
	}
	return numberInfo{}
}

// national returns the ten national digits of a NANP number (its digits
// without the leading country code 1).
func national(tn int64) string {
	d := strconv.FormatInt(tn, 10)
	if len(d) == 11 && d[0] == '1' {
		return d[1:]
	}
	return d
}

// handleNumberSearch serves POST /tn/search.
func (s *Server) handleNumberSearch(w http.ResponseWriter, r *http.Request, body []byte) {
	sr := s.newSearch(r, body, false)
	in := sr.in
	var fs []func(int64) bool
	if v, ok := in.oneOf("type", false, numberLongCode, numberTollFree); ok {
		fs = append(fs, func(tn int64) bool { return s.st.inventory[tn] == v })
	}
	for k, field := range map[string]func(numberInfo) string{
		"state":       func(i numberInfo) string { return i.state },
		"city":        func(i numberInfo) string { return i.city },
		"rate_center": func(i numberInfo) string { return i.rateCenter },
	} {
		if v, ok := in.str(k, false); ok && v != "" {
			fs = append(fs, func(tn int64) bool {
				return strings.EqualFold(field(infoOf(tn, s.st.inventory[tn])), v)
			})
		}
	}
	if v, ok := in.str("npa", false); ok && v != "" {
		fs = append(fs, func(tn int64) bool { return strings.HasPrefix(national(tn), v) && len(v) == 3 })
	}
	if v, ok := in.str("nxx", false); ok && v != "" {
		fs = append(fs, func(tn int64) bool { n := national(tn); return len(n) == 10 && n[3:6] == v })
	}
	if v, ok := in.str("line", false); ok && v != "" {
		fs = append(fs, func(tn int64) bool {
			n := national(tn)
			return len(v) == 4 && len(n) >= 4 && lineMatch(v, n[len(n)-4:])
		})
	}
	if v, ok := in.str("pattern", false); ok && v != "" {
		fs = append(fs, func(tn int64) bool { return maskMatch(v, national(tn), true) })
	}
	// Every number is a US number with voice and SMS: these two only need
	// the right JSON types.
	in.str("country", false)
	in.strings("features", false)
	if in.failed() {
		s.invalid(w, in.errs)
		return
	}
	var all []int64
	for tn := range s.st.inventory {
		if matches(tn, sr.or, fs) {
			all = append(all, tn)
		}
	}
	slices.Sort(all)
	total := len(all)
	var page []int64
	if sr.skip < total {
		page = all[sr.skip:min(sr.skip+sr.take, total)]
	}
	writePage(w, sr, page, total, func(tn int64) obj {
		return obj{"tn": tn, "registered": false, "type": s.st.inventory[tn], "features": []string{"voice", "sms"}}
	})
}

// tnProfile is the seeded TN profile.
type tnProfile struct{ meta }

func tnProfileJSON(p *tnProfile) obj {
	return obj{
		"uuid":                        p.UUID,
		"name":                        "US",
		"description":                 "United States numbers",
		"is_active":                   true,
		"priority":                    "normal",
		"toll_free":                   false,
		"tn_search_validator":         "^[0-9*%]{1,10}$",
		"tn_search_placeholder":       "202555xxxx",
		"tn_search_tooltip":           "digits, * and %",
		"nrc":                         1.0,
		"mrc":                         1.0,
		"voice_nrc":                   0.0,
		"voice_mrc":                   0.0,
		"voice_incoming_per_min_cost": 0.005,
		"voice_outgoing_per_min_cost": 0.01,
		"sms_nrc":                     0.0,
		"sms_mrc":                     0.0,
		"sms_per_send_cost":           0.004,
		"sms_per_receive_cost":        0.0,
		"country":                     countries[0],
		"created_on":                  stamp(p.Created),
		"modified_on":                 stamp(p.Modified),
	}
}

// handleTNProfileList serves GET /profile/tn.
func (s *Server) handleTNProfileList(w http.ResponseWriter, _ *http.Request, _ []byte) {
	writeOK(w, http.StatusOK, []obj{tnProfileJSON(s.st.tnProfile)})
}

// handleTNProfileGet serves GET /profile/tn/{uuid}.
func (s *Server) handleTNProfileGet(w http.ResponseWriter, r *http.Request, _ []byte) {
	if r.PathValue("uuid") != s.st.tnProfile.UUID {
		notFound(w, "TN profile")
		return
	}
	writeOK(w, http.StatusOK, tnProfileJSON(s.st.tnProfile))
}

// lineMatch compares four digits with a line pattern in which "x" (or "X")
// matches any digit.
func lineMatch(pattern, digits string) bool {
	for i := range 4 {
		if c := pattern[i]; c != 'x' && c != 'X' && c != digits[i] {
			return false
		}
	}
	return true
}
