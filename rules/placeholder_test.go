package rules_test

import (
	"testing"
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
