package events

import "encoding/json"

// CallFlow is the content of a call_flow event: the result of one call-flow
// command Opentact executed for a call.
type CallFlow struct {
	Name     string            // command name, e.g. "Answer", "Dial"
	Success  bool              // the command succeeded; false runs the command's <Error> block
	Reason   string            // human-readable outcome, e.g. "Call answered"
	Path     string            // position in the document, e.g. "Answer[0]"
	Tag      string            // the command's tag attribute, when the event carries it
	State    string            // generation B: e.g. "failed"
	ID       string            // generation B: uuid of the call-flow record
	Children []CallFlow        // results of nested commands
	Errors   []json.RawMessage // the "error" array, elements verbatim
	Element  json.RawMessage   // generation B: the parsed XML element, verbatim
	Command  json.RawMessage   // generation B: the command's attributes and failure details, verbatim
	Call     *Call             // the call at the time of the command (its state may lag)
}

func (*CallFlow) isDetail() {}

// decodeCallFlow builds the content of a call_flow event.
func decodeCallFlow(env *envelope) (*CallFlow, entity) {
	f := &CallFlow{}
	cmd, ok := commandObject(env)
	if ok {
		decodeCommand(cmd, f)
	}
	if f.Name == "" {
		f.Name = env.top.optString("command")
	}
	if !ok || !cmd.has("success") {
		f.Success = env.top.flag("success")
	}
	if env.gen == EnvelopeB {
		f.Call = decodeCall(env.top.obj("call"))
	} else if env.hasPayload {
		f.Call = decodeCall(env.payload.obj("call"))
	}
	return f, callEntity(f.Call)
}

// commandObject finds the object describing the executed command.
func commandObject(env *envelope) (object, bool) {
	if env.hasPayload {
		if cmd, ok := env.payload.optObj("command"); ok {
			return cmd, true
		}
	}
	if cmd, ok := env.top.optObj("call_flow"); ok {
		return cmd, true
	}
	if env.hasPayload && env.payload.isString("name") {
		return env.payload, true
	}
	return object{}, false
}

// decodeCommand fills f from a command object, recursing into children.
func decodeCommand(o object, f *CallFlow) {
	f.Name = o.str("name")
	f.Success = o.flag("success")
	f.Reason = o.str("reason")
	f.Path = o.str("path")
	f.State = o.str("state")
	f.ID = o.str("uuid")
	f.Errors = o.rawList("error")
	f.Element = o.raw("element")
	if c, ok := o.optObj("command"); ok {
		f.Command = c.rawSelf()
	}
	for i, raw := range o.rawList("children") {
		child, ok := o.d.parseObject(o.index("children", i), raw)
		if !ok {
			o.d.skipped = append(o.d.skipped, o.index("children", i))
			continue
		}
		var cf CallFlow
		decodeCommand(child, &cf)
		f.Children = append(f.Children, cf)
	}
	f.Tag = commandTag(o)
}

// commandTag returns the first non-empty string among the command's tag,
// element.tag, element.attributes.tag and command.tag.
func commandTag(o object) string {
	if t := o.optString("tag"); t != "" {
		return t
	}
	if el, ok := o.optObj("element"); ok {
		if t := el.optString("tag"); t != "" {
			return t
		}
		if attrs, ok := el.optObj("attributes"); ok {
			if t := attrs.optString("tag"); t != "" {
				return t
			}
		}
	}
	if c, ok := o.optObj("command"); ok {
		return c.optString("tag")
	}
	return ""
}
