package load

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extraction works on the token stream rather than a parsed tree: the
// tokenizer gives exact byte offsets (the raw bytes of consecutive tokens
// partition the input) and needs no recursion, so 10,000 nested elements
// cost nothing special. The few structural elements whose end matters
// (lists, items, tables, cells, headings, pre) are kept on an explicit stack
// with just enough of the HTML parser's implicit-close rules for real pages.

// kind classifies the elements tracked on the stack.
type kind uint8

const (
	kindList kind = iota // ul, ol, menu, dir
	kindItem             // li
	kindTable
	kindRow
	kindCell // td, th
	kindPre  // pre, listing, xmp, plaintext, textarea
	kindHeading
	numKinds
)

type elem struct {
	kind     kind
	prevSame int // index of the next-lower element of the same kind, or -1
	tableCtx int // index of the nearest table, row or cell at or below, or -1
	cells    int // rows: cells started so far
}

// prefixPart is a pending line marker ("## ", "- "), written only when the
// line gets content so empty elements leave no stray markers.
type prefixPart struct {
	owner int // stack index of the element that set it
	item  bool
	text  string
	off   int
}

// maxIndentLevel caps list indentation so pathological nesting cannot make
// the output quadratic in size.
const maxIndentLevel = 10

// skipped elements have no visible content.
var skipped = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true,
	atom.Noscript: true, atom.Template: true, atom.Svg: true, atom.Math: true,
	atom.Iframe: true, atom.Object: true, atom.Noembed: true, atom.Noframes: true,
	// Ruby annotations (furigana) would otherwise be glued into the base text.
	atom.Rt: true, atom.Rp: true,
}

// rawTextTags are the elements whose content the tokenizer reads as raw
// text even when written as <x/>, so their content must be skipped as well.
var rawTextTags = map[atom.Atom]bool{
	atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true,
}

// headContent may appear inside <head>; any other start tag implies the
// body has begun (browsers close an unterminated head the same way).
var headContent = map[atom.Atom]bool{
	atom.Title: true, atom.Meta: true, atom.Link: true, atom.Style: true,
	atom.Script: true, atom.Noscript: true, atom.Base: true, atom.Template: true,
}

// blockBreak gives the line breaks around simple block elements: 1 starts
// a new line, 2 leaves a blank line (paragraph-like blocks).
var blockBreak = map[atom.Atom]int{
	atom.P: 2, atom.Blockquote: 2, atom.Dl: 2, atom.Figure: 2, atom.Address: 2, atom.Hr: 2,
	atom.Div: 1, atom.Section: 1, atom.Article: 1, atom.Header: 1, atom.Footer: 1,
	atom.Nav: 1, atom.Main: 1, atom.Aside: 1, atom.Dt: 1, atom.Dd: 1, atom.Form: 1,
	atom.Figcaption: 1, atom.Caption: 1, atom.Details: 1, atom.Summary: 1,
	atom.Fieldset: 1, atom.Legend: 1, atom.Center: 1, atom.Hgroup: 1, atom.Dialog: 1,
	atom.Body: 1, atom.Html: 1, atom.Tbody: 1, atom.Thead: 1, atom.Tfoot: 1,
}

type extractor struct {
	src string
	buf []byte
	off []int

	stack  []elem
	last   [numKinds]int // top-most index of each kind, or -1
	counts [numKinds]int

	skip     atom.Atom // while non-zero, content is invisible until its end
	skipNest int
	started  bool // body content seen: a later <head> is a stray tag

	pendingBreak int // newlines owed before the next content
	breakOff     int
	prefix       []prefixPart
	tabs         []int // offsets of cell separators owed
	pendingSpace bool
	spaceOff     int
	spaceNL      bool  // the collapsed whitespace contained a line break
	wide         []int // offsets of owed U+3000 (ideographic) spaces
	noSpace      bool  // at the start of a cell: whitespace is leading
	lineHasText  bool
	lastRune     rune

	cells    int  // open cells (any depth): content is flattened onto one line
	pres     int  // open pre-like elements
	afterPre bool // the next token directly follows <pre>
	literal  bool // the next text token is not entity-decoded (xmp, plaintext)
}

// extractHTML returns the visible text of an HTML document and, for each of
// its bytes, the offset in src it came from (plus one entry for the end).
func extractHTML(src string) (string, []int) {
	x := &extractor{
		src: src,
		buf: make([]byte, 0, len(src)/2),
		off: make([]int, 0, len(src)/2+1),
	}
	for k := range x.last {
		x.last[k] = -1
	}
	z := html.NewTokenizer(strings.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := pos
		pos += len(z.Raw())
		afterPre, literal := x.afterPre, x.literal
		x.afterPre, x.literal = false, false
		switch tt {
		case html.TextToken:
			if x.skip == 0 {
				x.text(start, pos, afterPre, literal)
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			x.startTag(atom.Lookup(name), name, tt == html.SelfClosingTagToken, start)
		case html.EndTagToken:
			name, _ := z.TagName()
			x.endTag(atom.Lookup(name), start)
		}
	}
	x.off = append(x.off, len(src))
	return string(x.buf), x.off
}

// startTag handles a start tag; name is the lower-cased tag name, a its
// atom (0 for unknown elements, which are inline).
func (x *extractor) startTag(a atom.Atom, name []byte, selfClosing bool, off int) {
	if x.skip != 0 {
		if !x.leaveSkipOnStart(a) {
			if a == x.skip && !selfClosing {
				x.skipNest++
			}
			return
		}
	}
	if skipped[a] && (!selfClosing || rawTextTags[a]) {
		if a == atom.Head && x.started {
			return
		}
		x.skip, x.skipNest = a, 1
		return
	}
	if a != atom.Html && a != atom.Body && a != atom.Head {
		x.started = true
	}

	switch a {
	case atom.Br:
		x.lineBreak(off)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// A heading cannot contain another; browsers close the open one.
		if x.topKind() == kindHeading {
			x.popTo(len(x.stack)-1, off)
		}
		x.setBreak(2, off)
		i := x.push(kindHeading)
		if x.cells == 0 {
			level := int(name[1] - '0')
			x.prefix = append(x.prefix, prefixPart{owner: i, text: strings.Repeat("#", level) + " ", off: off})
		}
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		if x.counts[kindList] > 0 {
			x.setBreak(1, off)
		} else {
			x.setBreak(2, off)
		}
		x.push(kindList)
	case atom.Li:
		if x.topKind() == kindItem {
			x.popTo(len(x.stack)-1, off)
		}
		x.setBreak(1, off)
		i := x.push(kindItem)
		if x.cells == 0 {
			// An item whose first content is a nested list shows only the
			// inner marker, like Markdown.
			kept := x.prefix[:0]
			for _, p := range x.prefix {
				if !p.item {
					kept = append(kept, p)
				}
			}
			x.prefix = kept
			level := min(x.counts[kindList], maxIndentLevel)
			indent := strings.Repeat("  ", max(level-1, 0))
			x.prefix = append(x.prefix, prefixPart{owner: i, item: true, text: indent + "- ", off: off})
		}
	case atom.Table:
		x.setBreak(2, off)
		x.push(kindTable)
	case atom.Tr:
		x.startRow(off)
	case atom.Td, atom.Th:
		x.startCell(off)
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext, atom.Textarea:
		x.setBreak(2, off)
		x.push(kindPre)
		x.pres++
		x.afterPre = a != atom.Xmp && a != atom.Plaintext
		x.literal = a == atom.Xmp || a == atom.Plaintext
	default:
		if n := blockBreak[a]; n > 0 {
			x.setBreak(n, off)
		}
	}
}

// leaveSkipOnStart reports whether a start tag ends the skipped element.
func (x *extractor) leaveSkipOnStart(a atom.Atom) bool {
	switch x.skip {
	case atom.Head:
		if a == atom.Body || (!headContent[a] && a != atom.Head) {
			x.skip = 0
			return true
		}
	case atom.Rt, atom.Rp:
		// Their end tags are optional: the next annotation ends them.
		if a == atom.Rt || a == atom.Rp || a == atom.Rb || a == atom.Rtc || blockBreak[a] > 0 {
			x.skip = 0
			return true
		}
	}
	return false
}

func (x *extractor) endTag(a atom.Atom, off int) {
	if x.skip != 0 {
		if a == x.skip {
			x.skipNest--
		}
		if (x.skip == atom.Rt || x.skip == atom.Rp) && a == atom.Ruby {
			x.skipNest = 0
		}
		if x.skipNest <= 0 {
			x.skip = 0
		}
		return
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		x.close(kindHeading, off)
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir:
		x.close(kindList, off)
	case atom.Li:
		x.close(kindItem, off)
	case atom.Table:
		x.close(kindTable, off)
	case atom.Tr:
		x.close(kindRow, off)
	case atom.Td, atom.Th:
		x.close(kindCell, off)
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext, atom.Textarea:
		x.close(kindPre, off)
	case atom.Br:
		x.lineBreak(off) // browsers treat </br> as <br>
	default:
		if n := blockBreak[a]; n > 0 {
			x.setBreak(n, off)
		}
	}
}

// push adds a tracked element and returns its stack index.
func (x *extractor) push(k kind) int {
	i := len(x.stack)
	e := elem{kind: k, prevSame: x.last[k], tableCtx: -1}
	if i > 0 {
		e.tableCtx = x.stack[i-1].tableCtx
	}
	switch k {
	case kindTable, kindRow:
		e.tableCtx = i
	case kindCell:
		e.tableCtx = i
		x.cells++
	}
	x.stack = append(x.stack, e)
	x.last[k] = i
	x.counts[k]++
	return i
}

func (x *extractor) topKind() kind {
	if len(x.stack) == 0 {
		return numKinds
	}
	return x.stack[len(x.stack)-1].kind
}

// close handles an end tag: it closes the top-most open element of that
// kind and everything above it; a stray end tag is ignored.
func (x *extractor) close(k kind, off int) {
	if i := x.last[k]; i >= 0 {
		x.popTo(i, off)
	}
}

// popTo pops the stack down to (and including) index i. Each element is
// popped once, so the total work is linear in the number of start tags.
func (x *extractor) popTo(i, off int) {
	for len(x.stack) > i {
		top := len(x.stack) - 1
		e := x.stack[top]
		x.stack = x.stack[:top]
		x.last[e.kind] = e.prevSame
		x.counts[e.kind]--
		x.dropPrefix(top)
		switch e.kind {
		case kindList:
			if x.counts[kindList] > 0 {
				x.setBreak(1, off)
			} else {
				x.setBreak(2, off)
			}
		case kindItem:
			x.setBreak(1, off)
		case kindTable, kindHeading:
			x.setBreak(2, off)
		case kindRow:
			x.setBreak(1, off)
			x.tabs = x.tabs[:0]
		case kindCell:
			x.cells--
		case kindPre:
			x.pres--
			x.setBreak(2, off)
		}
	}
}

// dropPrefix forgets markers of closed elements that never got content.
func (x *extractor) dropPrefix(owner int) {
	for len(x.prefix) > 0 && x.prefix[len(x.prefix)-1].owner >= owner {
		x.prefix = x.prefix[:len(x.prefix)-1]
	}
}

// startRow closes an open row or cell of the current table and opens a row.
func (x *extractor) startRow(off int) {
	t := x.tableCtx()
	if t < 0 {
		return // browsers ignore <tr> outside a table
	}
	if x.stack[t].kind == kindCell {
		x.popTo(t, off)
		t = x.tableCtx()
	}
	if t >= 0 && x.stack[t].kind == kindRow {
		x.popTo(t, off)
	}
	x.setBreak(1, off)
	x.tabs = x.tabs[:0]
	x.push(kindRow)
}

// startCell opens a cell, implying the end of the previous cell and, when
// missing, the start of a row.
func (x *extractor) startCell(off int) {
	t := x.tableCtx()
	if t < 0 {
		return // browsers ignore <td> outside a table
	}
	if x.stack[t].kind == kindCell {
		x.popTo(t, off)
		t = x.tableCtx()
	}
	if t < 0 || x.stack[t].kind != kindRow {
		x.startRow(off)
		t = len(x.stack) - 1
	}
	row := &x.stack[t]
	row.cells++
	first := row.cells == 1
	x.push(kindCell)
	if x.cells > 1 {
		// A table inside a cell is flattened onto the outer cell's line.
		x.space(off, false)
		return
	}
	if !first {
		x.tabs = append(x.tabs, off)
	}
	x.clearSpace()
	x.noSpace = true
}

func (x *extractor) tableCtx() int {
	if len(x.stack) == 0 {
		return -1
	}
	return x.stack[len(x.stack)-1].tableCtx
}

// setBreak asks for n (1 or 2) line ends before the next content; inside a
// table cell it becomes a space so that each row stays on one line.
func (x *extractor) setBreak(n, off int) {
	if x.cells > 0 {
		x.space(off, false)
		return
	}
	if x.pendingBreak == 0 {
		x.breakOff = off
	}
	x.pendingBreak = max(x.pendingBreak, n)
	x.clearSpace()
}

func (x *extractor) clearSpace() {
	x.pendingSpace = false
	x.wide = x.wide[:0]
}

// lineBreak is <br>: each one ends a line, and two in a row leave a blank
// line, but never more than one.
func (x *extractor) lineBreak(off int) {
	if x.cells > 0 {
		x.space(off, false)
		return
	}
	if x.pendingBreak == 0 {
		x.breakOff = off
	}
	x.pendingBreak = min(x.pendingBreak+1, max(x.pendingBreak, 2))
	x.clearSpace()
}

// space records collapsible whitespace; it is written only between two
// pieces of content on the same line.
func (x *extractor) space(off int, newline bool) {
	if !x.lineHasText || x.pendingBreak > 0 || x.noSpace {
		return
	}
	if !x.pendingSpace {
		x.pendingSpace, x.spaceOff, x.spaceNL = true, off, false
	}
	if newline {
		x.spaceNL = true
	}
}

// text handles the text token src[start:end].
func (x *extractor) text(start, end int, afterPre, literal bool) {
	s := x.src[start:end]
	i := 0
	if afterPre {
		// Browsers drop a newline directly after <pre>.
		switch {
		case strings.HasPrefix(s, "\r\n"):
			i = 2
		case strings.HasPrefix(s, "\n"), strings.HasPrefix(s, "\r"):
			i = 1
		}
	}
	for i < len(s) {
		c := s[i]
		if c == '&' && !literal {
			if val, n := entityAt(s[i:]); n > 0 {
				for _, r := range val {
					x.char(r, start+i, false)
				}
				i += n
				continue
			}
		}
		if c == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++ // CRLF is one line end; the LF represents it
			continue
		}
		r, n := rune(c), 1
		if c >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		x.char(r, start+i, true)
		i += n
	}
}

// char handles one character of text from src offset off; literal means its
// UTF-8 bytes are exactly the source bytes (not an entity).
func (x *extractor) char(r rune, off int, literal bool) {
	if x.pres > 0 && x.cells == 0 {
		if r == '\n' || r == '\r' {
			if x.pendingBreak == 0 {
				x.breakOff = off
			}
			x.pendingBreak++
			x.clearSpace()
			return
		}
		x.emit(r, off, literal)
		return
	}
	switch r {
	case ' ', '\t', '\f', '\u00a0':
		// NBSP is folded too: pages use &nbsp; for layout, not meaning.
		x.space(off, false)
	case '\n', '\r':
		x.space(off, true)
	case '\u3000':
		// Ideographic spaces are not collapsed, but as indentation or at
		// the end of a line they are layout, like ASCII spaces.
		if x.lineHasText && x.pendingBreak == 0 && !x.noSpace {
			x.wide = append(x.wide, off)
		}
	default:
		x.emit(r, off, literal)
	}
}

// emit writes one character of content, preceded by whatever line ends,
// markers, separators and space are owed.
func (x *extractor) emit(r rune, off int, literal bool) {
	if x.pendingBreak > 0 {
		if len(x.buf) > 0 {
			for n := x.pendingBreak - trailingNewlines(x.buf); n > 0; n-- {
				x.add("\n", x.breakOff)
			}
		}
		x.pendingBreak = 0
		x.lineHasText = false
	}
	for _, p := range x.prefix {
		x.add(p.text, p.off)
	}
	x.prefix = x.prefix[:0]
	for _, o := range x.tabs {
		x.add("\t", o)
	}
	x.tabs = x.tabs[:0]
	if len(x.wide) > 0 {
		for _, o := range x.wide {
			x.add("\u3000", o)
		}
		x.clearSpace()
	}
	if x.pendingSpace {
		// A line break between two Japanese characters is source
		// formatting, not a word space (CSS segment-break rules).
		if !(x.spaceNL && isCJK(x.lastRune) && isCJK(r)) {
			x.add(" ", x.spaceOff)
		}
		x.pendingSpace = false
	}
	n := len(x.buf)
	x.buf = utf8.AppendRune(x.buf, r)
	for k := range len(x.buf) - n {
		if literal {
			x.off = append(x.off, off+k)
		} else {
			x.off = append(x.off, off)
		}
	}
	x.lineHasText = true
	x.noSpace = false
	x.lastRune = r
	x.started = true
}

func (x *extractor) add(s string, off int) {
	x.buf = append(x.buf, s...)
	for range len(s) {
		x.off = append(x.off, off)
	}
}

func trailingNewlines(b []byte) int {
	n := 0
	for n < len(b) && n < 2 && b[len(b)-1-n] == '\n' {
		n++
	}
	return n
}

func isCJK(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x3000 && r <= 0x30FF, // punctuation, hiragana, katakana
		r >= 0x31F0 && r <= 0x31FF, // katakana extensions
		r >= 0x3400 && r <= 0x4DBF, // CJK extension A
		r >= 0x4E00 && r <= 0x9FFF, // CJK unified ideographs
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFF00 && r <= 0xFFEF, // full- and half-width forms
		r >= 0x20000 && r <= 0x3FFFF:
		return true
	}
	return false
}

// entityAt decodes a character reference at the start of s ("&amp;",
// "&#12354;", "&copy" …) and returns its value and length, or n == 0 when s
// does not start with one. The value is whatever html.UnescapeString makes
// of exactly those bytes, so decoding matches the tokenizer's.
func entityAt(s string) (val string, n int) {
	if len(s) < 2 {
		return "", 0
	}
	if s[1] == '#' {
		return numericEntityAt(s)
	}
	// Entity names are at most 32 bytes; bounding the scan keeps long runs
	// of letters after '&' linear.
	j := 1
	for j < len(s) && j <= 40 && isAlnum(s[j]) {
		j++
	}
	if j == 1 {
		return "", 0
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	cand := s[:j]
	u := html.UnescapeString(cand)
	if u == cand {
		return "", 0
	}
	// Either all of cand is one reference, or a legacy name without ';'
	// matched a prefix ("&copy2024") and the rest came through unchanged.
	// No reference decodes to text ending in the same ASCII byte as its
	// name, except &semi; itself.
	if cand == "&semi;" || u[len(u)-1] != cand[len(cand)-1] {
		return u, len(cand)
	}
	_, size := utf8.DecodeRuneInString(u)
	n = len(cand) - (len(u) - size)
	if n < 2 || n > len(cand) {
		return "", 0
	}
	return u[:size], n
}

func numericEntityAt(s string) (string, int) {
	j, hex := 2, false
	if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
		j, hex = 3, true
	}
	digits := j
	significant := 0
	for j < len(s) && (isDigit(s[j]) || (hex && isHexDigit(s[j]))) {
		if significant > 0 || s[j] != '0' {
			significant++
		}
		j++
	}
	if j == digits || significant > 8 {
		return "", 0 // no digits, or a number beyond Unicode
	}
	if j < len(s) && s[j] == ';' {
		j++
	}
	u := html.UnescapeString(s[:j])
	// NUL, surrogates and out-of-range numbers decode to U+FFFD; keep the
	// source text rather than invent replacement characters.
	if strings.ContainsRune(u, utf8.RuneError) {
		return "", 0
	}
	return u, j
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isHexDigit(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }
func isAlnum(c byte) bool    { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') }
