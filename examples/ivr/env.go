package main

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/opentact-go/opentact/webhook"
)

// The environment variables the IVR reads when it serves.
const (
	// envStateKey is the hex-encoded key that signs the state in Gather
	// URLs (at least webhook.MinStateKeyBytes bytes). Every instance
	// behind one load balancer needs the same key.
	envStateKey = "IVR_STATE_KEY"
	// envStateKeyPrevious is the key before the current one, which still
	// verifies the states handed out before a key rotation.
	envStateKeyPrevious = "IVR_STATE_KEY_PREVIOUS"
	// envPIN is the account PIN, four digits.
	envPIN = "IVR_PIN"
)

// defaultPIN is the account PIN when IVR_PIN is not set.
const defaultPIN = "2468"

// config is what the IVR's handler needs beyond its code.
type config struct {
	stateKeys  webhook.StateKeys
	accountPIN string
	urlOpts    []webhook.URLOption // how callback URLs are derived (trusted proxies)
	now        func() time.Time    // the clock that dates states; nil for time.Now
}

// configFromEnv reads the configuration from the environment through
// getenv. Without IVR_STATE_KEY it signs with a random key, fine for one
// instance, and says so on log.
func configFromEnv(getenv func(string) string, log io.Writer) (config, error) {
	var cfg config
	cur, err := decodeKey(envStateKey, getenv(envStateKey))
	if err != nil {
		return cfg, err
	}
	if cur == nil {
		cur = make([]byte, webhook.MinStateKeyBytes)
		if _, err := rand.Read(cur); err != nil {
			return cfg, fmt.Errorf("ivr: drawing a state key: %w", err)
		}
		fmt.Fprintf(log, "ivr: %s is not set: signing state with a random key (states do not survive a restart or reach another instance)\n", envStateKey)
	}
	prev, err := decodeKey(envStateKeyPrevious, getenv(envStateKeyPrevious))
	if err != nil {
		return cfg, err
	}
	cfg.stateKeys = webhook.StateKeys{Current: cur, Previous: prev}
	cfg.accountPIN = getenv(envPIN)
	if cfg.accountPIN == "" {
		cfg.accountPIN = defaultPIN
	}
	if !isPIN(cfg.accountPIN) {
		return cfg, fmt.Errorf("ivr: %s must be four digits", envPIN)
	}
	return cfg, nil
}

// decodeKey decodes the hex key in the variable name, nil when it is
// empty. The key itself never appears in an error.
func decodeKey(name, v string) ([]byte, error) {
	if v == "" {
		return nil, nil
	}
	k, err := hex.DecodeString(v)
	if err != nil {
		return nil, fmt.Errorf("ivr: %s is not hexadecimal", name)
	}
	if len(k) < webhook.MinStateKeyBytes {
		return nil, fmt.Errorf("ivr: %s has %d bytes, want at least %d (%d hex digits)", name, len(k), webhook.MinStateKeyBytes, 2*webhook.MinStateKeyBytes)
	}
	return k, nil
}

// isPIN reports whether s is four decimal digits.
func isPIN(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
