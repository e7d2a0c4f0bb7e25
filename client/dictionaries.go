package client

import (
	"context"
	"time"
)

// DictionariesService reads reference lists: text-to-speech voices,
// countries and SIP products.
type DictionariesService service

// Voice is a text-to-speech voice; Code, Type and Gender are what the
// call-flow Say command takes.
type Voice struct {
	UUID            string      `json:"uuid"`
	Type            VoiceType   `json:"type"`
	Code            string      `json:"code"` // e.g. en-US
	Name            string      `json:"name"`
	Gender          VoiceGender `json:"gender"`
	SampleRateHertz int         `json:"naturalSampleRateHertz"`
	CreatedOn       time.Time   `json:"created_on"`
	ModifiedOn      time.Time   `json:"modified_on"`
}

// Country is a country known to Opentact.
type Country struct {
	Name         string `json:"name"`
	Alpha2       string `json:"a2"`           // ISO 3166 alpha-2, e.g. US
	Alpha3       string `json:"a3"`           // ISO 3166 alpha-3
	Numeric      int    `json:"n"`            // ISO 3166 numeric
	CallingCode  int    `json:"country_code"` // e.g. 1
	NationalCode int    `json:"national_code"`
}

// Voices returns the text-to-speech voices (GET /dict/gtts).
func (s *DictionariesService) Voices(ctx context.Context, opts ...CallOption) ([]*Voice, error) {
	return listAt[Voice](ctx, s.client, "Dictionaries.Voices", "/dict/gtts", opts)
}

// Countries returns the countries (GET /dict/country).
func (s *DictionariesService) Countries(ctx context.Context, opts ...CallOption) ([]*Country, error) {
	return listAt[Country](ctx, s.client, "Dictionaries.Countries", "/dict/country", opts)
}

// SIPProducts returns the SIP products (GET /sip/product), whose ID is the
// product of SIP connections, SIP control apps and outbound voice profiles.
func (s *DictionariesService) SIPProducts(ctx context.Context, opts ...CallOption) ([]*SIPProduct, error) {
	return listAt[SIPProduct](ctx, s.client, "Dictionaries.SIPProducts", "/sip/product", opts)
}

// MatchVoice returns the first voice with this code whose type and gender
// match; an empty typ or gender matches any.
func MatchVoice(voices []*Voice, code string, typ VoiceType, gender VoiceGender) (*Voice, bool) {
	for _, v := range voices {
		if v == nil || v.Code != code {
			continue
		}
		if (typ == "" || v.Type == typ) && (gender == "" || v.Gender == gender) {
			return v, true
		}
	}
	return nil, false
}
