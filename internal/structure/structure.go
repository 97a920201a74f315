// Package structure finds the layout of a normalised policy: headings in
// every common form, the sections they open, paragraphs, list items and
// table rows.
package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Parse splits text into blocks and sections. The first section is an
// implicit preamble without a heading.
func Parse(text string) ([]*model.Block, []*model.Section) {
	p := &parser{text: text, styleLevel: map[string]int{}}
	root := &model.Section{Level: 0, Span: model.Span{Start: 0, End: len(text)}}
	p.sections = []*model.Section{root}
	stack := []*model.Section{root}

	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		p.line(start, end, &stack)
		start = end + 1
	}
	// Close the sections still open at the end of the text.
	for _, s := range stack {
		s.Span.End = len(text)
	}
	return p.blocks, p.sections
}

type parser struct {
	text       string
	blocks     []*model.Block
	sections   []*model.Section
	styleLevel map[string]int // heading style → level, in order of first appearance
}

func (p *parser) line(start, end int, stack *[]*model.Section) {
	raw := p.text[start:end]
	trimmed := strings.TrimSpace(raw)
	if trimmed == "" || isRule(trimmed) {
		return
	}
	lead := strings.Index(raw, trimmed)
	span := model.Span{Start: start + lead, End: start + lead + len(trimmed)}
	b := &model.Block{Span: span, Text: trimmed, Index: len(p.blocks)}

	if level, title, ok := p.heading(trimmed); ok {
		b.Kind, b.Level = model.Heading, level
		// Close sections at the same or a deeper level.
		st := *stack
		for len(st) > 1 && st[len(st)-1].Level >= level {
			st[len(st)-1].Span.End = span.Start
			st = st[:len(st)-1]
		}
		sec := &model.Section{Title: title, Head: b, Level: level, Parent: st[len(st)-1],
			Span: model.Span{Start: span.Start, End: len(p.text)}, Index: len(p.sections)}
		p.sections = append(p.sections, sec)
		*stack = append(st, sec)
		b.Section = sec
		p.blocks = append(p.blocks, b)
		return
	}
	b.Section = (*stack)[len(*stack)-1]
	switch {
	case isTableRow(trimmed):
		if isTableSeparator(trimmed) {
			return
		}
		b.Kind = model.TableRow
		b.Cells = cells(p.text, span)
	case listMarker.MatchString(trimmed):
		b.Kind = model.ListItem
		b.Level = indentWidth(raw[:lead])/2 + 1
	default:
		b.Kind = model.Paragraph
	}
	p.blocks = append(p.blocks, b)
}

var (
	mdHeading      = rx.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)
	chapterHeading = rx.MustCompile(`^第\s*[0-9]+\s*章\s*(.*)$`)
	articleHeading = rx.MustCompile(`^第\s*[0-9]+\s*条(?:の[0-9]+)?\s*(.*)$`)
	numberHeading  = rx.MustCompile(`^([0-9]{1,2})(?:[.．、]|\s)\s*(.*)$`)
	dottedHeading  = rx.MustCompile(`^[0-9]{1,2}[.\-][0-9]{1,2}\.?\s*(.*)$`)
	parenHeading   = rx.MustCompile(`^[(（]([0-9]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})[)）]\s*(.*)$`)
	circleHeading  = rx.MustCompile(`^([①-⑳])\s*(.*)$`)
	romanHeading   = rx.MustCompile(`^([IVXⅠ-Ⅻ]+)(?:[.．\-]|\s)\s*(?:[0-9]{1,2}\.?\s*)?(.*)$`)
	bracketHeading = rx.MustCompile(`^[【\[［]([^】\]］]+)[】\]］]$`)
	parenTitle     = rx.MustCompile(`^[(（〈<＜]([^)）〉>＞]{2,30})[)）〉>＞]$`)
	boldHeading    = rx.MustCompile(`^\*\*([^*]+)\*\*$`)
	aboutHeading   = rx.MustCompile(`^.{2,40}(?:について|に関して|に関する事項|に関するお問い?合わ?せ|のお問い?合わ?せ先?|の取扱い|の取り扱い)$`)
	listMarker     = rx.MustCompile(`^(?:[-*+・●○■□◆◇▪•‣※]\s*|[0-9]{1,3}[.．)）]\s*|[(（][0-9a-zA-Z一二三四五六七八九十]{1,3}[)）]\s*|[①-⑳]\s*|[a-zA-Z][.)]\s+|[ア-ン][.．)）]\s*)`)
)

// heading recognises a heading line and returns its level and title. Only
// short lines that do not end a sentence count, except Markdown headings.
func (p *parser) heading(s string) (int, string, bool) {
	if m := mdHeading.FindStringSubmatch(s); m != nil {
		return len(m[1]), strings.TrimSpace(m[2]), m[2] != ""
	}
	n := utf8.RuneCountInString(s)
	if n > 50 || strings.HasSuffix(s, "。") || strings.ContainsRune(s, '\t') || strings.HasPrefix(s, "|") {
		return 0, "", false
	}
	style, title := "", ""
	switch {
	case chapterHeading.MatchString(s):
		style, title = "chapter", chapterHeading.FindStringSubmatch(s)[1]
	case articleHeading.MatchString(s):
		style, title = "article", articleHeading.FindStringSubmatch(s)[1]
	case dottedHeading.MatchString(s) && n <= 40:
		style, title = "dotted", dottedHeading.FindStringSubmatch(s)[1]
	case numberHeading.MatchString(s) && n <= 40 && !strings.ContainsAny(s, "、"):
		title = numberHeading.FindStringSubmatch(s)[2]
		style = "number"
		if title == "" {
			return 0, "", false
		}
	case romanHeading.MatchString(s) && n <= 40:
		style, title = "roman", romanHeading.FindStringSubmatch(s)[2]
	case parenHeading.MatchString(s) && n <= 30 && !strings.ContainsAny(s, "、"):
		style, title = "paren", parenHeading.FindStringSubmatch(s)[2]
		if title == "" {
			return 0, "", false
		}
	case circleHeading.MatchString(s) && n <= 25 && !strings.ContainsAny(s, "、"):
		style, title = "circle", circleHeading.FindStringSubmatch(s)[2]
	case bracketHeading.MatchString(s) && n <= 30:
		style, title = "bracket", bracketHeading.FindStringSubmatch(s)[1]
	case parenTitle.MatchString(s):
		style, title = "paren-title", parenTitle.FindStringSubmatch(s)[1]
	case boldHeading.MatchString(s) && n <= 40:
		style, title = "bold", boldHeading.FindStringSubmatch(s)[1]
	case aboutHeading.MatchString(s) && !strings.ContainsAny(s, "、：:") && n <= 30:
		style, title = "about", s
	default:
		return 0, "", false
	}
	title = strings.TrimSpace(title)
	if title == "" || !hasLetter(title) {
		return 0, "", false
	}
	level, ok := p.styleLevel[style]
	if !ok {
		// Styles nest in the order they first appear, below any Markdown level.
		level = 10 + len(p.styleLevel)
		p.styleLevel[style] = level
	}
	return level, title, true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isRule(s string) bool {
	return strings.Trim(s, "-=*_─━ ") == "" && len(s) >= 3
}

func isTableRow(s string) bool {
	if strings.HasPrefix(s, "|") && strings.Count(s, "|") >= 2 {
		return true
	}
	return strings.Contains(s, "\t") && len(strings.FieldsFunc(s, func(r rune) bool { return r == '\t' })) >= 2
}

func isTableSeparator(s string) bool {
	return strings.Trim(s, "|-: \t") == "" && strings.Contains(s, "-")
}

// cells splits a table row into its cell spans.
func cells(text string, row model.Span) []model.Span {
	s := text[row.Start:row.End]
	sep := byte('\t')
	if strings.HasPrefix(s, "|") {
		sep = '|'
	}
	var out []model.Span
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == sep {
			cell := s[start:i]
			t := strings.TrimSpace(cell)
			if t != "" {
				off := row.Start + start + strings.Index(cell, t)
				out = append(out, model.Span{Start: off, End: off + len(t)})
			}
			start = i + 1
		}
	}
	return out
}

func indentWidth(s string) int {
	w := 0
	for _, r := range s {
		if r == '\t' {
			w += 4
		} else {
			w++
		}
	}
	return w
}
