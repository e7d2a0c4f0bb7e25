package webhook

import (
	"fmt"

	"github.com/opentact-go/opentact/render"
)

// defaultFallback is the fallback flow when no option sets one: a short
// apology, then hang up, so the caller never hears dead air. These are the
// renderer's bytes for that document.
const defaultFallback = `<?xml version="1.0" encoding="UTF-8"?>
<Response>
  <Say>Sorry, we cannot take your call right now. Please try again later.</Say>
  <Hangup/>
</Response>
`

// renderFallback returns the bytes of the fallback flow the options chose,
// rendered or checked once. A WithFallbackXML document must parse strictly
// and, like a WithFallback one, have no validation error.
func (s *settings) renderFallback() ([]byte, error) {
	switch {
	case s.fallbackXML != nil:
		doc, err := render.ParseDocument(s.fallbackXML)
		if err == nil {
			err = doc.Check().Err()
		}
		if err != nil {
			return nil, fmt.Errorf("webhook: WithFallbackXML: %w", err)
		}
		return s.fallbackXML, nil
	case s.fallback != nil:
		out, err := render.Marshal(s.fallback)
		if err != nil {
			return nil, fmt.Errorf("webhook: WithFallback: %w", err)
		}
		return out, nil
	}
	return []byte(defaultFallback), nil
}
