package textnorm

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalizeFolds(t *testing.T) {
	cases := []struct{ in, want string }{
		{"ＡＢＣ１２３：（株）", "ABC123:(株)"},
		{"ｶﾞｲﾄﾞﾗｲﾝ", "ガイドライン"},
		{"ﾊﾟｽﾎﾟｰﾄ", "パスポート"},
		{"令和4年4月1日改定", "2022年4月1日改定"},
		{"令和元年5月1日", "2019年5月1日"},
		{"平成29年5月30日", "2017年5月30日"},
		{"法第二十七条第一項", "法第27条第1項"},
		{"第百二条", "第102条"},
		{"電話\u3000０３－１２３４－５６７８", "電話 03-1234-5678"},
		{"a\r\nb\rc", "a\nb\nc"},
		{"ゼロ\u200b幅", "ゼロ幅"},
	}
	for _, c := range cases {
		got := Normalize(c.in, nil, Wrapped)
		if got.Text != c.want {
			t.Errorf("Normalize(%q) = %q, want %q", c.in, got.Text, c.want)
		}
		checkMap(t, c.in, got)
	}
}

// checkMap asserts the offset map's invariants: one entry per byte plus
// the end, inside the input, never decreasing.
func checkMap(t *testing.T, in string, r Result) {
	t.Helper()
	if len(r.Offset) != len(r.Text)+1 {
		t.Fatalf("offset map has %d entries for %d bytes", len(r.Offset), len(r.Text))
	}
	for i, o := range r.Offset {
		if o < 0 || o > len(in) {
			t.Fatalf("offset[%d] = %d outside [0,%d]", i, o, len(in))
		}
		if i > 0 && o < r.Offset[i-1] {
			t.Fatalf("offset map decreases at %d: %d < %d", i, o, r.Offset[i-1])
		}
	}
	if r.Offset[len(r.Text)] != len(in) {
		t.Fatalf("end maps to %d, want %d", r.Offset[len(r.Text)], len(in))
	}
}

func TestOffsetsPointAtOriginalCharacters(t *testing.T) {
	in := "当社の住所は\r\n東京都千代田区１－２－３です。"
	r := Normalize(in, nil, Wrapped)
	i := strings.Index(r.Text, "千代田区")
	if got := in[r.Offset[i]:]; !strings.HasPrefix(got, "千代田区") {
		t.Errorf("offset of 千代田区 maps to %q", got)
	}
	j := strings.Index(r.Text, "1-2-3")
	if got := in[r.Offset[j]:]; !strings.HasPrefix(got, "１") {
		t.Errorf("offset of folded digits maps to %q", got)
	}
}

func TestJoinsPDFLineBreaks(t *testing.T) {
	// A hard-wrapped export: full-width lines broken inside words, with
	// blank lines between them, and short headings that must stay apart.
	wrapped := []string{
		"当社は、お客様からお預かりした個人情報を適切に管理し、漏えい、滅失又はき損の防止その他の安全管理のために必",
		"",
		"要かつ適切な措置を講じます。当社は、従業者に対する教育研修を定期的に実施し、個人情報の取扱いに関する規程を",
		"",
		"整備しています。また、当社は個人情報を取り扱う区域において入退室管理を行い、機器及び電子媒体等の盗難を防止",
		"",
		"するための措置を講じています。さらに、当社はアクセス制御を実施して、担当者及び取り扱う個人情報の範囲を限",
		"",
		"定しています。当社は、外部からの不正アクセス又は不正ソフトウェアから保護する仕組みを導入して運用していま",
		"",
		"す。",
		"２．利用目的",
		"当社は、取得した個人情報を次の目的で利用します。当社は、取得した個人情報を次の目的のために利用いたします。",
		"当社は、お問い合わせへの回答のために個人情報を利用します。当社は、商品の発送のために個人情報を利用します。",
		"当社は、料金の請求のために個人情報を利用します。当社は、本人確認のために個人情報を利用します。ほかにも。",
	}
	r := Normalize(strings.Join(wrapped, "\n"), nil, Wrapped)
	if !strings.Contains(r.Text, "安全管理のために必要かつ適切な措置") {
		t.Errorf("broken word not joined:\n%s", r.Text)
	}
	if !strings.Contains(r.Text, "運用しています。") {
		t.Errorf("broken word before a short last line not joined:\n%s", r.Text)
	}
	if !strings.Contains(r.Text, "\n2.利用目的\n") {
		t.Errorf("heading was joined to its neighbours:\n%s", r.Text)
	}
	checkMap(t, strings.Join(wrapped, "\n"), r)
}

func TestDoesNotJoinOrdinaryLines(t *testing.T) {
	in := "個人情報保護方針\n当社は個人情報を適切に取り扱います。\n電話番号 03-1234-5678\n受付時間 平日10時〜17時\n"
	r := Normalize(in, nil, Wrapped)
	if strings.Count(r.Text, "\n") != 4 {
		t.Errorf("short lines were joined:\n%q", r.Text)
	}
}

func TestMarkdownParagraphJoin(t *testing.T) {
	in := "# 見出し\n当社は、お客様からお預かりした個人情報を法令に従って\n適切に取り扱います。\n\n- 項目一\n- 項目二\n\n管理責任者\n当社\n"
	r := Normalize(in, nil, Markdown)
	if !strings.Contains(r.Text, "法令に従って適切に取り扱います。") {
		t.Errorf("soft break not joined: %q", r.Text)
	}
	if !strings.Contains(r.Text, "管理責任者\n当社") {
		t.Errorf("a label and its value were joined: %q", r.Text)
	}
	if !strings.Contains(r.Text, "# 見出し\n") || !strings.Contains(r.Text, "- 項目一\n- 項目二") {
		t.Errorf("structure lines were joined: %q", r.Text)
	}
}

func TestKanjiNumber(t *testing.T) {
	for in, want := range map[string]int{"一": 1, "十": 10, "十五": 15, "二十七": 27, "百": 100, "百二": 102, "三〇": 30} {
		if got, ok := KanjiNumber(in); !ok || got != want {
			t.Errorf("KanjiNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "令和元年", "第二十七条", "ｶﾞ", "a\r\n\r\nb", "全角１２３", "\xff\xfe"} {
		f.Add(s, uint8(0))
	}
	f.Fuzz(func(t *testing.T, in string, layout uint8) {
		r := Normalize(in, nil, Layout(layout%3))
		checkMap(t, in, r)
		if utf8.ValidString(in) && !utf8.ValidString(r.Text) {
			t.Fatalf("valid input gave invalid output %q", r.Text)
		}
		if again := Normalize(in, nil, Layout(layout%3)); again.Text != r.Text {
			t.Fatal("not deterministic")
		}
	})
}

func TestWrapWidthIgnoresAFewLongLines(t *testing.T) {
	wrapped := []string{
		"当社は、お客様からお預かりした個人情報を適切に管理し、漏えい、滅失又はき損の防止その他の安全管理のために必",
		"要かつ適切な措置を講じます。当社は、従業者に対する教育研修を定期的に実施し、個人情報の取扱いに関する規程を",
		"整備しています。また、当社は個人情報を取り扱う区域において入退室管理を行い、機器及び電子媒体等の盗難を防止",
		"するための措置を講じています。さらに、当社はアクセス制御を実施して、担当者及び取り扱う個人情報の範囲を限",
		"定しています。当社は、外部からの不正アクセス又は不正ソフトウェアから保護する仕組みを導入して運用していま",
		"す。当社は、個人情報の取扱いを委託する場合には、委託先において安全管理措置が講じられるよう監督を行いま",
		"す。当社は、法令に基づく場合を除き、あらかじめご本人の同意を得ることなく、個人データを第三者に提供いたし",
		"ません。当社は、個人情報保護に関する社内規程を整備し、取得、利用、保存、提供、削除の各段階の取扱方法を定",
		"めています。",
		// A drafted clause appended in one long line must not move the wrap width.
		"開示等の請求の手数料は、1件につき【金額】円です。ご請求の際は、本人確認のため運転免許証等の写しを同封してください。代理人による請求の場合は委任状も必要です。",
		"当社は、個人情報の取扱いに関する苦情及びご相談を、下記の窓口で受け付けます。住所、電話番号及びメールアドレスは次のとおりです。ご連絡をお待ちしております。",
	}
	r := Normalize(strings.Join(wrapped, "\n"), nil, Wrapped)
	for _, want := range []string{"安全管理のために必要かつ", "盗難を防止するための", "取扱方法を定めています。"} {
		if !strings.Contains(r.Text, want) {
			t.Errorf("%q not joined:\n%s", want, r.Text)
		}
	}
}
