// Package fix drafts the clauses a policy is missing: for every finding
// about an absent item that carries wording to add, it plans an insertion
// into the original text at the section where the item belongs, and renders
// the plan as a unified diff or applies it.
//
// A plan only ever inserts: every byte of the original stays where it was,
// in the same order, so applying the diff yields the original plus the
// drafted text and nothing else.
package fix

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/model"
)

// AppendixTitle heads the clauses that belong to no particular section.
const AppendixTitle = "追記（appilint による文例）"

// Clause is one drafted text and the rules it answers.
type Clause struct {
	Rules []*engine.Rule
	Text  string // Japanese wording with 【…】 placeholders, lines separated by "\n"
}

// Insertion is drafted text added at one place of the original.
type Insertion struct {
	// Offset is the byte offset in Document.Orig where Text goes.
	Offset int
	// Section is the title of the section the clauses extend; empty for the
	// appendix at the end of the document or for a section without a title.
	Section  string
	Appendix bool
	Clauses  []Clause
	// Text is exactly what is inserted: format markup and the file's line
	// endings included.
	Text string
}

// Plan is the set of insertions for one document.
type Plan struct {
	Doc        *model.Document
	Insertions []*Insertion
	// Findings are the findings the plan addresses, in rule order.
	Findings []engine.Finding
}

// Fixable reports whether fix drafts text for a finding: an absent item
// whose rule supplies the wording.
func Fixable(f engine.Finding) bool {
	return f.Missing && f.Rule != nil && strings.TrimSpace(f.Suggestion) != ""
}

// New plans the insertions for a checked document. Findings anchored in the
// same section form one insertion, in the order of the rules in res.Outcomes.
func New(res *engine.Result) *Plan {
	doc := res.Doc
	order := map[string]int{}
	for i, o := range res.Outcomes {
		if o.Rule != nil {
			order[o.Rule.ID] = i
		}
	}
	var fs []engine.Finding
	for _, f := range res.Findings {
		if Fixable(f) {
			fs = append(fs, f)
		}
	}
	rank := func(f engine.Finding) int {
		if i, ok := order[f.Rule.ID]; ok {
			return i
		}
		return len(order)
	}
	sort.SliceStable(fs, func(i, j int) bool {
		if a, b := rank(fs[i]), rank(fs[j]); a != b {
			return a < b
		}
		return fs[i].Rule.ID < fs[j].Rule.ID
	})

	p := &Plan{Doc: doc, Findings: fs}
	eol := lineEnding(doc.Orig)
	groups := map[spot]*Insertion{}
	var spots []spot
	for _, f := range fs {
		s, title := locate(doc, f.Span)
		ins := groups[s]
		if ins == nil {
			ins = &Insertion{Offset: s.off, Section: title, Appendix: s.appendix}
			groups[s] = ins
			spots = append(spots, s)
		}
		ins.add(f)
	}
	sort.SliceStable(spots, func(i, j int) bool {
		if spots[i].off != spots[j].off {
			return spots[i].off < spots[j].off
		}
		// At the same place a section's clauses come before the appendix.
		return !spots[i].appendix && spots[j].appendix
	})
	for i, s := range spots {
		ins := groups[s]
		// A draft right after another one at the same place starts on the
		// line that one ended.
		lineStart := atLineStart(doc.Orig, s.off) || i > 0 && spots[i-1].off == s.off
		ins.Text = render(doc, ins, eol, lineStart)
		p.Insertions = append(p.Insertions, ins)
	}
	return p
}

// bareField is a line that is nothing but a placeholder (【会社名】); several
// drafts open with it, and one group needs it once.
var bareField = regexp.MustCompile(`^【[^】]+】$`)

// add puts a finding's wording into the insertion, without repeating text
// that is already there.
func (ins *Insertion) add(f engine.Finding) {
	text := strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(f.Suggestion, "\r\n", "\n"), "\r", "\n"))
	for i := range ins.Clauses {
		c := &ins.Clauses[i]
		if c.Text == text {
			if !hasRule(c.Rules, f.Rule) {
				c.Rules = append(c.Rules, f.Rule)
			}
			return
		}
	}
	seen := map[string]bool{}
	for _, c := range ins.Clauses {
		for _, l := range strings.Split(c.Text, "\n") {
			if bareField.MatchString(strings.TrimSpace(l)) {
				seen[strings.TrimSpace(l)] = true
			}
		}
	}
	var kept []string
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); bareField.MatchString(t) && seen[t] {
			continue
		}
		kept = append(kept, l)
	}
	if len(kept) == 0 {
		last := &ins.Clauses[len(ins.Clauses)-1]
		last.Rules = append(last.Rules, f.Rule)
		return
	}
	ins.Clauses = append(ins.Clauses, Clause{Rules: []*engine.Rule{f.Rule}, Text: strings.Join(kept, "\n")})
}

func hasRule(rs []*engine.Rule, r *engine.Rule) bool {
	for _, x := range rs {
		if x.ID == r.ID {
			return true
		}
	}
	return false
}

// spot identifies an insertion point; the appendix is kept apart from a
// section that happens to end at the same offset.
type spot struct {
	off      int
	appendix bool
}

// locate finds where the wording for a finding anchored at span goes: the
// end of the section of the anchor, or the appendix when the anchor is the
// document start (the first block, or an empty document).
func locate(doc *model.Document, anchor model.Span) (spot, string) {
	b := blockAt(doc, anchor.Start)
	if b == nil || b.Index == 0 || anchor == (model.Span{}) {
		return spot{off: appendixOffset(doc), appendix: true}, ""
	}
	sec := b.Section
	end := sec.Span.End
	if sec.Head == nil {
		// The implicit preamble spans the whole text; its own content ends
		// at the first heading.
		for _, x := range doc.Blocks {
			if x.Kind == model.Heading {
				end = x.Span.Start
				break
			}
		}
	}
	var last *model.Block
	for _, x := range doc.Blocks {
		if x.Span.Start >= sec.Span.Start && x.Span.End <= end {
			last = x
		}
	}
	if last == nil {
		return spot{off: appendixOffset(doc), appendix: true}, ""
	}
	return spot{off: afterBlock(doc, last)}, sec.Title
}

// blockAt returns the block containing the offset of Text, else the first
// block after it.
func blockAt(doc *model.Document, off int) *model.Block {
	i := sort.Search(len(doc.Blocks), func(i int) bool { return doc.Blocks[i].Span.End > off })
	if i < len(doc.Blocks) {
		return doc.Blocks[i]
	}
	return nil
}

// afterBlock is the offset in Orig just after a block: the start of the
// next line for line-based formats, after the closing tags of its element
// for HTML.
func afterBlock(doc *model.Document, b *model.Block) int {
	_, end := doc.OrigRange(b.Span)
	if doc.Format == "html" {
		return afterElement(doc.Orig, end)
	}
	return nextLine(doc.Orig, end)
}

// nextLine returns the start of the line after the one containing off, or
// len(s) when that line is the last.
func nextLine(s string, off int) int {
	i := strings.IndexAny(s[off:], "\r\n")
	if i < 0 {
		return len(s)
	}
	i += off
	if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
		return i + 2
	}
	return i + 1
}

// closers are the end tags that may follow a block's text and still belong
// to it; container ends (div, section, body) are left alone so that the
// draft stays inside the section's container.
var closers = regexp.MustCompile(`(?i)^\s*</(?:p|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|a|span|strong|em|b|i|u|small|font|blockquote|pre|address|caption)\s*>`)

// afterElement moves from the end of a block's text past the rest of its
// text token and the end tags that close it. When only white space is left
// on the line, the insertion starts the next line.
func afterElement(src string, off int) int {
	if i := strings.IndexByte(src[off:], '<'); i >= 0 {
		off += i
	} else {
		return len(src)
	}
	for {
		m := closers.FindStringIndex(src[off:])
		if m == nil {
			break
		}
		off += m[1]
	}
	rest := src[off:]
	if i := strings.IndexAny(rest, "\r\n"); i >= 0 && strings.TrimSpace(rest[:i]) == "" {
		return nextLine(src, off)
	}
	return off
}

var (
	bodyEnd = regexp.MustCompile(`(?i)</body\s*>`)
	htmlEnd = regexp.MustCompile(`(?i)</html\s*>`)
)

// appendixOffset is where the appendix goes: the end of the document, or in
// HTML before the last </body> (else </html>).
func appendixOffset(doc *model.Document) int {
	if doc.Format == "html" {
		for _, re := range []*regexp.Regexp{bodyEnd, htmlEnd} {
			if m := re.FindAllStringIndex(doc.Orig, -1); len(m) > 0 {
				return m[len(m)-1][0]
			}
		}
	}
	return len(doc.Orig)
}

// lineEnding returns the file's dominant line terminator.
func lineEnding(s string) string {
	crlf := strings.Count(s, "\r\n")
	lf := strings.Count(s, "\n") - crlf
	cr := strings.Count(s, "\r") - crlf
	switch {
	case crlf > 0 && crlf >= lf && crlf >= cr:
		return "\r\n"
	case cr > lf:
		return "\r"
	}
	return "\n"
}

// atLineStart reports whether off begins a line of s.
func atLineStart(s string, off int) bool {
	return off == 0 || s[off-1] == '\n' || s[off-1] == '\r' && (off == len(s) || s[off] != '\n')
}

// comment is the note before each clause in Markdown and HTML. It names the
// rules and articles and must never look like a suppression directive
// (appilint-disable…), which internal/suppress would obey.
func comment(c Clause) string {
	var parts []string
	for _, r := range c.Rules {
		parts = append(parts, strings.TrimSpace(r.ID+" "+r.Article.JA))
	}
	body := strings.ReplaceAll(strings.Join(parts, "; "), "--", "-")
	return "<!-- appilint: " + body + " -->"
}

// render builds the exact inserted text of an insertion; lineStart tells
// whether it begins a line.
func render(doc *model.Document, ins *Insertion, eol string, lineStart bool) string {
	if doc.Format == "html" {
		return renderHTML(ins, eol, lineStart)
	}
	md := doc.Format == "md"
	var blocks []string
	for _, c := range ins.Clauses {
		var b strings.Builder
		if md {
			b.WriteString(comment(c) + eol)
		}
		b.WriteString(strings.ReplaceAll(c.Text, "\n", eol) + eol)
		blocks = append(blocks, b.String())
	}
	var out strings.Builder
	orig := doc.Orig
	if !lineStart {
		out.WriteString(eol) // the last line had no terminator
	}
	out.WriteString(eol)
	if ins.Appendix {
		if md {
			out.WriteString("## ")
		}
		out.WriteString(AppendixTitle + eol + eol)
	}
	out.WriteString(strings.Join(blocks, eol))
	// Keep a blank line before whatever follows, so the draft never runs
	// into the next paragraph (or turns into a setext heading above ---).
	if ins.Offset < len(orig) {
		next := orig[ins.Offset:nextLine(orig, ins.Offset)]
		if strings.TrimSpace(next) != "" {
			out.WriteString(eol)
		}
	}
	return out.String()
}

func renderHTML(ins *Insertion, eol string, lineStart bool) string {
	var out strings.Builder
	if !lineStart {
		out.WriteString(eol)
	}
	if ins.Appendix {
		out.WriteString("<section>" + eol + "<h2>" + escapeHTML(AppendixTitle) + "</h2>" + eol)
	}
	for _, c := range ins.Clauses {
		lines := strings.Split(c.Text, "\n")
		for i, l := range lines {
			lines[i] = escapeHTML(l)
		}
		out.WriteString(comment(c) + eol)
		out.WriteString("<p>" + strings.Join(lines, "<br>"+eol) + "</p>" + eol)
	}
	if ins.Appendix {
		out.WriteString("</section>" + eol)
	}
	return out.String()
}

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

func escapeHTML(s string) string { return htmlEscaper.Replace(s) }

// Apply returns the original text with the insertions made.
func (p *Plan) Apply() string {
	return apply(p.Doc.Orig, 0, p.Insertions)
}

// apply inserts into s, whose first byte is at offset base of the original.
func apply(s string, base int, ins []*Insertion) string {
	var b strings.Builder
	prev := 0
	for _, in := range ins {
		off := in.Offset - base
		if off < prev || off > len(s) {
			continue
		}
		b.WriteString(s[prev:off])
		b.WriteString(in.Text)
		prev = off
	}
	b.WriteString(s[prev:])
	return b.String()
}

// Empty reports whether there is nothing to insert.
func (p *Plan) Empty() bool { return len(p.Insertions) == 0 }

// Rules returns the rules the plan answers, in rule order, each once.
func (p *Plan) Rules() []*engine.Rule {
	var out []*engine.Rule
	for _, f := range p.Findings {
		if !hasRule(out, f.Rule) {
			out = append(out, f.Rule)
		}
	}
	return out
}

// Header lists what the diff adds, one line per clause, for the lines
// before the patch (patch and git apply skip them).
func (p *Plan) Header(name, lang string) []string {
	en := lang == "en"
	n := 0
	for _, ins := range p.Insertions {
		n += len(ins.Clauses)
	}
	var out []string
	if en {
		out = append(out, fmt.Sprintf("appilint fix: %d drafted clause(s) for %s; replace every 【…】 with the facts before publishing.", n, name))
	} else {
		out = append(out, fmt.Sprintf("appilint fix: %s に %d 件の文例を追加します。公開前に【…】を実際の内容に置き換えてください。", name, n))
	}
	for _, ins := range p.Insertions {
		where := ins.Section
		switch {
		case ins.Appendix && en:
			where = "new section \"" + AppendixTitle + "\" at the end"
		case ins.Appendix:
			where = "文末の「" + AppendixTitle + "」"
		case where == "" && en && hasHeadings(p.Doc):
			where = "end of the opening text"
		case where == "" && en:
			where = "end of the text"
		case where == "" && hasHeadings(p.Doc):
			where = "前文の末尾"
		case where == "":
			where = "本文の末尾"
		case en:
			where = "end of \"" + where + "\""
		default:
			where = "「" + where + "」の末尾"
		}
		at := fmt.Sprintf("%d行目", p.Doc.PositionOf(ins.Offset).Line)
		if en {
			at = fmt.Sprintf("line %d", p.Doc.PositionOf(ins.Offset).Line)
		}
		for _, c := range ins.Clauses {
			for _, r := range c.Rules {
				out = append(out, fmt.Sprintf("  %s (%s) %s → %s, %s", r.ID, r.Article.In(lang), r.Title.In(lang), where, at))
			}
		}
	}
	return out
}

func hasHeadings(doc *model.Document) bool {
	for _, b := range doc.Blocks {
		if b.Kind == model.Heading {
			return true
		}
	}
	return false
}
