package rules_test

import "testing"

func TestComplaintContact(t *testing.T) {
	runFixtures(t, "appi/complaint-contact", []fixture{
		{name: "contact section", text: operatorPolicy},
		{name: "email in the sentence", text: "個人情報に関する苦情・問合せ窓口　info@example.com"},
		{name: "pointer to the lines below", text: "個人情報の取扱いに関するご意見・ご質問は、下記までご連絡ください。\n社名　サンプル合同会社\nメール\tcontact@example.co.jp"},
		{name: "phone under an inquiry heading", text: "7．問い合わせへの対応\n一般社団法人サンプル協会\n電話番号 03-1111-2222\n受付時間 平日10時～17時"},
		{name: "fullwidth phone", text: "お問い合わせ窓口\n電話：０３－３３３３－４４４４"},
		{name: "inquiry form", text: "個人情報の取扱いに関するお問い合わせは、お問い合わせフォームよりご連絡ください。"},
		{name: "named page", text: "個人情報の相談について\n当社は、個人情報の訂正や利用停止のお求めを、当社ホームページの「お問い合わせ」にて承ります。"},
		{name: "linked contact point", text: "お問い合わせ窓口：[株式会社サンプル 個人情報保護担当](https://example.co.jp/inquiry)"},
		{name: "postal address", text: "苦情の申出先\n〒100-0001 東京都千代田区千代田1-1-1 株式会社サンプル 個人情報相談室"},
		{name: "table rows", text: "| 項目 | 内容 |\n| --- | --- |\n| 窓口 | 個人情報相談窓口 |\n| メール | privacy@example.co.jp |"},
		{name: "list items", text: "お問い合わせ先\n・株式会社サンプル 個人情報窓口\n・E-mail：privacy@example.co.jp"},
		{name: "conditional sentence with a contact", text: "ご不明な点がある場合は、以下のアドレスに電子メールにてご連絡ください。\nサンプル愛好会 ウェブサイト管理者\nadmin@example.org"},

		{name: "closing contact under the last section", text: "## Cookieについて\n当社はCookieを使用します。\n個人情報に関するお問い合わせ先：privacy@example.co.jp"},

		{name: "no contact at all", fire: true, text: "株式会社サンプル（以下「当社」）は、個人情報を適切に取り扱います。"},
		{name: "こちら without a link", fire: true, text: "13 お問い合わせ\n本人からのお問い合わせ及び苦情相談はこちらで受け付けています。"},
		{name: "下記メールアドレス with nothing below", fire: true, text: "10. お問い合わせ\nご質問・苦情・ご相談等があります場合は下記メールアドレスよりご連絡ください。"},
		{name: "window without a way to reach", fire: true, text: "お客様が個人情報を提供された会社の案内する窓口までご連絡ください。"},
		{name: "accredited body only", fire: true, text: "## 認定個人情報保護団体の名称及び苦情の申出先\n一般財団法人サンプル協会\n電話番号：03-5555-6666"},
		{name: "third parties' pages only", fire: true, text: "広告配信を停止する方法は各社へお問い合わせください。\nhttps://example.com/optout"},
		{name: "contact unrelated to inquiries", fire: true, text: "当社の利用目的は次のとおりです。\n・お問い合わせへの対応のため\n## 外部送信\nGoogle Analytics https://policies.google.com/privacy"},
		{name: "template with empty fields", fire: true, text: "第10条（お問い合わせ窓口）\n本ポリシーに関するお問い合わせは、下記の窓口までお願いいたします。\n住所：\n社名：\nEメールアドレス：\n以上"},
		{name: "tool provider's contact", fire: true, text: "## Cookieについて\nGoogle Analyticsの詳細はGoogleにお問い合わせください。https://policies.google.com/privacy"},
		{name: "negated", fire: true, text: "当サイトでは個人情報に関するお問い合わせは受け付けておりません。"},
	})
}

// TestComplaintContactBlanks: a drafted contact line with a 【…】 blank as
// its value states the contact point (appi/placeholder reports the blank);
// a bracketed heading is no way to reach anyone.
func TestComplaintContactBlanks(t *testing.T) {
	runBlankFixtures(t, "appi/complaint-contact", []fixture{
		{name: "address blank below the pointer", text: "個人情報の取扱いに関する苦情・お問い合わせは、下記の窓口までご連絡ください。\n株式会社サンプル 個人情報お問い合わせ窓口\n住所：【住所】"},
		{name: "phone blank under a contact heading", text: "## お問い合わせ窓口\n電話：【電話番号】"},
		{name: "email blank in a list", text: "お問い合わせ先\n・株式会社サンプル 個人情報窓口\n・メールアドレス：【メールアドレス】"},
		{name: "postal blanks", text: "苦情の申出先\n〒【郵便番号】 【住所】 株式会社サンプル 個人情報相談室"},
		{name: "table row", text: "| 項目 | 内容 |\n| --- | --- |\n| 窓口 | 個人情報相談窓口 |\n| メール | 【メールアドレス】 |"},

		{name: "bracketed heading only", fire: true, text: "## 【お問い合わせ窓口】\n個人情報の取扱いに関するお問い合わせは、下記【お問い合わせ窓口】までご連絡ください。"},
	})
	runFixtures(t, "appi/complaint-contact", []fixture{
		{name: "circles are no address", fire: true, text: "お問い合わせ窓口\n住所：〇〇県〇〇市〇〇"},
		{name: "crosses are no e-mail", fire: true, text: "お問い合わせ窓口\nメールアドレス：xxx@xxxx"},
	})
}
