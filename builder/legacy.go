package flow

import (
	"fmt"
	"time"

	"github.com/opentact-go/opentact/verbs"
)

// This file holds the legacy dialect of the "Inbound Call Control" page.
// render.Check marks every use of it with a "legacy" warning.

// NumDigits sets the legacy numDigits attribute of a Gather:
// <Gather numDigits="1">.
//
// Deprecated: legacy dialect; use DTMFLength.
func NumDigits(n int) NumDigitsAttr { return NumDigitsAttr{n} }

// Attempts sets the legacy attempts attribute of a Gather:
// <Gather attempts="2">.
//
// Deprecated: legacy dialect.
func Attempts(n int) AttemptsAttr { return AttemptsAttr{n} }

// GatherTimeout sets the legacy timeout attribute of a Gather, in whole
// milliseconds: GatherTimeout(10*time.Second) writes
// <Gather timeout="10000">.
//
// Deprecated: legacy dialect.
func GatherTimeout(d time.Duration) GatherTimeoutAttr { return GatherTimeoutAttr{d} }

// FinishOnKey sets the legacy finishOnKey attribute of a Gather:
// <Gather finishOnKey="*">.
//
// Deprecated: legacy dialect; use DTMFStop.
func FinishOnKey(key string) FinishOnKeyAttr { return FinishOnKeyAttr{key} }

// GatherCallback sets the legacy callback attribute of a Gather:
// <Gather callback="https://example.com/digits">.
//
// Deprecated: legacy dialect; use URL.
func GatherCallback(url string) GatherCallbackAttr { return GatherCallbackAttr{url} }

// GatherMethod sets the legacy method attribute of a Gather, GET or POST:
// <Gather method="POST">.
//
// Deprecated: legacy dialect.
func GatherMethod(m verbs.Method) GatherMethodAttr { return GatherMethodAttr{m} }

// DialTimeout sets the legacy timeout attribute of a Dial, whose unit the
// documentation does not give: <Dial timeout="30">.
//
// Deprecated: legacy dialect.
func DialTimeout(n int) DialTimeoutAttr { return DialTimeoutAttr{n} }

// DialRecord sets the legacy record attribute of a Dial:
// DialRecord(verbs.RecordFromAnswer) writes <Dial record="record-from-answer">.
//
// Deprecated: legacy dialect.
func DialRecord(mode verbs.DialRecord) DialRecordAttr { return DialRecordAttr{mode} }

// PromptList holds the legacy prompts inside a Gather; see Prompts.
//
// Deprecated: legacy dialect; put the prompts before the Gather.
type PromptList struct {
	// items are the prompts when some command could not be one (own is
	// not empty); otherwise every command of b is a prompt.
	items []item
	own   []issue
	b     sub
}

// Prompts puts the commands of prompts inside a legacy Gather, before its
// Switch: Gather(flow.NumDigits(1), flow.Prompts(flow.New().Say("Enter a
// digit")), flow.Switch(…)) writes
//
//	<Gather numDigits="1">
//	  <Say>Enter a digit</Say>
//	  <Switch>…</Switch>
//	</Gather>
//
// Only Say, Play and Pause (and comments and raw elements) may be
// prompts; any other command is reported by Build and left out.
//
// Deprecated: legacy dialect; put the prompts before the Gather.
func Prompts(prompts *Flow) PromptList {
	b := prompts.snapshot()
	if allGatherChildren(b.items()) {
		return PromptList{b: b} // every command can be a prompt: share the list
	}
	p := PromptList{b: b}
	for _, it := range b.items() {
		if isGatherChild(&it) {
			p.items = append(p.items, it)
			continue
		}
		name := it.name()
		if it.kind() == kindNode {
			name = it.node().ElementName()
		}
		p.own = append(p.own, issue{rule: "prompt",
			msg: fmt.Sprintf("<%s> cannot be a legacy prompt inside a Gather; only Say, Play and Pause can", name)})
	}
	return p
}

// allGatherChildren reports whether every command of items can be a child
// of a Gather.
func allGatherChildren(items []item) bool {
	for i := range items {
		if !isGatherChild(&items[i]) {
			return false
		}
	}
	return true
}

// isGatherChild reports whether the command it can be a child of a
// Gather, as the node types say.
func isGatherChild(it *item) bool {
	if k := it.kind(); k != kindNode {
		return gatherChildKinds[k]
	}
	_, ok := it.node().(verbs.GatherChild)
	return ok
}

// gatherChildKinds tells the kinds of records that can be children of a
// Gather, as the types of their nodes say, read once.
var gatherChildKinds = func() (t [len(kindNames)]bool) {
	for k := range t {
		var n verbs.Node
		switch kind(k) {
		case kindSay:
			n = (*verbs.Say)(nil)
		case kindPlay:
			n = (*verbs.Play)(nil)
		case kindPause:
			n = (*verbs.Pause)(nil)
		case kindError:
			n = (*verbs.Error)(nil)
		case kindComment:
			n = (*verbs.Comment)(nil)
		default:
			continue
		}
		_, t[k] = n.(verbs.GatherChild)
	}
	return t
}()

func (o PromptList) apply(s *settings) {
	s.own = append(s.own, o.own...)
	s.nested.merge(o.b.nested)
	items := o.items
	if len(o.own) == 0 {
		items = o.b.items()
	}
	for _, it := range items {
		s.addChild(it)
	}
	s.slow = s.slow || o.b.slow()
	s.depth = max(s.depth, o.b.depth())
}
func (PromptList) gatherOption() {}

// SwitchBlock is the legacy branch container of a Gather; see Switch.
//
// Deprecated: legacy dialect; give Digit branches to the Gather.
type SwitchBlock struct {
	node   *verbs.Switch
	nested *issues
}

// Switch adds the legacy branch container of a Gather, holding Case
// branches, a Default and an OnError block:
// Gather(flow.Switch(flow.Case("1", man), flow.Default(nobody))) writes
//
//	<Gather>
//	  <Switch>
//	    <Case dtmf="1">…</Case>
//	    <Default>…</Default>
//	  </Switch>
//	</Gather>
//
// Two Case branches with the same dtmf are reported by Build.
//
// Deprecated: legacy dialect; give Digit branches to the Gather.
func Switch(opts ...SwitchOption) SwitchBlock {
	var s settings
	collect(&s, opts)
	n, children := nodeWithChildren[verbs.Switch, verbs.SwitchChild](&s)
	*n = verbs.Switch{Children: children, Extra: s.extra}
	checkUnique(n.Children, caseKey, copyCase, "case", &s)
	s.nested.add(n, s.own...)
	return SwitchBlock{node: n, nested: s.nested.freeze()}
}

func (o SwitchBlock) apply(s *settings) {
	if o.node == nil {
		s.fail("", "switch", "zero SwitchBlock; use Switch")
		return
	}
	s.child(nodeItem(o.node), nil, o.nested, true, 0)
}
func (SwitchBlock) gatherOption() {}

// caseKey returns the dtmf of a legacy branch.
func caseKey(c verbs.SwitchChild) (string, bool) {
	if cs, ok := c.(*verbs.Case); ok && cs != nil {
		return cs.DTMF, true
	}
	return "", false
}

// copyCase returns a copy of the legacy branch c, a node of its own.
func copyCase(c verbs.SwitchChild) verbs.SwitchChild {
	cs := *c.(*verbs.Case)
	return &cs
}

// CaseBranch is a legacy branch of a Switch; see Case.
//
// Deprecated: legacy dialect; use Digit.
type CaseBranch struct {
	node   *verbs.Case
	nested *issues
}

// Case adds a legacy branch to a Switch whose commands run when the caller
// enters dtmf: <Case dtmf="1">…</Case>. A nil then is an empty branch.
//
// Deprecated: legacy dialect; use Digit.
func Case(dtmf string, then *Flow, attrs ...RawAttr) CaseBranch {
	b := then.snapshot()
	return CaseBranch{node: &verbs.Case{DTMF: dtmf, Commands: b.nodes(), Extra: extraOf(attrs)}, nested: b.nested}
}

func (o CaseBranch) apply(s *settings) {
	if o.node == nil {
		s.fail("", "case", "zero CaseBranch; use Case")
		return
	}
	// A branch given twice in one Switch gets a node of its own from
	// checkUnique; elsewhere every use shares the node.
	s.child(nodeItem(o.node), nil, o.nested, true, 0)
}
func (CaseBranch) switchOption() {}
