package gen_test

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/internal/compiletest"
	"github.com/opentact-go/opentact/internal/gen"
	"github.com/opentact-go/opentact/render"
	"github.com/opentact-go/opentact/verbs"
)

// golden is one document of render/testdata with the bytes `opentact fmt`
// prints for it.
type golden struct {
	path string
	doc  *verbs.Response
	want []byte
	// valid is false for a document with errors, which the generated flow
	// must refuse to render.
	valid bool
}

// goldens returns every document under render/testdata that parses,
// leaving out the compact layouts.
func goldens(t *testing.T) []golden {
	t.Helper()
	var out []golden
	root := filepath.Join("..", "..", "render", "testdata")
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xml") || strings.HasSuffix(path, ".compact.xml") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		r, err := render.Parse(data)
		if err != nil {
			return nil // a broken example or a parser error case
		}
		want, err := render.Append(nil, r)
		if err != nil {
			return nil
		}
		out = append(out, golden{path: path, doc: r, want: want, valid: render.Validate(r) == nil})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Documents beyond the goldens: every element and attribute, and the
	// raw nodes lenient parsing keeps.
	for name, src := range extraDocs {
		r, err := render.Parse([]byte(src), render.Lenient())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		want, err := render.Append(nil, r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, golden{path: name, doc: r, want: want, valid: render.Validate(r) == nil})
	}
	if len(out) < 40 {
		t.Fatalf("found %d golden documents under %s, want at least 40", len(out), root)
	}
	return out
}

// TestGoldensRoundTrip generates the code of every golden document, runs
// it as one program and checks that each flow prints exactly what
// `opentact fmt` prints for its document.
func TestGoldensRoundTrip(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	t.Parallel()
	gs := goldens(t)
	invalid := 0
	for _, g := range gs {
		if !g.valid {
			invalid++
		}
	}
	t.Logf("%d documents, %d of them with errors", len(gs), invalid)

	files := map[string][]byte{}
	var main bytes.Buffer
	main.WriteString("package main\n\nimport (\n\t\"fmt\"\n\t\"os\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/render\"\n)\n\n")
	main.WriteString("func main() {\n\tfor _, f := range []func() *flow.Flow{\n")
	for i, g := range gs {
		fn := fmt.Sprintf("flow%d", i)
		src, err := gen.Generate(g.doc, gen.Options{Package: "main", Func: fn, Source: filepath.ToSlash(g.path)})
		if err != nil {
			t.Fatalf("%s: %v", g.path, err)
		}
		if formatted, err := format.Source(src); err != nil || !bytes.Equal(formatted, src) {
			t.Errorf("%s: generated code is not gofmt-formatted (err %v)", g.path, err)
		}
		files[fn+".go"] = src
		fmt.Fprintf(&main, "\t\t%s,\n", fn)
	}
	main.WriteString("\t} {\n\t\tb, err := f().XML()\n\t\tif err != nil && !render.IsWarnings(err) {\n\t\t\tb = []byte(\"ERROR: \" + err.Error())\n\t\t}\n")
	// Every rendering helper must agree with the tree Build returns.
	main.WriteString("\t\tif msg := sameAsTree(f()); msg != \"\" {\n\t\t\tb = []byte(\"MISMATCH: \" + msg)\n\t\t}\n")
	main.WriteString("\t\tos.Stdout.Write(b)\n\t\tfmt.Print(\"\\x00\")\n\t}\n}\n")
	files["main.go"] = main.Bytes()
	files["same.go"] = []byte(sameAsTreeSource)
	out := goRun(t, files)
	got := bytes.Split(out, []byte{0})
	if len(got) != len(gs)+1 {
		t.Fatalf("the program printed %d documents, want %d", len(got)-1, len(gs))
	}
	for i, g := range gs {
		if !g.valid {
			if !bytes.HasPrefix(got[i], []byte("ERROR: ")) {
				t.Errorf("%s: the flow of an invalid document rendered:\n%s", g.path, got[i])
			}
			continue
		}
		if !bytes.Equal(got[i], g.want) {
			t.Errorf("%s: the generated flow prints\n%s\nwant (opentact fmt)\n%s", g.path, got[i], g.want)
		}
	}
}

// sameAsTreeSource is the part of the program of TestGoldensRoundTrip that
// checks every rendering helper of a flow (XML, CompactXML, WriteTo, Check)
// against the tree Build returns, rendered with render.Check and
// render.Append in both layouts; it returns what differs, "" when nothing.
const sameAsTreeSource = `package main

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"

	flow "github.com/opentact-go/opentact/builder"
	"github.com/opentact-go/opentact/render"
)

func sameAsTree(f *flow.Flow) string {
	r, buildErr := f.Build()
	indented, xmlErr := f.XML()
	compact, compactErr := f.CompactXML()
	var buf bytes.Buffer
	_, writeErr := f.WriteTo(&buf)
	var want render.Diagnostics
	if buildErr != nil && !errors.As(buildErr, &want) {
		return "Build: not Diagnostics: " + buildErr.Error()
	}
	for name, err := range map[string]error{"XML": xmlErr, "CompactXML": compactErr, "WriteTo": writeErr} {
		var got render.Diagnostics
		if (err == nil) != (buildErr == nil) || err != nil && (err.Error() != buildErr.Error() || !errors.As(err, &got) || !reflect.DeepEqual(got, want)) {
			return fmt.Sprintf("%s: %v, Build: %v", name, err, buildErr)
		}
	}
	if r == nil {
		if indented != nil || compact != nil || buf.Len() > 0 {
			return "bytes written for a flow Build refuses"
		}
		if check := f.Check(); !reflect.DeepEqual(check, want) {
			return fmt.Sprintf("Check: %v, Build: %v", check, want)
		}
		return ""
	}
	if check, tree := f.Check(), render.Check(r); !(len(tree) == 0 && len(check) == 0) && !reflect.DeepEqual(check, tree) {
		return fmt.Sprintf("Check: %v, render.Check of the tree: %v", check, tree)
	}
	wantIndented, err := render.Append(nil, r)
	if err != nil {
		return "render.Append: " + err.Error()
	}
	wantCompact, err := render.Append(nil, r, render.Compact())
	if err != nil {
		return "render.Append compact: " + err.Error()
	}
	if !bytes.Equal(indented, wantIndented) || !bytes.Equal(buf.Bytes(), wantIndented) {
		return fmt.Sprintf("XML or WriteTo\n%s\ndiffers from the tree's\n%s", indented, wantIndented)
	}
	if !bytes.Equal(compact, wantCompact) {
		return fmt.Sprintf("CompactXML\n%s\ndiffers from the tree's\n%s", compact, wantCompact)
	}
	return ""
}
`

var extraDocs = map[string]string{
	"every element and attribute": `<Response>
  <Answer delay="1000" tag="a"/>
  <Pause length="1500" dtmf_stop="#*" tag="p"/>
  <Say type="WaveNet" gender="MALE" code="v" lang="en-US" loop="2" tag="s">Hi &amp; "bye"</Say>
  <Play leg="aleg" loop="1" tag="p">https://example.com/a.mp3?x=1&amp;y=2</Play>
  <Record tag="r" asr="false" timeout="3600000"/>
  <Record><Pause/></Record>
  <Play record="r" leg="both"/>
  <RecordStart tag="c"/><RecordWait tag="c"/><RecordStop tag="c"/>
  <Dial tag="d"><To>12223334455</To><Error play="false" tag="e"><Hangup/></Error><Meta name="k" value="v"/></Dial>
  <Gather dtmf_length="1" dtmf_stop="#" url="https://example.com/g" tag="g">
    <DTMF value="*"><Say>star</Say></DTMF>
    <DTMF value="#"><Say>hash</Say></DTMF>
    <Default tag="def"><Say>again</Say></Default>
    <Error><Say>oops</Say><Hangup/></Error>
  </Gather>
  <Error play="true" tag="e2"/>
  <Callback url="https://example.com/c" method="DELETE" body="true" timeout="1" tag="cb"><!-- c --><Error/></Callback>
  <Curl url="https://example.com/u" method="PATCH" timeout="60000" tag="cu"><Meta name="m">multi
line</Meta><Error/></Curl>
  <Call field="from" value="" tag="call"><Say>anonymous</Say></Call>
  <Call field="x-custom" value="1"><Say>custom</Say><Hangup/></Call>
  <Geo states="NJ,NY" county="ESSEX" tag="geo"><Say>east</Say></Geo>
  <Schedule dow="sun,mon,tue,wed,thu,fri,sat" time="09:00:00-17:00:00" tag="sch"><Say>open</Say></Schedule>
  <Hold timeout="0" tag="h"/>
  <Unhold tag="u"/>
  <Tone hz="350,440" don="1000" doff="500" v="-3" loop="2" timeout="30000" leg="bleg" tag="t"><Meta name="k" value="v"/><!-- t --></Tone>
  <Meta name="n" value="v"/>
  <Gather numDigits="1" attempts="2" timeout="10000" finishOnKey="*" callback="https://example.com/l" method="GET">
    <Say>Enter</Say><Pause length="1000"/><Play>https://example.com/p.wav</Play>
    <Switch>
      <Case dtmf="1"><Dial timeout="30" record="record-from-answer"><Sip>1000@example.com:9000</Sip><Number>12223334455</Number></Dial></Case>
      <Default><Say>nobody</Say></Default>
      <Error><Say>error</Say></Error>
    </Switch>
  </Gather>
  <Hangup tag="bye"/>
</Response>`,
	"raw nodes": `<Response>
  <Say speed="2">Hi</Say>
  <Beep n="2"><Inner a="&quot;">text &amp; more</Inner><!-- c --></Beep>
  <Dial><To>123456789</To><Fancy/></Dial>
</Response>`,
}

// TestMainProgram runs the complete program `opentact gen -main` prints and
// checks that it prints the canonical XML of its document.
func TestMainProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs a program")
	}
	t.Parallel()
	data, err := os.ReadFile(filepath.Join("..", "..", "render", "testdata", "docs", "gather-1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := render.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want, err := render.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	src, err := gen.Generate(r, gen.Options{Main: true, Source: "gather-1.xml"})
	if err != nil {
		t.Fatal(err)
	}
	got := goRun(t, map[string][]byte{"main.go": src})
	if !bytes.Equal(got, want) {
		t.Errorf("the program prints\n%s\nwant\n%s", got, want)
	}
}

// goRun writes files into a new directory under testdata, inside the
// module so that they can import it and out of reach of ./..., runs them
// as a program and returns its standard output.
func goRun(t *testing.T, files map[string][]byte) []byte {
	t.Helper()
	dir := compiletest.TempDir(t, "run")
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "run", "./"+filepath.ToSlash(dir))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run: %v\n%s", err, stderr.Bytes())
	}
	return out
}
