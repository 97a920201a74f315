package rules

import (
	"github.com/appilint/appilint/internal/engine"
	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
)

// Match is one occurrence of a pattern in a sentence, with the clause that
// contains it (the clause decides polarity, condition and modality).
type Match struct {
	Sentence *model.Sentence
	Clause   *model.Clause
	Span     model.Span
}

// Affirmed reports whether the match sits in a clause that states a fact:
// not negated and not a condition.
func (m Match) Affirmed() bool {
	return m.Clause == nil || !m.Clause.Negated && !m.Clause.Conditional
}

// Section is the section the match belongs to.
func (m Match) Section() *model.Section { return m.Sentence.Section() }

// FindAll returns every match of re in the document's sentences, in order.
func FindAll(doc *model.Document, re *rx.Regexp) []Match {
	var out []Match
	for _, s := range doc.Sentences {
		for _, loc := range re.FindAllStringIndex(s.Text, -1) {
			sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
			out = append(out, Match{Sentence: s, Clause: s.ClauseAt(sp.Start), Span: sp})
		}
	}
	return out
}

// FindIn returns the matches of re inside the given sentences.
func FindIn(sentences []*model.Sentence, re *rx.Regexp) []Match {
	var out []Match
	for _, s := range sentences {
		for _, loc := range re.FindAllStringIndex(s.Text, -1) {
			sp := model.Span{Start: s.Span.Start + loc[0], End: s.Span.Start + loc[1]}
			out = append(out, Match{Sentence: s, Clause: s.ClauseAt(sp.Start), Span: sp})
		}
	}
	return out
}

// Affirmative keeps the matches in affirmed clauses.
func Affirmative(ms []Match) []Match {
	var out []Match
	for _, m := range ms {
		if m.Affirmed() {
			out = append(out, m)
		}
	}
	return out
}

// Sections returns the sections whose own title matches re.
func Sections(doc *model.Document, re *rx.Regexp) []*model.Section {
	var out []*model.Section
	for _, s := range doc.Sections {
		if s.Head != nil && re.MatchString(s.Title) {
			out = append(out, s)
		}
	}
	return out
}

// SentencesIn returns the sentences inside any of the sections (including
// their subsections and headings).
func SentencesIn(doc *model.Document, secs []*model.Section) []*model.Sentence {
	var out []*model.Sentence
	for _, s := range doc.Sentences {
		for _, sec := range secs {
			if sec.Span.Contains(s.Span) {
				out = append(out, s)
				break
			}
		}
	}
	return out
}

// titlesKey is the Memo key of the document's section-title answers.
type titlesKey struct{}

// titlesOf returns the memo, shared by the rules of the pass's document,
// that says whether a section or an ancestor has a title matching a
// pattern (titlesOf(p).Under(s.Section(), re)): rules ask it for every
// sentence, and it answers once per section.
func titlesOf(p *engine.Pass) facts.TitleMemo {
	return p.Memo(titlesKey{}, func() any { return facts.TitleMemo{} }).(facts.TitleMemo)
}

// Anchor returns where a finding about missing text should point: the
// heading of the first section whose title matches one of the patterns,
// else the document's first line (a zero span).
func Anchor(doc *model.Document, titles ...*rx.Regexp) model.Span {
	for _, re := range titles {
		if secs := Sections(doc, re); len(secs) > 0 {
			return secs[0].Head.Span
		}
	}
	if len(doc.Blocks) > 0 {
		return doc.Blocks[0].Span
	}
	return model.Span{}
}

// Spans returns the spans of the matches.
func Spans(ms []Match) []model.Span {
	out := make([]model.Span, len(ms))
	for i, m := range ms {
		out[i] = m.Span
	}
	return out
}
