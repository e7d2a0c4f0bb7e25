package render

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// expatEventsScript reads documents as expatScript does and answers each
// with one line: a JSON list of what expat reports (start tags with their
// attributes in order, end tags, text runs joined, comments), or "bad".
const expatEventsScript = `
import json, struct, sys, xml.parsers.expat
inp, out = sys.stdin.buffer, sys.stdout
while True:
    head = inp.read(4)
    if len(head) < 4:
        break
    doc = inp.read(struct.unpack(">I", head)[0])
    ev, depth = [], [0]
    def flush_text(t):
        if ev and ev[-1][0] == "t":
            ev[-1][1] += t
        else:
            ev.append(["t", t])
    def start(name, attrs):
        depth[0] += 1
        ev.append(["s", name] + [[attrs[i], attrs[i+1]] for i in range(0, len(attrs), 2)])
    def end(name):
        depth[0] -= 1
        ev.append(["e", name])
    def text(t):
        if depth[0] > 0:
            flush_text(t)
    def comment(c):
        ev.append(["c", c])
    p = xml.parsers.expat.ParserCreate()
    p.ordered_attributes = 1
    p.StartElementHandler, p.EndElementHandler = start, end
    p.CharacterDataHandler, p.CommentHandler = text, comment
    try:
        p.Parse(doc, True)
        out.write(json.dumps(ev) + "\n")
    except Exception as e:
        out.write("bad\n")
    out.flush()
`

var (
	expatEventsOnce sync.Once
	expatEventsProc *expat
)

// expatEvents returns a python3 process running expatEventsScript, or
// skips the test.
func expatEvents(t testing.TB) *expat {
	t.Helper()
	expatParser(t) // skips without python3's expat
	expatEventsOnce.Do(func() {
		cmd := exec.Command("python3", "-c", expatEventsScript)
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			return
		}
		out, err := cmd.StdoutPipe()
		if err != nil || cmd.Start() != nil {
			return
		}
		expatEventsProc = &expat{in: in, out: bufioReader(out)}
	})
	if expatEventsProc == nil {
		t.Skip("cannot start python3 for expat's events")
	}
	return expatEventsProc
}

// events returns what expat reports of doc, or nil when expat refuses it.
func (e *expat) events(t testing.TB, doc []byte) []any {
	t.Helper()
	line, err := e.rawAnswer(doc)
	if err != nil {
		t.Fatalf("expat: %v", err)
	}
	if strings.HasPrefix(line, "bad") {
		return nil
	}
	var ev []any
	if err := json.Unmarshal([]byte(line), &ev); err != nil {
		t.Fatalf("expat's events %q: %v", line, err)
	}
	return ev
}

// scannerEvents returns what the scanner reads of doc, in the shape of
// expatEventsScript's answer, or nil when it refuses doc.
func scannerEvents(doc []byte) []any {
	s := newScanner(string(doc))
	ev := []any{}
	for s.next() {
		t := &s.tok
		switch t.kind {
		case tokStart:
			e := []any{"s", t.name}
			for _, a := range t.attrs {
				e = append(e, []any{a.name, a.value})
			}
			ev = append(ev, e)
		case tokEnd:
			ev = append(ev, []any{"e", s.tok.name})
		case tokText:
			if len(s.open) == 0 || t.text == "" {
				continue // expat reports no empty CDATA section
			}
			if n := len(ev); n > 0 && ev[n-1].([]any)[0] == "t" {
				last := ev[n-1].([]any)
				last[1] = last[1].(string) + t.text
				continue
			}
			ev = append(ev, []any{"t", t.text})
		case tokComment:
			ev = append(ev, []any{"c", t.text})
		default:
			return nil
		}
	}
	if s.err != nil {
		return nil
	}
	return ev
}

// bufioReader wraps the output pipe of a python3 process.
func bufioReader(r io.Reader) *bufio.Reader { return bufio.NewReader(r) }

// rawAnswer sends doc to the process and returns its one-line answer.
func (e *expat) rawAnswer(doc []byte) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(doc)))
	if _, err := e.in.Write(append(head[:], doc...)); err != nil {
		return "", err
	}
	line, err := e.out.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("reading expat's answer: %w", err)
	}
	return strings.TrimSpace(line), nil
}

// contentSnippets are well-formed documents whose content a parser must
// report exactly: attribute-value normalisation, line ends, references,
// non-ASCII names, declarations.
func contentSnippets() []string {
	return []string{
		"<Response><Say tag=\"a\tb\nc\rd\r\ne\">x</Say></Response>",
		"<Response><Say tag=\"a&#9;b&#xA;c&#xD;d&#13;&#10;e\">x</Say></Response>",
		"<Response><Say tag='a  b'>  x \r\n y \r z\n</Say></Response>",
		"<Response><Say tag=\"&#x20;&#32; \">&#xD;&#xA;&#13;\r\n</Say></Response>",
		"<Response><Say tag=\"&lt;&gt;&amp;&quot;&apos;'\">&lt;&gt;&amp;&quot;&apos;]]&gt;]>]</Say></Response>",
		"<Response><Say>a<![CDATA[<&\r\n\r]]>b</Say></Response>",
		"<Response><!--\r\n a \r b - c--></Response>",
		"<Response><Ｓay ñame=\"é\">ü</Ｓay></Response>",
		"<Response><Say·x _a.b-c:d=\"1\"/></Response>",
		"<?xml version='1.0' encoding='utf-8' standalone='yes' ?><Response/>",
		"<?xml version=\"1.0\"?>\r\n<Response>\r\n<Say>x</Say>\r\n</Response>\r\n",
		"\ufeff<?xml version=\"1.0\"?><Response/>",
		"<Response><Say>&#x1F600;&#128512;\U0001F600</Say></Response>",
		"<Response><Say tag=\"\u0085\u2028\">\u0085\u2028</Say></Response>",
		"<Response\r\n\ta=\"1\"\n/>",
		"<Response></Response >",
		"<Response><Say tag=\"a\r\n\r\nb\">x</Say></Response>",
	}
}

// TestScannerContentAgreesWithExpat holds what the scanner reads of each
// document both accept (names, attribute values after normalisation,
// text, comments) to what expat reports.
func TestScannerContentAgreesWithExpat(t *testing.T) {
	e := expatEvents(t)
	docs := corpusDocs(t)
	for i, doc := range hostileSnippets() {
		docs[fmt.Sprintf("hostile#%d", i)] = []byte(doc)
	}
	for i, doc := range contentSnippets() {
		docs[fmt.Sprintf("content#%d", i)] = []byte(doc)
	}
	compared := 0
	for name, doc := range docs {
		ours := scannerEvents(doc)
		if ours == nil {
			continue
		}
		theirs := e.events(t, doc)
		if theirs == nil {
			continue // TestScannerAgreesWithExpat judges well-formedness
		}
		compared++
		if !reflect.DeepEqual(ours, theirs) {
			a, _ := json.Marshal(ours)
			b, _ := json.Marshal(theirs)
			t.Errorf("%s: %q\nscanner: %s\nexpat:   %s", name, doc, a, b)
		}
	}
	t.Logf("%d documents compared", compared)
}
