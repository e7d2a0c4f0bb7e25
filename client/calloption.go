package client

// CallOption adjusts a single call; pass it as the last arguments of any
// service method or of Client.Do.
type CallOption func(*callSettings) error

// callSettings collects what the call options set.
type callSettings struct {
	ambiguous   bool // RetryAmbiguous
	maxAttempts int  // 0 = the client's policy
}

// RetryAmbiguous lets a POST or PATCH be retried after a failure that leaves
// open whether Opentact executed it (a gateway error, a connection lost after
// the request was written, an attempt timeout, a 500 without field errors).
// The caller accepts that Opentact may then execute the request twice: a
// second SMS, a second purchase.
func RetryAmbiguous() CallOption {
	return func(s *callSettings) error {
		s.ambiguous = true
		return nil
	}
}

// MaxAttempts overrides the retry policy's MaxAttempts for this call; n
// must be at least 1, and 1 disables retries.
func MaxAttempts(n int) CallOption {
	return func(s *callSettings) error {
		if n < 1 {
			return invalidArg("MaxAttempts", "%d is below 1", n)
		}
		s.maxAttempts = n
		return nil
	}
}

// applyCallOptions folds opts into callSettings.
func applyCallOptions(opts []CallOption) (callSettings, error) {
	var s callSettings
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&s); err != nil {
			return s, err
		}
	}
	return s, nil
}
