package devpage_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowsim/devpage"
)

// officeFlow depends on every setting of the page: the clock (Schedule),
// the caller's location (Geo), the caller's number and a call field
// (Call), and the outcome of each Dial.
const officeFlow = `<Response>
  <Schedule dow="mon,tue,wed,thu,fri" time="09:00:00-17:00:00"><Say>We are open.</Say></Schedule>
  <Schedule time="17:00:00-09:00:00"><Say>We are closed.</Say><Hangup/></Schedule>
  <Geo states="NJ" county="ESSEX"><Say>Hello Essex.</Say></Geo>
  <Call field="from" value="12125550100"><Say>Welcome back.</Say></Call>
  <Call field="vip" value="yes"><Say>VIP line.</Say></Call>
  <Dial><To>sip:alice@example.com</To><To>sip:bob@example.com</To><Error><Say>Alice is busy.</Say></Error></Dial>
  <Dial><To>sip:alice@example.com</To><To>sip:bob@example.com</To><Error><Say>Nobody there.</Say></Error></Dial>
  <Dial><To>sip:carol@example.com</To><Error><Say>Carol failed.</Say></Error></Dial>
  <Hangup/>
</Response>
`

// TestSettings: the same flow behaves differently for two clocks, two
// callers and different Dial outcomes set through the API.
func TestSettings(t *testing.T) {
	t.Parallel()
	ts, _ := start(t, []byte(officeFlow))
	heard := func(body string) string {
		t.Helper()
		code, st, raw := post(t, ts, "call", body)
		if code != 200 || !st.Ended {
			t.Fatalf("call %s: %d %s", body, code, raw)
		}
		return strings.Join(st.Heard, "|")
	}
	resp, err := http.Get(ts.URL + "/api/state")
	if err != nil {
		t.Fatal(err)
	}
	var st0 devpage.State
	err = json.NewDecoder(resp.Body).Decode(&st0)
	resp.Body.Close()
	if want := "sip:alice@example.com|sip:bob@example.com|sip:carol@example.com"; err != nil || strings.Join(st0.Destinations, "|") != want {
		t.Errorf("destinations before a call: %q %v, want %s", st0.Destinations, err, want)
	}
	// Wednesday 10:00 UTC, unknown caller, every Dial answered.
	if got, want := heard(`{}`), "We are open."; got != want {
		t.Errorf("default settings: heard %q, want %q", got, want)
	}
	// 08:30 at UTC-05:00 is closed, though it is 13:30 UTC: Schedule
	// reads the clock in the zone the page gives.
	if got, want := heard(`{"at":"2030-01-02T08:30:00-05:00"}`), "We are closed."; got != want {
		t.Errorf("early morning: heard %q, want %q", got, want)
	}
	// Saturday 10:00 is closed by the day, and not night either.
	if got := heard(`{"at":"2030-01-05T10:00:00Z"}`); got != "" {
		t.Errorf("Saturday morning: heard %q, want nothing before the Dials", got)
	}
	got := heard(`{"from":"12125550100","state":"NJ","county":"ESSEX","fields":{"vip":"yes"},` +
		`"dials":["answer:sip:bob@example.com","busy","failed:unreachable"]}`)
	if want := "We are open.|Hello Essex.|Welcome back.|VIP line.|Nobody there.|Carol failed."; got != want {
		t.Errorf("caller and dials: heard %q, want %q", got, want)
	}
	_, st, _ := post(t, ts, "call", `{"dials":["noanswer","answer:sip:dave@example.com"]}`)
	tr := ""
	for _, s := range st.Transcript {
		tr += s.Text + "\n"
	}
	for _, part := range []string{
		"Dial[1] Dial failed: ringing sip:alice@example.com, sip:bob@example.com: no answer (30s)",
		"Dial[2] Dial failed: ringing sip:alice@example.com, sip:bob@example.com: no answer (sip:dave@example.com is not a destination of this Dial)",
	} {
		if !strings.Contains(tr, part) {
			t.Errorf("transcript lacks %q:\n%s", part, tr)
		}
	}
	for _, c := range []struct{ body, want string }{
		{`{"dials":["busy:x"]}`, "want answer, answer:DESTINATION, busy"},
		{`{"county":"ESSEX"}`, "set the state too"},
		{`{"fields":{"":"x"}}`, "a field needs a name"},
	} {
		if code, _, body := post(t, ts, "call", c.body); code != 400 || !strings.Contains(body, c.want) {
			t.Errorf("call %s: %d %s, want %q", c.body, code, body, c.want)
		}
	}
}
