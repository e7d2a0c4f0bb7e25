package flowgraph

import (
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// Markdown returns the menu tree of a document as Markdown under a level-1
// heading title: every command as a list item in the order it runs, each
// menu branch under the keys that lead to it, every prompt (Say text, Play
// URL or recording) in full; then a table of the prompts by key path, the
// keys a caller presses to hear each one ("1 → 0"; empty before any menu).
func Markdown(doc *verbs.Response, title string) string {
	m := &menuWriter{}
	m.b.WriteString("# " + mdText(title) + "\n\n")
	if doc == nil || len(doc.Commands) == 0 {
		m.b.WriteString("The document has no commands.\n")
		return m.b.String()
	}
	m.list(doc.Commands, 0, nil)
	if len(m.prompts) > 0 {
		m.b.WriteString("\n## Prompts by key path\n\n| keys | prompt |\n|---|---|\n")
		for _, p := range m.prompts {
			m.b.WriteString("| " + mdCell(strings.Join(p.keys, " → ")) + " | " + mdCell(p.text) + " |\n")
		}
	}
	return m.b.String()
}

type prompt struct {
	keys []string
	text string
}

type menuWriter struct {
	b       strings.Builder
	prompts []prompt
}

func (m *menuWriter) item(depth int, text string) {
	m.b.WriteString(strings.Repeat("  ", depth) + "- " + text + "\n")
}

func (m *menuWriter) prompt(depth int, keys []string, what, text string) {
	m.item(depth, what+" “"+mdText(text)+"”")
	m.prompts = append(m.prompts, prompt{keys: keys, text: text})
}

// branch writes a labelled branch and its commands one level deeper.
func (m *menuWriter) branch(depth int, label string, cmds []verbs.Command, keys []string) {
	m.item(depth, label)
	if len(cmds) == 0 {
		m.item(depth+1, "(nothing)")
		return
	}
	m.list(cmds, depth+1, keys)
}

func (m *menuWriter) list(cmds []verbs.Command, depth int, keys []string) {
	if depth > maxListDepth {
		m.item(depth, "(nested too deep)")
		return
	}
	for _, c := range cmds {
		m.command(c, depth, keys)
	}
}

func (m *menuWriter) command(c verbs.Command, depth int, keys []string) {
	switch v := c.(type) {
	case nil, *verbs.Comment, *verbs.Meta:
	case *verbs.Say:
		if v != nil {
			m.prompt(depth, keys, "Say", v.Text)
		}
	case *verbs.Play:
		if v != nil {
			m.playPrompt(depth, keys, v)
		}
	case *verbs.Gather:
		if v != nil {
			m.gather(v, depth, keys)
		}
	case *verbs.Dial:
		if v == nil {
			return
		}
		m.item(depth, "Dial "+mdText(strings.Join(verbs.Destinations(v), ", ")))
		for _, ch := range v.Children {
			if e, ok := ch.(*verbs.Error); ok && e != nil {
				m.branch(depth+1, "If nobody answers:", e.Commands, keys)
			}
		}
	case *verbs.Error:
		if v != nil {
			m.branch(depth, "If that fails:", v.Commands, keys)
		}
	case *verbs.Callback:
		if v == nil {
			return
		}
		m.item(depth, "Continue with the document from "+mdText(v.URL))
		errorChild(m, v.Children, depth, keys)
	case *verbs.Curl:
		if v == nil {
			return
		}
		m.item(depth, "Request "+mdText(v.URL))
		errorChild(m, v.Children, depth, keys)
	case *verbs.Call:
		if v != nil {
			m.branch(depth, "If "+mdText(v.Field+" = "+v.Value.Val)+":", v.Commands, keys)
		}
	case *verbs.Geo:
		if v != nil {
			m.branch(depth, "If the caller is in "+mdText(geoWhere(v))+":", v.Commands, keys)
		}
	case *verbs.Schedule:
		if v != nil {
			m.branch(depth, "If the time is "+mdText(scheduleWhen(v))+":", v.Commands, keys)
		}
	case *verbs.Record:
		if v == nil {
			return
		}
		if len(v.Commands) > 0 {
			m.branch(depth, "Record"+mdText(tagged(v.Tag))+", while recording:", v.Commands, keys)
			return
		}
		m.item(depth, "Record"+mdText(tagged(v.Tag)))
	default:
		if label, ok := commandLabel(c); ok {
			m.item(depth, mdText(label))
		}
	}
}

func (m *menuWriter) playPrompt(depth int, keys []string, p *verbs.Play) {
	if p.Record != "" {
		m.prompt(depth, keys, "Play recording", p.Record)
		return
	}
	m.prompt(depth, keys, "Play", p.URL)
}

// errorChild writes the <Error> child of a Callback or Curl.
func errorChild[C verbs.Node](m *menuWriter, children []C, depth int, keys []string) {
	for _, ch := range children {
		if e, ok := verbs.Node(ch).(*verbs.Error); ok && e != nil {
			m.branch(depth+1, "If that fails:", e.Commands, keys)
		}
	}
}

func (m *menuWriter) gather(g *verbs.Gather, depth int, keys []string) {
	label := "Menu"
	if n := g.DTMFLength; n.Set {
		label += ", " + strconv.Itoa(n.Val) + " digit(s)"
	} else if n := g.NumDigits; n.Set {
		label += ", " + strconv.Itoa(n.Val) + " digit(s)"
	}
	stop := g.DTMFStop
	if stop == "" {
		stop = g.FinishOnKey
	}
	if stop != "" {
		label += ", " + stop + " ends the entry"
	}
	url := g.URL
	if url == "" {
		url = g.Callback
	}
	if url != "" {
		label += ", the digits go to " + url
	}
	m.item(depth, mdText(label)+":")
	for _, c := range g.Children {
		m.gatherChild(c, depth+1, keys)
	}
}

func (m *menuWriter) gatherChild(c verbs.Node, depth int, keys []string) {
	switch v := c.(type) {
	case *verbs.Say:
		if v != nil {
			m.prompt(depth, keys, "Say", v.Text)
		}
	case *verbs.Play:
		if v != nil {
			m.playPrompt(depth, keys, v)
		}
	case *verbs.DTMF:
		if v != nil {
			m.branch(depth, "Press **"+mdText(v.Value)+"**:", v.Commands, withKey(keys, v.Value))
		}
	case *verbs.Case:
		if v != nil {
			m.branch(depth, "Press **"+mdText(v.DTMF)+"**:", v.Commands, withKey(keys, v.DTMF))
		}
	case *verbs.Default:
		if v != nil {
			m.branch(depth, "Otherwise (Default):", v.Commands, withKey(keys, "default"))
		}
	case *verbs.Error:
		if v != nil {
			m.branch(depth, "On error:", v.Commands, withKey(keys, "error"))
		}
	case *verbs.Switch:
		if v != nil {
			for _, sc := range v.Children {
				m.gatherChild(sc, depth, keys)
			}
		}
	}
}

func withKey(keys []string, k string) []string {
	return append(append([]string(nil), keys...), k)
}

// mdText escapes the characters Markdown would read as markup, so text
// shows as written.
func mdText(s string) string {
	var b strings.Builder
	for _, r := range short1(s) {
		if strings.ContainsRune("\\`*_[]<>|", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCell escapes text for a table cell.
func mdCell(s string) string { return mdText(s) }

// short1 puts text on one line without cutting it.
func short1(s string) string {
	return strings.Join(strings.Fields(sanitize(s)), " ")
}
