package client

// The enumerations are open: values Opentact adds later decode without error
// and are kept as they are.

// NumberType is the kind of a phone number.
type NumberType string

// Number types.
const (
	NumberTypeLongCode NumberType = "long_code" // a local number
	NumberTypeTollFree NumberType = "toll_free"
)

// Feature is a capability ordered with a number.
type Feature string

// Features.
const (
	FeatureVoice Feature = "voice"
	FeatureSMS   Feature = "sms"
)

// OrderState is the progress of a number order.
type OrderState string

// Order states: created → verify → processing → success or failed.
const (
	OrderCreated    OrderState = "created"
	OrderVerify     OrderState = "verify"
	OrderProcessing OrderState = "processing"
	OrderSuccess    OrderState = "success"
	OrderFailed     OrderState = "failed"
)

// MessageType is the direction of an SMS.
type MessageType string

// Message types.
const (
	MessageOutbound       MessageType = "smso" // sent
	MessageInbound        MessageType = "smsi" // received
	MessageSMSR           MessageType = "smsr" // seen in some send replies; meaning unknown
	MessageOutboundLegacy MessageType = "sms"  // sent, in older search rows
)

// MessageState is the delivery state of an SMS.
type MessageState string

// Message states: outbound created → sending → sent, or failed; inbound
// created, success or failed.
const (
	MessageCreated  MessageState = "created"
	MessageSending  MessageState = "sending"
	MessageSent     MessageState = "sent"
	MessageFailed   MessageState = "failed"
	MessageReceived MessageState = "success"
)

// CallDirection says whether a call came in or went out.
type CallDirection string

// Call directions.
const (
	DirectionIn  CallDirection = "in"
	DirectionOut CallDirection = "out"
)

// HTTPMethod is how Opentact calls a webhook or call-flow URL.
type HTTPMethod string

// HTTP methods for webhooks.
const (
	MethodGet  HTTPMethod = "GET"
	MethodPost HTTPMethod = "POST"
)

// MediaType is how a SIP trunk handles media.
type MediaType string

// Media types.
const (
	MediaBypass           MediaType = "Bypass Media"
	MediaProxyTranscoding MediaType = "Proxy Media + Transcoding"
	MediaProxy            MediaType = "Proxy Media"
)

// ShakenVerifyPolicy is how STIR/SHAKEN identities of inbound calls are checked.
type ShakenVerifyPolicy int

// STIR/SHAKEN verification policies.
const (
	ShakenVerifyOff     ShakenVerifyPolicy = 0 // do not check the caller's identity
	ShakenBlockMissing  ShakenVerifyPolicy = 1 // block calls without an identity
	ShakenBlockInvalid  ShakenVerifyPolicy = 2 // block calls with an invalid identity
	ShakenAllowFailures ShakenVerifyPolicy = 3 // let calls through when verification fails
)

// AttestationLevel is a STIR/SHAKEN attestation level.
type AttestationLevel string

// Attestation levels.
const (
	AttestationA AttestationLevel = "A" // full
	AttestationB AttestationLevel = "B" // partial
	AttestationC AttestationLevel = "C" // gateway
)

// Gender of a user or SIP user.
type Gender string

// Genders.
const (
	GenderMale   Gender = "Male"
	GenderFemale Gender = "Female"
	GenderOther  Gender = "Other"
)

// Role of a portal user.
type Role string

// Roles.
const (
	RoleUser     Role = "User"
	RoleAdmin    Role = "Admin"
	RoleProvider Role = "Provider"
)

// AccountLevel is the verification level of an account.
type AccountLevel string

// Account levels.
const (
	LevelServiceAccount AccountLevel = "ServiceAccount"
	Level0              AccountLevel = "Level0"
	Level1              AccountLevel = "Level1"
	Level2              AccountLevel = "Level2"
)

// VoiceType is the quality class of a text-to-speech voice.
type VoiceType string

// Voice types.
const (
	VoiceStandard VoiceType = "Standard"
	VoiceWaveNet  VoiceType = "WaveNet"
)

// VoiceGender is the gender of a text-to-speech voice.
type VoiceGender string

// Voice genders.
const (
	VoiceMale   VoiceGender = "MALE"
	VoiceFemale VoiceGender = "FEMALE"
)
