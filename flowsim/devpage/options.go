package devpage

import (
	"strconv"

	"github.com/opentact-go/opentact/flowsim"
)

// Option configures a Server.
type Option func(*Server)

// SourceCode is how the generated test builds the source: Expr is a Go
// expression of a flowsim source, Imports the packages it needs.
type SourceCode struct {
	Expr    string
	Imports []string
}

// WithSourceCode sets how the generated test builds the source. Without it
// an XML source is written as a string literal, and a URL source as a
// handler the user fills in; other sources need it.
func WithSourceCode(c SourceCode) Option {
	return func(s *Server) {
		s.code.Expr = c.Expr
		s.code.Imports = append(s.code.Imports, c.Imports...)
	}
}

// WithSimOptions passes options to the simulator (flowsim.New). They are
// functions the generated test cannot write out: it says so in a comment.
// SimOption, Reply and Lenient pass options that the test repeats.
func WithSimOptions(opts ...flowsim.Option) Option {
	return func(s *Server) {
		for _, o := range opts {
			if o != nil {
				s.simOpts = append(s.simOpts, o)
				s.opaque++
			}
		}
	}
}

// SimOption passes opt to the simulator and code, the Go expression that
// makes it (`flowsim.GatherTimeout(3 * time.Second)`), to the generated
// test; imports are the packages code needs besides flowsim.
func SimOption(code string, opt flowsim.Option, imports ...string) Option {
	return func(s *Server) {
		s.simOpts = append(s.simOpts, opt)
		s.optCode = append(s.optCode, code)
		s.code.Imports = append(s.code.Imports, imports...)
	}
}

// Reply answers the call's requests whose URL starts with prefix with doc
// (flowsim.Reply), in the page's calls and in the generated test.
func Reply(prefix, doc string) Option {
	return SimOption("flowsim.Reply("+strconv.Quote(prefix)+", "+goString(doc)+")", flowsim.Reply(prefix, doc))
}

// Lenient passes over unknown elements instead of refusing the document
// (flowsim.Lenient), and the page checks documents leniently too.
func Lenient() Option {
	return func(s *Server) {
		SimOption("flowsim.Lenient()", flowsim.Lenient())(s)
		s.lenient = true
	}
}
