package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"golang.org/x/text/width"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// palette holds the colours of one Write call. Each colour is switched on or
// off explicitly so that the output never depends on color.NoColor, which
// looks at os.Stdout rather than at the writer we were given.
type palette struct {
	sev map[engine.Severity]*color.Color
}

func newPalette(enable bool) palette {
	p := palette{sev: map[engine.Severity]*color.Color{
		engine.Error:   color.New(color.FgRed, color.Bold),
		engine.Warning: color.New(color.FgYellow, color.Bold),
		engine.Info:    color.New(color.FgCyan, color.Bold),
	}}
	for _, c := range p.sev {
		if enable {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

func (p palette) paint(s engine.Severity, text string) string {
	c, ok := p.sev[s]
	if !ok {
		c = p.sev[engine.Info]
	}
	return c.Sprint(text)
}

// textWords are the fixed phrases of the text format.
type textWords struct {
	missing, suggested, replacement string
}

var words = map[string]textWords{
	"ja": {missing: "[不足] ", suggested: "追加する文例: ", replacement: "修正案: "},
	"en": {missing: "[missing] ", suggested: "suggested text: ", replacement: "suggestion: "},
}

const indent = "  "

func writeText(w io.Writer, files []*file, opt Options) error {
	bw := bufio.NewWriter(w) // keeps the first write error for Flush
	lang := opt.lang()
	wd := words[lang]
	pal := newPalette(opt.Color)
	for _, f := range files {
		for _, fd := range f.findings {
			writeTextFinding(bw, f, fd, lang, wd, pal)
		}
		if len(f.findings) > 0 && f.doc.Note != "" {
			// Extracted formats: say what the line numbers count.
			_, _ = fmt.Fprintf(bw, "%s: %s\n\n", f.path, f.doc.Note)
		}
	}
	// Each finding block ends with a blank line, which also separates the
	// last one from the summary.
	_, _ = bw.WriteString(summary(tally(files), len(files), lang) + "\n")
	return bw.Flush()
}

func writeTextFinding(w *bufio.Writer, f *file, fd located, lang string, wd textWords, pal palette) {
	var marker, article string
	if fd.Missing {
		marker = wd.missing
	}
	if a := fd.Rule.Article.In(lang); a != "" {
		article = " (" + a + ")"
	}
	_, _ = fmt.Fprintf(w, "%s:%d:%d: %s %s %s%s%s\n",
		f.path, fd.start.Line, fd.start.Column,
		pal.paint(fd.Severity, fd.Severity.String()), fd.Rule.ID,
		marker, message(fd.Finding, lang), article)

	line := f.doc.LineText(fd.start.Offset)
	_, _ = w.WriteString(indent + line + "\n")
	if fd.Missing {
		// The span is only an anchor (where the text belongs), so underlining
		// it would point at the wrong words.
		writeIndented(w, wd.suggested, fd.Suggestion)
	} else {
		_, _ = w.WriteString(indent + pal.paint(fd.Severity, caretLine(line, fd.start, fd.end)) + "\n")
		writeIndented(w, wd.replacement, fd.Suggestion)
	}
	_, _ = w.WriteString("\n")
}

// writeIndented writes label+text, continuing a multi-line text under the
// first line's text.
func writeIndented(w *bufio.Writer, label, text string) {
	if text == "" {
		return
	}
	pad := strings.Repeat(" ", displayWidth(label))
	for i, l := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if i == 0 {
			_, _ = w.WriteString(indent + label + l + "\n")
		} else {
			_, _ = w.WriteString(indent + pad + l + "\n")
		}
	}
}

// caretLine builds the marker line under a source line: padding up to the
// span start (tabs copied so they expand like the line above), then ^~~~
// across the span's display width, cut at the end of the line.
func caretLine(line string, start, end model.Position) string {
	var b strings.Builder
	rest := line
	for i := 0; i < start.Column-1 && rest != ""; i++ {
		r, n := utf8.DecodeRuneInString(rest)
		rest = rest[n:]
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteString(strings.Repeat(" ", runeWidth(r)))
		}
	}
	// Columns covered by the span on this line.
	spanRunes := len([]rune(rest))
	if end.Line == start.Line {
		spanRunes = min(spanRunes, end.Column-start.Column)
	}
	wid := 0
	for _, r := range []rune(rest)[:max(spanRunes, 0)] {
		if r == '\t' {
			wid++ // its real width depends on the terminal; one mark is enough
		} else {
			wid += runeWidth(r)
		}
	}
	b.WriteString("^")
	if wid > 1 {
		b.WriteString(strings.Repeat("~", wid-1))
	}
	return b.String()
}

// runeWidth is the number of terminal columns r takes: 2 for East Asian
// wide and fullwidth characters, 0 for combining and format characters.
func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	return 1
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func summary(c counts, nfiles int, lang string) string {
	if lang == "en" {
		if c.total() == 0 {
			return fmt.Sprintf("no problems found (%s)", plural(nfiles, "file", "files"))
		}
		return fmt.Sprintf("%s (%s, %s, %d info) in %s",
			plural(c.total(), "problem", "problems"),
			plural(c.errors, "error", "errors"),
			plural(c.warnings, "warning", "warnings"),
			c.info, plural(nfiles, "file", "files"))
	}
	if c.total() == 0 {
		return fmt.Sprintf("問題は見つかりませんでした (%d ファイル)", nfiles)
	}
	return fmt.Sprintf("%d 件の問題 (エラー %d, 警告 %d, 情報 %d) / %d ファイル",
		c.total(), c.errors, c.warnings, c.info, nfiles)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
