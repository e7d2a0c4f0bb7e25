module github.com/opentact-go/opentact

go 1.24.0

require (
	github.com/coder/websocket v1.8.15
	github.com/go-playground/validator/v10 v10.28.0
	github.com/google/go-cmp v0.7.0
)

require (
	github.com/gabriel-vasile/mimetype v1.4.10 // indirect
	github.com/go-playground/locales v0.14.1 // indirect
	github.com/go-playground/universal-translator v0.18.1 // indirect
	github.com/leodido/go-urn v1.4.0 // indirect
	golang.org/x/crypto v0.42.0 // indirect
	golang.org/x/sys v0.36.0 // indirect
	golang.org/x/text v0.29.0 // indirect
)
