package flowtest_test

import (
	"testing"

	"github.com/opentact-go/opentact/internal/compiletest"
)

// TestMisusesDoNotCompile compiles calls that pass something other than a
// document and expects the compiler to refuse each one: Golden and
// Equivalent take a Builder, not any.
func TestMisusesDoNotCompile(t *testing.T) {
	t.Parallel()
	misuses := []string{
		`flowtest.Golden(t, "testdata/menu.xml", "<Response/>")`,
		`flowtest.Golden(t, "testdata/menu.xml", []byte("<Response/>"))`,
		`flowtest.Equivalent(t, "<Response/>", "<Response/>")`,
		`flowtest.GoldenText(t, "testdata/call.txt", "0:00.000 Say: Hi")`,
		`flowtest.Golden(t, "testdata/menu.xml", flow.New(), flowtest.Response(nil))`,
	}
	const imports = "package misuse\n\nimport (\n\t\"testing\"\n\n\tflow \"github.com/opentact-go/opentact/builder\"\n\t\"github.com/opentact-go/opentact/flowtest\"\n)\n\n"
	compiletest.Refuses(t, compiletest.Program{
		Header:  imports + "var _ = flow.New\n\n",
		Func:    "func misuse(t *testing.T) {\n",
		Misuses: misuses,
		// A correct call next to them compiles, so the errors are the
		// misuses'.
		Fine: map[string]string{"fine.go": imports +
			"func fine(t *testing.T) {\n\tflowtest.Golden(t, \"testdata/menu.xml\", flow.New().Hangup(), flowtest.AllowWarnings())\n" +
			"\tflowtest.Equivalent(t, \"<Response/>\", flowtest.Response(nil))\n}\n"},
	})
}
