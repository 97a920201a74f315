package load

import (
	"bytes"
	"context"
	"errors"
	"os/exec"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PDF text is extracted by poppler's pdftotext (Debian package
// poppler-utils), which maps CID fonts of Japanese PDFs to Unicode through
// their ToUnicode tables; a pure-Go PDF reader would have to reimplement
// that. -layout keeps table columns on one line, which is closest to what
// a reader sees. The PDF goes to pdftotext on standard input, so File,
// Reader and Bytes all work the same and no temporary file is written.
//
// Source.Orig is pdftotext's output as is, so that a position can be found
// again by running `pdftotext -layout -enc UTF-8 FILE.pdf -`; Source.Text
// drops what is not policy text (form feeds, page numbers, running headers
// and footers) and undoes layout spacing (see appendLine).

// pdftotext is the command looked up in PATH; tests replace it.
var pdftotext = "pdftotext"

// pdfTimeout bounds one extraction (a variable for tests); a normal policy
// takes well under a second.
var pdfTimeout = 30 * time.Second

const pdfNote = "positions refer to the text extracted from the PDF by `pdftotext -layout -enc UTF-8` (line N of its output), not to pages of the PDF"

func loadPDF(path string, data []byte, opt Options) (*Source, error) {
	if !bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-")) {
		return nil, newError(path, "not a PDF (no %%PDF- header)")
	}
	bin, err := exec.LookPath(pdftotext)
	if err != nil {
		return nil, &Error{Path: path, Problem: "reading PDF needs pdftotext (Debian package poppler-utils)", Err: err}
	}
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-layout", "-enc", "UTF-8", "-eol", "unix", "-", "-")
	cmd.Stdin = bytes.NewReader(data)
	stdout := &cappedBuffer{limit: int(opt.expandLimit()), cancel: cancel}
	stderr := &cappedBuffer{limit: 64 << 10}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	cmd.WaitDelay = time.Second
	runErr := cmd.Run()

	switch {
	case stdout.overflow:
		return nil, newError(path, "text extracted from the PDF is larger than the limit of %d bytes", stdout.limit)
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, newError(path, "pdftotext did not finish within %v (damaged or unusually complex PDF?)", pdfTimeout)
	}
	msg := stderr.String()
	if runErr != nil {
		var ee *exec.ExitError
		switch {
		case strings.Contains(msg, "Incorrect password"):
			return nil, newError(path, "PDF is password-protected (encrypted): save a copy without the password first")
		case errors.As(runErr, &ee) && ee.ExitCode() == 3:
			return nil, newError(path, "PDF does not permit text extraction: save a copy without the restrictions first")
		case errors.As(runErr, &ee):
			return nil, &Error{Path: path, Problem: "cannot read the PDF (damaged?): " + pdftotextMessage(msg), Err: runErr}
		}
		return nil, &Error{Path: path, Problem: "cannot run pdftotext: " + runErr.Error(), Err: runErr}
	}

	orig := strings.ToValidUTF8(stdout.String(), "\uFFFD")
	if strings.TrimFunc(orig, unicode.IsSpace) == "" {
		if strings.Contains(msg, "Error") {
			return nil, newError(path, "cannot read the PDF (damaged?): %s", pdftotextMessage(msg))
		}
		return nil, newError(path, "no text layer: scanned image? OCR it first")
	}
	if garbled(orig) {
		return nil, newError(path, "the PDF's text cannot be decoded (fonts without a Unicode mapping): export it again from the original document, or OCR it")
	}
	text, offset := cleanPDFText(orig)
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return nil, newError(path, "no text in the PDF besides page numbers and running headers")
	}
	return &Source{Path: path, Format: "pdf", Encoding: "utf-8", Orig: orig, Text: text, TextOffset: offset, Note: pdfNote}, nil
}

// pdftotextMessage picks the first error line of pdftotext's output.
func pdftotextMessage(stderr string) string {
	var first string
	for _, ln := range strings.Split(stderr, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		if first == "" {
			first = ln
		}
		if strings.Contains(ln, "Error") {
			return ln
		}
	}
	if first == "" {
		return "pdftotext failed"
	}
	return first
}

// cappedBuffer keeps at most limit bytes and stops the command (through
// cancel) when more arrive, instead of blocking it on a full pipe.
type cappedBuffer struct {
	buf      bytes.Buffer
	limit    int
	cancel   func()
	overflow bool
}

func (b *cappedBuffer) Write(p []byte) (int, error) {
	if room := b.limit - b.buf.Len(); len(p) > room {
		b.buf.Write(p[:max(room, 0)])
		if !b.overflow && b.cancel != nil {
			b.overflow = true
			b.cancel()
		}
		return len(p), nil
	}
	return b.buf.Write(p)
}

func (b *cappedBuffer) String() string { return b.buf.String() }

// garbled reports text that is mostly replacement characters, private-use
// code points or control characters: what pdftotext returns for fonts that
// lack a ToUnicode map. Linting it would report every item as missing.
func garbled(s string) bool {
	bad, total := 0, 0
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		total++
		if r == utf8.RuneError || unicode.Is(unicode.Co, r) || unicode.IsControl(r) {
			bad++
		}
	}
	return total > 0 && bad*10 > total*3
}

var (
	// pageNumberLine matches the usual page-number footers and headers:
	// "3", "- 3 -", "3 / 10", "Page 3", "3ページ", "P.3".
	pageNumberLine = regexp.MustCompile(`^(?:[-‐–—−－ー]\s*[0-9０-９]{1,4}\s*[-‐–—−－ー]|[0-9０-９]{1,4}(?:\s*[/／]\s*[0-9０-９]{1,4})?|(?i:page|p\.)\s*[0-9０-９]{1,4}(?:\s*(?:/|of)\s*[0-9０-９]{1,4})?|[0-9０-９]{1,4}\s*(?:ページ|頁))$`)
	digitsRun      = regexp.MustCompile(`[0-9０-９]+`)
)

type pdfLine struct {
	start, end int // byte range in the output, without '\n' and form feeds
	page       int
	drop       bool
}

// cleanPDFText removes form feeds, page numbers and running headers and
// footers, and returns the rest with a map back to orig (TextOffset).
func cleanPDFText(orig string) (string, []int) {
	var lines []pdfLine
	page := 0
	for start := 0; start <= len(orig); {
		end := strings.IndexByte(orig[start:], '\n')
		if end < 0 {
			end = len(orig)
		} else {
			end += start
		}
		s := start
		for s < end && orig[s] == '\f' {
			page++ // pdftotext ends each page with a form feed
			s++
		}
		lines = append(lines, pdfLine{start: s, end: end, page: page})
		if end == len(orig) {
			break
		}
		start = end + 1
	}
	markRunningLines(orig, lines, page+1)

	var b strings.Builder
	offset := make([]int, 0, len(orig)+1)
	prevEnd := -1
	for _, ln := range lines {
		if ln.drop {
			continue
		}
		if prevEnd >= 0 {
			b.WriteByte('\n')
			offset = append(offset, prevEnd)
		}
		s := strings.TrimRight(orig[ln.start:ln.end], " \t\f\r")
		appendLine(&b, &offset, s, ln.start)
		prevEnd = ln.end
	}
	offset = append(offset, len(orig))
	return b.String(), offset
}

// markRunningLines drops page numbers and lines repeated at the top or
// bottom of most pages. Only the first and last two non-blank lines of a
// page are candidates, so body text is never touched.
func markRunningLines(orig string, lines []pdfLine, pages int) {
	byPage := make([][]int, pages)
	for i, ln := range lines {
		if ln.page < pages && strings.TrimSpace(orig[ln.start:ln.end]) != "" {
			byPage[ln.page] = append(byPage[ln.page], i)
		}
	}
	key := func(i int) string {
		s := strings.Join(strings.Fields(orig[lines[i].start:lines[i].end]), " ")
		return digitsRun.ReplaceAllString(s, "#")
	}
	// Page numbers first, so that a header below a page number is seen.
	for _, idx := range byPage {
		for _, i := range edgeLines(idx) {
			if pageNumberLine.MatchString(strings.TrimSpace(orig[lines[i].start:lines[i].end])) {
				lines[i].drop = true
			}
		}
	}
	nonEmptyPages := 0
	counts := map[string]int{}
	for _, idx := range byPage {
		if len(idx) == 0 {
			continue
		}
		nonEmptyPages++
		seen := map[string]bool{}
		for _, i := range edgeLines(idx) {
			if k := key(i); !lines[i].drop && !seen[k] {
				seen[k] = true
				counts[k]++
			}
		}
	}
	if nonEmptyPages >= 2 {
		need := max(2, (nonEmptyPages+1)/2)
		for _, idx := range byPage {
			for _, i := range edgeLines(idx) {
				if counts[key(i)] >= need {
					lines[i].drop = true
				}
			}
		}
	}
	dropPageMargins(orig, lines)
}

// dropPageMargins drops the blank lines at the top and bottom of each page
// (what is left of its margins, header and footer), so that a sentence
// running on to the next page is only a line break away, which the
// normaliser can join.
func dropPageMargins(orig string, lines []pdfLine) {
	blank := func(i int) bool { return lines[i].drop || strings.TrimSpace(orig[lines[i].start:lines[i].end]) == "" }
	for i := 0; i < len(lines); {
		j := i
		for j < len(lines) && lines[j].page == lines[i].page {
			j++
		}
		for k := i; k < j && blank(k); k++ {
			lines[k].drop = true
		}
		for k := j - 1; k >= i && blank(k); k-- {
			lines[k].drop = true
		}
		i = j
	}
}

// edgeLines returns the first two and last two of a page's non-blank lines.
func edgeLines(idx []int) []int {
	if len(idx) <= 4 {
		return idx
	}
	return []int{idx[0], idx[1], idx[len(idx)-2], idx[len(idx)-1]}
}

// pdfListMarker matches a list marker that a layout separates from its
// item by a gap ("・   商品の発送"); such a gap is not a table column.
var pdfListMarker = regexp.MustCompile(`^(?:[-*・•●○■□◆◇▪‣※]|[0-9０-９]{1,3}[.．)）]|[(（][0-9０-９a-zA-Z一二三四五六七八九十]{1,3}[)）]|[①-⑳⑴-⒇]|第[0-9０-９]+条)$`)

// appendLine writes one line of pdftotext output (s starts at orig offset
// base), undoing two things a layout adds: a gap between table columns
// becomes a tab, as in the other formats; and the single space that a PDF
// shows between Japanese and Latin letters, digits or Japanese punctuation
// ("2024 年 4 月", "開示 、") is dropped, since Japanese prose has none.
func appendLine(b *strings.Builder, offset *[]int, s string, base int) {
	lead := len(s) - len(strings.TrimLeft(s, " "))
	write := func(text string, at int) {
		b.WriteString(text)
		for range len(text) {
			*offset = append(*offset, base+at)
		}
	}
	for i := 0; i < len(s); {
		if s[i] == ' ' && i >= lead {
			j := i
			for j < len(s) && s[j] == ' ' {
				j++
			}
			if j-i >= 2 && j < len(s) {
				if pdfListMarker.MatchString(strings.TrimSpace(s[lead:i])) {
					write(" ", i)
				} else {
					write("\t", i)
				}
				i = j
				continue
			}
			if j-i == 1 && i > lead && j < len(s) {
				before, _ := utf8.DecodeLastRuneInString(s[:i])
				after, _ := utf8.DecodeRuneInString(s[j:])
				if isCJKPunct(before) || isCJKPunct(after) ||
					(isJapanese(before) && isASCIIAlnum(after)) || (isASCIIAlnum(before) && isJapanese(after)) {
					i = j
					continue
				}
			}
		}
		_, n := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+n])
		for k := range n {
			*offset = append(*offset, base+i+k)
		}
		i += n
	}
}

func isJapanese(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) || r == 'ー' || isCJKPunct(r)
}

// isCJKPunct reports Japanese punctuation and full-width symbols (not the
// ideographic space).
func isCJKPunct(r rune) bool {
	return (r > 0x3000 && r <= 0x303F) || (r >= 0xFF01 && r <= 0xFF0F) || (r >= 0xFF1A && r <= 0xFF20) ||
		(r >= 0xFF3B && r <= 0xFF40) || (r >= 0xFF5B && r <= 0xFF65)
}

func isASCIIAlnum(r rune) bool { return r < utf8.RuneSelf && isAlnum(byte(r)) }
