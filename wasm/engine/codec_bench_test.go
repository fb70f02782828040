package engine_test

import (
	"testing"

	"factcard/wasm/engine"
)

// BenchmarkDecode opens the compiled dataset as the browser's engine does
// before its first answer: on every page with a candidate, the largest part
// of the engine's start (docs/performance.md, "The dataset's decoding").
func BenchmarkDecode(b *testing.B) {
	enc := string(realDataset(b).Encode())
	b.SetBytes(int64(len(enc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := engine.Decode(enc); err != nil {
			b.Fatal(err)
		}
	}
}
