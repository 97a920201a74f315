package structure

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/model"
)

func TestHeadingForms(t *testing.T) {
	text := strings.Join([]string{
		"# プライバシーポリシー",
		"第1条(利用目的)",
		"当社は個人情報を以下の目的で利用します。",
		"1. お問い合わせへの対応のため",
		"(1) 連絡のため",
		"① メールの送付のため",
		"【お問い合わせ窓口】",
		"開示等の請求について",
		"Ⅰ-1 安全管理措置",
		"3.安全管理措置",
		"(個人情報の定義)",
	}, "\n")
	blocks, _ := Parse(text)
	want := []struct {
		kind  model.BlockKind
		title string
	}{
		{model.Heading, "プライバシーポリシー"},
		{model.Heading, "(利用目的)"},
		{model.Paragraph, ""},
		{model.Heading, "お問い合わせへの対応のため"},
		{model.Heading, "連絡のため"},
		{model.Heading, "メールの送付のため"},
		{model.Heading, "お問い合わせ窓口"},
		{model.Heading, "開示等の請求について"},
		{model.Heading, "安全管理措置"},
		{model.Heading, "安全管理措置"},
		{model.Heading, "個人情報の定義"},
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d", len(blocks), len(want))
	}
	for i, w := range want {
		b := blocks[i]
		if b.Kind != w.kind {
			t.Errorf("block %d %q: kind %v, want %v", i, b.Text, b.Kind, w.kind)
			continue
		}
		if w.kind == model.Heading && b.Section.Title != w.title {
			t.Errorf("block %d %q: title %q, want %q", i, b.Text, b.Section.Title, w.title)
		}
	}
}

func TestListItemsAndSentencesAreNotHeadings(t *testing.T) {
	text := "1.当社は、個人情報を取り扱う際に、個人情報保護法その他の法令を遵守します。\n・氏名、住所、電話番号\n(1) 当社は、お客様の同意を得た場合、個人情報を第三者に提供することがあります。"
	blocks, _ := Parse(text)
	for _, b := range blocks {
		if b.Kind != model.ListItem {
			t.Errorf("%q: kind %v, want list-item", b.Text, b.Kind)
		}
	}
}

func TestTables(t *testing.T) {
	text := "| 項目 | 内容 |\n|---|---|\n| 名称 | 株式会社テスト |\n住所\t東京都千代田区1-1-1\n"
	blocks, _ := Parse(text)
	if len(blocks) != 3 {
		t.Fatalf("got %d blocks, want 3 (separator row dropped)", len(blocks))
	}
	for _, b := range blocks {
		if b.Kind != model.TableRow || len(b.Cells) != 2 {
			t.Errorf("%q: kind %v with %d cells, want a table row of 2", b.Text, b.Kind, len(b.Cells))
		}
	}
	if got := text[blocks[1].Cells[1].Start:blocks[1].Cells[1].End]; got != "株式会社テスト" {
		t.Errorf("cell = %q", got)
	}
}

func TestSectionsNest(t *testing.T) {
	text := "## 安全管理措置\n当社は以下の措置を講じます。\n### 人的安全管理措置\n従業者に研修を行います。\n## お問い合わせ\n窓口はこちらです。"
	blocks, sections := Parse(text)
	if len(sections) != 4 {
		t.Fatalf("got %d sections, want 4 (preamble + 3)", len(sections))
	}
	human := blocks[3].Section
	if human.Title != "人的安全管理措置" || human.Parent.Title != "安全管理措置" {
		t.Errorf("研修 sentence in %q under %q", human.Title, human.Parent.Title)
	}
	if got := blocks[5].Section.Title; got != "お問い合わせ" {
		t.Errorf("last block in %q", got)
	}
	if !sections[1].Span.Contains(blocks[3].Span) || sections[1].Span.Contains(blocks[5].Span) {
		t.Errorf("section span %v wrong", sections[1].Span)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "# a\nb", "| a | b |\n|--|--|", "1. x\n(1) y\n① z", "第1条\n\n\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		blocks, sections := Parse(text)
		for _, b := range blocks {
			if b.Span.Start < 0 || b.Span.End > len(text) || b.Span.Start > b.Span.End {
				t.Fatalf("block span %v outside text of %d bytes", b.Span, len(text))
			}
			if b.Section == nil {
				t.Fatal("block without section")
			}
			for _, c := range b.Cells {
				if !b.Span.Contains(c) {
					t.Fatalf("cell %v outside row %v", c, b.Span)
				}
			}
		}
		for _, s := range sections {
			if s.Span.Start > s.Span.End || s.Span.End > len(text) {
				t.Fatalf("section span %v", s.Span)
			}
		}
	})
}
