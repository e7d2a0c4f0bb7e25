package client

import (
	"context"
	"log/slog"
	"time"
)

// logAttempt writes the debug record of one attempt.
func (c *Client) logAttempt(ctx context.Context, r *request, attempt int, res attemptResult, next string, wait time.Duration) {
	if c.logger == nil {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", r.method),
		slog.String("path", r.displayPath()),
		slog.Int("attempt", attempt),
	}
	switch {
	case res.status != 0:
		attrs = append(attrs, slog.Int("status", res.status))
	case res.wrote:
		attrs = append(attrs, slog.String("error", "connection failed after the request was written"))
	default:
		attrs = append(attrs, slog.String("error", "connection failed before the request was written"))
	}
	if next != "" {
		attrs = append(attrs, slog.String("next", next), slog.Duration("wait", wait))
	}
	c.logger.LogAttrs(ctx, slog.LevelDebug, "opentact: request attempt", attrs...)
}
