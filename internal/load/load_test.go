package load

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

// policy is a realistic privacy-policy paragraph: hiragana-heavy prose with
// common kanji, as detection sees it in practice.
const policy = "当社は、お客様の個人情報を適切に取り扱います。開示等のご請求は下記窓口までご連絡ください。"

const policyLong = "個人情報保護方針\r\n" +
	"第1条（利用目的）当社は、取得した個人情報を以下の目的で利用します。\r\n" +
	"・商品の発送、サービスの提供\r\n" +
	"第2条（第三者提供）当社は、法令に基づく場合を除き、あらかじめご本人の同意を得ることなく第三者に提供しません。\r\n" +
	"お問い合わせ窓口：〒100-0001 東京都千代田区千代田1-1 株式会社サンプル ①②③ ｶﾀｶﾅ\r\n"

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

// checkSource asserts the invariants every successful load must satisfy.
func checkSource(t testing.TB, src *Source) {
	t.Helper()
	if !utf8.ValidString(src.Orig) || !utf8.ValidString(src.Text) {
		t.Fatalf("Orig/Text not valid UTF-8")
	}
	if src.TextOffset == nil {
		if src.Text != src.Orig {
			t.Fatalf("nil TextOffset but Text != Orig")
		}
		return
	}
	if len(src.TextOffset) != len(src.Text)+1 {
		t.Fatalf("len(TextOffset) = %d, want %d", len(src.TextOffset), len(src.Text)+1)
	}
	prev := 0
	for i, o := range src.TextOffset {
		if o < prev || o > len(src.Orig) {
			t.Fatalf("TextOffset[%d] = %d out of order or range (prev %d, len(Orig) %d)", i, o, prev, len(src.Orig))
		}
		prev = o
	}
}

// checkHTMLMapping asserts that every character of Text points at its
// source: the same character, an entity, or (for markers, separators and
// collapsed whitespace) a tag or whitespace.
func checkHTMLMapping(t testing.TB, src *Source) {
	t.Helper()
	checkSource(t, src)
	for i, r := range src.Text {
		o := src.TextOffset[i]
		orig := src.Orig[o:]
		switch {
		case strings.HasPrefix(orig, string(r)):
		case strings.HasPrefix(orig, "&"):
		case strings.HasPrefix(orig, "<"):
			if !strings.ContainsRune("#- \t\n", r) {
				t.Fatalf("Text[%d] = %q maps to a tag at %d but is not a marker", i, r, o)
			}
		case r == ' ' || r == '\n':
			if c, _ := utf8.DecodeRuneInString(orig); !strings.ContainsRune(" \t\n\r\f\u00a0", c) {
				t.Fatalf("Text[%d] = %q maps to %q at %d", i, r, c, o)
			}
		default:
			t.Fatalf("Text[%d] = %q maps to %.10q at %d", i, r, orig, o)
		}
	}
}

func TestEncodingRoundTrip(t *testing.T) {
	tests := []struct {
		enc  encoding.Encoding
		want string
	}{
		{encoding.Nop, "utf-8"},
		{japanese.ShiftJIS, "shift_jis"},
		{japanese.EUCJP, "euc-jp"},
		{japanese.ISO2022JP, "iso-2022-jp"},
	}
	texts := []string{policy, policyLong, "第1条\n個人情報\n"}
	for _, tt := range tests {
		for _, text := range texts {
			if tt.enc == japanese.ISO2022JP {
				// ISO-2022-JP has no half-width katakana.
				text = strings.ReplaceAll(text, " ｶﾀｶﾅ", "")
			}
			data := encode(t, tt.enc, text)
			src, err := Bytes("policy.txt", data, Options{})
			if err != nil {
				t.Fatalf("%s: %v", tt.want, err)
			}
			if src.Encoding != tt.want {
				t.Errorf("detected %s, want %s for %.20q", src.Encoding, tt.want, text)
			}
			if src.Orig != text || src.Text != text || src.Format != "txt" {
				t.Errorf("%s: round trip = %q (format %s), want %q", tt.want, src.Orig, src.Format, text)
			}
			checkSource(t, src)
		}
	}
}

func TestDetectShiftJISvsEUCJP(t *testing.T) {
	for _, text := range []string{policy, policyLong, "個人情報の開示請求について", "ご連絡ください。"} {
		for _, tc := range []struct {
			enc  encoding.Encoding
			want string
		}{{japanese.ShiftJIS, "shift_jis"}, {japanese.EUCJP, "euc-jp"}} {
			src, err := Bytes("-", encode(t, tc.enc, text), Options{})
			if err != nil {
				t.Fatalf("%s %q: %v", tc.want, text, err)
			}
			if src.Encoding != tc.want || src.Orig != text {
				t.Errorf("%q encoded as %s: got %s %q", text, tc.want, src.Encoding, src.Orig)
			}
		}
	}
}

func TestForcedEncoding(t *testing.T) {
	sjis := encode(t, japanese.ShiftJIS, policy)
	euc := encode(t, japanese.EUCJP, policy)
	iso := encode(t, japanese.ISO2022JP, policy)
	tests := []struct {
		name, enc string
		data      []byte
		want      string // decoded text, or "" when an error is expected
		wantEnc   string
		wantErr   string
	}{
		{"sjis alias", "SJIS", sjis, policy, "shift_jis", ""},
		{"cp932 alias", "cp932", sjis, policy, "shift_jis", ""},
		{"windows-31j alias", "Windows-31J", sjis, policy, "shift_jis", ""},
		{"euc-jp", "EUC-JP", euc, policy, "euc-jp", ""},
		{"iso-2022-jp", "iso-2022-jp", iso, policy, "iso-2022-jp", ""},
		{"utf-8", "utf8", []byte(policy), policy, "utf-8", ""},
		// Short input is ambiguous; forcing must override detection.
		{"ambiguous forced euc", "euc-jp", encode(t, japanese.EUCJP, "個人"), "個人", "euc-jp", ""},
		{"wrong: sjis bytes as utf-8", "utf-8", sjis, "", "", "invalid UTF-8 at line 1"},
		{"wrong: euc bytes as sjis", "shift_jis", append([]byte("ok\n"), euc...), "", "", "cannot decode as Shift_JIS: invalid byte sequence at line 2"},
		{"wrong: sjis bytes as euc", "euc-jp", sjis, "", "", "U+FFFD"},
		{"unknown", "latin1", []byte("abc"), "", "", `unknown encoding "latin1"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("a.txt", tt.data, Options{Encoding: tt.enc})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if src.Orig != tt.want || src.Encoding != tt.wantEnc {
				t.Errorf("got %s %q, want %s %q", src.Encoding, src.Orig, tt.wantEnc, tt.want)
			}
		})
	}
}

func TestBOM(t *testing.T) {
	text := "個人情報\r\n保護方針\n"
	utf16le := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), text)
	utf16be := encode(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), text)
	tests := []struct {
		name    string
		data    []byte
		opt     Options
		wantEnc string
	}{
		{"utf-8 BOM", append([]byte("\xEF\xBB\xBF"), text...), Options{}, "utf-8"},
		{"utf-8 BOM beats forced encoding", append([]byte("\xEF\xBB\xBF"), text...), Options{Encoding: "sjis"}, "utf-8"},
		{"utf-16le BOM", utf16le, Options{}, "utf-16le"},
		{"utf-16be BOM", utf16be, Options{}, "utf-16be"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("a.txt", tt.data, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if src.Orig != text || src.Encoding != tt.wantEnc {
				t.Errorf("got %s %q, want %s %q", src.Encoding, src.Orig, tt.wantEnc, text)
			}
		})
	}
	// An HTML document in UTF-16 is still recognised and extracted.
	page := encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "<!DOCTYPE html><p>本文</p>")
	src, err := Bytes("-", page, Options{})
	if err != nil || src.Format != "html" || src.Text != "本文" {
		t.Errorf("UTF-16 HTML: %v %+v", err, src)
	}
	if _, err := Bytes("a.txt", append(utf16le, 'x'), Options{}); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("dangling byte in UTF-16: err = %v", err)
	}
}

func TestLineTerminatorsPreserved(t *testing.T) {
	for _, text := range []string{"一行目\r\n二行目\r\n", "一行目\r二行目\r", "一行目\n二行目\r\n三行目\r"} {
		for _, enc := range []encoding.Encoding{encoding.Nop, japanese.ShiftJIS, japanese.EUCJP} {
			src, err := Bytes("a.md", encode(t, enc, text), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Orig != text || src.Text != text || src.TextOffset != nil {
				t.Errorf("got Orig %q Text %q, want %q", src.Orig, src.Text, text)
			}
		}
	}
	page := "<p>一行目\r\n二行目</p>\r<pre>a\r\nb\rc</pre>"
	src, err := Bytes("a.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Orig != page {
		t.Errorf("HTML Orig changed: %q", src.Orig)
	}
	if want := "一行目二行目\n\na\nb\nc"; src.Text != want {
		t.Errorf("Text = %q, want %q", src.Text, want)
	}
	checkHTMLMapping(t, src)
}

func TestFormat(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"a.txt", "text", "txt"},
		{"a.TEXT", "text", "txt"},
		{"a.md", "# x", "md"},
		{"a.markdown", "# x", "md"},
		{"a.html", "<p>x</p>", "html"},
		{"A.HTM", "<p>x</p>", "html"},
		{"a.xhtml", "<p>x</p>", "html"},
		{"-", "<!DOCTYPE html><html><p>x</p>", "html"},
		{"-", "  <HTML><body>x</body></HTML>", "html"},
		{"-", "<div><p>x</p></div>", "html"},
		{"README", "第1条 <p> is mentioned in prose", "txt"},
		{"-", "plain policy text", "txt"},
	}
	for _, tt := range tests {
		src, err := Bytes(tt.name, []byte(tt.data), Options{})
		if err != nil {
			t.Errorf("%s %q: %v", tt.name, tt.data, err)
			continue
		}
		if src.Format != tt.want {
			t.Errorf("%s %q: format %s, want %s", tt.name, tt.data, src.Format, tt.want)
		}
	}
	if src, _ := Bytes("-", []byte("x"), Options{}); src.Path != "<stdin>" {
		t.Errorf("stdin path = %q", src.Path)
	}
	src, err := Reader("-", strings.NewReader("標準入力"), Options{})
	if err != nil || src.Path != "<stdin>" || src.Text != "標準入力" {
		t.Errorf("Reader: %v %+v", err, src)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	utf8Bad := []byte("第1条 個人情報\n第2条 利用目的\n第3条 \xff開示\n第4条 お問い合わせ\n")
	tests := []struct {
		name    string
		path    string
		opt     Options
		want    string
		wantErr error // checked with errors.Is when set
	}{
		{"missing", filepath.Join(dir, "nope.txt"), Options{}, "no such file", fs.ErrNotExist},
		{"directory", dir, Options{}, "is a directory", nil},
		{"unsupported doc", write("a.doc", []byte("\xD0\xCF\x11\xE0")), Options{}, "unsupported file type .doc (supported: .txt, .md, .html, .htm, .docx, .pdf)", nil},
		{"damaged docx", write("a.docx", []byte("PK\x03\x04")), Options{}, "not a valid DOCX", nil},
		{"empty", write("empty.txt", nil), Options{}, "empty input", nil},
		{"whitespace only", write("ws.txt", []byte(" \r\n\t　\n")), Options{}, "empty input", nil},
		{"too large", write("big.txt", bytes.Repeat([]byte("あ"), 100)), Options{MaxBytes: 100}, "file is 300 bytes, over the limit of 100 bytes", nil},
		{"pdf renamed", write("pdf.txt", []byte("%PDF-1.4\n%âãÏÓ\n1 0 obj")), Options{}, "binary file, not text (looks like a PDF)", nil},
		{"png renamed", write("png.html", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), Options{}, "looks like a PNG image", nil},
		{"docx renamed", write("doc.txt", []byte("PK\x03\x04\x14\x00\x06\x00")), Options{}, "looks like a ZIP archive", nil},
		{"elf", write("prog", []byte("\x7fELF\x02\x01\x01")), Options{}, "looks like an ELF executable", nil},
		{"nul bytes", write("nul.txt", []byte("abc\x00def")), Options{}, "binary file, not text (contains a NUL byte at offset 3)", nil},
		{"control chars", write("ctrl.txt", []byte("a\x01\x02\x03b\x04c")), Options{}, "binary file, not text", nil},
		{"invalid utf-8", write("bad.txt", utf8Bad), Options{}, "invalid UTF-8 at line 3 (byte offset 50)", nil},
		{"undecodable", write("junk.txt", []byte("abc \x80\xff\xa0\xfd\xfe\x80\xff")), Options{}, "cannot decode: not valid UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP; use --encoding", nil},
		{"forced undecodable", write("sjis.txt", encode(t, japanese.ShiftJIS, policy)), Options{Encoding: "euc-jp"}, "cannot decode as EUC-JP", nil},
		{"html without text", write("spa.html", []byte("<html><head><script>render()</script></head><body><div id=app></div></body></html>")), Options{}, "no visible text", nil},
	}
	if os.Geteuid() != 0 { // root reads anything
		p := write("secret.txt", []byte("x"))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		tests = append(tests, struct {
			name    string
			path    string
			opt     Options
			want    string
			wantErr error
		}{"unreadable", p, Options{}, "permission denied", fs.ErrPermission})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := File(tt.path, tt.opt)
			if err == nil {
				t.Fatalf("no error; got %+v", src)
			}
			var le *Error
			if !errors.As(err, &le) {
				t.Fatalf("error %T is not *load.Error: %v", err, err)
			}
			if le.Path != tt.path {
				t.Errorf("Path = %q, want %q", le.Path, tt.path)
			}
			if want := tt.path + ": "; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("message %q does not start with %q", err, want)
			}
			if !strings.Contains(le.Problem, tt.want) {
				t.Errorf("Problem = %q, want it to contain %q", le.Problem, tt.want)
			}
			if tt.wantErr != nil && !errors.Is(err, tt.wantErr) {
				t.Errorf("errors.Is(%v, %v) = false", err, tt.wantErr)
			}
		})
	}

	// The same checks apply to readers and byte slices.
	if _, err := Reader("-", strings.NewReader(strings.Repeat("x", 11)), Options{MaxBytes: 10}); err == nil ||
		err.Error() != "<stdin>: input is larger than the limit of 10 bytes" {
		t.Errorf("Reader too large: %v", err)
	}
	if _, err := Bytes("-", []byte("   \n"), Options{}); err == nil || err.Error() != "<stdin>: empty input (only whitespace)" {
		t.Errorf("Bytes whitespace: %v", err)
	}
	if _, err := Bytes("x.png", []byte("hello"), Options{}); err == nil || !strings.Contains(err.Error(), "unsupported file type .png") {
		t.Errorf("Bytes png: %v", err)
	}
}

func TestMetaCharset(t *testing.T) {
	body := "<h1>個人情報保護方針</h1><p>" + policy + "</p>"
	tests := []struct {
		name    string
		page    string
		enc     encoding.Encoding
		wantEnc string
	}{
		{"meta charset Shift_JIS", `<html><head><meta charset="Shift_JIS"><title>方針</title></head><body>` + body, japanese.ShiftJIS, "shift_jis"},
		{"http-equiv x-sjis", `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=x-sjis"></head><body>` + body, japanese.ShiftJIS, "shift_jis"},
		{"meta euc-jp", `<meta charset=euc-jp>` + body, japanese.EUCJP, "euc-jp"},
		{"xml declaration", `<?xml version="1.0" encoding="EUC-JP"?><html xmlns="http://www.w3.org/1999/xhtml"><body>` + body, japanese.EUCJP, "euc-jp"},
		{"meta iso-2022-jp", `<meta charset="ISO-2022-JP">` + body, japanese.ISO2022JP, "iso-2022-jp"},
		// Stale declarations: the bytes win.
		{"declared sjis, really utf-8", `<meta charset="Shift_JIS">` + body, encoding.Nop, "utf-8"},
		{"declared euc, really sjis", `<meta charset="EUC-JP">` + body, japanese.ShiftJIS, "shift_jis"},
		{"declared utf-8, really sjis", `<meta charset="utf-8">` + body, japanese.ShiftJIS, "shift_jis"},
		{"unknown label", `<meta charset="x-unknown">` + body, japanese.EUCJP, "euc-jp"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("index.html", encode(t, tt.enc, tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Encoding != tt.wantEnc {
				t.Errorf("Encoding = %s, want %s", src.Encoding, tt.wantEnc)
			}
			if want := "# 個人情報保護方針\n\n" + policy; src.Text != want {
				t.Errorf("Text = %q, want %q", src.Text, want)
			}
			checkHTMLMapping(t, src)
		})
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"invisible elements",
			`<html><head><title>T</title><style>p{color:red}</style><script>var s = "<p>x</p>";</script></head>` +
				`<body><!-- note --><noscript>JSを有効に</noscript><template><p>tmpl</p></template>` +
				`<svg><text>図</text></svg><iframe src=x>frame</iframe><object>obj</object><p>本文</p><script>x()</script></body></html>`,
			"本文"},
		{"unclosed head", `<html><head><title>x</title><meta charset=utf-8><p>本文`, "本文"},
		{"headings", `<h1>方針</h1><h2>第1条</h2><p>本文</p><h6>注</h6>`, "# 方針\n\n## 第1条\n\n本文\n\n###### 注"},
		{"lists", `<ul><li>氏名</li><li>住所<ul><li>都道府県</li><li>市区町村</ul></li></ul><p>後</p>`,
			"- 氏名\n- 住所\n  - 都道府県\n  - 市区町村\n\n後"},
		{"unclosed items", `<ol><li>一<li>二</ol>`, "- 一\n- 二"},
		{"empty item leaves no marker", `<ul><li></li><li> b </li></ul>`, "- b"},
		{"table", `<table><tr><th>項目</th><th>内容</th></tr><tr><td>名称</td><td>株式会社A</td></tr></table>`,
			"項目\t内容\n名称\t株式会社A"},
		{"table implied tags", `<table><tbody><tr><td>a<td>b<tr><td>c<td>d</table>`, "a\tb\nc\td"},
		{"table cell blocks stay on the row", `<table><tr><td><p>a</p><p>b<br>c</p></td><td><ul><li>d</li></ul></td></tr></table>`, "a b c\td"},
		{"nested table flattened", `<table><tr><td>a<table><tr><td>b</td><td>c</td></tr></table></td><td>d</td></tr></table>`, "a b c\td"},
		{"empty cells keep columns", `<table><tr><td>a</td><td></td><td>c</td></tr></table>`, "a\t\tc"},
		{"definition list", `<dl><dt>名称</dt><dd>株式会社A</dd><dt>住所</dt><dd>東京都</dd></dl>`, "名称\n株式会社A\n住所\n東京都"},
		{"entities", `<p>A&amp;B &lt;x&gt; &#12354;&#x3044; &copy;2024 &quot;q&quot; x&nbsp;&nbsp;y &unknown; & z</p>`,
			`A&B <x> あい ©2024 "q" x y &unknown; & z`},
		{"br", `<p>一行目<br>二行目<br><br>四行目<br><br><br><br>五行目</p>`, "一行目\n二行目\n\n四行目\n\n五行目"},
		{"inline elements", `<p>お客様の<strong>個人情報</strong>を<a href="#">適切</a>に<span>取り扱い</span><sup>1</sup>ます</p>`,
			"お客様の個人情報を適切に取り扱い1ます"},
		{"whitespace collapse", "<p>  a \t\n b  </p>\n\n<div>\n  c\n</div>", "a b\n\nc"},
		{"CJK line joins", "<p>個人情報を\n    適切に取り扱います。\nThe end of\nline 終わり\n。</p>", "個人情報を適切に取り扱います。 The end of line 終わり。"},
		{"ideographic space trimmed", "<p>　本文　です　</p>", "本文　です"},
		{"blank lines capped", `<p>a</p><p></p><p>&nbsp;</p><br><br><div></div><p>b</p>`, "a\n\nb"},
		{"pre keeps whitespace", "<pre>\n  a  b\n\n  c</pre><p>d</p>", "  a  b\n\n  c\n\nd"},
		{"textarea", "<textarea>\n第1条\n第2条</textarea>", "第1条\n第2条"},
		{"xmp is literal", "<xmp><b>&amp;</b></xmp>", "<b>&amp;</b>"},
		{"ruby annotations dropped", `<p><ruby>個人<rt>こじん</rt></ruby>情報と<ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字</ruby></p>`, "個人情報と漢字"},
		{"heading in list item", `<ul><li><h3>見出し</h3></li></ul>`, "- ### 見出し"},
		{"stray end tags", `</li></td></ul></table></h1>本文</p>`, "本文"},
		{"self-closing svg", `<p>a<svg/>b</p>`, "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, err := Bytes("a.html", []byte(tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Text != tt.want {
				t.Errorf("Text =\n%q\nwant\n%q", src.Text, tt.want)
			}
			checkHTMLMapping(t, src)
		})
	}
}

func TestHTMLOffsets(t *testing.T) {
	page := "<h2 class=x>第1条</h2>\n<p>A&amp;B&#12354;</p><ul><li>項目</li></ul><table><tr><td>a</td><td>b</td></tr></table>"
	src, err := Bytes("a.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkHTMLMapping(t, src)
	at := func(sub string) int {
		i := strings.Index(src.Text, sub)
		if i < 0 {
			t.Fatalf("%q not in Text %q", sub, src.Text)
		}
		return src.TextOffset[i]
	}
	for _, tc := range []struct {
		text string // first occurrence in Text
		orig string // where it must map in Orig
	}{
		{"## ", "<h2 class=x>"},
		{"第1条", "第1条</h2>"},
		{"&B", "&amp;B"},
		{"あ", "&#12354;"},
		{"- ", "<li>"},
		{"\tb", "<td>b"},
	} {
		if got, want := at(tc.text), strings.Index(page, tc.orig); got != want {
			t.Errorf("%q maps to %d, want %d (%q)", tc.text, got, want, tc.orig)
		}
	}
	// Slicing Orig by the map recovers the source of a Text range.
	i := strings.Index(src.Text, "A&B")
	if got := src.Orig[src.TextOffset[i]:src.TextOffset[i+len("A&B")]]; got != "A&amp;B" {
		t.Errorf("source of %q = %q", "A&B", got)
	}
	if last := src.TextOffset[len(src.Text)]; last != len(src.Orig) {
		t.Errorf("last entry = %d, want %d", last, len(src.Orig))
	}
}

func TestDeepNesting(t *testing.T) {
	const depth = 10000
	for _, tag := range []string{"div", "span", "ul><li", "table><tr><td", "svg", "pre", "h1", "blockquote", "object"} {
		open := "<" + tag + ">"
		close := "</" + strings.Join(reverse(strings.Split(tag, "><")), "></") + ">"
		page := "<p>前</p>" + strings.Repeat(open+"深い", depth) + strings.Repeat(close, depth) + "<p>後</p>"
		start := time.Now()
		src, err := Bytes("deep.html", []byte(page), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tag, err)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", tag, d)
		}
		if !strings.HasPrefix(src.Text, "前") || !strings.HasSuffix(src.Text, "後") {
			t.Errorf("%s: text %.40q … %.40q", tag, src.Text, src.Text[max(0, len(src.Text)-40):])
		}
		// Output must stay linear in the input (list indentation is capped).
		if len(src.Text) > 4*len(page) {
			t.Errorf("%s: %d bytes of text from %d bytes of HTML", tag, len(src.Text), len(page))
		}
		checkSource(t, src)
	}
}

func reverse(s []string) []string {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
	return s
}

func TestInvalidUTF8Location(t *testing.T) {
	data := []byte("個人情報\r\n保護方針\r\n\xe3\x81第三行\n")
	_, err := Bytes("a.txt", data, Options{})
	if err == nil || !strings.Contains(err.Error(), "invalid UTF-8 at line 3 (byte offset 28)") {
		t.Errorf("err = %v", err)
	}
	// The offset counts the BOM, because users look at the file.
	_, err = Bytes("a.txt", append([]byte("\xEF\xBB\xBF"), data...), Options{})
	if err == nil || !strings.Contains(err.Error(), "byte offset 31") {
		t.Errorf("with BOM: err = %v", err)
	}
}

func TestFileErrorMessages(t *testing.T) {
	// Root can read anything, so permission errors are checked directly.
	tests := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "p", Err: fs.ErrPermission}, "p: permission denied"},
		{&fs.PathError{Op: "open", Path: "p", Err: fs.ErrNotExist}, "p: no such file"},
		{&fs.PathError{Op: "open", Path: "p", Err: errors.New("not a directory")}, "p: cannot open: not a directory"},
	}
	for _, tt := range tests {
		got := fileError("p", "cannot open", tt.err)
		if got.Error() != tt.want || !errors.Is(got, tt.err) {
			t.Errorf("fileError(%v) = %q, want %q", tt.err, got, tt.want)
		}
	}
}
