package flowtest

// TB is the part of testing.TB that this package uses. *testing.T,
// *testing.B and *testing.F implement it; tests of test helpers can pass a
// fake that records the messages.
//
// After Fatalf the package's functions return at once, so a fake need not
// stop the goroutine as testing's FailNow does.
type TB interface {
	Helper()
	Name() string
	Logf(format string, args ...any)
	Errorf(format string, args ...any)
	Fatalf(format string, args ...any)
}
