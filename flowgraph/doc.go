// Package flowgraph draws Opentact call flows: it turns a document into a
// directed graph of its commands, with an edge for every way a call can go
// from one command to the next, and writes that graph as Mermaid (rendered
// by GitHub in Markdown), Graphviz DOT or a standalone SVG picture. It also
// writes the menu tree of a flow as Markdown (every prompt under the keys
// that lead to it) and reports flow lints that need the whole flow in view.
//
// A node is a command (Say, Gather, Dial, …), a URL the flow fetches, or
// the end of a document. The edges:
//
//	next      the command that runs after this one
//	dtmf      a <DTMF value> (or legacy <Case dtmf>) branch, or, with
//	          GatherDigits, from a Gather url's node to the document its
//	          server answers for those digits; Label is the keys
//	default   the <Default> branch of a Gather or Switch
//	error     an <Error>: the child of Dial, Gather, Callback, Curl, or the
//	          item that follows a failing command in a list
//	match     the commands of a Call, Geo or Schedule that match; their
//	          "otherwise" is a next edge
//	record    the commands a container <Record> runs while recording
//	fetch     a Gather url, Callback url or Curl url, to its URL node
//	document  from a URL node to the first command of the fetched document
//	          ("other digits" when GatherDigits named the Gather url's keys)
//
// How a call moves, as the graph draws it (xml.md): commands run top to
// bottom; the last command of a branch continues with what follows the
// element that holds the branch; after a Dial the flow goes on once the
// dialled party hangs up; a Callback hands the rest of the call to the
// document its URL returns, so nothing after it is drawn as reachable from
// it; Hangup ends the call.
//
// Nodes are numbered in document order (n1, n2, …), so the output of every
// format is byte-for-byte stable for a given document.
package flowgraph
