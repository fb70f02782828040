//go:build js && wasm

package main

// compiledDataset is the dataset compiled from data/. This file holds an
// empty placeholder so that the package builds and vets on a fresh clone;
// `go run ./build` swaps in the compiled dataset with go build -overlay, so
// a build never rewrites a file in the source tree. A wasm built without
// the overlay reports the missing dataset through __factcardInit.
const compiledDataset = ""
