package jp

import (
	"testing"

	"github.com/appilint/appilint/internal/model"
)

// analyze runs sentence and clause analysis on one block of text.
func analyze(t *testing.T, text string) *model.Document {
	t.Helper()
	doc := &model.Document{Text: text}
	sec := &model.Section{Span: model.Span{End: len(text)}}
	doc.Blocks = []*model.Block{{Span: model.Span{End: len(text)}, Text: text, Section: sec}}
	if err := Analyze(doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

func lastClause(doc *model.Document) *model.Clause {
	s := doc.Sentences[len(doc.Sentences)-1]
	return s.Clauses[len(s.Clauses)-1]
}

func TestClauseFlags(t *testing.T) {
	cases := []struct {
		text                           string
		negated, cond, promise, effort bool
	}{
		{"当社は、個人情報を第三者に提供しません。", true, false, false, false},
		{"当社は、オプトアウトによる第三者提供を行っておりません。", true, false, false, false},
		{"当社が個人情報を第三者に提供することはありません。", true, false, false, false},
		{"当社は、以下のとおり個人データを共同して利用します。", false, false, false, false},
		{"本人の同意を得ることなく第三者に提供します。", false, false, false, false},
		{"個人データを特定の者との間で共同して利用する場合であって、その旨を本人に通知しているとき", false, true, false, false},
		{"第三者に提供する場合", false, true, false, false},
		{"共同利用する者の範囲についてはあらかじめ公表いたします。", false, false, true, false},
		{"当社は、安全管理措置を講じるよう努めます。", false, false, false, true},
		{"以下の事項を公表しました。", false, false, false, false},
	}
	for _, c := range cases {
		cl := lastClause(analyze(t, c.text))
		if cl.Negated != c.negated || cl.Conditional != c.cond || cl.Promise != c.promise || cl.Effort != c.effort {
			t.Errorf("%s\n  last clause %q: negated=%v cond=%v promise=%v effort=%v; want %v %v %v %v",
				c.text, cl.Text, cl.Negated, cl.Conditional, cl.Promise, cl.Effort, c.negated, c.cond, c.promise, c.effort)
		}
	}
}

func TestClauseSplitKeepsConditionApart(t *testing.T) {
	doc := analyze(t, "ご本人の同意がある場合は、第三者に提供します。")
	s := doc.Sentences[0]
	if len(s.Clauses) != 2 {
		t.Fatalf("got %d clauses, want 2: %q", len(s.Clauses), s.Text)
	}
	if !s.Clauses[0].Conditional || s.Clauses[1].Conditional {
		t.Errorf("condition flags: %v %v", s.Clauses[0].Conditional, s.Clauses[1].Conditional)
	}
}

func TestSplitSentences(t *testing.T) {
	text := "当社は「個人情報。」を守ります。お問い合わせは下記まで。ありがとう"
	spans := SplitSentences(text, model.Span{End: len(text)})
	var got []string
	for _, s := range spans {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"当社は「個人情報。」を守ります。", "お問い合わせは下記まで。", "ありがとう"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestTokenSpansPointIntoText(t *testing.T) {
	doc := analyze(t, "前置き。当社は個人情報を適切に取り扱います。")
	for _, s := range doc.Sentences {
		for _, tk := range s.Tokens {
			if doc.Text[tk.Span.Start:tk.Span.End] != tk.Surface {
				t.Fatalf("token %q span %v reads %q", tk.Surface, tk.Span, doc.Text[tk.Span.Start:tk.Span.End])
			}
		}
	}
}
