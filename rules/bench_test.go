package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/jp"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
	"github.com/appilint/appilint/rules"
)

// syntheticPolicy returns a policy of about size bytes: the complete
// fixture policy repeated with renumbered headings, so every rule has work.
func syntheticPolicy(tb testing.TB, size int) []byte {
	tb.Helper()
	base, err := os.ReadFile(filepath.Join("..", "testdata", "policies", "complete.md"))
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	for i := 0; b.Len() < size; i++ {
		b.WriteString(strings.ReplaceAll(string(base), "## ", fmt.Sprintf("## %d-", i)))
		b.WriteString("\n")
	}
	return []byte(b.String())
}

func benchSizes() []int { return []int{20 << 10, 200 << 10, 2 << 20} }

func BenchmarkTokenize(b *testing.B) {
	t, err := jp.Tokenizer()
	if err != nil {
		b.Fatal(err)
	}
	text := string(syntheticPolicy(b, 20<<10))
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		jp.Tokenize(t, text, 0)
	}
}

func BenchmarkParse(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			data := syntheticPolicy(b, size)
			src, err := load.Bytes("bench.md", data, load.Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			b.ResetTimer()
			for b.Loop() {
				if _, err := parse.Source(src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkFacts(b *testing.B) {
	for _, size := range benchSizes() {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			doc := benchDoc(b, size)
			b.SetBytes(int64(len(doc.Orig)))
			b.ResetTimer()
			for b.Loop() {
				facts.Compute(doc)
			}
		})
	}
}

// BenchmarkRules measures the rules with facts included (engine.Run).
func BenchmarkRules(b *testing.B) {
	all := rules.All()
	for _, size := range benchSizes() {
		b.Run(fmt.Sprintf("%dKB", size>>10), func(b *testing.B) {
			doc := benchDoc(b, size)
			b.SetBytes(int64(len(doc.Orig)))
			b.ResetTimer()
			for b.Loop() {
				engine.Run(doc, all, engine.DefaultConfig())
			}
		})
	}
}

func BenchmarkEndToEnd(b *testing.B) {
	data := syntheticPolicy(b, 20<<10)
	all := rules.All()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		src, err := load.Bytes("bench.md", data, load.Options{})
		if err != nil {
			b.Fatal(err)
		}
		doc, err := parse.Source(src)
		if err != nil {
			b.Fatal(err)
		}
		engine.Run(doc, all, engine.DefaultConfig())
	}
}

func benchDoc(b *testing.B, size int) *model.Document {
	b.Helper()
	src, err := load.Bytes("bench.md", syntheticPolicy(b, size), load.Options{})
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parse.Source(src)
	if err != nil {
		b.Fatal(err)
	}
	return doc
}
