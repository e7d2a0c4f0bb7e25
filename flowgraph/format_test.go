package flowgraph_test

import (
	"bytes"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/opentact-go/opentact/flowgraph"
	"github.com/opentact-go/opentact/verbs"
)

// TestFormatsGolden: the Gather page's IVR in every format. The goldens were
// reviewed: one node per command in document order, the edges of
// TestGatherPageIVR, Mermaid and DOT syntax, and the SVG looked at in a
// browser (TestSVGInBrowser).
func TestFormatsGolden(t *testing.T) {
	for _, file := range []string{"gather-1.xml", "inbound-call-control-1.xml"} {
		g := flowgraph.New(parseFile(t, file).Response)
		base := strings.TrimSuffix(file, ".xml")
		golden(t, base+".mmd", g.Mermaid())
		golden(t, base+".dot", g.DOT())
		golden(t, base+".svg", g.SVG())
		golden(t, base+".md", flowgraph.Markdown(parseFile(t, file).Response, file))
		// Stable: drawing again gives the same bytes.
		if again := flowgraph.New(parseFile(t, file).Response); again.SVG() != g.SVG() || again.Mermaid() != g.Mermaid() {
			t.Errorf("%s: output differs between two runs", file)
		}
	}
}

func TestMermaidEscapes(t *testing.T) {
	g := flowgraph.New(doc(&verbs.Say{Text: `Press "#" | <now> & [then] (ok); done`}))
	got := g.Mermaid()
	want := `n1["Say: Press #quot;#35;#quot; #124; #lt;now#gt; #amp; #91;then#93; #40;ok#41;#59; done"]`
	if !strings.Contains(got, want) {
		t.Errorf("Mermaid:\n%s\nwant a line %s", got, want)
	}
	for _, line := range strings.Split(strings.TrimSpace(got), "\n")[1:] {
		if strings.Count(line, `"`)%2 != 0 {
			t.Errorf("unbalanced quotes: %s", line)
		}
	}
}

func TestDOTEscapes(t *testing.T) {
	g := flowgraph.New(doc(&verbs.Say{Text: `a "quoted" \ back`}))
	if !strings.Contains(g.DOT(), `n1 [label="Say: a \"quoted\" \\ back"];`) {
		t.Errorf("DOT:\n%s", g.DOT())
	}
}

// hostileDoc holds text no label may pass through raw: markup, invalid
// UTF-8, control characters, a very long text.
func hostileDoc() *verbs.Response {
	return doc(
		&verbs.Say{Text: "</text><script>alert(1)</script> & \x00\x01\x1f \xff\xfe ]]> --"},
		&verbs.Play{URL: "https://example.com/a.mp3?x=1&y=<2>\x00"},
		&verbs.Say{Text: strings.Repeat("long ", 10000)},
		&verbs.Gather{URL: "https://example.com/\"q\"\x7f", Children: []verbs.GatherChild{&verbs.DTMF{Value: "<1>"}}},
		&verbs.RawElement{Name: "x:New"},
	)
}

// TestSVGWellFormed has a conforming parser (Python's expat) read the SVG
// of the corpus documents and of hostile text.
func TestSVGWellFormed(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 (expat) is not installed")
	}
	svgs := map[string]string{
		"hostile":   flowgraph.New(hostileDoc()).SVG(),
		"gather-1":  flowgraph.New(parseFile(t, "gather-1.xml").Response).SVG(),
		"legacy":    flowgraph.New(parseFile(t, "inbound-call-control-1.xml").Response).SVG(),
		"empty":     flowgraph.New(doc()).SVG(),
		"nil":       flowgraph.New(nil).SVG(),
		"long list": flowgraph.New(doc(repeat(300)...)).SVG(),
	}
	for name, svg := range svgs {
		cmd := exec.Command("python3", "-c", `import sys, xml.parsers.expat
p = xml.parsers.expat.ParserCreate()
p.Parse(sys.stdin.buffer.read(), True)`)
		cmd.Stdin = strings.NewReader(svg)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: expat rejects the SVG: %v\n%s", name, err, out)
		}
	}
	if strings.Contains(svgs["hostile"], "<script") {
		t.Error("markup from a Say reached the SVG unescaped")
	}
}

func repeat(n int) []verbs.Command {
	var cmds []verbs.Command
	for range n {
		cmds = append(cmds, &verbs.Say{Text: "again"})
	}
	return cmds
}

// TestSVGInBrowser opens the SVG of the Gather page's IVR in headless
// Chromium (Debian's chromium package) where one is installed: the browser
// must parse it as SVG and paint it. The screenshot is kept in the test's
// temporary directory, or in $OPENTACT_ARTIFACTS when set, for review.
func TestSVGInBrowser(t *testing.T) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		t.Skip("no headless browser installed (apt-get install chromium)")
	}
	dir := t.TempDir()
	if a := os.Getenv("OPENTACT_ARTIFACTS"); a != "" {
		dir = a
	}
	svgPath := filepath.Join(dir, "gather-1.svg")
	g := flowgraph.New(parseFile(t, "gather-1.xml").Response)
	if err := os.WriteFile(svgPath, []byte(g.SVG()), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=" + t.TempDir()}
	dom, err := exec.Command(browser, append(args, "--dump-dom", "file://"+svgPath)...).Output()
	if err != nil {
		t.Fatalf("%s --dump-dom: %v", browser, err)
	}
	if bytes.Contains(dom, []byte("parsererror")) || !bytes.Contains(dom, []byte("<svg")) {
		t.Fatalf("the browser did not read the SVG:\n%.2000s", dom)
	}
	shot := filepath.Join(dir, "gather-1.png")
	cmd := exec.Command(browser, append(args, "--screenshot="+shot, "--window-size=1600,900", "file://"+svgPath)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// Painted: the node boxes' blue border appears somewhere.
	painted := false
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && !painted; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			if bl>>8 > 150 && r>>8 < 90 && g>>8 < 130 {
				painted = true
				break
			}
		}
	}
	if !painted {
		t.Errorf("the screenshot %s shows no node box", shot)
	}
	t.Logf("screenshot: %s", shot)
}

// TestReadmeShowsTheGraph: the Mermaid chart in the README's "See a flow"
// section is the one New draws for the Gather page's IVR today.
func TestReadmeShowsTheGraph(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	chart := flowgraph.New(parseFile(t, "gather-1.xml").Response).Mermaid()
	if !bytes.Contains(readme, []byte("```mermaid\n"+chart+"```\n")) {
		t.Errorf("README.md does not show the current chart of gather-1.xml:\n%s", chart)
	}
}
