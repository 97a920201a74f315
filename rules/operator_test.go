package rules_test

import (
	"testing"

	"github.com/appilint/appilint/rules"
)

// operatorPolicy is a compliant operator block used as a base.
const operatorPolicy = `プライバシーポリシー
株式会社サンプル（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。
お問い合わせ窓口
株式会社サンプル
代表取締役 山田太郎
住所：〒100-0001 東京都千代田区千代田1-1-1
メール：privacy@example.co.jp
`

func TestOperatorName(t *testing.T) {
	runFixtures(t, "appi/operator-name", []fixture{
		{name: "definition", text: operatorPolicy},
		{name: "suffix form", text: "サンプル合同会社（以下「当社」）は、個人情報を適切に取り扱います。"},
		{name: "fullwidth Latin", text: "ＡＢＣ株式会社（以下「当社」といいます。）は、個人情報を適切に取り扱います。"},
		{name: "association", text: "一般社団法人サンプル協会（以下「当協会」といいます。）は、個人情報を保護します。"},
		{name: "English name", text: "Sample Inc.（以下「当社」）は、個人情報を取り扱います。"},
		{name: "sole proprietor", text: "山田太郎（以下「当方」といいます。）は、当方が運営するサイトの個人情報を保護します。"},
		{name: "table row label", text: "サンプルアプリ（以下「本サービス」）のプライバシーポリシーです。\n会社名\t株式会社サンプル\nメール\tinfo@example.com"},
		{name: "markdown table label", text: "本サービスのプライバシーポリシーです。\n| 項目 | 内容 |\n| --- | --- |\n| 法人名 | 株式会社サンプル |"},
		{name: "label with value on next line", text: "当サービスは個人情報を保護します。\n氏名又は名称\n株式会社サンプル"},
		{name: "signature", text: "当社は、個人情報を適切に取り扱います。\n2024年4月1日 制定\nサンプル株式会社\n代表取締役 山田太郎"},
		{name: "heading title", text: "# サンプル株式会社 個人情報保護方針\n当社は、個人情報を適切に取り扱います。"},
		{name: "reverse definition", text: "当会（「サンプル愛好会」をいいます。以下同じ。）は、個人情報を取り扱います。"},
		{name: "business running the service", text: "本ポリシーは、サンプル株式会社が運営する本サービスに適用されます。"},
		{name: "copyright line", text: "当サイトは個人情報を保護します。\n© 2024 Sample Co., Ltd."},
		{name: "list item operator label", text: "・運営者：山田 花子\n・連絡先：info@example.com"},
		{name: "sole proprietor's name label beside a trade name", text: "- 屋号：サンプル工房\n- 事業者の氏名：山田 はな（個人事業主）\n- 所在地：東京都千代田区千代田1-1-1"},
		{name: "person running the business as a sole proprietor", text: "サンプル工房（以下「当工房」）は、デザイナーの山田はなが個人事業主として営む事務所です。"},

		{name: "brand only", fire: true, text: "サンプルアプリ（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。\nお問い合わせ：info@example.com"},
		{name: "site name only", fire: true, text: "example.net（以下「当社」といいます。）は、個人情報を取り扱います。"},
		{name: "project name only", fire: true, text: "Sample Platform プロジェクトは、位置情報を取得します。\n問い合わせ窓口 (contact@example.com)"},
		{name: "blank name", fire: true, text: "（以下「当方」といいます）は、当方が提供するサービスにおいて個人情報を保護します。"},
		{name: "placeholder name", fire: true, text: "株式会社〇〇（以下「当社」といいます。）は、個人情報を取り扱います。"},
		{name: "third parties only", fire: true, text: "当サービスは、次の事業者のツールを利用します。\n## 外部送信について\n提携先\tGoogle LLC\nグーグル合同会社は、Cookieを利用して個人情報を含む情報を収集します。"},
		{name: "negated name", fire: true, text: "当サイトの運営者の氏名は公開しておりません。"},
		{name: "tool provider is not the operator", fire: true, text: "当サイトでは、グーグル合同会社が提供するアクセス解析ツールを利用しています。"},
		{name: "brand label is not a name", fire: true, text: "屋号：サンプル\n当店は個人情報を適切に取り扱います。"},
		{name: "brand in the sole proprietor's name label", fire: true, text: "事業者の氏名：サンプル工房（個人事業主）\n当工房は個人情報を適切に取り扱います。"},
		{name: "sole proprietor's name left as a placeholder", fire: true, text: "屋号：サンプル工房\n事業者の氏名：【氏名】（個人事業主）"},
		{name: "sole proprietor negated", fire: true, text: "サンプル工房（以下「当工房」）は、個人事業主の氏名を公開しておりません。"},
	})
}

func TestOperatorAddress(t *testing.T) {
	runFixtures(t, "appi/operator-address", []fixture{
		{name: "contact block", text: operatorPolicy},
		{name: "without postal code", text: "株式会社サンプル（以下「当社」）\n所在地：東京都港区芝公園四丁目2番8号"},
		{name: "postal code and address on two lines", text: "株式会社サンプル（以下「当社」）\n住所\n〒810-0001\n福岡県福岡市中央区天神9-8-7 サンプルビル3F"},
		{name: "fullwidth digits", text: "株式会社サンプル（以下「当社」）\n住所：〒１００－０００１　東京都千代田区千代田１－１－１"},
		{name: "in a sentence", text: "株式会社サンプル（以下「当社」）の本店所在地は、大阪府大阪市北区梅田3-1-1です。"},
		{name: "table row", text: "株式会社サンプル（以下「当社」）\n| 住所 | 東京都千代田区千代田1-1-1 |"},
		{name: "list item", text: "株式会社サンプル（以下「当社」）\n・本社：愛知県名古屋市中村区名駅1-1-1"},
		{name: "label without prefecture", text: "株式会社サンプル（以下「当社」）\n所在地：千代田区丸の内1-1-1"},

		{name: "email only", fire: true, text: "株式会社サンプル（以下「当社」）\nお問い合わせ：privacy@example.co.jp"},
		{name: "phone and URL only", fire: true, text: "株式会社サンプル（以下「当社」）\n電話：03-1234-5678\nhttps://example.co.jp/contact"},
		{name: "postal code only", fire: true, text: "株式会社サンプル（以下「当社」）\n〒100-0001"},
		{name: "empty label", fire: true, text: "株式会社サンプル（以下「当社」）\n本社：\n電話：03-1234-5678"},
		{name: "prefecture without street", fire: true, text: "株式会社サンプル（以下「当社」）は東京都に本社を置く会社です。"},
		{name: "accredited body's address only", fire: true, text: "株式会社サンプル（以下「当社」）\n## 認定個人情報保護団体について\n一般財団法人サンプル協会\n住所：東京都港区芝公園4-2-8"},
		{name: "negated", fire: true, text: "株式会社サンプル（以下「当社」）は、所在地を公開しておりません。"},
		{name: "conditional", fire: true, text: "株式会社サンプル（以下「当社」）の住所が必要な場合は、お問い合わせください。"},
	})
}

func TestOperatorRepresentative(t *testing.T) {
	runFixtures(t, "appi/operator-representative", []fixture{
		{name: "contact block", text: operatorPolicy},
		{name: "label", text: "株式会社サンプル（以下「当社」）\n代表者：山田花子"},
		{name: "several titles", text: "株式会社サンプル（以下「当社」）\n代表取締役 執行役員社長 佐々木 健一"},
		{name: "name on next line", text: "株式会社サンプル（以下「当社」）\n株式会社サンプル代表取締役\n原　一樹"},
		{name: "label then title and name", text: "株式会社サンプル（以下「当社」）\n代表者の氏名\n代表取締役 丸田浩二"},
		{name: "table", text: "株式会社サンプル（以下「当社」）\n| 代表者 | 代表取締役 山田太郎 |"},
		{name: "tab table", text: "連絡先\n法人名\t株式会社サンプル\n代表者名\t栗田 陽子"},
		{name: "sentence", text: "株式会社サンプル（以下「当社」）の代表者は山田太郎です。"},
		{name: "sole proprietor", text: "山田太郎（以下「当方」といいます。）は、個人情報を保護します。"},
		{name: "sole proprietor by label", text: "運営者：山田 花子\nお問い合わせ：info@example.com"},
		{name: "sole proprietor in a sentence", text: "本サイトは個人事業主 佐藤花子が運営しています。\nお問い合わせ：hanako@example.jp"},
		{name: "sole proprietor's name label", text: "- 屋号：サンプル工房\n- 事業者の氏名：山田 はな（個人事業主）\n- メール：info@example.jp"},
		{name: "association representative", text: "一般社団法人サンプル協会（以下「当協会」）\n代表理事 佐藤一郎"},

		{name: "no representative", fire: true, text: "株式会社サンプル（以下「当社」）\n住所：東京都千代田区千代田1-1-1"},
		{name: "title only", fire: true, text: "会社名：株式会社サンプル\n代表者：代表取締役\n本社：東京都港区芝公園4-2-8"},
		{name: "privacy manager only", fire: true, text: "株式会社サンプル（以下「当社」）\n個人情報保護管理者：山田太郎"},
		{name: "placeholder name", fire: true, text: "株式会社サンプル（以下「当社」）\n代表取締役 〇〇〇〇"},
		{name: "unknown operator", fire: true, text: "サンプルアプリ（以下「当社」）は個人情報を取り扱います。"},
		{name: "negated", fire: true, text: "株式会社サンプル（以下「当社」）は、代表者の氏名を公開しません。"},
		{name: "company name with a note has no representative", fire: true, text: "会社名：株式会社サンプル（東京本社）\n所在地：東京都千代田区千代田1-1-1"},
		{name: "brand in the sole proprietor's name label", fire: true, text: "事業者の氏名：サンプル工房（個人事業主）\nメール：info@example.jp"},
		{name: "corporation with a brand definition", fire: true, text: "サンプル（以下「当社」）\n法人名\tサンプル合同会社"},
	})
}

// TestOperatorBlanks: the operator's name, address or representative
// drafted with a 【…】 blank in its value slot is stated (appi/placeholder
// reports the blank); a bracketed heading is no value.
func TestOperatorBlanks(t *testing.T) {
	runBlankFixtures(t, "appi/operator-name", []fixture{
		{name: "blank in the definition", text: "【会社名】（以下「当社」といいます。）は、個人情報を次のとおり取り扱います。"},
		{name: "blank with a legal form", text: "株式会社【会社名】（以下「当社」）は、個人情報を取り扱います。"},
		{name: "bracketed heading over a brand", fire: true, text: "【お知らせ】\nサンプルアプリ（以下「当社」）は、個人情報を取り扱います。"},
	})
	runBlankFixtures(t, "appi/operator-address", []fixture{
		{name: "drafted clause", text: "株式会社サンプル（以下「当社」）\n" + rules.ByID("appi/operator-address").Fix.JA},
		{name: "address label", text: "株式会社サンプル（以下「当社」）\n所在地：【所在地】"},
		{name: "bracketed heading only", fire: true, text: "株式会社サンプル（以下「当社」）\n【所在地】\nお問い合わせはメールでお願いします。"},
	})
	runBlankFixtures(t, "appi/operator-representative", []fixture{
		{name: "drafted clause", text: "株式会社サンプル（以下「当社」）\n" + rules.ByID("appi/operator-representative").Fix.JA},
		{name: "title and blank", text: "株式会社サンプル（以下「当社」）\n代表取締役 【氏名】"},
		{name: "bracketed heading below a title", fire: true, text: "株式会社サンプル（以下「当社」）\n代表取締役\n【代表者メッセージ】"},
	})
}
