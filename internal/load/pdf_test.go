package load

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// requirePdftotext skips a test that needs poppler's pdftotext where it is
// not installed, except in CI (CI=true), which installs poppler-utils and
// must not pass by skipping.
func requirePdftotext(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath(pdftotext); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("pdftotext is not installed; CI must install the Debian package poppler-utils")
		}
		t.Skip("pdftotext is not installed (Debian package poppler-utils): skipping PDF extraction tests")
	}
}

// checkPDFMapping asserts the Source invariants and that each character
// of Text comes from the same character of Orig, or (tabs for column gaps)
// from a space.
func checkPDFMapping(t testing.TB, src *Source) {
	t.Helper()
	checkSource(t, src)
	for i, r := range src.Text {
		o := src.TextOffset[i]
		switch {
		case strings.HasPrefix(src.Orig[o:], string(r)):
		case (r == '\t' || r == ' ') && src.Orig[o] == ' ':
		default:
			t.Fatalf("Text[%d] = %q maps to %.10q at %d", i, r, src.Orig[o:], o)
		}
	}
}

// squeeze removes whitespace and list and heading markers, which differ
// between the text and its PDF rendering.
func squeeze(s string) string {
	var b strings.Builder
	for _, ln := range strings.Split(s, "\n") {
		ln = strings.TrimLeft(ln, " #")
		ln = strings.TrimPrefix(ln, "- ")
		ln = strings.TrimPrefix(ln, "・")
		b.WriteString(strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, ln))
	}
	return b.String()
}

func TestPDFFixtures(t *testing.T) {
	requirePdftotext(t)
	headerRE := regexp.MustCompile(`(?m)^\s*-\s*[0-9]+\s*-\s*$`)
	// shop-cid.pdf prints a text file: no header, and its tabs are narrow
	// gaps rather than table columns.
	for _, tc := range []struct {
		pdf, txt, header string
		table            bool
	}{
		{"complete.pdf", "complete.txt", docxFixtures[0].header, true},
		{"shop.pdf", "shop.txt", docxFixtures[1].header, true},
		{"shop-cid.pdf", "shop.txt", "", false},
	} {
		t.Run(tc.pdf, func(t *testing.T) {
			src, err := File(fixturePath("pdf", tc.pdf), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Format != "pdf" || src.Encoding != "utf-8" || !strings.Contains(src.Note, "pdftotext") {
				t.Errorf("source = %s %s %q", src.Format, src.Encoding, src.Note)
			}
			checkPDFMapping(t, src)
			// Every paragraph of the text is in the PDF's text, in order.
			pdf := squeeze(src.Text)
			at := 0
			for _, ln := range strings.Split(string(readFixture(t, "docx", tc.txt)), "\n") {
				want := squeeze(regexp.MustCompile(`^#+ |^\([0-9]+\) |^[0-9]+\. |^第[0-9]+条 `).ReplaceAllString(ln, ""))
				i := strings.Index(pdf[at:], want)
				if i < 0 {
					t.Fatalf("%q not found in order in the PDF text:\n%s", want, src.Text)
				}
				at += i + len(want)
			}
			// Page furniture is in Orig (pdftotext's output) but not in Text.
			if strings.ContainsRune(src.Text, '\f') || headerRE.MatchString(src.Text) {
				t.Errorf("form feed or page number left in the text:\n%s", src.Text)
			}
			if tc.header != "" {
				if !strings.Contains(squeeze(src.Orig), squeeze(tc.header)) {
					t.Errorf("running header %q not in pdftotext's output", tc.header)
				}
				if strings.Contains(squeeze(src.Text), squeeze(tc.header)) {
					t.Errorf("running header %q left in the text", tc.header)
				}
			}
			// Layout spacing is undone: dates read as in the text, table
			// columns are tab-separated, list markers keep their item.
			if !strings.Contains(src.Text, "日：20") || tc.table && !strings.Contains(src.Text, "\n名称\t株式会社") {
				t.Errorf("date or table row not as in the text:\n%s", src.Text)
			}
			if regexp.MustCompile(`[0-9] 年|年 [0-9]`).MatchString(src.Text) {
				t.Errorf("layout space left around 年:\n%s", src.Text)
			}
			if strings.Contains(src.Text, "・\t") {
				t.Errorf("list marker taken for a table column")
			}
		})
	}
}

func TestPDFErrors(t *testing.T) {
	requirePdftotext(t)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"encrypted", readFixture(t, "pdf", "encrypted.pdf"), "PDF is password-protected (encrypted)"},
		{"scanned", readFixture(t, "pdf", "scanned.pdf"), "no text layer: scanned image? OCR it first"},
		{"damaged", []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog"), "cannot read the PDF (damaged?)"},
		{"truncated", readFixture(t, "pdf", "shop.pdf")[:2000], "cannot read the PDF (damaged?)"},
		{"not a pdf", []byte("個人情報保護方針"), "not a PDF (no %PDF- header)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("policy.pdf", tt.data, Options{})
			if err == nil {
				t.Fatalf("no error; got %q", src.Text)
			}
			var le *Error
			if !errors.As(err, &le) || le.Path != "policy.pdf" || !strings.HasPrefix(err.Error(), "policy.pdf: ") {
				t.Fatalf("error %v is not a *load.Error naming the file", err)
			}
			if !strings.Contains(le.Problem, tt.want) {
				t.Errorf("Problem = %q, want it to contain %q", le.Problem, tt.want)
			}
		})
	}
}

func TestPDFSniffed(t *testing.T) {
	requirePdftotext(t)
	data := readFixture(t, "pdf", "shop.pdf")
	for _, name := range []string{"-", "policy"} {
		src, err := Bytes(name, data, Options{})
		if err != nil || src.Format != "pdf" || !strings.Contains(src.Text, "プライバシーポリシー") {
			t.Errorf("%q: %v", name, err)
		}
	}
	if _, err := Bytes("policy.txt", data, Options{}); err == nil || !strings.Contains(err.Error(), "looks like a PDF") {
		t.Errorf("renamed: %v", err)
	}
}

// fakePdftotext installs a shell script as pdftotext for one test.
func fakePdftotext(t *testing.T, script string) {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh")
	}
	p := filepath.Join(t.TempDir(), "pdftotext")
	if err := os.WriteFile(p, []byte("#!/bin/sh\n"+script+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	old := pdftotext
	pdftotext = p
	t.Cleanup(func() { pdftotext = old })
}

func TestPDFToolFailures(t *testing.T) {
	pdf := []byte("%PDF-1.7\n")
	t.Run("missing", func(t *testing.T) {
		old := pdftotext
		pdftotext = "appilint-test-no-such-pdftotext"
		t.Cleanup(func() { pdftotext = old })
		_, err := Bytes("a.pdf", pdf, Options{})
		if err == nil || err.Error() != "a.pdf: reading PDF needs pdftotext (Debian package poppler-utils)" {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("timeout", func(t *testing.T) {
		fakePdftotext(t, "exec sleep 10")
		old := pdfTimeout
		pdfTimeout = 200 * time.Millisecond
		t.Cleanup(func() { pdfTimeout = old })
		start := time.Now()
		_, err := Bytes("a.pdf", pdf, Options{})
		if err == nil || !strings.Contains(err.Error(), "pdftotext did not finish within 200ms") {
			t.Errorf("err = %v", err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v", d)
		}
	})
	t.Run("output cap", func(t *testing.T) {
		fakePdftotext(t, "exec yes 個人情報")
		_, err := Bytes("a.pdf", pdf, Options{MaxBytes: 1024})
		if err == nil || !strings.Contains(err.Error(), "text extracted from the PDF is larger than the limit of 8192 bytes") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("permissions", func(t *testing.T) {
		fakePdftotext(t, "echo 'Permission Error: Copying of text from this document is not allowed.' >&2; exit 3")
		if _, err := Bytes("a.pdf", pdf, Options{}); err == nil || !strings.Contains(err.Error(), "does not permit text extraction") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("garbled", func(t *testing.T) {
		fakePdftotext(t, `printf '\357\200\201\357\200\202\357\200\203 \357\200\204 ab\n'`)
		if _, err := Bytes("a.pdf", pdf, Options{}); err == nil || !strings.Contains(err.Error(), "cannot be decoded") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("only page numbers", func(t *testing.T) {
		fakePdftotext(t, `printf '  - 1 -\n\f  - 2 -\n\f'`)
		if _, err := Bytes("a.pdf", pdf, Options{}); err == nil || !strings.Contains(err.Error(), "no text in the PDF besides page numbers") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestCleanPDFText(t *testing.T) {
	orig := "     株式会社テスト   個人情報保護方針\n" +
		"\n" +
		"第1条 目的\n" +
		"当社は、2024 年 4 月 1 日に本方針を定め、 1 件につき 1,000 円\n" +
		"3\n" + // a number inside the page body stays
		"名称              株式会社テスト\n" +
		"・   氏名\n" +
		"(1)   住所\n" +
		"Google Analytics を利用します。\n" +
		"\n" +
		"                - 1 -\n" +
		"\f     株式会社テスト   個人情報保護方針\n" +
		"\n" +
		"を取得します。\n" +
		"\n" +
		"                2 / 3\n" +
		"\f     株式会社テスト   個人情報保護方針\n" +
		"Page 3 of 3\n" +
		"以上\n" +
		"\f"
	text, offset := cleanPDFText(orig)
	want := "第1条 目的\n" +
		"当社は、2024年4月1日に本方針を定め、1件につき1,000円\n" +
		"3\n" +
		"名称\t株式会社テスト\n" +
		"・ 氏名\n" +
		"(1) 住所\n" +
		"Google Analyticsを利用します。\n" +
		"を取得します。\n" +
		"以上"
	if text != want {
		t.Errorf("text =\n%q\nwant\n%q", text, want)
	}
	checkPDFMapping(t, &Source{Orig: orig, Text: text, TextOffset: offset})

	// A single page keeps its first line even if it looks like a header.
	text, _ = cleanPDFText("個人情報保護方針\n本文です。\n\f")
	if text != "個人情報保護方針\n本文です。" {
		t.Errorf("single page: %q", text)
	}
}

func TestGarbled(t *testing.T) {
	for s, want := range map[string]bool{
		"個人情報保護方針":              false,
		"\uE001\uE002\uE003 ab": true,
		"\uFFFD\uFFFD 個人情報保護方針": false,
		"\x01\x02\x03\x04":      true,
		"   ":                   false,
	} {
		if got := garbled(s); got != want {
			t.Errorf("garbled(%q) = %v", s, got)
		}
	}
}
