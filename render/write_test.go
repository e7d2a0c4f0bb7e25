package render

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	table "github.com/opentact-go/opentact/internal/spec"
	"github.com/opentact-go/opentact/verbs"
)

// compactForm returns the compact layout of an indented document: the
// layout white space (a newline and the indentation between '>' and '<',
// and the final newline) removed, text and attribute values untouched.
func compactForm(indented string) string {
	var b strings.Builder
	for i := 0; i < len(indented); i++ {
		c := indented[i]
		if c == '\n' && i > 0 && indented[i-1] == '>' {
			j := i + 1
			for j < len(indented) && indented[j] == ' ' {
				j++
			}
			if j == len(indented) || indented[j] == '<' {
				i = j - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func TestCompactForm(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"<a>\n  <b/>\n</a>\n", "<a><b/></a>"},
		{"<a>x\n  y</a>\n", "<a>x\n  y</a>"},
		{"<a>\n  x</a>", "<a>\n  x</a>"},
		{"<a v=\"1\"/>\n", "<a v=\"1\"/>"},
	}
	for _, tt := range tests {
		if got := compactForm(tt.in); got != tt.want {
			t.Errorf("compactForm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarshalTable(t *testing.T) {
	t.Parallel()
	seen := make(map[string]bool)
	for _, tt := range verbTests {
		if seen[tt.name] {
			t.Errorf("two cases named %q", tt.name)
		}
		seen[tt.name] = true
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Append(nil, tt.doc)
			if err != nil {
				t.Fatalf("Append: %v", err)
			}
			if diff := cmp.Diff(tt.xml, string(got)); diff != "" {
				t.Errorf("Append mismatch (-want +got):\n%s", diff)
			}

			got, err = Append([]byte("prefix"), tt.doc, Compact())
			if err != nil {
				t.Fatalf("Append(Compact()): %v", err)
			}
			if diff := cmp.Diff("prefix"+compactForm(tt.xml), string(got)); diff != "" {
				t.Errorf("Append(Compact()) mismatch (-want +got):\n%s", diff)
			}

			// Marshal and Encode write the same bytes, or refuse a document
			// the validator rejects.
			verr := Validate(tt.doc)
			m, err := Marshal(tt.doc)
			var enc bytes.Buffer
			encErr := Encode(&enc, tt.doc)
			switch {
			case verr != nil:
				if err == nil || err.Error() != verr.Error() || m != nil {
					t.Errorf("Marshal = %q, %v; want nil, %v", m, err, verr)
				}
				if encErr == nil || enc.Len() != 0 {
					t.Errorf("Encode wrote %q, %v; want nothing, %v", enc.String(), encErr, verr)
				}
			default:
				if err != nil || string(m) != tt.xml {
					t.Errorf("Marshal = %q, %v; want %q", m, err, tt.xml)
				}
				if encErr != nil || enc.String() != tt.xml {
					t.Errorf("Encode wrote %q, %v; want %q", enc.String(), encErr, tt.xml)
				}
			}
		})
	}
}

// TestMarshalTableWellFormed decodes every table document with
// encoding/xml and checks that each known element carries its attributes
// in the order of table.Element.Attrs, unmodelled ones after them.
func TestMarshalTableWellFormed(t *testing.T) {
	t.Parallel()
	for _, tt := range verbTests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dec := xml.NewDecoder(strings.NewReader(tt.xml))
			for {
				tok, err := dec.Token()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("not well-formed: %v", err)
				}
				start, ok := tok.(xml.StartElement)
				if !ok {
					continue
				}
				spec, known := table.Lookup(start.Name.Local)
				if !known {
					continue
				}
				last := -1
				modelled := true
				for _, a := range start.Attr {
					i := slices.Index(spec.Attrs, a.Name.Local)
					switch {
					case i < 0:
						modelled = false
					case !modelled || i <= last:
						t.Errorf("<%s>: attribute %s out of order in %v", start.Name.Local, a.Name.Local, start.Attr)
					default:
						last = i
					}
				}
			}
		})
	}
}

// TestVerbTestsCoverSpec checks that the table writes every element of
// table.Element and every kind of attribute value (string, enum, count,
// millis, list, …) at least once, so that each form of the generated
// writer and setters has a case written by hand. That every attribute of
// the table survives parse → render is checked from the table alone by
// internal/gen's TestEveryAttributeRoundTrips, so a new attribute of a
// known kind needs no case here.
func TestVerbTestsCoverSpec(t *testing.T) {
	t.Parallel()
	seen := make(map[string]bool) // "Name" and "Name@attr"
	for _, tt := range verbTests {
		dec := xml.NewDecoder(strings.NewReader(tt.xml))
		for {
			tok, err := dec.Token()
			if err != nil {
				break
			}
			if start, ok := tok.(xml.StartElement); ok {
				seen[start.Name.Local] = true
				for _, a := range start.Attr {
					seen[start.Name.Local+"@"+a.Name.Local] = true
				}
			}
		}
	}
	kinds := map[string]string{} // kind → an attribute of that kind, "" once written
	for _, name := range verbs.ElementNames() {
		spec, _ := table.Lookup(name)
		if !seen[name] {
			t.Errorf("no case writes <%s>", name)
		}
		for _, f := range spec.Fields {
			if f.Attr == "" {
				continue // text content, written by every element case that has it
			}
			if seen[name+"@"+f.Attr] {
				kinds[f.Kind] = ""
			} else if _, ok := kinds[f.Kind]; !ok {
				kinds[f.Kind] = "<" + name + " " + f.Attr + ">"
			}
		}
	}
	for kind, example := range kinds {
		if example != "" {
			t.Errorf("no case writes an attribute of kind %s, such as %s", kind, example)
		}
	}
}

func TestAppendKeepsPrefix(t *testing.T) {
	t.Parallel()
	r := doc(&verbs.Hangup{})
	dst := make([]byte, 0, 256)
	dst = append(dst, "HTTP body: "...)
	got, err := Append(dst, r, Compact())
	if err != nil {
		t.Fatal(err)
	}
	want := `HTTP body: <?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>`
	if string(got) != want {
		t.Errorf("Append = %q, want %q", got, want)
	}
	if &got[0] != &dst[:1][0] {
		t.Error("Append did not reuse the buffer's room")
	}
}

func TestAppendOptions(t *testing.T) {
	t.Parallel()
	r := doc(&verbs.Say{Text: "Hi"})
	indented := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response>\n  <Say>Hi</Say>\n</Response>\n"
	compact := `<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say></Response>`
	tests := []struct {
		name string
		opts []Option
		want string
	}{
		{"none", nil, indented},
		{"zero", []Option{{}}, indented},
		{"compact", []Option{Compact()}, compact},
		{"compact-then-zero", []Option{Compact(), {}}, compact},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Append(nil, r, tt.opts...)
			if err != nil || string(got) != tt.want {
				t.Errorf("Append = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestAppendDeepIndent(t *testing.T) {
	t.Parallel()
	// 40 nested Geo elements: deeper than one run of the indent string.
	inner := verbs.Command(&verbs.Hangup{})
	for range 40 {
		inner = &verbs.Geo{Commands: []verbs.Command{inner}}
	}
	got, err := Append(nil, doc(inner))
	if err != nil {
		t.Fatal(err)
	}
	want := "\n" + strings.Repeat(" ", 82) + "<Hangup/>\n"
	if !strings.Contains(string(got), want) {
		t.Errorf("no Hangup at depth 41 in\n%s", got)
	}
	if err := xml.Unmarshal(got, new(struct{})); err != nil {
		t.Errorf("not well-formed: %v", err)
	}
}

// TestRawLayout covers raw content whose layout the writer decides: white
// space between raw elements is layout, dropped in both forms, while text
// beside elements is content and is written exactly, inline.
func TestRawLayout(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name          string
		raw           *verbs.RawElement
		want, compact string
	}{
		{
			name: "white space dropped",
			raw: &verbs.RawElement{Name: "Queue", Children: []verbs.RawChild{
				&verbs.RawText{Text: "\n    "},
				&verbs.RawElement{Name: "Member"},
				&verbs.RawText{Text: "\n  "},
			}},
			want:    "  <Queue>\n    <Member/>\n  </Queue>\n",
			compact: "<Queue><Member/></Queue>",
		},
		{
			name:    "only white space",
			raw:     &verbs.RawElement{Name: "Queue", Children: []verbs.RawChild{&verbs.RawText{Text: " \t\r\n"}}},
			want:    "  <Queue/>\n",
			compact: "<Queue/>",
		},
		{
			name: "white space kept beside text",
			raw: &verbs.RawElement{Name: "P", Children: []verbs.RawChild{
				&verbs.RawText{Text: "\n  a "},
				&verbs.RawElement{Name: "B", Children: []verbs.RawChild{&verbs.RawText{Text: " \n "}}},
				&verbs.RawText{Text: "\r\n"},
			}},
			want:    "  <P>\n  a <B> \n </B>&#xD;\n</P>\n",
			compact: "<P>\n  a <B> \n </B>&#xD;\n</P>",
		},
		{
			name: "empty text",
			raw: &verbs.RawElement{Name: "P", Children: []verbs.RawChild{
				&verbs.RawText{Text: "x"},
				&verbs.RawElement{Name: "B", Children: []verbs.RawChild{&verbs.RawText{}}},
			}},
			want:    "  <P>x<B/></P>\n",
			compact: "<P>x<B/></P>",
		},
	}
	const head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := doc(tt.raw)
			got, err := Append(nil, r)
			if want := head + "\n<Response>\n" + tt.want + "</Response>\n"; err != nil || string(got) != want {
				t.Errorf("Append = %q, %v; want %q", got, err, want)
			}
			got, err = Append(nil, r, Compact())
			if want := head + "<Response>" + tt.compact + "</Response>"; err != nil || string(got) != want {
				t.Errorf("Append(Compact()) = %q, %v; want %q", got, err, want)
			}
		})
	}
}

func TestAppendErrors(t *testing.T) {
	t.Parallel()
	cyclic := &verbs.Gather{}
	cyclic.Children = []verbs.GatherChild{&verbs.DTMF{Value: "1", Commands: []verbs.Command{cyclic}}}
	tests := []struct {
		name string
		doc  *verbs.Response
		want WriteError
	}{
		{"nil document", nil, WriteError{Offset: -1, Reason: "nil document"}},
		{
			"nil command",
			doc(&verbs.Hangup{}, nil),
			WriteError{Path: "/Response", Offset: -1, Reason: "nil node at position 2"},
		},
		{
			"typed nil command",
			doc(&verbs.Say{Text: "a"}, (*verbs.Say)(nil)),
			WriteError{Path: "/Response", Offset: -1, Reason: "nil node at position 2"},
		},
		{
			"typed nil deep",
			doc(&verbs.Gather{}, &verbs.Gather{Children: []verbs.GatherChild{
				&verbs.DTMF{Value: "1"},
				&verbs.DTMF{Value: "2", Commands: []verbs.Command{&verbs.Dial{Children: []verbs.DialChild{
					&verbs.To{Destination: "12223334455"}, (*verbs.To)(nil),
				}}}},
			}}),
			WriteError{Path: "/Response/Gather[2]/DTMF[2]/Dial[1]", Offset: -1, Reason: "nil node at position 2"},
		},
		{
			"typed nil raw text",
			doc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{(*verbs.RawText)(nil)}}),
			WriteError{Path: "/Response/X[1]", Offset: -1, Reason: "nil node at position 1"},
		},
		{
			"nil in inline raw",
			doc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{&verbs.RawText{Text: "t"}, nil}}),
			WriteError{Path: "/Response/X[1]", Offset: -1, Reason: "nil node at position 2"},
		},
		{
			"control character in text",
			doc(&verbs.Say{Text: "ok"}, &verbs.Say{Text: "bell\x07"}),
			WriteError{Path: "/Response/Say[2]", Offset: 4, Reason: "character U+0007 not allowed in XML"},
		},
		{
			"NUL in attribute",
			doc(&verbs.Hangup{Tag: "a\x00b"}),
			WriteError{Path: "/Response/Hangup[1]/@tag", Offset: 1, Reason: "character U+0000 not allowed in XML"},
		},
		{
			"invalid UTF-8 in text",
			doc(&verbs.Dial{Children: []verbs.DialChild{&verbs.To{Destination: "1222\xff"}}}),
			WriteError{Path: "/Response/Dial[1]/To[1]", Offset: 4, Reason: "invalid UTF-8"},
		},
		{
			"surrogate in attribute",
			doc(&verbs.Say{Text: "x", Code: "ab\xed\xa0\x80"}),
			WriteError{Path: "/Response/Say[1]/@code", Offset: 2, Reason: "invalid UTF-8"},
		},
		{
			"U+FFFE in Meta text",
			doc(&verbs.Meta{Name: "n", Text: verbs.Some("é\uFFFE")}),
			WriteError{Path: "/Response/Meta[1]", Offset: 2, Reason: "character U+FFFE not allowed in XML"},
		},
		{
			"U+FFFF in list item",
			doc(&verbs.Geo{States: []string{"NY", "N\uFFFF"}}),
			WriteError{Path: "/Response/Geo[1]/@states", Offset: 4, Reason: "character U+FFFF not allowed in XML"},
		},
		{
			"control character in extra value",
			doc(&verbs.Play{URL: "https://example.com/a.mp3", Extra: []verbs.Attr{{Name: "x", Value: "\x1b[0m"}}}),
			WriteError{Path: "/Response/Play[1]/@x", Offset: 0, Reason: "character U+001B not allowed in XML"},
		},
		{
			"raw text",
			doc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{&verbs.RawText{Text: "a"}, &verbs.RawText{Text: "b\x0c"}}}),
			WriteError{Path: "/Response/X[1]/text()[2]", Offset: 1, Reason: "character U+000C not allowed in XML"},
		},
		{
			"comment with double dash",
			doc(&verbs.Comment{Text: "ok"}, &verbs.Hangup{}, &verbs.Comment{Text: "a -- b"}),
			WriteError{Path: "/Response/comment()[2]", Offset: 2, Reason: `comment contains "--"`},
		},
		{
			"comment with a carriage return",
			doc(&verbs.Comment{Text: "line 1\r\nline 2"}),
			WriteError{Path: "/Response/comment()[1]", Offset: 6, Reason: "comment contains a carriage return, which every XML parser reads as a line feed"},
		},
		{
			"comment ending in dash",
			doc(&verbs.Gather{Children: []verbs.GatherChild{&verbs.Comment{Text: "menu -"}}}),
			WriteError{Path: "/Response/Gather[1]/comment()[1]", Offset: 5, Reason: `comment ends in "-"`},
		},
		{
			"comment with invalid UTF-8",
			doc(&verbs.Comment{Text: "caf\xc3"}),
			WriteError{Path: "/Response/comment()[1]", Offset: 3, Reason: "invalid UTF-8"},
		},
		{
			"comment in inline raw",
			doc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{&verbs.RawText{Text: "t"}, &verbs.Comment{Text: "-"}}}),
			WriteError{Path: "/Response/X[1]/comment()[1]", Offset: 0, Reason: `comment ends in "-"`},
		},
		{
			"raw element name",
			doc(&verbs.RawElement{Name: "1st"}),
			WriteError{Path: "/Response/1st[1]", Offset: 0, Reason: `invalid element name "1st"`},
		},
		{
			"empty raw element name",
			doc(&verbs.Hangup{}, &verbs.RawElement{}),
			WriteError{Path: "/Response/*[1]", Offset: 0, Reason: `invalid element name ""`},
		},
		{
			"nested raw element name",
			doc(&verbs.RawElement{Name: "X", Children: []verbs.RawChild{&verbs.RawText{Text: "t"}, &verbs.RawElement{Name: "a b"}}}),
			WriteError{Path: "/Response/X[1]/a b[1]", Offset: 1, Reason: `invalid element name "a b"`},
		},
		{
			"raw attribute name",
			doc(&verbs.RawElement{Name: "X", Attrs: []verbs.Attr{{Name: "ok", Value: "1"}, {Name: "no=", Value: "2"}}}),
			WriteError{Path: "/Response/X[1]", Offset: 2, Reason: `invalid attribute name "no="`},
		},
		{
			"extra attribute name",
			doc(&verbs.Say{Text: "x", Extra: []verbs.Attr{{Name: `a"b`}}}),
			WriteError{Path: "/Response/Say[1]", Offset: 1, Reason: `invalid attribute name "a\"b"`},
		},
		{
			"extra repeats a modelled attribute",
			doc(&verbs.Hangup{Tag: "a", Extra: []verbs.Attr{{Name: "tag", Value: "b"}}}),
			WriteError{Path: "/Response/Hangup[1]/@tag", Offset: -1, Reason: "duplicate attribute"},
		},
		{
			"extra repeated",
			doc(&verbs.Hangup{Extra: []verbs.Attr{{Name: "x", Value: "1"}, {Name: "x", Value: "2"}}}),
			WriteError{Path: "/Response/Hangup[1]/@x", Offset: -1, Reason: "duplicate attribute"},
		},
		{
			"extra repeated after a look-alike value",
			doc(&verbs.Hangup{Tag: `a b="c"`, Extra: []verbs.Attr{{Name: "b", Value: "1"}, {Name: "c", Value: "x b=1"}, {Name: "b", Value: "2"}}}),
			WriteError{Path: "/Response/Hangup[1]/@b", Offset: -1, Reason: "duplicate attribute"},
		},
		{
			"raw attribute repeated",
			doc(&verbs.RawElement{Name: "X", Attrs: []verbs.Attr{{Name: "a", Value: "1"}, {Name: "a", Value: "2"}}}),
			WriteError{Path: "/Response/X[1]/@a", Offset: -1, Reason: "duplicate attribute"},
		},
		{
			"root attribute",
			&verbs.Response{Extra: []verbs.Attr{{Name: "v", Value: "\x01"}}},
			WriteError{Path: "/Response/@v", Offset: 0, Reason: "character U+0001 not allowed in XML"},
		},
		{
			"cycle",
			doc(cyclic),
			WriteError{Path: "/Response/Gather[1]", Offset: -1, Reason: "nesting deeper than 1000 levels"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dst := []byte("keep")
			got, err := Append(dst, tt.doc)
			var we *WriteError
			if !errors.As(err, &we) {
				t.Fatalf("Append error = %v, want a *WriteError", err)
			}
			if diff := cmp.Diff(tt.want, *we); diff != "" {
				t.Errorf("WriteError mismatch (-want +got):\n%s", diff)
			}
			if !strings.HasPrefix(err.Error(), "render: ") {
				t.Errorf("error %q does not start with \"render: \"", err)
			}
			if string(got) != "keep" {
				t.Errorf("Append returned %q, want the untouched buffer", got)
			}
			if _, err := Append(nil, tt.doc, Compact()); err == nil {
				t.Error("Append(Compact()) accepted the document")
			}
			if m, err := Marshal(tt.doc); err == nil || m != nil {
				t.Errorf("Marshal = %q, %v; want an error", m, err)
			}
			var buf bytes.Buffer
			if err := Encode(&buf, tt.doc); err == nil || buf.Len() != 0 {
				t.Errorf("Encode wrote %q, %v; want nothing and an error", buf.String(), err)
			}
		})
	}
}

func TestWriteErrorString(t *testing.T) {
	t.Parallel()
	tests := []struct {
		err  WriteError
		want string
	}{
		{WriteError{Offset: -1, Reason: "nil document"}, "render: nil document"},
		{WriteError{Path: "/Response/Say[1]", Offset: 3, Reason: "invalid UTF-8"}, "render: /Response/Say[1]: invalid UTF-8 at byte offset 3"},
		{WriteError{Path: "/Response/Hangup[1]/@tag", Offset: -1, Reason: "duplicate attribute"}, "render: /Response/Hangup[1]/@tag: duplicate attribute"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

// TestMarshalRefusesInvalid checks that Marshal and Encode write nothing
// for a document the validator rejects: a Dial without a destination.
func TestMarshalRefusesInvalid(t *testing.T) {
	t.Parallel()
	r := doc(&verbs.Dial{})
	verr := Validate(r)
	if verr == nil {
		t.Skip("the validator does not reject a Dial without a destination yet")
	}
	if b, err := Marshal(r); b != nil || err == nil || err.Error() != verr.Error() {
		t.Errorf("Marshal = %q, %v; want nil, %v", b, err, verr)
	}
	var buf bytes.Buffer
	if err := Encode(&buf, r); buf.Len() != 0 || err == nil || err.Error() != verr.Error() {
		t.Errorf("Encode wrote %q, %v; want nothing, %v", buf.String(), err, verr)
	}
}

type failingWriter struct{ err error }

func (w failingWriter) Write([]byte) (int, error) { return 0, w.err }

func TestEncodeWriterError(t *testing.T) {
	t.Parallel()
	boom := errors.New("boom")
	if err := Encode(failingWriter{boom}, doc(&verbs.Hangup{})); !errors.Is(err, boom) {
		t.Errorf("Encode error = %v, want %v", err, boom)
	}
}

type countingWriter struct {
	bytes.Buffer
	writes int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

func TestEncodeWritesOnce(t *testing.T) {
	t.Parallel()
	r := ivrDoc()
	want, err := Marshal(r, Compact())
	if err != nil {
		t.Fatal(err)
	}
	var w countingWriter
	if err := Encode(&w, r, Compact()); err != nil {
		t.Fatal(err)
	}
	if w.writes != 1 || w.String() != string(want) {
		t.Errorf("Encode made %d writes of %q, want 1 of %q", w.writes, w.String(), want)
	}
}

// TestMarshalCopies checks that Marshal's result does not share memory with
// the writer's pooled buffers.
func TestMarshalCopies(t *testing.T) {
	t.Parallel()
	a, err := Marshal(doc(&verbs.Say{Text: "first"}))
	if err != nil {
		t.Fatal(err)
	}
	want := string(a)
	for range 10 {
		if _, err := Marshal(doc(&verbs.Say{Text: "second, longer"})); err != nil {
			t.Fatal(err)
		}
	}
	if string(a) != want {
		t.Errorf("first result changed to %q", a)
	}
}
