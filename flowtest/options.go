package flowtest

// Option changes how Golden, GoldenText and Equivalent check a document.
type Option func(*settings)

type settings struct {
	allowWarnings bool
}

// AllowWarnings accepts a document whose render.Check findings include
// warnings (a command after Hangup that never runs, a legacy element, …).
// Without it such a document fails the test, with every warning listed,
// although it is still compared.
func AllowWarnings() Option {
	return func(s *settings) { s.allowWarnings = true }
}

// settingsOf applies opts.
func settingsOf(opts []Option) settings {
	var s settings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	return s
}
