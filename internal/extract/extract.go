// Package extract finds the main content of a web page so that navigation,
// headers, footers, sidebars and cookie banners do not count as evidence.
//
// Main does not rebuild the page: it returns the same HTML with everything
// outside the main content blanked out (each character replaced by a
// space, line breaks kept). The result is still HTML that internal/load
// reads, and every line and column in it is the line and column of the
// same text in the original page, so findings point into the real source.
package extract

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Main returns src (UTF-8 HTML) with everything but the main content
// blanked. When the extraction would keep almost none of the page's
// Japanese text (broken markup, an unusual layout), src is returned as is:
// linting the whole page is better than linting nothing.
func Main(src []byte) []byte {
	t := buildTree(src)
	t.decide()
	root := t.chooseRoot()
	kept := t.nodes[root].kept
	if kept < minKept && kept*4 < t.total {
		return src
	}
	return t.render(src, root)
}

// minKept is the amount of Japanese text (in characters) that is always
// enough to trust an extraction; below it the extraction must still hold a
// quarter of the page's text.
const minKept = 200

type node struct {
	tag        atom.Atom
	name       string // tag name, for matching end tags of unknown elements
	start, end int    // byte range of the element, tags included
	parent     int

	jp        int  // Japanese characters in the element's own text
	inLink    bool // inside <a>
	invisible bool // script, style…: never visible text
	rule      dropRule
	byAttr    bool // rule comes from id/class/aria-label words, which can be wrong
	section   bool // inside article, main, section or role=main
	mainHint  int  // 2: <main> or role=main, 1: <article>
	heading   bool // is or contains a heading
	hasMain   bool // contains a main or article element
	drop      bool
	kept      int // Japanese characters in the kept part of the subtree
	keptLink  int // the part of kept inside links
	headings  int // kept headings in the subtree
	visible   int // Japanese characters in the visible part of the subtree
}

type tree struct {
	nodes []node // nodes[0] is the document; parents precede children
	total int    // Japanese characters in the visible text of the page
}

// voidElements never have content or an end tag.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Param: true, atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Keygen: true,
}

// rawTextTags hold raw text up to their end tag even when written as <x/>.
var rawTextTags = map[atom.Atom]bool{
	atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Iframe: true, atom.Noembed: true, atom.Noframes: true, atom.Textarea: true, atom.Xmp: true,
}

// invisibleTags never show text.
var invisibleTags = map[atom.Atom]bool{
	atom.Head: true, atom.Title: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Noembed: true, atom.Noframes: true,
}

// buildTree tokenizes src into elements with byte ranges. The tokenizer
// gives exact offsets (the raw bytes of consecutive tokens partition the
// input); an end tag closes the nearest open element of its name and any
// elements left open inside it, which is enough for the block elements
// this package cares about.
func buildTree(src []byte) *tree {
	t := &tree{nodes: []node{{start: 0, end: len(src), parent: -1}}}
	stack := []int{0}
	z := html.NewTokenizer(bytes.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		start := pos
		pos += len(z.Raw())
		top := stack[len(stack)-1]
		switch tt {
		case html.TextToken:
			n := &t.nodes[top]
			jp := countJapanese(z.Raw())
			n.jp += jp
			if n.inLink {
				n.keptLink += jp // becomes the subtree sum in decide
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if voidElements[a] || (tt == html.SelfClosingTagToken && !rawTextTags[a]) {
				continue
			}
			n := node{tag: a, name: string(name), start: start, end: len(src), parent: top}
			p := &t.nodes[top]
			n.invisible = p.invisible || invisibleTags[a]
			n.inLink = p.inLink || a == atom.A
			n.section = p.section || p.mainHint > 0 || p.tag == atom.Section
			var attrs []string
			role := ""
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "role":
					role = strings.ToLower(strings.TrimSpace(string(v)))
					attrs = append(attrs, role)
				case "id", "class", "aria-label":
					attrs = append(attrs, string(v))
				}
			}
			switch {
			case a == atom.Main || role == "main":
				n.mainHint = 2
			case a == atom.Article || role == "article":
				n.mainHint = 1
			}
			n.heading = isHeading(a)
			n.rule, n.byAttr = classify(a, role, attrs)
			t.nodes = append(t.nodes, n)
			stack = append(stack, len(t.nodes)-1)
		case html.EndTagToken:
			name, _ := z.TagName()
			for i := len(stack) - 1; i > 0; i-- {
				if t.nodes[stack[i]].name != string(name) {
					continue
				}
				for _, j := range stack[i+1:] {
					t.nodes[j].end = start // closed implicitly
				}
				t.nodes[stack[i]].end = pos
				stack = stack[:i]
				break
			}
		}
	}
	return t
}

// dropRule says when an element is boilerplate.
type dropRule uint8

const (
	keep        dropRule = iota
	always               // script, navigation, forms, banners…
	pageLevel            // header/footer: dropped unless part of an article or section
	unlessTitle          // cookie: a banner, unless it is a titled section of the policy
)

// alwaysTags are elements that never hold policy text.
var alwaysTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Form: true, atom.Script: true, atom.Style: true,
	atom.Noscript: true, atom.Template: true, atom.Iframe: true, atom.Svg: true,
	atom.Object: true, atom.Dialog: true, atom.Button: true, atom.Select: true,
}

// dropRoles are ARIA landmarks and widgets outside the main content.
var dropRoles = map[string]dropRule{
	"navigation": always, "complementary": always, "search": always, "dialog": always,
	"alertdialog": always, "menu": always, "menubar": always,
	"banner": pageLevel, "contentinfo": pageLevel,
}

// Words in an id, class or aria-label that mark boilerplate: strongWords
// anywhere in the value, the others as a word's start or end.
var (
	strongWords = []string{"banner", "breadcrumb", "sidebar", "onetrust", "cookiebot", "パンくず", "メニュー"}
	navWords    = []string{"nav", "menu"}
	pageWords   = []string{"header", "footer"}
	// titleWords also name sections of a policy (Cookieについて, 同意), which
	// have a heading; banners usually do not.
	titleWords = []string{"cookie", "consent", "gdpr"}
)

// classify returns the element's drop rule and whether it comes from
// attribute words rather than the tag or role.
func classify(a atom.Atom, role string, attrs []string) (dropRule, bool) {
	if alwaysTags[a] {
		return always, false
	}
	if r, ok := dropRoles[role]; ok {
		return r, false
	}
	rule := keep
	if a == atom.Header || a == atom.Footer {
		rule = pageLevel
	}
	switch a {
	case atom.Html, atom.Body, atom.Main, atom.Article, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		// Layout classes on the page itself (menu-open, has-sidebar) and a
		// heading's class say nothing about its content.
		return rule, false
	}
	byAttr := false
	for _, v := range attrs {
		v = strings.ToLower(v)
		for _, w := range strongWords {
			if strings.Contains(v, w) {
				return always, true
			}
		}
		for _, tok := range strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			switch {
			case hasWord(tok, navWords...):
				return always, true
			case hasWord(tok, pageWords...) && rule < pageLevel:
				rule, byAttr = pageLevel, true
			case containsAny(tok, titleWords) && rule < unlessTitle:
				rule, byAttr = unlessTitle, true
			}
		}
	}
	return rule, byAttr
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// hasWord reports whether tok is w or starts or ends with it (navbar,
// globalnav, site-footer's "footer"), without matching words that merely
// contain it (unavailable).
func hasWord(tok string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(tok, w) || strings.HasSuffix(tok, w) {
			return true
		}
	}
	return false
}

func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// decide resolves the drop rules, which depend on the subtree (does a
// cookie element have a title? is it a wrapper of the whole page?) and on
// the ancestors (is a header part of an article?), then counts the kept
// text.
func (t *tree) decide() {
	ns := t.nodes
	// Bottom-up: children follow their parents in the slice.
	for i := len(ns) - 1; i >= 0; i-- {
		n := &ns[i]
		if !n.invisible {
			n.visible += n.jp
		}
		if i > 0 {
			p := &ns[n.parent]
			p.heading = p.heading || n.heading
			p.hasMain = p.hasMain || n.hasMain || n.mainHint > 0
			p.visible += n.visible
		}
	}
	t.total = ns[0].visible
	for i := range ns {
		n := &ns[i]
		switch n.rule {
		case always:
			n.drop = true
		case pageLevel:
			n.drop = !n.section
		case unlessTitle:
			n.drop = !n.heading
		}
		if n.drop && n.byAttr && (n.hasMain || n.visible*2 > t.total) {
			// A class such as "has-sidebar" on a wrapper of the content.
			n.drop = false
		}
	}
	for i := len(ns) - 1; i >= 0; i-- {
		n := &ns[i]
		if n.drop || n.invisible {
			n.kept, n.keptLink, n.headings = 0, 0, 0
		} else {
			n.kept += n.jp
			if isHeading(n.tag) {
				n.headings++
			}
		}
		if i > 0 {
			p := &ns[n.parent]
			p.kept += n.kept
			p.keptLink += n.keptLink
			p.headings += n.headings
		}
	}
}

// chooseRoot picks the main content: the largest <main> (or role=main)
// when it holds a fair share of the kept text, else the largest <article>,
// else the element the text is densest in (see descend).
func (t *tree) chooseRoot() int {
	ns := t.nodes
	all := ns[0].kept
	if all == 0 {
		return 0
	}
	for hint := 2; hint >= 1; hint-- {
		best := -1
		for i := range ns {
			if ns[i].mainHint == hint && !t.dropped(i) && (best < 0 || ns[i].kept > ns[best].kept) {
				best = i
			}
		}
		if best >= 0 && ns[best].kept*3 >= all*(3-hint) {
			// main needs a third of the text, an article two thirds: a page
			// lists several articles more often than several mains.
			return best
		}
	}
	return t.descend()
}

// containers are the elements a layout wraps content in.
var containers = map[atom.Atom]bool{
	atom.Html: true, atom.Body: true, atom.Div: true, atom.Section: true, atom.Center: true,
	atom.Table: true, atom.Tbody: true, atom.Tr: true, atom.Td: true,
}

// descend walks from the document into the container that holds most of
// the kept text for as long as what it leaves behind is link text
// (unlabelled menus) and no heading: a signature line or a section next to
// the main block is content and must not be cut, so at most a few
// characters of plain text (以上, 戻る) may be left behind.
func (t *tree) descend() int {
	ns := t.nodes
	children := make(map[int][]int)
	for i := 1; i < len(ns); i++ {
		children[ns[i].parent] = append(children[ns[i].parent], i)
	}
	cur := 0
	for {
		next := -1
		for _, c := range children[cur] {
			if ns[c].kept*2 > ns[cur].kept {
				next = c
			}
		}
		if next < 0 || !containers[ns[next].tag] {
			return cur
		}
		c, n := ns[cur], ns[next]
		lost, lostLinks := c.kept-n.kept, c.keptLink-n.keptLink
		if n.headings < c.headings || lost-lostLinks > 4 {
			return cur
		}
		cur = next
	}
}

// dropped reports whether the node or an ancestor is dropped.
func (t *tree) dropped(i int) bool {
	for ; i >= 0; i = t.nodes[i].parent {
		if t.nodes[i].drop {
			return true
		}
	}
	return false
}

// render blanks everything outside root and every dropped element inside.
func (t *tree) render(src []byte, root int) []byte {
	r := t.nodes[root]
	var cuts [][2]int
	if r.start > 0 {
		cuts = append(cuts, [2]int{0, r.start})
	}
	last := r.start
	for i := root + 1; i < len(t.nodes); i++ {
		n := t.nodes[i]
		if n.start >= r.end {
			break
		}
		if n.drop && n.start >= last {
			// Nodes come in document order, so skipping starts before
			// last drops exactly the descendants of a dropped element.
			cuts = append(cuts, [2]int{n.start, n.end})
			last = n.end
		}
	}
	if r.end < len(src) {
		cuts = append(cuts, [2]int{r.end, len(src)})
	}
	out := make([]byte, 0, len(src))
	prev := 0
	for _, c := range cuts {
		out = append(out, src[prev:c[0]]...)
		out = blank(out, src[c[0]:c[1]])
		prev = c[1]
	}
	return append(out, src[prev:]...)
}

// blank appends one space per character of b, keeping line breaks so that
// lines and columns after it are unchanged.
func blank(out, b []byte) []byte {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == '\n' || r == '\r' {
			out = append(out, byte(r))
		} else {
			out = append(out, ' ')
		}
		b = b[size:]
	}
	return out
}

func countJapanese(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if r >= 0x3040 && (unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Han)) {
			n++
		}
	}
	return n
}
