// Package parse runs the analysis pipeline on a loaded source: normalise,
// find structure, split and tokenize sentences. It is the only place that
// knows the order of the stages.
package parse

import (
	"github.com/appilint/appilint/internal/jp"
	"github.com/appilint/appilint/internal/load"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/rx"
	"github.com/appilint/appilint/internal/structure"
	"github.com/appilint/appilint/internal/textnorm"
)

// Prepare starts the two large start-up costs side by side: the
// dictionary loads on another core while this one builds the patterns of
// the pipeline and the rules. Commands that analyse documents call it
// first; anything it does not finish is finished on first use.
func Prepare() {
	go func() { _, _ = jp.Tokenizer() }() // an error surfaces at first use
	rx.Prepare()
}

// Source builds the document model of a loaded source.
func Source(src *load.Source) (*model.Document, error) {
	n := textnorm.Normalize(src.Text, src.TextOffset, layoutOf(src.Format))
	doc := &model.Document{Path: src.Path, Format: src.Format, Note: src.Note, Orig: src.Orig, Text: n.Text, OrigOffset: n.Offset}
	rx.Release(src.Text) // normalising is done with the source's text
	doc.Blocks, doc.Sections = structure.Parse(doc.Text)
	if err := jp.Analyze(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// layoutOf says how a format lays out paragraphs: HTML and DOCX extraction
// already put one block per line, so only plain text and PDF text may carry
// hard wraps to join.
func layoutOf(format string) textnorm.Layout {
	switch format {
	case "md":
		return textnorm.Markdown
	case "docx", "html":
		return textnorm.Paragraphs
	}
	return textnorm.Wrapped
}

// Text builds the document model of plain text (tests and fixtures).
func Text(path, text string) (*model.Document, error) {
	return Source(&load.Source{Path: path, Format: "txt", Encoding: "utf-8", Orig: text, Text: text})
}
