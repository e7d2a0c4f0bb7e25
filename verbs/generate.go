package verbs

//go:generate go run ../internal/elemgen ..
