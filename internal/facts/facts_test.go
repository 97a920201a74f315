package facts_test

import (
	"strings"
	"testing"

	"github.com/appilint/appilint/internal/facts"
	"github.com/appilint/appilint/internal/model"
	"github.com/appilint/appilint/internal/parse"
)

// compute parses a policy text and derives its facts.
func compute(t *testing.T, text string) (*model.Document, *facts.Facts) {
	t.Helper()
	doc, err := parse.Text("fixture.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	return doc, facts.Compute(doc)
}

// contactsOf returns the values of the contacts of one kind.
func contactsOf(f *facts.Facts, kind facts.ContactKind) []string {
	var out []string
	for _, c := range f.Contacts {
		if c.Kind == kind {
			out = append(out, c.Value)
		}
	}
	return out
}

func TestContacts(t *testing.T) {
	tests := []struct {
		name string
		text string
		kind facts.ContactKind
		want []string // nil: no contact of the kind
	}{
		{"email", "メール：privacy@example.co.jp までご連絡ください。", facts.Email, []string{"privacy@example.co.jp"}},
		{"fullwidth email", "Ｅメール：ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", facts.Email, []string{"info@example.com"}},
		{"obfuscated email", "info[at]example.com", facts.Email, []string{"info[at]example.com"}},
		{"landline", "電話番号 03-1111-2222 受付時間 平日10時～17時", facts.Phone, []string{"03-1111-2222"}},
		{"fullwidth phone", "電話　０３－３３３３－４４４４", facts.Phone, []string{"03-3333-4444"}},
		{"toll free", "フリーダイヤル：0120-123-456", facts.Phone, []string{"0120-123-456"}},
		{"bracketed area code", "TEL (03)1234-5678", facts.Phone, []string{"(03)1234-5678"}},
		{"international", "Tel: +81-3-1234-5678", facts.Phone, []string{"+81-3-1234-5678"}},
		{"date is no phone", "2022-04-01 改定", facts.Phone, nil},
		{"postal code is no phone", "〒810-0001", facts.Phone, nil},
		{"url", "詳しくは https://example.co.jp/contact/ をご覧ください。", facts.URL, []string{"https://example.co.jp/contact/"}},
		{"url in a table", "|サイト|www.example.jp|", facts.URL, []string{"www.example.jp"}},
		{"inquiry form", "お問い合わせフォームよりご連絡ください。", facts.Form, []string{"お問い合わせフォーム"}},
		{"named page", "当社ホームページの「お問い合わせ」にて承ります。", facts.Form, []string{"ホームページの「お問い合わせ」"}},
		{"input form is no contact", "入力フォームその他当社が定める方法を通じて送信する情報", facts.Form, nil},
		{"address with postal code", "住所：〒170-0013 東京都豊島区東池袋9-9-9 サンプルビル東2号館 4F", facts.Postal,
			[]string{"〒170-0013 東京都豊島区東池袋9-9-9 サンプルビル東2号館 4F"}},
		{"address in 丁目番号", "福岡県福岡市博多区博多駅前1丁目23番2号", facts.Postal, []string{"福岡県福岡市博多区博多駅前1丁目23番2号"}},
		{"address without prefecture after a label", "所在地：千代田区丸の内1-1-1", facts.Postal, []string{"千代田区丸の内1-1-1"}},
		{"rural lot number", "長野県北佐久郡軽井沢町大字軽井沢1323", facts.Postal, []string{"長野県北佐久郡軽井沢町大字軽井沢1323"}},
		{"kanji block numbers", "東京都千代田区丸の内一丁目1番1号", facts.Postal, []string{"東京都千代田区丸の内一丁目1番1号"}},
		{"designated city", "大阪市北区梅田3-1-1", facts.Postal, []string{"大阪市北区梅田3-1-1"}},
		{"postal code alone is no address", "〒810-0001", facts.Postal, nil},
		{"place without street number", "東京都が定める条例その他の規範を遵守します。", facts.Postal, nil},
		{"address words without an address", "メールアドレス、電話番号、住所など連絡先に関する情報", facts.Postal, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			got := contactsOf(f, tt.kind)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("%s contacts of %q = %q, want %q", tt.kind, tt.text, got, tt.want)
			}
		})
	}
}

func TestContactsSorted(t *testing.T) {
	_, f := compute(t, "お問い合わせフォーム、info@example.com、03-1234-5678\n東京都港区芝公園4-2-8")
	for i := 1; i < len(f.Contacts); i++ {
		if f.Contacts[i].Span.Start < f.Contacts[i-1].Span.Start {
			t.Fatalf("contacts out of order: %+v", f.Contacts)
		}
	}
	if len(f.Contacts) != 4 {
		t.Fatalf("got %d contacts, want 4: %+v", len(f.Contacts), f.Contacts)
	}
}

// names returns the operator's names as "text/kind".
func names(op facts.Operator) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range op.Names {
		k := n.Text + "/" + n.Kind.String()
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func TestOperatorNames(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		corp  bool
		indiv bool
	}{
		{"definition prefix form", "株式会社サンプル（以下「当社」といいます。）は、個人情報を適切に取り扱います。",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"definition suffix form with Latin", "Example Design works株式会社(以下「当社」)は、次のとおり取り扱います。",
			[]string{"Example Design works株式会社/legal-entity"}, true, false},
		{"definition without quotes", "サンプル合同会社（以下、当社）が取得する個人情報の利用目的は以下の通りです。",
			[]string{"サンプル合同会社/legal-entity"}, true, false},
		{"association", "公益社団法人日本サンプル協会（以下、「当会」といいます。）は、個人情報を保護します。",
			[]string{"公益社団法人日本サンプル協会/legal-entity"}, true, false},
		{"English legal form", "Example Inc.（以下「当社」）は、個人情報を取り扱います。",
			[]string{"Example Inc./legal-entity"}, true, false},
		{"reverse definition", "当支部（「全国サンプル連盟　東支部」をいいます。以下同じ。）は、個人情報を取り扱います。",
			[]string{"全国サンプル連盟 東支部/organization"}, false, false},
		{"name in parentheses", "弊社（名称：株式会社サンプル）が取得する個人情報について定めます。",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"sole proprietor", "山田太郎（以下「当方」といいます。）は、個人情報を適切に取り扱います。",
			[]string{"山田太郎/individual"}, false, true},
		{"label", "お問い合わせ先\n会社名：株式会社サンプル\nメール：info@example.co.jp",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"table label", "連絡先\n法人名\t株式会社サンプル\nE-mail\tinfo@example.com",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"label with value on the next line", "氏名又は名称\n株式会社サンプル\n住所\n東京都港区芝公園4-2-8",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"operator label with a person", "運営者：山田 太郎\nお問い合わせ：info@example.com",
			[]string{"山田 太郎/individual"}, false, true},
		{"signature", "個人情報保護方針\n当社は個人情報を大切にします。\n2024年4月1日制定\nサンプル株式会社\n代表取締役 山田太郎",
			[]string{"サンプル株式会社/legal-entity"}, true, false},
		{"title", "# サンプル株式会社プライバシーポリシー\n当社は個人情報を大切にします。",
			[]string{"サンプル株式会社/legal-entity"}, true, false},
		{"subject of a sentence", "サンプル株式会社は、個人情報保護に関する方針を次のとおり定めます。",
			[]string{"サンプル株式会社/legal-entity"}, true, false},
		{"copyright line", "当サイトは個人情報を保護します。\n© 2024 Sample Co., Ltd.",
			[]string{"Sample Co., Ltd./legal-entity"}, true, false},
		{"preamble subject mentioning third parties", "サンプル株式会社（以下「サンプル」）は、個人情報を第三者に提供する場合の方針を定めます。",
			[]string{"サンプル株式会社/legal-entity"}, true, false},
		{"hiragana name in a definition", "株式会社はてな（以下「当社」）は、個人情報を取り扱います。",
			[]string{"株式会社はてな/legal-entity"}, true, false},
		{"business running the service", "本ポリシーは、サンプル株式会社が運営する本サービスに適用されます。",
			[]string{"サンプル株式会社/legal-entity"}, true, false},
		{"sole proprietor in a sentence", "本サイトは個人事業主 佐藤花子が運営しています。",
			[]string{"佐藤花子/individual"}, false, true},
		{"sole proprietor's name label with a note", "- 屋号：サンプル工房\n- 事業者の氏名：山田 はな（個人事業主）\n- メール：info@example.jp",
			[]string{"山田 はな/individual"}, false, true},
		{"operator's name in a table row", "連絡先\n運営者氏名\t佐藤花子\nE-mail\tinfo@example.com",
			[]string{"佐藤花子/individual"}, false, true},
		{"person named as running the business", "サンプル工房（以下「当工房」）は、デザイナーの山田はなが個人事業主として営む事務所です。",
			[]string{"山田はな/individual"}, false, true},
		{"note after a company name", "会社名：株式会社サンプル（観光庁長官登録旅行業第1号）\nメール：info@example.co.jp",
			[]string{"株式会社サンプル/legal-entity"}, true, false},
		{"English form before a kanji word", "当サイトではSample LLC及び株式会社テストのツールを利用します。\n当社は個人情報を保護します。\n© 2024 Example Co., Ltd.",
			[]string{"Example Co., Ltd./legal-entity"}, true, false},
		{"brand in the name label", "事業者の氏名：サンプル工房（個人事業主）\nメール：info@example.jp", nil, false, false},
		{"sole proprietor's name left blank", "事業者の氏名：【氏名】（個人事業主）\nメール：info@example.jp", nil, false, false},
		{"tool provider in an opening line", "プライバシーポリシー\n本アプリはGoogle LLCのFirebaseで個人情報を処理します。", nil, false, false},
		{"tool provider is not the operator", "当サイトでは、グーグル合同会社が提供するアクセス解析ツールを利用しています。", nil, false, false},
		{"operator's judgement is no name", "運営者の判断により、本サイトの記事を削除することがあります。", nil, false, false},
		{"brand only", "サンプルアプリ（以下「当社」といいます。）は、個人情報を取り扱います。", nil, false, false},
		{"site name only", "example.net（以下「当社」といいます。）は、個人情報を取り扱います。", nil, false, false},
		{"project name only", "Sample Platform プロジェクトは、本システムの提供のため位置情報を取得します。", nil, false, false},
		{"blank name", "（以下「当方」といいます）は、当方が提供するサービスにおいて個人情報を保護します。", nil, false, false},
		{"placeholder name", "株式会社〇〇（以下「当社」といいます。）は、個人情報を取り扱います。", nil, false, false},
		{"third parties only", "当サービスは次の事業者のツールを利用します。\n提携先\tGoogle LLC\n提供元\tサンプル解析株式会社",
			nil, false, false},
		{"third party subject", "## 外部送信について\nグーグル合同会社は、Cookieを利用して個人情報を含む情報を収集します。", nil, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			op := f.Operator
			if got := names(op); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("names = %q, want %q", got, tt.want)
			}
			if op.Corporation != tt.corp || op.Individual != tt.indiv {
				t.Errorf("corporation=%v individual=%v, want %v %v", op.Corporation, op.Individual, tt.corp, tt.indiv)
			}
		})
	}
}

func TestOperatorDefinition(t *testing.T) {
	tests := []struct {
		text        string
		name, short string
		kind        facts.NameKind
		placeholder bool
	}{
		{"街サンプル（以下「当社」といいます。）は、", "街サンプル", "当社", facts.Brand, false},
		{"（以下「当方」といいます）は、", "", "当方", facts.Brand, false},
		{"株式会社〇〇（以下「当社」）は、", "株式会社〇〇", "当社", facts.Brand, true},
		{"このポリシーは、株式会社サンプル（以下「当社」）が定めます。", "株式会社サンプル", "当社", facts.LegalEntity, false},
	}
	for _, tt := range tests {
		_, f := compute(t, tt.text)
		d := f.Operator.Definition
		if d == nil {
			t.Errorf("%q: no definition", tt.text)
			continue
		}
		if d.Name != tt.name || d.Short != tt.short || d.Kind != tt.kind || d.Placeholder != tt.placeholder {
			t.Errorf("%q: definition = %q/%q/%v/%v, want %q/%q/%v/%v", tt.text, d.Name, d.Short, d.Kind, d.Placeholder,
				tt.name, tt.short, tt.kind, tt.placeholder)
		}
	}
	// 「以下「当該情報」」 defines a term, not the operator.
	if _, f := compute(t, "位置情報（以下「当該情報」といいます。）を取得します。"); f.Operator.Definition != nil {
		t.Errorf("a term definition was taken for the operator's: %+v", f.Operator.Definition)
	}
}

func TestOperatorAddresses(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"contact block", "株式会社サンプル（以下「当社」）は、\nお問い合わせ窓口\n株式会社サンプル\n住所：〒100-0001 東京都千代田区千代田1-1-1",
			[]string{"〒100-0001 東京都千代田区千代田1-1-1"}},
		{"postal code and street on two lines", "株式会社サンプル（以下「当社」）\n住所\n〒810-0001\n福岡県福岡市中央区天神9-8-7 サンプルビル 3F",
			[]string{"福岡県福岡市中央区天神9-8-7 サンプルビル 3F"}},
		{"email and phone only", "株式会社サンプル（以下「当社」）\nお問い合わせ：info@example.com\nTEL 03-1234-5678", nil},
		{"accredited body's address", "株式会社サンプル（以下「当社」）\n## 認定個人情報保護団体\n一般財団法人サンプル協会\n住所：東京都港区芝公園4-2-8", nil},
		{"another business's address", "株式会社サンプル（以下「当社」）\n共同利用者\nホカ株式会社\n東京都港区芝公園4-2-8", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			var got []string
			for _, a := range f.Operator.Addresses {
				got = append(got, a.Value)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("addresses = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestRepresentatives(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "title name"
		bare bool
	}{
		{"same line", "株式会社サンプル\n代表取締役 山田太郎", []string{"代表取締役 山田太郎"}, false},
		{"several titles", "代表取締役 執行役員社長 佐々木 健一", []string{"代表取締役 佐々木 健一"}, false},
		{"label", "代表者：山田花子", []string{"代表者 山田花子"}, false},
		{"fullwidth space", "代表取締役　森田　正樹", []string{"代表取締役 森田 正樹"}, false},
		{"name on the next line", "株式会社サンプル代表取締役\n原　一樹", []string{"代表取締役 原 一樹"}, false},
		{"label then title and name", "代表者の氏名\n代表取締役 丸田浩二", []string{"代表取締役 丸田浩二"}, false},
		{"table", "| 代表者 | 代表取締役 山田太郎 |", []string{"代表者 山田太郎"}, false},
		{"tab table", "代表者名\t栗田 陽子", []string{"代表者名 栗田 陽子"}, false},
		{"hiragana given name", "代表取締役 山田さくら", []string{"代表取締役 山田さくら"}, false},
		{"sentence", "当社の代表者は山田太郎です。", []string{"代表者 山田太郎"}, false},
		{"title only", "会社名：株式会社サンプル\n代表者：代表取締役\n本社：東京都港区芝公園4-2-8", nil, true},
		{"privacy manager is not the representative", "個人情報保護管理者：山田太郎", nil, false},
		{"statute paraphrase", "法人にあっては、その代表者の氏名\n〒810-0001", nil, false},
		{"title in running text", "代表取締役を委員長とする委員会を設置します。", nil, false},
		{"placeholder name", "代表取締役 〇〇〇〇", nil, true},
		{"another company's representative", "株式会社サンプル（以下「当社」）\n共同利用の管理責任者：ホカ株式会社 代表取締役 鈴木一郎", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, f := compute(t, tt.text)
			var got []string
			for _, r := range f.Operator.Representatives {
				got = append(got, r.Title+" "+r.Name)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("representatives = %q, want %q", got, tt.want)
			}
			if bare := len(f.Operator.BareTitles) > 0; bare != tt.bare {
				t.Errorf("bare titles = %v, want %v", f.Operator.BareTitles, tt.bare)
			}
		})
	}
}

func TestNameKindOf(t *testing.T) {
	tests := map[string]facts.NameKind{
		"株式会社サンプル":         facts.LegalEntity,
		"サンプル合同会社":         facts.LegalEntity,
		"一般社団法人サンプル":       facts.LegalEntity,
		"(株)サンプル":          facts.LegalEntity,
		"Sample Co., Ltd.": facts.LegalEntity,
		"サンプル協会":           facts.Organization,
		"山田太郎":             facts.Individual,
		"山田 花子":            facts.Individual,
		"サンプルアプリ":          facts.Brand,
		"街サンプル":            facts.Brand,
		"example.net":      facts.Brand,
		"株式会社サンプルが運営するサービス": facts.Brand,
		"株式会社はてな":           facts.LegalEntity,
		"株式会社〇〇":            facts.Brand,
		"":                  facts.Brand,
	}
	for s, want := range tests {
		if got := facts.NameKindOf(s); got != want {
			t.Errorf("NameKindOf(%q) = %v, want %v", s, got, want)
		}
	}
}
