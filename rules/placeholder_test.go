package rules_test

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/text/width"

	"github.com/appilint/appilint/rules"
)

func TestPlaceholder(t *testing.T) {
	runFixtures(t, "appi/placeholder", []fixture{
		{name: "filled policy", text: operatorPolicy},
		{name: "single circle bullets", text: "○個人情報の利用目的\n○ 当社は次の目的で利用します。\n● 第三者提供について"},
		{name: "bracket headings", text: "【個人情報の利用目的】\n当社は次の目的で利用します。\n【お問い合わせ窓口】\nメール：info@example.com"},
		{name: "bracketed label with value", text: "【所在地】東京都千代田区千代田1-1-1\n【会社名】株式会社サンプル"},
		{name: "bracketed field as a heading", text: "【住所】\n東京都千代田区千代田1-1-1"},
		{name: "XXX inside a word", text: "サイズはXXXLまで対応します。"},
		{name: "label with value on next line", text: "住所：\n〒100-0001 東京都千代田区千代田1-1-1\nメールアドレス：\ninfo@example.com"},
		{name: "label without colon", text: "住所\n〒810-0001\n福岡県福岡市中央区天神9-8-7"},
		{name: "kanji zero", text: "本方針は二〇〇五年四月一日に制定しました。"},
		{name: "decorative line", text: "●●●●●●●●\n当社は個人情報を保護します。"},
		{name: "markdown link text", text: "当社の親会社である[Sample, Inc.]と共有します。お問い合わせ窓口 [info@example.com]"},
		{name: "markdown link named URL", text: "詳しくは[URL](https://example.com/privacy)をご覧ください。"},
		{name: "example in a form instruction", text: "電話番号（記入例：03-XXXX-XXXX）をご記入ください。"},
		{name: "time on the next line", text: "受付時間：\n10:00〜17:00（土日祝日を除く）"},
		{name: "URL on the next line", text: "URL：\nhttps://example.co.jp/"},
		{name: "headings with instruction-like words", text: "【仮名加工情報の取扱い】\n当社は仮名加工情報を作成します。\n【ご記入いただく項目】\n氏名、住所"},
		{name: "markdown task list", text: "- [ ] 同意する\n- [x] 確認した"},
		{name: "todo as a word", text: "本アプリのTODOリスト機能で入力された情報を保存します。"},

		{name: "circles in the name", fire: true, text: "〇〇株式会社（以下「当社」といいます。）は、個人情報を取り扱います。"},
		{name: "halfwidth circles", fire: true, text: "株式会社○○（以下「当社」）"},
		{name: "black circles", fire: true, text: "住所：東京都●●区"},
		{name: "bracketed field in a sentence", fire: true, text: "【会社名】（以下「当社」といいます。）は、個人情報を取り扱います。"},
		{name: "bracketed field as a value", fire: true, text: "会社名：【会社名】"},
		{name: "square brackets", fire: true, text: "[会社名]は、個人情報を適切に取り扱います。"},
		{name: "fullwidth square brackets", fire: true, text: "［会社名］は、個人情報を適切に取り扱います。"},
		{name: "instruction", fire: true, text: "住所：【ここに住所を記入】"},
		{name: "XXX", fire: true, text: "電話：03-XXXX-XXXX"},
		{name: "fullwidth XXX", fire: true, text: "メール：ＸＸＸ＠example.com"},
		{name: "empty brackets", fire: true, text: "会社名：【　】"},
		{name: "dummy text", fire: true, text: "ダミーテキストダミーテキスト。"},
		{name: "todo note", fire: true, text: "TODO: 住所を確認する"},
		{name: "empty field before another field", fire: true, text: "会社名：株式会社サンプル\n本　社：\nお客様相談室：電話 03-3333-4444"},
		{name: "empty field at the end", fire: true, text: "お問い合わせ窓口\nメールアドレス："},
		{name: "empty field in a list", fire: true, text: "・住所：\n・電話：03-1234-5678"},
		{name: "empty table cell", fire: true, text: "| 項目 | 内容 |\n| --- | --- |\n| 住所 | |\n| 電話 | 03-1234-5678 |"},
		{name: "empty fields before the end mark", fire: true, text: "第10条（お問い合わせ窓口）\n本ポリシーに関するお問い合わせは、下記の窓口までお願いいたします。\n社名：\nEメールアドレス：\n以上"},
		{name: "template variable", fire: true, text: "{{company_name}}は、個人情報を取り扱います。"},
	})
}

// TestPlaceholderReportsFixBlanks: every 【…】 blank a rule's drafted
// clause leaves must be reported by appi/placeholder once inserted, so that
// the author is told to fill it in (the item rules accept the blank).
func TestPlaceholderReportsFixBlanks(t *testing.T) {
	blank := regexp.MustCompile(`【[^】]+】`)
	for _, r := range rules.All() {
		if !strings.Contains(r.Fix.JA, "【") {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			res := run(t, "株式会社サンプル（以下「当社」）は、個人情報を取り扱います。\n\n"+r.Fix.JA)
			reported := map[string]int{}
			for _, f := range findingsOf(res, "appi/placeholder") {
				reported[res.Doc.Slice(f.Span)]++
			}
			for _, b := range blank.FindAllString(r.Fix.JA, -1) {
				b = width.Fold.String(b)
				if reported[b] == 0 {
					t.Errorf("blank %s is not reported", b)
					continue
				}
				reported[b]--
			}
		})
	}
}

// runBlankFixtures checks an item rule on drafted clauses with 【…】
// blanks. A blank in the item's value slot states the item: the item rule
// must not report (fire false) and appi/placeholder must report the blank.
// A bracket elsewhere (a heading, a reference to one) is no value: the item
// rule reports (fire true) and appi/placeholder does not. Either way
// exactly one of the two reports.
func runBlankFixtures(t *testing.T, id string, fixtures []fixture) {
	t.Helper()
	runFixtures(t, id, fixtures)
	inverse := make([]fixture, len(fixtures))
	for i, fx := range fixtures {
		inverse[i] = fixture{name: fx.name + " (placeholder)", text: fx.text, fire: !fx.fire}
	}
	runFixtures(t, "appi/placeholder", inverse)
}

// TestPlaceholderDraftBlanks covers the brackets that name no field: a
// blank in a value slot or saying what to fill in is reported; a heading,
// a reference to one, or a note is not.
func TestPlaceholderDraftBlanks(t *testing.T) {
	runFixtures(t, "appi/placeholder", []fixture{
		{name: "reference to a bracketed heading", text: "ご請求は、下記【お問い合わせ窓口】までお申し出ください。\n## 【お問い合わせ窓口】\nメール：info@example.com"},
		{name: "reference after the heading", text: "【利用目的】\n当社は次の目的で利用します。\n・商品の発送\n取得した情報は【利用目的】の範囲で利用します。"},
		{name: "reference by wording", text: "詳しくは【個人情報の利用目的】に記載のとおりです。"},
		{name: "form notes", text: "お名前【必須】\nメールアドレス【必須】"},
		{name: "notice", text: "【重要】当社は個人情報を適切に取り扱います。"},
		{name: "numbered heading", text: "【1】個人情報の定義\n個人情報とは、生存する個人に関する情報をいいます。"},
		{name: "date label with its date", text: "【制定日】2020年4月1日"},
		{name: "name label with its value below", text: "【会社名】\n株式会社サンプル"},
		{name: "contact heading over filled labels", text: "【連絡先】\n住所：東京都千代田区千代田1-1-1"},
		{name: "contact heading over a bracketed label", text: "【連絡先】\n【受付時間】平日10時～17時"},
		{name: "bracketed term", text: "当社は、【Cookie等】の技術を利用します。"},

		{name: "what to fill in running text", fire: true, text: "ご請求は【窓口の名称・連絡先】までお申し出ください。"},
		{name: "examples to choose from", fire: true, text: "通信を【SSL/TLS等】により暗号化しています。"},
		{name: "method after a sentence", fire: true, text: "手数料をいただきます。【手数料の支払方法】によりお支払いください。"},
		{name: "age blank", fire: true, text: "【15】歳未満の方は、保護者の同意を得てください。"},
		{name: "amount blank", fire: true, text: "1件につき【金額】円の手数料をいただきます。"},
		{name: "name after a title", fire: true, text: "代表者：代表取締役 【代表者氏名】"},
		{name: "address blanks after a postal mark", fire: true, text: "住所：〒【郵便番号】 【都道府県・市区町村・番地・建物名】"},
		{name: "name line over a blank label", fire: true, text: "【会社名】\n住所：【住所】"},
		{name: "name line over a filled label", fire: true, text: "【会社名】\n住所：東京都千代田区千代田1-1-1"},
		{name: "name before its department", fire: true, text: "【会社名】 個人情報お問い合わせ窓口\nメール：info@example.com"},
		{name: "signature block of fields", fire: true, text: "【会社名】\n【住所】\n【電話番号】"},
		{name: "date label with no date", fire: true, text: "【制定日】制定"},
		{name: "blank object", fire: true, text: "当社は、【提供する個人データの項目】を提供します。"},
		{name: "instruction in a list item", fire: true, text: "・法令に基づく場合\n・【その他、法27条1項各号・5項各号のうち該当する場合を記入】"},
	})
}
