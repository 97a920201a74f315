package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/corpus"
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

// loadDictionary loads the dictionary outside the timed loop: it is loaded
// once per process, and cold start is measured by .ci/perf.sh instead.
func loadDictionary(b *testing.B) {
	b.Helper()
	if _, err := jp.Tokenizer(); err != nil {
		b.Fatal(err)
	}
}

func BenchmarkParse(b *testing.B) {
	loadDictionary(b)
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
	loadDictionary(b)
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

// BenchmarkCorpus runs the real policies of the corpus (seeds and dev):
// parse is load, normalisation, structure and kagome; rules is facts and
// every rule. Per op is the whole corpus once; the ratio of the two is the
// share the profile target is about.
func BenchmarkCorpus(b *testing.B) {
	root := corpus.RootForTest(b, ".")
	sets, err := corpus.Sets(root)
	if err != nil {
		b.Fatal(err)
	}
	loadDictionary(b)
	var srcs []*load.Source
	size := 0
	for _, set := range sets {
		for _, path := range set.Docs() {
			src, err := load.File(path, load.Options{})
			if err != nil {
				b.Fatal(err)
			}
			srcs = append(srcs, src)
			size += len(src.Orig)
		}
	}
	docs := make([]*model.Document, len(srcs))
	for i, src := range srcs {
		if docs[i], err = parse.Source(src); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for i, src := range srcs {
				doc, err := parse.Source(src)
				if err != nil {
					b.Fatal(err)
				}
				docs[i] = doc
			}
		}
	})
	all := rules.All()
	b.Run("rules", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, doc := range docs {
				engine.Run(doc, all, engine.DefaultConfig())
			}
		}
	})
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
