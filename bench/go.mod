module github.com/opentact-go/opentact/bench

go 1.26.0

replace github.com/opentact-go/opentact => ../

require (
	github.com/BTBurke/twiml v1.1.1
	github.com/opentact-go/opentact v0.0.0-00010101000000-000000000000
	github.com/plivo/plivo-go/v7 v7.60.2
	github.com/twilio/twilio-go v1.31.0
)

require (
	github.com/beevik/etree v1.1.0 // indirect
	github.com/coder/websocket v1.8.15 // indirect
	github.com/go-playground/locales v0.14.2 // indirect
	github.com/go-playground/universal-translator v0.18.2 // indirect
	github.com/gorilla/schema v1.1.0 // indirect
	github.com/leodido/go-urn v1.5.0 // indirect
	github.com/stretchr/testify v1.8.4 // indirect
	golang.org/x/net v0.43.0 // indirect
	golang.org/x/text v0.29.0 // indirect
)
