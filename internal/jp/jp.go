// Package jp is the Japanese analysis: it splits blocks into sentences,
// tokenizes them with kagome (IPA dictionary) and splits sentences into
// clauses that know their polarity, condition and modality.
package jp

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/ikawaha/kagome-dict/ipa"
	"github.com/ikawaha/kagome/v2/tokenizer"

	"github.com/appilint/appilint/internal/model"
)

var (
	tokOnce sync.Once
	tok     *tokenizer.Tokenizer
	tokErr  error
)

// Tokenizer returns the process-wide kagome tokenizer, loading the IPA
// dictionary on first use: loading dominates start-up, so it happens once.
func Tokenizer() (*tokenizer.Tokenizer, error) {
	tokOnce.Do(func() {
		tok, tokErr = tokenizer.New(ipa.Dict(), tokenizer.OmitBosEos())
	})
	return tok, tokErr
}

// Tokenize analyses text whose first byte is at offset base of the document.
func Tokenize(t *tokenizer.Tokenizer, text string, base int) []model.Token {
	ks := t.Tokenize(text)
	out := make([]model.Token, 0, len(ks))
	for _, k := range ks {
		pos := k.POS()
		tk := model.Token{Surface: k.Surface, Span: model.Span{Start: base + k.Position, End: base + k.Position + len(k.Surface)}}
		if len(pos) > 0 {
			tk.POS = pos[0]
		}
		if len(pos) > 1 {
			tk.POS2 = pos[1]
		}
		if b, ok := k.BaseForm(); ok && b != "*" {
			tk.Base = b
		} else {
			tk.Base = k.Surface
		}
		out = append(out, tk)
	}
	return out
}

// Analyze fills in the sentences of a document whose blocks are known.
func Analyze(doc *model.Document) error {
	t, err := Tokenizer()
	if err != nil {
		return err
	}
	for _, b := range doc.Blocks {
		for _, sp := range SplitSentences(doc.Text, b.Span) {
			s := &model.Sentence{Span: sp, Text: doc.Text[sp.Start:sp.End], Block: b, Index: len(doc.Sentences)}
			s.Tokens = Tokenize(t, s.Text, sp.Start)
			s.Clauses = SplitClauses(doc.Text, s)
			doc.Sentences = append(doc.Sentences, s)
		}
	}
	return nil
}

var closing = map[rune]rune{'「': '」', '『': '』', '（': '）', '(': ')', '【': '】', '“': '”'}

// SplitSentences splits a block at sentence-final punctuation outside
// brackets; a block without such punctuation is one sentence.
func SplitSentences(text string, block model.Span) []model.Span {
	var out []model.Span
	start := block.Start
	var stack []rune
	for i := block.Start; i < block.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case closing[r] != 0:
			if len(stack) < 32 {
				stack = append(stack, closing[r])
			}
		case len(stack) > 0 && r == stack[len(stack)-1]:
			stack = stack[:len(stack)-1]
		case r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '.' && isJapaneseStop(text, i, block.End):
			if len(stack) == 0 || len(stack) > 0 && r == '。' && nestedTooLong(text, start, i) {
				stack = stack[:0]
				end := i + n
				// Keep closing brackets that follow the stop with the sentence.
				for end < block.End {
					c, cn := utf8.DecodeRuneInString(text[end:])
					if c != '」' && c != '）' && c != ')' && c != '』' {
						break
					}
					end += cn
				}
				if sp := trimSpan(text, start, end); sp.Len() > 0 {
					out = append(out, sp)
				}
				start = end
				i = end
				continue
			}
		}
		i += n
	}
	if sp := trimSpan(text, start, block.End); sp.Len() > 0 {
		out = append(out, sp)
	}
	return out
}

// nestedTooLong guards against an unclosed bracket swallowing the rest of
// a block: a 。 more than 200 bytes into an open bracket ends the sentence.
func nestedTooLong(text string, start, i int) bool { return i-start > 600 }

// isJapaneseStop reports whether an ASCII '.' at i ends a Japanese sentence
// (it follows a Japanese character and is not part of a number or address).
func isJapaneseStop(text string, i, end int) bool {
	if i == 0 {
		return false
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	if prev < 0x3000 {
		return false
	}
	if i+1 < end {
		next, _ := utf8.DecodeRuneInString(text[i+1:])
		if next < 0x80 && next != ' ' {
			return false
		}
	}
	return true
}

func trimSpan(text string, start, end int) model.Span {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:])
		if r != ' ' && r != '\t' && r != '\n' {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[:end])
		if r != ' ' && r != '\t' && r != '\n' {
			break
		}
		end -= n
	}
	return model.Span{Start: start, End: end}
}

// conjunctive particles after which a new clause starts when a comma follows.
var conjunctive = map[string]bool{"が": true, "ので": true, "から": true, "ば": true, "て": true, "ても": true,
	"ながら": true, "けれども": true, "けれど": true, "ものの": true, "し": true, "のに": true, "で": true}

// SplitClauses splits a tokenized sentence into clauses: after a comma that
// follows a conjunctive particle or a condition (〜場合は、〜ときは、).
func SplitClauses(text string, s *model.Sentence) []*model.Clause {
	var out []*model.Clause
	begin := 0
	flush := func(endTok int) {
		if endTok <= begin {
			return
		}
		toks := s.Tokens[begin:endTok]
		sp := model.Span{Start: toks[0].Span.Start, End: toks[len(toks)-1].Span.End}
		c := &model.Clause{Span: sp, Text: text[sp.Start:sp.End], Tokens: toks, Sentence: s}
		classify(c)
		out = append(out, c)
		begin = endTok
	}
	for i, t := range s.Tokens {
		if t.Surface != "、" && t.Surface != "," {
			continue
		}
		if i == 0 {
			continue
		}
		prev := s.Tokens[i-1]
		cond := isConditionEnd(s.Tokens[:i])
		if prev.POS2 == "接続助詞" && conjunctive[prev.Base] || cond || prev.Surface == "ただし" || prev.Surface == "なお" {
			flush(i + 1)
		}
	}
	flush(len(s.Tokens))
	return out
}

// isConditionEnd reports whether the tokens end with a condition marker:
// 場合, とき, 際 (optionally followed by に, は, には, であって).
func isConditionEnd(toks []model.Token) bool {
	i := len(toks) - 1
	for i >= 0 && (toks[i].POS == "助詞" || toks[i].Surface == "であって" || toks[i].Base == "だ" || toks[i].Base == "ある" && toks[i].POS == "助動詞") {
		i--
	}
	if i < 0 {
		return false
	}
	switch toks[i].Surface {
	case "場合", "とき", "時", "際", "限り":
		return true
	}
	return false
}

// negators are the base forms that negate a predicate.
var negators = map[string]bool{"ない": true, "ぬ": true, "ん": true, "無い": true, "ず": true}

// classify sets the clause's polarity, condition and modality from its tokens.
func classify(c *model.Clause) {
	toks := c.Tokens
	// The predicate is the tail from the last independent verb or adjective.
	lastPred := -1
	for i, t := range toks {
		if t.POS == "動詞" || t.POS == "形容詞" && t.Base != "ない" && t.Base != "無い" || t.POS2 == "サ変接続" {
			lastPred = i
		}
	}
	for i := lastPred + 1; i < len(toks); i++ {
		t := toks[i]
		if negators[t.Base] && (t.POS == "助動詞" || t.POS == "形容詞") || t.Base == "無い" || t.Surface == "なし" || t.Surface == "無し" {
			c.Negated = true
		}
		if t.POS == "名詞" && (t.Surface == "場合" || t.Surface == "とき" || t.Surface == "時" || t.Surface == "際") {
			// "提供しない場合" is a negated condition, not a negated fact.
			c.Conditional = true
		}
	}
	if lastPred < 0 {
		// A verbless clause (表, 見出し) may still say なし／ありません.
		for _, t := range toks {
			if t.Surface == "なし" || t.Surface == "無し" || negators[t.Base] && t.POS == "助動詞" {
				c.Negated = true
			}
		}
	}
	if isConditionEnd(trimPunct(toks)) || strings.Contains(c.Text, "場合であって") {
		c.Conditional = true
	}
	for i, t := range toks {
		if t.Base == "努める" || t.Base == "努力" || t.Surface == "努め" {
			c.Effort = true
		}
		// A promise is a publish/notify verb as the clause's own predicate in
		// a plain non-past form: not past, progressive, negated or conditional.
		if promiseVerbs[t.Surface] && i+1 < len(toks) && i >= lastPred-1 && !c.Negated && !c.Conditional {
			if tail := toks[i+1:]; hasFutureTail(tail) && !isPast(tail) && !isProgressive(tail) {
				c.Promise = true
			}
		}
	}
}

func trimPunct(toks []model.Token) []model.Token {
	for len(toks) > 0 && (toks[len(toks)-1].POS == "記号") {
		toks = toks[:len(toks)-1]
	}
	return toks
}

// promiseVerbs are the nouns of "publish/notify" predicates whose
// non-past form is an undertaking, not the content itself.
var promiseVerbs = map[string]bool{"公表": true, "通知": true, "知らせ": true, "お知らせ": true, "掲載": true, "明示": true, "公開": true}

func isPast(tail []model.Token) bool {
	for _, t := range tail {
		if t.Base == "た" && t.POS == "助動詞" {
			return true
		}
	}
	return false
}

func isProgressive(tail []model.Token) bool {
	for _, t := range tail {
		if t.Base == "いる" || t.Base == "おる" || t.Base == "ある" {
			return true
		}
	}
	return false
}

func hasFutureTail(tail []model.Token) bool {
	for _, t := range tail {
		switch t.Base {
		case "する", "いたす", "致す", "ます", "予定":
			return true
		}
	}
	return false
}
