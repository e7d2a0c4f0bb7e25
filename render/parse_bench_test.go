package render

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkParseIVR parses the Gather page's multi-level IVR.
func BenchmarkParseIVR(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("testdata", "docs", "gather-1.xml"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseDocument(src); err != nil {
			b.Fatal(err)
		}
	}
}
