package render

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// expatScript reads documents framed by a 4-byte big-endian length from
// stdin and answers each with one line: "ok", or "bad" and expat's error.
const expatScript = `
import struct, sys, xml.parsers.expat
inp, out = sys.stdin.buffer, sys.stdout
while True:
    head = inp.read(4)
    if len(head) < 4:
        break
    doc = inp.read(struct.unpack(">I", head)[0])
    p = xml.parsers.expat.ParserCreate()
    try:
        p.Parse(doc, True)
        out.write("ok\n")
    except xml.parsers.expat.ExpatError as e:
        out.write("bad %d:%d %s\n" % (e.lineno, e.offset + 1, xml.parsers.expat.ErrorString(e.code)))
    except Exception as e:
        out.write("bad %s\n" % type(e).__name__)
    out.flush()
`

// expat is one python3 process running expatScript, shared by the tests
// of a test binary and fed one document at a time.
type expat struct {
	mu  sync.Mutex
	in  io.WriteCloser
	out *bufio.Reader
}

var (
	expatOnce sync.Once
	expatProc *expat
	expatErr  error
)

// expatParser returns the shared expat process, or skips the test when
// python3 with xml.parsers.expat is not installed.
func expatParser(t testing.TB) *expat {
	t.Helper()
	expatOnce.Do(func() {
		py, err := exec.LookPath("python3")
		if err != nil {
			expatErr = err
			return
		}
		cmd := exec.Command(py, "-c", expatScript)
		cmd.Stderr = os.Stderr
		in, err := cmd.StdinPipe()
		if err != nil {
			expatErr = err
			return
		}
		out, err := cmd.StdoutPipe()
		if err != nil {
			expatErr = err
			return
		}
		if err := cmd.Start(); err != nil {
			expatErr = err
			return
		}
		expatProc = &expat{in: in, out: bufio.NewReader(out)}
		if _, err := expatProc.verdict([]byte("<a/>")); err != nil {
			expatErr, expatProc = err, nil
		}
	})
	if expatProc == nil {
		t.Skipf("python3 with xml.parsers.expat is not available (%v): no differential comparison with expat", expatErr)
	}
	return expatProc
}

// verdict returns expat's answer for doc: "ok" or "bad …".
func (e *expat) verdict(doc []byte) (string, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	var head [4]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(doc)))
	if _, err := e.in.Write(append(head[:], doc...)); err != nil {
		return "", err
	}
	line, err := e.out.ReadString('\n')
	if err != nil {
		return "", fmt.Errorf("reading expat's verdict: %w", err)
	}
	if !strings.HasPrefix(line, "ok") && !strings.HasPrefix(line, "bad") {
		return "", fmt.Errorf("expat answered %q", line)
	}
	return strings.TrimSpace(line), nil
}

// Verdicts of the scanner on a document.
const (
	wellFormed    = "ok"
	notWellFormed = "bad"
	// refused is well-formed XML that Opentact documents do not use: a
	// DTD, a processing instruction, another encoding or version.
	refused = "refused"
)

// scanVerdict runs the scanner over the whole of src, with the rules of
// the document level that the parser adds (one root element, no text
// outside it), and says whether src is well formed.
func scanVerdict(src string) (string, *scanError) {
	s := newScanner(src)
	roots, doctype, policy := 0, false, false
	for s.next() {
		t := &s.tok
		switch t.kind {
		case tokStart:
			for _, a := range t.attrs {
				if a.repeat {
					return notWellFormed, &scanError{off: a.off, msg: "a repeated attribute"}
				}
			}
			if len(s.open) == 1 {
				if roots++; roots > 1 {
					return notWellFormed, &scanError{off: t.off, msg: "a second root element"}
				}
			}
		case tokText:
			if len(s.open) == 0 && (t.cdata || !onlyXMLSpace(t.text)) {
				return notWellFormed, &scanError{off: t.off, msg: "text outside the root"}
			}
		case tokPI:
			policy = true
		case tokDoctype:
			if roots > 0 || doctype {
				return notWellFormed, &scanError{off: t.off, msg: "a DTD after the root or a second DTD"}
			}
			doctype, policy = true, true
		}
	}
	if s.err != nil {
		if s.err.policy || doctype && strings.HasPrefix(s.err.msg, "invalid character entity") {
			return refused, s.err // an entity the DTD may declare
		}
		return notWellFormed, s.err
	}
	if roots == 0 {
		return notWellFormed, &scanError{off: len(src), msg: "no root element"}
	}
	if policy {
		return refused, nil
	}
	return wellFormed, nil
}

// compareWithExpat fails t when the scanner and expat disagree on whether
// doc is well formed, or when the parser accepts a document the scanner
// finds not well formed. A document the scanner refuses on purpose
// (refused) may be either for expat.
func compareWithExpat(t testing.TB, e *expat, name string, doc []byte) {
	t.Helper()
	ex, err := e.verdict(doc)
	if err != nil {
		t.Fatalf("expat: %v", err)
	}
	ours, serr := scanVerdict(string(doc))
	switch {
	case ours == refused:
	case ours == notWellFormed && ex == "ok" && strings.HasPrefix(serr.msg, "malformed XML declaration: version"):
		// expat takes any version; XML 1.0 has VersionNum ::= '1.' [0-9]+.
	case ours == wellFormed && ex != "ok" && editionNames(e, doc):
		// a name XML 1.0 fifth edition allows and expat's older tables do not
	case ours == wellFormed && ex != "ok":
		t.Errorf("%s: the scanner accepts what expat refuses (%s):\n%q", name, ex, doc)
	case ours == notWellFormed && ex == "ok":
		t.Errorf("%s: the scanner refuses what expat accepts: %s at byte %d:\n%q", name, serr.msg, serr.off, doc)
	}
	if ours == notWellFormed {
		for _, mode := range parseModes {
			opts := append([]ParseOption{MaxBytes(1 << 30), MaxDepth(1 << 20), MaxElements(1 << 30)}, mode.opts...)
			if _, err := Parse(doc, opts...); err == nil {
				t.Errorf("%s: %s parsing accepts a document that is not well formed (%s):\n%q", name, mode.name, serr.msg, doc)
			}
		}
	}
}

// editionNames reports whether expat accepts doc once every name holding
// a non-ASCII character has it replaced by x: expat keeps the Name
// characters of XML 1.0 before its fifth edition, which the scanner (like
// the writer) follows.
func editionNames(e *expat, doc []byte) bool {
	s := newScanner(string(doc))
	var names []string
	for s.next() {
		if s.tok.kind != tokStart {
			continue
		}
		names = append(names, s.tok.name)
		for _, a := range s.tok.attrs {
			names = append(names, a.name)
		}
	}
	out, changed := string(doc), false
	for _, n := range names {
		ascii := strings.Map(func(r rune) rune {
			if r >= 0x80 {
				return 'x'
			}
			return r
		}, n)
		if ascii != n {
			out, changed = strings.ReplaceAll(out, n, ascii), true
		}
	}
	if !changed {
		return false
	}
	v, err := e.verdict([]byte(out))
	return err == nil && v == "ok"
}

// corpusDocs returns every document under testdata (the goldens, the
// documents of Opentact's pages, the fuzz corpora) and of the parser's
// test tables, by name.
func corpusDocs(t *testing.T) map[string][]byte {
	docs := map[string][]byte{}
	err := filepath.WalkDir("testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch {
		case strings.Contains(path, string(filepath.Separator)+"fuzz"+string(filepath.Separator)):
			for i, v := range fuzzCorpusValues(t, path, b) {
				docs[fmt.Sprintf("%s#%d", path, i)] = v
			}
		case strings.HasSuffix(path, ".xml"):
			docs[path] = b
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range parseTests {
		docs["parseTests/"+tt.name] = []byte(tt.xml)
	}
	for _, tt := range markupCases {
		docs["markupCases/"+tt.name] = []byte(tt.doc)
	}
	return docs
}

// fuzzCorpusValues returns the string and []byte values of a file of a
// fuzz corpus ("go test fuzz v1" and one Go literal a line).
func fuzzCorpusValues(t *testing.T, path string, b []byte) [][]byte {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) == 0 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s is not a fuzz corpus file", path)
	}
	var out [][]byte
	for _, l := range lines[1:] {
		lit := strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(l, "[]byte("), "string("), ")")
		v, err := strconv.Unquote(lit)
		if err != nil {
			t.Fatalf("%s: %q: %v", path, l, err)
		}
		out = append(out, []byte(v))
	}
	return out
}

// TestScannerAgreesWithExpat holds the scanner's verdict to expat's on
// every document of the corpus and on the hostile snippets.
func TestScannerAgreesWithExpat(t *testing.T) {
	e := expatParser(t)
	docs := corpusDocs(t)
	for i, doc := range hostileSnippets() {
		docs[fmt.Sprintf("hostile#%d", i)] = []byte(doc)
	}
	counts := map[string]int{}
	for name, doc := range docs {
		compareWithExpat(t, e, name, doc)
		v, _ := scanVerdict(string(doc))
		counts[v]++
	}
	t.Logf("%d documents: %v", len(docs), counts)
	if counts[wellFormed] < 50 || counts[notWellFormed] < 500 {
		t.Errorf("too few documents of a kind: %v", counts)
	}
}

// failRecorder records the failures of compareWithExpat instead of
// failing the test.
type failRecorder struct {
	testing.TB
	failures []string
}

func (r *failRecorder) Errorf(format string, args ...any) {
	r.failures = append(r.failures, fmt.Sprintf(format, args...))
}

// TestCompareWithExpat checks the comparison itself on agreeing and
// refused documents, and expat's answers on a document of each kind.
func TestCompareWithExpat(t *testing.T) {
	e := expatParser(t)
	for _, tt := range []struct {
		doc  string
		fail bool
	}{
		{"<Response/>", false},
		{"<Response>", false},
		{"<!DOCTYPE Response><Response/>", false},
	} {
		r := &failRecorder{TB: t}
		compareWithExpat(r, e, "case", []byte(tt.doc))
		if len(r.failures) > 0 != tt.fail {
			t.Errorf("%q: failures %q, want failing %v", tt.doc, r.failures, tt.fail)
		}
	}
	for doc, want := range map[string]string{"<Response/>": "ok", "<Response a='1' a='2'/>": "bad"} {
		if v, err := e.verdict([]byte(doc)); err != nil || !strings.HasPrefix(v, want) {
			t.Errorf("expat on %q: %q, %v; want %s", doc, v, err, want)
		}
	}
}
