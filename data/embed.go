package data

import "embed"

// files is the dataset as it was when the program was built, so that the
// command-line tools work anywhere, without a checkout.
//
//go:embed dataset.yaml press-names.yaml sources entities listings
var files embed.FS

// LoadEmbedded loads and validates the dataset built into the program.
func LoadEmbedded() (*Dataset, error) { return LoadFS(files, "data") }
