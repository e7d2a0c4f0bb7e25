package render

import (
	"testing"

	"github.com/opentact-go/opentact/verbs"
)

// ivrDoc returns the multi-level IVR of the docs' Gather page, extended by
// a sub-menu: 43 elements and comments, prompts, DTMF branches holding
// Say, Dial and nested Gathers, Default, Error and Hangup.
func ivrDoc() *verbs.Response {
	busy := func(team string) *verbs.Error {
		return &verbs.Error{Commands: []verbs.Command{
			&verbs.Say{Text: "Sorry, our " + team + " team is busy right now, please call again later"},
			&verbs.Hangup{},
		}}
	}
	return doc(
		&verbs.Say{Text: "Thank you for calling Opentact. Please hold."},
		&verbs.Say{Text: "Now please enter a 1 to call the support team, 2 to call the tech team, 3 for billing, or 0 to enter a private menu"},
		&verbs.Gather{DTMFLength: verbs.Some(1), DTMFStop: "#", Children: []verbs.GatherChild{
			&verbs.Comment{Text: " SUPPORT TEAM "},
			&verbs.DTMF{Value: "1", Commands: []verbs.Command{
				&verbs.Say{Text: "Switching the call to the support team"},
				&verbs.Dial{Children: []verbs.DialChild{
					&verbs.To{Destination: "support1@sip.opentact.org"},
					&verbs.To{Destination: "support2@sip.opentact.org"},
					&verbs.To{Destination: "support3@sip.opentact.org"},
					busy("support"),
				}},
			}},
			&verbs.Comment{Text: " TECH TEAM "},
			&verbs.DTMF{Value: "2", Commands: []verbs.Command{
				&verbs.Say{Text: "Switching the call to the tech team"},
				&verbs.Dial{Children: []verbs.DialChild{
					&verbs.To{Destination: "12223334455"},
					&verbs.To{Destination: "12223334456"},
					&verbs.To{Destination: "12223334457"},
					busy("tech"),
				}},
			}},
			&verbs.Comment{Text: " BILLING "},
			&verbs.DTMF{Value: "3", Commands: []verbs.Command{
				&verbs.Say{Text: "Press 1 for your balance or 2 to speak to an agent"},
				&verbs.Gather{DTMFLength: verbs.Some(1), Children: []verbs.GatherChild{
					&verbs.DTMF{Value: "1", Commands: []verbs.Command{
						&verbs.Play{URL: "https://media.example.com/balance.mp3"},
					}},
					&verbs.DTMF{Value: "2", Commands: []verbs.Command{
						&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "sip:billing@sip.opentact.org"}}},
					}},
				}},
			}},
			&verbs.Comment{Text: " PRIVATE MENU "},
			&verbs.DTMF{Value: "0", Commands: []verbs.Command{
				&verbs.Say{Text: "Now please enter a 4-digit code or # to stop entering a pin"},
				&verbs.Gather{DTMFLength: verbs.Some(4), DTMFStop: "#", URL: "http://private.domain.com/rest/private_menu?token=TOKEN&lang=en", Children: []verbs.GatherChild{
					&verbs.Comment{Text: " This block would be called if something goes wrong with a remote endpoint response "},
					&verbs.Error{Commands: []verbs.Command{
						&verbs.Say{Text: "Oops, something is going wrong, please call again later"},
						&verbs.Hangup{},
					}},
				}},
			}},
			&verbs.Comment{Text: " DEFAULT BEHAVIOR "},
			&verbs.Default{Commands: []verbs.Command{&verbs.Say{Text: "No DTMF code entered. Please call again"}}},
			&verbs.Error{Commands: []verbs.Command{&verbs.Say{Text: "Wrong input menu code entered. Please call again"}}},
		}},
		&verbs.Say{Text: "Thank you for using our service, have a nice day!"},
		&verbs.Hangup{Tag: "CallEndedByFlow"},
	)
}

func benchmarkAppend(b *testing.B, opts ...Option) {
	r := ivrDoc()
	buf, err := Append(nil, r, opts...)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf, err = Append(buf[:0], r, opts...)
		if err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendIVR(b *testing.B) { benchmarkAppend(b) }

func BenchmarkAppendIVRCompact(b *testing.B) { benchmarkAppend(b, Compact()) }

func BenchmarkMarshalIVR(b *testing.B) {
	r := ivrDoc()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Marshal(r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAppendAllocs checks that Append allocates nothing when the buffer
// has room, for the IVR and for every document of the table. It does not
// call t.Parallel: allocation counts are process-wide.
func TestAppendAllocs(t *testing.T) {
	docs := []*verbs.Response{ivrDoc()}
	for _, tt := range verbTests {
		docs = append(docs, tt.doc)
	}
	buf := make([]byte, 0, 64<<10)
	for _, r := range docs {
		for _, opts := range [][]Option{nil, {Compact()}} {
			allocs := testing.AllocsPerRun(20, func() {
				if _, err := Append(buf[:0], r, opts...); err != nil {
					t.Fatal(err)
				}
			})
			if allocs != 0 {
				out, _ := Append(nil, r, opts...)
				t.Errorf("Append made %v allocations for:\n%s", allocs, out)
			}
		}
	}
}
