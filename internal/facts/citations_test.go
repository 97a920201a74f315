package facts_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/facts"
)

func TestFindCitations(t *testing.T) {
	type want struct {
		text                  string
		article, branch, para int
		item                  int
		law                   facts.Law
		before, after         string // substrings of the context, may be empty
	}
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"full name", "オプトアウト制度(個人情報の保護に関する法律第23条第2項)を利用しません。",
			[]want{{"第23条第2項", 23, 0, 2, 0, facts.LawAPPI, "オプトアウト", "を利用しません"}}},
		{"short name and 号", "個人情報保護法第27条第5項第3号に基づく共同利用",
			[]want{{"第27条第5項第3号", 27, 0, 5, 3, facts.LawAPPI, "", "共同利用"}}},
		{"法 without 第, spaced", "開示(法 33 条 2 項関係)、訂正等(法34条2項関係)",
			[]want{{"33 条 2 項", 33, 0, 2, 0, facts.LawAPPI, "開示", ""}, {"34条2項", 34, 0, 2, 0, facts.LawAPPI, "訂正等", ""}}},
		{"context is cut at neighbours", "開示(法33条)、訂正(法34条)",
			[]want{{"33条", 33, 0, 0, 0, facts.LawAPPI, "開示", ""}, {"34条", 34, 0, 0, 0, facts.LawAPPI, "訂正", ""}}},
		{"kanji numerals", "個人情報保護法第二十八条の規定による開示", []want{{"第28条", 28, 0, 0, 0, facts.LawAPPI, "", "開示"}}},
		{"fullwidth", "個人情報保護法第２４条", []want{{"第24条", 24, 0, 0, 0, facts.LawAPPI, "", ""}}},
		{"order", "個人情報の保護に関する法律施行令第10条に定められた措置", []want{{"第10条", 10, 0, 0, 0, facts.LawOrder, "", ""}}},
		{"quoted order", "「個人情報保護に関する法律施行令」第 10 条", []want{{"第 10 条", 10, 0, 0, 0, facts.LawOrder, "", ""}}},
		{"rules", "個人情報保護法施行規則第17条", []want{{"第17条", 17, 0, 0, 0, facts.LawRules, "", ""}}},
		{"telecom with branch", "電気通信事業法第27条の12に基づく外部送信", []want{{"第27条の12", 27, 12, 0, 0, facts.LawTelecom, "", ""}}},
		{"telecom spaced", "電気通信事業法第 4 条", []want{{"第 4 条", 4, 0, 0, 0, facts.LawTelecom, "", ""}}},
		{"other law", "労働安全衛生法第66条に基づく健康診断", []want{{"第66条", 66, 0, 0, 0, facts.LawOther, "", ""}}},
		{"public-sector act is not the APPI", "行政機関個人情報保護法第12条", []want{{"第12条", 12, 0, 0, 0, facts.LawOther, "", ""}}},
		{"law through parenthesis", "個人情報の保護に関する法律(平成15年法律第57号)第27条", []want{{"第27条", 27, 0, 0, 0, facts.LawAPPI, "", ""}}},
		{"alias", "個人情報の保護に関する法律(以下「個情法」といいます。)に従います。個情法第33条に基づく開示", []want{{"第33条", 33, 0, 0, 0, facts.LawAPPI, "", "開示"}}},
		{"同法", "個人情報保護法第27条により、また同法第28条により", []want{{"第27条", 27, 0, 0, 0, facts.LawAPPI, "", ""}, {"第28条", 28, 0, 0, 0, facts.LawAPPI, "", ""}}},
		{"同法 after a sentence naming a law", "電気通信事業法第4条に従います。当社は個人情報保護法を遵守します。同法第27条により提供しません。",
			[]want{{"第4条", 4, 0, 0, 0, facts.LawTelecom, "", ""}, {"第27条", 27, 0, 0, 0, facts.LawAPPI, "", ""}}},
		{"同法 reads the latest sentence naming a law", "個人情報保護法を遵守します。電気通信事業法も遵守します。この方法によります。同法第4条に基づきます。",
			[]want{{"第4条", 4, 0, 0, 0, facts.LawTelecom, "", ""}}},
		{"同法 after a mention read with the aliases known then", "当社はプライバシー法を遵守します。電気通信事業法(以下「プライバシー法」)と同法第4条",
			[]want{{"第4条", 4, 0, 0, 0, facts.LawOther, "", ""}}},
		{"list continues the law", "電気通信事業法第4条、第27条の12", []want{{"第4条", 4, 0, 0, 0, facts.LawTelecom, "", ""}, {"第27条の12", 27, 12, 0, 0, facts.LawTelecom, "", ""}}},
		{"law named earlier in the sentence", "個人情報保護法に定める場合(第27条第1項各号)を除き", []want{{"第27条第1項", 27, 0, 1, 0, facts.LawAPPI, "", ""}}},
		{"policy articles", "第1条(目的)\n本ポリシーは…。\n第2条(窓口)\n第1条に記載の窓口までご連絡ください。",
			[]want{{"第1条", 1, 0, 0, 0, facts.LawDocument, "", ""}, {"第2条", 2, 0, 0, 0, facts.LawDocument, "", ""}, {"第1条", 1, 0, 0, 0, facts.LawDocument, "", "記載の窓口"}}},
		{"bare reference in a policy without articles", "詳細は第3条をご確認ください。", []want{{"第3条", 3, 0, 0, 0, facts.LawUnknown, "", ""}}},
		{"not citations", "送信方法3条件のうち、12条例、2003年法律第57号、会員番号123条", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := computeFacts(t, c.text).Citations
			if len(got) != len(c.want) {
				var texts []string
				for _, x := range got {
					texts = append(texts, x.Text)
				}
				t.Fatalf("got %d citations %q, want %d", len(got), texts, len(c.want))
			}
			for i, w := range c.want {
				g := got[i]
				if g.Text != w.text || g.Article != w.article || g.Branch != w.branch || g.Paragraph != w.para || g.Item != w.item || g.Law != w.law {
					t.Errorf("citation %d = %q art %d-%d p%d i%d law %q, want %q art %d-%d p%d i%d law %q", i, g.Text, g.Article, g.Branch, g.Paragraph, g.Item, g.Law, w.text, w.article, w.branch, w.para, w.item, w.law)
				}
				if !strings.Contains(g.Before, w.before) || !strings.Contains(g.After, w.after) {
					t.Errorf("citation %d context = %q | %q, want to contain %q | %q", i, g.Before, g.After, w.before, w.after)
				}
				if c.name == "context is cut at neighbours" && i == 1 && strings.Contains(g.Before, "開示") {
					t.Errorf("context of the second citation reaches the first: %q", g.Before)
				}
			}
		})
	}
}
