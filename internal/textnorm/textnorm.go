// Package textnorm turns decoded text into the normalised form rules match
// against, keeping a map from every normalised byte back to the original.
//
// Normalisation folds width (全角英数 → ASCII, 半角カナ → 全角), unifies line
// ends, rewrites 和暦 years as 西暦 and 漢数字 article numbers as digits, and
// joins lines that a PDF export or a hard wrap broke inside a sentence.
package textnorm

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"

	"github.com/appilint/appilint/internal/rx"
)

// Result is normalised text with its offset map.
type Result struct {
	Text string
	// Offset has len(Text)+1 entries: the byte offset in the caller's
	// coordinate space (see Normalize) of each byte of Text.
	Offset []int
}

// builder accumulates output text and its offset map.
type builder struct {
	buf []byte
	off []int
}

func (b *builder) add(s string, origin int) {
	for i := 0; i < len(s); i++ {
		b.buf = append(b.buf, s[i])
		b.off = append(b.off, origin)
	}
}

// addMapped appends s whose bytes map one-to-one onto offsets.
func (b *builder) addMapped(s string, offs []int) {
	b.buf = append(b.buf, s...)
	b.off = append(b.off, offs...)
}

func (b *builder) result(end int) Result {
	return Result{Text: string(b.buf), Offset: append(b.off, end)}
}

// Layout says how lines of the input relate to paragraphs.
type Layout int

// Layouts.
const (
	// Wrapped text may break lines inside sentences (plain text, PDF
	// exports): lines that run to the wrap width are joined.
	Wrapped Layout = iota
	// Markdown joins soft breaks inside a paragraph.
	Markdown
	// Paragraphs has one paragraph per line already (DOCX, HTML): nothing is joined.
	Paragraphs
)

// Normalize normalises text. offset maps each byte of text to the caller's
// coordinate space (nil means identity) and must have len(text)+1 entries
// when not nil.
func Normalize(text string, offset []int, layout Layout) Result {
	at := func(i int) int {
		if offset == nil {
			return i
		}
		return offset[i]
	}
	r := fold(text, at)
	r = rewrite(r, eraPattern, eraYear)
	r = rewrite(r, kanjiArticlePattern, kanjiArticle)
	if layout != Paragraphs {
		r = joinBrokenLines(r, layout == Markdown)
	}
	return r
}

// fold applies per-character normalisation and unifies line ends.
func fold(text string, at func(int) int) Result {
	var b builder
	b.buf = make([]byte, 0, len(text))
	b.off = make([]int, 0, len(text)+1)
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		o := at(i)
		switch {
		case r == '\r':
			b.add("\n", o)
			if i+1 < len(text) && text[i+1] == '\n' {
				n = 2
			}
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			// Invisible characters split words for matching; drop them.
		case r == '\u00a0' || r == '\u3000' || r == '\u2002' || r == '\u2003' || r == '\u2009':
			b.add(" ", o)
		case r == '\u2010' || r == '\u2011' || r == '\u2012' || r == '\u2013' || r == '\u2212' || r == '\uff0d':
			b.add("-", o)
		case r == '\uff5e':
			b.add("〜", o)
		case r >= '\uff61' && r <= '\uff9f':
			// 半角カナ: fold, then compose a following (semi-)voiced mark.
			s := width.Widen.String(string(r))
			if i+n < len(text) {
				if nr, nn := utf8.DecodeRuneInString(text[i+n:]); nr == '\uff9e' || nr == '\uff9f' {
					if c := norm.NFC.String(s + width.Widen.String(string(nr))); utf8.RuneCountInString(c) == 1 {
						s = c
						n += nn
					}
				}
			}
			b.add(s, o)
		case r == utf8.RuneError && n == 1:
			b.add("\ufffd", o)
		default:
			if k := width.LookupRune(r).Kind(); k == width.EastAsianFullwidth {
				if f := width.Narrow.String(string(r)); f != string(r) && utf8.RuneCountInString(f) == 1 {
					if fr, _ := utf8.DecodeRuneInString(f); fr < 0x80 {
						b.add(f, o)
						break
					}
				}
			}
			b.add(text[i:i+n], o)
		}
		i += n
	}
	return b.result(at(len(text)))
}

// rewrite replaces each match of re with repl(match); the replacement maps
// to the start of the match, and text outside matches keeps its map.
func rewrite(in Result, re *rx.Regexp, repl func([]string) string) Result {
	locs := re.FindAllStringSubmatchIndex(in.Text, -1)
	if len(locs) == 0 {
		return in
	}
	var b builder
	prev := 0
	for _, loc := range locs {
		groups := make([]string, len(loc)/2)
		for g := range groups {
			if loc[2*g] >= 0 {
				groups[g] = in.Text[loc[2*g]:loc[2*g+1]]
			}
		}
		s := repl(groups)
		if s == groups[0] {
			continue
		}
		b.addMapped(in.Text[prev:loc[0]], in.Offset[prev:loc[0]])
		b.add(s, in.Offset[loc[0]])
		prev = loc[1]
	}
	b.addMapped(in.Text[prev:], in.Offset[prev:len(in.Text)])
	return b.result(in.Offset[len(in.Text)])
}

var eraPattern = rx.MustCompile(`(令和|平成|昭和)\s*(元|[0-9]{1,2})\s*年`)

var eraBase = map[string]int{"令和": 2018, "平成": 1988, "昭和": 1925}

// eraYear rewrites 令和4年 as 2022年.
func eraYear(g []string) string {
	n := 1
	if g[2] != "元" {
		n, _ = strconv.Atoi(g[2])
	}
	return strconv.Itoa(eraBase[g[1]]+n) + "年"
}

var kanjiArticlePattern = rx.MustCompile(`第([〇一二三四五六七八九十百]+)(条|項|号)`)

// kanjiArticle rewrites 第二十七条 as 第27条.
func kanjiArticle(g []string) string {
	n, ok := KanjiNumber(g[1])
	if !ok {
		return g[0]
	}
	return "第" + strconv.Itoa(n) + g[2]
}

// KanjiNumber reads a 漢数字 number below 1000 (二十七, 百二, 三〇).
func KanjiNumber(s string) (int, bool) {
	digits := map[rune]int{'〇': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	total, cur := 0, -1
	for _, r := range s {
		switch r {
		case '十', '百':
			mult := 10
			if r == '百' {
				mult = 100
			}
			if cur < 0 {
				cur = 1
			}
			total += cur * mult
			cur = -1
		default:
			d, ok := digits[r]
			if !ok {
				return 0, false
			}
			if cur < 0 {
				cur = 0
			}
			cur = cur*10 + d
		}
	}
	if cur > 0 {
		total += cur
	}
	return total, s != ""
}

// joinBrokenLines removes line breaks that split a sentence: in Markdown
// every soft break inside a paragraph; elsewhere a break after a line that
// runs to the document's wrap width and does not end a sentence (a PDF
// export or a hard-wrapped text file), even across one blank line.
func joinBrokenLines(in Result, markdown bool) Result {
	lines := splitLines(in.Text)
	wrap := wrapWidth(lines, in.Text)
	var b builder
	for i := 0; i < len(lines); i++ {
		ln := lines[i]
		s := in.Text[ln.start:ln.end]
		next := -1
		if shouldJoin(in.Text, lines, i, wrap, markdown, &next) {
			trimmed := strings.TrimRightFunc(s, unicode.IsSpace)
			b.addMapped(trimmed, in.Offset[ln.start:ln.start+len(trimmed)])
			nl := lines[next]
			nextText := in.Text[nl.start:nl.end]
			lead := len(nextText) - len(strings.TrimLeftFunc(nextText, unicode.IsSpace))
			last, _ := utf8.DecodeLastRuneInString(trimmed)
			first, _ := utf8.DecodeRuneInString(nextText[lead:])
			if last < 0x80 && first < 0x80 && last != ' ' {
				b.add(" ", in.Offset[ln.start+len(trimmed)])
			}
			// Continue with the next line's content, its indent dropped.
			lines[next].start += lead
			i = next - 1
			continue
		}
		b.addMapped(s, in.Offset[ln.start:ln.end])
		if ln.end < len(in.Text) {
			b.add("\n", in.Offset[ln.end])
		}
	}
	return b.result(in.Offset[len(in.Text)])
}

type line struct{ start, end int } // end excludes the '\n'

func splitLines(s string) []line {
	var out []line
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, line{start, i})
			start = i + 1
		}
	}
	return append(out, line{start, len(s)})
}

// wrapWidth estimates the width (in characters) at which the text was hard
// wrapped: the width with the most lines just at or below it, or 0 when too
// few lines share a width for a wrap to be likely. The densest width, not a
// percentile, so that a few long lines added to a wrapped text (a drafted
// clause, a URL) do not move it.
func wrapWidth(lines []line, text string) int {
	var lens []int
	for _, l := range lines {
		n := utf8.RuneCountInString(strings.TrimSpace(text[l.start:l.end]))
		if n >= 10 {
			lens = append(lens, n)
		}
	}
	if len(lens) < 8 {
		return 0
	}
	sort.Ints(lens)
	best, bestCount := 0, 0
	for i, w := range lens {
		// Hard wraps are at least 30 characters wide; shorter "widths" are
		// labels and list items that happen to share a length.
		if w < 30 || i+1 < len(lens) && lens[i+1] == w {
			continue // each width once, at its last occurrence
		}
		// Lines within [0.85w, w+2] count as wrapped at w.
		lo := sort.SearchInts(lens, (w*85+99)/100)
		hi := sort.SearchInts(lens, w+3)
		if c := hi - lo; c >= bestCount {
			best, bestCount = w, c
		}
	}
	if best == 0 || bestCount < 5 || bestCount*100 < len(lens)*25 {
		return 0
	}
	return best
}

var sentenceEnd = "。．.!?！？:：】>"

// markerLine matches lines that start a new unit (list item, heading,
// numbered clause, table row) and so must never be joined onto.
var markerLine = rx.MustCompile(`^\s*(?:[#>|*+・●○■□◆◇※\-\t]|\d{1,3}[.．、)）]|[(（][0-9a-zA-Z一二三四五六七八九十]{1,3}[)）]|[①-⑳]|第\s*[0-9]+\s*[条章節]|【|\[|[IVXⅠ-Ⅻ]+[.\-．]|[A-Za-z][.)]\s|(?:Q|A)[.:：]|<)`)

func shouldJoin(text string, lines []line, i, wrap int, markdown bool, next *int) bool {
	cur := strings.TrimSpace(text[lines[i].start:lines[i].end])
	if cur == "" || i+1 >= len(lines) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(cur)
	if strings.ContainsRune(sentenceEnd, last) {
		return false
	}
	j := i + 1
	nextText := strings.TrimSpace(text[lines[j].start:lines[j].end])
	if markdown {
		// Short lines are labels and values (責任を有する者 / 当社), not a
		// wrapped paragraph: keep them apart.
		if utf8.RuneCountInString(cur) < 20 || nextText == "" || markerLine.MatchString(text[lines[j].start:lines[j].end]) ||
			markerLine.MatchString(text[lines[i].start:lines[i].end]) && isHeadingOrTable(cur) ||
			strings.HasSuffix(text[lines[i].start:lines[i].end], "  ") || strings.HasPrefix(nextText, "```") {
			return false
		}
		*next = j
		return true
	}
	if wrap == 0 || utf8.RuneCountInString(cur)*100 < wrap*85 {
		return false
	}
	if nextText == "" && j+1 < len(lines) {
		// PDF exports often put a blank line after every wrapped line.
		j++
		nextText = strings.TrimSpace(text[lines[j].start:lines[j].end])
	}
	if nextText == "" || markerLine.MatchString(text[lines[j].start:lines[j].end]) || strings.ContainsRune(cur, '\t') {
		return false
	}
	*next = j
	return true
}

func isHeadingOrTable(s string) bool {
	return strings.HasPrefix(s, "#") || strings.HasPrefix(s, "|")
}
