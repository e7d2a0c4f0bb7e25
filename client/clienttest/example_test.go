package clienttest_test

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/opentact-go/opentact/client/clienttest"
)

// Buying a number and sending an SMS from it with plain net/http, then
// checking what the fake recorded.
func Example() {
	srv := clienttest.NewServer()
	defer srv.Close()

	post := func(path, body string) *http.Response {
		req, _ := http.NewRequest("POST", srv.URL()+path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+srv.APIToken())
		req.Header.Set("Content-Type", "application/json")
		resp, err := srv.HTTPClient().Do(req)
		if err != nil {
			log.Fatal(err)
		}
		return resp
	}

	resp := post("/order", `{"items":[{"tn":12025550100,"features":["voice","sms"],"autorenew":true}]}`)
	var order struct {
		Payload struct {
			State   string `json:"state"`
			Success int    `json:"success"`
		} `json:"payload"`
	}
	json.NewDecoder(resp.Body).Decode(&order)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, order.Payload.State, order.Payload.Success)
	// Opentact sends SMS only from SMS-enabled numbers; AddSMSNumber stands
	// for the messaging profile and the enablement.
	srv.AddSMSNumber(12025550100)

	srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Status: 503, RetryAfter: "1"})
	resp = post("/sms", `{"from":12025550100,"to":12025550199,"message":"Hi"}`)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("Retry-After"))

	resp = post("/sms", `{"from":12025550100,"to":12025550199,"message":"Hi"}`)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, len(srv.SentMessages()), srv.SentMessages()[0].Text)
	fmt.Println(len(srv.Requests()))
	// Output:
	// 201 success 1
	// 503 1
	// 200 1 Hi
	// 3
}

// A reply lost after the server acted: the client sees a broken connection,
// but the message was sent.
func ExampleServer_InjectFault() {
	srv := clienttest.NewServer()
	defer srv.Close()
	srv.AddAvailableNumbers(12025550123)

	post := func(path, body string) (*http.Response, error) {
		req, _ := http.NewRequest("POST", srv.URL()+path, strings.NewReader(body))
		req.Header.Set("X-Auth-Token", srv.IssueJWT(time.Hour))
		req.Header.Set("Content-Type", "application/json")
		return srv.HTTPClient().Do(req)
	}
	resp, err := post("/order", `{"items":[{"tn":12025550123,"features":["sms"],"autorenew":false}]}`)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	srv.AddSMSNumber(12025550123)

	srv.InjectFault(clienttest.Match{Method: "POST", Path: "/sms"}, clienttest.Fault{Drop: true, AfterHandler: true})
	_, err = post("/sms", `{"from":12025550123,"to":12025550199,"message":"Hi"}`)
	fmt.Println(err != nil, len(srv.SentMessages()))
	// Output: true 1
}
