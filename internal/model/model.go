// Package model holds the document model every later stage reads: the
// normalised text with its map back to the original, the structure
// (sections, blocks), and the Japanese analysis (sentences, clauses, tokens).
//
// All offsets in this package are byte offsets into Document.Text (the
// normalised text) unless a name says otherwise. Conversion to the original
// input's line and column happens only at the edges, via Document.Position.
package model

import (
	"sort"
	"unicode/utf8"
)

// Span is a half-open byte range [Start, End) in Document.Text.
type Span struct {
	Start, End int
}

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies entirely inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether the spans share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// BlockKind says what a line-level unit of the document is.
type BlockKind int

// Block kinds.
const (
	Paragraph BlockKind = iota
	Heading
	ListItem
	TableRow
)

func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case ListItem:
		return "list-item"
	case TableRow:
		return "table-row"
	}
	return "paragraph"
}

// Block is one structural unit: a heading, a paragraph (possibly several
// joined lines), a list item or a table row.
type Block struct {
	Kind    BlockKind
	Span    Span
	Text    string // Document.Text[Span] with the list/heading marker kept
	Level   int    // heading level (1 = top) or list nesting depth
	Cells   []Span // table cells, for TableRow
	Section *Section
	Index   int
}

// Section is the part of the document under one heading, up to the next
// heading of the same or a higher level.
type Section struct {
	Title  string // heading text without its marker
	Head   *Block // nil for the implicit preamble section
	Level  int
	Parent *Section
	Span   Span // from the heading to the end of the section's content
	Index  int
}

// Titles returns the section's title and those of its ancestors, innermost first.
func (s *Section) Titles() []string {
	var out []string
	for c := s; c != nil; c = c.Parent {
		if c.Title != "" {
			out = append(out, c.Title)
		}
	}
	return out
}

// Token is one morpheme from kagome.
type Token struct {
	Surface string
	Base    string // base form (辞書形); the surface when the dictionary has none
	POS     string // first POS level, e.g. 名詞, 動詞, 助動詞
	POS2    string // second POS level, e.g. 接続助詞, 固有名詞
	Span    Span
}

// Clause is a part of a sentence that carries one predicate.
type Clause struct {
	Span        Span
	Text        string
	Tokens      []Token
	Negated     bool // the predicate is negated (提供しません, 行っておりません)
	Conditional bool // the clause states a condition (〜場合, 〜とき), not a fact
	Promise     bool // a future undertaking to do something (〜いたします of publish/notify verbs)
	Effort      bool // effort modality (〜よう努めます)
	Sentence    *Sentence
}

// Sentence is a sentence of a block; a block without sentence punctuation
// (a heading, a list item, a table row) is one sentence.
type Sentence struct {
	Span    Span
	Text    string
	Tokens  []Token
	Clauses []*Clause
	Block   *Block
	Index   int
}

// Section returns the section the sentence belongs to.
func (s *Sentence) Section() *Section { return s.Block.Section }

// ClauseAt returns the clause containing the document offset off (the last
// clause when off falls after them all), or nil when the sentence has none.
// The clause decides the polarity, condition and modality of what is there.
func (s *Sentence) ClauseAt(off int) *Clause {
	for _, c := range s.Clauses {
		if off < c.Span.End {
			return c
		}
	}
	if n := len(s.Clauses); n > 0 {
		return s.Clauses[n-1]
	}
	return nil
}

// Document is a parsed policy.
type Document struct {
	Path   string
	Format string // txt, md, html, docx, pdf
	// Note says what positions refer to when Orig is text extracted from
	// the file (DOCX, PDF) rather than the file itself.
	Note string
	// Orig is the decoded input (UTF-8) that positions refer to.
	Orig string
	// Text is the normalised text that rules match against.
	Text string
	// OrigOffset maps each byte offset of Text (and len(Text)) to a byte
	// offset of Orig.
	OrigOffset []int

	Sections  []*Section
	Blocks    []*Block
	Sentences []*Sentence

	lineStarts []int // byte offsets of line starts in Orig, built lazily
}

// SentencesOf returns the sentences of block b, in order, without
// allocating (a view of Sentences): Sentences are in text order, and a
// block's sentences lie together inside its span (parse's tests check both).
func (d *Document) SentencesOf(b *Block) []*Sentence {
	ss := d.Sentences
	lo, hi := 0, len(ss)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ss[m].Span.Start < b.Span.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	end := lo
	for end < len(ss) && ss[end].Block == b {
		end++
	}
	return ss[lo:end:end] // capped: an append must not write into Sentences
}

// Slice returns the normalised text of a span.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// Position is a 1-based line and column (Unicode code points) in Orig.
type Position struct {
	Line, Column int
	Offset       int // byte offset in Orig
}

// OrigRange converts a span of Text to a byte range of Orig.
func (d *Document) OrigRange(s Span) (int, int) {
	clamp := func(i int) int {
		if i < 0 {
			return 0
		}
		if i >= len(d.OrigOffset) {
			return len(d.Orig)
		}
		return d.OrigOffset[i]
	}
	start := clamp(s.Start)
	end := start
	if s.End > s.Start {
		// The end maps through the last byte of the span so that text removed
		// by normalisation after the span is not swallowed.
		end = clamp(s.End-1) + 1
		for end < len(d.Orig) && !utf8.RuneStart(d.Orig[end]) {
			end++
		}
	}
	if end < start {
		end = start
	}
	return start, end
}

// PositionOf converts a byte offset of Orig to a Position.
func (d *Document) PositionOf(off int) Position {
	if d.lineStarts == nil {
		d.lineStarts = []int{0}
		for i := 0; i < len(d.Orig); i++ {
			switch d.Orig[i] {
			case '\n':
				d.lineStarts = append(d.lineStarts, i+1)
			case '\r':
				if i+1 < len(d.Orig) && d.Orig[i+1] == '\n' {
					continue
				}
				d.lineStarts = append(d.lineStarts, i+1)
			}
		}
	}
	if off < 0 {
		off = 0
	}
	if off > len(d.Orig) {
		off = len(d.Orig)
	}
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	col := utf8.RuneCountInString(d.Orig[d.lineStarts[line]:off]) + 1
	return Position{Line: line + 1, Column: col, Offset: off}
}

// Range returns the start and end positions of a span of Text in Orig.
func (d *Document) Range(s Span) (Position, Position) {
	a, b := d.OrigRange(s)
	return d.PositionOf(a), d.PositionOf(b)
}

// LineText returns the original line (without its terminator) containing
// the Orig byte offset.
func (d *Document) LineText(off int) string {
	p := d.PositionOf(off)
	start := d.lineStarts[p.Line-1]
	end := len(d.Orig)
	if p.Line < len(d.lineStarts) {
		end = d.lineStarts[p.Line]
	}
	line := d.Orig[start:end]
	for len(line) > 0 && (line[len(line)-1] == '\n' || line[len(line)-1] == '\r') {
		line = line[:len(line)-1]
	}
	return line
}
