package client

import (
	"context"
	"time"
)

// TNProfilesService reads TN profiles (/profile/tn).
type TNProfilesService service

// TNProfile is a number product: a country, a provider and its prices.
type TNProfile struct {
	UUID                string    `json:"uuid"`
	Name                string    `json:"name"` // e.g. "US"
	Description         string    `json:"description"`
	IsActive            bool      `json:"is_active"`
	Priority            string    `json:"priority"` // high, normal, low
	TollFree            bool      `json:"toll_free"`
	SearchValidator     string    `json:"tn_search_validator"` // regular expression for search input
	SearchPlaceholder   string    `json:"tn_search_placeholder"`
	SearchTooltip       string    `json:"tn_search_tooltip"`
	NRC                 float64   `json:"nrc"` // one-time price of a number
	MRC                 float64   `json:"mrc"` // monthly price of a number
	VoiceNRC            float64   `json:"voice_nrc"`
	VoiceMRC            float64   `json:"voice_mrc"`
	VoiceInboundPerMin  float64   `json:"voice_incoming_per_min_cost"`
	VoiceOutboundPerMin float64   `json:"voice_outgoing_per_min_cost"`
	SMSNRC              float64   `json:"sms_nrc"`
	SMSMRC              float64   `json:"sms_mrc"`
	SMSPerSend          float64   `json:"sms_per_send_cost"`
	SMSPerReceive       float64   `json:"sms_per_receive_cost"`
	Country             *Country  `json:"country"`
	CreatedOn           time.Time `json:"created_on"`
	ModifiedOn          time.Time `json:"modified_on"`
}

// UnmarshalJSON accepts the object, {}, null or a bare uuid string.
func (p *TNProfile) UnmarshalJSON(b []byte) error {
	type plain TNProfile
	return unmarshalRef(b, "TN profile", (*plain)(p), func(s string) { p.UUID = s }, nil)
}

// List returns the TN profiles (GET /profile/tn).
func (s *TNProfilesService) List(ctx context.Context, opts ...CallOption) ([]*TNProfile, error) {
	return listAt[TNProfile](ctx, s.client, "TNProfiles.List", "/profile/tn", opts)
}

// Get returns one TN profile (GET /profile/tn/{uuid}).
func (s *TNProfilesService) Get(ctx context.Context, uuid string, opts ...CallOption) (*TNProfile, error) {
	return getAt[TNProfile](ctx, s.client, "TNProfiles.Get", "/profile/tn/{uuid}", opts, uuid)
}
