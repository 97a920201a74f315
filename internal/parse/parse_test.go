package parse

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
)

// checkDocument asserts the invariants every later stage relies on.
func checkDocument(t *testing.T, name string, data []byte) {
	t.Helper()
	src, err := load.Bytes(name, data, load.Options{})
	if err != nil {
		return // bad input is the loader's to report
	}
	doc, err := Source(src)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.OrigOffset) != len(doc.Text)+1 {
		t.Fatalf("offset map has %d entries for %d bytes", len(doc.OrigOffset), len(doc.Text))
	}
	for i := 1; i < len(doc.Sentences); i++ {
		if doc.Sentences[i].Span.Start < doc.Sentences[i-1].Span.End {
			t.Fatalf("sentence %v before or inside the one before it, %v", doc.Sentences[i].Span, doc.Sentences[i-1].Span)
		}
	}
	for _, b := range doc.Blocks {
		var want []*model.Sentence
		for _, s := range doc.Sentences {
			if s.Block == b {
				want = append(want, s)
			}
		}
		if got := doc.SentencesOf(b); !slices.Equal(got, want) {
			t.Fatalf("SentencesOf(block %v) = %d sentences, want %d", b.Span, len(got), len(want))
		}
	}
	for _, s := range doc.Sentences {
		if s.Span.Start < 0 || s.Span.End > len(doc.Text) || s.Span.Start >= s.Span.End {
			t.Fatalf("sentence span %v outside text of %d bytes", s.Span, len(doc.Text))
		}
		if doc.Text[s.Span.Start:s.Span.End] != s.Text {
			t.Fatalf("sentence text does not match its span")
		}
		if !s.Block.Span.Contains(s.Span) {
			t.Fatalf("sentence %v outside its block %v", s.Span, s.Block.Span)
		}
		for _, c := range s.Clauses {
			if !s.Span.Contains(c.Span) {
				t.Fatalf("clause %v outside sentence %v", c.Span, s.Span)
			}
		}
		// Every position lies inside the input and maps back to the same text.
		a, b := doc.OrigRange(s.Span)
		if a < 0 || b > len(doc.Orig) || a > b {
			t.Fatalf("orig range [%d,%d) outside input of %d bytes", a, b, len(doc.Orig))
		}
		start, end := doc.Range(s.Span)
		if start.Line < 1 || start.Column < 1 || end.Line < start.Line {
			t.Fatalf("bad position %+v..%+v", start, end)
		}
		if src.Format == "txt" && utf8.ValidString(doc.Orig[a:b]) && !sameLetters(doc.Orig[a:b], s.Text) {
			t.Fatalf("sentence %q maps back to %q", s.Text, doc.Orig[a:b])
		}
	}
}

// sameLetters compares the first letter of two strings after normalisation
// differences that are expected (width, spaces) are ignored: the mapped
// original must begin where the sentence begins.
func sameLetters(orig, norm string) bool {
	o, _ := utf8.DecodeRuneInString(strings.TrimSpace(orig))
	n, _ := utf8.DecodeRuneInString(strings.TrimSpace(norm))
	if o == n {
		return true
	}
	// Folded characters (全角→半角, 半角カナ→全角, 和暦→西暦) differ by design.
	return o >= 0x80 || n >= 0x80 || o == utf8.RuneError
}

func TestParseInvariants(t *testing.T) {
	for _, s := range []string{
		"# 方針\n当社は、個人情報を適切に取り扱います。\n| 項目 | 内容 |\n|---|---|\n| 住所 | 東京都 |\n",
		"令和４年４月１日改定\r\n第二十七条に基づき、提供しません。\r\n",
		"<html><body><h1>方針</h1><p>当社は<br>個人情報を</p><table><tr><td>a</td><td>b</td></tr></table></body></html>",
	} {
		checkDocument(t, "t.txt", []byte(s))
		checkDocument(t, "t.md", []byte(s))
		checkDocument(t, "t.html", []byte(s))
	}
}

// FuzzParse: no panic, every span inside the input and mapping back to it,
// and the same output for the same input.
func FuzzParse(f *testing.F) {
	f.Add("t.md", []byte("# 見出し\n本文です。（括弧。）\n- 項目"))
	f.Add("t.txt", []byte("第1条（目的）\n当社は、提供しません。\n\n\n平成30年"))
	f.Add("t.html", []byte("<p>a<b>b</b></p><ul><li>x</li></ul>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if !strings.HasSuffix(name, ".md") && !strings.HasSuffix(name, ".html") {
			name = "t.txt"
		}
		checkDocument(t, name, data)
		src, err := load.Bytes(name, data, load.Options{})
		if err != nil {
			return
		}
		a, _ := Source(src)
		b, _ := Source(src)
		var da, db bytes.Buffer
		Dump(&da, a, false)
		Dump(&db, b, false)
		if da.String() != db.String() {
			t.Fatal("parse is not deterministic")
		}
	})
}
