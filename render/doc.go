// Package render validates, writes and parses Opentact call-flow documents
// (package verbs).
//
// Validate and Check apply every rule of the language: field rules through
// go-playground/validator, structural rules (counts, order, uniqueness, the
// legacy mix) in code, and lint warnings that never block rendering. All
// findings come back at once as Diagnostics, each naming an XPath-style path
// such as /Response/Gather[1]/DTMF[2]/@value and, for parsed documents, the
// line and column.
//
// Marshal and Encode validate and then write the canonical XML: the
// declaration, attributes in the language's order, self-closing empty
// elements, two-space indentation (or Compact), one escaping function for
// all text and attribute values. Append writes without validating into a
// caller's buffer and allocates nothing when the buffer is large enough.
//
// Parse and Decode read a document back into the same model. They are strict
// by default (an unknown element or attribute is an error with a "did you
// mean" suggestion), normalise the language's aliases, enforce size, depth
// and element-count limits, reject DTDs and custom entities, and report
// line:column for every problem. Lenient parsing keeps unknown elements and
// attributes as raw nodes that render back unchanged, with a warning for
// each.
package render
