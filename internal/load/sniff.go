package load

import (
	"bytes"
	"fmt"
)

// magic lists signatures of file types people commonly pass by mistake
// (a renamed PDF, a Word document, a screenshot).
var magic = []struct {
	prefix string
	name   string
}{
	{"%PDF-", "a PDF"},
	{"PK\x03\x04", "a ZIP archive (e.g. .docx, .xlsx)"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old Microsoft Office document (.doc, .xls)"},
	{"\x89PNG\r\n\x1A\n", "a PNG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"\x7FELF", "an ELF executable"},
	{"\x1F\x8B", "a gzip archive"},
	{"{\\rtf", "an RTF document"},
}

// binaryReason reports why data does not look like text, or "" if it does.
func binaryReason(data []byte) string {
	for _, m := range magic {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return "looks like " + m.name
		}
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		if looksLikeUTF16(data) {
			return "looks like UTF-16 without a byte order mark; save it as UTF-8"
		}
		return fmt.Sprintf("contains a NUL byte at offset %d", i)
	}
	ctrl := 0
	for _, c := range data {
		if isBinaryControl(c) {
			ctrl++
		}
	}
	if ctrl*10 > len(data) {
		return fmt.Sprintf("%d of %d bytes are control characters", ctrl, len(data))
	}
	return ""
}

// isBinaryControl reports control bytes that do not occur in text. ESC is
// allowed because ISO-2022-JP uses it to switch character sets.
func isBinaryControl(c byte) bool {
	switch c {
	case '\t', '\n', '\r', '\f', 0x1B:
		return false
	}
	return c < 0x20 || c == 0x7F
}

// looksLikeUTF16 spots BOM-less UTF-16 of mostly ASCII text: every other
// byte is NUL.
func looksLikeUTF16(data []byte) bool {
	n := min(len(data), 512) &^ 1
	if n < 4 {
		return false
	}
	even, odd := 0, 0
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	return (even*10 >= half*8 && odd*10 < half*2) || (odd*10 >= half*8 && even*10 < half*2)
}

// sniffContainer recognises a PDF or DOCX given without a telling name
// (standard input, no extension); "" means "not one of them".
func sniffContainer(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return "pdf"
	case isDOCX(data):
		return "docx"
	}
	return ""
}

// sniffFormat guesses the format of input that has no telling extension:
// HTML if it starts like a document or opens with a tag and has typical
// body tags early; anything else is plain text.
func sniffFormat(data []byte) string {
	head := data[:min(len(data), 1024)]
	head = bytes.TrimPrefix(head, []byte(utf8BOM))
	head = bytes.ToLower(bytes.TrimLeft(head, " \t\r\n\f"))
	if bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html")) {
		return "html"
	}
	if !bytes.HasPrefix(head, []byte("<")) {
		return "txt"
	}
	for _, tag := range []string{"<html", "<body", "<p>", "<p ", "<div", "<br"} {
		if bytes.Contains(head, []byte(tag)) {
			return "html"
		}
	}
	return "txt"
}
