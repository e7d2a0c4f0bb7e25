package gen

// Sub-flows become named variables: how their names are chosen and where
// they are declared.

import (
	"go/token"
	"strconv"
	"strings"

	"github.com/opentact-go/opentact/verbs"
)

// list returns the chained expression building a command list.
func (g *gen) list(cmds []verbs.Command) string {
	var b strings.Builder
	b.WriteString("flow.New()")
	sep := ".\n" // one command per line
	if len(cmds) == 1 {
		sep = "."
	}
	for _, c := range cmds {
		b.WriteString(sep)
		b.WriteString(g.command(c))
	}
	return b.String()
}

// sub returns the expression for a nested command list: a new variable
// named after hint when the list is long or nested, the inline chain
// otherwise.
func (g *gen) sub(cmds []verbs.Command, hint string) string {
	if len(cmds) == 0 {
		return "flow.New()"
	}
	expr := g.list(cmds)
	if len(cmds) == 1 && !hasContent(cmds[0]) {
		return expr
	}
	// Variables are named once all uses are known: the code holds a
	// placeholder until then.
	if i, ok := g.hoisted[expr]; ok {
		g.vars[i].hints = append(g.vars[i].hints, hint) // the same commands again: reuse the variable
		return placeholder(i)
	}
	i := len(g.vars)
	g.vars = append(g.vars, variable{expr: expr, hints: []string{hint}})
	g.hoisted[expr] = i
	return placeholder(i)
}

// hasContent reports whether c holds nested commands or children, more
// than the one destination of a Dial.
func hasContent(c verbs.Command) bool {
	n := 0
	verbs.EachEntry(c, func(int, verbs.Node) { n++ })
	if _, dial := c.(*verbs.Dial); dial {
		return n > 1
	}
	return n > 0
}

// variable is a hoisted command list and the names its uses suggest.
type variable struct {
	expr  string
	hints []string
}

// placeholder stands for the name of variable i until name replaces it;
// placeholder(len(vars)) marks a declaration, named in order.
func placeholder(i int) string { return "\x00" + strconv.Itoa(i) + "\x00" }

// name replaces the placeholders in code by variable names. A variable
// used once is named after its use (digit1, dialError); one used at
// places suggesting different names gets the name they share (onError for
// dialError and callbackError) or "shared".
func (g *gen) name(code string) string {
	names := make([]string, len(g.vars))
	for i, v := range g.vars {
		hint := v.hints[0]
		for _, h := range v.hints[1:] {
			if h != hint {
				hint = "shared"
				if strings.HasSuffix(v.hints[0], "Error") && strings.HasSuffix(h, "Error") {
					hint = "onError"
				}
			}
		}
		names[i] = g.fresh(hint)
	}
	decl := placeholder(len(g.vars))
	var b strings.Builder
	next := 0
	for {
		start := strings.IndexByte(code, 0)
		if start < 0 {
			b.WriteString(code)
			return b.String()
		}
		end := start + 1 + strings.IndexByte(code[start+1:], 0)
		b.WriteString(code[:start])
		if code[start:end+1] == decl {
			b.WriteString(names[next])
			next++
		} else {
			i, _ := strconv.Atoi(code[start+1 : end])
			b.WriteString(names[i])
		}
		code = code[end+1:]
	}
}

// fresh returns an unused variable name made from hint.
func (g *gen) fresh(hint string) string {
	if token.Lookup(hint).IsKeyword() {
		hint += "Flow"
	}
	name := hint
	for i := 2; g.names[name]; i++ {
		name = hint + strconv.Itoa(i)
	}
	g.names[name] = true
	return name
}
