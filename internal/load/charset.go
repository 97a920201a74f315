package load

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/unicode"
)

const utf8BOM = "\xEF\xBB\xBF"

// Canonical encoding names, as reported in Source.Encoding.
const (
	encUTF8      = "utf-8"
	encShiftJIS  = "shift_jis"
	encEUCJP     = "euc-jp"
	encISO2022JP = "iso-2022-jp"
)

// encodingLabels maps lower-cased labels to canonical names: the WHATWG
// labels (so <meta charset> values work) plus common command-line spellings.
var encodingLabels = map[string]string{
	"utf-8": encUTF8, "utf8": encUTF8, "unicode-1-1-utf-8": encUTF8,
	"unicode11utf8": encUTF8, "unicode20utf8": encUTF8, "x-unicode20utf8": encUTF8,

	"shift_jis": encShiftJIS, "shift-jis": encShiftJIS, "sjis": encShiftJIS,
	"x-sjis": encShiftJIS, "cp932": encShiftJIS, "ms932": encShiftJIS,
	"windows-31j": encShiftJIS, "ms_kanji": encShiftJIS, "csshiftjis": encShiftJIS,

	"euc-jp": encEUCJP, "eucjp": encEUCJP, "euc_jp": encEUCJP, "x-euc-jp": encEUCJP,
	"cseucpkdfmtjapanese": encEUCJP,

	"iso-2022-jp": encISO2022JP, "iso2022jp": encISO2022JP, "csiso2022jp": encISO2022JP, "jis": encISO2022JP,
}

func canonicalEncoding(label string) (string, bool) {
	enc, ok := encodingLabels[strings.ToLower(strings.TrimSpace(label))]
	return enc, ok
}

var legacyEncodings = map[string]encoding.Encoding{
	encShiftJIS:  japanese.ShiftJIS,
	encEUCJP:     japanese.EUCJP,
	encISO2022JP: japanese.ISO2022JP,
}

// displayEncoding is how encodings are named in messages.
var displayEncoding = map[string]string{
	encUTF8: "UTF-8", encShiftJIS: "Shift_JIS", encEUCJP: "EUC-JP", encISO2022JP: "ISO-2022-JP",
}

func hasUTF16BOM(data []byte) (ok, littleEndian bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return true, true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return true, false
	}
	return false, false
}

// decodeUTF16 decodes BOM-less UTF-16 and reports a problem if it contains
// unpaired surrogates or a dangling byte.
func decodeUTF16(data []byte, le bool) (text, enc, problem string) {
	endian, enc := unicode.BigEndian, "utf-16be"
	if le {
		endian, enc = unicode.LittleEndian, "utf-16le"
	}
	out, err := unicode.UTF16(endian, unicode.IgnoreBOM).NewDecoder().Bytes(data)
	if err != nil {
		return "", "", "cannot decode as UTF-16: " + err.Error()
	}
	// U+FFFD may legitimately be in the input; only extra ones are errors.
	want := 0
	for i := 0; i+1 < len(data); i += 2 {
		if (le && data[i] == 0xFD && data[i+1] == 0xFF) || (!le && data[i] == 0xFF && data[i+1] == 0xFD) {
			want++
		}
	}
	if bytes.Count(out, []byte("\uFFFD")) != want {
		i := bytes.IndexRune(out, utf8.RuneError)
		return "", "", fmt.Sprintf("cannot decode as UTF-16: invalid code unit at line %d", lineAt(out, i))
	}
	return string(out), enc, ""
}

// decodeBytes decodes ASCII-compatible input: a forced encoding, else a
// UTF-8 BOM, a declared HTML charset, ISO-2022-JP escapes, UTF-8, and finally
// the better of Shift_JIS and EUC-JP.
func decodeBytes(data []byte, forced string, isHTML bool) (text, enc, problem string) {
	if bytes.HasPrefix(data, []byte(utf8BOM)) {
		// The BOM states the encoding; it wins over a forced one.
		return decodeUTF8(data[len(utf8BOM):], len(utf8BOM))
	}
	if forced != "" {
		if forced == encUTF8 {
			return decodeUTF8(data, 0)
		}
		text, bad := decodeLegacy(data, forced)
		if bad >= 0 {
			return "", "", fmt.Sprintf("cannot decode as %s: invalid byte sequence at line %d (it would turn into U+FFFD replacement characters); check --encoding",
				displayEncoding[forced], lineAt([]byte(text), bad))
		}
		return text, forced, ""
	}

	// A declared charset that decodes cleanly wins; a wrong declaration
	// (common on old sites) falls through to detection.
	var declProblem string
	if isHTML {
		if label := declaredCharset(data); label != "" {
			if declared, ok := canonicalEncoding(label); ok {
				if declared == encUTF8 {
					if utf8.Valid(data) {
						return string(data), encUTF8, ""
					}
				} else {
					text, bad := decodeLegacy(data, declared)
					// Copied templates often keep a stale charset: valid
					// UTF-8 that reads as Japanese beats a declaration that
					// decodes into mojibake.
					if bad < 0 && !(utf8.Valid(data) && japaneseScore(string(data)) > japaneseScore(text)) {
						return text, declared, ""
					}
					declProblem = fmt.Sprintf("cannot decode as %s (declared in the HTML): invalid byte sequence at line %d; check --encoding",
						displayEncoding[declared], lineAt([]byte(text), bad))
				}
			}
		}
	}

	if isISO2022JP(data) {
		text, bad := decodeLegacy(data, encISO2022JP)
		if bad >= 0 {
			return "", "", fmt.Sprintf("cannot decode as ISO-2022-JP: invalid escape sequence at line %d; check --encoding", lineAt([]byte(text), bad))
		}
		return text, encISO2022JP, ""
	}
	if utf8.Valid(data) {
		return string(data), encUTF8, ""
	}

	valid, invalid, firstBad := utf8Stats(data)
	// Mostly valid multi-byte UTF-8 with a few bad bytes is broken UTF-8,
	// not a legacy encoding: point at the damage instead of guessing.
	if valid >= 4*invalid {
		return "", "", invalidUTF8(data, firstBad, 0)
	}
	if text, enc, ok := detectLegacy(data); ok {
		return text, enc, ""
	}
	switch {
	case declProblem != "":
		return "", "", declProblem
	case valid > invalid:
		return "", "", invalidUTF8(data, firstBad, 0)
	}
	return "", "", "cannot decode: not valid UTF-8, Shift_JIS, EUC-JP or ISO-2022-JP; use --encoding"
}

func decodeUTF8(data []byte, base int) (text, enc, problem string) {
	if utf8.Valid(data) {
		return string(data), encUTF8, ""
	}
	_, _, firstBad := utf8Stats(data)
	return "", "", invalidUTF8(data, firstBad, base)
}

// invalidUTF8 describes the first invalid byte; base is the length of a
// stripped BOM so the offset refers to the file.
func invalidUTF8(data []byte, off, base int) string {
	return fmt.Sprintf("invalid UTF-8 at line %d (byte offset %d)", lineAt(data, off), off+base)
}

// utf8Stats counts valid multi-byte sequences and invalid bytes and finds
// the first invalid one.
func utf8Stats(data []byte) (valid, invalid, firstBad int) {
	firstBad = -1
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
			if firstBad < 0 {
				firstBad = i
			}
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid, firstBad
}

// lineAt returns the 1-based line of byte offset off, counting LF, CRLF and
// lone CR as line ends.
func lineAt(data []byte, off int) int {
	off = min(max(off, 0), len(data))
	line := 1
	for i := 0; i < off; i++ {
		switch data[i] {
		case '\n':
			line++
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				line++
			}
		}
	}
	return line
}

// decodeLegacy decodes with a Japanese legacy encoding and returns the byte
// offset in the result of the first replacement character, or -1. The input
// cannot contain U+FFFD itself, so every one marks a decoding error.
func decodeLegacy(data []byte, enc string) (string, int) {
	out, err := legacyEncodings[enc].NewDecoder().Bytes(data)
	if err != nil {
		return "", 0
	}
	return string(out), bytes.IndexRune(out, utf8.RuneError)
}

// isISO2022JP reports 7-bit data with an escape into JIS X 0208.
func isISO2022JP(data []byte) bool {
	if !bytes.Contains(data, []byte("\x1B$B")) && !bytes.Contains(data, []byte("\x1B$@")) {
		return false
	}
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// detectLegacy decodes as Shift_JIS and as EUC-JP and keeps the clean one
// that reads most like Japanese. Either decoder accepts much of the other's
// byte ranges, so the absence of errors alone does not decide.
func detectLegacy(data []byte) (text, enc string, ok bool) {
	best, bestEnc, bestScore := "", "", -1.0
	for _, e := range []string{encShiftJIS, encEUCJP} {
		t, bad := decodeLegacy(data, e)
		if bad >= 0 {
			continue
		}
		if s := japaneseScore(t); s > bestScore {
			best, bestEnc, bestScore = t, e, s
		}
	}
	// Under 20% kana/kanji among non-ASCII characters is not Japanese text
	// but bytes in some other encoding that happened to decode.
	if bestEnc == "" || bestScore < 0.2 {
		return "", "", false
	}
	return best, bestEnc, true
}

// japaneseScore is the share of non-ASCII characters that are kana, common
// kanji or Japanese punctuation; misdecoded text is mostly half-width kana,
// rare kanji, symbols and private-use characters.
func japaneseScore(s string) float64 {
	good, total := 0, 0
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		total++
		switch {
		case r >= 0x3040 && r <= 0x309F: // hiragana: most frequent in any Japanese prose
			good += 2
		case r >= 0x30A0 && r <= 0x30FF, // katakana
			r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
			r >= 0x3000 && r <= 0x303F, // 、。「」 etc.
			r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
			good++
		}
	}
	if total == 0 {
		return 1 // pure ASCII is trivially fine
	}
	return float64(good) / float64(2*total)
}

// declaredCharset finds the charset declared by an XML declaration or a
// <meta> element in the first 2 KB, as browsers do.
func declaredCharset(data []byte) string {
	head := data[:min(len(data), 2048)]
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.CommentToken:
			// <?xml version="1.0" encoding="Shift_JIS"?> (XHTML) comes
			// through as a bogus comment.
			if raw := z.Raw(); bytes.HasPrefix(raw, []byte("<?xml")) {
				if cs := attrParam(string(raw), "encoding"); cs != "" {
					return cs
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, httpEquiv, content string
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "http-equiv":
					httpEquiv = string(v)
				case "content":
					content = string(v)
				}
			}
			if charset != "" {
				return charset
			}
			if strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
				if cs := attrParam(content, "charset"); cs != "" {
					return cs
				}
			}
		}
	}
}

// attrParam extracts the value of key=value (optionally quoted) from s, as in
// `text/html; charset=Shift_JIS` or `encoding="EUC-JP"`.
func attrParam(s, key string) string {
	lower := strings.ToLower(s)
	i := strings.Index(lower, key)
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(s[i+len(key):], " \t\r\n")
	if !strings.HasPrefix(rest, "=") {
		return ""
	}
	rest = strings.TrimLeft(rest[1:], " \t\r\n")
	if rest != "" && (rest[0] == '"' || rest[0] == '\'') {
		q := rest[0]
		rest = rest[1:]
		if j := strings.IndexByte(rest, q); j >= 0 {
			return rest[:j]
		}
		return rest
	}
	if j := strings.IndexAny(rest, " \t\r\n;\"'?>"); j >= 0 {
		return rest[:j]
	}
	return rest
}
