package rx

import (
	"strings"
	"testing"
)

func TestIndexLit(t *testing.T) {
	long := strings.Repeat("当社は個人情報を適切に管理します。", 10)
	texts := []string{"", "提供", benchSentence, long, long + "提供", "ああああ" + long, strings.Repeat("\x8f", 200) + "提供",
		strings.Repeat("供", 100) + "提供", "abc" + strings.Repeat("é", 80) + "café"}
	lits := []string{"提供", "委託先", "管理します。", "供", "ab", "café", "é", "\x8f提供", "ます。当社"}
	for _, s := range texts {
		for _, lit := range lits {
			if got, want := indexLit(s, lit), strings.Index(s, lit); got != want {
				t.Errorf("indexLit(%.20q…, %q) = %d, want %d", s, lit, got, want)
			}
		}
	}
}

func FuzzIndexLit(f *testing.F) {
	f.Add(benchSentence, "委託先")
	f.Add(strings.Repeat("供", 100)+"提供", "提供")
	f.Fuzz(func(t *testing.T, s, lit string) {
		if got, want := indexLit(s, lit), strings.Index(s, lit); got != want {
			t.Fatalf("indexLit(%q, %q) = %d, want %d", s, lit, got, want)
		}
	})
}

// BenchmarkIndexLit compares the search with strings.Index on Japanese
// text, for literals absent (the usual case: a confirmation that fails)
// and present near the end.
func BenchmarkIndexLit(b *testing.B) {
	text := benchSentence + benchSentence + benchSentence // about 700 bytes
	for _, lit := range []string{"開示請求", "監督を行います", "マーケティング"} {
		b.Run(lit+"/indexLit", func(b *testing.B) {
			for b.Loop() {
				indexLit(text, lit)
			}
		})
		b.Run(lit+"/strings.Index", func(b *testing.B) {
			for b.Loop() {
				strings.Index(text, lit)
			}
		})
	}
}
