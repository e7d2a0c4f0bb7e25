package render

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// markupCases are documents encoding/xml's tokenizer accepted although XML
// 1.0 forbids them (issue 12), the references it already refused, and
// look-alikes that are well formed; a finding about a reference is placed
// at its "&". ok says whether the document is well formed; where python3 is installed,
// TestMarkupAgreesWithExpat holds each verdict to expat's.
var markupCases = []struct {
	name, doc string
	ok        bool
	line, col int    // where the finding is, when not ok
	msg       string // a part of its message
}{
	{"surrogate, hex", `<Response><Say>a&#xD800;b</Say></Response>`, false, 1, 17, "the surrogate U+D800"},
	{"surrogate, decimal", `<Response><Say>&#55296;</Say></Response>`, false, 1, 16, "the surrogate U+D800"},
	{"surrogate in an attribute", `<Response><Say tag="&#xDFFF;">a</Say></Response>`, false, 1, 21, "the surrogate U+DFFF"},
	{"U+FFFE", "<Response><Say>&#xFFFE;</Say></Response>", false, 1, 16, "U+FFFE"},
	{"NUL", "<Response><Say>&#0;</Say></Response>", false, 1, 16, "U+0000"},
	{"beyond Unicode", "<Response><Say>&#x110000;</Say></Response>", false, 1, 16, "&#x110000;"},
	{"huge number", "<Response><Say>&#99999999999999999999999;</Say></Response>", false, 1, 16, "&#99999999999999999999999;"},
	{"no space between attributes", `<Response><Say lang="es"loop="2">Hola</Say></Response>`, false, 1, 25, "white space is required"},
	{"no space, single quotes", `<Response><Say lang='es'loop='2'>Hola</Say></Response>`, false, 1, 25, "white space is required"},
	{"reference in a comment", `<Response><!-- &#xD800; --><Hangup/></Response>`, true, 0, 0, ""},
	{"reference in CDATA", `<Response><Say><![CDATA[&#xD800;]]></Say></Response>`, true, 0, 0, ""},
	{"allowed references", `<Response><Say tag="&#9;&#xA;">&#x1F600;&#xFFFD;&#65;</Say></Response>`, true, 0, 0, ""},
	{"quote then end of tag", `<Response><Say lang="es">a</Say><Hangup tag="x"/></Response>`, true, 0, 0, ""},
	{"greater-than in a value", `<Response><Say tag="a>b"lang="es">a</Say></Response>`, false, 1, 25, "white space is required"},
	{"on line 3", "<Response>\r\n<Say>\r&#xD800;</Say></Response>", false, 3, 1, "surrogate"},
}

func TestMarkupNotWellFormed(t *testing.T) {
	t.Parallel()
	for _, tt := range markupCases {
		_, err := Parse([]byte(tt.doc))
		if tt.ok {
			if err != nil {
				t.Errorf("%s: Parse: %v, want it accepted", tt.name, err)
			}
			continue
		}
		ds, _ := err.(Diagnostics)
		if len(ds) == 0 {
			t.Errorf("%s: Parse: %v, want a finding", tt.name, err)
			continue
		}
		if d := ds[0]; d.Line != tt.line || d.Col != tt.col || !strings.Contains(d.Message, tt.msg) {
			t.Errorf("%s: finding %d:%d %q, want %d:%d with %q", tt.name, d.Line, d.Col, d.Message, tt.line, tt.col, tt.msg)
		}
	}
}

// TestMarkupAgreesWithExpat asks expat, a conforming parser, for its
// verdict on every case.
func TestMarkupAgreesWithExpat(t *testing.T) {
	t.Parallel()
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: no expat to compare with")
	}
	const script = `
import sys, xml.parsers.expat
docs = sys.stdin.buffer.read().split(b"\0")
for d in docs:
    p = xml.parsers.expat.ParserCreate()
    try:
        p.Parse(d, True)
        print("ok")
    except xml.parsers.expat.ExpatError:
        print("bad")
`
	var in bytes.Buffer
	for i, tt := range markupCases {
		if i > 0 {
			in.WriteByte(0)
		}
		in.WriteString(tt.doc)
	}
	cmd := exec.Command(py, "-c", script)
	cmd.Stdin = &in
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	verdicts := strings.Fields(string(out))
	if len(verdicts) != len(markupCases) {
		t.Fatalf("expat gave %d verdicts for %d documents: %q", len(verdicts), len(markupCases), out)
	}
	for i, tt := range markupCases {
		if expat := verdicts[i] == "ok"; expat != tt.ok {
			t.Errorf("%s: expat says well formed = %v, the case says %v", tt.name, expat, tt.ok)
		}
	}
}
