package load

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzNames = []string{"a.txt", "a.md", "a.html", "-"}
var fuzzEncodings = []string{"", "utf-8", "shift_jis", "euc-jp", "iso-2022-jp"}

// FuzzBytes feeds arbitrary bytes through the whole pipeline: it must never
// panic, every failure must be an *Error, and every success must keep the
// Source invariants.
func FuzzBytes(f *testing.F) {
	seeds := []string{
		"",
		"個人情報保護方針\r\n第1条",
		"\xEF\xBB\xBF<p>本文</p>",
		"\xFF\xFE<\x00p\x00>\x00",
		"\xFE\xFF\x00a\xD8\x00",
		"\x1B$B$3$s$K$A$O\x1B(B",
		"\x93\x96\x8E\xD0\x82\xCD", // Shift_JIS
		"\xC5\xF6\xBC\xD2\xA4\xCF", // EUC-JP
		"%PDF-1.7\n",
		"<meta charset=shift_jis><p>\x93\x96</p>",
		"abc\xff\xfe\x80",
		"<!DOCTYPE html><table><tr><td>a<td>b</table>",
	}
	for i, s := range seeds {
		f.Add([]byte(s), uint8(i), uint8(i))
	}
	f.Fuzz(func(t *testing.T, data []byte, name, enc uint8) {
		opt := Options{Encoding: fuzzEncodings[int(enc)%len(fuzzEncodings)]}
		src, err := Bytes(fuzzNames[int(name)%len(fuzzNames)], data, opt)
		if err != nil {
			var le *Error
			if !errors.As(err, &le) || le.Problem == "" {
				t.Fatalf("error %v is not a *load.Error with a problem", err)
			}
			return
		}
		checkSource(t, src)
		if strings.ContainsRune(src.Orig, utf8.RuneError) && !strings.Contains(string(data), "\uFFFD") &&
			!strings.HasPrefix(src.Encoding, "utf-16") {
			t.Fatalf("decoding as %s invented U+FFFD", src.Encoding)
		}
	})
}

// FuzzHTML checks the extractor on arbitrary markup: no panic, offsets in
// range and non-decreasing, and every character traceable to its source.
func FuzzHTML(f *testing.F) {
	seeds := []string{
		"<p>本文</p>",
		"<h1>方針</h1><ul><li>a<li>b<ol><li>c</ol></ul>",
		"<table><tr><th>項目<td>内容<tr><td><table><td>x</table></table>",
		"<pre>\r\n a\r\n</pre><textarea>\nx</textarea><xmp>&amp;</xmp>",
		"<p>&amp;&ampx&#12354;&#x110000;&#0;&copy2024&semi;&fjlig;&nbsp;&",
		"<head><title>t</title><body>b<head>h</head><script>s</script><svg/>v",
		"<ruby>漢<rt>かん</rt>字</ruby><rp>(</rp>",
		"あ\n い\r\nう　<br><br><br>え",
		"<plaintext><p>&amp;",
		"<dl><dt>a<dd>b</dl><!-- c --><![CDATA[d]]>",
		"<li><h2>x</h2></li></li></td></tr></table>",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		page = strings.ToValidUTF8(page, "\uFFFD")
		text, offset := extractHTML(page)
		checkHTMLMapping(t, &Source{Orig: page, Text: text, TextOffset: offset})
		lower := strings.ToLower(page)
		for _, tag := range []string{"pre", "textarea", "xmp", "listing", "plaintext"} {
			if strings.Contains(lower, tag) {
				return // verbatim text keeps its own spacing
			}
		}
		if strings.Contains(text, "\n\n\n") {
			t.Fatalf("more than one blank line in a row: %q", text)
		}
		for _, line := range strings.Split(text, "\n") {
			indented := strings.HasPrefix(strings.TrimLeft(line, " "), "- ")
			if (strings.HasPrefix(line, " ") && !indented) || strings.HasSuffix(line, " ") {
				t.Fatalf("line with leading or trailing space: %q in %q", line, text)
			}
		}
	})
}
